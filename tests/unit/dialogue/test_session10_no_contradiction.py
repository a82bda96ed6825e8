"""Trial 10 D4: a brake never comes before a line that takes the next step itself: "Let's not
get ahead of ourselves. Okay, anyway. Should I pass your name on to our recruiter?" contradicts
itself. Every shipped line offering the next step (read by hand below), after pay, start-date
and job-request questions in many wordings: no "let's not get ahead of ourselves" before it.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from conftest import SHIPPED

from app.dialogue import Runner, Scenario, load_scenario
from app.dialogue.asking import GENERIC_REPLIES
from app.dialogue.model import ManagerLine

SCENARIOS = sorted(p.stem for p in SHIPPED.glob("*.yaml") if not p.stem.endswith(".plan"))
#: Offering the next step, read by hand: "Should I pass your name on?", "Want me to connect you?"
OFFERS = re.compile(
    r"\b(?:should|shall|can|could)\s+i\s+(?:pass|put|send|forward|introduce|refer|connect)\b"
    r"|\b(?:want|like)\s+me\s+to\s+(?:pass|put|send|forward|introduce|refer|connect)\b",
    re.I,
)
ASKED = (
    "What does it pay?",
    "What's the salary range?",
    "When could I start?",
    "How soon would I start?",
    "Could you refer me?",
    "Can I apply?",
    "Can you put me forward?",
    "When can I interview?",
)
BRAKES = {*GENERIC_REPLIES["later"], *GENERIC_REPLIES["request"]}


@cache
def _scenario(name: str) -> Scenario:
    return load_scenario(SHIPPED / f"{name}.yaml")


def _offers(scenario: Scenario) -> list[tuple[str, str]]:
    return [
        (n.id, line) for n in scenario.nodes.values() for line in n.lines if OFFERS.search(line)
    ]


def test_enough_offers() -> None:
    assert sum(len(_offers(_scenario(name))) for name in SCENARIOS) >= 8


@pytest.mark.parametrize("name", SCENARIOS)
def test_no_brake_before_an_offer(name: str) -> None:
    scenario = _scenario(name)
    bad = []
    for node_id, line in _offers(scenario):
        for question in ASKED:
            runner = Runner(scenario, seed=1)
            runner._shared = False
            scripted = ManagerLine(node_id=node_id, text=line, is_end=False)
            reply = runner._answering([question], frozenset(), scripted, previous="Hi.")
            if reply is not None and BRAKES.intersection(reply.parts):
                bad.append((question, reply.text))
    assert not bad, bad[:5]
