"""The Analysis JSON contract as a JSON Schema, for tests, exports and anyone reading stored data.

Kept as a plain dict (no jsonschema import) so the framing layer stays stdlib-only.
"""

from __future__ import annotations

from typing import Any, Final

from app.framing.vocabulary import CUE_NAMES, FRAMES, SPEAKERS

_INDEX: Final = {"type": "integer", "minimum": 0}
_INDICES: Final = {"type": "array", "items": _INDEX}
_RATE: Final = {"type": "number", "minimum": 0, "maximum": 1}
_PER_CUE_COUNT: Final = {
    "type": "object",
    "properties": {name: {"type": "integer", "minimum": 0} for name in CUE_NAMES},
    "required": sorted(CUE_NAMES),
    "additionalProperties": False,
}
_PER_CUE_TURNS: Final = {
    "type": "object",
    "properties": {name: _INDICES for name in CUE_NAMES},
    "required": sorted(CUE_NAMES),
    "additionalProperties": False,
}
_QUESTIONS: Final = {
    "type": "object",
    "properties": {"count": {"type": "integer", "minimum": 0}, "turns": _INDICES},
    "required": ["count", "turns"],
    "additionalProperties": False,
}

ANALYSIS_SCHEMA: Final[dict[str, Any]] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Frameshift analysis",
    "type": "object",
    "required": ["turns", "shift", "metrics"],
    "additionalProperties": False,
    "properties": {
        "turns": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["index", "speaker", "frame", "score", "cues"],
                "additionalProperties": False,
                "properties": {
                    "index": _INDEX,
                    "speaker": {"enum": list(SPEAKERS)},
                    "frame": {"enum": list(FRAMES)},
                    "score": {"type": "number", "minimum": -1, "maximum": 1},
                    "cues": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["cue", "text", "start", "end"],
                            "additionalProperties": False,
                            "properties": {
                                "cue": {"enum": sorted(CUE_NAMES)},
                                "text": {"type": "string"},
                                "start": _INDEX,
                                "end": _INDEX,
                            },
                        },
                    },
                },
            },
        },
        "shift": {
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "required": ["turn", "cue", "explanation"],
                    "additionalProperties": False,
                    "properties": {
                        "turn": _INDEX,
                        "cue": {"enum": sorted(CUE_NAMES)},
                        "explanation": {"type": "string", "minLength": 1},
                    },
                },
            ]
        },
        "metrics": {
            "type": "object",
            "required": [
                "turn_count",
                "questions",
                "seeker_follow_up_ratio",
                "seeker_follow_up_turns",
                "words",
                "seeker_talk_share",
                "longest_seeker_monologue",
                "pronouns",
                "cue_counts",
                "cue_turns",
            ],
            "properties": {
                "turn_count": {"type": "integer", "minimum": 0},
                "questions": {
                    "type": "object",
                    "properties": {"manager": _QUESTIONS, "seeker": _QUESTIONS},
                    "required": ["manager", "seeker"],
                },
                "seeker_follow_up_ratio": _RATE,
                "seeker_follow_up_turns": _INDICES,
                "words": {
                    "type": "object",
                    "properties": {s: {"type": "integer", "minimum": 0} for s in SPEAKERS},
                    "required": list(SPEAKERS),
                },
                "seeker_talk_share": _RATE,
                "longest_seeker_monologue": {
                    "type": "object",
                    "properties": {
                        "words": {"type": "integer", "minimum": 0},
                        "turn": {"oneOf": [{"type": "null"}, _INDEX]},
                    },
                    "required": ["words", "turn"],
                },
                "pronouns": {
                    "type": "object",
                    "properties": {"self_focus_rate": _RATE, "other_focus_rate": _RATE},
                    "required": ["self_focus_rate", "other_focus_rate"],
                },
                "cue_counts": _PER_CUE_COUNT,
                "cue_turns": _PER_CUE_TURNS,
            },
        },
    },
}
