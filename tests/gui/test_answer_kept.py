"""A typed answer is never lost without a word (trial 7 G12, G31): one sent while the
manager's last line is up stays in the box with a sentence saying why; a paste longer than the
box holds is cut (a guard) and the box says so. Generated answers and paste lengths."""

from __future__ import annotations

import random

import pytest
from PySide6.QtWidgets import QApplication

from app.testing.driver import FrameshiftDriver
from app.ui.answer_bar import ANSWER_AFTER_END, ANSWER_CUT

pytestmark = pytest.mark.gui

WORDS = ("great", "put", "me", "forward", "then", "thanks", "what", "does", "the", "team",
         "do", "I", "would", "love", "to", "hear", "more", "😀", "café")  # fmt: skip


def _answer(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 30))).capitalize() + "!"


@pytest.mark.parametrize("scenario", ["connector-intro", "pushy-recruiter"])
def test_an_answer_sent_at_the_last_line_stays_in_the_box_and_says_why(
    frameshift_app: FrameshiftDriver, scenario: str
) -> None:
    app, rng = frameshift_app, random.Random(scenario)
    w = app.window
    app.start(scenario)
    for _ in range(40):
        conv = w.rehearsal.conversation
        assert conv is not None
        if conv.reached_end or conv.finished:
            break
        app.answer(_answer(rng))
    conv = w.rehearsal.conversation
    assert conv is not None
    assert conv.reached_end or conv.finished
    bubbles, turns = w.conversation.transcript.count(), len(conv.turns)
    for _ in range(5):
        text = _answer(rng)
        w.conversation.answer.setText(text)
        w.conversation.send_button.click()
        QApplication.processEvents()
        assert w.conversation.answer.text() == text
        assert w.conversation.banner.text() == ANSWER_AFTER_END
        assert w.conversation.banner.isVisibleTo(w.conversation)
        assert w.conversation.transcript.count() == bubbles
        assert len(conv.turns) == turns


def test_a_paste_longer_than_the_box_says_it_was_cut(frameshift_app: FrameshiftDriver) -> None:
    app = frameshift_app
    app.start("connector-intro")
    view = app.window.conversation
    box, limit = view.answer, view.answer.maxLength()
    clipboard = QApplication.clipboard()
    rng = random.Random(7)
    for length in (1, 500, limit - 1, limit, limit + 1, 2 * limit, 100_000):
        view.clear_notice()
        box.clear()
        clipboard.setText("".join(rng.choice("abc de") for _ in range(length)))
        box.setFocus()
        box.paste()
        QApplication.processEvents()
        assert len(box.text()) == min(length, limit)
        cut = ANSWER_CUT.format(limit=limit)
        if length >= limit:
            assert view.banner.text() == cut, length
            assert view.banner.isVisibleTo(view)
        else:
            assert view.banner.text() != cut, length
