"""Validation of transcript JSON (`{"turns": [{"speaker", "text"}]}`) into `Turn` values.

Errors name the turn by its index in `turns` (counting from 0, like `TurnAnalysis.index`), so a
message and the analysis point at the same turn.
"""

from __future__ import annotations

from app.framing.model import Turn
from app.framing.vocabulary import SPEAKERS, Speaker


class TranscriptError(ValueError):
    """A transcript that breaks the contract; the message says where and why, in one line."""


def _shown(value: object) -> str:
    """A short repr for error messages, so a huge bad value cannot flood the terminal."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _type_name(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _speaker(value: object, index: int) -> Speaker:
    for speaker in SPEAKERS:
        if value == speaker and isinstance(value, str):
            return speaker
    raise TranscriptError(
        f"turn {index}: unknown speaker {_shown(value)} (expected manager or seeker)"
    )


def parse_transcript(data: object) -> list[Turn]:
    """Check decoded JSON against the transcript contract and return its turns.

    Extra keys are ignored so that exports carrying more fields can be analysed as they are.
    """
    if not isinstance(data, dict):
        raise TranscriptError(
            f'a transcript must be an object with a "turns" list, got {_type_name(data)}'
        )
    if "turns" not in data:
        raise TranscriptError('a transcript must have a "turns" list')
    raw_turns = data["turns"]
    if not isinstance(raw_turns, list):
        raise TranscriptError(f'"turns" must be a list, got {_type_name(raw_turns)}')
    turns: list[Turn] = []
    for index, raw in enumerate(raw_turns):
        if not isinstance(raw, dict):
            raise TranscriptError(
                f'turn {index}: must be an object with "speaker" and "text", got {_type_name(raw)}'
            )
        for key in ("speaker", "text"):
            if key not in raw:
                raise TranscriptError(f'turn {index}: missing "{key}"')
        text = raw["text"]
        if not isinstance(text, str):
            raise TranscriptError(f'turn {index}: "text" must be a string, got {_type_name(text)}')
        turns.append(Turn(speaker=_speaker(raw["speaker"], index), text=text))
    return turns
