"""The window's status message: always two lines tall, whatever it says.

A label that wraps freely grows the status bar with a long message and shrinks the screen
above it, so the picker's buttons jumped up and down with each message. Two lines hold the
window's messages; a longer one is cut at the second line and is whole in the tooltip and for
screen readers."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

LINES = 2


class StatusLine(QLabel):
    """A wrapping label of a fixed height (`LINES` lines at the current text size)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusMessage")
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)
        self.setAccessibleDescription(text)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    def _fit(self) -> None:
        margins = self.contentsMargins()
        lines = LINES * self.fontMetrics().lineSpacing()
        self.setFixedHeight(lines + margins.top() + margins.bottom() + 2)
