"""Session 17, classes 2 and 3: whose money a question is about.

2. The sentence model reads a money question as the seeker's pay only when the answer points
   the money at the seeker or at the role on offer ("I", "my", "someone coming into the role",
   "a new starter", "the <role> position"); money of "you", "they", a mate, the course, the
   exam, the funding binds it to not-pay (`cues.others_money_spans`, read by
   `learned.hybrid`), and the rules read such money as someone else's too
   (`patterns.OTHERS_MONEY`: what the other person paid or spent, their old pay, their income
   as they live it; a clause after one naming a mate). Near misses stay interview: the role's
   package or shares asked, the role's pay named by its title ("for the night supervisor
   position", `patterns._OTHER_PARTY`), "worth my while".
3. Pay asked without punctuation or about the role's holder in the third person ("ballpark
   what would i be on", "What would a new starter make?", "what do apprentices earn here") is a
   pay question (`patterns._PAY_ROUNDABOUT`). Near miss: a profession's pay in another country,
   compared ("what does a teacher earn in Spain compared to here"), and "make of it".

Generated grids, sampled (seconds), typed and in recognizer style.
"""

from __future__ import annotations

import itertools
import random

from app.framing.analyzer import analyze_answer
from app.framing.cues import others_money_spans
from app.framing.evaluation import recognizer_style

#: (the manager's line, questions about money that is not the seeker's prospective pay)
OTHERS = (
    ("I did an evening diploma last year.", (
        "Was the diploma pricey?", "How much did you fork out for it?",
        "Was it worth what you spent on it?", "Did your old firm cover the fees?")),
    ("Our members are mostly pensioners.", (
        "Do they get a discount on the fees?", "Can they claim the costs back?",
        "Do they get any help with the costs?")),
    ("I run a small pottery studio now.", (
        "How long before the studio was earning more than your old wage?",
        "Is the studio making money yet?", "Do you find the income goes in waves?")),
    ("Our grant comes from the county.", (
        "Does the county grant get cut every year?", "Is the funding safe after the election?",
        "Do they ever cut the funding mid-year?")),
    ("I'm doing my accountancy exams.", (
        "Are the exams expensive?", "Is your firm paying for the exams?",
        "Who covers the exam costs now?")),
    ("My cousin went into nursing.", (
        "My mate went into nursing too and apparently the money is awful, is that right?",
        "Is the money any good for her?")),
)  # fmt: skip
FILLERS = ("", "Oh right, ", "Honestly, ", "Just curious, ")
#: The seeker's own pay or the role's, in wordings the model or the rules missed.
OWN = (
    "Is there room in the budget to make it worth my while leaving my current job?",
    "What would someone stepping into the site lead role be taking home roughly?",
    "Would I be getting any equity?",
    "What would the pay be for the night supervisor position?",
    "What's the package for the store manager post like, car and phone and so on?",
    "Ballpark, what would I be on?",
    "So what would I be on a year?",
    "What would a new joiner make?",
    "What do apprentices earn here?",
    "What would a first-year trainee get paid?",
    "What does a new hire start on?",
    "Roughly what would someone like me take home?",
)
UNRELATED = (
    "Q3 was our busiest quarter ever.",
    "The new depot opens in May.",
    "We've just had the office refurbished.",
    "We're hiring for a few roles this spring.",
)
#: Pay not the role's: a profession abroad, compared; a newcomer's opinion.
ELSEWHERE = (
    ("We're relocating half the team to Spain.",
     "What does a teacher earn in Spain compared to here?"),
    ("I nursed in Dubai for five years.", "What does a nurse make in Dubai versus the UK?"),
    ("We just changed the rota.", "What would a new starter make of it?"),
)  # fmt: skip


def _styles(line: str, answer: str) -> list[tuple[str, str]]:
    return [(line, answer), (recognizer_style(line), recognizer_style(answer))]


def _read(line: str, answer: str, rules_only: bool) -> tuple[str, list[str]]:
    r = analyze_answer(line, answer, rules_only=rules_only)
    return r.frame, [c.cue for c in r.cues]


def _others() -> list[tuple[str, str]]:
    grid = [
        (m, f + q) for (m, qs), f in itertools.product(OTHERS, FILLERS) for q in qs
    ]  # fmt: skip
    return random.Random(17).sample(grid, 60)


def test_someone_elses_money_is_no_pay_question_by_rules_or_model() -> None:
    wrong = []
    for line, answer in _others():
        for m, a in _styles(line, answer):
            for rules_only in (True, False):
                frame, names = _read(m, a, rules_only)
                if frame == "interview" or "pay_question" in names:
                    wrong.append((m, a, rules_only, frame))
    assert not wrong, f"{len(wrong)} of 240: {wrong[:6]}"


def test_the_seekers_or_the_roles_pay_is_a_pay_question() -> None:
    wrong = []
    for line, answer in itertools.product(UNRELATED, OWN):
        for m, a in _styles(line, answer):
            for rules_only in (True, False):
                frame, names = _read(m, a, rules_only)
                if frame != "interview" or "pay_question" not in names:
                    wrong.append((m, a, rules_only, frame))
    assert not wrong, f"{len(wrong)} of 192: {wrong[:6]}"


def test_pay_elsewhere_or_an_opinion_is_no_pay_question() -> None:
    wrong = []
    for line, answer in ELSEWHERE:
        for m, a in _styles(line, answer):
            for rules_only in (True, False):
                frame, names = _read(m, a, rules_only)
                if frame == "interview" or "pay_question" in names:
                    wrong.append((m, a, rules_only, frame))
    assert not wrong, f"{len(wrong)} of 12: {wrong[:6]}"


#: The staff as payee, with the seeker among them: the model's reading is not bound.
STAFF = (
    "Do you pay for the uniform or do we?",
    "Is the training paid for staff?",
    "Do they cover travel for us?",
)


def test_only_money_pointed_away_from_the_seeker_binds_the_model() -> None:
    wrong = []
    for line, answer in _others():
        for m, a in _styles(line, answer):
            if not others_money_spans(a, m):
                wrong.append(("unbound", m, a))
    for line, answer in itertools.product(UNRELATED[:1], OWN + STAFF):
        for m, a in _styles(line, answer):
            if others_money_spans(a, m):
                wrong.append(("bound", m, a))
    assert not wrong, f"{len(wrong)}: {wrong[:6]}"
