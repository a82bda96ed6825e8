"""The yardstick of tests/speech/test_first_words.py (``onset_kept``) on generated instances:
every first word in every eSpeak voice, sent through simulated transports like the harness's
(a fractional-sample delay, the top of the band rolled off, a gain, a noise floor, PulseAudio-like
and the app's own resampler), is judged kept; the same answers with their first sound muted,
gated by 20 dB or cut by 50 ms are judged lost. CI failed on "Thanks" whose onset arrived intact
but half a sample late (its fricative's correlation at whole samples 0.51-0.71)."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from app.speech import AudioClip
from app.speech.audio import resample

from .conftest import espeak
from .first_words import FIRST_WORDS, VOICES, _delayed, onset_kept

pytestmark = [pytest.mark.speech]

RATE = 16_000


def _answers(folder: Path) -> list[tuple[str, str, np.ndarray]]:
    out = []
    for i, word in enumerate(FIRST_WORDS):
        for voice in VOICES:
            wav = espeak(f"{word}, I think so.", folder / f"y{i}-{voice}.wav", voice, speed=170)
            clip = AudioClip.from_wav(wav).resampled(RATE)
            out.append((word, voice, clip.to_float().astype(float)))
    return out


def _rolled_off(x: np.ndarray, start_hz: float) -> np.ndarray:
    """The top of the band tapered to nothing from ``start_hz`` to 8 kHz (a resampler's edge)."""
    spectrum = np.fft.rfft(x)
    f = np.fft.rfftfreq(len(x), 1 / RATE)
    spectrum *= np.clip((8_000 - f) / (8_000 - start_hz), 0.0, 1.0)
    return np.fft.irfft(spectrum, len(x))


def _transport(x: np.ndarray, rng: random.Random, kind: int) -> np.ndarray:
    """``x`` as a capture would store it, behind 0.4-0.6 s of quiet."""
    if kind == 0:  # PulseAudio-like: a fraction of a sample late, the band's top rolled off
        y = _rolled_off(_delayed(np.concatenate([x, np.zeros(64)]), rng.uniform(-0.5, 0.5)), 6_500)
    else:  # the app's own resampler, up to the sink's rate and back
        y = resample(resample(x.astype(np.float32), RATE, 48_000), 48_000, RATE).astype(float)
    y = y * rng.uniform(0.7, 1.3)
    lead = np.zeros(int(RATE * rng.uniform(0.4, 0.6)))
    y = np.concatenate([lead, y])
    return y + np.random.default_rng(rng.randrange(1 << 30)).normal(0, 10 ** (-75 / 20), len(y))


def _clip(x: np.ndarray) -> AudioClip:
    return AudioClip.from_samples(np.clip(x, -1, 1).astype(np.float32), RATE)


def _onset(x: np.ndarray) -> int:
    return int(np.flatnonzero(np.abs(x) > 0.003)[0])


def test_an_intact_onset_is_kept_and_a_muted_gated_or_cut_one_is_not(espeak_dir: Path) -> None:
    rng = random.Random(10)
    answers = _answers(espeak_dir)
    wrong = []
    for word, voice, x in answers:
        spoken = _clip(x)
        for kind in (0, 1):
            stored = _transport(x, rng, kind)
            if not onset_kept(_clip(stored), spoken):
                wrong.append((word, voice, kind, "intact judged lost"))
            at = _onset(stored)
            muted = stored.copy()
            muted[at : at + int(0.04 * RATE)] = 0.0
            gated = stored.copy()
            gated[at : at + int(0.06 * RATE)] *= 0.1
            cut = np.concatenate([stored[:at], stored[at + int(0.05 * RATE) :]])
            for name, bad in (("muted", muted), ("gated", gated), ("cut", cut)):
                if onset_kept(_clip(bad), spoken):
                    wrong.append((word, voice, kind, f"{name} judged kept"))
    assert len(answers) == len(FIRST_WORDS) * len(VOICES) >= 80
    assert not wrong, wrong
