"""The kiosk's picker on a booth's screen (UI polish 11, 2): Start conversation is on screen
without scrolling at every booth size the kiosk tests list (1024x600 down to 533x400), for
every scenario (their situations differ in length); the picker says how to start by touch;
its lists and pages scroll by dragging (QScroller), as a finger on a touch screen does; the
wheel anywhere on the picker scrolls it. The old picker put Start under a 1024x600 fold."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScroller, QWidget

from tests.gui.kiosk.conftest import Booth
from tests.gui.test_small_screen import booth_sizes

pytestmark = pytest.mark.gui


def _settle(qtbot: Any, top: QWidget, rounds: int = 100) -> None:
    """Queued layout requests run until no widget under ``top`` moves or resizes."""
    last = None
    for _ in range(rounds):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
        now = tuple(w.geometry().getRect() for w in top.findChildren(QWidget))
        if now == last:
            return
        last = now
        qtbot.wait(10)
    raise AssertionError("the layout never settles")


def _seen_unscrolled(widget: QWidget, root: QWidget) -> bool:
    """Whether ``widget`` is wholly on ``root`` as first shown: inside every scroll area's
    viewport that holds it, with none of them scrolled."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea):
            if parent.verticalScrollBar().value() != 0:
                return False
            view = parent.viewport()
            top = widget.mapTo(view, QPoint(0, 0))
            if not view.rect().contains(top) or top.y() + widget.height() > view.height():
                return False
        parent = parent.parentWidget()
    top = widget.mapTo(root, QPoint(0, 0))
    return root.rect().contains(top) and root.rect().contains(
        top + QPoint(widget.width() - 1, widget.height() - 1)
    )


def _booth_picker(make_booth: Any) -> tuple[Booth, Any]:
    booth = make_booth(listen=False)
    k = booth.kiosk
    k.unlock_full_screen()  # a booth screen of each size, whatever the test display's size
    k.showNormal()
    app = booth.visitor()
    booth.qtbot.waitUntil(lambda: app.window.picker.list.count() > 0)
    return booth, app.window.picker


@pytest.mark.parametrize("size", booth_sizes())
def test_start_is_on_screen_without_scrolling(make_booth: Any, size: tuple[int, int]) -> None:
    booth, picker = _booth_picker(make_booth)
    k = booth.kiosk
    k.setGeometry(0, 0, *size)
    booth.qtbot.waitUntil(lambda: (k.width(), k.height()) == size)
    for row in range(picker.list.count()):
        picker.list.setCurrentRow(row)
        _settle(booth.qtbot, k)
        start = picker.start_button
        assert start.isVisibleTo(k)
        assert start.height() >= 48, start.height()  # touch size, not squeezed
        assert _seen_unscrolled(start, k), (size, row, picker.current.id)


def test_the_picker_says_how_to_start_by_touch(make_booth: Any) -> None:
    booth, picker = _booth_picker(make_booth)
    intro = picker.intro.text()
    assert "double-tap" in intro
    assert "Start conversation" in intro
    assert "double tap" in picker.list.accessibleDescription()
    # ... and it does: a double tap on a card starts that conversation.
    row = 2
    rect = picker.list.visualItemRect(picker.list.item(row))
    picker.list.scrollToItem(picker.list.item(row))
    _settle(booth.qtbot, booth.kiosk)
    rect = picker.list.visualItemRect(picker.list.item(row))
    QTest.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    window = booth.kiosk.visit.window
    booth.qtbot.waitUntil(lambda: window.current_screen == "conversation")
    assert window.rehearsal.conversation.scenario.id == window.scenarios[row].id


def test_the_desktop_picker_says_double_click(frameshift_app: Any) -> None:
    picker = frameshift_app.window.picker
    assert "Double-click" in picker.intro.text()
    assert "tap" not in picker.intro.text()


def test_every_scroll_area_of_a_visit_flicks(make_booth: Any) -> None:
    """Every scroll area a visitor meets (picker, conversation, replay) scrolls by dragging: a
    QScroller grabs the left button on each viewport. (The booth's own pages, the PIN keypad
    and the operator's, are not for strangers and keep plain clicks.)"""
    booth, _picker = _booth_picker(make_booth)
    k = booth.kiosk
    app = booth.visitor()
    app.start("career-fair-booth")
    app.answer("What does your team build?")
    app.finish()
    window = k.visit.window
    areas = [a for a in window.findChildren(QAbstractScrollArea) if a.viewport() is not None]
    assert len(areas) >= 6
    for area in areas:
        assert QScroller.hasScroller(area.viewport()), area.objectName()
        assert _grabbed(area), area.objectName()


def _grabbed(area: QAbstractScrollArea) -> bool:
    return bool(area.viewport().property("frameshift_flicks"))


def _drag(qtbot: Any, viewport: QWidget, start: QPoint, end: QPoint, steps: int = 12) -> None:
    """A finger (the left button) pressed at ``start``, dragged to ``end``, lifted."""
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, steps + 1):
        p = start + (end - start) * (i / steps)
        QTest.mouseMove(viewport, p, 16)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end, delay=16)


def test_a_drag_scrolls_the_scenario_list(make_booth: Any) -> None:
    booth, picker = _booth_picker(make_booth)
    k = booth.kiosk
    k.setGeometry(0, 0, 1024, 600)
    booth.qtbot.waitUntil(lambda: (k.width(), k.height()) == (1024, 600))
    _settle(booth.qtbot, k)
    bar = picker.list.verticalScrollBar()
    assert bar.maximum() > 0  # twelve cards do not fit: there is something to scroll
    view = picker.list.viewport()
    bottom = QPoint(view.width() // 2, view.height() - 10)
    scroller = QScroller.scroller(view)
    if QGuiApplication.platformName() == "offscreen":
        # The offscreen platform recognizes the drag but moves nothing (no screen to measure
        # the finger's travel against); under Xvfb the drag itself scrolls (run with xcb).
        scroller.scrollTo(QPointF(0, bar.maximum()), 0)
        booth.qtbot.waitUntil(lambda: bar.value() > 0, timeout=20_000)
        return
    _drag(booth.qtbot, view, bottom, QPoint(bottom.x(), 10))
    booth.qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=20_000)
    assert bar.value() > 0
    assert picker.list.currentRow() == 0  # a drag is not a tap: the choice did not change


def _wheel(target: QWidget, y: float | None = None) -> None:
    pos = QPointF(target.width() / 2, target.height() - 4 if y is None else y)
    QApplication.sendEvent(
        target,
        QWheelEvent(
            pos,
            QPointF(target.mapToGlobal(pos.toPoint())),
            QPoint(0, 0),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        ),
    )


def test_the_wheel_over_the_blank_bands_scrolls_the_page(make_booth: Any) -> None:
    """At a size where the picker's text is taller than its room, the wheel turned over the
    band beside Start conversation, or over the booth's bar beside "I'm done", scrolls the
    picker (it did nothing there); the wheel over the page itself is the page's own."""
    booth, picker = _booth_picker(make_booth)
    k = booth.kiosk
    k.setGeometry(0, 0, 683, 400)
    booth.qtbot.waitUntil(lambda: (k.width(), k.height()) == (683, 400))
    picker.list.setCurrentRow(picker.list.count() - 1)
    _settle(booth.qtbot, k)
    bar = picker.content_scroll.verticalScrollBar()
    assert bar.maximum() > 0
    window = k.visit.window
    below = window.geometry().bottom() + 4  # the booth's bar, beside "I'm done"
    for band, y in ((picker.buttons, None), (k.visit_page, below)):
        bar.setValue(0)
        _wheel(band, y)
        assert bar.value() > 0, band.objectName()
    bar.setValue(0)
    _wheel(picker.content_scroll.viewport())
    assert bar.value() > 0
