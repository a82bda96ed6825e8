"""Shift detection: the seeker turn after which the conversation was an interview.

The rule, as a coach would apply it:

* The first seeker turn framed `interview` because of a strong cue (commitment, job_request,
  pay_question) tips the talk at once: from there on the manager is assessing a candidate.
* Self-promotion tips it by accumulation: one pitch (often invited by "tell me about yourself")
  can be absorbed, the second seeker turn framed `interview` by self-promotion tips it.
* Only the seeker tips it. Manager turns (evaluative or commitment questions) set the trap but
  do not spring it; the seeker's answer does.
* Nothing undoes a tip: a later curious question does not move or erase the shift.

The shift names the cue that caused it and explains it with the matched words (and, for a
commitment, the manager's line it answered).
"""

from __future__ import annotations

from collections.abc import Sequence

from app.framing.explain import excerpt, explain_shift
from app.framing.model import CueMatch, Shift, Turn, TurnAnalysis
from app.framing.vocabulary import STRONG_CUES

PITCHES_TO_TIP = 2


def _commitment_question(
    turns: Sequence[Turn], analyses: Sequence[TurnAnalysis], index: int
) -> str | None:
    """The manager's commitment question just before turn `index`, quoted to its sentence."""
    if index == 0 or turns[index - 1].speaker != "manager":
        return None
    asked = _first(analyses[index - 1].cues, frozenset({"commitment_question"}))
    if asked is None:
        return None
    text = turns[index - 1].text
    return excerpt(text, asked.start, asked.end)


def _first(cues: Sequence[CueMatch], names: frozenset[str]) -> CueMatch | None:
    return next((cue for cue in cues if cue.cue in names), None)


def detect_shift(turns: Sequence[Turn], analyses: Sequence[TurnAnalysis]) -> Shift | None:
    """Apply the module's rule to analysed turns; None when the seeker never tipped the talk."""
    pitches = 0
    for analysis in analyses:
        if analysis.speaker != "seeker" or analysis.frame != "interview":
            continue
        cause = _first(analysis.cues, STRONG_CUES)
        if cause is None:
            cause = _first(analysis.cues, frozenset({"self_promotion"}))
            if cause is None:
                continue
            pitches += 1
            if pitches < PITCHES_TO_TIP:
                continue
        question = _commitment_question(turns, analyses, analysis.index)
        explanation = explain_shift(cause, turns[analysis.index].text, question)
        return Shift(turn=analysis.index, cue=cause.cue, explanation=explanation)
    return None
