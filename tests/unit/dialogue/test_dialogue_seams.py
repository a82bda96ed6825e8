"""The seams between a knowledge answer and the scripted line after it (trial 8: H1, H2, H6,
H22, H31, H24), as classes over every shipped scenario, every node, every branch and each kind
of question (a topic's own example, a pay question, a question nothing answers), through the
runner:

- no bridge at the seeker's first question, and none after an answer into a line that opens
  with a question; never "So, where were we?" or "But that's enough of that." (H22);
- the answer and the line never say the same thing twice, by meaning: the sentence model's
  cosine, read here independently of the runner (H1), and a statement of the line before its
  question is not about what was just told (H2);
- a deflected pay or start-date question is never followed by the persona's own question
  about pay in the same reply, whichever phrasing of the line is said (H6);
- a line reached by a branch never opens on a bare "It's ..." whose "it" is whatever the
  seeker happened to ask about (H31);
- a retry from a pivot hears the same phrasing as the first attempt (H24).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from functools import cache

import numpy as np
import pytest
from conftest import SHIPPED

from app.dialogue import KnowledgeMatcher, ManagerLine, Runner, Scenario, load_scenario
from app.dialogue.asking import LATER_REPLIES, PAY_ASIDES
from app.dialogue.bridges import AFTER_ANSWER, ALL, TURN_BACKS
from app.dialogue.words import plain_terms, sentences
from app.framing.encoder import shared_encoder

SCENARIOS = sorted(p.stem for p in SHIPPED.glob("*.yaml") if not p.stem.endswith(".plan"))
BANNED = ("So, where were we?", "But that's enough of that.")
PAY_QUESTIONS = (
    "What's the salary range?",
    "What does it pay?",
    "How much would the role pay?",
    "Is the team hiring? What's the salary?",
)
#: The persona asking the seeker about money (read by hand, not by the runner's own rules).
ASKS_PAY = re.compile(
    r"(?<!better\s)\bpaid\b|\bsalar(?:y|ies)\b|\bearn(?:ing)?\b|\bwhat\s+number\b|\bmoney\b"
    r"|\bpackage\b|\bwhat\s+are\s+you\s+on\b|\b(?:sort\s+of|any|its)\s+pay\b"
    r"|\bpay\s+(?:range|band|or\s+hours)\b",
    re.I,
)
OFF_TOPIC = ("What's the weather like there?", "Who does your graphic design?")


@cache
def _scenario(name: str) -> Scenario:
    return load_scenario(SHIPPED / f"{name}.yaml")


@cache
def _matcher(name: str) -> KnowledgeMatcher:
    return KnowledgeMatcher(_scenario(name).knowledge, shared_encoder(wait=True))


def _runner(name: str, start: str, seed: int) -> Runner:
    runner = Runner(_scenario(name), seed=seed, start=start)
    runner._matcher = _matcher(name)
    runner._shared = False
    return runner


def _questions(name: str, rng: random.Random, target: str) -> list[str]:
    """Each kind of question for answers leading to node `target`: the topics' examples whose
    answers share a word with the target's lines (where a repeat could happen), two more
    topics at random, a pay question and a question nothing answers."""
    scenario = _scenario(name)
    said = {t for line in scenario.nodes[target].lines for t in plain_terms(line)}
    near = [
        t.questions[0]
        for t in scenario.knowledge.topics
        if any(said & set(plain_terms(a)) for a in t.answers)
    ]
    others = [t.questions[0] for t in scenario.knowledge.topics]
    return [
        *near[:3],
        *rng.sample(others, min(1, len(others))),
        rng.choice(PAY_QUESTIONS),
        rng.choice(OFF_TOPIC),
    ]


def _replies(name: str) -> Iterator[tuple[bool, str, ManagerLine]]:
    """(first question?, question, reply) at every node, by each branch, each question kind;
    the questions are heard in turn as the seeker's first answer and as a later one."""
    scenario = _scenario(name)
    rng = random.Random(name)
    for node in scenario.nodes.values():
        for branch in node.branches:
            cues = {*branch.cues, "seeker_question"}
            for i, question in enumerate(_questions(name, rng, branch.goto)):
                first = i % 2 == 0  # each kind heard as a first answer and as a later one
                runner = _runner(name, node.id, rng.randrange(1000))
                if not first:
                    runner._heard = 3
                reply = runner.advance(branch.frame or "neutral", cues, answer=question)
                yield first, question, reply


@cache
def _all_replies(name: str) -> tuple[tuple[bool, str, ManagerLine], ...]:
    return tuple(_replies(name))


def _told_and_rest(scenario: Scenario, reply: ManagerLine) -> tuple[list[str], str] | None:
    """The knowledge answer's parts and the scripted rest, for a reply that answered a topic."""
    if not reply.parts or reply.topic in (None, "") or reply.topic == "deflected":
        return None
    topic = scenario.knowledge.topic(reply.topic)
    if topic is None:
        return None
    told = [p for p in reply.parts if p in topic.answers]
    return (told, reply.parts[-1]) if told else None


@pytest.mark.parametrize("name", SCENARIOS)
def test_bridges_fit_what_came_before(name: str) -> None:
    scenario = _scenario(name)
    bad = []
    answered = 0
    for first, question, reply in _all_replies(name):
        parts = reply.parts
        bridges = [p for p in parts if p in ALL]
        if any(b in BANNED for b in bridges):
            bad.append(("banned", question, parts))
        found = _told_and_rest(scenario, reply)
        if found is None or scenario.knowledge.bridges:
            continue
        answered += 1
        spoken = [p for p in parts if p in (*AFTER_ANSWER, *TURN_BACKS)]
        if first and spoken:
            bad.append(("first question", question, parts))
        rest = sentences(found[1])[0] if found[1] else ""
        if rest.endswith("?") and any(p in AFTER_ANSWER for p in spoken):
            bad.append(("before a question", question, parts))
    assert answered, name
    assert not bad, bad[:5]


def _cosines(a: list[str], b: list[str]) -> np.ndarray:
    encoder = shared_encoder(wait=True)
    assert encoder is not None
    vectors = encoder.encode([*a, *b])
    return np.asarray(vectors[: len(a)] @ vectors[len(a) :].T)


@pytest.mark.parametrize("name", SCENARIOS)
def test_an_answer_and_the_line_after_it_never_say_the_same_thing(name: str) -> None:
    scenario = _scenario(name)
    bad: list[tuple[object, ...]] = []
    for _first, question, reply in _all_replies(name):
        found = _told_and_rest(scenario, reply)
        if found is None:
            continue
        told = [s for t in found[0] for s in sentences(t) if plain_terms(s)]
        rest = sentences(found[1])
        said = [s for s in rest if plain_terms(s)]
        if not told or not said:
            continue
        cos = _cosines(told, said)
        for i, t in enumerate(told):
            for j, s in enumerate(said):
                shared = set(plain_terms(t)) & set(plain_terms(s))
                if cos[i, j] >= 0.75 and shared:
                    bad.append(("same", question, t, s, round(float(cos[i, j]), 2)))
        # a statement before the line's question, about what was just told: a re-introduction
        ask = next((k for k, s in enumerate(rest) if s.endswith("?")), None)
        before = [s for s in rest[: ask or 0] if plain_terms(s)]
        if before:
            cos = _cosines(told, before)
            if (cos >= 0.6).any():  # the runner leaves such statements out from 0.5
                bad.append(("retold before asking", question, found[1]))
    assert not bad, bad[:5]


@pytest.mark.parametrize("name", SCENARIOS)
def test_a_deflected_pay_question_is_not_followed_by_a_pay_question(name: str) -> None:
    """Every phrasing of every line, after each pay question: the persona defers pay or asks
    the seeker about it, never both in one breath."""
    scenario = _scenario(name)
    deferring = {*LATER_REPLIES, *PAY_ASIDES}
    bad = []
    checked = 0
    for node in scenario.nodes.values():
        for text in node.lines:
            asks = [s for s in sentences(text) if s.endswith("?") and ASKS_PAY.search(s)]
            line = ManagerLine(node_id=node.id, text=text, is_end=node.is_end)
            for question in PAY_QUESTIONS:
                runner = _runner(name, node.id, len(question))
                reply = runner._answering([question], (), line)
                if reply is None:
                    continue
                checked += 1
                if asks and deferring & set(reply.parts):
                    bad.append((node.id, question, reply.text))
    assert checked
    assert not bad, bad[:5]


#: "It's ..." opening a line on a topic nobody named ("It's a mix."): the "it" would be
#: whatever the seeker asked about just before. ("It's early days" is a set phrase.)
_BARE_IT = re.compile(
    r"^\W*it(?:'s|\s+is|\s+was)\s+"
    r"(?!early\s+days|been\b|fine\b|true\b|(?:really\s+|so\s+)?(?:good|great|nice|lovely)\b)",
    re.I,
)


@pytest.mark.parametrize("name", SCENARIOS)
def test_no_line_reached_by_a_branch_opens_on_a_bare_it(name: str) -> None:
    scenario = _scenario(name)
    reached = {b.goto for n in scenario.nodes.values() for b in n.branches}
    bad = [
        (node.id, text)
        for node in scenario.nodes.values()
        if node.id in reached
        for text in node.lines
        if _BARE_IT.match(text)
    ]
    assert not bad, bad


def test_the_trial_moments() -> None:
    """H1, H2 and H6 as the trial met them."""
    name = "connector-intro"
    runner = _runner(name, "hello", 1)
    reply = runner.advance(
        "exploration",
        {"seeker_question"},
        answer="I'm not sure yet. What does your team actually work on day to day?",
    )
    assert "I look after the data platform" not in reply.text, reply.text  # H2
    assert not set(reply.parts) & {*BANNED, *TURN_BACKS}, reply.parts  # first question
    opens_up = _scenario(name).nodes["opens_up"]
    for text in opens_up.lines:  # H1: "Right now it's plumbing" then "it's mostly plumbing"
        runner = _runner(name, "opens_up", 3)
        runner._heard = 4
        line = ManagerLine(node_id="opens_up", text=text, is_end=False)
        plumbing = runner._answering(
            ["What would the first few months look like for the person who joins?"], (), line
        )
        said = plumbing.text if plumbing is not None else text
        assert said.lower().count("plumbing") <= 1, said
    coffee = _scenario("coffee-referral")
    node = coffee.nodes["screening_salary"]
    for text in node.lines:
        runner = _runner("coffee-referral", node.id, 2)
        line = ManagerLine(node_id=node.id, text=text, is_end=False)
        paid = runner._answering(["What's the salary range for a PM at Fernhill?"], (), line)
        assert paid is None or not {*LATER_REPLIES, *PAY_ASIDES} & set(paid.parts), paid


@pytest.mark.parametrize("name", SCENARIOS)
def test_a_retry_hears_the_same_phrasing_at_its_pivot(name: str) -> None:
    """Each pivotal node (and the start), each phrasing, many seeds: a runner told what the
    first attempt heard starts on that phrasing, also after a knowledge answer before it, and
    says that answer again too."""
    scenario = _scenario(name)
    nodes = [n for n in scenario.nodes.values() if n.pivotal or n.id == scenario.start]
    assert nodes
    for node in nodes:
        for text in node.lines:
            for seed in range(6):
                runner = Runner(scenario, seed=seed, start=node.id)
                assert runner.say_again(f"Some answer first. {text}")
                # the whole reply again, word for word (session 11 D6), the line its prompt
                assert runner.line().text == f"Some answer first. {text}"
                assert runner.line().prompt == text
