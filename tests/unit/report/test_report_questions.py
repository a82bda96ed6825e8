"""The replay counts curiosity apart from requests, over generated answers through the real
analyzer: a request for the job, a referral, an interview or the pay is never a "question"
nor a "follow-up"; a curious question that picks up the manager's words, or a bare "tell me
more", is a follow-up; an echo of his words in a statement or a request is not."""

from __future__ import annotations

import itertools

import pytest

from app.framing import Turn, analyze
from app.report.questions import count_questions

LINE = "We build the pipelines that feed the hospital dashboards."
OPENERS = ("", "Oh nice. ", "The pipelines sound fun. ")
CURIOUS_ECHO = ("What do the pipelines feed into?", "How do the dashboards get used?")
CURIOUS_NEW = ("How long have you been there?", "What got you into this field?")
GO_ON = ("Tell me more.", "How so?", "Interesting, tell me more")
REQUESTS = (
    "Please refer me for the role.",
    "I'd like to apply for the job.",
    "I'd like to know the salary.",
    "Could you refer me for the role?",
    "What's the salary for this role?",
    "Can I get an interview?",
    "How much does it pay?",
)


def _count(answer: str):  # type: ignore[no-untyped-def]
    turns = analyze([Turn("manager", LINE), Turn("seeker", answer)]).to_dict()["turns"]
    return count_questions(
        (t["index"], t["speaker"], text, t["cues"])
        for t, text in zip(turns, [LINE, answer], strict=True)
    )


@pytest.mark.parametrize(("opener", "asking_for"), list(itertools.product(OPENERS, REQUESTS)))
def test_a_request_is_no_question_and_no_follow_up(opener: str, asking_for: str) -> None:
    counted = _count(opener + asking_for)
    assert counted.curious == 0, (opener, asking_for)
    assert counted.requests == 1
    assert counted.follow_up_turns == ()


@pytest.mark.parametrize(
    ("opener", "question", "follows"),
    [(o, q, True) for o, q in itertools.product(OPENERS, CURIOUS_ECHO + GO_ON)]
    + [(o, q, False) for o, q in itertools.product(OPENERS, CURIOUS_NEW)],
)
def test_curious_questions_count_and_follow_ups_follow(
    opener: str, question: str, follows: bool
) -> None:
    counted = _count(opener + question)
    assert counted.curious == 1, (opener, question)
    assert counted.requests == 0
    assert (counted.follow_up_turns == (1,)) is follows, (opener, question, counted)


@pytest.mark.parametrize(
    ("question", "asking_for"), list(itertools.product(CURIOUS_ECHO + CURIOUS_NEW, REQUESTS))
)
def test_mixed_answers_are_split(question: str, asking_for: str) -> None:
    for answer in (f"{question} {asking_for}", f"{asking_for} {question}"):
        counted = _count(answer)
        assert (counted.curious, counted.requests) == (1, 1), (answer, counted)


ONE_QUESTION = (
    "What's the team like, and how big is it?",
    "Who else should I talk to, or is there anyone you'd recommend?",
    "How did you get into it?",
    "So what does a typical week look like, like what do you actually do on Mondays?",
    "I was wondering what the team works on.",
    "How so?",
)
TAILS = ("", " I'm curious.", " Just wondering.")


@pytest.mark.parametrize("k", [1, 2, 3])
@pytest.mark.parametrize("tail", TAILS)
@pytest.mark.parametrize("offset", range(len(ONE_QUESTION)))
def test_questions_are_counted_as_a_person_counts_them(k: int, tail: str, offset: int) -> None:
    """One sentence asking is one question, however many clauses it has; "I'm curious" after
    a question is not another one."""
    picked = [ONE_QUESTION[(offset + i) % len(ONE_QUESTION)] for i in range(k)]
    answer = " ".join(picked) + tail
    assert _count(answer).curious == k, answer
