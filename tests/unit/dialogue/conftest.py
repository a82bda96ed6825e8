"""Fixtures for the scenario tests: the shipped folder and a way to write small scenarios."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SHIPPED = REPO / "dialogues"
BROKEN = REPO / "tests" / "data" / "broken_scenarios"

#: A small valid scenario; tests change a line or two of it.
MINIMAL = """\
id: tiny
title: A tiny scenario
difficulty: gentle
persona:
  name: Ana Silva
  role: Hiring Manager
  company: Acme
context: Practice.
start: ask
nodes:
  ask:
    say:
      - "Are you interested in the position?"
      - "So, are you interested in the role?"
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

#: MINIMAL with two nodes before its question, each with a single unconditional branch (a warning).
CHAIN = MINIMAL.replace("start: ask", "start: hello").replace(
    "nodes:\n",
    "nodes:\n"
    "  hello:\n"
    '    say: "Hi there, what brings you here?"\n'
    "    branches:\n"
    "      - goto: middle\n"
    "  middle:\n"
    '    say: "What do you do now?"\n'
    "    branches:\n"
    "      - goto: ask\n",
)


@pytest.fixture
def write_scenario(tmp_path: Path) -> Callable[..., Path]:
    """Write scenario text to a file in a fresh folder and return its path."""

    def write(text: str = MINIMAL, name: str = "tiny.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
