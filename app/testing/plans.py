"""Golden test plans: a small YAML file beside a scenario, run by pytest.

A file named ``<anything>.plan.yaml`` is collected by the Frameshift pytest plugin. Each case
plays the scenario with the given answers through the same conversation engine as the app (the
real framing analyzer, the real runner, no window) and checks the path, the shift and the
outcome::

    scenario: connector-intro      # a scenario id: beside this file, or installed
    cases:
      - name: an eager yes tips it into an interview
        answers:
          - I came to hear how people here got into data work
          - Oh nice, what do the pipelines feed into?
          - Yes!
        path: [hello, mentions_role, asks_interest, interview_mode]   # node ids, in order
        shift: 5                   # turn index of the shift (turns count both speakers), or null
        outcome: send-resume       # outcome id; "incomplete" when the answers run out first

``path`` may list only the first nodes (a prefix); ``shift`` and ``outcome`` are optional.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

PLAN_SUFFIX = ".plan.yaml"

PLAN_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["scenario", "cases"],
    "additionalProperties": False,
    "properties": {
        "scenario": {"type": "string", "minLength": 1},
        "seed": {"type": "integer"},
        "cases": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["name", "answers"],
                "additionalProperties": False,
                "properties": {
                    "name": {"type": "string", "minLength": 1},
                    "answers": {"type": "array", "items": {"type": "string"}},
                    "path": {"type": "array", "items": {"type": "string"}},
                    "shift": {"type": ["integer", "null"], "minimum": 0},
                    "outcome": {"type": "string"},
                },
            },
        },
    },
}


class PlanError(Exception):
    """A plan file that cannot be run; the message names the file and the problem."""


def load_plan(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanError(f"{path}: cannot be read ({exc})") from exc
    except yaml.YAMLError as exc:
        raise PlanError(f"{path}: not valid YAML ({exc})") from exc
    errors = sorted(
        jsonschema.Draft202012Validator(PLAN_SCHEMA).iter_errors(data), key=lambda e: e.path
    )
    if errors:
        where = "/".join(str(p) for p in errors[0].absolute_path) or "top level"
        raise PlanError(f"{path}: {where}: {errors[0].message}")
    assert isinstance(data, dict)
    return data


def run_case(plan_path: Path, plan: dict[str, Any], case: dict[str, Any]) -> list[str]:
    """Play one case; return the differences from what the plan expects (empty: it passed)."""
    from app.dialogue import ScenarioError, find_scenario, installed_scenario_dirs
    from app.session.conversation import Conversation

    try:
        scenario = find_scenario(plan["scenario"], [plan_path.parent, *installed_scenario_dirs()])
    except ScenarioError as exc:
        return [f"scenario: {exc}"]
    conv = Conversation(scenario, None, seed=plan.get("seed", 0))
    line = conv.begin()
    heard: list[str] = [f"  manager [{line.node_id}]: {line.text!r}"]
    used = 0
    for answer in case["answers"]:
        if conv.reached_end:
            break
        result, line = conv.answer(answer)
        used += 1
        cues = ", ".join(sorted({c.cue for c in result.cues})) or "no cues"
        heard.append(f"  {answer!r} -> {result.frame} ({cues})")
        heard.append(f"  manager [{line.node_id}]: {line.text!r}")
    if conv.reached_end:
        ending = conv.outcome.label if conv.outcome else "the end"
        heard.append(f"  ended at [{line.node_id}]: {ending}")
        if used < len(case["answers"]):
            left = len(case["answers"]) - used
            heard.append(f"  {left} answer{'' if left == 1 else 's'} not used: it had ended")
    else:
        heard.append(f"  the answers ran out at [{line.node_id}], with the manager waiting")
    analysis = conv.end()
    path = list(conv.runner.path)
    problems: list[str] = []
    expected_path = case.get("path")
    if expected_path is not None and path[: len(expected_path)] != expected_path:
        problems.append(f"path: expected {expected_path}, got {path[: len(expected_path)]}")
    if "shift" in case:
        got = analysis.shift.turn if analysis.shift else None
        if got != case["shift"]:
            why = f" ({analysis.shift.cue}: {analysis.shift.explanation})" if analysis.shift else ""
            problems.append(f"shift: expected {case['shift']}, got {got}{why}")
    if "outcome" in case:
        got_outcome = conv.outcome.id if conv.reached_end and conv.outcome else "incomplete"
        if got_outcome != case["outcome"]:
            problems.append(f"outcome: expected {case['outcome']!r}, got {got_outcome!r}")
    if problems:
        problems.append("how each answer was framed (the conversation, line by line):")
        problems.extend(heard)
    return problems


class PlanFile(pytest.File):
    """A ``*.plan.yaml`` file: one test item per case."""

    def collect(self) -> Iterator[pytest.Item]:
        try:
            plan = load_plan(self.path)
        except PlanError as exc:
            yield PlanCase.from_parent(self, name="plan", plan={}, case={}, error=str(exc))
            return
        for case in plan["cases"]:
            yield PlanCase.from_parent(self, name=case["name"], plan=plan, case=case, error=None)


class PlanCase(pytest.Item):
    """One scripted rehearsal from a plan."""

    def __init__(
        self,
        *,
        plan: dict[str, Any],
        case: dict[str, Any],
        error: str | None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.plan = plan
        self.case = case
        self.error = error

    def runtest(self) -> None:
        if self.error is not None:
            raise PlanMismatchError([self.error])
        problems = run_case(self.path, self.plan, self.case)
        if problems:
            raise PlanMismatchError(problems)

    def repr_failure(self, excinfo: Any, style: Any = None) -> str:
        if isinstance(excinfo.value, PlanMismatchError):
            return "\n".join(excinfo.value.problems)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"plan case: {self.name}"


class PlanMismatchError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def collect_plan(file_path: Path, parent: pytest.Collector) -> PlanFile | None:
    if file_path.name.endswith(PLAN_SUFFIX):
        return PlanFile.from_parent(parent, path=file_path)
    return None
