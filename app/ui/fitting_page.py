"""The conversation screen's page: its column of rows in a scroll area that scrolls down only
when even the least of it is taller than the window (large text on a small screen), so the
buttons at its foot are never cut off; and the manager's line given all the room the other
rows leave."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
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

    # Class defaults: QScrollArea's own constructor already filters its viewport's events
    # through eventFilter, before __init__ below has set anything.
    _column: QWidget | None = None
    _refit: Callable[[], None] | None = None

    def __init__(self, column: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # What the last fit measured, and the owner's whole fit to run again when a row's size
        # changes after it (see refit_with).
        self._column = column
        self._refit: Callable[[], None] | None = None
        self._owner_measure: Callable[[], object] = lambda: None
        self._measured: tuple[object, ...] | None = None
        self._measure_what: tuple[CaptionBox, tuple[QWidget, ...]] | None = None
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
        self._check_timer = QTimer(self)  # owned: a deleted page takes it along
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(0)
        self._check_timer.timeout.connect(self._on_check_timer_timeout)
        column.installEventFilter(self)

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
        self._measure_what = (caption, tuple(others))
        self._measured = self._measure()
        return exchange

    def refit_with(self, refit: Callable[[], None], inputs: Callable[[], object]) -> None:
        """``refit`` (the owner's whole fit, which calls :meth:`fit`) runs again whenever what
        a fit measured has changed since: a row's text, font or style (a text size or theme
        chosen after the line was shown, a row polished late), a row shown or hidden, the
        room. Qt tells the column by a layout request whenever a row's size hint changes;
        the check runs once per event-loop pass after it, and a fit whose measure still holds
        is not run again (a fit's own changes settle after one check: no loop). ``inputs``
        gives what else the owner's fit depends on (the exchange's room), compared likewise."""
        self._refit, self._owner_measure = refit, inputs

    def _measure(self) -> tuple[object, ...]:
        """What a fit depends on: the room, each row's least width and height at the column's
        width, the caption's text height (at its present type step), the owner's inputs."""
        if self._measure_what is None:
            return ()
        caption, others = self._measure_what
        width = self.column_width()
        rows = tuple((w.isHidden(), w.minimumSizeHint().width(), _height(w, width)) for w in others)
        room = (self.viewport().width(), self.viewport().height())
        return room, width, rows, caption.text_height(width), self._owner_measure()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._column
            and self._refit is not None
            and event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize)
        ):
            self._check_timer.start()  # once, after this pass's changes
        return super().eventFilter(watched, event)

    def _on_check_timer_timeout(self) -> None:
        if self._refit is not None and self._measured not in (None, self._measure()):
            self._refit()

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
