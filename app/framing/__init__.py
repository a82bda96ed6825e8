"""Framing analysis: does the seeker keep the talk a mutual exploration or make it an interview?

Pure Python (no Qt): cues with their words and spans, a frame and score per turn, the turn where
the talk tipped, and conversation metrics. See `analyze` and `analyze_answer`.
"""

from __future__ import annotations

from app.framing.analyzer import analyze, analyze_answer
from app.framing.explain import explain_cue
from app.framing.model import Analysis, CueMatch, Shift, Turn, TurnAnalysis
from app.framing.schema import ANALYSIS_SCHEMA
from app.framing.transcript import TranscriptError, parse_transcript
from app.framing.vocabulary import CUE_NAMES, FRAMES, Frame, Speaker

__all__ = [
    "ANALYSIS_SCHEMA",
    "CUE_NAMES",
    "FRAMES",
    "Analysis",
    "CueMatch",
    "Frame",
    "Shift",
    "Speaker",
    "TranscriptError",
    "Turn",
    "TurnAnalysis",
    "analyze",
    "analyze_answer",
    "explain_cue",
    "parse_transcript",
]
