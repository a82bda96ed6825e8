"""Plays the manager's WAVs through one long-lived QAudioSink, or times them with no device.

Deadlock-free by construction: one QAudioSink is created and started on the GUI thread when the
player is made, and kept running (fed silence between lines) until the player is destroyed. A
GUI-thread timer writes the samples; no Python slot is connected to any signal of Qt's media
objects, so no Python code runs on Qt's media threads or under their locks (a QMediaPlayer builds
and destroys a renderer object on its own thread for every clip, which is what froze the app).

Because the player writes the samples itself, it knows what is in the air: every block is noted
in :attr:`QtPlayer.echo` for the microphone's echo gate, and every sample written (the silence
between lines too) for an echo canceller when one listens (:mod:`app.speech.aec`, off in the
product); :meth:`QtPlayer.fade_out`
ends a line within a few tens of milliseconds when the user starts answering over it.
"""

from __future__ import annotations

import time
import wave
from pathlib import Path

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QIODevice, QObject, QTimer, Signal
from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices, QtAudio

from app.speech.audio import AudioClip, resample
from app.speech.echo import EchoReference
from app.speech.errors import SpeechError
from app.speech.qtaudio import quiet_qt_multimedia, sound_server_available

#: The rate every clip is played at (pyttsx3/eSpeak lines are 22.05 kHz; answers are resampled).
PLAY_RATE = 22_050
#: How much audio sits in the device buffer ahead of the speaker; bounds how late a fade starts.
AHEAD_MS = 80
#: Between lines only this much silence is queued, so the next line's first sample waits behind
#: at most this (not the whole buffer). A late tick just underruns into silence, which is fine.
IDLE_AHEAD_MS = 30


def wav_duration_s(path: Path) -> float:
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / float(w.getframerate())


def _format() -> QAudioFormat:
    fmt = QAudioFormat()
    fmt.setSampleRate(PLAY_RATE)
    fmt.setChannelCount(1)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt


class QtPlayer(QObject):
    """One clip at a time through a QAudioSink that stays open for the life of the player.

    With no output device (headless CI, a kiosk with its speakers unplugged) it plays "silently":
    ``started`` at once and ``finished`` after the clip's duration, so captions and turn timing
    behave as if the line had been heard. ``silent`` says which mode it is in.

    Signals:
        started(): the first samples of the clip were handed to the device.
        finished(): the clip ended, or was stopped or faded out.
        failed(str): the clip could not be played; a sentence for the user.
    """

    started = Signal()
    finished = Signal()
    failed = Signal(str)

    TICK_MS = 10

    def __init__(self, parent: QObject | None = None, *, volume: float = 1.0) -> None:
        super().__init__(parent)
        self._volume = volume
        self.echo = EchoReference()
        self._pcm: npt.NDArray[np.int16] = np.zeros(0, dtype=np.int16)
        self._pos = 0
        self._playing = False
        self._ends_at = 0.0  # monotonic time the last written sample leaves the speaker
        self.started_at: float | None = None  # monotonic time of the current clip's start
        #: monotonic time the clip's first sample leaves the device (after what was queued)
        self.first_sample_at: float | None = None
        self.clip_ends_at: float | None = None  # monotonic time its last sample leaves the device
        self._sink: QAudioSink | None = None
        self._io: QIODevice | None = None
        #: times the device ran dry in the middle of a line (a stutter the user hears): the GUI
        #: thread's timer came more than the device's AHEAD_MS late to top it up; and the
        #: longest gap between two top-ups while a line played (seconds). For bench/soak.py.
        self.underruns = 0
        self.longest_feed_gap_s = 0.0
        self._fed_at: float | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(self.TICK_MS)
        self._tick.timeout.connect(self._on_tick_timeout)
        quiet_qt_multimedia()
        device = QMediaDevices.defaultAudioOutput() if sound_server_available() else None
        if device is not None and not device.isNull():
            fmt = _format()
            self._sink = QAudioSink(device, fmt, self)
            self._sink.setBufferSize(fmt.bytesForDuration(AHEAD_MS * 1000))
            self._sink.setVolume(volume)
            self._io = self._sink.start()
            if self._io is None or self._sink.error() != QtAudio.Error.NoError:
                self._sink.stop()
                self._io = None
        self.silent = self._io is None
        self._tick.start()

    def play(self, path: Path) -> None:
        """Start ``path`` (cutting whatever was playing, without a ``finished`` for it)."""
        path = Path(path)
        try:
            clip = AudioClip.from_wav(path, rate=PLAY_RATE)
        except SpeechError:
            self._halt()
            self.failed.emit(f"The audio file {path.name} could not be played.")
            return
        self.play_clip(clip)

    def play_clip(self, clip: AudioClip) -> None:
        """Start ``clip`` (any rate) at once."""
        samples = clip.samples
        if clip.sample_rate != PLAY_RATE:
            floats = resample(samples.astype(np.float32) / 32768.0, clip.sample_rate, PLAY_RATE)
            samples = np.round(np.clip(floats, -1, 1) * 32767).astype(np.int16)
        self._halt()
        self._pcm, self._pos, self._playing = samples, 0, True
        self.started_at = time.monotonic()
        if self._io is None:
            self._ends_at = self.started_at + len(samples) / PLAY_RATE
            self.clip_ends_at = self._ends_at
            self.first_sample_at = self.started_at
        else:
            ahead = self._buffered_s()
            self._write()  # the first samples go out now, not on the next tick
            self.first_sample_at = self.started_at + ahead
            self.clip_ends_at = self.started_at + ahead + len(samples) / PLAY_RATE
        self.started.emit()

    def stop(self) -> None:
        """Stop playback (a short fade, no click); ``finished`` follows if something played."""
        was_playing = self._playing
        self._fade(0.02)
        self._playing = False
        if was_playing:
            self.finished.emit()

    def fade_out(self, seconds: float = 0.08) -> None:
        """Fade the line out over ``seconds`` (barge-in); ``finished`` when it has gone."""
        if self._playing:
            self._fade(seconds)

    def set_volume(self, volume: float) -> None:
        self._volume = max(0.0, min(1.0, volume))
        if self._sink is not None:
            self._sink.setVolume(self._volume)

    @property
    def playing(self) -> bool:
        return self._playing

    def seconds_until_silent(self) -> float:
        """How long what was already written keeps sounding (0 when idle)."""
        return max(0.0, self._ends_at - time.monotonic())

    # -- internals ------------------------------------------------------------------------
    def _fade(self, seconds: float) -> None:
        """Keep only ``seconds`` more of the clip, ramped down to zero."""
        left = self._pcm[self._pos :]
        n = min(len(left), max(1, round(seconds * PLAY_RATE)))
        ramp = np.linspace(1.0, 0.0, n, dtype=np.float32)
        self._pcm = np.round(left[:n].astype(np.float32) * ramp).astype(np.int16)
        self._pos = 0
        if self._io is None:
            self._ends_at = min(self._ends_at, time.monotonic() + n / PLAY_RATE)
        self.clip_ends_at = time.monotonic() + self._buffered_s() + n / PLAY_RATE

    def _halt(self) -> None:
        self._playing = False
        self._pcm, self._pos = np.zeros(0, dtype=np.int16), 0
        if self._io is None:
            self._ends_at = 0.0

    def _buffered_s(self) -> float:
        """Audio already in the device buffer, ahead of anything written now."""
        if self._sink is None:
            return 0.0
        return max(0, self._sink.bufferSize() - self._sink.bytesFree()) / 2 / PLAY_RATE

    def _write(self) -> None:
        """Top the device buffer up: the clip if one is playing, else silence."""
        assert self._sink is not None
        assert self._io is not None
        free = self._sink.bytesFree() // 2
        if free <= 0:
            return
        now = time.monotonic()
        ahead = self._buffered_s()
        block = self._pcm[self._pos : self._pos + free]
        self._pos += len(block)
        if len(block):
            self.echo.note(block, now + ahead)
            self._ends_at = now + ahead + len(block) / PLAY_RATE
        queued = round(ahead * PLAY_RATE) + len(block)
        pad = min(free - len(block), PLAY_RATE * IDLE_AHEAD_MS // 1000 - queued)
        if pad > 0:  # silence keeps the device running, but only a little of it is queued
            block = np.concatenate([block, np.zeros(pad, dtype=np.int16)])
        if len(block):
            if self.echo.wants_samples:  # an echo canceller listens: every sample, silence too
                # back to back with the last block unless the device had run dry (it played
                # silence until now)
                self.echo.stream(block, now + ahead, PLAY_RATE, dry=ahead <= 0)
            self._io.write(block.astype("<i2").tobytes())

    def _on_tick_timeout(self) -> None:
        now = time.monotonic()
        if self._playing and self._fed_at is not None and 0 < self._pos < len(self._pcm):
            gap = now - self._fed_at  # mid-line: the device held at most AHEAD_MS
            self.longest_feed_gap_s = max(self.longest_feed_gap_s, gap)
            if gap > AHEAD_MS / 1000 and self._io is not None:
                self.underruns += 1
        self._fed_at = now
        if self._io is not None:
            if self._sink is not None and self._sink.error() != QtAudio.Error.NoError:
                self._lost_device()
                return
            self._write()
        written = self._io is None or self._pos >= len(self._pcm)
        if self._playing and written and time.monotonic() >= self._ends_at:
            self._halt()
            self.finished.emit()

    def _lost_device(self) -> None:
        if self._sink is not None:
            self._sink.stop()
        self._io = None
        self.silent = True
        if self._playing:
            self._halt()
            self.failed.emit("The speakers stopped working; the manager's lines are captions.")
