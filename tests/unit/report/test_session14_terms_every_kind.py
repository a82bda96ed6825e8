"""The coaching names every kind of terms a turn asks (review 14, R9): a pension is a perk.

"What's the pay like, and is there a pension?" was coached "put pay before the work": the table
called a pension pay, so the turn's second kind went unnamed. A pension is one of the perks
(`patterns.TERM_WORDS`); pay with a pension names both. Generated: pay questions x pension
questions x joins x typed / recognizer style.
"""

from __future__ import annotations

import itertools
import re

import pytest

from app.framing import Turn, analyze
from app.report.coaching import Said, coach, terms_asked

MANAGER = "The team is about twelve people."
PAY = ("What's the pay like", "What does it pay", "What's the salary", "How much is the base")
PENSION = ("is there a pension", "what's the pension contribution like",
           "do you do a pension", "does it come with a pension")  # fmt: skip
JOINS = (", and {}?", "? And {}?", "? Also, {}?")


def _asr(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s-]", " ", text.lower().replace("'", ""))).strip()


@pytest.mark.parametrize(("pay", "pension", "join"), list(itertools.product(PAY, PENSION, JOINS)))
def test_pay_and_a_pension_names_both(pay: str, pension: str, join: str) -> None:
    answer = pay + join.format(pension)
    assert terms_asked(answer) == ("pay", "the perks"), answer
    assert terms_asked(_asr(answer)) == ("pay", "the perks"), answer
    analysis = analyze([Turn("manager", MANAGER), Turn("seeker", answer)]).to_dict()
    turns = [Said(t["index"], t["speaker"], [MANAGER, answer][t["index"]], t["frame"], t["cues"])
             for t in analysis["turns"]]  # fmt: skip
    (item,) = coach(turns, shift_turn=1)
    assert "put pay and your other terms (the perks)" in item.explanation, item.explanation
