"""Patience (issue 15): a long silence never ends listening; the manager says his patience line
once per line, in his own voice, from the same voice cache as every line, and the screen says how
to answer (speak, hold Listen, or type). Checked on every shipped scenario, through the real
window with the scripted speech stack (the real worker threads and cache, an instant voice)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.dialogue.model import DEFAULT_PATIENCE
from app.session.rehearsal import Phase
from app.testing.driver import FrameshiftDriver, make_driver

pytestmark = pytest.mark.gui


def _said(app: FrameshiftDriver, text: str) -> Path:
    """The cached WAV of ``text`` in the current persona's voice (a hit: it was pre-rendered)."""
    rehearsal = app.window.rehearsal
    worker = app.speech.worker
    assert worker is not None
    return Path(worker.cache.line((text,), rehearsal._voice_settings()))


def _wait_played_more(app: FrameshiftDriver, what: str) -> None:
    """Wait until the player is handed one more clip than now."""
    played = len(app.player.played)
    app.wait_until(lambda: len(app.player.played) > played, what)


def _wait_settled(app: FrameshiftDriver) -> None:
    rehearsal = app.window.rehearsal
    app.wait_until(lambda: rehearsal.phase is Phase.LISTENING, "listening")


def test_every_scenario_prompts_once_per_line_in_the_managers_voice(
    frameshift_app: FrameshiftDriver,
) -> None:
    app = frameshift_app
    rehearsal = app.window.rehearsal
    view = app.window.conversation
    rehearsal.patience_after_s = 0.2  # the silence is counted by the rehearsal's own timer
    for scenario in app.window.scenarios:
        options = scenario.patience_lines()
        assert options, scenario.id
        app.start(scenario.id)
        _wait_settled(app)
        played = len(app.player.played)
        _wait_played_more(app, "the patience line")
        assert app.player.played[-1] == _said(app, options[0]), scenario.id
        # The prompt is pre-rendered like every line: rendering it again is a cache hit.
        assert options[0] in app.spoken_lines
        text = view.banner.text()
        assert view.banner.isVisibleTo(app.window)
        assert all(way in text for way in ("out loud", "hold Listen", "type")), text
        # Listening goes on, and nothing more is said for this line however long it lasts.
        app.qtbot.wait(600)
        assert rehearsal.phase is Phase.LISTENING
        assert len(app.player.played) == played + 1
        app.microphone.no_speech.emit()  # the microphone's own long-silence signal too
        app.qtbot.wait(100)
        assert len(app.player.played) == played + 1
        # An answer is taken as usual and clears the prompt; the next line may prompt again,
        # with the next of the manager's patience lines.
        conv = rehearsal.conversation
        assert conv is not None
        turns = len(conv.turns)
        app.answer("Honestly I am still working that out, what does your team do?")
        assert len(conv.turns) == turns + 2
        assert not view.banner.isVisibleTo(app.window)
        if conv.reached_end:
            app.finish()
            continue
        _wait_settled(app)
        _wait_played_more(app, "the second patience line")
        assert app.player.played[-1] == _said(app, options[1 % len(options)]), scenario.id
        app.finish()


def test_the_prompt_is_never_said_once_the_user_has_begun(
    frameshift_app: FrameshiftDriver,
) -> None:
    """The silence ends just as the prompt is asked for: a prompt still being rendered is
    dropped, never said over the user; one already playing fades at once."""
    app = frameshift_app
    rehearsal = app.window.rehearsal
    app.start("connector-intro")
    _wait_settled(app)
    # Not cached (say, a voice too slow to have reached it): it has to come from the voice thread.
    _said(app, DEFAULT_PATIENCE[0]).unlink()
    played = len(app.player.played)
    app.microphone.no_speech.emit()  # the prompt is asked of the voice thread...
    app.microphone.speech_started.emit()  # ...and the user starts before it comes back
    app.qtbot.wait(400)
    assert len(app.player.played) == played
    assert rehearsal.phase is Phase.LISTENING


def test_an_answer_over_the_prompt_fades_it(frameshift_app: FrameshiftDriver) -> None:
    app = frameshift_app
    rehearsal = app.window.rehearsal
    app.start("connector-intro")
    _wait_settled(app)
    faded: list[float] = []
    app.player.fade_out = faded.append  # the fake player ends clips at once: watch the call
    app.player.playing = True
    app.microphone.no_speech.emit()  # cached: it plays at once
    assert app.player.played[-1] == _said(app, DEFAULT_PATIENCE[0])
    app.player.playing = True
    app.microphone.speech_started.emit()
    assert faded
    assert faded[0] <= 0.1
    assert rehearsal.phase is Phase.LISTENING


@pytest.mark.frameshift(push_to_talk=True)
def test_push_to_talk_prompt_says_to_hold_listen(frameshift_app: FrameshiftDriver) -> None:
    app = frameshift_app
    rehearsal = app.window.rehearsal
    rehearsal.patience_after_s = 0.2
    app.start("alumni-call")
    app.wait_until(lambda: rehearsal.phase is Phase.WAITING, "waiting for push-to-talk")
    view = app.window.conversation
    app.wait_until(lambda: "Take your time" in view.banner.text(), "the prompt")
    assert "hold Listen" in view.banner.text()
    assert "out loud when you are ready" not in view.banner.text()


@pytest.mark.frameshift(voice=False)
def test_without_a_voice_the_prompt_is_the_caption_alone(
    frameshift_app: FrameshiftDriver,
) -> None:
    app = frameshift_app
    rehearsal = app.window.rehearsal
    rehearsal.patience_after_s = 0.2
    app.start("alumni-call")
    view = app.window.conversation
    app.wait_until(lambda: "Take your time" in view.banner.text(), "the prompt")
    assert not any(text in DEFAULT_PATIENCE for text in app.spoken_lines)
    assert rehearsal.awaiting_answer


def test_a_typed_rehearsal_never_prompts(qtbot: object, tmp_path: Path) -> None:
    """Listening off: the user is typing, and a spoken "Take your time" would interrupt."""
    app = make_driver(qtbot, tmp_path / "data", listen=False)
    try:
        rehearsal = app.window.rehearsal
        rehearsal.patience_after_s = 0.1
        app.start("alumni-call")
        app.qtbot.wait(500)
        assert "Take your time" not in app.window.conversation.banner.text()
        assert len(app.player.played) == 1
    finally:
        app.close()
