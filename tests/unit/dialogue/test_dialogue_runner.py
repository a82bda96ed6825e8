"""The runner: branch choice, phrasing, retries from a pivotal node."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.dialogue import Branch, Runner, load_scenario


def test_first_matching_branch_in_file_order_wins(write_scenario: Callable[..., Path]) -> None:
    """A commitment cue takes the first branch even though the frame would match the second."""
    runner = Runner(load_scenario(write_scenario()), seed=1)
    line = runner.advance("exploration", {"commitment"})
    assert runner.path == ["ask", "poor_end"]
    assert line.node_id == "poor_end"
    assert line.is_end
    assert runner.finished
    assert runner.outcome is not None
    assert runner.outcome.label == "Send me your resume"


def test_frame_branch_and_fallback(write_scenario: Callable[..., Path]) -> None:
    """An exploratory answer takes the frame branch; a neutral one falls through to the fallback."""
    scenario = load_scenario(write_scenario())
    explore = Runner(scenario, seed=0)
    explore.advance("exploration", ())
    neutral = Runner(scenario, seed=0)
    neutral.advance("neutral", {"seeker_question"})
    assert explore.path[-1] == "good_end"
    assert neutral.path[-1] == "neutral_end"


def test_branch_matching_needs_frame_and_any_cue() -> None:
    """A branch with frame and cues needs the frame and at least one of the cues."""
    branch = Branch(goto="x", frame="interview", cues=frozenset({"commitment", "job_request"}))
    assert branch.matches("interview", {"job_request", "other_focus"})
    assert not branch.matches("interview", {"other_focus"})
    assert not branch.matches("exploration", {"commitment"})
    assert Branch(goto="x").is_fallback
    assert Branch(goto="x").matches("neutral", ())


def test_same_seed_same_phrasing_and_repeat_repeats(write_scenario: Callable[..., Path]) -> None:
    """A seed fixes the variants, and asking for the line again gives the same words."""
    scenario = load_scenario(write_scenario())
    texts = {Runner(scenario, seed=seed).line().text for seed in range(40)}
    assert texts == set(scenario.nodes["ask"].lines)
    runner = Runner(scenario, seed=7)
    assert runner.line() == runner.line() == Runner(scenario, seed=7).line()


def test_retry_from_pivotal_node(write_scenario: Callable[..., Path]) -> None:
    """`start` begins at another node, so the replay can retry a pivotal moment."""
    scenario = load_scenario(write_scenario())
    runner = Runner(scenario, seed=3, start="ask")
    assert runner.path == ["ask"]
    assert runner.line().node_id == "ask"
    with pytest.raises(ValueError, match="no node 'nowhere'"):
        Runner(scenario, start="nowhere")


def test_advance_after_end_is_an_error(write_scenario: Callable[..., Path]) -> None:
    """Answering after the end is a programming error, reported clearly."""
    runner = Runner(load_scenario(write_scenario()))
    runner.advance("interview", {"commitment"})
    with pytest.raises(RuntimeError, match="ended"):
        runner.advance("exploration", ())


def test_outcome_is_none_until_the_end(write_scenario: Callable[..., Path]) -> None:
    """A conversation in progress has no outcome yet."""
    runner = Runner(load_scenario(write_scenario()))
    assert not runner.finished
    assert runner.outcome is None


def test_manager_lines_lists_every_variant_once(write_scenario: Callable[..., Path]) -> None:
    """Pre-rendering needs every phrasing, and each only once."""
    scenario = load_scenario(write_scenario())
    lines = scenario.manager_lines()
    patience = scenario.patience_lines()
    assert len(lines) == len(set(lines)) == 5 + len(patience)
    assert set(patience) <= set(lines)
    assert "So, are you interested in the role?" in lines
