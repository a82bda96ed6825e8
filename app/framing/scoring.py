"""From cues to a turn's frame and score.

Each cue carries a weight in `vocabulary.CUES` (positive keeps the talk mutual, negative makes
it an interview); the score is their sum, clipped to [-1, 1]. Two rules sit on top of the sum:

* A seeker turn with a *strong* interview cue (commitment, job_request, pay_question) is an
  interview whatever else it says: "when can I start?" is a question, but a pitch.
* In a turn with any interview cue (strong or self-promotion), questions and other-focus count
  for nothing: a question that carries a pitch is not rescued by being a question. Honest
  uncertainty, conditional interest, advice- and referral-seeking still count.

A turn whose score is within `NEUTRAL_BAND` of zero is neutral; frame and score sign always agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from app.framing.model import CueMatch
from app.framing.vocabulary import CUE_SPECS, CUES, STRONG_CUES, Frame, Speaker

#: Cues that count for nothing in a turn that also pitches or asks for the job.
RESCUE_IGNORED: Final = frozenset(c.name for c in CUES if c.rescue_ignored)
NEUTRAL_BAND: Final = 0.2
_INTERVIEW_SIGNALS: Final = STRONG_CUES | {"self_promotion"}


def _clip(value: float) -> float:
    return round(max(-1.0, min(1.0, value)), 3)


def frame_and_score(speaker: Speaker, cues: Iterable[CueMatch]) -> tuple[Frame, float]:
    """The frame of a turn and its score in [-1, 1] (positive: mutual exploration)."""
    names = [cue.cue for cue in cues]
    pitched = speaker == "seeker" and any(name in _INTERVIEW_SIGNALS for name in names)
    total = sum(
        CUE_SPECS[name].weight for name in names if not (pitched and name in RESCUE_IGNORED)
    )
    score = _clip(total)
    if speaker == "seeker" and any(name in STRONG_CUES for name in names):
        return "interview", min(score, -NEUTRAL_BAND)
    if speaker == "manager" and "commitment_question" in names:
        return "interview", min(score, -NEUTRAL_BAND)
    if score >= NEUTRAL_BAND:
        return "exploration", score
    if score <= -NEUTRAL_BAND:
        return "interview", score
    return "neutral", score
