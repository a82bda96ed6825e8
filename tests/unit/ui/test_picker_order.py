"""The picker's order, on the shipped scenarios and on ones without `order` (no window)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.dialogue import Scenario, load_scenarios
from app.dialogue.loader import installed_scenario_dirs
from app.dialogue.model import DIFFICULTIES
from app.ui.picker import STORY_SCENARIO, ordered


@pytest.fixture(scope="module")
def shipped() -> list[Scenario]:
    scenarios, _problems = load_scenarios(installed_scenario_dirs())
    assert len(scenarios) >= 6
    return scenarios


def test_shipped_scenarios_start_with_the_story(shipped: list[Scenario]) -> None:
    """The story's scenario is first; the rest follow their `order`."""
    listed = ordered(list(reversed(shipped)))
    assert listed[0].id == STORY_SCENARIO
    orders = [s.order for s in listed if s.order is not None]
    assert orders == sorted(orders)


def test_without_order_the_story_comes_first_then_gentle_to_tough(
    shipped: list[Scenario],
) -> None:
    """Scenarios that set no `order` (a user's own): story first, then by difficulty."""
    bare = [replace(s, order=None) for s in reversed(shipped)]
    listed = ordered(bare)
    assert listed[0].id == STORY_SCENARIO
    ranks = [DIFFICULTIES.index(s.difficulty) for s in listed[1:]]
    assert ranks == sorted(ranks)


def test_ordered_scenarios_come_before_unordered_ones(shipped: list[Scenario]) -> None:
    """A user's scenario without `order` is listed after every shipped one that has one."""
    mine = replace(shipped[0], id="my-own", order=None, difficulty="gentle")
    listed = ordered([mine, *shipped])
    where = [s.id for s in listed].index("my-own")
    assert all(s.order is None for s in listed[where:])
