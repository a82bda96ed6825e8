"""A check box whose words wrap. A QCheckBox draws its text on one line, so at large text
(FRAMESHIFT_FONT_SCALE=1.6, or text size 3.0) a long one was cut or pushed its dialog wider
than the screen. Here the box keeps its object and accessible names and the words are a
word-wrapped label beside it: the label's buddy is the box, and clicking the words toggles it,
as clicking a check box's own text does."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QWidget


class CheckWords(QLabel):
    """The words of :attr:`check`, wrapped; a click on them toggles it."""

    def __init__(self, text: str, check: QCheckBox) -> None:
        super().__init__(text)
        self.check = check
        self.setWordWrap(True)
        self.setBuddy(check)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def sizeHint(self) -> QSize:
        """On one line when there is room (a dialog opens that wide if the screen allows); the
        minimum stays the wrapped label's, so a narrow dialog wraps the words instead."""
        one_line = self.fontMetrics().horizontalAdvance(self.text()) + 2 * self.margin() + 2
        return QSize(one_line, self.heightForWidth(one_line))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        inside = self.rect().contains(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and inside and self.check.isEnabled():
            self.check.setFocus(Qt.FocusReason.MouseFocusReason)
            self.check.click()  # toggles and emits clicked/toggled, as a click on the box
        super().mouseReleaseEvent(event)


class WrappingCheck(QWidget):
    """A row: the check box (:attr:`check`, no text of its own) and its words (:attr:`words`).
    The box's accessible description is the words unless it has one of its own."""

    def __init__(self, check: QCheckBox, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        check.setText("")
        if check.accessibleDescription() in ("", check.accessibleName()):
            check.setAccessibleDescription(text)
        self.words = CheckWords(text, check)
        self.words.setObjectName(f"{check.objectName()}Words")
        # As tall as a line of the words, so the box sits level with the first line.
        check.setMinimumHeight(self.words.fontMetrics().height())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(check, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.words, 1)
