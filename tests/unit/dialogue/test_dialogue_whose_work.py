"""Questions about the persona's own job, the person hired, and who else to talk to, over every
shipped scenario and generated phrasings: never deflected to a colleague, never another topic's
answer (the persona's typical week for "what would make someone succeed there")."""

from __future__ import annotations

import itertools
from functools import cache

import pytest
from conftest import SHIPPED

from app.dialogue import DEFLECTED, KnowledgeMatcher, Runner, Scenario, load_scenario
from app.dialogue.asking import REFERRAL_REPLIES
from app.dialogue.choosing import choose, is_persona_topic, is_role_topic, names_title
from app.dialogue.knowledge import questions_in
from app.framing.encoder import shared_encoder

SCENARIOS = sorted(p.stem for p in SHIPPED.glob("*.yaml") if not p.stem.endswith(".plan"))
LEADS = ("", "Maybe. ", "I'm not sure yet whether it's for me. ", "Thanks, ")


@cache
def _scenario(name: str) -> Scenario:
    return load_scenario(SHIPPED / f"{name}.yaml")


@cache
def _matcher(name: str) -> KnowledgeMatcher:
    return KnowledgeMatcher(_scenario(name).knowledge, shared_encoder(wait=True))


def _reply(name: str, answer: str):  # type: ignore[no-untyped-def]
    scenario = _scenario(name)
    node = next(n for n in scenario.nodes.values() if n.branches)
    runner = Runner(scenario, seed=1, start=node.id)
    runner._matcher = _matcher(name)
    runner._shared = False
    branch = node.branches[-1]
    return runner.advance(branch.frame or "neutral", {"seeker_question"}, answer=answer)


REFERRALS = (
    "Who else should I talk to?",
    "Is there anyone else you'd suggest I speak with?",
    "who else would be good to talk to",
    "Who else should I meet while I'm here?",
)


@pytest.mark.parametrize("name", SCENARIOS)
def test_who_else_is_never_a_deflection_naming_people(name: str) -> None:
    for lead, question in itertools.product(LEADS, REFERRALS):
        line = _reply(
            name, lead + (question[0].lower() + question[1:] if lead == "Thanks, " else question)
        )
        deflections = _scenario(name).knowledge.deflect
        assert not any(p in deflections for p in line.parts), (lead + question, line.text)
        assert "no idea" not in line.text.lower(), (lead + question, line.text)
        if line.topic == DEFLECTED:  # no topic names anyone: "let me think", no names
            assert line.parts[0] in REFERRAL_REPLIES, line.text


SUCCESS = (
    "What would make someone succeed there in the first six months?",
    "What would make someone do well in the role?",
    "What does it take to succeed in the first year?",
    "what would help a person thrive there",
)


@pytest.mark.parametrize("name", SCENARIOS)
def test_success_in_the_role_is_never_the_personas_own_week(name: str) -> None:
    for lead, question in itertools.product(LEADS[:3], SUCCESS):
        chosen = choose(_matcher(name), questions_in(lead + question), _scenario(name)).topic
        assert chosen is None or not is_persona_topic(chosen) or is_role_topic(chosen), (
            question,
            chosen,
        )


#: (title, the people the persona leads or works among, named by their field)
TITLES = (
    ("Test Engineering Lead", "test engineers"),
    ("Data Engineering Manager", "data engineers"),
    ("Design Research Lead", "design researchers"),
    ("Product Design Director", "product designers"),
    ("Nurse Manager", "nurse managers"),
)
ASKED = (
    "What do {} do here all day?",
    "what do {} actually do day to day",
    "What's a normal week like for {} here?",
)


@pytest.mark.parametrize(("title", "people"), TITLES)
def test_the_personas_field_named_by_its_people_is_their_own_work(title: str, people: str) -> None:
    for asked in ASKED:
        assert names_title(asked.format(people), title), asked.format(people)
    assert not names_title("What do your customers do all day?", title)


def test_the_personas_own_job_is_answered_at_the_booth() -> None:
    for asked in ASKED:
        line = _reply("career-fair-booth", asked.format("test engineers"))
        assert line.topic not in (None, DEFLECTED), (asked, line.text)
