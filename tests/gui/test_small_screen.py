"""Large text on a small screen: the desktop window never opens taller or wider than the
screen's free area, and every button of every screen can be reached: a screen taller than
the window scrolls (app/ui/page_stack.py) instead of pushing its buttons below the screen's
edge (session 6: at text size 1.6 the window needed 983x700, so Repeat/End were off a
600 px screen). Every allowed text size from 1.0 to 3.0, every screen."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget

from app.testing.driver import FrameshiftDriver
from tests.gui.kiosk.conftest import Booth, FakeClock, make_booth  # noqa: F401 (fixture)

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


# -- the kiosk and the replay on small booth screens ------------------------------------------
# A booth's screen: 1024x600, 1280x720, 800x600, and each at a 125% or 150% desktop scale (the
# window gets the physical size divided by the scale). Every page a visitor or the operator
# sees: every control lies on the screen once scrolled to (as a visitor scrolls), none is
# squeezed below its least size, no wrapped text is cut off at its foot.


BOOTH_SCREENS = ((1024, 600), (1280, 720), (800, 600))
BOOTH_SCALES = (1.0, 1.25, 1.5)


def booth_sizes() -> list[tuple[int, int]]:
    return sorted(
        {
            (round(w / s), round(h / s))
            for (w, h), s in itertools.product(BOOTH_SCREENS, BOOTH_SCALES)
        }
    )


def _problems(root: QWidget, page: QWidget, qtbot: Any) -> list[str]:
    """What a visitor could not reach or read on ``page`` inside ``root``."""
    from PySide6.QtWidgets import QLabel, QLineEdit

    out = []
    controls = [
        c
        for c in page.findChildren(QWidget)
        if isinstance(c, QAbstractButton | QLineEdit) and c.isVisibleTo(page) and c.isEnabled()
    ]
    for c in controls:
        name = c.objectName() or getattr(c, "text", lambda: "")()
        least = c.minimumSizeHint()
        if c.width() < least.width() or c.height() < least.height():
            out.append(f"{name} squeezed to {c.size().toTuple()} < {least.toTuple()}")
        if not _reachable(root, page, c, qtbot):  # type: ignore[arg-type]
            out.append(f"{name} out of reach")
    for label in page.findChildren(QLabel):
        if not label.isVisibleTo(page) or not label.wordWrap() or not label.text():
            continue
        need = label.heightForWidth(label.width())
        if label.height() + 1 < need:
            out.append(f"{label.objectName()} cut: {label.height()} < {need} px")
    return out


def _check_sizes(
    booth: Booth, page: QWidget, what: str, again: Callable[[], None] = lambda: None
) -> None:
    k = booth.kiosk
    for size in booth_sizes():
        k.setGeometry(0, 0, *size)
        booth.qtbot.waitUntil(lambda s=size: (k.width(), k.height()) == s)
        again()  # what a resize undoes (the countdown goes with any activity)
        for _ in range(3):  # wrapped rows ask for their height after the first layout
            QApplication.processEvents()
        assert k.current_page is page or page.isVisible(), what
        problems = _problems(k, page, booth.qtbot)
        assert not problems, (what, size, problems)


def test_every_kiosk_page_fits_a_small_booth_screen(make_booth: Any) -> None:  # noqa: F811
    clock = FakeClock()
    booth = make_booth(clock=clock)
    k = booth.kiosk
    k.unlock_full_screen()  # a booth screen of each size, whatever the test display's size
    k.showNormal()
    _check_sizes(booth, k.attract, "attract")
    app = booth.visitor()
    booth.qtbot.waitUntil(lambda: app.window.picker.list.count() > 0)
    _check_sizes(booth, k.visit_page, "picker")
    assert not app.window.statusBar().isVisible()  # no empty dead band above "I'm done"
    app.start("connector-intro")
    app.answer("What does your team work on day to day?")
    _check_sizes(booth, k.visit_page, "conversation")
    clock.now += k.settings.kiosk.idle_seconds + 1  # the visitor walked away: the countdown
    booth.qtbot.waitUntil(k.overlay.isVisible)
    _check_sizes(booth, k.overlay, "countdown")
    clock.now -= k.settings.kiosk.idle_seconds + 1
    k.idle.note_activity()
    app.finish()
    assert app.window.current_screen == "results"
    _check_sizes(booth, k.visit_page, "replay")
    booth.qtbot.waitUntil(k.save_report_button.isVisible)
    k.save_report_button.click()
    _check_sizes(booth, k.export_page, "save the report")
    k.reset_to_attract()
    k.request_operator()
    _check_sizes(booth, k.pin_page, "PIN")
    k.pin_page.entry.setText("2468")
    k.pin_page.submit()
    assert k.current_page is k.operator
    _check_sizes(booth, k.operator, "operator")


def test_the_replay_fits_a_small_screen(frameshift_app: FrameshiftDriver) -> None:
    """The desktop replay on the same screens and scales at text sizes 1.0 and 1.5: every
    control reachable and whole, no wrapped text cut."""
    from app.ui.theme import apply_theme

    app = frameshift_app
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    app.start("connector-intro")
    app.answer("Yes, I am very interested in the position. What does the team do?")
    app.finish()
    w = app.window
    w.setMinimumSize(0, 0)  # each size as that screen's window (its least is the screen)
    try:
        for scale, size in itertools.product((1.0, 1.5), booth_sizes()):
            apply_theme(qapp, "light", scale)
            w.resize(*size)
            app.qtbot.waitUntil(lambda s=size: (w.width(), w.height()) == s)
            for _ in range(3):
                QApplication.processEvents()
            problems = _problems(w, w.results, app.qtbot)
            assert not problems, (scale, size, problems)
    finally:
        apply_theme(qapp, "light", 1.0)
