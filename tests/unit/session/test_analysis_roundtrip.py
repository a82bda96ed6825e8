"""Typed analysis values round-trip through the JSON contract (store, exports, replay)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.framing import Analysis, Turn, TurnAnalysis, analyze

LINES = (
    "Are you interested in the position?",
    "What brings you here today?",
    "Tell me about your experience.",
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=80), min_size=1, max_size=6))
def test_analysis_round_trips_through_json(answers: list[str]) -> None:
    turns: list[Turn] = []
    for i, answer in enumerate(answers):
        turns += [Turn("manager", LINES[i % len(LINES)]), Turn("seeker", answer)]
    analysis = analyze(turns)
    wire = json.loads(json.dumps(analysis.to_dict()))
    assert Analysis.from_dict(wire) == analysis
    assert Analysis.from_dict(wire).to_dict() == analysis.to_dict()


def test_a_shift_and_its_cues_come_back_typed() -> None:
    analysis = analyze([Turn("manager", LINES[0]), Turn("seeker", "Yes! I'd love the job.")])
    back = Analysis.from_dict(json.loads(json.dumps(analysis.to_dict())))
    assert back.shift is not None
    assert back.shift == analysis.shift
    assert isinstance(back.turns[1], TurnAnalysis)
    assert back.turns[1].cues
    assert back.turns[1].cues == analysis.turns[1].cues


def test_a_bad_frame_is_refused_with_its_name() -> None:
    bad = {"index": 0, "speaker": "seeker", "frame": "chat", "score": 0, "cues": []}
    with pytest.raises(ValueError, match="chat"):
        TurnAnalysis.from_dict(bad)
