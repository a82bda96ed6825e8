"""The STT thread decodes the answer while it grows and publishes the words so far (real Whisper
tiny.en on eSpeak answers, through SpeechWorker's queued signals)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.speech import AudioClip, FakeRecognizer, FakeVoice, SpeechWorker, WhisperRecognizer
from app.speech.audio import TARGET_RATE
from app.speech.scoring import corpus_wer

from .conftest import ANSWERS, espeak

pytestmark = pytest.mark.speech


@pytest.fixture
def worker(tmp_path: Path, recognizer: WhisperRecognizer) -> SpeechWorker:
    w = SpeechWorker(FakeVoice(), recognizer, tmp_path / "cache", recognizer_timeout_s=60.0)
    yield w
    assert w.stop(60)


def _growing(clip: AudioClip, step_s: float = 1.0) -> list[AudioClip]:
    step = int(step_s * TARGET_RATE) * 2
    return [AudioClip(clip.pcm[:end], TARGET_RATE) for end in range(step, len(clip.pcm), step)]


@pytest.mark.parametrize("index", [2, 7])
def test_growing_answer_publishes_words_and_the_end_only_adds_the_tail(
    index: int, qtbot: QtBot, worker: SpeechWorker, espeak_dir: Path
) -> None:
    """Each second of a spoken answer is decoded on the STT thread: ``partial_text`` brings the
    clip and the words so far to the GUI thread; the pause's speculative decode and the final
    transcription then give the whole answer, reusing the speculation."""
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
    the pause and the end reuse that decode instead of decoding again; a clip with more speech
    after it is decoded anew."""
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
    with qtbot.waitSignal(worker.transcribed, timeout=60_000) as done:
        worker.request_transcribe(1, clip + quiet + quiet + quiet)
    assert done.args[1].text == step.args[1]
    assert stream.decodes == decodes  # nothing decoded again
    assert corpus_wer([(text, done.args[1].text)]) <= 0.25
    # Another answer: a growing clip, then more words after it -> decoded again.
    with qtbot.waitSignal(worker.partial_text, timeout=60_000):
        worker.stream(AudioClip(clip.pcm[: len(clip.pcm) // 2], TARGET_RATE))
    with qtbot.waitSignal(worker.transcribed, timeout=60_000) as done:
        worker.request_transcribe(2, clip + quiet)
    assert stream.decodes > decodes
    assert corpus_wer([(text, done.args[1].text)]) <= 0.25
