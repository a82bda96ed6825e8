"""Helpers shared by the store tests (a uniquely named module, so no other conftest shadows it)."""

from __future__ import annotations

from typing import Any

from app.store import Store


def new_session(store: Store, **overrides: Any) -> int:
    """Create a session with plausible defaults; keyword arguments override them."""
    fields: dict[str, Any] = {
        "scenario_id": "coffee-chat",
        "scenario_title": "Coffee with a hiring manager",
        "persona": "Dana",
        "mode": "voice",
        "started_at": 1_700_000_000.0,
    }
    fields.update(overrides)
    return store.create_session(**fields)


def analysis(shift_turn: int | None = 3, seeker_questions: int | None = 2) -> dict[str, Any]:
    """An Analysis JSON dict shaped like the framing layer's output."""
    metrics: dict[str, Any] = {"talk_ratio": 0.5}
    if seeker_questions is not None:
        metrics["questions"] = {"seeker": {"count": seeker_questions, "turns": []}}
    return {
        "turns": [{"index": 0, "speaker": "manager", "frame": "neutral", "score": 0.0, "cues": []}],
        "shift": None
        if shift_turn is None
        else {"turn": shift_turn, "cue": "premature_commitment", "explanation": "Said yes."},
        "metrics": metrics,
    }
