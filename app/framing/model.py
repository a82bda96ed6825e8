"""The analyzer's values: small frozen dataclasses that serialise to the Analysis JSON contract."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.framing.vocabulary import Frame, Speaker


@dataclass(frozen=True)
class Turn:
    """One line of a conversation, as the transcript gives it."""

    speaker: Speaker
    text: str


@dataclass(frozen=True)
class CueMatch:
    """One cue found in a turn; `text == turn.text[start:end]`, so the replay can highlight it."""

    cue: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"cue": self.cue, "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class TurnAnalysis:
    """How one turn framed the talk: positive `score` is mutual exploration, negative interview."""

    index: int
    speaker: Speaker
    frame: Frame
    score: float
    cues: tuple[CueMatch, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "speaker": self.speaker,
            "frame": self.frame,
            "score": self.score,
            "cues": [cue.to_dict() for cue in self.cues],
        }


@dataclass(frozen=True)
class Shift:
    """The seeker turn after which the conversation was an interview, and why."""

    turn: int
    cue: str
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        return {"turn": self.turn, "cue": self.cue, "explanation": self.explanation}


@dataclass(frozen=True)
class Analysis:
    """The whole analysis of one transcript (the DESIGN.md "Analysis JSON")."""

    turns: tuple[TurnAnalysis, ...]
    shift: Shift | None
    metrics: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "turns": [turn.to_dict() for turn in self.turns],
            "shift": None if self.shift is None else self.shift.to_dict(),
            "metrics": self.metrics,
        }
