"""What the fitting tests share: the kiosk's screen sizes and text sizes, settling the layout
by event-loop passes (no wall-clock wait), and the widgets squeezed below their least size."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from app.ui.conversation_view import ConversationView

KIOSK_SIZES = ((1024, 600), (1280, 800), (1366, 768))
SCALES = (0.5, 1.0, 1.6, 2.0, 2.5, 3.0)


def settle(top: QWidget, rounds: int = 200) -> None:
    """Event-loop passes until no widget under ``top`` moves or resizes."""
    last = None
    for _ in range(rounds):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
        now = tuple(w.geometry().getRect() for w in top.findChildren(QWidget))
        if now == last:
            return
        last = now
    raise AssertionError("the layout never settles")


def squeezed(view: ConversationView) -> list[str]:
    """Every shown button below its least size, by name and size. (Not the answer box: a
    focused one is 4 px under its focused size hint, its focus border being thicker, which
    Qt does not lay out again for; that is no fit of the page.)"""
    out = []
    for w in view.findChildren(QAbstractButton):
        if not w.isVisibleTo(view):
            continue
        least = w.minimumSizeHint()
        if w.height() < least.height() or w.width() < least.width():
            out.append(
                f"{w.objectName() or type(w).__name__} {w.width()}x{w.height()} < "
                f"{least.width()}x{least.height()}"
            )
    return out
