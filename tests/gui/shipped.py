"""The shipped scenarios, loaded once per test process and shared read-only (a load parses and
checks every file, over a second each time): GUI tests that only need a scenario to begin a
view take it from here instead of loading them all again in every test, and a test file whose
windows only need the shipped scenarios can have each new window take them from here too
(`windows_share_the_shipped_scenarios`)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest

import app.dialogue
from app.dialogue import Problem, Scenario, installed_scenario_dirs, load_scenarios
from app.dialogue.loader import expand_paths


@cache
def _shipped() -> tuple[tuple[Scenario, ...], tuple[Problem, ...]]:
    scenarios, problems = load_scenarios(installed_scenario_dirs())
    return tuple(scenarios), tuple(problems)


def shipped_scenarios() -> tuple[Scenario, ...]:
    """Every valid shipped scenario, in load order (a tuple: callers must not change it)."""
    return _shipped()[0]


def first_scenario() -> Scenario:
    """The first shipped scenario, as `load_scenarios(installed_scenario_dirs())[0][0]` gives."""
    return shipped_scenarios()[0]


def shipped_scenario(scenario_id: str) -> Scenario:
    """The shipped scenario with this id, else the first one."""
    return next((s for s in shipped_scenarios() if s.id == scenario_id), first_scenario())


def windows_share_the_shipped_scenarios(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows built after this (`app.bootstrap.load_domain`) get the shared shipped scenarios
    when their folders hold nothing else (no user scenario file); any other load is real."""
    real = app.dialogue.load_scenarios
    shipped_dir = installed_scenario_dirs()[0]

    def once(dirs: Iterable[Path]) -> tuple[list[Scenario], list[Problem]]:
        dirs = [Path(d) for d in dirs]
        if dirs[:1] == [shipped_dir] and not expand_paths(d for d in dirs[1:] if d.is_dir()):
            scenarios, problems = _shipped()
            return list(scenarios), list(problems)
        return real(dirs)

    monkeypatch.setattr(app.dialogue, "load_scenarios", once)
