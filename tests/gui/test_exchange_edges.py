"""Session 14 U3: a stray bubble edge at the top of the chat. Scrolled to its newest bubble, the
exchange showed whatever part of the bubble before them its height left room for: its rounded
bottom border alone (a line under the caption), or half a line of words cut across. Now the
room that bubble does not fit in stays empty: the top of the exchange is a whole bubble's.

Generated exchanges (random lengths of lines and answers, practice labels) x list heights x
themes, standalone; and the real conversation screen at window heights: the first row shown
starts at the view's top or below, and the pixels above the first bubble are plain page."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from app.config import THEMES
from app.testing.driver import FrameshiftDriver
from app.ui.exchange import ExchangeList
from app.ui.theme import THEME_COLOURS, apply_theme

pytestmark = pytest.mark.gui

WORDS = ("what", "does", "the team", "work on", "day to day", "honestly", "I'd love to", "café")
SEEDS = range(6)


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[Any]:
    try:
        yield lambda theme: apply_theme(qapp, theme, 1.0)
    finally:
        apply_theme(qapp, "light", 1.0)


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 40)))


def _first_row(view: ExchangeList) -> tuple[int, bool]:
    """The top of the first row the view shows (in the viewport), or 0 if none; and whether
    it is the newest row (which alone may be taller than the view)."""
    shown = [r for r in range(view.count()) if not view.isRowHidden(r)]
    for row in shown:
        rect = view.visualItemRect(view.item(row))
        if rect.bottom() >= 0:
            return rect.top(), row == shown[-1]
    return 0, False


def _assert_whole_at_top(view: ExchangeList, window: str, what: str) -> None:
    QApplication.processEvents()
    top, newest = _first_row(view)
    if top < 0 and newest:
        return  # the newest bubble alone is taller than the exchange: it scrolls
    assert top >= 0, (what, "a bubble cut at the top", top)
    # Nothing but the page from the view's top edge down to the first bubble's top.
    image = view.grab().toImage()
    origin = view.viewport().mapTo(view, QPoint(0, 0))
    last = origin.y() + top  # the first row starts here (its GAP/2 of page above the bubble)
    width = view.viewport().width()
    ring = 4  # the focus ring (a 3 px border) aside
    for y in range(max(ring, view.frameWidth()), last):
        for x in range(origin.x() + ring, origin.x() + width - ring, 3):
            seen = QColor(image.pixel(x, y)).name()
            assert seen == window, (what, "something drawn above the first bubble", x, y, seen)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("seed", SEEDS)
def test_the_exchange_shows_whole_bubbles_at_its_top(
    qtbot: Any, themed: Any, theme: str, seed: int
) -> None:
    themed(theme)
    rng = random.Random(seed)
    view = ExchangeList()
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    qtbot.waitExposed(view)
    practice = seed % 2 == 0
    for idx in range(0, 2 * rng.randint(4, 9), 2):
        view.add_line(_sentence(rng), idx)
        view.add_answer(_sentence(rng), rng.choice(("exploration", "interview")), idx + 1, practice)
    window = THEME_COLOURS[theme].window
    for height in sorted(rng.sample(range(60, 420), 24)):
        view.setMaximumHeight(16_777_215)
        view.setFixedHeight(height)
        view.scrollToBottom()
        view.whole_bubbles_only()
        _assert_whole_at_top(view, window, f"{theme} seed {seed} height {height}")


@pytest.mark.parametrize("height", [600, 700, 768, 800, 900, 1080])
def test_the_conversation_screen_shows_whole_bubbles_at_the_top_of_the_chat(
    frameshift_app: FrameshiftDriver, height: int
) -> None:
    app = frameshift_app
    w = app.window
    w.resize(1280, height)
    app.start("connector-intro")
    view = w.conversation
    t = view.transcript
    window = THEME_COLOURS["light"].window
    rng = random.Random(height)
    for n in range(6):
        if app._done():
            break
        app.answer(_sentence(rng) if n % 2 else "Interesting, tell me more")
        app.qtbot.wait(60)
        if not t.has_bubbles() or w.current_screen != "conversation":
            continue
        _assert_whole_at_top(t, window, f"height {height} after answer {n + 1}")
        t.setFocus()  # the focus ring (a thicker frame) leaves the top whole too
        app.qtbot.wait(30)
        _assert_whole_at_top(t, window, f"height {height} focused, answer {n + 1}")
        view.answer.setFocus()
