"""Warnings that never stop a scenario loading, and the --stats figures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import CHAIN, MINIMAL

from app.dialogue import load_scenario
from app.dialogue.lint import invites_answer, stats, warn_file


def test_invitations_without_question_marks() -> None:
    assert invites_answer("So what brings you here tonight")
    assert invites_answer("Walk me through your experience.")
    assert invites_answer("Tell me about yourself.")
    assert not invites_answer("That makes sense. I came into this from analytics myself.")
    assert not invites_answer("Here's my card.")


def test_single_unconditional_branches_in_a_row(write_scenario: Callable[..., Path]) -> None:
    warnings = warn_file(write_scenario(CHAIN))
    assert [str(w).split(": ", 1)[1] for w in warnings] == [
        "warning: nodes 'hello' and 'middle' each have a single unconditional branch in a row: "
        "two answers that change nothing; branch on frame or cues in one"
    ]
    assert all(w.warning for w in warnings)
    load_scenario(write_scenario(CHAIN))  # a warning never stops loading


def test_unreached_topic(write_scenario: Callable[..., Path]) -> None:
    """A topic whose examples, each left out, are all closer to another topic (or to none)
    is reported, with where they went."""
    knowledge = """\
knowledge:
  deflect: ["Not my area, sorry.", "No idea, ask HR."]
  topics:
    - id: tools
      questions: ["What tools do you use?", "Which tools does the team use?",
                  "What tools are popular?"]
      answers: ["Python."]
    - id: stray
      questions: ["What tools do you like?", "Really?", "What about you?"]
      answers: ["Hm."]
"""
    warnings = warn_file(write_scenario(MINIMAL + knowledge))
    assert any(
        "topic 'stray' is not reached" in str(w) and "'none', 'tools'" in str(w) for w in warnings
    ), warnings
    assert not any("topic 'tools'" in str(w) for w in warnings)


def test_stats_count_the_scenario(write_scenario: Callable[..., Path]) -> None:
    figures = stats(load_scenario(write_scenario(CHAIN)))
    assert (figures.nodes, figures.variants, figures.responsive, figures.branching) == (6, 7, 1, 3)
    assert (figures.pivotal, figures.outcomes, figures.topics) == (1, 3, 0)
