"""Fixtures for the reliability tests: a real scenario (the size-limited folder, `tmpfs`, is in
tests/conftest.py; `fill` and `remount` in tests/disks.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.dialogue import Scenario, load_scenario

REPO = Path(__file__).resolve().parents[2]
SCENARIO_FILE = REPO / "dialogues" / "coffee-referral.yaml"


@pytest.fixture
def scenario() -> Scenario:
    """A shipped scenario with enough turns to fill a disk half-way through."""
    return load_scenario(SCENARIO_FILE)
