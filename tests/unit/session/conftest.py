"""A small scenario, a real store on a temporary data dir, and a store that counts its writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from session_helpers import SCENARIO, CountingStore

from app.dialogue import Scenario
from app.dialogue.loader import load_scenario


@pytest.fixture
def scenario(tmp_path: Path) -> Scenario:
    path = tmp_path / "two-step.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    return load_scenario(path)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def store(data_dir: Path) -> Any:
    with CountingStore(data_dir / "frameshift.db") as opened:
        yield opened
