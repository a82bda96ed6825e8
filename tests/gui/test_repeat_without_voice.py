""" "Repeat that" does something the user can see without a voice (newcomer report, session 19:
with --no-voice it did nothing visible). With the voice off or no speakers the line is shown
again: the caption back at its start, its border lit for a moment, and the banner saying so;
the button's tooltip says it shows rather than says. With a voice it is said again, as before.
Each scenario's first lines, by the button and by Ctrl+R."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.dialogue import installed_scenario_dirs, load_scenarios
from app.ui.line_again import FLASH_MS, SHOWN_AGAIN, TIPS

pytestmark = pytest.mark.gui

SCENARIOS = sorted(s.id for s in load_scenarios(installed_scenario_dirs())[0])[:5]
WAYS = ("voice-off", "no-speakers", "voice-on")


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("how", ["button", "ctrl-r"])
def test_repeat_that_is_seen_or_heard(
    qtbot: object, tmp_path: Path, scenario: str, way: str, how: str
) -> None:
    from app.testing.driver import make_driver

    app = make_driver(qtbot, tmp_path / "d", voice=way != "voice-off")
    try:
        if way == "no-speakers":
            app.window.speech.player.silent = True  # type: ignore[union-attr]
        heard = way == "voice-on"
        app.start(scenario)
        rehearsal, view = app.window.rehearsal, app.window.conversation
        app.wait_until(lambda: rehearsal.awaiting_answer, "the first answer to be awaited")
        assert view.repeat_button.toolTip() == TIPS[heard][0]
        line = view.caption.text()
        said, phase = len(app.spoken_lines), rehearsal.phase
        view.caption_box.verticalScrollBar().setValue(
            view.caption_box.verticalScrollBar().maximum()
        )
        if how == "button":
            view.repeat_button.click()
        else:
            app.qtbot.keyClick(view.answer, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        app.qtbot.wait(20)
        assert view.caption.text() == line
        if heard:
            app.wait_until(lambda: len(app.spoken_lines) > said, "the line said again")
            assert not view.line_again.lit
            return
        person = view.state.person
        assert view.line_again.lit, "the caption is not marked as shown again"
        assert view.banner.isVisibleTo(view)
        assert SHOWN_AGAIN.format(person=person) in view.banner.text()
        assert view.caption_box.verticalScrollBar().value() == 0
        assert rehearsal.phase is phase  # nothing is said: the wait goes on as it was
        app.qtbot.wait(FLASH_MS + 200)
        assert not view.line_again.lit  # a moment, not for good
        # the typed answer still goes on from here
        assert rehearsal.awaiting_answer
    finally:
        app.close()
