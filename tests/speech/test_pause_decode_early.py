"""The pause's decode starts at its first silent frame (session 13, issue 15's turn gap).

bench/turn_gap.py, quiet machine, natural answers: the words covering the last pause landed
~620 ms after the speech end, ~150 ms of it the announcement's wait (120 ms of silence, Silero's
32 ms frames) before the decode even began. Now the microphone's ``pause_began`` (the Vad's
:class:`PauseBegan`, ``VadConfig.pause_decode_ms``) starts the decode at once; its words are
published only when the pause is announced (the same 120 ms rule decides) and only when nothing
but silence came after its audio: a soft last word after the first silent frame is more speech
and the announced clip is decoded as before (session 12 announced the pause itself at 32 ms and
lost such words: 7 more dev sentences cut). The voice coming back before the announcement
(:class:`PauseBroken`) stops the early decode.
"""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from app.speech import AudioClip, FakeVoice, SpeechWorker
from app.speech.audio import TARGET_RATE
from app.speech.protocols import Transcript
from app.speech.quickwords import Heard
from app.speech.streaming import HeardWord
from app.speech.vad import (
    PauseBegan,
    PauseBroken,
    SilenceStarted,
    SpeechEnded,
    Vad,
    VadConfig,
    VadEvent,
)
from app.speech.worker import _SttJob, only_silence_after

FRAME_MS = 32


def _tone(seconds: float, amp: float = 0.3, hz: float = 180.0) -> np.ndarray:
    t = np.arange(int(seconds * TARGET_RATE)) / TARGET_RATE
    return (amp * 32767 * np.sin(2 * np.pi * hz * t)).astype(np.int16)


def _quiet(seconds: float, rng: np.random.Generator, level: float = 30.0) -> np.ndarray:
    return rng.normal(0, level, int(seconds * TARGET_RATE)).astype(np.int16)


def _syllables(seconds: float, rng: np.random.Generator) -> np.ndarray:
    """A voice: 200 ms syllables with 60-100 ms gaps between them, ``seconds`` long."""
    parts: list[np.ndarray] = []
    while sum(map(len, parts)) < seconds * TARGET_RATE:
        parts += [_tone(0.2), _quiet(float(rng.uniform(0.06, 0.1)), rng)]
    return np.concatenate([*parts[:-1], _tone(0.2)])[: int(seconds * TARGET_RATE)]


def _clip(samples: np.ndarray) -> AudioClip:
    return AudioClip(samples.astype("<i2").tobytes(), TARGET_RATE)


# -- the detector ---------------------------------------------------------------------------


def _vad_cases(n: int) -> list[tuple[float, float, float, int]]:
    """(speech s, pause s, speech after s (0: the answer ends), pause_decode_ms) at random."""
    rng = np.random.default_rng(1313)
    return [
        (
            float(rng.uniform(0.5, 4.0)),
            float(rng.choice([0.04, 0.07, 0.1, 0.2, 0.5, 1.0, 3.0])),
            float(rng.choice([0.0, 0.6, 1.5])),
            int(rng.choice([32, 64, 96])),
        )
        for _ in range(n)
    ]


def _feed(vad: Vad, samples: np.ndarray) -> list[tuple[int, VadEvent]]:
    """Every event with the sample count fed when it came."""
    out: list[tuple[int, VadEvent]] = []
    step = TARGET_RATE * FRAME_MS // 1000
    for i in range(0, len(samples), step):
        out.extend((i + step, e) for e in vad.feed(samples[i : i + step]))
    return out


@pytest.mark.parametrize(("speech_s", "pause_s", "after_s", "early_ms"), _vad_cases(40))
def test_a_pause_begins_at_its_first_silent_frames_before_it_is_announced(
    speech_s: float, pause_s: float, after_s: float, early_ms: int
) -> None:
    """Generated answers (speech, a pause of 40 ms to 3 s, maybe more speech): each pause that
    reaches ``pause_decode_ms`` gets ONE PauseBegan, with the answer's clip up to that frame,
    before its SilenceStarted (which is unchanged: same time, same clip); a pause the voice
    breaks before its announcement gets a PauseBroken; one announced gets none. Without
    ``pause_decode_ms`` the events are exactly the old ones."""
    rng = np.random.default_rng(int(speech_s * 1000) + early_ms)
    parts = [_quiet(0.4, rng), _tone(speech_s), _quiet(pause_s, rng)]
    if after_s:
        parts.append(_tone(after_s))
    samples = np.concatenate([*parts, _quiet(3.0, rng)])  # then the answer ends
    old = _feed(Vad(VadConfig()), samples)
    new = _feed(Vad(VadConfig(pause_decode_ms=early_ms)), samples)
    assert [(at, e) for at, e in new if not isinstance(e, PauseBegan | PauseBroken)] == old
    began = [(at, e) for at, e in new if isinstance(e, PauseBegan)]
    announced = [at for at, e in new if isinstance(e, SilenceStarted)]
    broken = [at for at, e in new if isinstance(e, PauseBroken)]
    assert began, "the pause after the speech began"
    for at, event in began:
        # its clip is the answer so far, up to the frame where it came
        nxt = next(e for a, e in new if a >= at and isinstance(e, SilenceStarted | PauseBroken))
        if isinstance(nxt, SilenceStarted):  # announced: the same answer, 120 ms in
            assert nxt.clip.pcm.startswith(event.clip.pcm)
            gap_ms = (len(nxt.clip.pcm) - len(event.clip.pcm)) // 2 * 1000 / TARGET_RATE
            assert gap_ms == pytest.approx(120 - early_ms, abs=FRAME_MS + 1)
    # every early pause ends one way: announced, or broken by the voice
    assert len(began) == len(announced) + len(broken)
    mid_ms = pause_s * 1000
    if after_s and mid_ms >= early_ms + FRAME_MS:
        assert len(began) == 2  # the mid-answer pause, then the end
        if mid_ms < 120 - FRAME_MS:
            assert len(broken) == 1
            assert broken[0] > began[0][0]
    if not after_s or mid_ms < early_ms - FRAME_MS:
        assert len(began) == 1
        assert not broken


def test_no_pause_begins_without_pause_decode_ms() -> None:
    rng = np.random.default_rng(7)
    samples = np.concatenate([_quiet(0.4, rng), _tone(1.2), _quiet(0.5, rng), _tone(1.0)])
    events = [e for _a, e in _feed(Vad(VadConfig()), samples)]
    assert not any(isinstance(e, PauseBegan | PauseBroken) for e in events)


# -- the worker -----------------------------------------------------------------------------


class _Words:
    """A prefix recognizer that hears one word a second of clip, the last one's probability 0.9,
    taking ``seconds`` a decode (cancellable between 10 ms steps, as Whisper between its
    steps); keeps every clip it decoded."""

    supports_prefix = True
    prefers_denoise = False
    loaded = True

    def __init__(self, seconds: float = 0.0) -> None:
        self.seconds = seconds
        self.clips: list[float] = []
        self.cancelled: list[float] = []
        self.started: list[float] = []  # time.monotonic() each decode began
        self.inside = threading.Event()
        self._local = threading.local()

    def load(self) -> None:
        pass

    @contextlib.contextmanager
    def cancelled_by(self, check):  # type: ignore[no-untyped-def]
        self._local.check = check
        try:
            yield
        finally:
            self._local.check = None

    def transcribe(self, clip, prefix=None, *, context=None, window=None):  # type: ignore[no-untyped-def]
        return self.transcribe_words(clip, prefix, context=context, window=window)[0]  # type: ignore[no-untyped-call]

    def transcribe_words(self, clip, prefix=None, *, words=True, context=None, window=None):  # type: ignore[no-untyped-def]
        from app.speech.stt_whisper import DecodeCancelled

        self.clips.append(clip.duration_s)
        self.started.append(time.monotonic())
        self.inside.set()
        check = getattr(self._local, "check", None)
        deadline = time.monotonic() + self.seconds
        while time.monotonic() < deadline:
            if check is not None and check():
                self.cancelled.append(clip.duration_s)
                raise DecodeCancelled
            time.sleep(0.01)
        d = clip.duration_s
        n = max(1, round(d))
        said = [f"w{len(self.clips)}x{i}" for i in range(n)]
        said[-1] += "."
        timed = [HeardWord(w, d - (i + 1) * d / n, d - i * d / n, 0.9) for i, w in enumerate(said)]
        return Transcript(" ".join(said), d, self.seconds), (timed if words else [])


def _pause_cases(n: int) -> list[tuple[float, float, float]]:
    """(speech s, what follows the first silent frame: a soft sound's level (0: silence) as a
    share of the voice, its length s) at random: silence in half of them."""
    rng = np.random.default_rng(1315)
    out = []
    for i in range(n):
        soft = 0.0 if i % 2 == 0 else float(rng.choice([0.08, 0.1, 0.2, 0.5]))
        out.append((float(rng.uniform(0.6, 5.0)), soft, float(rng.uniform(0.03, 0.09))))
    return out


@pytest.mark.parametrize(("speech_s", "soft", "soft_s"), _pause_cases(24))
def test_the_announced_pause_takes_the_early_decodes_words_only_after_silence(
    speech_s: float, soft: float, soft_s: float
) -> None:
    """Generated pauses: the decode begun at the first silent frame is the announced pause's
    ONE decode when only silence came after its audio (its words published once, for the
    announced clip, a Heard with its doubt); when a soft sound came after it (the tail of a
    weak last word, 8-50% of the voice), the announced clip is decoded again and ITS words are
    published. Nothing is published before the announcement. On the old worker there is no
    early decode (speculate_early): the announced clip is always decoded."""
    rng = np.random.default_rng(int(speech_s * 1000))
    rec = _Words()
    job = _SttJob(rec)
    job._make_stream()
    published: list[tuple[float, str]] = []
    job.partial_text.connect(lambda clip, text: published.append((clip.duration_s, text)))
    voice = _syllables(speech_s, rng)
    early = _clip(np.concatenate([_quiet(0.6, rng), voice, _quiet(0.032, rng)]))
    rest = (
        _tone(soft_s, 0.3 * soft, 140.0) if soft else _quiet(soft_s, rng)
    )  # what the first silent frame did not hear
    announced = early + _clip(np.concatenate([rest, _quiet(0.12 - soft_s, rng)]))
    job.offer(early, early=True)
    job.speculate()
    assert rec.clips == [early.duration_s]
    assert not published  # the early words wait for the announcement
    job.offer(announced)
    job.speculate()
    assert len(published) == 1
    heard_all = only_silence_after(early, announced)
    assert heard_all == (soft == 0.0)
    if heard_all:
        assert rec.clips == [early.duration_s]  # one decode for the pause
        assert published[0][1].startswith("w1x")
    else:
        assert rec.clips == [early.duration_s, announced.duration_s]
        assert published[0][1].startswith("w2x")
    assert published[0][0] == announced.duration_s
    assert isinstance(published[0][1], Heard)
    # the end of the turn reuses the pause's words (no decode after the turn ended)
    ended: list[str] = []
    job.transcribed.connect(lambda _i, t: ended.append(t.text))
    job.transcribe(1, announced + _clip(_quiet(0.2, rng)))
    assert ended == [str(published[0][1])]
    assert len(rec.clips) == (1 if heard_all else 2)


@pytest.mark.parametrize("decode_s", [0.3, 0.5, 0.8])
@pytest.mark.parametrize("speech_s", [1.5, 3.5])
def test_the_pause_words_land_one_decode_after_the_first_silent_frame(
    qtbot: QtBot, tmp_path: Path, decode_s: float, speech_s: float
) -> None:
    """Through the worker's threads, the pause announced 96 ms after its first silent frame (as
    the microphone does, Silero's 32 ms frames): the pause's one decode began before the
    announcement, and its words land when it ends, never before the announcement (the old
    worker, which has no speculate_early, cannot start before it)."""
    rng = np.random.default_rng(int(decode_s * 100))
    rec = _Words(decode_s)
    w = SpeechWorker(FakeVoice(), rec, tmp_path / "cache", recognizer_timeout_s=60.0)
    got: list[tuple[float, float]] = []
    w.partial_text.connect(lambda c, _t: got.append((c.duration_s, time.monotonic())))
    try:
        early = _clip(np.concatenate([_quiet(0.3, rng), _tone(speech_s), _quiet(0.032, rng)]))
        announced = early + _clip(_quiet(0.096, rng))
        w.speculate_early(early)
        # The announcement comes while the early decode runs (as live: it takes 300+ ms, the
        # announcement 96 ms); waiting on its start, not a fixed 96 ms, keeps a loaded runner's
        # slow thread start from deciding which clip is decoded.
        assert rec.inside.wait(30)
        announced_at = time.monotonic()
        w.speculate(announced)
        qtbot.waitUntil(lambda: bool(got), timeout=30_000)
        duration, at = got[0]
        assert duration == announced.duration_s
        assert rec.clips == [early.duration_s]  # the pause's one decode ...
        assert rec.started[0] < announced_at  # ... began before the announcement
        assert at - rec.started[0] >= decode_s - 0.005  # its own words (not published early)
        assert at >= announced_at  # and none before the announcement
        qtbot.wait(50)
        assert len(got) == 1
    finally:
        assert w.stop(60)


@pytest.mark.parametrize("then", ["voice", "newer", "announced"])
def test_the_voice_coming_back_stops_the_early_decode(
    qtbot: QtBot, tmp_path: Path, then: str
) -> None:
    """The voice came back before the announcement (PauseBroken -> drop_early): the early decode
    stops at its next step and publishes nothing; a newer pause's early decode (more speech)
    stops it too; an announced pause (only silence after) lets it finish and takes its words."""
    rng = np.random.default_rng(5)
    rec = _Words(3.0)
    w = SpeechWorker(FakeVoice(), rec, tmp_path / "cache", recognizer_timeout_s=60.0)
    got: list[float] = []
    w.partial_text.connect(lambda c, _t: got.append(c.duration_s))
    try:
        early = _clip(np.concatenate([_quiet(0.3, rng), _tone(2.0), _quiet(0.032, rng)]))
        w.speculate_early(early)
        assert rec.inside.wait(30)
        if then == "voice":
            w.drop_early()
            qtbot.waitUntil(lambda: rec.cancelled == [early.duration_s], timeout=2_000)
            qtbot.wait(100)
            assert not got
        elif then == "newer":
            newer = early + _clip(np.concatenate([_tone(1.0), _quiet(0.032, rng)]))
            w.speculate_early(newer)
            qtbot.waitUntil(lambda: rec.cancelled == [early.duration_s], timeout=2_000)
            announced = newer + _clip(_quiet(0.096, rng))
            w.speculate(announced)
            qtbot.waitUntil(lambda: bool(got), timeout=30_000)
            assert got == [announced.duration_s]
            assert rec.clips == [early.duration_s, newer.duration_s]
        else:
            announced = early + _clip(_quiet(0.096, rng))
            w.speculate(announced)
            qtbot.waitUntil(lambda: bool(got), timeout=30_000)
            assert got == [announced.duration_s]
            assert not rec.cancelled
            assert rec.clips == [early.duration_s]
    finally:
        assert w.stop(60)


class _Settings:
    input_device = ""
    end_silence_ms = 550
    max_answer_s = 30.0


def test_the_factory_wires_the_early_decode() -> None:
    """The product's microphone starts the pause's decode at its first silent frame."""
    from app.speech.factory import PAUSE_DECODE_MS, make_microphone

    mic = make_microphone(_Settings())  # type: ignore[arg-type]
    assert mic.vad.config.pause_decode_ms == PAUSE_DECODE_MS == FRAME_MS  # type: ignore[attr-defined]
    assert hasattr(mic, "pause_began")
    assert hasattr(mic, "pause_broken")


def _comma_cases(n: int) -> list[tuple[float, int, int, str]]:
    """(speech s, a comma pause ms (Silero's: 224-480, as Piper's after a whole clause), when
    the pause's words come (ms into it), which words) at random."""
    rng = np.random.default_rng(1316)
    texts = ["Not yet.", "That sounds interesting.", "Thank you.", "I do not add up."]
    out = []
    for i in range(n):
        frames = int(rng.integers(7, 16))
        words = int(rng.integers(4, frames + 1))  # within the pause
        out.append(
            (float(rng.uniform(0.8, 3.0)), frames * FRAME_MS, words * FRAME_MS, texts[i % 4])
        )
    return out


@pytest.mark.parametrize(("speech_s", "pause_ms", "words_ms", "text"), _comma_cases(30))
def test_the_products_detector_outlasts_a_comma_pause_whenever_the_words_come(
    speech_s: float, pause_ms: int, words_ms: int, text: str
) -> None:
    """bench/turn_gap.py, natural answers, the early decode with the old 200 ms finished wait:
    11 of 20 answers were cut at a comma after a whole clause ("Not yet, | who would you
    suggest I talk to?"), the words saying "finished" ~300 ms into a 320-450 ms pause. The
    product's detector (make_microphone's VadConfig) lets finished words end a pause only once
    it outlasts such commas, whenever the words come; then the same words end the real end."""
    from app.speech.factory import FINISHED_WAIT_MS, make_microphone
    from app.speech.quickwords import Heard

    config = make_microphone(_Settings()).vad.config  # type: ignore[arg-type,attr-defined]
    assert config.text_finished_ms == FINISHED_WAIT_MS > 480
    rng = np.random.default_rng(pause_ms + words_ms)
    voice = _syllables(speech_s, rng)
    vad = Vad(replace(config, text_prosody=False))  # the voice's ending aside: words and clock
    step = TARGET_RATE * FRAME_MS // 1000
    said = Heard(text, 0.99, looped=False, continues=False, falls=True)
    ended: list[int] = []

    def run(samples: np.ndarray, pause_from: int) -> None:
        told = False
        for i in range(0, len(samples), step):
            events = vad.feed(samples[i : i + step])
            if not told and i + step >= pause_from + words_ms * TARGET_RATE // 1000:
                told = True
                events += vad.hint_text(vad.current_clip(), said)
            ended.extend(i for e in events if isinstance(e, SpeechEnded))
        assert told

    lead = np.concatenate([_quiet(0.5, rng), voice])
    comma = _quiet(pause_ms / 1000, rng)
    run(np.concatenate([lead, comma]), len(lead))
    assert not ended, "a comma pause ended the answer"
    more = np.concatenate([_syllables(1.0, rng), _quiet(1.5, rng)])
    run(more, len(more) - int(1.5 * TARGET_RATE))
    assert len(ended) == 1  # the real end: its words end it, a FINISHED_WAIT_MS pause in
