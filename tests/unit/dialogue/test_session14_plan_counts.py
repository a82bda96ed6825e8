"""Session 14: a failing golden plan words its left-over answers in agreement ("1 answer not
used", "3 answers not used"; it said "answer(s)"), generated over 1-6 answers past the end
through the real conversation engine."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.testing.plans import run_case

ENDING = ["I came to hear how people got into data work", "Yes!", "Not really"]
PLAN = {"scenario": "connector-intro", "seed": 0}
DIALOGUES = Path(__file__).resolve().parents[3] / "dialogues"


def _ended_after(answers: list[str]) -> int | None:
    """How many answers the conversation took before it ended (None: it did not)."""
    from app.dialogue import find_scenario
    from app.session.conversation import Conversation

    conv = Conversation(find_scenario("connector-intro", [DIALOGUES]), None, seed=0)
    conv.begin()
    for used, answer in enumerate(answers):
        if conv.reached_end:
            return used
        conv.answer(answer)
    return len(answers) if conv.reached_end else None


@pytest.mark.parametrize("extra", range(1, 7))
def test_left_over_answers_are_counted_in_agreement(extra: int) -> None:
    answers = ENDING + ["ok"] * 12
    took = _ended_after(answers)
    assert took is not None, "the conversation should end on these answers"
    answers = answers[:took] + ["ok"] * extra
    case = {"name": "x", "answers": answers, "outcome": "never-this-one"}
    problems = run_case(DIALOGUES / "connector-intro.plan.yaml", PLAN, case)
    text = "\n".join(problems)
    assert "(s)" not in text, text
    found = re.findall(r"(\d+) (answers?) not used", text)
    assert found == [(str(extra), "answer" if extra == 1 else "answers")], text
