"""The Analysis JSON contract and transcript parsing that other layers code against."""

from __future__ import annotations

import json

import jsonschema
import pytest
from framing_helpers import CONVERSATIONS, talk

from app.framing import (
    ANALYSIS_SCHEMA,
    TranscriptError,
    Turn,
    analyze,
    explain_cue,
    parse_transcript,
)
from app.framing.evaluation import load_conversations
from app.framing.vocabulary import CUE_NAMES


def test_schema_is_valid_draft_2020_12() -> None:
    """The shipped schema is itself a valid JSON Schema."""
    jsonschema.Draft202012Validator.check_schema(ANALYSIS_SCHEMA)


def test_every_corpus_analysis_matches_the_contract() -> None:
    """Each labelled conversation's analysis validates and survives a JSON round trip."""
    validator = jsonschema.Draft202012Validator(ANALYSIS_SCHEMA)
    for conversation in load_conversations(CONVERSATIONS):
        data = analyze(conversation.turns).to_dict()
        validator.validate(data)
        assert json.loads(json.dumps(data)) == data


def test_turn_to_dict_shape() -> None:
    """A turn serialises to exactly index, speaker, frame, score and cues."""
    turn = analyze(talk("Are you interested in the position?", "Yes!")).turns[1].to_dict()
    assert turn == {
        "index": 1,
        "speaker": "seeker",
        "frame": "interview",
        "score": turn["score"],
        "cues": [{"cue": "commitment", "text": "Yes", "start": 0, "end": 3}],
    }
    assert -1.0 <= turn["score"] < 0


def test_parse_transcript_returns_turns_and_ignores_extra_keys() -> None:
    """A valid transcript parses into Turn values; unknown keys are ignored."""
    data = {"turns": [{"speaker": "manager", "text": "Hi", "t": 1.5}], "id": "x"}
    assert parse_transcript(data) == [Turn("manager", "Hi")]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], 'a transcript must be an object with a "turns" list, got list'),
        ({}, 'a transcript must have a "turns" list'),
        ({"turns": "hi"}, '"turns" must be a list, got str'),
        ({"turns": [3]}, 'turn 0: must be an object with "speaker" and "text", got int'),
        ({"turns": [{"text": "hi"}]}, 'turn 0: missing "speaker"'),
        ({"turns": [{"speaker": "seeker"}]}, 'turn 0: missing "text"'),
        (
            {"turns": [{"speaker": "seeker", "text": None}]},
            'turn 0: "text" must be a string, got null',
        ),
        (
            {
                "turns": [{"speaker": "manager", "text": "a"}] * 3
                + [{"speaker": "bob", "text": "b"}]
            },
            "turn 3: unknown speaker 'bob' (expected manager or seeker)",
        ),
    ],
)
def test_parse_transcript_errors_say_what_is_wrong(data: object, message: str) -> None:
    """Each malformed transcript raises TranscriptError with a clear one-line message."""
    with pytest.raises(TranscriptError) as caught:
        parse_transcript(data)
    assert str(caught.value) == message


def test_explain_cue_covers_every_cue() -> None:
    """Every cue name has a plain-words explanation; an unknown name says so."""
    for name in CUE_NAMES:
        assert explain_cue(name).startswith("The ")
    assert "not a cue" in explain_cue("bogus")
