"""A pause's decode encodes its audio once (session 15, issue 15's turn gap).

bench/turn_gap.py (quiet, natural answers, tiny.en): the words covering the last pause came
~630 ms after the speech end, the decode of 2.5-4.5 s of audio taking 500-700 ms. Half of that
was a second window: in word-timestamp mode faster-whisper starts the next window where the
last word ends, so every timed decode (each pause's, each streaming one) encoded a second 10 s
window over the 0.03-0.5 s of silence after the words and decoded it for no word. Now a sized
decode goes on to a later window only when voice is left after the words heard
(``stt_whisper.LATER_WINDOW_VOICE_S``); a decode whose first window stopped short of the voice's
end (its token cap) still goes on.

Generated instances: answers of 1-12 words (the first words of each of the 12 answers, in two
eSpeak voices) and pauses 30 ms to 0.5 s old, through the real worker and Whisper tiny.en.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from app.speech import AudioClip, FakeVoice, SpeechWorker, WhisperRecognizer, stt_whisper
from app.speech.audio import TARGET_RATE
from app.speech.scoring import corpus_wer

from .conftest import ANSWERS, espeak

pytestmark = pytest.mark.speech


def _cases(n: int) -> list[tuple[int, int, str, float]]:
    """(answer, how many of its first words are said before the pause, voice, pause s)."""
    rng = np.random.default_rng(1515)
    out = []
    for i in range(n):
        answer = i % len(ANSWERS)
        words = len(ANSWERS[answer].split())
        out.append(
            (
                answer,
                int(rng.integers(1, words + 1)),
                ("en-us", "en-gb")[i % 2],
                float(rng.choice([0.03, 0.06, 0.12, 0.25, 0.5])),
            )
        )
    return out


def _encodes(recognizer: WhisperRecognizer, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many windows the encoder encoded, counted as each decode runs (the window check
    raising before a window is no encoding)."""
    model = recognizer._model
    encode = model.encode
    count = [0]

    def spy(features):  # type: ignore[no-untyped-def]
        out = encode(features)
        count[0] += 1
        return out

    monkeypatch.setattr(model, "encode", spy)
    return count


def _pause_clip(espeak_dir: Path, answer: int, words: int, voice: str, pause_s: float):  # type: ignore[no-untyped-def]
    said = " ".join(ANSWERS[answer].split()[:words])
    wav = espeak(said, espeak_dir / f"one-window-{answer}-{words}-{voice}.wav", voice)
    clip = AudioClip.from_wav(wav)
    samples = np.frombuffer(clip.pcm, np.int16)
    loud = np.flatnonzero(np.abs(samples) > 300)
    voice_end = int(loud[-1]) + 1 if loud.size else len(samples)
    rng = np.random.default_rng(answer * 100 + words)
    quiet = rng.normal(0, 20, int(pause_s * TARGET_RATE)).astype("<i2")
    return said, AudioClip(samples[:voice_end].astype("<i2").tobytes() + quiet.tobytes())


@pytest.mark.parametrize(("answer", "words", "voice", "pause_s"), _cases(24))
def test_a_pause_decode_encodes_its_audio_once_and_hears_the_same_words(
    qtbot: QtBot,
    tmp_path: Path,
    recognizer: WhisperRecognizer,
    espeak_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: int,
    words: int,
    voice: str,
    pause_s: float,
) -> None:
    """The pause's decode through the worker (speculate -> partial_text): one window encoded,
    its words those of a decode that goes on to every window faster-whisper starts (the old
    behaviour) or closer to what was said, and right (WER <= 0.5 against the words said, for 3
    words or more: tiny.en on eSpeak). On the old code every such decode encoded two windows."""
    said, clip = _pause_clip(espeak_dir, answer, words, voice, pause_s)
    recognizer.load()
    count = _encodes(recognizer, monkeypatch)
    w = SpeechWorker(FakeVoice(), recognizer, tmp_path / "cache", recognizer_timeout_s=60.0)
    try:
        with qtbot.waitSignal(w.partial_text, timeout=60_000) as got:
            w.speculate(clip)
        heard = str(got.args[1])
        assert count[0] == 1
    finally:
        assert w.stop(60)
    with monkeypatch.context() as every_window:
        every_window.setattr(stt_whisper, "LATER_WINDOW_VOICE_S", float("-inf"))
        old = recognizer.transcribe_words(clip, window=True)[0].text
    new_wer = corpus_wer([(said, heard)])
    assert new_wer <= corpus_wer([(said, old)])
    if len(said.split()) >= 3:  # tiny.en mishears eSpeak's lone "Could" or "I have" either way
        assert new_wer <= 0.5, (said, heard)


@pytest.mark.parametrize("answer", [1, 5, 8, 10])
def test_a_decode_cut_short_by_its_token_cap_still_hears_the_voice_left(
    recognizer: WhisperRecognizer,
    espeak_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: int,
) -> None:
    """A first window that stops before the voice ends (here its token cap, 6) is followed by
    more windows while voice is left after its words: the decode reaches the answer's end."""
    _said, clip = _pause_clip(espeak_dir, answer, len(ANSWERS[answer].split()), "en-us", 0.12)
    recognizer.load()
    count = _encodes(recognizer, monkeypatch)
    monkeypatch.setattr(recognizer, "max_new_tokens", 6)
    transcript, timed = recognizer.transcribe_words(clip, window=True)
    assert count[0] >= 2
    assert len(transcript.text.split()) > 4  # more than the first window's few tokens
    # its words reach the voice's end (0.12 s before the clip's), give or take their timing
    assert timed
    assert timed[-1].before_end_s - 0.12 < stt_whisper.LATER_WINDOW_VOICE_S + 0.3
