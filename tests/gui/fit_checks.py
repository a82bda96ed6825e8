"""What the fitting tests share: the kiosk's screen sizes and text sizes, settling the layout
by event-loop passes (no wall-clock wait), the widgets squeezed below their least size, the
conversation's rows short of theirs, and what a fit run now would change."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QResizeEvent
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


def short_rows(view: ConversationView) -> list[str]:
    """Every shown row of the conversation's column below its least height, as its layout
    takes it (a height set on the row, else its least size hint). Not the exchange: the fit
    gives it room by choice (none before the first answer)."""
    out = []
    for w in (view.card, view.caption_box, view.banner, view.state, view.bar, view.draft_prompt):
        least = w.minimumHeight() or w.minimumSizeHint().height()
        if w.isVisibleTo(view) and w.height() < least:
            out.append(f"{w.objectName() or type(w).__name__} {w.height()} < {least}")
    return out


def fit_afresh(view: ConversationView) -> list[str]:
    """What a fit run now would change (the page's least height, the caption's height): a
    settled page is as its fit would make it. The fit runs as a resize of the view runs it."""
    page, box = view.findChild(QWidget, "conversationPage"), view.caption_box
    assert page is not None
    was = (page.minimumHeight(), box.minimumHeight())
    QApplication.sendEvent(view, QResizeEvent(view.size(), view.size()))
    now = (page.minimumHeight(), box.minimumHeight())
    return [] if now == was else [f"a fit now makes (page, caption) {was} -> {now}"]
