"""The replay's "You asked N curious questions (answers ...)" names only answers that add to N.

A newcomer saw "You asked 1 curious question (answers 1 and 2)": an answer whose only curious
question shared its sentence with a request ("What does the team do, and what's the salary?")
added nothing to the count (the sentence counts as the request) but was still listed. Generated
here over curious clauses x requests x joiners x styles, through the real analyzer.
"""

from __future__ import annotations

import itertools

import pytest

from app.framing import Turn, analyze
from app.report.questions import count_questions

CURIOUS = [
    "What does the team do",
    "how big is your team",
    "Who would I be working with",
    "what are you building this year",
    "How did you get into this work",
]
REQUESTS = [
    "what's the salary?",
    "what does it pay?",
    "can you refer me for it?",
    "when could I start?",
    "could I get an interview?",
]
JOINERS = [", and ", " and ", ". Also, ", "? And "]


def _count(manager: str, answers: list[str]) -> tuple[int, tuple[int, ...]]:
    turns = [Turn("manager", manager)]
    for answer in answers:
        turns += [Turn("seeker", answer), Turn("manager", "Good question.")]
    result = analyze(turns).to_dict()["turns"]
    counted = count_questions(
        (r["index"], t.speaker, t.text, r["cues"]) for r, t in zip(result, turns, strict=True)
    )
    return counted.curious, counted.curious_turns


def _style(text: str, asr: bool) -> str:
    return (
        text.lower().replace("?", "").replace(",", "").replace(".", "").replace("'", "")
        if asr
        else text
    )


CASES = [
    (c + j + r, asr)
    for c, r, j in itertools.product(CURIOUS, REQUESTS, JOINERS)
    for asr in (False, True)
]


@pytest.mark.parametrize(("text", "asr"), CASES[::2])
def test_an_answer_is_listed_only_when_it_adds_to_the_count(text: str, asr: bool) -> None:
    curious, listed = _count("We're hiring, actually.", [_style(text, asr)])
    assert (curious > 0) == (1 in listed), (curious, listed)


@pytest.mark.parametrize("seed", range(12))
def test_the_count_is_at_least_the_answers_named(seed: int) -> None:
    import random

    rng = random.Random(seed)
    answers = [
        _style(rng.choice([rng.choice(CURIOUS) + "?", t]), rng.random() < 0.5)
        for t in rng.sample([c for c, _ in CASES], 4)
    ]
    curious, listed = _count("So, what brings you here tonight?", answers)
    assert curious >= len(listed), (answers, curious, listed)
