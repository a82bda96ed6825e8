"""Colours set from code follow a theme change (Settings' theme, or a text size, applied while
the app runs: `app.ui.theme.apply_theme`).

The style sheet and the palette are applied to every widget by Qt itself, and widgets that
paint read the theme's roles as they paint. But Qt rich text takes a link's colour from the
palette when the text is SET (a later palette leaves it as it was: the replay's links stayed
the light theme's blue on the dark theme), and a colour blended from the palette into HTML
(the replay's current-turn tint) is baked in likewise. So whatever sets such text says how to
set it again, here, and that runs once after the palette changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["follow_theme", "rich_labels", "set_again"]


class _ThemeFollower(QObject):
    """Calls ``again`` once per event-loop pass after ``widget``'s palette changed (a theme
    switch changes it several times: the palette, then the style sheet's colours)."""

    def __init__(self, widget: QWidget, again: Callable[[], None]) -> None:
        super().__init__(widget)  # goes with the widget
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(again)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange:
            self._timer.start()
        return False


def follow_theme(widget: QWidget, again: Callable[[], None]) -> None:
    """Run ``again`` (which sets ``widget``'s themed text or colours anew) after each change of
    its palette; it runs after the whole theme is applied, once, and never while the palette
    is half changed. It lives as long as ``widget``."""
    _ThemeFollower(widget, again)


def rich_labels(root: QWidget) -> list[QLabel]:
    """The labels under ``root`` (itself included) that show rich text."""
    labels = [root] if isinstance(root, QLabel) else []
    labels += root.findChildren(QLabel)
    return [label for label in labels if label.textFormat() == Qt.TextFormat.RichText]


def set_again(label: QLabel) -> None:
    """Set ``label``'s rich text again, so its links take the palette's link colour now (Qt
    skips setting the text it already has, hence the clear first)."""
    text = label.text()
    if text:
        label.clear()
        label.setText(text)
