"""Session 17, round D: an eager yes to an invitation to apply or to an opening.

After a line inviting the seeker to apply or naming an opening (`patterns.APPLY_INVITED`, or the
lines of `EAGER_LINE`, `HIRING_LINE`, `INTAKE_LINE`), interest made strong or being made for it
(`patterns.EAGER_YES`: "extremely keen", "really really interested", "I'm made for that", "it
has my name on it", "my dream job") commits (`cues._offered_terms`), an interview. Near misses:
the same words to a talk, a book or a tour.

Generated grid, typed and in recognizer style, rules and hybrid; wordings not among the
brief's examples.
"""

from __future__ import annotations

import itertools

from app.framing.analyzer import analyze_answer
from app.framing.evaluation import recognizer_style

LINES = (
    "The junior planner job is open to you if you fancy applying.",
    "We've got a vacancy in the print room, as it happens.",
    "You should put in for the stores supervisor post, you know.",
    "There's an opening on the claims desk next month.",
)
EAGER = (
    "oh extremely keen, yes",
    "really really interested",
    "honestly I'm made for that, yes",
    "that one has my name written all over it",
    "yes! that's my dream job",
    "definitely interested, very much so",
)
NEAR_LINES = (
    "There's a talk on supply chains on Friday if you want to come.",
    "I can lend you my copy of the book.",
    "We do tours of the plant on Saturdays.",
)


def _wrong(items: list[tuple[str, str]], interview: bool) -> list[tuple[str, str, bool, str]]:
    wrong = []
    for line, answer in items:
        for m, a in ((line, answer), (recognizer_style(line), recognizer_style(answer))):
            for rules_only in (True, False):
                r = analyze_answer(m, a, rules_only=rules_only)
                if (r.frame == "interview") != interview:
                    wrong.append((m, a, rules_only, r.frame))
    return wrong


def test_an_eager_yes_to_an_opening_commits() -> None:
    items = list(itertools.product(LINES, EAGER))
    wrong = _wrong(items, interview=True)
    assert not wrong, f"{len(wrong)} of {4 * len(items)}: {wrong[:6]}"


def test_the_same_words_to_a_talk_or_a_book_are_no_interview() -> None:
    items = list(itertools.product(NEAR_LINES, EAGER[:2] + EAGER[5:]))
    wrong = _wrong(items, interview=False)
    assert not wrong, f"{len(wrong)} of {4 * len(items)}: {wrong[:6]}"
