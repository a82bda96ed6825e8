"""The running framing score, shared by the painted timeline and the SVG in the HTML export."""

from __future__ import annotations

from collections.abc import Sequence


def running_scores(speakers: Sequence[str], scores: Sequence[float]) -> list[float]:
    """Exponentially smoothed score: the seeker's turns move it most, the manager's a little."""
    out: list[float] = []
    level = 0.0
    for speaker, score in zip(speakers, scores, strict=True):
        weight = 0.5 if speaker == "seeker" else 0.15
        level = (1 - weight) * level + weight * score
        out.append(max(-1.0, min(1.0, level)))
    return out
