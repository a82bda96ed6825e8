"""The manager's patience lines (issue 15): said once after a long silence, pre-rendered like
every line; a scenario may give its own, otherwise the defaults."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import MINIMAL, SHIPPED

from app.dialogue import load_scenario, validate_file
from app.dialogue.model import DEFAULT_PATIENCE


def test_a_scenario_without_patience_lines_uses_the_defaults(
    write_scenario: Callable[..., Path],
) -> None:
    scenario = load_scenario(write_scenario())
    assert scenario.patience_lines() == DEFAULT_PATIENCE
    lines = scenario.manager_lines()
    assert all(text in lines for text in DEFAULT_PATIENCE)  # pre-rendered with the rest
    assert len(lines) == len(set(lines))


def test_a_scenario_may_give_its_own(write_scenario: Callable[..., Path]) -> None:
    own = ("Whenever you're ready.", "No hurry at all, have a think.")
    text = MINIMAL + "patience:\n" + "".join(f'  - "{line}"\n' for line in own)
    path = write_scenario(text)
    assert validate_file(path) == []
    scenario = load_scenario(path)
    assert scenario.patience_lines() == own
    assert all(line in scenario.manager_lines() for line in own)
    assert not any(line in scenario.manager_lines() for line in DEFAULT_PATIENCE)


def test_an_empty_or_malformed_patience_list_is_a_clear_problem(
    write_scenario: Callable[..., Path],
) -> None:
    for bad in ("patience: []\n", "patience: Take your time.\n", 'patience: [""]\n'):
        problems = validate_file(write_scenario(MINIMAL + bad))
        assert problems, bad
        assert any("patience" in str(p) for p in problems), (bad, problems)


def test_every_shipped_scenario_has_speakable_patience_lines() -> None:
    for path in sorted(SHIPPED.glob("*.yaml")):
        if path.name.endswith(".plan.yaml"):
            continue
        for line in load_scenario(path).patience_lines():
            assert line.strip() == line, (path.name, line)
            assert line.endswith((".", "!", "?")), (path.name, line)
