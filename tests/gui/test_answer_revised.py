"""The accurate recognition pass reaches the screen (issue 15, two passes): when it replaces an
answer's provisional words, that answer's bubble (and its practice-mode frame label) shows the
words the record now has; other bubbles stay as they were."""

from __future__ import annotations

import random

import pytest

from app.framing import analyze_answer
from app.testing.driver import FrameshiftDriver
from app.ui.conversation_view import TURN_ROLE

ANSWERS = [
    "I came to hear how people got into this work",
    "What does your team work on these days",
    "Honestly I'm not sure yet",
    "I'd love to work at your company",
]
REVISED = [
    "I came to hear how people got into data work.",
    "What does your team work on?",
    "Yes, I am interested in the position.",
    "Who else would you suggest I talk to?",
]


@pytest.mark.frameshift(practice_mode=True, listen=False)
def test_a_revised_answer_shows_its_accurate_words_and_frame(
    frameshift_app: FrameshiftDriver,
) -> None:
    app = frameshift_app
    rehearsal = app.window.rehearsal
    app.start("connector-intro")
    view = app.window.conversation
    taken: list[int] = []
    for answer in ANSWERS[:3]:
        app.wait_until(lambda: rehearsal.awaiting_answer, "the app to await an answer")
        conv = rehearsal.conversation
        assert conv is not None
        taken.append(len(conv.turns))
        assert rehearsal.submit_text(answer)
        app.wait_until(lambda n=taken[-1]: len(conv.turns) > n + 1, "the reply")  # noqa: B023
    bubbles = lambda: [  # noqa: E731
        view.transcript.item(r).text()
        for r in range(view.transcript.count())
        if view.transcript.item(r).text().startswith("You: ")
    ]
    before = bubbles()
    rng = random.Random(15)
    for _ in range(6):
        k = rng.randrange(len(taken))
        words = rng.choice(REVISED)
        analysis = analyze_answer("Are you interested in the position?", words)
        rehearsal.answer_revised.emit(taken[k], words, analysis)
        now = bubbles()
        assert now[k].startswith(f"You: {words}")
        assert analysis.frame.capitalize() in now[k] or analysis.frame in now[k].lower()
        assert [b for i, b in enumerate(now) if i != k] == [
            b for i, b in enumerate(before) if i != k
        ]
        before = now


@pytest.mark.frameshift(listen=False)
def test_a_revised_answer_that_wraps_further_is_shown_whole(
    frameshift_app: FrameshiftDriver,
) -> None:
    """An accurate transcript several times longer than the provisional one: its bubble grows
    to the height its words need (reviewer-sp: the list kept the provisional height)."""
    app = frameshift_app
    rehearsal = app.window.rehearsal
    app.start("connector-intro")
    view = app.window.conversation
    app.wait_until(lambda: rehearsal.awaiting_answer, "the app to await an answer")
    conv = rehearsal.conversation
    assert conv is not None
    idx = len(conv.turns)
    assert rehearsal.submit_text("a friend told me about it")
    app.wait_until(lambda: len(conv.turns) > idx + 1, "the reply")
    t = view.transcript
    rows = [r for r in range(t.count()) if t.item(r).data(TURN_ROLE) == idx]
    assert rows
    row = rows[0]
    short = view.transcript.visualItemRect(view.transcript.item(row)).height()
    for n in (3, 6, 10):
        words = (
            " ".join(["a friend from the data meetup told me about your team and"] * n)
            + " here I am."
        )
        rehearsal.answer_revised.emit(idx, words, analyze_answer(None, words))
        app.qtbot.waitUntil(
            lambda: (
                view.transcript.visualItemRect(view.transcript.item(row)).height()
                >= view.transcript.sizeHintForRow(row)
            ),
            timeout=2000,
        )
        assert view.transcript.visualItemRect(view.transcript.item(row)).height() > short
        # The exchange grows with it (until it fills its room, then it scrolls).
        content = sum(t.sizeHintForRow(r) for r in range(t.count()) if not t.isRowHidden(r))
        app.qtbot.waitUntil(
            lambda c=content: t.maximumHeight() >= c or t.verticalScrollBar().maximum() > 0,
            timeout=2000,
        )
