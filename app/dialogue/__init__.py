"""Scenarios: the format a coach writes, its checks, and the runner that walks one rehearsal.

Pure Python: no Qt here, so the same scenarios drive the GUI, the command line and the tests.
"""

from __future__ import annotations

from app.dialogue.loader import (
    expand_paths,
    find_scenario,
    installed_scenario_dirs,
    load_scenario,
    load_scenarios,
    validate_file,
    validate_paths,
)
from app.dialogue.model import (
    DIFFICULTIES,
    OUTCOME_KINDS,
    Branch,
    CoachNote,
    ManagerLine,
    Node,
    Outcome,
    Persona,
    Scenario,
    VoiceSettings,
)
from app.dialogue.problems import Problem, ScenarioError
from app.dialogue.runner import Runner

__all__ = [
    "DIFFICULTIES",
    "OUTCOME_KINDS",
    "Branch",
    "CoachNote",
    "ManagerLine",
    "Node",
    "Outcome",
    "Persona",
    "Problem",
    "Runner",
    "Scenario",
    "ScenarioError",
    "VoiceSettings",
    "expand_paths",
    "find_scenario",
    "installed_scenario_dirs",
    "load_scenario",
    "load_scenarios",
    "validate_file",
    "validate_paths",
]
