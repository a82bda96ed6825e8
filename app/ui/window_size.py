"""The main window's size on its screen: as large as the replay wants, never larger than the
screen's free area, never dragged smaller than the screens are laid out for."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

MIN_WIDTH, MIN_HEIGHT = 640, 400  # the least window the screens are laid out for


def fit_to_screen(window: QWidget) -> None:
    """Open large enough for the replay's shift, coach and buttons to show without scrolling:
    up to 1280x860, 980x700 at least, but never larger than the screen's free area (a
    1024x600 netbook gets all of it: the pages scroll rather than hide their buttons below
    the screen's edge)."""
    screen = window.screen()
    free = screen.availableGeometry() if screen is not None else None
    width, height = 980, 700
    if free is not None:
        width = min(free.width(), max(width, min(1280, int(free.width() * 0.96))))
        height = min(free.height(), max(height, min(860, int(free.height() * 0.96))))
        # Never dragged smaller than a small screen's window (trial 7 G27: 360x240 cut the
        # replay's timeline): the screens scroll down, not sideways.
        window.setMinimumSize(min(MIN_WIDTH, free.width()), min(MIN_HEIGHT, free.height()))
    window.resize(width, height)
