"""Plays the manager's WAVs with QtMultimedia, or times them when there is no output device."""

from __future__ import annotations

import wave
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer

from app.speech.qtaudio import quiet_qt_multimedia, sound_server_available


def wav_duration_s(path: Path) -> float:
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / float(w.getframerate())


class QtPlayer(QObject):
    """One clip at a time through QMediaPlayer + QAudioOutput.

    With no output device (headless CI, a kiosk with its speakers unplugged) it plays "silently":
    ``started`` at once and ``finished`` after the clip's duration, so captions and turn timing
    behave as if the line had been heard. ``silent`` says which mode it is in.

    Signals:
        started(): playback began.
        finished(): the clip ended, or was stopped.
        failed(str): the clip could not be played; a sentence for the user.
    """

    started = Signal()
    finished = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, *, volume: float = 1.0) -> None:
        super().__init__(parent)
        self._volume = volume
        self._playing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._player: QMediaPlayer | None = None
        self._output: QAudioOutput | None = None
        quiet_qt_multimedia()
        self.silent = not (sound_server_available() and QMediaDevices.audioOutputs())
        if not self.silent:
            self._output = QAudioOutput(self)
            self._output.setVolume(volume)
            self._player = QMediaPlayer(self)
            self._player.setAudioOutput(self._output)
            self._player.mediaStatusChanged.connect(self._on_player_media_status_changed)
            self._player.errorOccurred.connect(self._on_player_error_occurred)

    def play(self, path: Path) -> None:
        """Start ``path`` (stopping whatever was playing, without a ``finished`` for it)."""
        self._halt()
        path = Path(path)
        try:
            duration = wav_duration_s(path)
        except (OSError, wave.Error, EOFError, ZeroDivisionError):
            self.failed.emit(f"The audio file {path.name} could not be played.")
            return
        self._playing = True
        if self._player is None:
            self.started.emit()
            self._timer.start(max(1, round(duration * 1000)))
            return
        self._player.setSource(QUrl.fromLocalFile(str(path.resolve())))
        self._player.play()
        self.started.emit()
        # A safety net: if the backend never reports the end, finish a little after it.
        self._timer.start(round(duration * 1000) + 1500)

    def stop(self) -> None:
        """Stop playback; ``finished`` follows if something was playing."""
        was_playing = self._playing
        self._halt()
        if was_playing:
            self.finished.emit()

    def set_volume(self, volume: float) -> None:
        self._volume = max(0.0, min(1.0, volume))
        if self._output is not None:
            self._output.setVolume(self._volume)

    @property
    def playing(self) -> bool:
        return self._playing

    def _halt(self) -> None:
        self._playing = False
        self._timer.stop()
        if self._player is not None:
            self._player.stop()

    def _done(self) -> None:
        if self._playing:
            self._halt()
            self.finished.emit()

    def _on_timer_timeout(self) -> None:
        self._done()

    def _on_player_media_status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.EndOfMedia:
            self._done()
        elif status == QMediaPlayer.MediaStatus.InvalidMedia and self._playing:
            self._halt()
            self.failed.emit("The manager's line could not be played (unreadable audio).")

    def _on_player_error_occurred(self, _error: QMediaPlayer.Error, message: str) -> None:
        if self._playing:
            self._halt()
            self.failed.emit(f"The manager's line could not be played ({message}).")
