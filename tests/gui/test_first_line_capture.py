"""The microphone captures from the first line of a rehearsal on (newcomer report: an answer
begun over the manager's FIRST line was lost, because capture opened only after that line): the
window rehearses every shipped scenario, and capture is on while the first line is still being
said, unless the user chose push-to-talk or turned listening off."""

from __future__ import annotations

import pytest

from app.session.rehearsal import Phase
from app.testing.driver import FrameshiftDriver

pytestmark = pytest.mark.gui


def _start_and_look(app: FrameshiftDriver, scenario_id: str) -> tuple[Phase, bool]:
    """Start ``scenario_id`` and report the phase and capture at the first line's start."""
    seen: list[tuple[Phase, bool]] = []
    rehearsal = app.window.rehearsal
    mic = app.microphone
    assert mic is not None

    def on_line(_idx: int, _text: str) -> None:
        if not seen:
            seen.append((rehearsal.phase, mic.capturing))

    rehearsal.manager_line_shown.connect(on_line)
    try:
        app.start(scenario_id)
    finally:
        rehearsal.manager_line_shown.disconnect(on_line)
    assert seen, "no first line was shown"
    return seen[0]


def test_capture_is_on_while_every_scenarios_first_line_is_said(
    frameshift_app: FrameshiftDriver,
) -> None:
    app = frameshift_app
    assert app.microphone is not None
    for scenario in app.window.scenarios:
        app.microphone.release()  # as the end of the last rehearsal leaves it
        phase, capturing = _start_and_look(app, scenario.id)
        assert phase is Phase.SPEAKING, scenario.id
        assert capturing, f"{scenario.id}: the microphone was closed during the first line"
        app.window.rehearsal.end_early()


@pytest.mark.parametrize(
    "frameshift_app", [{"push_to_talk": True}, {"listen": False}], indirect=True
)
def test_no_capture_before_the_user_asks_for_it(frameshift_app: FrameshiftDriver) -> None:
    """Push-to-talk captures only while Listen is held; listening off never captures."""
    app = frameshift_app
    assert app.microphone is not None  # the scripted microphone exists either way
    _phase, capturing = _start_and_look(app, "alumni-call")
    assert not capturing
