"""A line opening by acknowledging the question ("Good question.") takes the answer after its
acknowledgement; a line that merely holds the word ("Okay, different question.", "Writing
questions is easy.") is no acknowledgement, and no reply acknowledges twice. Generated over every
line of the shipped scenarios."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SHIPPED

from app.dialogue import Runner, load_scenario
from app.dialogue.model import ManagerLine, opens_with_acknowledgement, split_acknowledgement

_SCENARIOS = sorted(p for p in SHIPPED.glob("*.yaml") if not p.name.endswith(".plan.yaml"))
_ACKS = ("Good question.", "Ooh, good question.", "Ha, fair question.", "Great question, that.")
_NOT_ACKS = (
    "Okay, different question.",
    "Honestly, writing questions is easy.",
    "We ask a lot of questions.",
    "Kids' questions are the best part.",
    "Next question.",
)
_QUESTIONS = ("What surprised you most?", "Do you miss teaching?", "What's the parking like?")
#: A sentence of a reply that acknowledges a question.
_SENTENCE = re.compile(r"[^.!?]+[.!?]+")


def test_acknowledgements_are_the_forms_not_the_word() -> None:
    for ack in _ACKS:
        assert opens_with_acknowledgement(f"{ack} We run the record."), ack
        assert split_acknowledgement(f"{ack} We run the record.") == (ack, "We run the record.")
    for line in _NOT_ACKS:
        assert not opens_with_acknowledgement(line), line
        assert split_acknowledgement(f"{line} What do you think?") is None, line


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_no_reply_acknowledges_twice(path: Path) -> None:
    scenario = load_scenario(path)
    for node in scenario.nodes.values():
        for text in node.lines:
            for lead in ("", "Good question. "):
                line = ManagerLine(node_id=node.id, text=lead + text, is_end=node.is_end)
                for question in _QUESTIONS:
                    reply = Runner(scenario, seed=3)._answering([question], (), line)
                    if reply is None:
                        continue
                    acks = [
                        s
                        for s in _SENTENCE.findall(reply.text)
                        if opens_with_acknowledgement(s.strip())
                    ]
                    assert len(acks) <= 1, (node.id, question, reply.text)
