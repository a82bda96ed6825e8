"""A question put as a wish ("I wanted to hear how you got into data platforms.", "I was
hoping to learn what your team is like", "I came to find out ...") is asked of the manager
like the direct question: a newcomer's first answer "Hi Marcus, I wanted to hear how you got
into data platforms." got "And you, what's your corner of data work?", nothing of his path.

Generated: 8 direct questions, each as an embedded clause after 7 wishes and 3 leads, typed and
as recognized, over every shipped scenario and both matching methods; the wish must reach the
topic the direct question reaches (a class rate: an embedded clause is not worded like the
topic's example questions, so a few land on a neighbouring topic)."""

from __future__ import annotations

import itertools
import re
from functools import cache

import pytest
from conftest import SCENARIOS, shipped_matcher, shipped_scenario

from app.dialogue.choosing import choose
from app.dialogue.knowledge import questions_in

PAIRS = (
    ("How did you get into this line of work?", "how you got into this line of work"),
    ("What does a typical week look like for you?", "what a typical week looks like for you"),
    ("What is your team like?", "what your team is like"),
    ("What's the hardest part of your job?", "what the hardest part of your job is"),
    ("What skills matter most in your work?", "what skills matter most in your work"),
    ("How big is your team?", "how big your team is"),
    ("What do you enjoy most about your work?", "what you enjoy most about your work"),
    ("What are you working on these days?", "what you are working on these days"),
)
WISHES = (
    "I wanted to hear",
    "I was hoping to learn",
    "I came to find out",
    "I'd like to understand",
    "I really wanted to ask you",
    "i was keen to know",
    "I'm here to learn",
)
LEADS = ("", "Hi, thanks for making time. ", "Honestly, ")
NOT_ASKED = (
    "I wanted to say thanks for your time.",
    "I want to work with your team.",
    "i came to drop off my cv",
    "I was hoping to get an interview.",
    "I'd like to apply for the role.",
)


@cache
def _reached(name: str, method: str) -> tuple[int, int, tuple[str, ...]]:
    """(wishes checked, wishes reaching the direct question's topic, wishes answered nothing)."""
    scenario, matcher = shipped_scenario(name), shipped_matcher(name, method)
    checked, same, missed = 0, 0, []
    for direct, clause in PAIRS:
        wanted = choose(matcher, questions_in(direct), scenario).topic
        if wanted is None:
            continue
        for wish, lead in itertools.product(WISHES, LEADS):
            typed = f"{lead}{wish} {clause}."
            for said in (typed, re.sub(r"[^\w\s']", "", typed).lower()):
                assert questions_in(said), said  # never nothing asked
                got = choose(matcher, questions_in(said), scenario).topic
                checked += 1
                same += got == wanted
                if got is None:
                    missed.append(said)
    return checked, same, tuple(missed)


CASES = list(itertools.product(SCENARIOS, ("meaning", "words")))


@pytest.mark.parametrize(("name", "method"), CASES)
def test_a_question_put_as_a_wish_reaches_the_direct_questions_topic(
    name: str, method: str
) -> None:
    checked, same, missed = _reached(name, method)
    assert checked >= 100
    assert same / checked >= 0.7, (same, checked)
    assert len(missed) <= checked // 20, missed[:4]  # the manager almost never answers nothing


def test_over_every_scenario_the_wish_is_heard_as_the_question() -> None:
    counts = [_reached(name, method) for name, method in CASES]
    checked = sum(c for c, _s, _m in counts)
    same = sum(s for _c, s, _m in counts)
    assert same / checked >= 0.9, (same, checked)


@pytest.mark.parametrize("said", NOT_ASKED)
def test_a_wish_that_asks_nothing_of_him_is_no_question(said: str) -> None:
    assert questions_in(said) == []
    assert questions_in(said.lower().rstrip(".")) == []
