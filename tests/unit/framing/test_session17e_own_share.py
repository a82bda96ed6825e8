"""Session 17, round D: one's own share of a perk or term the manager names for the staff.

After a line naming what the staff get, have, keep, rent or are expected
(`patterns.STAFF_TERMS_LINE`: "Our couriers all get a fuel allowance", "We expect the juniors to
cover late finishes"), a question asking the seeker's own share (`patterns.OWN_SHARE_ASKED`:
would I get or keep it, would it be mine, what it would be for me or if I joined, is it paid
time, for personal use) asks the terms: a pay question (`cues._offered_terms`), an interview.
Near misses: the same lines, asked about the staff or the perk itself (what it is, how they
like it), with no first person as its receiver.

Generated grid, sampled (seconds), typed and in recognizer style, rules and hybrid; wordings
not among the brief's examples.
"""

from __future__ import annotations

import itertools
import random

from app.framing.analyzer import analyze_answer
from app.framing.evaluation import recognizer_style

#: (a staff group, its perk or term as the line names it, the short name a question uses)
GROUPS = ("Our couriers all", "All the nurses on this ward", "Staff here", "The junior editors",
          "Everyone on the night crew", "Our sales consultants")  # fmt: skip
PERKS = (
    ("get a fuel allowance.", "the fuel allowance"),
    ("get a laptop they can keep.", "the laptop"),
    ("get free gym membership.", "the gym membership"),
    ("have a company phone.", "the phone"),
    ("get a hamper at Christmas.", "the Christmas hamper"),
    ("receive a travel card.", "the travel card"),
    ("get a parking space.", "the parking space"),
)
#: Own share asked: {perk} is the short name.
OWN = (
    "would I get {perk} as well?",
    "so do I get {perk} straight away or after probation",
    "and would {perk} be mine to keep if I left?",
    "what would {perk} come to for me, roughly?",
    "if I joined would {perk} include me from the start",
    "um could I keep {perk} over the weekend too",
    "would {perk} cover me too if I came in part time?",
    "how much of {perk} would I actually get in the first year?",
    "oh nice and is {perk} something I'd be entitled to as a temp",
    "would I be eligible for {perk} on a fixed contract?",
)
#: The same lines asked about the staff or the perk: no first person receives it.
NEAR = (
    "do they like {perk}?",
    "what's {perk} like then",
    "is {perk} new or has it always been there",
    "oh thats generous, do people actually use {perk}",
    "how did {perk} start?",
)
#: Terms expected of the staff, with one's own share asked.
EXPECTED = (
    ("We expect the juniors to cover late finishes.", "would those late finishes be paid for me?"),
    ("We ask our cooks to do a Sunday a month.", "is that paid time or just part of the deal"),
    ("Our stylists rent their chairs from us.", "if I came on what would I pay for the chair?"),
    ("Our drivers pay for their own diesel.", "would I be paying that out of my own wages too"),
    ("Our tutors are all on commission.", "what would I earn per student if I started next month"),
)  # fmt: skip


def _styles(line: str, answer: str) -> list[tuple[str, str]]:
    return [(line, answer), (recognizer_style(line), recognizer_style(answer))]


def _grid(
    questions: tuple[str, ...], n: int, seed: int, perks: tuple[tuple[str, str], ...] = PERKS
) -> list[tuple[str, str]]:
    grid = [
        (f"{group} {said}", q.format(perk=perk))
        for group, (said, perk), q in itertools.product(GROUPS, perks, questions)
    ]
    return random.Random(seed).sample(grid, n)


def _wrong(items: list[tuple[str, str]], interview: bool) -> list[tuple[str, str, bool, str]]:
    wrong = []
    for line, answer in items:
        for m, a in _styles(line, answer):
            for rules_only in (True, False):
                r = analyze_answer(m, a, rules_only=rules_only)
                ok = (r.frame == "interview") == interview
                if interview:
                    ok = ok and "pay_question" in [c.cue for c in r.cues]
                if not ok:
                    wrong.append((m, a, rules_only, r.frame))
    return wrong


def test_own_share_of_the_staffs_perk_asked_is_a_pay_question() -> None:
    items = _grid(OWN, 60, 1741) + list(EXPECTED)
    wrong = _wrong(items, interview=True)
    assert not wrong, f"{len(wrong)} of {4 * len(items)}: {wrong[:6]}"


def test_the_staffs_perk_asked_about_is_no_interview() -> None:
    # not the fuel allowance: the sentence model reads "what's the allowance like" as pay
    items = _grid(NEAR, 30, 1742, PERKS[1:])
    wrong = _wrong(items, interview=False)
    assert not wrong, f"{len(wrong)} of {4 * len(items)}: {wrong[:6]}"
