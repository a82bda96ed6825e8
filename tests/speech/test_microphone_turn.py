"""The microphone asks the end-of-turn model on its own thread: while a look runs (here made
slow on purpose, as on a loaded machine) the GUI thread keeps turning, and the answer still ends
with the model's verdict, queued back to the GUI thread."""

from __future__ import annotations

import itertools
import subprocess
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from app.speech import AudioClip, QtMicrophone, VadConfig
from app.speech.endpoint import SileroVoice, SmartTurn

from .conftest import espeak, espeak_for_mic, padded_for_mic
from .pulse import answer_into_mic

pytestmark = [pytest.mark.speech, pytest.mark.slow]

SLOW_S = 1.5


class _SlowTurn:
    """The real Smart Turn, plus SLOW_S of waiting; remembers which thread called it."""

    def __init__(self) -> None:
        self.model = SmartTurn()
        self.threads: set[str] = set()
        self.probabilities: list[float] = []

    def __call__(self, clip: AudioClip) -> float:
        self.threads.add(threading.current_thread().name)
        time.sleep(SLOW_S)
        p = 1.0 if self.model(clip) >= 0.0 else 0.0  # always "finished": the turn must end
        self.probabilities.append(p)
        return p


def test_a_slow_end_of_turn_look_never_stalls_the_gui_thread(
    qtbot: QtBot, pulse_mic: dict[str, str], espeak_dir: Path
) -> None:
    spoken, wav = espeak_for_mic("Thanks, that sounds good.", espeak_dir / "slow.wav")
    model = _SlowTurn()
    mic = QtMicrophone(
        config=VadConfig(end_silence_max_ms=6000),  # the cap must not decide here
        voice_prob=SileroVoice(),
        end_of_turn=model,
    )
    beats: list[float] = []
    heart = QTimer()
    heart.setInterval(20)
    heart.timeout.connect(lambda: beats.append(time.monotonic()))
    mic.failed.connect(lambda m: pytest.fail(m))
    heart.start()
    try:
        with answer_into_mic(qtbot, mic, wav, pulse_mic, 20_000) as blocker:
            pass
    finally:
        heart.stop()
        mic.release()
    assert blocker.args[0].duration_s > spoken.duration_s * 0.7
    assert model.probabilities, "the model was asked"
    assert threading.main_thread().name not in model.threads
    assert all(name.startswith("frameshift-endpoint") for name in model.threads)
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    assert max(gaps) < SLOW_S * 0.5, f"the GUI thread stalled {max(gaps):.2f} s during a look"
    assert mic.look_ms
    assert min(mic.look_ms) >= SLOW_S * 1000
    # How the end was decided is kept for the benches: the pause, the look, the model's verdict.
    how = mic.decisions[-1]
    assert how["reason"] == "end_of_turn"
    names = [step[0] for step in how["steps"]]
    assert names.index("silence") < names.index("turn_start")
    assert how["pause_ms"] >= SLOW_S * 1000


def test_the_models_load_off_the_gui_thread(espeak_dir: Path) -> None:
    """Building the microphone's models returns at once (they load on their own thread, ~2 s
    under load); frames are judged by loudness until Silero is there."""
    from app.speech.microphone import EndpointModels

    started = time.perf_counter()
    models = EndpointModels()
    assert time.perf_counter() - started < 0.2
    assert models.wait(60)
    assert models.reasons == []
    spoken = AudioClip.from_wav(espeak("Yes, I would.", espeak_dir / "models.wav"))
    samples = spoken.resampled(16_000).samples
    probs = [models.voice(samples[i : i + 512]) for i in range(0, len(samples) - 512, 512)]
    assert all(p is not None for p in probs)
    assert max(p for p in probs if p is not None) > 0.5
    p = models.turn(spoken)
    assert p is not None
    assert 0.0 <= p <= 1.0
    # No quick words since session 9: the recognizer's decode of the pause brings them.
    assert models.words(AudioClip(bytes(32_000)) + spoken) is None


def test_the_quick_words_hear_the_last_seconds(espeak_dir: Path) -> None:
    """tiny.en's quick words (no longer the product's: bench/endpointing.py compares them, and
    a microphone given them still decodes each pause with them): only the pause's last seconds,
    with how sure tiny.en is of the last word."""
    from app.speech.quickwords import QuickWords

    spoken = AudioClip.from_wav(espeak("Yes, I would.", espeak_dir / "quick.wav"))
    heard = QuickWords()(AudioClip(bytes(32_000)) + spoken)
    assert "yes" in heard.lower(), heard
    assert 0.0 < heard.last_p <= 1.0


def test_the_first_transcript_turns_the_words_rule_on(qtbot: QtBot) -> None:
    mic = QtMicrophone()
    assert not mic.vad.config.use_text
    mic.hint_text(AudioClip(b""), "I would like to...")  # no answer under way: nothing ends
    assert mic.vad.config.use_text
    mic.release()


class _QuickWords:
    """Real quick words (tiny.en on a pause's last seconds, app.speech.quickwords) given to the
    microphone; remembers the threads that called it and what it heard."""

    def __init__(self) -> None:
        from app.speech.quickwords import QuickWords

        self.words = QuickWords()
        self.threads: set[str] = set()
        self.heard: list[str] = []
        self.calls = 0

    def __call__(self, clip: AudioClip) -> str | None:
        self.calls += 1
        self.threads.add(threading.current_thread().name)
        text = self.words(clip)
        self.heard.append(text or "")
        return text


@pytest.mark.parametrize(
    ("voice", "pause_ms"), [("en-us", 900), ("en-gb+f3", 1400), ("en-us+m3", 1800)]
)
def test_quick_words_that_stop_mid_sentence_hold_the_turn_though_the_model_says_finished(
    qtbot: QtBot, pulse_mic: dict[str, str], espeak_dir: Path, voice: str, pause_ms: int
) -> None:
    """Generated: voices x pause lengths after "to". Smart Turn is replaced by a model that
    always says "finished" (enough to end a pause alone here) and the whole answer's decode
    never comes (no worker): the microphone's own quick words of the pause ("I would like to"),
    decoded on the end-of-turn thread before the model's look, keep the answer open, and it
    ends whole after its last word."""
    said = f'<speak>I would like to <break time="{pause_ms}ms"/> meet the team first.</speak>'
    out = espeak_dir / f"quick-{voice}.wav"
    subprocess.run(["espeak-ng", "-m", "-v", voice, "-w", str(out), said], check=True, timeout=30)
    spoken = AudioClip.from_wav(out)
    wav = padded_for_mic(spoken, out)
    words = _QuickWords()
    mic = QtMicrophone(
        # The model alone may end a pause (p >= 0.9): only the words stand in its way.
        config=VadConfig(end_silence_max_ms=2500, alone_threshold=0.9),
        voice_prob=SileroVoice(),
        end_of_turn=lambda _clip: 1.0,
        words=words,
    )
    assert mic.vad.config.use_text  # quick words turn the words' rule on from the start
    mic.failed.connect(lambda m: pytest.fail(m))
    try:
        with answer_into_mic(qtbot, mic, wav, pulse_mic, 30_000) as blocker:
            # Under load a decode may still run: let it finish before the microphone goes.
            qtbot.waitUntil(lambda: len(words.heard) == words.calls, timeout=120_000)
    finally:
        mic.release()
    assert words.heard, "the pause's words were decoded"
    assert all(name.startswith("frameshift-endpoint") for name in words.threads)
    assert blocker.args[0].duration_s > spoken.duration_s * 0.9, (words.heard, voice, pause_ms)


@pytest.mark.parametrize(
    "broken",
    ["app.speech.stt_whisper.WhisperRecognizer.load", "app.speech.endpoint.SmartTurn.__init__"],
)
@pytest.mark.parametrize("error", ["checksum", "unexpected"])
def test_a_model_that_fails_to_load_never_blocks_a_look(
    monkeypatch: pytest.MonkeyPatch, broken: str, error: str
) -> None:
    """A damaged model (its checksum) or any other failure while loading: the end-of-turn
    thread's looks and quick decodes get their fallback (None) at once, never wait for ever
    (since session 9 no Whisper loads there: a broken one changes nothing)."""
    from app.speech.errors import ModelChecksumError
    from app.speech.microphone import EndpointModels

    def fail(*_args: object, **_kwargs: object) -> None:
        if error == "checksum":
            raise ModelChecksumError("The model file is damaged (checksum).")
        raise RuntimeError("something nobody expected")

    monkeypatch.setattr(broken, fail)
    models = EndpointModels()
    assert models.wait(60), "the load never finished"
    clip = AudioClip(bytes(32_000))
    if "SmartTurn" in broken:
        assert models.turn(clip) is None
    else:
        assert models.words(clip) is None
        assert models.reasons == []


def test_quick_decodes_of_pauses_never_stack_up(qtbot: QtBot) -> None:
    """Many pauses while one quick decode runs (breaths in fluent speech, a loaded machine):
    at most the newest waits; the stale ones are never decoded."""
    started = threading.Event()
    go_on = threading.Event()
    decoded: list[int] = []

    def slow_words(clip: AudioClip) -> str:
        decoded.append(len(clip.pcm))
        started.set()
        go_on.wait(30)
        return "and then"

    mic = QtMicrophone(words=slow_words)
    try:
        clips = [AudioClip(bytes(320 * (n + 1)), 16_000) for n in range(8)]
        mic._ask_words(clips[0])
        assert started.wait(30)
        for clip in clips[1:]:  # seven more pauses while the first is being decoded
            mic._ask_words(clip)
        go_on.set()
        qtbot.waitUntil(lambda: len(decoded) == 2, timeout=30_000)
        time.sleep(0.3)
        assert decoded == [len(clips[0].pcm), len(clips[-1].pcm)]
    finally:
        go_on.set()
        mic.release()
