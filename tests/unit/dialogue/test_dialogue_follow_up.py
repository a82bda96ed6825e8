"""A follow-up with no topic of its own ("Interesting, tell me more", "How so?", "What's that
like?") is about what the manager just said: it gets the topic nearest his previous line, or the
line alone, never a deflection naming a colleague. Generated over every line of the 12 shipped
scenarios."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from conftest import SHIPPED

from app.dialogue import KnowledgeMatcher, Runner, load_scenario
from app.dialogue.asking import GENERIC_REPLIES, is_follow_up
from app.dialogue.model import ManagerLine
from app.framing.encoder import shared_encoder

_SCENARIOS = sorted(p for p in SHIPPED.glob("*.yaml") if not p.name.endswith(".plan.yaml"))
FOLLOW_UPS = (
    "Interesting, tell me more",
    "how so?",
    "What's that like?",
    "Really, how?",
    "in what way",
    "Oh wow. Can you tell me a bit more about that?",
)
NOT_FOLLOW_UPS = (
    "tell me more about the team",
    "How did you get into it?",
    "what tools do you use",
)


def test_follow_ups_are_recognised() -> None:
    assert all(is_follow_up(q) for q in FOLLOW_UPS), [q for q in FOLLOW_UPS if not is_follow_up(q)]
    assert not any(is_follow_up(q) for q in NOT_FOLLOW_UPS)


@cache
def _matcher(path: Path) -> KnowledgeMatcher:
    return KnowledgeMatcher(load_scenario(path).knowledge, shared_encoder(wait=True))


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_a_follow_up_is_about_the_manager_s_last_line(path: Path) -> None:
    scenario = load_scenario(path)
    generic = {reply for replies in GENERIC_REPLIES.values() for reply in replies}
    answered = 0
    asked = 0
    for node in scenario.nodes.values():
        for branch in node.branches[:1]:
            after = scenario.nodes[branch.goto]
            scripted = ManagerLine(node_id=after.id, text=after.lines[0], is_end=after.is_end)
            for previous in node.lines:
                for question in FOLLOW_UPS:
                    runner = Runner(scenario, seed=len(question), matcher=_matcher(path))
                    reply = runner._answering([question], (), scripted, previous=previous)
                    asked += 1
                    if reply is None:
                        continue
                    answered += 1
                    said = set(reply.parts)
                    assert reply.topic is not None, (node.id, question, reply.text)
                    assert not said & set(scenario.knowledge.deflect), (node.id, reply.text)
                    assert not said & generic, (node.id, reply.text)
    if scenario.knowledge.topics:
        assert answered >= asked // 2, (answered, asked)


def test_the_connector_s_pipelines_line_then_tell_me_more() -> None:
    """The replay seen: 'We build the pipelines ...' then 'Interesting, tell me more' was
    deflected to Lena Park; it is answered from Marcus's own work."""
    path = next(p for p in _SCENARIOS if p.stem == "connector-intro")
    scenario = load_scenario(path)
    previous = next(
        line for n in scenario.nodes.values() for line in n.lines if "pipelines that feed" in line
    )
    scripted = ManagerLine(node_id="x", text="So what brings you here?", is_end=False)
    reply = Runner(scenario, seed=1, matcher=_matcher(path))._answering(
        ["Interesting, tell me more"], (), scripted, previous=previous
    )
    assert reply is not None
    assert reply.topic is not None
    assert "Lena" not in reply.text
