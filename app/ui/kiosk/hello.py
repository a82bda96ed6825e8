""" "Say hello to start": the booth's microphone listens on the attract screen between visits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

HELLO_RETRY_MS = 1_000
HELLO_FAILED_RETRY_MS = 30_000


class HelloListener(QObject):
    """Listens for a voice while ``wanted()`` (the attract screen is up, listening allowed and
    no visit running); retries after silence, and much later after a microphone failure.

    Signals:
        heard(): someone started talking: start a visit.
    """

    heard = Signal()

    def __init__(
        self,
        speech: Callable[[], Any],
        wanted: Callable[[], bool],
        free: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._speech = speech  # looked up each time: the booth's speech arrives after paint
        self._wanted = wanted
        self._free = free  # no visitor is using the microphone
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.listen)
        self._connected: set[int] = set()

    def listen(self) -> None:
        mic = getattr(self._speech(), "microphone", None)
        if mic is None or not self._wanted():
            return
        if id(mic) not in self._connected:
            self._connected.add(id(mic))
            mic.speech_started.connect(self._on_microphone_speech_started)
            mic.no_speech.connect(self._on_microphone_no_speech)
            mic.failed.connect(self._on_microphone_failed)
        if not getattr(mic, "listening", False):
            mic.start()

    def stop(self) -> None:
        self._timer.stop()
        mic = getattr(self._speech(), "microphone", None)
        if mic is not None and self._free() and getattr(mic, "listening", False):
            mic.stop()

    def _on_microphone_speech_started(self) -> None:
        if self._wanted():
            self.heard.emit()

    def _on_microphone_no_speech(self) -> None:
        if self._free():
            self._timer.start(HELLO_RETRY_MS)

    def _on_microphone_failed(self, _message: str) -> None:
        if self._free():
            self._timer.start(HELLO_FAILED_RETRY_MS)
