"""A class the newcomer found and the shipped model once got wrong in part: saying why you came
("I wanted to meet people who build data platforms"), with or without a greeting first, answers
"what brings you here?" and asks for no job. Generated over openers, groups, greetings and
manager lines. Once a known failure (about one in five misread as a job request by the model; the
rules alone read them right); since session 12 the model's interview reading of such a clause
must hold for the rest of the turn alone (`learned._reasons_for_coming`)."""

from __future__ import annotations

import itertools

from app.framing.analyzer import analyze_answer

OPENERS = (
    "I wanted to meet", "I was hoping to meet", "I wanted to talk to", "I wanted to learn from",
    "I really wanted to meet", "I came hoping to meet", "I came to meet", "I'm here to meet",
)  # fmt: skip
GROUPS = (
    "people who build data platforms", "people who work in clinical informatics",
    "engineers who test robots", "anyone doing policy work", "people from the architecture side",
)  # fmt: skip
GREETINGS = ("", "Hi! ", "Hello, lovely to meet you. ", "hey ")
LINES = (
    "So what brings you to this thing tonight?",
    "Hi, I'm Rosa. What can I do for you?",
    "What brings you here?",
)
CASES = [
    (line, f"{greet}{opener} {group}.")
    for opener, group, greet, line in itertools.product(OPENERS, GROUPS, GREETINGS, LINES)
]


def test_the_rules_never_read_a_reason_for_coming_as_interview() -> None:
    wrong = [
        t for line, t in CASES if analyze_answer(line, t, rules_only=True).frame == "interview"
    ]
    assert not wrong, wrong[:10]


def test_the_hybrid_never_reads_a_reason_for_coming_as_a_job_request() -> None:
    wrong = [t for line, t in CASES if analyze_answer(line, t).frame == "interview"]
    assert not wrong, f"{len(wrong)} of {len(CASES)}: {wrong[:10]}"
