"""The end-of-answer models on real audio: Silero VAD frame by frame, Smart Turn v3.2, and the
detector using them (eSpeak NG speech made at test time)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.speech import AudioClip
from app.speech.endpoint import SILERO_FRAME, SileroVoice, SmartTurn, log_mel_8s
from app.speech.vad import SpeechEnded, SpeechStarted, Vad

from .conftest import espeak

RATE = 16_000


@pytest.fixture(scope="module")
def sentence(espeak_dir: Path) -> AudioClip:
    return AudioClip.from_wav(espeak("I would love to hear about your work", espeak_dir / "ep.wav"))


def test_silero_hears_speech_and_not_room_tone(sentence: AudioClip) -> None:
    silero = SileroVoice()
    x = sentence.samples
    speech = [
        silero(x[i : i + SILERO_FRAME]) for i in range(0, len(x) - SILERO_FRAME, SILERO_FRAME)
    ]
    silero.reset()
    rng = np.random.default_rng(0)
    hum = (rng.normal(0, 0.003, RATE * 2) * 32768).astype(np.int16)
    quiet = [
        silero(hum[i : i + SILERO_FRAME]) for i in range(0, len(hum) - SILERO_FRAME, SILERO_FRAME)
    ]
    assert np.mean(np.array(speech) > 0.5) > 0.5
    assert max(quiet) < 0.5


def test_smart_turn_gives_a_probability_from_the_bundled_checked_model(sentence: AudioClip) -> None:
    model = SmartTurn()
    p = model(sentence + AudioClip(bytes(2 * RATE // 5)))
    assert 0.0 <= p <= 1.0
    assert log_mel_8s(sentence.to_float()).shape == (80, 800)


def test_detector_with_both_models_takes_one_whole_answer(sentence: AudioClip) -> None:
    vad = Vad(voice_prob=SileroVoice(), end_of_turn=SmartTurn())
    clip = AudioClip(bytes(RATE)) + sentence + AudioClip(bytes(RATE * 4))
    events = []
    for i in range(0, len(clip.pcm), 640):
        events.extend(vad.feed(clip.pcm[i : i + 640]))
    assert sum(isinstance(e, SpeechStarted) for e in events) == 1
    ended = [e for e in events if isinstance(e, SpeechEnded)]
    assert len(ended) == 1
    assert ended[0].clip.duration_s >= sentence.duration_s * 0.8
