"""The conversation's notice banner: a sentence for this moment, or one that holds for the
whole rehearsal (no microphone), so the banner does not come and go each turn."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.ui.a11y import named


class NoticeBanner(QLabel):
    """`say` shows a sentence until `clear`; `keep` shows one that `clear` brings back, and
    a later `say` that repeats it (each turn's failed attempt to listen) changes nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "noticeBanner", "Notice", "Messages about voice and saving.")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.kept = ""
        self._kept_text = ""
        self.hide()

    def say(self, message: str) -> None:
        if self.kept and message.startswith(self.kept):
            return
        self.setText(message)
        self.show()

    def keep(self, message: str, text: str | None = None) -> None:
        """Hold `text` (default `message`) for the rest of the rehearsal; notices that start
        with `message` are that same news again."""
        self.kept, self._kept_text = message, text or message
        self.clear()

    def forget(self) -> None:
        self.kept = self._kept_text = ""
        self.clear()

    def clear(self) -> None:
        if self.kept:
            self.setText(self._kept_text)
            self.show()
        else:
            super().clear()
            self.hide()
