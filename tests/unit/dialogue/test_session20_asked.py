"""Session 20: what a newcomer saw the manager do, as classes over every shipped scenario, two
nodes each, both matching methods, and generated phrasings:

- a request to be introduced to someone ("Could you introduce me to someone on your team?",
  "would you put me in touch with Lena") gets whom to meet (the topic naming people) or an
  honest "I'll think about who you should meet", never a pointer back ("Like I mentioned
  earlier, that's the heart of it."), a brake as if it asked for the job, a deflection, or
  another topic's answer;
- "What worries you most at the moment?" gets the hard part of his work (a topic whose examples
  ask about challenges), never a colleague's deflection;
- session 19's current-work topic reconciled with the older answers: "what are YOU working on
  these days" gets current_work; the company's product ("What are you building?") and the
  team's work ("what is your team working on at the moment") never do.
"""

from __future__ import annotations

import itertools
import re

import pytest
from conftest import SCENARIOS, shipped_matcher, shipped_scenario

from app.dialogue import Runner, Scenario
from app.dialogue.asking import (
    BACK_REPLIES,
    INTRODUCE_REPLIES,
    REQUEST_REPLIES,
    asks_worry,
    intents,
    leanings,
)
from app.dialogue.choosing import choose
from app.dialogue.knowledge import questions_in
from app.dialogue.runner import _INTRODUCES

METHODS = ("meaning", "words")
LEADS = ("", "Thanks, that's really useful. ", "Okay. ")

WHO = (
    "someone on your team",
    "Lena",
    "one of your colleagues",
    "someone in research",
    "the person who runs the analytics side",
)
INTRODUCE = tuple(
    form.format(who=who)
    for who in WHO
    for form in (
        "Could you introduce me to {who}?",
        "Would you be able to put me in touch with {who}?",
        "would you mind connecting me with {who}",
        "Could you make an introduction to {who}?",
        "any chance you could intro me to {who}?",
    )
)
WORRY = (
    "What worries you most at the moment?",
    "what worries you most right now",
    "What's your biggest worry these days?",
    "What are you most worried about right now?",
    "So what concerns you most at the moment?",
    "What worries you about the work?",
)
NOT_WORRY = (
    "Does my gap year worry you?",
    "Are you worried I don't have the experience?",
    "I'm worried about the commute, is that normal?",
)
NOT_INTRODUCE = (
    "Could you introduce me to the basics of the role?",
    "Can we stay in touch?",
    "Who else should I talk to?",
)
OWN_NOW = (
    "What are you working on these days?",
    "What are you focused on right now?",
    "what have you been working on lately",
    "What's keeping you busy at the moment?",
)
NOT_OWN_NOW = (
    "What are you building?",
    "What are you guys building right now?",
    "So what is your company making?",
    "So what is your team working on at the moment?",
    "what are your people busy with these days",
    "What are you guys working on at the moment?",
)


def _phrasings(questions: tuple[str, ...]) -> list[str]:
    said = []
    for lead, question in itertools.product(LEADS, questions):
        said.append(lead + question)
    said += [re.sub(r"[^\w\s']", "", q).lower() + "?" for q in questions]  # as recognized
    return said


def _replies(name: str, method: str, answer: str):  # type: ignore[no-untyped-def]
    """The reply at the first two nodes with branches, each branch's last (the catch-all)."""
    scenario = shipped_scenario(name)
    for node in [n for n in scenario.nodes.values() if n.branches][:2]:
        runner = Runner(scenario, seed=7, start=node.id)
        runner._matcher = shipped_matcher(name, method)
        runner._shared = False
        branch = node.branches[-1]
        yield runner.advance(branch.frame or "neutral", branch.cues, answer=answer)


def _topic_answers(scenario: Scenario) -> dict[str, str]:
    return {a: t.id for t in scenario.knowledge.topics for a in t.answers}


def _referral_topics(scenario: Scenario) -> set[str]:
    return {
        t.id
        for t in scenario.knowledge.topics
        if any("referral" in intents(q) for q in t.questions)
    }


def _challenge_topics(scenario: Scenario) -> set[str]:
    return {
        t.id
        for t in scenario.knowledge.topics
        if any("challenge" in leanings(q) for q in t.questions)
    }


@pytest.mark.parametrize(("name", "method"), list(itertools.product(SCENARIOS, METHODS)))
def test_an_introduction_asked_for_gets_whom_to_meet_or_an_honest_promise(
    name: str, method: str
) -> None:
    scenario = shipped_scenario(name)
    answers = _topic_answers(scenario)
    people = _referral_topics(scenario)
    refused = {*BACK_REPLIES, *REQUEST_REPLIES, *scenario.knowledge.deflect}
    bad = []
    checked = 0
    for answer in _phrasings(INTRODUCE):
        for line in _replies(name, method, answer):
            checked += 1
            first = line.parts[0] if line.parts else ""
            if line.topic is None and _INTRODUCES.search(line.text):
                continue  # the scripted line itself makes the introduction: it alone
            if refused.intersection(line.parts):
                bad.append((answer, "refused", line.text))
            elif people and answers.get(first) not in people:
                bad.append((answer, "not whom to meet", line.text))
            elif not people and first not in INTRODUCE_REPLIES:
                bad.append((answer, "no honest promise", line.text))
    assert checked
    assert not bad, f"{len(bad)} of {checked}: {bad[:4]}"


@pytest.mark.parametrize(("name", "method"), list(itertools.product(SCENARIOS, METHODS)))
def test_what_worries_him_is_the_hard_part_of_his_work(name: str, method: str) -> None:
    scenario = shipped_scenario(name)
    hard = _challenge_topics(scenario)
    bad = []
    for answer in _phrasings(WORRY):
        topic = choose(shipped_matcher(name, method), questions_in(answer), scenario).topic
        if hard and topic not in hard:
            bad.append((answer, topic))
        for line in _replies(name, method, answer):
            if set(scenario.knowledge.deflect).intersection(line.parts):
                bad.append((answer, line.text))
    assert not bad, f"{len(bad)}: {bad[:4]}"


def test_every_shipped_scenario_has_whom_to_meet_or_the_generic_promise_fits() -> None:
    # the generic promise names nobody: it fits any persona
    for reply in INTRODUCE_REPLIES:
        assert not re.findall(r"(?<![.?!]\s)(?<!^)\b[A-Z][a-z]+\b", reply), reply


def test_what_is_and_is_not_an_introduction_or_a_worry() -> None:
    for question in _phrasings(INTRODUCE):
        assert "introduce" in intents(question), question
    for question in NOT_INTRODUCE:
        assert "introduce" not in intents(question), question
    for question in _phrasings(WORRY):
        assert asks_worry(question), question
    for question in NOT_WORRY:
        assert not asks_worry(question), question


@pytest.mark.parametrize(("name", "method"), list(itertools.product(SCENARIOS, METHODS)))
def test_his_own_current_work_is_not_the_product_nor_the_team(name: str, method: str) -> None:
    scenario = shipped_scenario(name)
    ids = {t.id for t in scenario.knowledge.topics}
    bad = []
    for answer in _phrasings(OWN_NOW):
        topic = choose(shipped_matcher(name, method), questions_in(answer), scenario).topic
        if "current_work" in ids and topic != "current_work":
            bad.append((answer, topic))
    for answer in _phrasings(NOT_OWN_NOW):
        assert "current" not in intents(answer), answer
        topic = choose(shipped_matcher(name, method), questions_in(answer), scenario).topic
        if topic == "current_work":
            bad.append((answer, topic))
    assert not bad, f"{len(bad)}: {bad[:4]}"
