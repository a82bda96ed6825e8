"""The last pause's decode has the cores to itself (session 15, issue 15's turn gap).

bench/turn_gap.py (quiet, natural answers, tiny.en, 2 cores): in 6 turns of 20 a streaming decode
begun before the speech end (the answer so far, short of its last words) ran beside the last
pause's decode, e.g. stream -556..197 ms and pause 80..681 ms: two decodes sharing two cores in
the gap measured, and the streaming one's words of no use, as the pause's decode hears all it
heard and more. Now such a streaming decode stops at its next step once the pause's decode
starts (it goes on when that decode is dropped first: the voice came back); and once a pause's
early decode is done, a growing clip that only adds silence to it starts no streaming decode
before the pause is announced.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from app.speech import AudioClip, FakeVoice, SpeechWorker
from app.speech.audio import TARGET_RATE
from app.speech.protocols import Transcript
from app.speech.worker import _SttJob

pytestmark = pytest.mark.speech


def _tone(seconds: float) -> AudioClip:
    t = np.arange(int(seconds * TARGET_RATE)) / TARGET_RATE
    return AudioClip(
        (0.3 * 32767 * np.sin(2 * np.pi * 180 * t)).astype("<i2").tobytes(), TARGET_RATE
    )


def _quiet(seconds: float) -> AudioClip:
    rng = np.random.default_rng(round(seconds * 1000))
    noise = rng.normal(0, 20, int(seconds * TARGET_RATE)).astype("<i2")
    return AudioClip(noise.tobytes(), TARGET_RATE)


class _Stepped:
    """A prefix recognizer hearing one word a second. Each decode looks at its caller's
    ``cancelled_by`` check at its steps, as Whisper does (before and after the encoder, before
    the text, before the word times): the decode of the clip ``held`` waits for ``step`` before
    each of its later steps; any other decode polls its check every 10 ms for ``seconds``."""

    supports_prefix = True
    prefers_denoise = False
    loaded = True

    def __init__(self, held: float, seconds: float = 0.0) -> None:
        self.held = held
        self.seconds = seconds
        self.step = threading.Event()
        self.held_inside = threading.Event()
        self.other_inside = threading.Event()
        self.calls: list[float] = []
        self.cancelled: list[float] = []
        self.finished: list[float] = []
        self._local = threading.local()
        self._lock = threading.Lock()

    def load(self) -> None:
        pass

    @contextlib.contextmanager
    def cancelled_by(self, check):  # type: ignore[no-untyped-def]
        before = getattr(self._local, "check", None)
        self._local.check = check
        try:
            yield
        finally:
            self._local.check = before

    def transcribe(self, clip, prefix=None, *, context=None, window=None):  # type: ignore[no-untyped-def]
        return self.transcribe_words(clip, prefix, context=context, window=window)[0]

    def _look(self, d: float) -> None:
        from app.speech.stt_whisper import DecodeCancelled

        check = getattr(self._local, "check", None)
        if check is not None and check():
            with self._lock:
                self.cancelled.append(d)
            raise DecodeCancelled

    def transcribe_words(self, clip, prefix=None, *, words=True, context=None, window=None):  # type: ignore[no-untyped-def]
        d = clip.duration_s
        with self._lock:
            self.calls.append(d)
        self._look(d)
        if d == self.held:
            self.held_inside.set()
            for _ in range(3):
                assert self.step.wait(60)
                self._look(d)
        else:
            self.other_inside.set()
            for _ in range(max(1, round(self.seconds / 0.01))):
                self._look(d)
                threading.Event().wait(0.01)
        with self._lock:
            self.finished.append(d)
        n = max(1, round(d))
        return Transcript(" ".join(["word"] * n), d, 0.0), []


def _cases(n: int) -> list[tuple[float, float, float, str]]:
    """(speech the streaming decode hears s, speech after it s, pause s, what happens) at
    random; what happens: "pause" (the pause is announced), "early" (its decode began at the
    first silent frame, then announced), "dropped" (an early decode the voice coming back
    stopped), "late" (an early decode dropped after the streaming decode's next step: it was
    never superseded, review 15 R1), "covered" (no speech after the streaming clip: the pause
    waits for its words), "other" (another answer's pause)."""
    rng = np.random.default_rng(1520)
    kinds = ["pause", "early", "dropped", "covered", "other", "pause", "early", "late"]
    return [
        (
            float(rng.uniform(0.8, 6.0)),
            float(rng.uniform(0.2, 2.0)),
            float(rng.uniform(0.03, 0.15)),
            kinds[i % len(kinds)],
        )
        for i in range(n)
    ]


@pytest.mark.parametrize(("heard_s", "more_s", "pause_s", "what"), _cases(21))
def test_a_pause_decode_stops_the_streaming_decode_it_supersedes(
    qtbot: QtBot, tmp_path: Path, heard_s: float, more_s: float, pause_s: float, what: str
) -> None:
    """A streaming decode of the answer so far runs when a pause after more speech begins to be
    decoded: the streaming decode stops at its next step (no words from it, no streaming decode
    counted) and the pause's words are published. It is not stopped when the pause's decode was
    dropped before that step (the voice came back), when the pause waits for it (only silence
    after its clip), or for another answer's pause. On the old worker it always ran to its end."""
    heard = _tone(heard_s)
    if what == "covered":
        pause = heard + _quiet(pause_s)
    elif what == "other":
        pause = _tone(more_s) + _quiet(pause_s)
    else:
        pause = heard + _tone(more_s) + _quiet(pause_s)
    rec = _Stepped(held=heard.duration_s, seconds=30.0 if what in ("dropped", "late") else 0.0)
    w = SpeechWorker(FakeVoice(), rec, tmp_path / "cache", recognizer_timeout_s=60.0)  # type: ignore[arg-type]
    texts: list[float] = []
    w.partial_text.connect(lambda c, _t: texts.append(c.duration_s))
    try:
        w.stream(heard)
        assert rec.held_inside.wait(30)
        if what in ("early", "dropped", "late"):
            w.speculate_early(pause)
        else:
            w.speculate(pause)
        if what == "covered":
            qtbot.wait(200)
            assert rec.calls == [heard.duration_s]  # the pause waits for the streaming words
        else:
            assert rec.other_inside.wait(30)  # the pause's decode runs
        if what == "late":  # the streaming decode passes its next steps, then the voice comes back
            rec.step.set()
            qtbot.waitUntil(
                lambda: heard.duration_s in rec.finished or heard.duration_s in rec.cancelled,
                timeout=30_000,
            )
            w.drop_early()
        if what == "dropped":
            w.drop_early()  # the voice came back before the streaming decode's next step
            qtbot.waitUntil(lambda: pause.duration_s in rec.cancelled, timeout=30_000)
        if what == "early":
            qtbot.waitUntil(lambda: pause.duration_s in rec.finished, timeout=30_000)
            w.speculate(pause + _quiet(0.096))  # announced: only silence after
        rec.step.set()
        if what in ("pause", "early"):
            qtbot.waitUntil(lambda: heard.duration_s in rec.cancelled, timeout=30_000)
            qtbot.waitUntil(lambda: len(texts) == 1, timeout=30_000)
            qtbot.wait(100)
            assert w.stream_decodes == 0
            assert heard.duration_s not in rec.finished
            assert texts[0] > pause.duration_s - 0.001  # the pause's words only
            kinds = [k for k, *_ in w._stt.trail]
            assert "stream-" in kinds
        else:  # it ran to its end (another answer's pause: its words are for no answer now)
            qtbot.waitUntil(lambda: heard.duration_s in rec.finished, timeout=30_000)
            assert heard.duration_s not in rec.cancelled
    finally:
        rec.step.set()
        assert w.stop(60)


class _Heard:
    """A prefix recognizer hearing one word a second at once; keeps each clip it decoded."""

    supports_prefix = True
    prefers_denoise = False
    loaded = True

    def __init__(self) -> None:
        self.clips: list[float] = []

    def load(self) -> None:
        pass

    def transcribe(self, clip, prefix=None, *, context=None, window=None):  # type: ignore[no-untyped-def]
        return self.transcribe_words(clip, prefix, context=context, window=window)[0]

    def transcribe_words(self, clip, prefix=None, *, words=True, context=None, window=None):  # type: ignore[no-untyped-def]
        self.clips.append(clip.duration_s)
        n = max(1, round(clip.duration_s))
        return Transcript(" ".join(["word"] * n), clip.duration_s, 0.0), []


def _early_cases(n: int) -> list[tuple[float, float, float]]:
    """(speech s, silence after the first silent frame in the growing clip s, speech after
    it s (0: none)) at random."""
    rng = np.random.default_rng(1521)
    return [
        (
            float(rng.uniform(0.5, 7.0)),
            float(rng.uniform(0.02, 0.3)),
            0.0 if i % 3 else float(rng.uniform(0.3, 1.5)),
        )
        for i in range(n)
    ]


@pytest.mark.parametrize(("speech_s", "silence_s", "more_s"), _early_cases(18))
def test_no_streaming_decode_starts_in_a_pause_its_early_decode_heard(
    speech_s: float, silence_s: float, more_s: float
) -> None:
    """The pause's early decode (its first silent frame) is done before the pause is announced;
    a growing clip that adds only silence to its audio is not decoded again on the stream
    thread (a second decode of the same audio in the pause, beside the end of the turn); one
    with more speech is. On the old worker the silent one was decoded too."""
    rec = _Heard()
    job = _SttJob(rec)  # type: ignore[arg-type]
    job._make_stream()
    early = _quiet(0.3) + _tone(speech_s) + _quiet(0.032)
    job.offer(early, early=True)
    job.speculate()
    assert rec.clips == [early.duration_s]
    growing = early + _quiet(silence_s)
    if more_s:
        growing = growing + _tone(more_s)
    job.offer_growing(growing)
    job.stream()
    if more_s:
        assert rec.clips == [early.duration_s, growing.duration_s]
        assert job.stream_decodes == 1
    else:
        assert rec.clips == [early.duration_s]
        assert job.stream_decodes == 0
