"""Session 17, round D: a market's money is no pay (`patterns.OTHERS_MONEY`).

"Is X where the money is (going)?" asks where a business's money comes from, not what the
seeker would earn. Near misses: one's own pay asked in a sentence that names the seeker or the
role ("where's the money for someone like me") stays a pay question.

Generated grid, typed and in recognizer style, rules and hybrid; wordings not among the
brief's examples.
"""

from __future__ import annotations

import itertools

from app.framing.analyzer import analyze_answer
from app.framing.evaluation import recognizer_style

LINES = (
    "We're moving into solar installs next year.",
    "We started doing corporate catering in the spring.",
    "Our agency is dabbling in podcasts now.",
)
MARKET = (
    "Is that where the money is for you now, or is it still mostly the old stuff?",
    "so is that where all the money is heading",
    "Would you say that's where most of the growth is?",
    "is that where the margins are these days",
)
OWN = (
    "where's the money for someone like me then",
    "and what would I be earning if I moved over to that side?",
)


def _frames(line: str, answer: str) -> list[str]:
    return [
        analyze_answer(m, a, rules_only=rules_only).frame
        for m, a in ((line, answer), (recognizer_style(line), recognizer_style(answer)))
        for rules_only in (True, False)
    ]


def test_a_markets_money_is_no_interview() -> None:
    wrong = [(m, a) for m, a in itertools.product(LINES, MARKET) if "interview" in _frames(m, a)]
    assert not wrong, f"{len(wrong)} of {len(LINES) * len(MARKET)}: {wrong[:4]}"


def test_ones_own_pay_beside_it_stays_a_pay_question() -> None:
    wrong = [
        (m, a)
        for m, a in itertools.product(LINES, OWN)
        if any(f != "interview" for f in _frames(m, a))
    ]
    assert not wrong, f"{len(wrong)} of {len(LINES) * len(OWN)}: {wrong[:4]}"
