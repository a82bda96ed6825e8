"""The analyzer's values: small frozen dataclasses that serialise to the Analysis JSON contract."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from app.framing.vocabulary import FRAMES, SPEAKERS, Frame, Speaker


def _frame(value: Any) -> Frame:
    if value not in FRAMES:
        raise ValueError(f"unknown frame {value!r}; expected one of {', '.join(FRAMES)}")
    return cast(Frame, value)


def _speaker(value: Any) -> Speaker:
    if value not in SPEAKERS:
        raise ValueError(f"unknown speaker {value!r}; expected one of {', '.join(SPEAKERS)}")
    return cast(Speaker, value)


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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CueMatch:
        """The inverse of :meth:`to_dict` (raises KeyError/ValueError on a malformed value)."""
        return cls(str(data["cue"]), str(data["text"]), int(data["start"]), int(data["end"]))


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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TurnAnalysis:
        """The inverse of :meth:`to_dict`."""
        return cls(
            index=int(data["index"]),
            speaker=_speaker(data["speaker"]),
            frame=_frame(data["frame"]),
            score=float(data["score"]),
            cues=tuple(CueMatch.from_dict(c) for c in data.get("cues") or ()),
        )


@dataclass(frozen=True)
class Shift:
    """The seeker turn after which the conversation was an interview, and why."""

    turn: int
    cue: str
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        return {"turn": self.turn, "cue": self.cue, "explanation": self.explanation}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Shift:
        """The inverse of :meth:`to_dict`."""
        return cls(int(data["turn"]), str(data["cue"]), str(data["explanation"]))


@dataclass(frozen=True)
class Analysis:
    """The whole analysis of one transcript (the "Analysis JSON" of docs/architecture.md)."""

    turns: tuple[TurnAnalysis, ...]
    shift: Shift | None
    metrics: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "turns": [turn.to_dict() for turn in self.turns],
            "shift": None if self.shift is None else self.shift.to_dict(),
            "metrics": self.metrics,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Analysis:
        """The inverse of :meth:`to_dict`: ``Analysis.from_dict(a.to_dict()) == a``."""
        shift = data.get("shift")
        return cls(
            turns=tuple(TurnAnalysis.from_dict(t) for t in data.get("turns") or ()),
            shift=None if shift is None else Shift.from_dict(shift),
            metrics=dict(data.get("metrics") or {}),
        )
