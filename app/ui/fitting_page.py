"""The conversation screen's page: its column of rows in a scroll area that scrolls down only
when even the least of it is taller than the window (large text on a small screen), so the
buttons at its foot are never cut off; and the manager's line given all the room the other
rows leave."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QWidget

from app.ui.caption_box import CaptionBox

COLUMN_MAX_PX = 920  # a calm reading column; wider screens get margins, not longer lines
EXCHANGE_MIN_PX = 48  # the exchange keeps at least this much; the caption gets the rest
SPACING_PX, MARGIN_PX = 12, 16  # between the column's rows; above and below them


class _NoHfwRow(QHBoxLayout):
    """The page's row: its scroll area sizes it by the minimum height set on the page, not by
    preferred heights for the width (which would scroll a page that fits)."""

    def hasHeightForWidth(self) -> bool:
        return False


def _height(widget: QWidget, width: int) -> int:
    """What ``widget`` needs at ``width`` (wrapped text included)."""
    if widget.isHidden():
        return 0
    hint = widget.heightForWidth(width) if widget.hasHeightForWidth() else -1
    return max(widget.minimumSizeHint().height(), hint if hint > 0 else widget.sizeHint().height())


class FittingPage(QScrollArea):
    """Shows ``column`` centred, at most :data:`COLUMN_MAX_PX` wide."""

    def __init__(self, column: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversationScroll")
        column.setMaximumWidth(COLUMN_MAX_PX)
        self.page = QWidget()
        self.page.setObjectName("conversationPage")
        row = _NoHfwRow(self.page)
        row.setContentsMargins(24, 0, 24, 0)
        row.addStretch(1)
        row.addWidget(column, 100)  # up to COLUMN_MAX_PX; the margins take the rest
        row.addStretch(1)
        self.setWidget(self.page)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._card: QWidget | None = None
        self._foot_timer = QTimer(self)  # owned: a deleted page takes it along
        self._foot_timer.setSingleShot(True)
        self._foot_timer.setInterval(0)
        self._foot_timer.timeout.connect(self._on_foot_timer_timeout)

    def column_width(self) -> int:
        """The width the column's rows get: the page's side margins aside, and the share of
        the row its two centring stretches take (1 + 1 against the column's 100) until the
        column reaches its widest."""
        room = max(1, self.viewport().width() - 48)
        return min(COLUMN_MAX_PX, room * 100 // 102)

    def fit(
        self, caption: CaptionBox, others: Sequence[QWidget], exchange: int, wanted: int = 0
    ) -> int:
        """A long line (or large text) steps down the type scale (line → heading → lead) while
        it is taller than a third of the screen; the exchange gets ``wanted`` px (its newest
        bubbles) as far as the caption's least height (three lines) leaves room, and at least
        ``exchange``; the caption then takes what ``others`` (the column's other rows) and the
        exchange leave, scrolling past that; and the page's least height is set so that, if
        even that does not fit, the page scrolls. Returns the exchange's height."""
        high = self.viewport().height() or self.height()
        width = self.column_width()
        shown = [w for w in others if not w.isHidden()]  # a hidden row takes no spacing
        fixed = sum(_height(w, width) for w in shown) + 2 * MARGIN_PX
        fixed += SPACING_PX * (len(shown) + 1)
        step_down = max(120, int(high * 0.33))
        if wanted > exchange:  # only what the caption's three lines leave: the page fits
            caption.fit(width, step_down_above=step_down, room=0)
            exchange = max(exchange, min(wanted, high - fixed - caption.floor))
        caption.fit(width, step_down_above=step_down, room=max(0, high - fixed - exchange))
        self.page.setMinimumHeight(fixed + exchange + caption.height())
        return exchange

    def show_foot(self, card: QWidget) -> None:
        """On a page taller than the window, scroll so the answer box and buttons show: ``card``
        (the row above the caption) goes out of view first, then the caption's top (its words
        scroll in its own box; trial 7 G16b: at 3.0 the answer box was below the edge, a
        visitor saw no way to answer). Once the page's new height is laid out."""
        self._card = card
        self._foot_timer.start()

    def _on_foot_timer_timeout(self) -> None:
        over = self.page.minimumHeight() - self.viewport().height()
        if over > 0 and self._card is not None:
            self.verticalScrollBar().setValue(over)
