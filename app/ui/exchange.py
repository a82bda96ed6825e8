"""The conversation's exchange: the turns said so far, as chat bubbles (`ui/bubbles.py` paints
them). The manager's current line stays hidden (the big caption shows it) until it is answered;
an answer's bubble can take the accurate recognition pass's words later (its turn index)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QResizeEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from app.ui.a11y import named
from app.ui.bubbles import BODY_ROLE, LABEL_ROLE, SPEAKER_ROLE, make_exchange_list
from app.ui.fitting_page import EXCHANGE_MIN_PX
from app.ui.frames import frame_style

TURN_ROLE = Qt.ItemDataRole.UserRole + 3  # an answer bubble's turn index (to revise its words)


class ExchangeList(QListWidget):
    """The list of turns ("Them: …" / "You: …", what a screen reader and the tests read)."""

    def __init__(self) -> None:
        super().__init__()
        named(
            self,
            "transcriptList",
            "Transcript",
            "Everything said so far: their lines on the left, your answers on the right.",
        )
        make_exchange_list(self)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._last_line: int | None = None  # the manager turn shown last (Repeat shows it again)

    def restart(self) -> None:
        """A new conversation: no turns."""
        self.clear()
        self._last_line = None

    def add_line(self, text: str, idx: int | None) -> bool:
        """The manager's line (turn ``idx``), hidden until answered; the same line again
        (Repeat, same ``idx``) is not added twice. True if it was added."""
        if idx is not None and idx == self._last_line:
            return False
        self._last_line = idx
        item = QListWidgetItem(f"Them: {text}")
        item.setData(SPEAKER_ROLE, "manager")
        item.setData(BODY_ROLE, text)
        self.addItem(item)
        item.setHidden(True)  # the big card shows the current line; it joins once answered
        return True

    def add_answer(self, text: str, frame: str, idx: int | None, practice: bool) -> None:
        """Your answer (turn ``idx``) as a bubble, the lines before it shown; its frame label
        only in practice mode."""
        item = QListWidgetItem()
        item.setData(TURN_ROLE, idx)
        _set_answer(item, text, frame, practice)
        for row in range(self.count()):
            self.item(row).setHidden(False)
        self.addItem(item)

    def revise(self, idx: int, text: str, frame: str, practice: bool) -> bool:
        """Turn ``idx``'s bubble takes new words; True if it is in the list."""
        found = False
        for row in range(self.count()):
            item = self.item(row)
            if item.data(TURN_ROLE) == idx:
                _set_answer(item, text, frame, practice)
                found = True
        if found:
            self.doItemsLayout()  # the new words may wrap to more lines
            self.whole_bubbles_only()
        return found

    def newest_height(self, rows: int) -> int:
        """How tall the newest ``rows`` shown bubbles are, with the list's frame."""
        shown = [r for r in range(self.count()) if not self.isRowHidden(r)][-rows:]
        return sum(self.sizeHintForRow(r) for r in shown) + 2 * self.frameWidth() + 4

    def has_bubbles(self) -> bool:
        """Any turn shown (none before the first answer)."""
        return any(not self.isRowHidden(r) for r in range(self.count()))

    def fit_to_bubbles(self) -> None:
        """As tall as its bubbles (so they sit low, near the state row) until it fills the room
        it has; then it scrolls, newest at the bottom."""
        rows = range(self.count())
        content = sum(self.sizeHintForRow(r) for r in rows if not self.isRowHidden(r))
        frame = 2 * self.frameWidth() + 4
        self.setMaximumHeight(max(EXCHANGE_MIN_PX, content + frame) if content else 0)
        self.scrollToBottom()
        self.whole_bubbles_only()

    def whole_bubbles_only(self) -> None:
        """Scrolled to its newest bubble, the exchange shows whole bubbles: the room above
        them that the bubble before does not fit in stays empty (session 14 U3: the exchange
        showed that bubble's bottom edge, or half a line cut across, under the caption). The
        room is kept as a top margin of the view, so scrolling up still shows every bubble."""
        shown = [self.sizeHintForRow(r) for r in range(self.count()) if not self.isRowHidden(r)]
        room = self.viewport().height() + self.viewportMargins().top()
        bar = self.verticalScrollBar()
        at_end = bar.value() >= bar.maximum()
        used = 0
        for height in reversed(shown):
            if used + height > room:
                break
            used += height
        top = room - used if 0 < used < sum(shown) else 0  # all fit, or not even the newest
        if top != self.viewportMargins().top():
            self.setViewportMargins(0, top, 0, 0)
            self.doItemsLayout()
        if at_end:
            self.scrollToBottom()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.whole_bubbles_only()

    def focusInEvent(self, event: QFocusEvent) -> None:  # the focus ring: a thicker frame
        super().focusInEvent(event)
        self.whole_bubbles_only()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.whole_bubbles_only()


def _set_answer(item: QListWidgetItem, text: str, frame: str, practice: bool) -> None:
    label = ""
    if practice:
        style = frame_style(frame)
        label = f"    {style.symbol} {style.label}"
    item.setText(f"You: {text}{label}")
    item.setData(SPEAKER_ROLE, frame)
    item.setData(BODY_ROLE, text)
    item.setData(LABEL_ROLE, practice)
