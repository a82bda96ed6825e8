"""Asking what the seeker would do for the position is a commitment question (session 14, F4).

"Would you relocate to Leeds for this role?" "Yeah, no problem." read neutral: the manager's
line was not heard as asking for commitment, so a bare yes to it committed to nothing. The
class (named from the other hands' misses, built from these templates only): a question
whether the seeker would relocate, move, start, commute, travel, take a cut or work nights for
this role, the job or the position, or if it were offered. A yes to it commits. Not the class:
a kind of role ("for a role like this"), someone else's job ("for your partner's job"), a move
in the past ("Did you move here for work?"), a move with no job ("Would you ever move abroad?").
Generated: doings x jobs x yeses x typed / recognizer style."""

from __future__ import annotations

import itertools

from app.framing.analyzer import analyze_answer
from app.framing.cues import manager_cues
from app.framing.evaluation import recognizer_style

DOINGS = (
    "Would you relocate to Leeds",
    "Would you be willing to move",
    "Would you be open to relocating to Denver",
    "Could you start in two weeks",
    "Would you take a small pay cut",
    "Would you be able to work weekends",
    "Would you be prepared to travel a lot",
    "Would you move to Glasgow",
)
JOBS = ("for this role?", "for the job?", "for the position?", "for the analyst role?",
        "if we offered it?", "if we offered you the job?")  # fmt: skip
YESES = ("Yes.", "Absolutely.", "yeah no problem", "Of course!", "Sure, happy to.")
NOT_THE_CLASS = (
    "Would you relocate for a role like this?",
    "Would you relocate for your partner's job?",
    "Did you move here for work?",
    "Would you ever move abroad?",
    "Would you move for the weather?",
    "Could you take the bins out for me?",
)


def test_what_one_would_do_for_the_role_asks_for_commitment() -> None:
    lines = [f"{d} {j}" for d, j in itertools.product(DOINGS, JOBS)]
    missed = [
        line
        for line in lines + [recognizer_style(x) for x in lines]
        if "commitment_question" not in {c.cue for c in manager_cues(line)}
    ]
    assert not missed, f"{len(missed)} of {2 * len(lines)}: {missed[:8]}"


def test_a_yes_to_it_commits() -> None:
    wrong = []
    cases = list(itertools.product(DOINGS, JOBS, YESES))
    for doing, job, yes in cases:
        line = f"{doing} {job}"
        for m, a in ((line, yes), (recognizer_style(line), recognizer_style(yes))):
            r = analyze_answer(m, a, rules_only=True)
            if r.frame != "interview" or "commitment" not in [c.cue for c in r.cues]:
                wrong.append((m, a, r.frame))
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:8]}"


def test_other_moves_ask_for_no_commitment() -> None:
    for line in NOT_THE_CLASS:
        for m in (line, recognizer_style(line)):
            assert "commitment_question" not in {c.cue for c in manager_cues(m)}, m
            assert analyze_answer(m, "Yes.", rules_only=True).frame != "interview", m
