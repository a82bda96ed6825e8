"""Plays a stored conversation back, turn by turn: both voices from their WAVs, captions for
typed answers (held for the time it takes to read them).

It borrows the window's Player (play/stop, started/finished/failed). The rehearsal shares that
player, so this object only reacts to ``finished`` while it is waiting for a clip of its own.
"""

from __future__ import annotations

import wave
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

READING_WPM = 180.0
MIN_CAPTION_S = 1.5
TICK_MS = 40


@dataclass(frozen=True)
class Clip:
    """One turn to play: its WAV (absolute path) or None for a caption-only turn."""

    index: int
    text: str
    audio: Path | None


def reading_seconds(text: str) -> float:
    """How long a caption stays up: reading time at READING_WPM, at least MIN_CAPTION_S."""
    return max(MIN_CAPTION_S, len(text.split()) / READING_WPM * 60)


def _wav_seconds(path: Path) -> float | None:
    try:
        with wave.open(str(path), "rb") as w:
            return w.getnframes() / float(w.getframerate())
    except (OSError, wave.Error, EOFError, ZeroDivisionError):
        return None


class ReplayPlayback(QObject):
    """Play, pause and jump through a conversation.

    Positions are list positions in the clips given to `load` (turn order).

    Signals:
        turn_changed(int): the current position changed (playing or jumping).
        playing_changed(bool): playback started or stopped.
        position_changed(float): fractional position while a turn plays (for the timeline).
        caption_only(int): this position has no recording; its caption is shown instead.
        failed(str): a recording could not be played (its caption is shown instead).
    """

    turn_changed = Signal(int)
    playing_changed = Signal(bool)
    position_changed = Signal(float)
    caption_only = Signal(int)
    failed = Signal(str)

    def __init__(self, player_source: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player_source = player_source
        self._connected: set[int] = set()
        self._clips: list[Clip] = []
        self._current = 0
        self._playing = False
        self._awaiting_player = False
        self._finished_once = False  # reached the end: Play starts again from the top
        self._duration_s = 1.0
        #: Multiplies caption pauses (tests make them short).
        self.time_scale = 1.0
        self._caption_timer = QTimer(self)
        self._caption_timer.setSingleShot(True)
        self._caption_timer.timeout.connect(self._on_caption_timer_timeout)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick_timeout)
        self._clock = QElapsedTimer()

    # -- state ------------------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def current(self) -> int:
        return self._current

    @property
    def count(self) -> int:
        return len(self._clips)

    def load(self, clips: Sequence[Clip]) -> None:
        self.pause()
        self._clips = list(clips)
        self._current = 0

    # -- commands ---------------------------------------------------------------------------
    def play(self) -> None:
        if not self._clips or self._playing:
            return
        if self._current >= len(self._clips) - 1 and self._finished_once:
            self._current = 0
            self.turn_changed.emit(0)
        self._finished_once = False
        self._playing = True
        self.playing_changed.emit(True)
        self._start_current()

    def pause(self) -> None:
        if not self._playing:
            return
        self._playing = False
        self._halt()
        self.playing_changed.emit(False)

    def toggle(self) -> None:
        if self._playing:
            self.pause()
        else:
            self.play()

    def jump(self, position: int) -> None:
        """Go to a turn; playback, if running, carries on from there."""
        if not self._clips:
            return
        position = max(0, min(len(self._clips) - 1, position))
        self._halt()
        self._current = position
        self._finished_once = False
        self.turn_changed.emit(position)
        self.position_changed.emit(float(position))
        if self._playing:
            self._start_current()

    def next(self) -> None:
        self.jump(self._current + 1)

    def previous(self) -> None:
        self.jump(self._current - 1)

    # -- internals --------------------------------------------------------------------------
    def _player(self) -> Any:
        player = self._player_source()
        if player is not None and id(player) not in self._connected:
            self._connected.add(id(player))
            player.finished.connect(self._on_player_finished)
            player.failed.connect(self._on_player_failed)
        return player

    def _halt(self) -> None:
        self._caption_timer.stop()
        self._tick.stop()
        if self._awaiting_player:
            self._awaiting_player = False
            player = self._player()
            if player is not None:
                player.stop()  # its `finished` is ignored: we are no longer waiting for it

    def _start_current(self) -> None:
        clip = self._clips[self._current]
        player = self._player()
        seconds = _wav_seconds(clip.audio) if clip.audio is not None else None
        self._clock.start()
        self._tick.start()
        if player is not None and seconds is not None and clip.audio is not None:
            self._duration_s = max(0.05, seconds)
            self._awaiting_player = True
            player.play(clip.audio)
            return
        self._show_caption(clip)

    def _show_caption(self, clip: Clip) -> None:
        self._duration_s = reading_seconds(clip.text) * self.time_scale
        self.caption_only.emit(self._current)
        self._caption_timer.start(max(1, round(self._duration_s * 1000)))

    def _advance(self) -> None:
        self._tick.stop()
        if self._current + 1 < len(self._clips):
            self._current += 1
            self.turn_changed.emit(self._current)
            self.position_changed.emit(float(self._current))
            self._start_current()
        else:
            self._finished_once = True
            self._playing = False
            self.position_changed.emit(float(self._current))
            self.playing_changed.emit(False)

    def _on_player_finished(self) -> None:
        if self._awaiting_player and self._playing:
            self._awaiting_player = False
            self._advance()

    def _on_player_failed(self, message: str) -> None:
        if self._awaiting_player and self._playing:
            self._awaiting_player = False
            self.failed.emit(message)
            self._show_caption(self._clips[self._current])

    def _on_caption_timer_timeout(self) -> None:
        if self._playing:
            self._advance()

    def _on_tick_timeout(self) -> None:
        frac = min(1.0, self._clock.elapsed() / 1000.0 / self._duration_s)
        self.position_changed.emit(self._current + frac)
