"""How a reply is stitched from a knowledge answer and the scripted line, over every shipped
scenario, every branch of sampled nodes and each topic's example questions:

- the knowledge answer never says what the line after it says again ("Trust. Once a doctor
  sees one wrong number ..." then "The hard part is getting doctors to trust the numbers");
- "that's the short version" is said only before an ending;
- a reaction ("Ha, I like that.", "That makes sense.") only opens a reply, answering the
  seeker's own words, never after the manager's own answer, and an echo of the seeker
  ("..., too.") is not said once the reaction it went with is left out.
"""

from __future__ import annotations

import random
from functools import cache

import pytest
from conftest import SHIPPED

from app.dialogue import DEFLECTED, KnowledgeMatcher, Runner, Scenario, load_scenario
from app.dialogue.model import _ECHO, _REACTS, split_reaction
from app.dialogue.runner import _repeats
from app.dialogue.words import sentences
from app.framing.encoder import shared_encoder

SCENARIOS = sorted(p.stem for p in SHIPPED.glob("*.yaml") if not p.stem.endswith(".plan"))
SHORT_VERSION = "that's the short version"


@cache
def _scenario(name: str) -> Scenario:
    return load_scenario(SHIPPED / f"{name}.yaml")


@cache
def _matcher(name: str) -> KnowledgeMatcher:
    return KnowledgeMatcher(_scenario(name).knowledge, shared_encoder(wait=True))


def _replies(name: str):  # type: ignore[no-untyped-def]
    """(question, reply) for sampled topic questions at every node, by each of its branches."""
    scenario = _scenario(name)
    rng = random.Random(name)
    talking = [n for n in scenario.nodes.values() if n.branches]
    questions = [q for t in scenario.knowledge.topics for q in t.questions]
    for node in talking:
        for branch in node.branches:
            cues = {*branch.cues, "seeker_question"}
            for question in rng.sample(questions, min(4, len(questions))):
                runner = Runner(scenario, seed=rng.randrange(1000), start=node.id)
                runner._matcher = _matcher(name)
                runner._shared = False
                line = runner.advance(branch.frame or "neutral", cues, answer=question)
                yield question, line


@pytest.mark.parametrize("name", SCENARIOS)
def test_replies_are_stitched_without_repeats_or_stray_words(name: str) -> None:
    scenario = _scenario(name)
    bad = []
    for question, line in _replies(name):
        if line.topic is None or len(line.parts) < 2:
            continue
        rest = line.prompt
        answer = next(
            (p for t in scenario.knowledge.topics for p in t.answers if p in line.parts), None
        )
        # a sentence of the answer said again by a sentence of the rest (words shared across
        # the whole of a long line are no repeat: session 11 D7 keeps such answers)
        if (
            answer is not None
            and rest
            and any(_repeats([a], r) for a in sentences(answer) for r in sentences(rest))
        ):
            bad.append(("repeats", question, line.text))
        if not line.is_end and any(SHORT_VERSION in p for p in line.parts):
            bad.append(("short version mid-talk", question, line.text))
        for part in line.parts[1:]:
            if _REACTS.match(part + " "):
                bad.append(("reaction after his own words", question, line.text))
            if _ECHO.match(part):
                bad.append(("echo with nothing to attach to", question, line.text))
    assert not bad, bad[:8]


def test_a_reaction_of_several_words_is_split_off() -> None:
    for reaction in ("Ha, I like that.", "Oh, nice!", "Ha, okay.", "Right, got it."):
        assert split_reaction(f"{reaction} I run the platform team.") == (
            reaction,
            "I run the platform team.",
        )


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        (
            "That makes sense. It took me a while to find where I fit, too. And you?",
            "It took me a while to find where I fit. And you?",
        ),
        (
            "Nice. I started out in a lab as well. What about you?",
            "I started out in a lab. What about you?",
        ),
        ("Great. Are you coming too?", "Are you coming too?"),
        ("Oh, nice! Me as well.", "Me as well."),
    ],
)
def test_an_echo_goes_with_its_reaction(line: str, rest: str) -> None:
    assert split_reaction(line) is not None
    assert split_reaction(line)[1] == rest  # type: ignore[index]


@pytest.mark.parametrize("name", SCENARIOS)
def test_a_long_pitch_asking_nothing_gets_no_deflection(name: str) -> None:
    """A pasted or rambling pitch with no question mark (word salad included, where word order
    alone looks like questions: "have I and I have I at") is not answered as if asked."""
    scenario = _scenario(name)
    rng = random.Random(name)
    said = " ".join(a for t in scenario.knowledge.topics for a in t.answers).split()
    node = next(n for n in scenario.nodes.values() if n.branches)
    for size in (61, 120, 400, 3000):
        words = [
            rng.choice([*said, "have", "I", "and", "is", "what", "do", "you"]) for _ in range(size)
        ]
        for text in (
            " ".join(words),
            ". ".join(" ".join(words[i : i + 12]) for i in range(0, size, 12)),
        ):
            runner = Runner(scenario, seed=size, start=node.id)
            runner._matcher = _matcher(name)
            runner._shared = False
            line = runner.advance("interview", {"self_promotion"}, answer=text.replace("?", ""))
            assert line.topic != DEFLECTED, (text[:120], line.text)
