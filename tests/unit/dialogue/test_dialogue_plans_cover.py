"""Every shipped scenario has a golden test plan, and its cases reach every outcome.

The plans themselves (dialogues/*.plan.yaml) are run by the Frameshift pytest plugin through the
same conversation engine as the app; this only checks that none is missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import SHIPPED

from app.dialogue import expand_paths, load_scenario

SCENARIOS = expand_paths([SHIPPED])


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_plan_covers_every_outcome(path: Path) -> None:
    plan = path.with_name(f"{path.stem}.plan.yaml")
    assert plan.is_file(), f"{path.name} has no golden test plan {plan.name}"
    cases = yaml.safe_load(plan.read_text(encoding="utf-8"))["cases"]
    reached = {case.get("outcome") for case in cases}
    missing = {o.id for o in load_scenario(path).outcomes()} - reached
    assert not missing, f"{plan.name} has no case ending in {sorted(missing)}"
