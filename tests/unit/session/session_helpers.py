"""Helpers for the session tests: a small scenario, a real store that counts its writes, and
their fixtures (imported by each test module; no conftest, whose name other folders import)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.dialogue import Scenario
from app.dialogue.loader import load_scenario
from app.store import Store

SCENARIO = """\
id: two-step
title: Two steps
difficulty: gentle
persona:
  name: Ana Silva
  role: Hiring Manager
  company: Acme
context: Practice.
start: hello
nodes:
  hello:
    say: "What brings you here today?"
    branches:
      - goto: ask
  ask:
    say: "Are you interested in the position?"
    pivotal: true
    coach: {note: "It tips here.", alternative: "I don't know yet."}
    branches:
      - cues: [commitment]
        goto: poor_end
      - frame: exploration
        goto: good_end
      - goto: neutral_end
  good_end:
    say: "Let me introduce you to Lena."
    outcome: {id: intro, label: Introduced you to Lena, kind: good}
  neutral_end:
    say: "Nice to meet you."
    outcome: {id: goodbye, label: Said goodbye, kind: mixed}
  poor_end:
    say: "Send me your resume."
    outcome: {id: resume, label: Send me your resume, kind: poor}
"""


class CountingStore(Store):
    """The real store, counting the writes made to each turn row."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.row_writes: dict[tuple[int, int], int] = {}

    def _count(self, session_id: int, idx: int) -> None:
        key = (session_id, idx)
        self.row_writes[key] = self.row_writes.get(key, 0) + 1

    def add_turn(self, session_id: int, **kwargs: Any) -> int:
        self._count(session_id, kwargs["idx"])
        return super().add_turn(session_id, **kwargs)

    def set_turn_audio(self, session_id: int, idx: int, audio_path: str | None) -> None:
        self._count(session_id, idx)
        super().set_turn_audio(session_id, idx, audio_path)

    def update_turn_analysis(self, session_id: int, idx: int, **kwargs: Any) -> None:
        self._count(session_id, idx)
        super().update_turn_analysis(session_id, idx, **kwargs)


@pytest.fixture(name="scenario")
def scenario_fixture(tmp_path: Path) -> Scenario:
    path = tmp_path / "two-step.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    return load_scenario(path)


@pytest.fixture(name="data_dir")
def data_dir_fixture(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture(name="store")
def store_fixture(data_dir: Path) -> Any:
    with CountingStore(data_dir / "frameshift.db") as opened:
        yield opened
