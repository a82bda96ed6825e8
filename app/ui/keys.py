"""The window's documented shortcuts work wherever the focus is. A text box claims some of
them for editing on X11 (Ctrl+E end of line, Ctrl+H backspace, Ctrl+R nothing today, but a
platform theme may add it): :func:`app_keys_first` makes the box give them back."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

#: Every shortcut README documents for the window (one declaration: tests press each).
APP_KEYS: tuple[str, ...] = ("Ctrl+R", "Ctrl+E", "Ctrl+H", "Ctrl+Q")


class _AppKeysFirst(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination()).toString()
            if pressed in APP_KEYS:
                event.ignore()  # not the box's: the shortcut runs
                return True
        return False


def app_keys_first(box: QWidget) -> None:
    """Let the window's shortcuts through while ``box`` has the focus."""
    keys = _AppKeysFirst(box)
    box.installEventFilter(keys)
