"""The cue table and the frames enum: one declaration each, and a missing piece fails loudly."""

from __future__ import annotations

from typing import get_args

import pytest

from app.framing import patterns as p
from app.framing.cues import manager_cues, seeker_cues
from app.framing.explain import explain_cue, explain_shift
from app.framing.model import CueMatch
from app.framing.scoring import frame_and_score
from app.framing.vocabulary import (
    CUE_SPECS,
    CUES,
    FRAMES,
    INTERVIEW_CUES,
    MANAGER_CUES,
    SEEKER_CUES,
    CueSpec,
    Frame,
    FrameName,
    cue_table,
)


def test_the_frames_enum_the_literal_and_the_tuple_agree() -> None:
    assert tuple(FrameName) == FRAMES == get_args(Frame)
    assert FrameName.INTERVIEW == "interview"


def test_every_cue_is_in_exactly_one_speakers_list() -> None:
    assert set(SEEKER_CUES) | set(MANAGER_CUES) == set(CUE_SPECS)
    assert not set(SEEKER_CUES) & set(MANAGER_CUES)
    assert len(CUES) == len(CUE_SPECS)
    assert {c.name for c in CUES if c.frame == "interview"} == INTERVIEW_CUES


@pytest.mark.parametrize(
    ("changes", "piece"),
    [
        ({"weight": 0.0}, "weight"),
        ({"meaning": " "}, "meaning"),
        ({"patterns": (), "found_by": ""}, "patterns or found_by"),
        ({"strong": True, "tip": None}, "tip"),
        ({"strong": True, "tip": "no placeholder"}, "tip"),
    ],
)
def test_a_cue_missing_a_piece_fails_loudly(changes: dict[str, object], piece: str) -> None:
    fields: dict[str, object] = {
        "name": "new_cue",
        "speaker": "seeker",
        "weight": -0.5,
        "meaning": "does something new",
        "patterns": (p.PAY_QUESTION,),
        "tip": "Saying {words} did it.",
    }
    fields.update(changes)
    with pytest.raises(ValueError, match=piece):
        CueSpec(**fields)  # type: ignore[arg-type]


def test_a_cue_without_a_weight_cannot_even_be_declared() -> None:
    with pytest.raises(TypeError):
        CueSpec("new_cue", "seeker", meaning="x", patterns=())  # type: ignore[call-arg]


def test_a_cue_declared_twice_fails() -> None:
    with pytest.raises(ValueError, match="twice"):
        cue_table((CUES[0], CUES[0]))


def test_an_unknown_cue_name_is_an_error_not_a_zero_weight() -> None:
    with pytest.raises(KeyError):
        frame_and_score("seeker", [CueMatch("no_such_cue", "x", 0, 1)])


def test_every_cue_is_searched_explained_and_weighted() -> None:
    for spec in CUES:
        assert spec.meaning in explain_cue(spec.name)
        assert (spec.weight > 0) == (spec.frame == "exploration")
        if spec.tip is not None:
            sentence = explain_shift(CueMatch(spec.name, "x", 0, 1), "x", None)
            assert sentence.startswith(spec.tip.split("{words}")[0])


def test_the_lexicons_come_from_the_table() -> None:
    found = {c.cue for c in seeker_cues("What's the salary?", None, frozenset())}
    assert found == {"pay_question", "seeker_question"}
    assert [c.cue for c in manager_cues("We run the county's outreach program.")] == ["sharing"]
