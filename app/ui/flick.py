"""Scrolling by dragging, for the kiosk's touch screen: a visitor flicks a list or a page with a
finger (or, on a mouse-only booth, by dragging with the left button) instead of hunting for a
scroll bar. Touches that Qt does not take as a gesture reach widgets as mouse events, so the
left-button gesture serves both."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QScroller,
    QWidget,
)

#: Set on a viewport once it flicks, so a page built later is not grabbed twice.
FLICKS = "frameshift_flicks"


def flick(area: QAbstractScrollArea) -> None:
    """Let ``area`` scroll by dragging its viewport (once)."""
    viewport = area.viewport()
    if viewport is None or viewport.property(FLICKS):
        return
    viewport.setProperty(FLICKS, True)
    if isinstance(area, QAbstractItemView):  # a drag moves by pixels, not whole rows
        area.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)


def flick_all(root: QWidget) -> int:
    """Every scroll area in ``root`` (``root`` too, if it is one) flicks; how many there are."""
    areas = root.findChildren(QAbstractScrollArea)
    if isinstance(root, QAbstractScrollArea):
        areas.append(root)
    for area in areas:
        flick(area)
    return len(areas)


class _WheelTo(QObject):
    """Hands the wheel turned over a band that cannot scroll (a row of buttons, the booth's
    bar) to the scroll area ``target()`` names, as if it were turned over that area."""

    def __init__(
        self,
        source: QWidget,
        target: Callable[[], QAbstractScrollArea | None],
        inner: Callable[[], QWidget | None],
    ) -> None:
        super().__init__(source)
        self._source = source
        self._target = target
        self._inner = inner
        self._busy = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(event, QWheelEvent):
            return False
        if self._busy or watched is not self._source:
            return False
        inner = self._inner()
        if inner is not None and inner.geometry().contains(event.position().toPoint()):
            return False  # turned over the page itself: it scrolled what it could
        area = self._target()
        if area is None or area.viewport() is None:
            return False
        port = area.viewport()
        at = QPointF(port.width() / 2, port.height() / 2)
        moved = QWheelEvent(
            at,
            QPointF(port.mapToGlobal(at.toPoint())),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
        )
        self._busy = True
        try:
            QApplication.sendEvent(port, moved)
        finally:
            self._busy = False
        return True


def wheel_to(
    source: QWidget,
    target: Callable[[], QAbstractScrollArea | None],
    inner: Callable[[], QWidget | None] = lambda: None,
) -> None:
    """The wheel over ``source`` (outside its child ``inner()``, whose own wheel it leaves
    alone) scrolls ``target()`` (see :class:`_WheelTo`)."""
    source.installEventFilter(_WheelTo(source, target, inner))


def tallest_scrolling(root: QWidget) -> QAbstractScrollArea | None:
    """The page that scrolls in ``root``: of the scroll areas shown with something to scroll,
    not inside another such (a list on a scrolling page is not the page), the tallest."""
    areas = [
        a
        for a in root.findChildren(QAbstractScrollArea)
        if a.isVisible() and a.verticalScrollBar().maximum() > 0
    ]
    outer = [a for a in areas if not any(b is not a and b.isAncestorOf(a) for b in areas)]
    return max(outer, key=lambda a: a.height(), default=None)
