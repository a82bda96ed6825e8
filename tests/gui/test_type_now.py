"""Typing is always possible (newcomer report, session 18): whenever the app waits for an
answer and the answer box takes one, the state row says at once that one can type, and where
(`listen_state.TYPE_HERE`), for every way of getting there: no microphone (by setting or
missing), the voice off, no speakers, the recognizer failing, the microphone lost mid-talk.
Each phase change is read the moment it is shown, never after a delay."""

from __future__ import annotations

import pytest

from app.session.rehearsal import Phase
from app.testing.driver import FrameshiftDriver
from app.ui.listen_state import TYPE_HERE

pytestmark = pytest.mark.gui

SCENARIOS = ("alumni-call", "career-fair-booth", "coffee-referral")
ANSWERS = ("How did you get into this work?", "What does a normal week look like?")


def _record(app: FrameshiftDriver) -> list[tuple[Phase, str, bool]]:
    """(phase, state-row words, answer box open) at each phase change, as it is shown."""
    seen: list[tuple[Phase, str, bool]] = []
    view = app.window.conversation

    def shown(phase: Phase) -> None:
        seen.append((phase, view.status.text(), view.send_button.isEnabled()))

    app.window.rehearsal.phase_changed.connect(shown)  # after the window's link: as shown
    return seen


def _says_type_whenever_typing_is_possible(
    seen: list[tuple[Phase, str, bool]], *, silent: bool = False
) -> None:
    waiting = [s for s in seen if s[0] in (Phase.WAITING, Phase.LISTENING)]
    assert waiting, seen
    for phase, words, box_open in waiting:
        assert box_open, (phase, words)
        assert TYPE_HERE in words, (phase, words)
    if silent:  # the line is shown, not heard, and the box is open already: say it there
        speaking = [s for s in seen if s[0] is Phase.SPEAKING and s[2]]
        assert speaking, seen
        for phase, words, _open in speaking:
            assert TYPE_HERE in words, (phase, words)


def _talk(app: FrameshiftDriver, scenario: str) -> None:
    """Answers typed into the box, as the state row tells."""
    app.start(scenario)
    rehearsal, view = app.window.rehearsal, app.window.conversation
    for answer in ANSWERS:
        conv = rehearsal.conversation
        if conv is None or conv.finished or conv.runner.current.is_end:
            break
        app.wait_until(lambda: rehearsal.awaiting_answer, "the app to await an answer")
        before = len(conv.turns)
        view.answer.setText(answer)
        view.send_button.click()
        app.wait_until(lambda c=conv, b=before: len(c.turns) > b + 1, "the answer and reply")


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize(
    "frameshift_app",
    [
        {"listen": False},  # Settings: listening off
        {"voice": False},  # the voice off, listening on
        {"voice": False, "listen": False},
        {"push_to_talk": True},  # nothing listens until Listen is held
    ],
    ids=["listen-off", "voice-off", "both-off", "push-to-talk"],
    indirect=True,
)
def test_the_state_row_says_type_for_each_setting(
    frameshift_app: FrameshiftDriver, scenario: str
) -> None:
    app = frameshift_app
    settings = app.window.settings
    seen = _record(app)
    _talk(app, scenario)
    _says_type_whenever_typing_is_possible(seen, silent=not settings.voice)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_no_microphone_found_says_type(frameshift_app: FrameshiftDriver, scenario: str) -> None:
    app = frameshift_app
    assert app.microphone is not None
    app.microphone.unavailable = "No microphone was found."
    seen = _record(app)
    _talk(app, scenario)
    _says_type_whenever_typing_is_possible(seen)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_no_speakers_says_type_while_the_line_is_shown(
    frameshift_app: FrameshiftDriver, scenario: str
) -> None:
    app = frameshift_app
    app.window.speech.player.silent = True  # type: ignore[union-attr]
    seen = _record(app)
    _talk(app, scenario)
    _says_type_whenever_typing_is_possible(seen, silent=True)


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize(
    "why", ["The speech model crashed.", "timed out after 30 s", "", "out of memory"]
)
def test_a_failed_recognition_says_type_at_once(
    frameshift_app: FrameshiftDriver, scenario: str, why: str
) -> None:
    app = frameshift_app
    app.start(scenario)
    rehearsal = app.window.rehearsal
    app.wait_until(lambda: rehearsal.awaiting_answer, "the first answer to be awaited")
    app.recognizer.fail_with = why
    seen = _record(app)
    assert app.microphone is not None
    app.microphone.say("I work in logistics.")
    view = app.window.conversation
    app.wait_until(lambda: "didn't catch" in view.banner.text(), "the failure's notice")
    after = seen[[s[0] for s in seen].index(Phase.THINKING) + 1 :]
    _says_type_whenever_typing_is_possible(after)
    assert TYPE_HERE in view.status.text()


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_microphone_lost_mid_talk_says_type(
    frameshift_app: FrameshiftDriver, scenario: str
) -> None:
    app = frameshift_app
    app.start(scenario)
    rehearsal = app.window.rehearsal
    app.wait_until(lambda: rehearsal.awaiting_answer, "the first answer to be awaited")
    assert app.microphone is not None
    app.microphone.fail("The microphone was disconnected.")
    app.qtbot.wait(10)
    view = app.window.conversation
    assert TYPE_HERE in view.status.text()
    assert "speak" not in view.status.text()
