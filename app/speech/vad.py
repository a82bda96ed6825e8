"""Energy-based voice-activity detection on plain numpy arrays, so it is testable without Qt.

Frames of 30 ms are compared with an adaptive noise floor: speech starts after 90 ms clearly
above it, short pauses are tolerated, and ``end_silence_ms`` of quiet (the hang-over) ends the
answer. Silence is announced early (``silence_start_ms``) so the worker can decode speculatively.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.speech.audio import TARGET_RATE, AudioClip, rms


@dataclass(frozen=True)
class VadConfig:
    """Tuning knobs; the defaults suit a laptop microphone in a quiet-to-noisy room."""

    frame_ms: int = 30
    start_ms: int = 90
    silence_start_ms: int = 120
    end_silence_ms: int = 550
    pre_roll_ms: int = 300
    max_speech_s: float = 30.0
    no_speech_timeout_s: float | None = 8.0
    calibration_ms: int = 240
    min_rms: float = 0.006  # about -44 dBFS: quieter than this is never speech
    start_ratio: float = 3.0  # about +10 dB over the noise floor starts speech
    keep_ratio: float = 2.0  # about +6 dB keeps it going (hysteresis)


@dataclass(frozen=True)
class SpeechStarted:
    """Speech began ``at_s`` seconds after the VAD started listening."""

    at_s: float


@dataclass(frozen=True)
class SilenceStarted:
    """A pause began; ``clip`` is everything heard so far (for a speculative decode)."""

    clip: AudioClip


@dataclass(frozen=True)
class SpeechEnded:
    """The answer is over: ``reason`` is "silence", "max_length" or "stopped"."""

    clip: AudioClip
    reason: str


@dataclass(frozen=True)
class NoSpeech:
    """Nobody spoke within the no-speech timeout."""


VadEvent = SpeechStarted | SilenceStarted | SpeechEnded | NoSpeech


class Vad:
    """Feed 16 kHz mono int16 PCM in any chunk size; get events back. One answer per reset."""

    def __init__(self, config: VadConfig | None = None, sample_rate: int = TARGET_RATE) -> None:
        self.config = config or VadConfig()
        self.sample_rate = sample_rate
        self.frame_len = sample_rate * self.config.frame_ms // 1000
        self.reset()

    def reset(self) -> None:
        c = self.config
        self.noise_floor = 0.0
        self.in_speech = False
        self.done = False
        self._pending = np.zeros(0, dtype=np.int16)
        self._frames_seen = 0
        self._calibration: list[float] = []
        self._voiced_run = 0
        self._silent_run = 0
        self._speech_frames: list[npt.NDArray[np.int16]] = []
        self._pre_roll: deque[npt.NDArray[np.int16]] = deque(
            maxlen=max(1, c.pre_roll_ms // c.frame_ms)
        )
        self._silence_announced = False

    @property
    def elapsed_s(self) -> float:
        return self._frames_seen * self.config.frame_ms / 1000

    @property
    def start_threshold(self) -> float:
        return max(self.config.min_rms, self.noise_floor * self.config.start_ratio)

    @property
    def keep_threshold(self) -> float:
        return max(self.config.min_rms * 0.7, self.noise_floor * self.config.keep_ratio)

    def feed(self, pcm: bytes | npt.NDArray[np.int16]) -> list[VadEvent]:
        samples = np.frombuffer(pcm, dtype="<i2") if isinstance(pcm, bytes | bytearray) else pcm
        self._pending = np.concatenate([self._pending, samples.astype(np.int16, copy=False)])
        events: list[VadEvent] = []
        while len(self._pending) >= self.frame_len and not self.done:
            frame, self._pending = self._pending[: self.frame_len], self._pending[self.frame_len :]
            events.extend(self._frame(frame))
        return events

    def finish(self) -> list[VadEvent]:
        """End the answer now (push-to-talk released, listening stopped)."""
        if self.done or not self.in_speech:
            self.done = True
            return []
        return [self._end("stopped")]

    def current_clip(self) -> AudioClip:
        frames = [*self._speech_frames, self._pending] if self.in_speech else [self._pending]
        return AudioClip(np.concatenate(frames).astype("<i2").tobytes(), self.sample_rate)

    def _frame(self, frame: npt.NDArray[np.int16]) -> list[VadEvent]:
        c = self.config
        self._frames_seen += 1
        level = rms(frame)
        if self._frames_seen * c.frame_ms <= c.calibration_ms and not self.in_speech:
            self._calibration.append(level)
            self.noise_floor = float(np.median(self._calibration))
            self._pre_roll.append(frame)
            return []
        if not self.in_speech:
            return self._idle_frame(frame, level)
        return self._speech_frame(frame, level)

    def _idle_frame(self, frame: npt.NDArray[np.int16], level: float) -> list[VadEvent]:
        c = self.config
        self._pre_roll.append(frame)
        if level > self.start_threshold:
            self._voiced_run += 1
        else:
            self._voiced_run = 0
        # The floor falls fast and rises slowly, so steady noise is learnt but speech is not.
        rate = 0.3 if level < self.noise_floor else 0.02
        self.noise_floor += rate * (level - self.noise_floor)
        if self._voiced_run * c.frame_ms >= c.start_ms:
            self.in_speech = True
            self._speech_frames = list(self._pre_roll)
            self._pre_roll.clear()
            self._silent_run = 0
            return [SpeechStarted(max(0.0, self.elapsed_s - c.start_ms / 1000))]
        if c.no_speech_timeout_s is not None and self.elapsed_s >= c.no_speech_timeout_s:
            self.done = True
            return [NoSpeech()]
        return []

    def _speech_frame(self, frame: npt.NDArray[np.int16], level: float) -> list[VadEvent]:
        c = self.config
        self._speech_frames.append(frame)
        events: list[VadEvent] = []
        if level > self.keep_threshold:
            self._silent_run = 0
            self._silence_announced = False
        else:
            self._silent_run += 1
            silent_ms = self._silent_run * c.frame_ms
            if silent_ms >= c.silence_start_ms and not self._silence_announced:
                self._silence_announced = True
                events.append(SilenceStarted(self._clip()))
            if silent_ms >= c.end_silence_ms:
                events.append(self._end("silence"))
                return events
        if len(self._speech_frames) * c.frame_ms >= c.max_speech_s * 1000:
            events.append(self._end("max_length"))
        return events

    def _clip(self) -> AudioClip:
        return AudioClip(
            np.concatenate(self._speech_frames).astype("<i2").tobytes(), self.sample_rate
        )

    def _end(self, reason: str) -> SpeechEnded:
        clip = self._clip()
        self.in_speech = False
        self.done = True
        return SpeechEnded(clip, reason)
