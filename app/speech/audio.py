"""Audio as plain data: 16-bit mono PCM in an :class:`AudioClip`, WAV IO, resampling, levels.

Everything here is numpy and the standard library, so the VAD, the recognizer and the tests all
share one representation without Qt.
"""

from __future__ import annotations

import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

#: The rate the recognizer wants and the microphone asks for.
TARGET_RATE = 16_000

Int16Array = npt.NDArray[np.int16]
FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True)
class AudioClip:
    """Mono int16 little-endian PCM and its rate; the unit passed between capture and STT."""

    pcm: bytes
    sample_rate: int = TARGET_RATE

    @property
    def duration_s(self) -> float:
        return len(self.pcm) / 2 / self.sample_rate

    @property
    def samples(self) -> Int16Array:
        return np.frombuffer(self.pcm, dtype="<i2").astype(np.int16, copy=False)

    def to_float(self) -> FloatArray:
        """Samples in -1..1 float32, the form Whisper takes."""
        return (self.samples.astype(np.float32) / 32768.0).astype(np.float32)

    def to_wav(self, path: Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with wave.open(str(path), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(self.sample_rate)
            w.writeframes(self.pcm)
        return path

    @classmethod
    def from_samples(cls, samples: npt.NDArray[np.generic], sample_rate: int) -> AudioClip:
        return cls(to_int16(samples).astype("<i2").tobytes(), sample_rate)

    @classmethod
    def from_wav(
        cls, path: Path, *, rate: int = TARGET_RATE, max_seconds: float | None = None
    ) -> AudioClip:
        """Read a WAV (PCM 8/16/24/32-bit or float, any channels, any rate) as mono int16 at
        ``rate``; a file whose header lies, or longer than ``max_seconds``, is a SpeechError."""
        from app.speech.wavread import DEFAULT_MAX_SECONDS, read_wav

        data, src_rate = read_wav(path, max_seconds=max_seconds or DEFAULT_MAX_SECONDS)
        return cls.from_samples(resample(data, src_rate, rate), rate)

    def resampled(self, rate: int = TARGET_RATE) -> AudioClip:
        if rate == self.sample_rate:
            return self
        out = resample(self.samples.astype(np.float32) / 32768.0, self.sample_rate, rate)
        return AudioClip.from_samples(out, rate)

    def __add__(self, other: AudioClip) -> AudioClip:
        if other.sample_rate != self.sample_rate:
            other = other.resampled(self.sample_rate)
        return AudioClip(self.pcm + other.pcm, self.sample_rate)


def to_int16(samples: npt.NDArray[np.generic]) -> Int16Array:
    """Float (-1..1) or integer samples as clipped int16."""
    if samples.dtype == np.int16:
        return samples.astype(np.int16, copy=False)
    if np.issubdtype(samples.dtype, np.floating):
        scaled = np.clip(samples.astype(np.float64) * 32768.0, -32768, 32767)
        return np.round(scaled).astype(np.int16)
    return np.clip(samples.astype(np.int64), -32768, 32767).astype(np.int16)


def resample(samples: FloatArray, src_rate: int, dst_rate: int) -> FloatArray:
    """Band-limited enough for speech: a moving-average low-pass then linear interpolation.

    Good enough for 22.05/44.1/48 kHz speech into 16 kHz Whisper; no SciPy needed.
    """
    if src_rate == dst_rate or len(samples) == 0:
        return samples.astype(np.float32, copy=False)
    x: npt.NDArray[np.floating] = samples.astype(np.float32)
    if dst_rate < src_rate:
        taps = max(1, round(src_rate / dst_rate))
        if taps > 1:
            x = np.convolve(x, np.ones(taps, dtype=np.float32) / taps, mode="same")
    n_out = round(len(x) * dst_rate / src_rate)
    positions = np.arange(n_out, dtype=np.float64) * (src_rate / dst_rate)
    out: FloatArray = np.interp(positions, np.arange(len(x)), x).astype(np.float32)
    return out


def rms(samples: npt.NDArray[np.generic]) -> float:
    """Root mean square of int16 or float samples, as a fraction of full scale (0..1)."""
    if len(samples) == 0:
        return 0.0
    x = samples.astype(np.float64)
    if samples.dtype == np.int16:
        x = x / 32768.0
    return float(np.sqrt(np.mean(x * x)))


def frame_levels(samples: npt.NDArray[np.generic], frame: int) -> FloatArray:
    """The RMS of each whole ``frame``-sample frame from the start (a shorter tail is left out),
    as a fraction of full scale like :func:`rms`."""
    n = len(samples) // frame
    x = samples[: n * frame].astype(np.float32)
    if samples.dtype == np.int16:
        x /= np.float32(32768.0)
    levels: FloatArray = np.sqrt((x.reshape(n, frame) ** 2).mean(axis=1))
    return levels


#: Frames for :func:`voiced_span` and :func:`speech_limit`, and how many in a row are voice.
VOICED_FRAME_S = 0.02
VOICED_RUN = 3


def speech_limit(levels: FloatArray) -> float:
    """The frame level above which a clip's 20 ms frames (``levels``, as :func:`frame_levels`
    gives them) are speech: twice its background noise (its quietest tenth; at most half its
    speech level), so steady room or hall noise is not taken for a word, and never above 26 dB
    under its voiced frames (their median), so a soft last word ("...I guess") still counts."""
    noise = float(np.percentile(levels, 10))
    voiced = levels[levels > 4.0 * noise]
    speech = float(np.median(voiced)) if voiced.size else float(np.sqrt(np.mean(levels**2)))
    return max(min(2.0 * noise, 0.5 * speech), 0.05 * speech, 1e-6)


def voiced_span(samples: npt.NDArray[np.generic], rate: int) -> tuple[float, float] | None:
    """Seconds from the start to the first and to the end of the last frame over
    :func:`speech_limit`; None when nothing in ``samples`` is voiced (silence, or too short for
    one frame)."""
    size = max(1, round(rate * VOICED_FRAME_S))
    if len(samples) < size * VOICED_RUN:
        return None
    levels = frame_levels(samples, size)
    if float(levels.max()) <= 10 ** (-60 / 20):  # digital or near silence: nothing said
        return None
    loud = (levels > speech_limit(levels)).astype(np.int8)
    # Voice is a run of VOICED_RUN frames or more: a hall's noise pokes over the limit for a
    # frame now and then, which must not move where the voice ends.
    runs = np.convolve(loud, np.ones(VOICED_RUN, dtype=np.int8), mode="valid")
    starts = np.flatnonzero(runs == VOICED_RUN)
    if starts.size == 0:
        return None
    return float(starts[0] * size / rate), float((starts[-1] + VOICED_RUN) * size / rate)


def meter_level(value_rms: float, floor_db: float = -60.0) -> float:
    """An RMS as 0..1 on a dB scale (-60 dBFS..0), which is what a level meter should show."""
    if value_rms <= 0:
        return 0.0
    db = 20.0 * np.log10(value_rms)
    return float(np.clip((db - floor_db) / -floor_db, 0.0, 1.0))
