"""Speech faults through the real window: captions and typing carry the conversation on."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from app.speech import FakePlayer
from app.store import Store
from app.testing.driver import FrameshiftDriver

pytestmark = [pytest.mark.gui]

TYPED = [
    "Thanks for making time, how did you get into this work?",
    "What surprised you most about it?",
    "Who else do you think I should talk to?",
    "That's really helpful, thank you",
    "Thanks again",
    "Thanks",
    "Bye for now",
    "Take care",
]


class NoOutputPlayer(FakePlayer):
    """A machine without speakers: every play fails the way QtPlayer reports it."""

    def play(self, path: Path) -> None:
        QTimer.singleShot(0, lambda: self.failed.emit("no audio output device was found"))


def _record_notices(app: FrameshiftDriver) -> list[str]:
    """Every banner sentence the rehearsal shows, in order (later ones replace earlier ones)."""
    seen: list[str] = []
    app.window.rehearsal.notice.connect(seen.append)
    return seen


def _wait_notice(app: FrameshiftDriver, seen: list[str], sentence: str, after: int = 0) -> None:
    """Wait until ``sentence`` was shown in the banner (as the ``after``-th notice or later)."""
    banner = app.window.conversation.banner
    app.qtbot.waitUntil(lambda: sentence in seen[after:], timeout=5_000)
    assert banner.isVisibleTo(app.window) or seen[-1] != sentence
    if seen[-1] == sentence:
        assert banner.text() == sentence


def _type(app: FrameshiftDriver, text: str) -> None:
    """Type an answer into the box and send it, the way a user falls back to the keyboard."""
    rehearsal = app.window.rehearsal
    app.qtbot.waitUntil(lambda: rehearsal.awaiting_answer or _done(app), timeout=5_000)
    if _done(app):
        return
    conv = rehearsal.conversation
    assert conv is not None
    before = len(conv.turns)
    app.window.conversation.answer.setText(text)
    app.window.conversation.send_button.click()
    app.qtbot.waitUntil(lambda: len(conv.turns) > before + 1 or _done(app), timeout=5_000)


def _done(app: FrameshiftDriver) -> bool:
    conv = app.window.rehearsal.conversation
    return conv is not None and conv.finished


def _type_to_the_end(app: FrameshiftDriver) -> int:
    """Type answers until the scenario ends; returns the saved session's id."""
    for text in TYPED:
        if _done(app):
            break
        _type(app, text)
    assert _done(app), "the scenario did not reach an end on typed answers"
    sid = app.finish()
    store = app.window.store
    assert isinstance(store, Store)
    conv = app.window.rehearsal.conversation
    assert conv is not None
    assert [t.text for t in store.turns(sid)] == [t.text for t in conv.turns]
    assert store.session(sid).status == "finished"
    return sid


def _no_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]


def test_no_audio_devices_captions_and_typing_carry_the_talk(
    frameshift_app: FrameshiftDriver, caplog: pytest.LogCaptureFixture
) -> None:
    """No speakers and no microphone: banners say so, and typed answers reach an outcome."""
    app = frameshift_app
    seen = _record_notices(app)
    assert app.microphone is not None
    app.microphone.unavailable = "No microphone was found."
    app.replace_speech(player=NoOutputPlayer())
    first = app.start("coffee-referral")
    assert first == app.manager_line()
    _wait_notice(app, seen, "No microphone was found. You can keep going by typing your answers.")
    sound = "Sound could not play (no audio output device was found); read the caption."
    _wait_notice(app, seen, sound)  # the first line
    shown = len(seen)
    _type(app, TYPED[0])
    _wait_notice(app, seen, sound, after=shown)  # the next line, after the typed answer
    _type_to_the_end(app)
    _no_tracebacks(caplog)


def test_microphone_failing_mid_answer_falls_back_to_typing(
    frameshift_app: FrameshiftDriver, caplog: pytest.LogCaptureFixture
) -> None:
    """The microphone dies while listening: a banner, no half answer, typing finishes it."""
    app = frameshift_app
    seen = _record_notices(app)
    app.start("coffee-referral")
    app.answer("Thanks for making time, how did you get into this work?")
    assert app.microphone is not None
    app.qtbot.waitUntil(lambda: app.microphone.listening)
    conv = app.window.rehearsal.conversation
    assert conv is not None
    before = len(conv.turns)
    app.microphone.fail("The microphone was disconnected.")
    _wait_notice(
        app, seen, "The microphone was disconnected. You can keep going by typing your answers."
    )
    assert len(conv.turns) == before
    assert not app.window.rehearsal.listening
    _type_to_the_end(app)
    _no_tracebacks(caplog)


def test_recognizer_raising_asks_again_and_typing_works(
    frameshift_app: FrameshiftDriver, caplog: pytest.LogCaptureFixture
) -> None:
    """A recognizer that raises gives "didn't catch that" with its sentence; nothing is
    recorded for it, and the typed answer is."""
    app = frameshift_app
    seen = _record_notices(app)
    app.start("coffee-referral")
    app.recognizer.fail_with = "The speech engine stopped."
    conv = app.window.rehearsal.conversation
    assert conv is not None
    before = len(conv.turns)
    assert app.microphone is not None
    app.microphone.say("How did you get into product work?")
    _wait_notice(
        app,
        seen,
        "I didn't catch that: the speech engine stopped. Say it again, or type your answer.",
    )
    assert len(conv.turns) == before
    _type_to_the_end(app)
    _no_tracebacks(caplog)


def test_recognizer_hanging_past_the_timeout_lets_the_user_type(
    frameshift_app: FrameshiftDriver, caplog: pytest.LogCaptureFixture
) -> None:
    """A recognizer stuck past the worker's timeout: a banner after the timeout, the typed
    answer is taken, and the late result is dropped rather than recorded."""
    app = frameshift_app
    seen = _record_notices(app)
    worker = app.speech.worker
    assert worker is not None
    worker.recognizer_timeout_s = 0.3
    app.recognizer.hang_s = 30.0
    try:
        app.start("coffee-referral")
        conv = app.window.rehearsal.conversation
        assert conv is not None
        before = len(conv.turns)
        assert app.microphone is not None
        app.microphone.say("How did you get into product work?")
        _wait_notice(
            app,
            seen,
            "I didn't catch that: the recognizer took longer than 0.3 s. Say it again, or type "
            "your answer.",
        )
        assert len(conv.turns) == before
    finally:
        app.recognizer.hang_s = 0.0
        app.recognizer.release()  # the stuck call returns now: its result must be ignored
    _type(app, TYPED[0])
    app.qtbot.wait(200)
    assert [t.text for t in conv.turns[before:]][:1] == [TYPED[0]]
    assert "How did you get into product work?" not in [t.text for t in conv.turns]
    _type_to_the_end(app)
    _no_tracebacks(caplog)


def test_voice_failing_to_render_shows_captions(
    frameshift_app: FrameshiftDriver, caplog: pytest.LogCaptureFixture
) -> None:
    """The voice cannot render: every line still appears as a caption with a banner, and the
    conversation runs to its end."""
    app = frameshift_app
    seen = _record_notices(app)
    app.voice.fail_with = "eSpeak NG is not installed."
    first = app.start("coffee-referral")
    assert first
    assert app.manager_line() == first
    _wait_notice(
        app,
        seen,
        "The voice could not speak this line (eSpeak NG is not installed.); read the caption.",
    )
    assert app.player is not None
    assert app.player.played == []
    _type_to_the_end(app)
    _no_tracebacks(caplog)
