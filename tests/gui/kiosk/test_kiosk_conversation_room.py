"""The kiosk's conversation and operator screen at booth sizes (UI polish 11, 3). At 1024x600
the card's name was cut after the first answer, the chat showed about one bubble, and the
manager's line scrolled in its box with its last line cut in half; the operator's "Keep
anonymous counts" and the counts table's columns were cut. Every booth size, 1-4 answers."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QWidget

from tests.gui.kiosk.test_kiosk_picker_fits import _settle
from tests.gui.test_small_screen import booth_sizes

pytestmark = pytest.mark.gui

ANSWERS = [
    "What does your team work on day to day, and how did you end up doing it?",
    "That sounds interesting. What is the hardest part of building robots for warehouses?",
    "How do new people usually learn the ropes on your team?",
    "Who else here would be good to talk to about how the field is changing?",
]


def _whole(label: QLabel) -> bool:
    """The label shows all its words: as tall as its wrapped text needs, and no single word
    wider than it."""
    if label.wordWrap() and label.height() + 1 < label.heightForWidth(label.width()):
        return False
    widest = max(
        (label.fontMetrics().horizontalAdvance(w) for w in label.text().split()), default=0
    )
    return widest <= label.contentsRect().width() + 1


def _visible_rows(view: Any) -> int:
    t = view.transcript
    port = t.viewport().rect()
    return sum(
        1
        for r in range(t.count())
        if not t.isRowHidden(r) and port.contains(t.visualItemRect(t.item(r)))
    )


def _in_view(widget: QWidget, scroll: Any) -> bool:
    top = widget.mapTo(scroll.viewport(), QPoint(0, 0))
    return top.y() >= 0 and top.y() + widget.height() <= scroll.viewport().height()


def _end_seen(view: Any) -> bool:
    """A visitor scrolls to End conversation (again after a queued relayout) and sees it."""
    page = view.page_scroll
    page.ensureWidgetVisible(view.end_button, 0, 0)
    return _in_view(view.end_button, page)


@pytest.mark.parametrize("size", [s for s in booth_sizes() if s[1] >= 480])
def test_the_conversation_keeps_its_name_chat_and_whole_lines(
    make_booth: Any, size: tuple[int, int]
) -> None:
    booth = make_booth(listen=False)
    k = booth.kiosk
    k.unlock_full_screen()
    k.showNormal()
    k.setGeometry(0, 0, *size)
    booth.qtbot.waitUntil(lambda: (k.width(), k.height()) == size)
    app = booth.visitor()
    app.start("career-fair-booth")
    view = app.window.conversation
    for n, answer in enumerate(ANSWERS, 1):
        app.answer(answer)
        view.page_scroll.settle_exchange()
        _settle(booth.qtbot, k)
        card = view.card
        assert _whole(card.name), (size, n, card.name.text())
        assert _whole(card.progress_text), (size, n, card.progress_text.text())
        one_line = card.progress_text.fontMetrics().lineSpacing() * 1.5
        assert card.progress_text.height() <= one_line, (size, n)  # "Answer 3" never wraps
        # The chat keeps its newest two bubbles, or a third of the screen when they are taller,
        # as far as the line's three lines leave room (it kept 48 px: about one bubble).
        t, box = view.transcript, view.caption_box
        port = view.page_scroll.viewport().height()
        wanted = min(t.newest_height(2), port // 3)
        assert t.height() >= wanted - 2 or box.height() <= box.floor, (size, n, t.height())
        if view.page_scroll.page.minimumHeight() <= port:  # a page that fits the screen...
            assert _visible_rows(view) >= 1, (size, n)  # ...shows the newest bubble whole
        if box.verticalScrollBar().maximum() > 0:  # the line scrolls: whole lines in view
            m = view.caption.contentsMargins()
            step = view.caption.fontMetrics().lineSpacing()
            assert (box.viewport().height() - m.top()) % step == 0, (size, n)
        booth.qtbot.waitUntil(lambda: _end_seen(view), timeout=20_000)


@pytest.mark.parametrize("size", booth_sizes())
def test_the_operator_counts_are_whole(make_booth: Any, size: tuple[int, int]) -> None:
    booth = make_booth()
    k = booth.kiosk
    k.unlock_full_screen()
    k.showNormal()
    k.setGeometry(0, 0, *size)
    booth.qtbot.waitUntil(lambda: (k.width(), k.height()) == size)
    k.request_operator()
    k.pin_page.entry.setText("2468")
    k.pin_page.submit()
    op = k.operator
    op.show_counts(
        {"architecture-open-evening": {"sessions": 12, "exploration": 30, "interview": 9,
                                       "neutral": 4, "shifted": 5}},
        enabled=True,
    )  # fmt: skip
    _settle(booth.qtbot, k)
    words = op.counts_row.words
    assert _whole(words), (size, words.width())
    table = op.counts_table
    assert table.horizontalScrollBar().maximum() == 0, size  # every column in view
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for col in range(1, table.columnCount()):  # the numbers' headings are not elided
        title = table.horizontalHeaderItem(col).text()
        assert header.sectionSize(col) >= metrics.horizontalAdvance(title), (size, title)
