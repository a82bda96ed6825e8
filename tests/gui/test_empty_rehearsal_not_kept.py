"""A rehearsal ended before the first answer is not kept (newcomer report, session 19: empty
sessions cluttered History); one with at least one answer always is. Every scenario, the
voice on (its lines' recordings are written) and off, ended with End conversation or by
closing the window, after 0, 1 and 2 answers. A kiosk visit keeps nothing either way (its own
tests: tests/gui/kiosk)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.dialogue import installed_scenario_dirs, load_scenarios
from app.ui.window_actions import NOTHING_KEPT

pytestmark = pytest.mark.gui

SCENARIOS = sorted(s.id for s in load_scenarios(installed_scenario_dirs())[0])[:4]
ANSWERS = ("How did you get into this work?", "What does a normal week look like?")


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("voice", [True, False], ids=["voice", "no-voice"])
@pytest.mark.parametrize("answers", [0, 1, 2])
@pytest.mark.parametrize("how", ["end-button", "window-closed"])
def test_only_rehearsals_with_an_answer_are_kept(
    qtbot: object, tmp_path: Path, scenario: str, voice: bool, answers: int, how: str
) -> None:
    from app.testing.driver import make_driver

    data = tmp_path / "d"
    app = make_driver(qtbot, data, voice=voice, listen=False)
    try:
        app.start(scenario)
        rehearsal, view, window = app.window.rehearsal, app.window.conversation, app.window
        for text in ANSWERS[:answers]:
            app.wait_until(lambda: rehearsal.awaiting_answer, "an answer to be awaited")
            conv = rehearsal.conversation
            before = len(conv.turns)
            view.answer.setText(text)
            view.send_button.click()
            app.wait_until(lambda c=conv, b=before: len(c.turns) > b + 1, "the reply")
        app.wait_until(lambda: rehearsal.awaiting_answer, "an answer to be awaited")
        conv = rehearsal.conversation
        assert conv is not None
        sid = conv.session_id
        assert sid is not None
        assert window.store is not None
        if how == "end-button":
            view.end_button.click()
            app.wait_until(lambda: conv.finished, "the end")
            app.qtbot.wait(50)
        else:
            window._close_confirmed = True  # as after "End conversation?" answered yes
            window.close()
        store = window.store
        kept = [s.id for s in store.sessions()]
        audio = data / "audio" / str(sid)
        if answers == 0:
            assert sid not in kept, kept
            assert not audio.exists() or not any(audio.iterdir())
            assert conv.discarded
            if how == "end-button":
                assert window.current_screen == "picker"
                assert window.status_label.text() == NOTHING_KEPT
        else:
            assert sid in kept, kept
            assert sum(1 for t in store.turns(sid) if t.speaker == "seeker") == answers
            assert not conv.discarded
            if how == "end-button":
                assert window.current_screen == "results"
    finally:
        app.close()
