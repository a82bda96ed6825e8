"""The answer's noise filter keeps up with the speech on its own thread (session 14).

Session 13's profile of the quiet turn gap: the pause's one decode spent ~92 ms first running
DeepFilterNet3 (~0.1 s a second of audio) over the audio since the microphone's last streaming
offer (``GROW_S`` = 1 s apart, and only the offers the busy stream thread took). The microphone
now hands the answer over for filtering every ``FEED_S`` (0.2 s) and a denoise thread filters it
at once, so a pause's decode finds at most that much (plus the pause's silence) left.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from app.speech import AudioClip, FakeRecognizer, FakeVoice, SpeechWorker
from app.speech.audio import TARGET_RATE
from app.speech.protocols import Transcript

from .fake_denoiser import CountingDenoiser

FED_STEPS = (0.1, 0.2)


class _Steps:
    """A recognizer whose every decode takes ``seconds`` (one word per second of audio)."""

    supports_prefix = True
    prefers_denoise = True

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.loaded = True

    def load(self) -> None:
        pass

    def transcribe(self, clip, prefix=None, *, context=None, window=None):  # type: ignore[no-untyped-def]
        return self.transcribe_words(clip, prefix, context=context, window=window)[0]  # type: ignore[no-untyped-call]

    def transcribe_words(self, clip, prefix=None, *, words=True, context=None, window=None):  # type: ignore[no-untyped-def]
        time.sleep(self.seconds)
        return Transcript(" ".join(["word"] * int(clip.duration_s)), clip.duration_s, 0.0), []


def _tone(seconds: float, seed: int) -> AudioClip:
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * TARGET_RATE)) / TARGET_RATE
    x = 0.3 * np.sin(2 * np.pi * float(rng.uniform(120, 260)) * t)
    return AudioClip.from_samples(x.astype(np.float32), TARGET_RATE)


def _cases(n: int) -> list[tuple[float, float, float, float]]:
    """(answer s, one decode's time s, the feed step s, the pause s) at random: answers of
    1.2-9 s (the first streaming offer at 1 s, then the stream thread busy), pauses of one to
    five Silero frames before their decode starts."""
    rng = np.random.default_rng(1414)
    return [
        (
            round(float(rng.uniform(1.2, 9.0)), 2),
            round(float(rng.uniform(0.02, 0.1)), 3),
            float(rng.choice(FED_STEPS)),
            float(rng.integers(1, 6)) * 0.032,
        )
        for _ in range(n)
    ]


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> type[CountingDenoiser]:
    monkeypatch.setattr("app.speech.denoise.Denoiser", CountingDenoiser)
    CountingDenoiser.instances.clear()
    return CountingDenoiser


@pytest.mark.parametrize(("answer_s", "decode_s", "fed_s", "pause_s"), _cases(16))
def test_a_pause_decode_filters_only_the_audio_since_the_last_feed(
    qtbot: QtBot,
    tmp_path: Path,
    counting: type[CountingDenoiser],
    answer_s: float,
    decode_s: float,
    fed_s: float,
    pause_s: float,
) -> None:
    """Only the first offer (1 s) reaches the stream thread (busy decoding after it, as a
    streaming decode of base is most of a second): before, the pause's decode filtered the
    whole answer after that first second; now the feeds every ``fed_s`` filtered it already."""
    w = SpeechWorker(FakeVoice(), _Steps(decode_s), tmp_path / "cache", denoise=True)
    try:
        stt = w._stt
        pcm = _tone(answer_s, round(answer_s * 100)).pcm
        stt.offer_growing(AudioClip(pcm[: 2 * TARGET_RATE], TARGET_RATE))
        stt.stream()
        step = 2 * int(fed_s * TARGET_RATE)
        for end in range(2 * TARGET_RATE + step, len(pcm) + 1, step):
            stt.offer_fed(AudioClip(pcm[:end], TARGET_RATE))
            stt.feed()
        (denoiser,) = counting.instances
        before = denoiser.fed_samples
        silence = AudioClip(bytes(2 * int(pause_s * TARGET_RATE)), TARGET_RATE)
        pause = AudioClip(pcm, TARGET_RATE) + silence
        stt.offer(pause, early=True)
        stt.speculate()
        left_s = (denoiser.fed_samples - before) / TARGET_RATE
        assert left_s <= fed_s + pause_s + 0.01, (left_s, denoiser.feeds)
        # Every sample of the answer went through the filter once, in order.
        assert denoiser.fed_samples == len(pause.pcm) // 2
        assert np.array_equal(
            (denoiser.audio() * 32768.0).astype(np.int16),
            np.frombuffer(pause.pcm, np.int16),
        )
    finally:
        assert w.stop()


@pytest.mark.parametrize("answer_s", [0.6, 1.5, 3.2, 6.0])
def test_a_feed_of_an_answer_that_ended_is_not_filtered(
    qtbot: QtBot, tmp_path: Path, counting: type[CountingDenoiser], answer_s: float
) -> None:
    """The denoise thread may take an offer after its answer ended (the STT thread reset the
    filter): filtering it then would restart the next answer's filter with old audio."""
    w = SpeechWorker(FakeVoice(), _Steps(0.01), tmp_path / "cache", denoise=True)
    try:
        stt = w._stt
        clip = _tone(answer_s, 7)
        stt.offer_growing(clip)
        stt.stream()
        (denoiser,) = counting.instances
        stt.offer_fed(clip + AudioClip(bytes(6400), TARGET_RATE))
        stt._end_answer()
        stt.feed()
        assert denoiser.fed_samples == 0, denoiser.feeds
        # The next answer is fed from its start.
        nxt = _tone(answer_s, 8)
        stt.offer_fed(nxt)
        stt.feed()
        assert denoiser.fed_samples == len(nxt.pcm) // 2
    finally:
        assert w.stop()


def test_the_denoise_thread_is_driven_by_the_worker(
    qtbot: QtBot, tmp_path: Path, counting: type[CountingDenoiser]
) -> None:
    """``SpeechWorker.feed`` (the microphone's ``speech_fed``) filters on its own thread."""
    w = SpeechWorker(FakeVoice(), _Steps(0.01), tmp_path / "cache", denoise=True)
    try:
        w._stt.load()
        pcm = _tone(2.4, 3).pcm
        for end in range(6400, len(pcm) + 1, 6400):
            w.feed(AudioClip(pcm[:end], TARGET_RATE))
        (denoiser,) = counting.instances
        qtbot.waitUntil(lambda: denoiser.fed_samples == len(pcm) // 2, timeout=5000)
    finally:
        assert w.stop()


class _Source:
    def state(self) -> Any:
        from PySide6.QtMultimedia import QtAudio

        return QtAudio.State.ActiveState


@pytest.mark.parametrize("speech_s", [0.5, 1.3, 2.9, 4.4, 7.7])
def test_the_microphone_feeds_the_answer_every_fed_step_while_it_is_spoken(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, speech_s: float
) -> None:
    """Between its streaming offers (``speech_growing``, every ``GROW_S``) the microphone hands
    the answer over for filtering (``speech_fed``): no stretch of the answer longer than
    ``FEED_S`` (plus a poll) goes unoffered."""
    from app.speech.microphone import QtMicrophone

    mic = QtMicrophone()
    clock = [100.0]
    monkeypatch.setattr("app.speech.microphone.time.monotonic", lambda: clock[0])
    clip = _tone(0.2, 1)
    mic.vad.current_clip = lambda: clip  # type: ignore[method-assign]
    mic._read_available = lambda: None  # type: ignore[method-assign]
    mic._source = _Source()  # type: ignore[assignment]
    mic._io = object()  # type: ignore[assignment]
    mic._grown_at = mic._fed_at = clock[0]
    mic.vad.in_speech = True
    offered: list[float] = [clock[0]]
    mic.speech_growing.connect(lambda _c: offered.append(clock[0]))
    mic.speech_fed.connect(lambda _c: offered.append(clock[0]))
    poll_s = mic.POLL_MS / 1000
    for _ in range(round(speech_s / poll_s)):
        clock[0] += poll_s
        mic._on_poll_timeout()
    gaps = np.diff([*offered, clock[0]])
    assert gaps.max() <= mic.FEED_S + poll_s + 1e-6, gaps
    assert mic.FEED_S <= 0.25
    mic._source = None
    mic._io = None


def test_the_factory_wires_the_feed(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.config import Settings
    from app.speech.factory import make_speech
    from app.speech.fakes import FakeMicrophone, FakePlayer

    fed: list[AudioClip] = []
    monkeypatch.setattr(SpeechWorker, "feed", lambda self, clip: fed.append(clip))

    class _Mic(FakeMicrophone):
        from PySide6.QtCore import Signal

        speech_fed = Signal(object)

    mic = _Mic()
    settings = replace(Settings(), data_dir=tmp_path, listen=False)
    services, _ = make_speech(
        settings,
        voice=FakeVoice(),
        recognizer=FakeRecognizer(),
        microphone=mic,
        player=FakePlayer(),
        load_recognizer=False,
    )
    try:
        clip = _tone(0.4, 2)
        mic.speech_fed.emit(clip)
        assert fed == [clip]
    finally:
        assert services.worker is not None
        assert services.worker.stop()
