"""Scenarios: the format a coach writes, its checks, and the runner that walks one rehearsal.

Pure Python: no Qt here, so the same scenarios drive the GUI, the command line and the tests.
"""

from __future__ import annotations

from app.dialogue.knowledge import KnowledgeMatcher, TopicMatch, matcher_for
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
    DEFLECTED,
    DIFFICULTIES,
    OUTCOME_KINDS,
    Branch,
    CoachNote,
    Knowledge,
    ManagerLine,
    Node,
    Outcome,
    Persona,
    Scenario,
    Topic,
    VoiceSettings,
)
from app.dialogue.problems import Problem, ScenarioError
from app.dialogue.runner import Runner

__all__ = [
    "DEFLECTED",
    "DIFFICULTIES",
    "OUTCOME_KINDS",
    "Branch",
    "CoachNote",
    "Knowledge",
    "KnowledgeMatcher",
    "ManagerLine",
    "Node",
    "Outcome",
    "Persona",
    "Problem",
    "Runner",
    "Scenario",
    "ScenarioError",
    "Topic",
    "TopicMatch",
    "VoiceSettings",
    "expand_paths",
    "find_scenario",
    "installed_scenario_dirs",
    "load_scenario",
    "load_scenarios",
    "matcher_for",
    "validate_file",
    "validate_paths",
]
