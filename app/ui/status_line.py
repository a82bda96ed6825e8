"""The window's status message: always two lines tall, whatever it says.

A label that wraps freely grows the status bar with a long message and shrinks the screen
above it, so the picker's buttons jumped up and down with each message. Two lines hold the
window's messages; a longer one shows its first line and as much of the rest as fits, ending
in "…", and is whole in the tooltip and for screen readers (`text()` is always the whole)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from app.ui.plain import literal

LINES = 2


class StatusLine(QLabel):
    """A wrapping label of a fixed height (`LINES` lines at the current text size)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusMessage")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._full = ""
        self._fit()

    def text(self) -> str:
        """The whole message (what is shown may end in "…")."""
        return self._full

    def shown(self) -> str:
        """What is on screen: the message, or its first lines ending in "…"."""
        return super().text()

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(literal(text))  # a tooltip guesses rich text: never markup
        self.setAccessibleDescription(text)
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()
            self._show()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show()

    def _fit(self) -> None:
        margins = self.contentsMargins()
        lines = LINES * self.fontMetrics().lineSpacing()
        self.setFixedHeight(lines + margins.top() + margins.bottom() + 2)

    def _show(self) -> None:
        text, width = self._full, self.contentsRect().width()
        if width <= 0:
            QLabel.setText(self, text)
            return
        layout = QTextLayout(text, self.font())
        layout.setTextOption(QTextOption(Qt.AlignmentFlag.AlignLeft))  # word wrap, as QLabel
        layout.beginLayout()
        starts = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            starts.append(line.textStart())
        layout.endLayout()
        if len(starts) > LINES:
            last = starts[LINES - 1]
            rest = self.fontMetrics().elidedText(
                text[last:].replace("\n", " "), Qt.TextElideMode.ElideRight, width - 4
            )
            text = text[:last] + rest
        QLabel.setText(self, text)
