"""The STT thread decodes the answer while it grows and publishes the words so far (real Whisper
tiny.en on eSpeak answers, through SpeechWorker's queued signals)."""

from __future__ import annotations

import contextlib
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from app.speech import AudioClip, FakeRecognizer, FakeVoice, SpeechWorker, WhisperRecognizer
from app.speech.audio import TARGET_RATE
from app.speech.protocols import Transcript
from app.speech.scoring import corpus_wer
from app.speech.worker import only_silence_after

from .conftest import ANSWERS, espeak
from .fake_denoiser import CountingDenoiser

pytestmark = pytest.mark.speech


@pytest.fixture
def worker(tmp_path: Path, recognizer: WhisperRecognizer) -> SpeechWorker:
    w = SpeechWorker(FakeVoice(), recognizer, tmp_path / "cache", recognizer_timeout_s=60.0)
    w.transcribed.connect(lambda i, _t: w.start_final(i))  # as Rehearsal does once it replied
    yield w
    assert w.stop(60)


def _growing(clip: AudioClip, step_s: float = 1.0) -> list[AudioClip]:
    step = int(step_s * TARGET_RATE) * 2
    return [AudioClip(clip.pcm[:end], TARGET_RATE) for end in range(step, len(clip.pcm), step)]


@pytest.mark.parametrize("index", [2, 7])
def test_growing_answer_publishes_words_and_the_end_only_adds_the_tail(
    index: int,
    qtbot: QtBot,
    worker: SpeechWorker,
    espeak_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each second of a spoken answer is decoded on the stream thread (every offer here: the
    streaming cadence, STREAM_DUTY, is another test's): ``partial_text`` brings the clip and the
    words so far to the GUI thread; the pause's speculative decode and the final transcription
    then give the whole answer, reusing the speculation."""
    monkeypatch.setattr("app.speech.worker.STREAM_DUTY", 0.0)
    text = ANSWERS[index]
    clip = AudioClip.from_wav(espeak(text, espeak_dir / f"grow-{index}.wav")).resampled()
    partials: list[tuple[AudioClip, str, int]] = []
    worker.partial_text.connect(
        lambda c, t: partials.append((c, t, threading.get_ident()))  # type: ignore[arg-type]
    )
    for part in _growing(clip):
        worker.stream(part)
        size = len(part.pcm)
        qtbot.waitUntil(lambda: any(len(c.pcm) >= size for c, _, _ in partials), timeout=60_000)  # noqa: B023
    assert worker.stream_decodes >= 2
    assert all(t == threading.get_ident() for _, _, t in partials)  # delivered in the GUI thread
    assert partials[-1][1]
    whole = clip + AudioClip(bytes(TARGET_RATE), TARGET_RATE)  # the answer, then silence
    with qtbot.waitSignal(worker.partial_text, timeout=60_000) as spec:
        worker.speculate(clip)
    assert spec.args[0] is clip
    with qtbot.waitSignal(worker.transcribed, timeout=60_000) as done:
        worker.request_transcribe(5, whole)
    assert done.args[0] == 5
    assert worker.speculative_hits == 1
    assert done.args[1].text == spec.args[1]
    assert corpus_wer([(text, done.args[1].text)]) <= 0.25, done.args[1].text


def test_a_recognizer_without_prefix_support_still_transcribes(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Streaming needs ``transcribe(prefix=)``; a recognizer without it (the fake) ignores the
    growing answer and the final transcription is unchanged."""
    rec = FakeRecognizer(default="hello there")
    w = SpeechWorker(FakeVoice(), rec, tmp_path / "cache", recognizer_timeout_s=5.0)
    try:
        clip = AudioClip(bytes(32_000), TARGET_RATE)
        w.stream(clip)
        with qtbot.waitSignal(w.transcribed, timeout=5000) as done:
            w.request_transcribe(1, clip)
        assert done.args[1].text == "hello there"
        assert w.stream_decodes == 0
    finally:
        rec.release()
        assert w.stop()


def test_a_streaming_decode_that_heard_the_whole_answer_is_the_result(
    qtbot: QtBot, worker: SpeechWorker, espeak_dir: Path
) -> None:
    """When the last growing clip already held the whole answer (the user stopped during it),
    the pause and the end reuse that decode as the provisional transcript instead of decoding
    again; a clip with more speech after it is decoded anew. The accurate pass follows each."""
    text = ANSWERS[9]
    clip = AudioClip.from_wav(espeak(text, espeak_dir / "covered.wav")).resampled()
    quiet = AudioClip(bytes(TARGET_RATE // 2), TARGET_RATE)  # half a second of silence
    with qtbot.waitSignal(worker.partial_text, timeout=60_000) as step:
        worker.stream(clip + quiet)
    stream = worker._stt._stream
    assert stream is not None
    decodes = stream.decodes
    with qtbot.waitSignal(worker.partial_text, timeout=60_000) as spec:
        worker.speculate(clip + quiet + quiet)
    assert spec.args[1] == step.args[1]
    finals: list[tuple[int, object]] = []
    worker.final_transcribed.connect(lambda i, t: finals.append((i, t)))
    with qtbot.waitSignal(worker.transcribed, timeout=60_000) as done:
        worker.request_transcribe(1, clip + quiet + quiet + quiet)
    assert done.args[1].text == step.args[1]
    assert stream.decodes == decodes  # nothing decoded again by the cheap pass
    qtbot.waitUntil(lambda: len(finals) == 1, timeout=60_000)
    assert finals[0][0] == 1
    assert corpus_wer([(text, finals[0][1].text)]) <= 0.25
    # Another answer: a growing clip, then more words after it -> decoded again.
    with qtbot.waitSignal(worker.partial_text, timeout=60_000):
        worker.stream(AudioClip(clip.pcm[: len(clip.pcm) // 2], TARGET_RATE))
    with qtbot.waitSignal(worker.transcribed, timeout=60_000) as done:
        worker.request_transcribe(2, clip + quiet)
    assert stream.decodes > decodes
    qtbot.waitUntil(lambda: len(finals) == 2, timeout=60_000)
    assert corpus_wer([(text, finals[1][1].text)]) <= 0.25


def _windows_spy(recognizer: WhisperRecognizer, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Every decode's window from now on (True: sized to the audio; False: Whisper's 30 s)."""
    seen: list[bool] = []
    decode = recognizer._decode

    def spy(model, samples, prefix, words=False, *, context=None, window=None):  # type: ignore[no-untyped-def]
        seen.append(recognizer.window if window is None else window)
        return decode(model, samples, prefix, words, context=context, window=window)

    monkeypatch.setattr(recognizer, "_decode", spy)
    return seen


@pytest.mark.parametrize("parts", [(0,), (5,), (3, 11), (1, 8, 10)])
def test_each_answer_gets_a_cheap_transcript_then_an_accurate_one(
    parts: tuple[int, ...],
    qtbot: QtBot,
    worker: SpeechWorker,
    espeak_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Answers of one to three sentences (2-15 s), streamed, paused and ended as the app does:
    every decode up to ``transcribed`` is in a window sized to the answer (the CPU is free when
    the turn ends), then ``final_transcribed`` brings the whole answer decoded in the full 30 s
    window, with the same request id."""
    text = " ".join(ANSWERS[i] for i in parts)
    clip = AudioClip.from_wav(espeak(text, espeak_dir / f"two-{'-'.join(map(str, parts))}.wav"))
    clip = clip.resampled()
    windows = _windows_spy(worker.recognizer, monkeypatch)  # type: ignore[arg-type]
    events: list[tuple[str, int, object]] = []
    worker.transcribed.connect(lambda i, t: events.append(("cheap", i, t)))
    worker.final_transcribed.connect(lambda i, t: events.append(("final", i, t)))
    for part in _growing(clip, 1.5)[::2]:
        worker.stream(part)
    worker.speculate(clip)
    worker.request_transcribe(7, clip + AudioClip(bytes(TARGET_RATE), TARGET_RATE))
    qtbot.waitUntil(lambda: len(events) == 2, timeout=120_000)
    assert [(kind, i) for kind, i, _ in events] == [("cheap", 7), ("final", 7)]
    assert windows[-1] is False
    assert all(windows[:-1])
    assert windows[:-1]
    final = events[1][2]
    assert corpus_wer([(text, final.text)]) <= 0.25, final.text  # type: ignore[attr-defined]
    assert worker.final_decodes >= 1


def test_a_failed_accurate_pass_leaves_the_cheap_transcript(
    qtbot: QtBot,
    worker: SpeechWorker,
    espeak_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The full-window decode raises: ``final_transcribed`` says None, one log line, no
    traceback; the provisional transcript went out before it and the next answer is heard."""
    clip = AudioClip.from_wav(espeak(ANSWERS[4], espeak_dir / "fail-final.wav")).resampled()
    rec: WhisperRecognizer = worker.recognizer  # type: ignore[assignment]
    decode = rec._decode

    def full_window_fails(model, samples, prefix, words=False, *, context=None, window=None):  # type: ignore[no-untyped-def]
        if window is False:
            raise RuntimeError("out of memory")
        return decode(model, samples, prefix, words, context=context, window=window)

    monkeypatch.setattr(rec, "_decode", full_window_fails)
    finals: list[object] = []
    worker.final_transcribed.connect(lambda _i, t: finals.append(t))
    with caplog.at_level("WARNING"), qtbot.waitSignal(worker.transcribed, timeout=60_000) as done:
        worker.request_transcribe(3, clip)
    qtbot.waitUntil(lambda: len(finals) == 1, timeout=60_000)
    assert finals == [None]
    assert corpus_wer([(ANSWERS[4], done.args[1].text)]) <= 0.4
    failed = [r for r in caplog.records if "accurate decode failed" in r.getMessage()]
    assert len(failed) == 1
    assert failed[0].exc_info is None
    monkeypatch.setattr(rec, "_decode", decode)
    with qtbot.waitSignal(worker.transcribed, timeout=60_000):
        worker.request_transcribe(4, clip)
    qtbot.waitUntil(lambda: len(finals) == 2 and finals[1] is not None, timeout=60_000)


def _noisy(x: np.ndarray, snr_db: float | None, rng: np.random.Generator) -> np.ndarray:
    if snr_db is None:
        return x
    loud = x[np.abs(x) > 0.02]
    level = float(np.sqrt(np.mean(loud**2))) / 10 ** (snr_db / 20)
    return x + level * rng.standard_normal(len(x)).astype(np.float32)


def test_only_silence_after_tells_a_pause_from_more_words(espeak_dir: Path) -> None:
    """Answers in three voices, quiet or in white noise (15-30 dB SNR): the same audio followed
    by 0.1-2 s of its own background is 'only silence'; followed by a word (at -6, -12 or
    -20 dB to the answer, wherever it stands 6 dB over the noise: a soft last word), or audio
    that does not continue it, is not."""
    rng = np.random.default_rng(11)
    word = AudioClip.from_wav(espeak("yes", espeak_dir / "yes.wav")).resampled().to_float()
    checked = 0
    for i, voice in enumerate(("en-us", "en-gb", "en-us+f3")):
        answer = AudioClip.from_wav(espeak(ANSWERS[i], espeak_dir / f"os-{i}.wav", voice))
        speech = answer.resampled().to_float()
        for snr in (None, 15.0, 20.0, 30.0):
            for pause_s in (0.1, 0.5, 2.0):
                for gain_db in (-6.0, -12.0, -20.0):
                    if snr is not None and gain_db < 6.0 - snr:
                        continue  # under the noise: no recognizer would hear it either
                    lead = np.zeros(TARGET_RATE // 2, np.float32)
                    pause = np.zeros(int(pause_s * TARGET_RATE), np.float32)
                    said = np.concatenate([lead, speech])
                    soft = word * np.float32(10.0 ** (gain_db / 20.0))
                    both = _noisy(np.concatenate([said, pause, soft, pause]), snr, rng)
                    heard = AudioClip.from_samples(both[: len(said)], TARGET_RATE)
                    quiet = AudioClip.from_samples(both[: len(said) + len(pause)], TARGET_RATE)
                    more = AudioClip.from_samples(both, TARGET_RATE)
                    where = (voice, snr, pause_s, gain_db)
                    assert only_silence_after(heard, quiet), where
                    assert not only_silence_after(heard, more), where
                    other = AudioClip.from_samples(both[1:], TARGET_RATE)
                    assert not only_silence_after(heard, other)
                    checked += 1
    assert checked == 3 * 3 * (3 + 1 + 2 + 3)


def test_a_pause_is_not_decoded_again_while_the_answer_grows_by_silence(
    qtbot: QtBot, worker: SpeechWorker, espeak_dir: Path
) -> None:
    """The microphone hands over the growing answer every second, pauses too: once a decode
    heard the answer, a clip that only adds silence is not decoded again (it would only delay
    the pause's and the end's decodes behind it); new words are."""
    clip = AudioClip.from_wav(espeak(ANSWERS[4], espeak_dir / "pause.wav")).resampled()
    quiet = AudioClip(bytes(TARGET_RATE), TARGET_RATE)  # half a second of silence
    with qtbot.waitSignal(worker.partial_text, timeout=60_000):
        worker.stream(clip)
    for n in range(1, 4):
        worker.stream(clip + AudioClip(quiet.pcm * n, TARGET_RATE))
    with qtbot.waitSignal(worker.partial_text, timeout=60_000) as spec:
        worker.speculate(clip + AudioClip(quiet.pcm * 4, TARGET_RATE))
    assert worker.stream_decodes == 1
    assert worker._stt._stream is not None
    assert worker._stt._stream.decodes == 1  # the pause reused the step too
    with qtbot.waitSignal(worker.transcribed, timeout=60_000) as done:
        worker.request_transcribe(3, clip + AudioClip(quiet.pcm * 5, TARGET_RATE))
    assert done.args[1].text == spec.args[1]
    assert worker._stt._stream.decodes == 1  # nothing decoded after the decision
    assert worker.speculative_hits == 1


@pytest.mark.parametrize(("first", "second"), [(1, 4), (6, 9), (10, 2)])
def test_a_pause_and_an_end_never_wait_for_a_streaming_decode_or_an_accurate_pass(
    first: int, second: int, qtbot: QtBot, tmp_path: Path, espeak_dir: Path
) -> None:
    """The recognizer as shipped (three workers, real tiny.en here): while a streaming decode of
    the answer is stuck (a slow machine) the pause's and the end's decodes still give the
    provisional transcript; while the previous answer's accurate pass is stuck as well, the next
    answer's provisional transcript still comes. Both stuck decodes finish afterwards."""
    rec = WhisperRecognizer(choice="fast", workers=3)
    rec.load()
    decode = rec._decode
    held = {"stream": threading.Event(), "final": threading.Event()}
    inside = {"stream": threading.Event(), "final": threading.Event()}

    def stuck(model, samples, prefix, words=False, *, context=None, window=None):  # type: ignore[no-untyped-def]
        kind = "final" if window is False else None
        if kind is None and not inside["stream"].is_set():
            kind = "stream"  # the first cheap decode is the streaming one (asked for first)
        if kind is not None and not held[kind].is_set():
            inside[kind].set()
            held[kind].wait(120)
        return decode(model, samples, prefix, words, context=context, window=window)

    rec._decode = stuck  # type: ignore[method-assign]
    w = SpeechWorker(FakeVoice(), rec, tmp_path / "cache", recognizer_timeout_s=120.0)
    got: dict[int, str] = {}
    finals: dict[int, object] = {}
    w.transcribed.connect(lambda i, t: got.__setitem__(i, t.text))
    w.final_transcribed.connect(lambda i, t: finals.__setitem__(i, t))
    try:
        quiet = AudioClip(bytes(TARGET_RATE), TARGET_RATE)
        clips = []
        for n in (first, second):
            wav = espeak(ANSWERS[n], espeak_dir / f"stuck-{n}.wav")
            clips.append(AudioClip.from_wav(wav).resampled())
        w.stream(AudioClip(clips[0].pcm[: len(clips[0].pcm) // 4 * 2], TARGET_RATE))
        assert inside["stream"].wait(60)
        w.speculate(clips[0])
        w.request_transcribe(1, clips[0] + quiet)
        qtbot.waitUntil(lambda: 1 in got, timeout=60_000)
        assert not held["stream"].is_set()  # the streaming decode is still stuck
        assert corpus_wer([(ANSWERS[first], got[1])]) <= 0.5, got[1]  # tiny.en on eSpeak
        w.start_final(1)  # the reply plays: the accurate pass starts, and sticks
        assert inside["final"].wait(60)
        w.speculate(clips[1])
        w.request_transcribe(2, clips[1] + quiet)
        qtbot.waitUntil(lambda: 2 in got, timeout=60_000)
        assert corpus_wer([(ANSWERS[second], got[2])]) <= 0.5, got[2]
        assert not finals  # the accurate pass is still stuck
        held["stream"].set()
        held["final"].set()
        w.start_final(2)
        qtbot.waitUntil(lambda: len(finals) == 2, timeout=120_000)
        assert corpus_wer([(ANSWERS[first], finals[1].text)]) <= 0.5  # type: ignore[attr-defined]
    finally:
        held["stream"].set()
        held["final"].set()
        assert w.stop(60)


class _SlowSteps:
    """A recognizer whose every decode takes ``seconds`` and hears one word per second."""

    supports_prefix = True
    prefers_denoise = False

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.loaded = True

    def load(self) -> None:
        pass

    def transcribe(self, clip, prefix=None, *, context=None, window=None):  # type: ignore[no-untyped-def]
        return self.transcribe_words(clip, prefix, context=context, window=window)[0]

    def transcribe_words(self, clip, prefix=None, *, words=True, context=None, window=None):  # type: ignore[no-untyped-def]
        time.sleep(self.seconds)
        n = int(clip.duration_s)
        return Transcript(" ".join(["word"] * n), clip.duration_s, self.seconds), []


@pytest.mark.parametrize("seconds", [0.05, 0.2, 0.4])
def test_streaming_decodes_leave_the_cores_free_most_of_the_time(
    seconds: float, qtbot: QtBot, tmp_path: Path
) -> None:
    """However slow the machine (a decode of the answer so far taking 0.05-0.4 s here, offers
    every 0.25 s of audio), a streaming decode starts only once the answer grew by STREAM_DUTY
    times the last one's decode time: the stream thread decodes at most about 1/STREAM_DUTY of
    the time, so a pause's decode mostly has the cores to itself; a new answer decodes at once."""
    from app.speech.worker import STREAM_DUTY

    w = SpeechWorker(FakeVoice(), _SlowSteps(seconds), tmp_path / "cache")  # type: ignore[arg-type]
    try:
        stt = w._stt
        for answer in range(2):
            pcm = bytes([answer + 1]) * (2 * TARGET_RATE * 12)  # 12 s, a different answer each
            before = stt.stream_decodes
            busy = 0.0
            for end in range(TARGET_RATE // 2, len(pcm), TARGET_RATE // 2):  # 0.25 s steps
                stt.offer_growing(AudioClip(pcm[:end], TARGET_RATE))
                started = time.perf_counter()
                stt.stream()
                busy += time.perf_counter() - started
            decodes = stt.stream_decodes - before
            assert decodes >= 2
            wanted = 12 / max(0.25, STREAM_DUTY * seconds)  # at most one per that much audio
            assert decodes <= wanted + 2, (decodes, wanted)
            assert busy <= 12 / STREAM_DUTY + 3 * seconds  # against 12 s of speech
    finally:
        assert w.stop()


class _HeldPause:
    """Decodes hear one word per second; the first decode (the pause's) waits for ``go``."""

    supports_prefix = True
    prefers_denoise = False

    def __init__(self) -> None:
        self.loaded = True
        self.inside = threading.Event()
        self.go = threading.Event()
        self.calls = 0

    def load(self) -> None:
        pass

    def transcribe(self, clip, prefix=None, *, context=None, window=None):  # type: ignore[no-untyped-def]
        return self.transcribe_words(clip, prefix, context=context, window=window)[0]

    def transcribe_words(self, clip, prefix=None, *, words=True, context=None, window=None):  # type: ignore[no-untyped-def]
        self.calls += 1
        if not self.inside.is_set():
            self.inside.set()
            self.go.wait(60)
        n = max(1, int(clip.duration_s))
        return Transcript(" ".join(["word"] * n), clip.duration_s, 0.0), []


def _tone(seconds: float) -> AudioClip:
    t = np.arange(int(seconds * TARGET_RATE)) / TARGET_RATE
    return AudioClip(
        (0.3 * 32767 * np.sin(2 * np.pi * 180 * t)).astype("<i2").tobytes(), TARGET_RATE
    )


@pytest.mark.parametrize("silences", [1, 2, 4])
def test_no_streaming_decode_starts_beside_a_running_pause_decode(
    qtbot: QtBot, tmp_path: Path, silences: int
) -> None:
    """reviewer-sp (session 7): the microphone hands over the growing answer about every second
    during a pause too; while the pause's decode runs (its words not yet back), such a clip (the
    same answer plus silence) started a second decode of the same answer on the stream thread,
    two decodes on two cores in the very gap being measured. Now none starts; new speech does."""
    rec = _HeldPause()
    w = SpeechWorker(FakeVoice(), rec, tmp_path / "cache", recognizer_timeout_s=60.0)  # type: ignore[arg-type]
    try:
        answer = _tone(3.0) + AudioClip(bytes(TARGET_RATE // 2 * 2), TARGET_RATE)
        w.speculate(answer)
        assert rec.inside.wait(30)
        quiet = AudioClip(bytes(TARGET_RATE), TARGET_RATE)
        for n in range(1, silences + 1):
            w.stream(answer + AudioClip(quiet.pcm * n, TARGET_RATE))
        qtbot.wait(300)
        assert rec.calls == 1  # only the pause's decode
        assert w.stream_decodes == 0
        with qtbot.waitSignal(w.partial_text, timeout=30_000):
            w.stream(answer + _tone(1.5))  # the user went on talking: that is decoded
        assert w.stream_decodes == 1
    finally:
        rec.go.set()
        assert w.stop(60)


class _HeldStep:
    """Decodes hear one word per second of audio; the first one (the streaming decode) waits
    for ``go``. Counts the decodes and how many ran at once."""

    supports_prefix = True
    prefers_denoise = False

    def __init__(self) -> None:
        self.loaded = True
        self.inside = threading.Event()
        self.go = threading.Event()
        self.calls = 0
        self.running = 0
        self.most_at_once = 0
        self._lock = threading.Lock()

    def load(self) -> None:
        pass

    def transcribe(self, clip, prefix=None, *, context=None, window=None):  # type: ignore[no-untyped-def]
        return self.transcribe_words(clip, prefix, context=context, window=window)[0]

    def transcribe_words(self, clip, prefix=None, *, words=True, context=None, window=None):  # type: ignore[no-untyped-def]
        with self._lock:
            self.calls += 1
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
            first = not self.inside.is_set()
            self.inside.set()
        try:
            if first:
                self.go.wait(60)
            n = max(1, round(clip.duration_s))
            return Transcript(" ".join(["word"] * n), clip.duration_s, 0.0), []
        finally:
            with self._lock:
                self.running -= 1


def _pause_cases(n: int) -> list[tuple[float, float, float, bool]]:
    """(speech s, silence in the streaming decode's clip s, more silence at the pause s, more
    speech after the streaming clip?) drawn at random: half the pauses come after speech the
    running streaming decode never heard."""
    rng = np.random.default_rng(1510)
    return [
        (
            float(rng.uniform(1.0, 7.0)),
            float(rng.uniform(0.0, 0.1)),
            float(rng.uniform(0.02, 0.3)),
            bool(i % 2),
        )
        for i in range(n)
    ]


@pytest.mark.parametrize(("speech_s", "gap_s", "pause_s", "more"), _pause_cases(10))
def test_a_pause_uses_the_streaming_decode_running_over_its_speech(
    qtbot: QtBot, tmp_path: Path, speech_s: float, gap_s: float, pause_s: float, more: bool
) -> None:
    """Session 10 (bench/turn_gap.py): in about 4 turns of 10 a streaming decode began just
    after the user stopped (the microphone offers the growing answer every second), and the
    pause's decode, 60 ms later, decoded the same audio again beside it: two decodes of one
    answer on two cores, each about twice as slow, in the very gap measured. Now a pause whose
    speech the running streaming decode heard whole waits for it and takes its words (one
    decode); a pause after speech that decode never heard is decoded at once, beside it."""
    rec = _HeldStep()
    w = SpeechWorker(FakeVoice(), rec, tmp_path / "cache", recognizer_timeout_s=60.0)  # type: ignore[arg-type]
    texts: list[str] = []
    w.partial_text.connect(lambda _c, t: texts.append(str(t)))
    try:
        heard = _tone(speech_s) + AudioClip(bytes(2 * int(gap_s * TARGET_RATE)), TARGET_RATE)
        w.stream(heard)
        assert rec.inside.wait(30)
        pause = heard + (_tone(1.0) if more else AudioClip(b"", TARGET_RATE))
        pause = pause + AudioClip(bytes(2 * int(pause_s * TARGET_RATE)), TARGET_RATE)
        w.speculate(pause)
        if more:  # new words: the pause's decode starts beside the stuck streaming one
            qtbot.waitUntil(lambda: len(texts) == 1, timeout=30_000)
            assert rec.calls == 2
            assert rec.most_at_once == 2
            rec.go.set()
            qtbot.waitUntil(lambda: len(texts) == 2, timeout=30_000)
            assert w.stream_decodes == 1
            return
        qtbot.wait(300)
        assert rec.calls == 1
        assert not texts
        rec.go.set()
        qtbot.waitUntil(lambda: len(texts) == 2, timeout=30_000)
        assert rec.calls == 1
        assert rec.most_at_once == 1
        assert texts[0] == texts[1]  # the pause's words are the streaming decode's
        assert w._stt.speculative_decodes == 1
        with qtbot.waitSignal(w.transcribed, timeout=30_000) as done:
            w.request_transcribe(1, pause + AudioClip(bytes(TARGET_RATE), TARGET_RATE))
        assert done.args[1].text == texts[0]
        assert rec.calls == 1
    finally:
        rec.go.set()
        assert w.stop(60)


def test_a_stuck_streaming_decode_holds_the_pause_at_most_a_while(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pause waits for a running streaming decode of its speech PAUSE_WAITS_STEP_S at most:
    then it decodes on its own."""
    monkeypatch.setattr("app.speech.worker.PAUSE_WAITS_STEP_S", 0.5)
    rec = _HeldStep()
    w = SpeechWorker(FakeVoice(), rec, tmp_path / "cache", recognizer_timeout_s=60.0)  # type: ignore[arg-type]
    texts: list[str] = []
    w.partial_text.connect(lambda _c, t: texts.append(str(t)))
    try:
        heard = _tone(3.0)
        w.stream(heard)
        assert rec.inside.wait(30)
        started = time.monotonic()
        w.speculate(heard + AudioClip(bytes(TARGET_RATE // 2), TARGET_RATE))
        qtbot.waitUntil(lambda: len(texts) == 1, timeout=30_000)
        assert 0.4 <= time.monotonic() - started < 5.0
        assert rec.calls == 2
    finally:
        rec.go.set()
        assert w.stop(60)


class _SlowDenoisedSteps(_SlowSteps):
    prefers_denoise = True


def _denoise_cases(n: int) -> list[tuple[float, float, float]]:
    """(answer s, one decode's time s, the microphone's offer step s) at random: base's decodes
    of the answer so far as the bench saw them (0.45-0.9 s), so the streaming cadence
    (STREAM_DUTY) skips offers; the microphone offers every GROW_S = 1 s (0.5 s here too)."""
    rng = np.random.default_rng(2026)
    return [
        (float(rng.uniform(3.0, 9.0)), float(rng.uniform(0.45, 0.9)), float(rng.choice([0.5, 1.0])))
        for _ in range(n)
    ]


@pytest.mark.parametrize(("answer_s", "decode_s", "offer_s"), _denoise_cases(8))
def test_the_answer_is_denoised_as_it_grows_not_at_the_pause(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer_s: float,
    decode_s: float,
    offer_s: float,
) -> None:
    """Session 10: DeepFilterNet3 costs about 0.1 s a second of audio on this machine and was fed
    only when a decode ran, so the pause's decode first denoised everything since the last
    streaming decode (the cadence skips most offers: 2-3 s, 0.2-0.3 s of the turn gap). Now
    every growing clip the stream thread does not decode is denoised at once: at the pause only
    the audio since the last offer (and the pause's own silence) is left to filter."""
    monkeypatch.setattr("app.speech.denoise.Denoiser", CountingDenoiser)
    CountingDenoiser.instances.clear()
    w = SpeechWorker(
        FakeVoice(),
        _SlowDenoisedSteps(decode_s),  # type: ignore[arg-type]
        tmp_path / "cache",
        denoise=True,
    )
    try:
        stt = w._stt
        pcm = _tone(answer_s).pcm
        step = 2 * int(offer_s * TARGET_RATE)
        for end in range(step, len(pcm) + 1, step):
            stt.offer_growing(AudioClip(pcm[:end], TARGET_RATE))
            stt.stream()
        assert stt.stream_decodes >= 1
        (denoiser,) = CountingDenoiser.instances
        before = denoiser.fed_samples
        pause = AudioClip(pcm, TARGET_RATE) + AudioClip(bytes(2 * TARGET_RATE // 8), TARGET_RATE)
        stt.offer(pause)
        stt.speculate()
        left_s = (denoiser.fed_samples - before) / TARGET_RATE
        assert left_s <= offer_s + 0.125 + 0.01, (left_s, denoiser.feeds)
        # Every sample of the answer went through the filter once, in order.
        assert denoiser.fed_samples == len(pause.pcm) // 2
    finally:
        assert w.stop()


class _SlowCancellable:
    """Each decode takes ``seconds`` (one word per second of audio) unless the caller's
    ``cancelled_by`` check turns true first: it looks every 10 ms, as Whisper does between its
    steps, and raises DecodeCancelled."""

    supports_prefix = True
    prefers_denoise = False

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.loaded = True
        self.inside = threading.Event()
        self.calls: list[float] = []
        self.cancelled: list[float] = []
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
        return self.transcribe_words(clip, prefix, context=context, window=window)[0]

    def transcribe_words(self, clip, prefix=None, *, words=True, context=None, window=None):  # type: ignore[no-untyped-def]
        from app.speech.stt_whisper import DecodeCancelled

        self.calls.append(clip.duration_s)
        self.inside.set()
        check = getattr(self._local, "check", None)
        deadline = time.monotonic() + self.seconds
        while time.monotonic() < deadline:
            if check is not None and check():
                self.cancelled.append(clip.duration_s)
                raise DecodeCancelled
            time.sleep(0.01)
        n = max(1, round(clip.duration_s))
        return Transcript(" ".join(["word"] * n), clip.duration_s, self.seconds), []


def _breath_cases(n: int) -> list[tuple[float, float, float, str]]:
    """(speech before the breath s, the breath s, speech after it s, what comes next) at
    random; what comes next: "pause" (a newer pause after more speech), "same" (the same pause
    offered again, only silence after it), "other" (another answer's pause)."""
    rng = np.random.default_rng(1015)
    kinds = ["pause", "pause", "same", "other"]
    return [
        (
            float(rng.uniform(0.8, 5.0)),
            float(rng.uniform(0.13, 0.5)),
            float(rng.uniform(0.3, 3.0)),
            kinds[i % len(kinds)],
        )
        for i in range(n)
    ]


@pytest.mark.parametrize(("before_s", "breath_s", "after_s", "then"), _breath_cases(12))
def test_a_newer_pause_stops_the_decode_of_an_earlier_one(
    qtbot: QtBot, tmp_path: Path, before_s: float, breath_s: float, after_s: float, then: str
) -> None:
    """Session 10 (bench/turn_gap.py at load 12): the pause's decode of a breath 1-2 s before
    the end still ran when the answer's last pause came, and that pause's decode (the words
    the end of the turn waits for) queued behind it: it started 0.4-1.7 s after the speech end.
    Now a newer pause of the same answer (more speech after the breath) stops the earlier
    decode at its next step, and its own decode starts at once. The same pause offered again,
    or another answer's pause (whose end may reuse the running decode), stops nothing."""
    rec = _SlowCancellable(3.0)
    w = SpeechWorker(FakeVoice(), rec, tmp_path / "cache", recognizer_timeout_s=60.0)  # type: ignore[arg-type]
    texts: list[tuple[float, float]] = []
    w.partial_text.connect(lambda c, _t: texts.append((c.duration_s, time.monotonic())))
    try:
        breath = _tone(before_s) + AudioClip(bytes(2 * int(breath_s * TARGET_RATE)), TARGET_RATE)
        w.speculate(breath)
        assert rec.inside.wait(30)
        quiet = AudioClip(bytes(2 * int(0.15 * TARGET_RATE)), TARGET_RATE)
        if then == "pause":
            newer = breath + _tone(after_s) + quiet
        elif then == "same":
            newer = breath + quiet
        else:
            newer = _tone(after_s) + quiet
        started = time.monotonic()
        w.speculate(newer)
        qtbot.waitUntil(lambda: any(d == newer.duration_s for d, _ in texts), timeout=30_000)
        waited = next(t for d, t in texts if d == newer.duration_s) - started
        if then == "pause":
            assert rec.cancelled == [breath.duration_s]
            assert waited < rec.seconds + 1.0  # its own decode only, not behind the breath's
            assert all(d != breath.duration_s for d, _ in texts)  # no words for the breath
        else:
            assert not rec.cancelled
            assert waited >= rec.seconds + 0.5  # behind the earlier decode, which finished
            assert texts[0][0] == breath.duration_s
    finally:
        assert w.stop(60)


@pytest.mark.parametrize("index", [0, 3, 6, 9])
def test_whisper_stops_a_cancelled_decode_between_its_steps(
    index: int, recognizer: WhisperRecognizer, espeak_dir: Path
) -> None:
    """The real decode (tiny.en, sized window, word times) looks at ``cancelled_by``'s check
    before and after the encoder, before the text and before the word times: a check that turns
    true at any of those stops it with DecodeCancelled (no SpeechError, no text); one that
    never does changes nothing."""
    from app.speech.stt_whisper import DecodeCancelled

    clip = AudioClip.from_wav(espeak(ANSWERS[index], espeak_dir / f"cancel-{index}.wav"))
    plain = recognizer.transcribe_words(clip, window=True)
    calls = [0]

    def never() -> bool:
        calls[0] += 1
        return False

    with recognizer.cancelled_by(never):
        same = recognizer.transcribe_words(clip, window=True)
    assert same[0].text == plain[0].text
    looks = calls[0]
    assert looks >= 4  # before/after the encoder, before the text, before the word times
    for turn in range(1, looks + 1):
        seen = [0]

        def at_look(turn: int = turn, seen: list[int] = seen) -> bool:
            seen[0] += 1
            return seen[0] >= turn

        with pytest.raises(DecodeCancelled), recognizer.cancelled_by(at_look):
            recognizer.transcribe_words(clip, window=True)
    # The check belongs to the block and the thread: afterwards decodes run whole again.
    assert recognizer.transcribe_words(clip, window=True)[0].text == plain[0].text
