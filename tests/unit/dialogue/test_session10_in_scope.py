"""Trial 10 D1/D2: the manager answers what he is exactly the person to answer, over every shipped
scenario, generated wordings (lead-ins, typed and recognizer-style lowercase), with the sentence
model and with words alone:

- "would X disqualify me" ("Is that a dealbreaker?", "Do you hire people from outside
  healthcare?", "without a robotics background?") gets what he looks for, never "Lena Park or our
  recruiter would know" and never a stock "it depends on the week";
- "What are you building?" gets the product or company; "What does a test engineer here actually
  break?" the team's work; "Is there anything open in your team?" the role or the hiring;
- a short question pointing back at his line ("what do they carry?") is about that line;
- hedges said with a rising voice ("I mean, maybe? Kind of.") are not a question: no deflection;
- the in-person fallback claims no answer it does not give (no "it depends on the week").
Pay, visas and private life stay out of this: they keep their own honest replies.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

import pytest
from conftest import SHIPPED

from app.dialogue import KnowledgeMatcher, Runner, Scenario, load_scenario
from app.dialogue.asking import GENERIC_REPLIES
from app.dialogue.choosing import choose
from app.dialogue.knowledge import questions_in
from app.framing.encoder import shared_encoder

SCENARIOS = sorted(p.stem for p in SHIPPED.glob("*.yaml") if not p.stem.endswith(".plan"))
METHODS = ("meaning", "words")
LEADS = ("", "Not much honestly, a little Kafka in a side project. ", "Just curious. ", "Okay, ")

FIELDS = ("healthcare", "robotics", "retail", "the public sector", "teaching", "finance")
FIT = (
    *(
        q
        for field in FIELDS
        for q in (
            f"Do you hire people from outside {field}?",
            f"Do you hire people without a {field} background?",
            f"Would you consider someone without {field} experience?",
            f"Do I need a {field} background?",
            f"Is a {field} degree required?",
        )
    ),
    "Is that a dealbreaker?",
    "Is that a deal-breaker for you?",
    "Would that rule me out?",
    "Would that count against me?",
    "Is that a problem for the role?",
    "Would that be a big issue for the job?",
    "Is that a red flag?",
)
PRODUCT = (
    "What are you building?",
    "What are you guys actually building?",
    "So what is your company making?",
    "What does your startup sell?",
    "What do you guys make?",
    "So what does your company actually build?",
)
OPENING = (
    "Is there anything open at the moment in your team?",
    "Are there any roles open right now?",
    "Any openings on your team?",
    "Is your team hiring at the moment?",
)
#: Topic ids that answer each kind (a scenario has some of them).
FIT_TOPICS = {
    "looking_for",
    "skills",
    "training_quals",
    "hiring",
    "engineer_to_pm",
    "leaving_teaching",
    "role",
    "hiring_process",
    "portfolio",
}
PRODUCT_TOPICS = {
    "product",
    "company",
    "client",
    "studio",
    "hospital",
    "ministry",
    "customers",
    "clients",
    "projects",
    "team",
}
OPENING_TOPICS = {"openings", "why_open", "role", "hiring", "looking_for", "hiring_process"}
WORK_TOPICS = {
    "team",
    "role",
    "her_work",
    "lab_day",
    "projects",
    "typical_week",
    "kinds_of_research",
}
HEDGES = (
    "I mean, maybe? Kind of. Depends I guess.",
    "Maybe?",
    "Kind of? Sort of.",
    "Yeah, I guess?",
    "Depends, I suppose?",
    "i mean maybe? kinda",
)
STOCK_CLAIMS = re.compile(r"depends on the week|one month to the next|no two are", re.I)


@cache
def _scenario(name: str) -> Scenario:
    return load_scenario(SHIPPED / f"{name}.yaml")


@cache
def _matcher(name: str, method: str) -> KnowledgeMatcher:
    encoder = shared_encoder(wait=True) if method == "meaning" else None
    return KnowledgeMatcher(_scenario(name).knowledge, encoder)


def _asr(text: str) -> str:
    return re.sub(r"[^\w\s']", "", text).lower().strip()


def _phrasings(questions: tuple[str, ...]) -> list[str]:
    said = []
    for lead, question in itertools.product(LEADS, questions):
        said += [lead + question, _asr(lead + question) + "?"]
    return said


def _reply(name: str, method: str, answer: str):  # type: ignore[no-untyped-def]
    scenario = _scenario(name)
    node = next(n for n in scenario.nodes.values() if n.branches)
    runner = Runner(scenario, seed=3, start=node.id)
    runner._matcher = _matcher(name, method)
    runner._shared = False
    branch = node.branches[-1]
    return runner.advance(branch.frame or "neutral", {"seeker_question"}, answer=answer)


def _deflections(name: str) -> set[str]:
    return set(_scenario(name).knowledge.deflect)


def _check(name: str, method: str, asked: tuple[str, ...], wanted: set[str]) -> None:
    scenario = _scenario(name)
    ids = {t.id for t in scenario.knowledge.topics}
    if not ids & wanted:
        pytest.skip(f"{name} has no topic of this kind")
    bad = []
    for answer in _phrasings(asked):
        topic = choose(_matcher(name, method), questions_in(answer), scenario).topic
        line = _reply(name, method, answer)
        deflected = _deflections(name).intersection(line.parts)
        if topic not in wanted or deflected or STOCK_CLAIMS.search(line.text):
            bad.append((answer, topic, line.text))
    assert not bad, f"{len(bad)} of {len(_phrasings(asked))}: {bad[:5]}"


@pytest.mark.parametrize(("name", "method"), list(itertools.product(SCENARIOS, METHODS)))
def test_fit_questions_are_his_to_answer(name: str, method: str) -> None:
    _check(name, method, FIT, FIT_TOPICS)


@pytest.mark.parametrize(("name", "method"), list(itertools.product(SCENARIOS, METHODS)))
def test_product_questions_get_the_product(name: str, method: str) -> None:
    _check(name, method, PRODUCT, PRODUCT_TOPICS)


@pytest.mark.parametrize(("name", "method"), list(itertools.product(SCENARIOS, METHODS)))
def test_opening_questions_get_the_role_or_hiring(name: str, method: str) -> None:
    _check(name, method, OPENING, OPENING_TOPICS)


@pytest.mark.parametrize(("name", "method"), list(itertools.product(SCENARIOS, METHODS)))
def test_the_work_of_his_people_is_his_to_answer(name: str, method: str) -> None:
    asked = (
        *(
            f"What does {who} actually {verb}?"
            for who in ("someone on your team", "one of your people", "a person in your team here")
            for verb in ("break", "build", "work on", "handle")
        ),
        "What does a test engineer here actually break?",
    )
    _check(name, method, asked, WORK_TOPICS)


@pytest.mark.parametrize(("name", "method"), list(itertools.product(SCENARIOS, METHODS)))
def test_hedges_are_not_questions(name: str, method: str) -> None:
    generic = {r for replies in GENERIC_REPLIES.values() for r in replies}
    for answer in HEDGES:
        line = _reply(name, method, answer)
        said = set(line.parts) & (_deflections(name) | generic)
        assert not said, (answer, line.text)


@pytest.mark.parametrize(("name", "method"), list(itertools.product(SCENARIOS, METHODS)))
def test_a_question_pointing_back_is_about_his_line(name: str, method: str) -> None:
    """ "What do they carry?" after any of his lines: answered from the topic nearest that line,
    never deflected."""
    scenario = _scenario(name)
    for node in list(scenario.nodes.values())[:8]:
        if not node.branches:
            continue
        for answer in ("Never, what do they carry?", "How big are they?", "who uses it?"):
            runner = Runner(scenario, seed=3, start=node.id)
            runner._matcher = _matcher(name, method)
            runner._shared = False
            line = runner.advance(
                node.branches[-1].frame or "neutral", {"seeker_question"}, answer=answer
            )
            assert not _deflections(name).intersection(line.parts), (node.id, answer, line.text)


@pytest.mark.parametrize(("name", "method"), list(itertools.product(SCENARIOS, METHODS)))
def test_out_of_scope_is_still_not_answered_with_a_topic(name: str, method: str) -> None:
    """Pay, visas, private life: never an in-scope answer through these wordings."""
    asked = (
        "Is the salary a dealbreaker?",
        "Do you hire people who need visa sponsorship?",
        "What do you do at the weekend?",
        "What are you doing for fun outside of work?",
    )
    scenario = _scenario(name)
    for answer in asked:
        topic = choose(_matcher(name, method), questions_in(answer), scenario).topic
        assert topic not in FIT_TOPICS - {"hiring", "hiring_process"} | PRODUCT_TOPICS, (
            answer,
            topic,
        )


def test_in_person_fallback_claims_no_answer() -> None:
    """The "own" fallback fits any question about his work: it names no time frame."""
    for reply in GENERIC_REPLIES["own"]:
        assert not STOCK_CLAIMS.search(reply), reply
        assert not re.search(r"\b(?:week|month|day|year)s?\b", reply, re.I), reply
