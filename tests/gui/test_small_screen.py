"""Large text on a small screen: the desktop window never opens taller or wider than the
screen's free area, and every button of every screen can be reached: a screen taller than
the window scrolls (app/ui/page_stack.py) instead of pushing its buttons below the screen's
edge (session 6: at text size 1.6 the window needed 983x700, so Repeat/End were off a
600 px screen). Every allowed text size from 1.0 to 3.0, every screen."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget

from app.testing.driver import FrameshiftDriver

pytestmark = pytest.mark.gui

SCALES = (1.0, 1.3, 1.6, 2.0, 2.5, 3.0)


def _scroll_areas(widget: QWidget) -> list[QScrollArea]:
    """The scroll areas holding ``widget``, innermost first."""
    found, parent = [], widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            found.append(parent)
        parent = parent.parentWidget()
    return found


def _reachable(window: QWidget, page: QWidget, button: QAbstractButton, qtbot: Any) -> bool:
    """Scrolled to, the button lies inside the window (the screen's free area holds it)."""
    for area in _scroll_areas(button):  # as a user scrolls: the inner box, then the page
        area.ensureWidgetVisible(button, 0, 0)
        QApplication.processEvents()
    qtbot.wait(5)
    top_left = button.mapTo(window, QPoint(0, 0))
    shown = QRect(top_left, button.size())
    return window.rect().contains(shown)


@pytest.mark.parametrize("scale", SCALES)
def test_every_button_is_within_reach_at_every_text_size(
    frameshift_app: FrameshiftDriver, scale: float
) -> None:
    from app.ui.theme import apply_theme

    app = frameshift_app
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    w = app.window
    screen = w.screen()
    assert screen is not None
    free = screen.availableGeometry()
    apply_theme(qapp, "light", scale)
    try:
        w._fit_to_screen()
        app.qtbot.wait(20)
        assert w.height() <= free.height(), (scale, w.size(), free)
        assert w.width() <= free.width(), (scale, w.size(), free)
        app.start("connector-intro")
        app.answer("What does your team work on day to day?")
        app.finish()
        for page in (w.picker, w.history, w.results):
            w.stack.setCurrentWidget(page)
            app.qtbot.wait(20)
            assert w.stack.currentWidget() is page
            assert w.height() <= free.height(), (scale, page.objectName(), w.size())
            buttons = [b for b in page.findChildren(QAbstractButton) if b.isVisibleTo(page)]
            buttons = [b for b in buttons if b.text()]
            assert buttons, page.objectName()
            out = [b.text() for b in buttons if not _reachable(w, page, b, app.qtbot)]
            assert not out, (scale, page.objectName(), out)
    finally:
        apply_theme(qapp, "light", 1.0)


@pytest.mark.parametrize("screen", [(1024, 600), (1280, 800), (800, 480), (600, 360)])
def test_the_window_cannot_be_shrunk_below_a_usable_size(
    frameshift_app: FrameshiftDriver, screen: tuple[int, int], monkeypatch: Any
) -> None:
    """Trial 7 G27: the window could be dragged to 360x240, cutting the replay's timeline with
    no way to scroll sideways. Now it keeps at least 640x400, or the whole free area of a
    screen smaller than that (generated screens)."""
    from PySide6.QtGui import QScreen

    from app.ui.main_window import MIN_HEIGHT, MIN_WIDTH

    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: QRect(0, 0, *screen))
    w = frameshift_app.window
    w._fit_to_screen()
    w.resize(300, 200)
    frameshift_app.qtbot.wait(10)
    assert w.width() >= min(MIN_WIDTH, screen[0])
    assert w.height() >= min(MIN_HEIGHT, screen[1])
    assert w.width() <= screen[0]
    assert w.height() <= screen[1]
