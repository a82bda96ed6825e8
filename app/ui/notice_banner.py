"""The conversation's notice banner: a sentence for this moment, or one that holds for the
whole rehearsal (no microphone), so the banner does not come and go each turn. A saving
failure (`hold`) outranks both: it stays on top until the rehearsal ends, since what the user
says is then only in memory."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.ui.a11y import named


class NoticeBanner(QLabel):
    """`say` shows a sentence until `clear`; `keep` shows one that `clear` brings back, and
    a later `say` that repeats it (each turn's failed attempt to listen) changes nothing;
    `hold` shows a saving failure above whatever else the banner says, until `forget_all`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "noticeBanner", "Notice", "Messages about voice and saving.")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.kept = ""
        self._kept_text = ""
        self.held = ""
        self.hide()

    def _show(self, message: str) -> None:
        parts = [self.held] if self.held else []
        if message and message != self.held:
            parts.append(message)
        if not parts:
            super().clear()
            self.hide()
            return
        self.setText("\n".join(parts))
        self.show()

    def say(self, message: str) -> None:
        if self.kept and message.startswith(self.kept):
            return
        self._show(message)

    def hold(self, message: str) -> None:
        """A saving failure: on top of the banner until the rehearsal ends (the latest one)."""
        self.held = message
        self.clear()

    def keep(self, message: str, text: str | None = None) -> None:
        """Hold `text` (default `message`) for the rest of the rehearsal; notices that start
        with `message` are that same news again."""
        self.kept, self._kept_text = message, text or message
        self.clear()

    def forget(self) -> None:
        """The microphone hears again: its kept sentence goes (a saving failure stays)."""
        self.kept = self._kept_text = ""
        self.clear()

    def forget_all(self) -> None:
        """A new rehearsal: nothing kept or held."""
        self.held = ""
        self.forget()

    def clear(self) -> None:
        if self.kept or self.held:
            self._show(self._kept_text)
        else:
            super().clear()
            self.hide()
