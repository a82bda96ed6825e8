"""Paths and small builders shared by the framing tests."""

from __future__ import annotations

from pathlib import Path

from app.framing import Turn

DATA = Path(__file__).resolve().parents[2] / "data" / "framing"
DEV = DATA / "answers.jsonl"
HOLDOUT = DATA / "answers_holdout.jsonl"
CONVERSATIONS = DATA / "conversations.jsonl"


def talk(*lines: str) -> list[Turn]:
    """Alternate manager and seeker turns, the manager first."""
    return [Turn("manager" if i % 2 == 0 else "seeker", text) for i, text in enumerate(lines)]
