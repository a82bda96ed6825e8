"""The manager's line is readable whole at every allowed text size (0.5-3) and window size
down to 1024x600 (trial 6 F14/F26: with no speakers the caption is the only channel): the box
grows with the line, then scrolls; it never clips, and the rows under it (state, answer box,
Repeat/End) are never sliced off: the page scrolls instead. Lines are generated."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.conversation_view import ConversationView
from tests.gui.shipped import first_scenario

pytestmark = pytest.mark.gui

WORDS = ("honestly", "the", "team", "platform", "clinic", "data", "we", "spend", "most",
         "weeks", "in", "the", "lab", "breaking", "robots", "detective", "work", "appeal",
         "you", "Sam", "recruiter", "would", "know", "better", "anyway",
         "antidisestablishment")  # fmt: skip
SCALES = (0.5, 1.0, 1.6, 2.2, 3.0)
SIZES = ((1024, 600), (1280, 800), (1366, 768))


def _line(rng: random.Random) -> str:
    n = rng.choice((3, 8, 20, 40, 70, 120))
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + rng.choice(("?", ".", "!"))


@pytest.fixture
def scaled(qapp: QApplication) -> Iterator[Any]:
    from app.ui.theme import apply_theme

    def apply(scale: float) -> None:
        apply_theme(qapp, "light", scale)

    try:
        yield apply
    finally:
        apply_theme(qapp, "light", 1.0)


def _top(w: QWidget, root: QWidget) -> int:
    return w.mapTo(root, QPoint(0, 0)).y()


def _check(view: ConversationView, qtbot: Any) -> None:
    box, label, page = view.caption_box, view.caption, view._page
    qtbot.wait(5)
    QApplication.processEvents()
    # The text is whole inside its box: the label is as tall as its text at its width...
    assert label.height() >= label.heightForWidth(label.width()) - 1, label.text()[:40]
    # ...and either all of it is in view or the box scrolls to the rest.
    bar = box.verticalScrollBar()
    if label.height() > box.viewport().height():
        assert bar.isVisible()
        assert bar.maximum() >= label.height() - box.viewport().height() - 1
    assert box.height() >= box.floor
    # Rows in order, none overlapping, all inside the page (which scrolls if taller).
    rows = [view.card, box, view.transcript, view.state, view.bar]
    for upper, lower in itertools.pairwise(rows):
        assert _top(upper, page) + upper.height() <= _top(lower, page), (upper, lower)
    assert _top(view.bar, page) + view.bar.height() <= page.height()
    for row in rows:  # nothing runs off the right edge (large text wraps instead)
        assert row.mapTo(page, QPoint(row.width(), 0)).x() <= page.width(), row
    assert view.bar.height() >= view.bar.minimumSizeHint().height()
    for button in (view.repeat_button, view.end_button, view.send_button):
        assert button.height() >= button.minimumSizeHint().height()
    if page.height() > view.page_scroll.viewport().height():  # taller than the window
        assert view.page_scroll.verticalScrollBar().maximum() > 0


@pytest.mark.parametrize("scale", SCALES)
def test_every_line_is_readable_whole_at_every_size(qtbot: Any, scaled: Any, scale: float) -> None:
    scaled(scale)
    scenario = first_scenario()
    rng = random.Random(int(scale * 10))
    view = ConversationView()
    qtbot.addWidget(view)
    view.begin(scenario, voice=False, listen=False)
    view.show()
    for size in SIZES:
        view.resize(*size)
        for i in range(6):
            view.show_manager_line(_line(rng), idx=i)
            if i % 2:
                view.show_answer("A typed answer " * rng.randint(1, 12), "neutral")
            if i == 3:
                view.show_notice("No microphone found: no sound system is running. Type it.")
            _check(view, qtbot)
        view.clear_notice()


def test_the_trial_line_at_text_size_1_6_is_all_there(qtbot: Any, scaled: Any) -> None:
    """Trial 6's line at 1.6 on 1280x800 (cut after "You're"): the question is in view."""
    scaled(1.6)
    scenario = first_scenario()
    view = ConversationView()
    qtbot.addWidget(view)
    view.begin(scenario, voice=False, listen=False)
    view.resize(1280, 800 - 100)  # the kiosk's "I'm done" bar under it
    view.show()
    line = ("Hi there, always nice to hear from someone from the old campus. You're curious "
            "about UX research, right?")  # fmt: skip
    view.show_manager_line(line, idx=0)
    view.show_notice("No microphone found: no sound system is running. Type your answer.")
    _check(view, qtbot)
    assert view.caption_box.verticalScrollBar().maximum() == 0  # room enough: all in view
