"""The manager answers what was ASKED, over every shipped scenario and generated phrasings
(lead-ins, typed and recognizer-style lowercase), with the sentence model and with words alone:

- a question about the persona's OWN path, work or team is answered by the persona (a topic or
  an in-person reply), never passed to a colleague ("Femi would know");
- advice asked for ("What would you read if you were me?") gets advice, not silence;
- "what does your team work on" gets the team's work, never its culture or its size;
- "what do you work on" gets the persona's work now, never the origin story;
- "how does X decide" never gets a size or a how-often answer by shared nouns.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

import pytest
from conftest import SHIPPED

from app.dialogue import KnowledgeMatcher, Runner, Scenario, load_scenario
from app.dialogue.asking import (
    ADVICE_REPLIES,
    ORIGIN_REPLIES,
    OWN_REPLIES,
    intents,
    leanings,
)
from app.dialogue.runner import _ADVISES
from app.framing.encoder import shared_encoder

SCENARIOS = sorted(p.stem for p in SHIPPED.glob("*.yaml") if not p.stem.endswith(".plan"))
LEADS = ("", "Interesting. ", "Honestly I'm not sure yet, ", "Thanks, that helps. ")
METHODS = ("meaning", "words")


@cache
def _scenario(name: str) -> Scenario:
    return load_scenario(SHIPPED / f"{name}.yaml")


@cache
def _matcher(name: str, method: str) -> KnowledgeMatcher:
    encoder = shared_encoder(wait=True) if method == "meaning" else None
    return KnowledgeMatcher(_scenario(name).knowledge, encoder)


def _asr(text: str) -> str:
    """As a recognizer may write it: lowercase, no punctuation."""
    return re.sub(r"[^\w\s']", "", text).lower().strip()


def _phrasings(questions: tuple[str, ...]) -> list[str]:
    said = []
    for lead, question in itertools.product(LEADS, questions):
        typed = lead + (question[0].lower() + question[1:] if lead.endswith(", ") else question)
        said += [typed, _asr(typed)]
    return said


def _reply(name: str, method: str, answer: str):  # type: ignore[no-untyped-def]
    scenario = _scenario(name)
    node = next(n for n in scenario.nodes.values() if n.branches)
    runner = Runner(scenario, seed=3, start=node.id)
    runner._matcher = _matcher(name, method)
    runner._shared = False
    branch = node.branches[-1]
    return runner.advance(branch.frame or "neutral", {"seeker_question"}, answer=answer)


def _answers(scenario: Scenario, show: str) -> set[str]:
    """Every answer of the topics whose example questions show this leaning."""
    return {
        a
        for t in scenario.knowledge.topics
        if any(show in leanings(q) for q in t.questions)
        for a in t.answers
    }


OWN = (
    "How do you test ideas with real users?",
    "How do you measure whether something you built worked?",
    "How do you decide what to work on each week?",
    "Is there much night work on your team?",
    "How long have you been doing this?",
    "Do you work with data people much?",
    "What would my first month look like?",
    "What got you into this line of work in the first place?",
    "Does your team travel much?",
)


@pytest.mark.parametrize(("name", "method"), list(itertools.product(SCENARIOS, METHODS)))
def test_questions_about_the_personas_own_work_are_never_passed_to_a_colleague(
    name: str, method: str
) -> None:
    deflections = set(_scenario(name).knowledge.deflect)
    for answer in _phrasings(OWN):
        line = _reply(name, method, answer)
        assert not deflections.intersection(line.parts), (answer, line.text)


ADVICE = (
    "What would you read if you were me?",
    "If you were in my shoes, what would you do first?",
    "What would you do first if you were me?",
    "What advice would you give someone like me?",
)


@pytest.mark.parametrize(("name", "method"), list(itertools.product(SCENARIOS, METHODS)))
def test_advice_asked_for_is_given(name: str, method: str) -> None:
    scenario = _scenario(name)
    told = {a for t in scenario.knowledge.topics for a in t.answers}
    for answer in _phrasings(ADVICE):
        line = _reply(name, method, answer)
        assert not set(scenario.knowledge.deflect).intersection(line.parts), (answer, line.text)
        assert line.parts, answer
        referral = {a for t in scenario.knowledge.topics if t.id == "who_else" for a in t.answers}
        assert line.parts[0] not in referral, (answer, line.text)  # advice, not whom to meet
        given = line.parts[0] in told or line.parts[0] in ADVICE_REPLIES
        assert given or _ADVISES.search(line.text), (answer, line.text)  # or the line advises


TEAM_WORK = (
    "What does your team work on?",
    "I'm curious what the team works on.",
    "What does the team actually do?",
    "So what is your team working on at the moment?",
)


@pytest.mark.parametrize("method", METHODS)
def test_what_the_team_works_on_gets_its_work_in_the_flagship_scenario(method: str) -> None:
    scenario = _scenario("connector-intro")
    work = set(next(t for t in scenario.knowledge.topics if t.id == "team").answers)
    for answer in _phrasings(TEAM_WORK):
        line = _reply("connector-intro", method, answer)
        assert line.parts[0] in work, (answer, line.text)


@pytest.mark.parametrize(("name", "method"), list(itertools.product(SCENARIOS, METHODS)))
def test_what_the_team_works_on_never_gets_the_culture(name: str, method: str) -> None:
    scenario = _scenario(name)
    culture = _answers(scenario, "culture") - _answers(scenario, "team_work")
    for answer in _phrasings(TEAM_WORK):
        line = _reply(name, method, answer)
        assert not culture.intersection(line.parts), (answer, line.text)


OWN_NOW = ("What do you work on?", "What are you working on these days?", "what do you do there")


@pytest.mark.parametrize(("name", "method"), list(itertools.product(SCENARIOS, METHODS)))
def test_what_the_persona_works_on_is_never_the_origin_story(name: str, method: str) -> None:
    scenario = _scenario(name)
    origin = {
        a
        for t in scenario.knowledge.topics
        if any("origin" in intents(q) for q in t.questions)
        for a in t.answers
    }
    for answer in _phrasings(OWN_NOW):
        line = _reply(name, method, answer)
        assert not origin.intersection(line.parts), (answer, line.text)


DECIDE = (
    "How does the team decide what to build next?",
    "How do you decide which projects to take on?",
    "Who decides which projects go ahead?",
)


@pytest.mark.parametrize(("name", "method"), list(itertools.product(SCENARIOS, METHODS)))
def test_how_a_choice_is_made_never_gets_the_size(name: str, method: str) -> None:
    scenario = _scenario(name)
    size = _answers(scenario, "size") - _answers(scenario, "decide")
    for answer in _phrasings(DECIDE):
        line = _reply(name, method, answer)
        assert not size.intersection(line.parts), (answer, line.text)


def test_in_person_replies_are_generic() -> None:
    """The in-person replies name nobody and no scenario's facts: they fit any persona."""
    for reply in (*OWN_REPLIES, *ADVICE_REPLIES, *ORIGIN_REPLIES):
        inside = re.findall(r"(?<![.?!]\s)(?<!^)\b[A-Z][a-z]+\b", reply)
        assert not inside, (reply, inside)  # no name: only sentence openings are capitalised
