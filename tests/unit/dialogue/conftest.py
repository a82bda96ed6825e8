"""Fixtures for the scenario tests: the shipped folder and a way to write small scenarios."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SHIPPED = REPO / "dialogues"
BROKEN = REPO / "tests" / "data" / "broken_scenarios"
#: Every shipped scenario's id.
SCENARIOS = sorted(p.stem for p in SHIPPED.glob("*.yaml") if not p.stem.endswith(".plan"))


@cache
def shipped_scenario(name: str):  # type: ignore[no-untyped-def]
    """A shipped scenario, loaded once per test session."""
    from app.dialogue import load_scenario

    return load_scenario(SHIPPED / f"{name}.yaml")


@cache
def shipped_matcher(name: str, method: str = "meaning"):  # type: ignore[no-untyped-def]
    """A shipped scenario's knowledge matcher, by meaning (the shared encoder) or by words."""
    from app.dialogue import KnowledgeMatcher
    from app.framing.encoder import shared_encoder

    encoder = shared_encoder(wait=True) if method == "meaning" else None
    return KnowledgeMatcher(shipped_scenario(name).knowledge, encoder)


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
