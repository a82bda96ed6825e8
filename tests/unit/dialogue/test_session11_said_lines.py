"""Session 11 (a newcomer's trial), over every shipped scenario, through the runner:

- D4: the manager never retells what he already said in one conversation. A knowledge answer
  said once is never said again, nor another one that says the same thing or stands on the same
  theme word ("Trust. Once a doctor ..."), nor a scripted statement before a question that
  does ("... whether the doctors can trust the numbers"): he points back briefly instead.
- D6: "Try again from here" replays the exact reply the first attempt heard at its pivot,
  answer to the seeker's question included: the same words, parts and prompt.
- D7: every manager describes his product or work when asked ("What are you building?", "So
  what do you actually do?"), and a scripted line that tells part of it does not swallow the
  answer: its overlapping statements are left out instead.

Generated: random conversations (seeds x turns of topic questions, repeats, statements), every
node x branch x question wording; the judge of "the same thing" is read here (sentence model
cosine, shared words, the theme word), independently of the runner's own checks.
"""

from __future__ import annotations

import itertools
import random
from functools import cache

import numpy as np
import pytest
from conftest import SHIPPED

from app.dialogue import KnowledgeMatcher, ManagerLine, Runner, Scenario, load_scenario
from app.dialogue.asking import GENERIC_REPLIES
from app.dialogue.model import DEFLECTED
from app.dialogue.words import plain_terms, sentences
from app.framing.encoder import shared_encoder
from app.framing.vocabulary import FRAMES, SEEKER_CUES

SCENARIOS = sorted(p.stem for p in SHIPPED.glob("*.yaml") if not p.stem.endswith(".plan"))
STOCK = {r for replies in GENERIC_REPLIES.values() for r in replies}
STATEMENTS = ("Mostly reporting, honestly.", "I see.", "That makes sense to me.")


@cache
def _scenario(name: str) -> Scenario:
    return load_scenario(SHIPPED / f"{name}.yaml")


@cache
def _matcher(name: str) -> KnowledgeMatcher:
    return KnowledgeMatcher(_scenario(name).knowledge, shared_encoder(wait=True))


def _runner(name: str, seed: int, start: str | None = None) -> Runner:
    runner = Runner(_scenario(name), seed=seed, start=start)
    runner._matcher = _matcher(name)
    runner._shared = False
    return runner


def _conversation(name: str, seed: int, turns: int = 14) -> list[tuple[str, ManagerLine]]:
    """(what the seeker said, the reply) for one random conversation: topic questions, often a
    topic asked again in other words, and statements."""
    scenario = _scenario(name)
    rng = random.Random(f"{name}-{seed}")
    runner = _runner(name, seed)
    said: list[tuple[str, ManagerLine]] = [("", runner.line())]
    asked: list[str] = []
    topics = list(scenario.knowledge.topics)
    for _ in range(turns):
        if runner.finished:
            break
        roll = rng.random()
        if asked and roll < 0.3:  # the same topic again, in another of its wordings
            again = rng.choice(asked)
            topic = next(t for t in topics if t.id == again)
            answer = rng.choice(topic.questions)
        elif roll < 0.85:
            topic = rng.choice(topics)
            asked.append(topic.id)
            answer = rng.choice(topic.questions)
        else:
            answer = rng.choice(STATEMENTS)
        cues = set(rng.sample(sorted(SEEKER_CUES), rng.randint(0, 2)))
        said.append((answer, runner.advance(rng.choice(FRAMES), cues, answer=answer)))
    return said


@cache
def _vectors(texts: tuple[str, ...]) -> np.ndarray:
    encoder = shared_encoder(wait=True)
    assert encoder is not None
    return np.asarray(encoder.encode(list(texts)))


def _same(a: str, b: str) -> bool:
    """Two sentences say the same thing (read here): close in meaning and sharing a word."""
    if not set(plain_terms(a)) & set(plain_terms(b)):
        return False
    va, vb = _vectors((a, b))
    return float(va @ vb) >= 0.8


#: Openings that are no theme: a reply word, not a subject ("Yes.", "Honestly.").
REPLY_WORDS = set(plain_terms("yes no sure honestly well okay sorry right yeah absolutely"))


def _theme(answer: str) -> set[str]:
    """The word or two a knowledge answer stands on when it opens with them ("Trust.")."""
    parts = sentences(answer)
    words = set(plain_terms(parts[0])) - REPLY_WORDS if len(parts) > 1 else set()
    return words if 0 < len(words) <= 2 and parts[0].count(" ") <= 2 else set()


def _answers(scenario: Scenario) -> dict[str, str]:
    return {a: t.id for t in scenario.knowledge.topics for a in t.answers}


@pytest.mark.parametrize("name", SCENARIOS)
def test_he_never_retells_what_he_already_said(name: str) -> None:
    scenario = _scenario(name)
    answers = _answers(scenario)
    bad: list[tuple[str, ...]] = []
    for seed in range(16):
        spoken: list[str] = []  # every non-stock part said so far
        told: list[str] = []  # the knowledge answers said so far
        for question, reply in _conversation(name, seed):
            for part in reply.parts:
                if part in STOCK:
                    continue
                if part in answers:
                    if part in spoken:
                        bad.append(("said twice", question, part))
                    for earlier in spoken:
                        if earlier in answers and answers[earlier] == answers[part]:
                            continue  # the same topic's other variant: judged by "said twice"
                        pairs = itertools.product(sentences(part), sentences(earlier))
                        if any(_same(x, y) for x, y in pairs):
                            bad.append(("retold", question, part, earlier))
                            break
                else:  # a scripted statement before his question, after an answer he gave
                    line = sentences(part)
                    ask = next((i for i, s in enumerate(line) if s.endswith("?")), None)
                    for statement in line[: ask or 0]:
                        for earlier in told:
                            theme = _theme(earlier)
                            if theme and theme <= set(plain_terms(statement)):
                                bad.append(("theme again", question, earlier, statement))
                if part in answers:
                    told.append(part)
                spoken.append(part)
    assert not bad, bad[:5]


@pytest.mark.parametrize("name", SCENARIOS)
def test_a_retry_replays_the_exact_reply_at_its_pivot(name: str) -> None:
    scenario = _scenario(name)
    checked = answered = 0
    for seed in range(12):
        history = _conversation(name, seed, turns=10)
        for i, (_question, reply) in enumerate(history):
            node = scenario.nodes[reply.node_id]
            if node.is_end:
                continue
            before = [r.text for _q, r in history[:i]]
            runner = _runner(name, seed + 1000, start=node.id)  # a retry's seed is new
            assert runner.say_again(reply.text, before=before), reply.text
            again = runner.line()
            # the same words; the parts may split them otherwise ("Right." said as a bridge, or
            # as the line's own reaction: the same sound) and the prompt with or without it
            assert again.text == reply.text, (reply, again)
            assert set(again.parts) <= set(runner.scenario.manager_lines()), again.parts
            assert again.prompt.endswith(reply.prompt) or reply.prompt.endswith(again.prompt)
            checked += 1
            answered += reply.topic not in (None, DEFLECTED)
    assert checked >= 40, checked
    assert answered >= 5, answered


WORK_QUESTIONS = (
    "What are you building?",
    "So what do you actually do?",
    "What do you do there?",
    "What does your team do?",
    "What does the company do?",
    "What do you work on, day to day?",
    "what do you guys actually do",
)
LEADS = ("", "Sorry, I missed the start. ")


@pytest.mark.parametrize("name", SCENARIOS)
def test_he_describes_his_work_and_the_line_does_not_swallow_it(name: str) -> None:
    scenario = _scenario(name)
    bad: list[tuple[str, ...]] = []
    checked = 0
    for node in scenario.nodes.values():
        for branch in node.branches:
            target = scenario.nodes[branch.goto]
            for question, lead in itertools.product(WORK_QUESTIONS, LEADS):
                runner = _runner(name, checked, start=node.id)
                reply = runner.advance(
                    branch.frame or "neutral", branch.cues, answer=f"{lead}{question}"
                )
                checked += 1
                # only a line that itself tells his work, asking nothing after, stands alone
                asks = any(s.endswith("?") for s in sentences(reply.text))
                if reply.topic == DEFLECTED or (reply.topic is None and asks):
                    bad.append((question, node.id, target.id, reply.text))
    assert checked
    assert not bad, (len(bad), bad[:5])
