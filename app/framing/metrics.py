"""Conversation metrics for the replay and the reports.

Every metric that comes from particular turns carries their indices, so the replay can link to
them. Word counts use the whole text; pronoun rates use the analysed prefix of each turn (see
`cues.analyzed_part`), which keeps the work for huge pastes bounded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Final

from app.framing.cues import analyzed_part, find_questions
from app.framing.model import Turn, TurnAnalysis
from app.framing.vocabulary import CUE_NAMES, SPEAKERS

_SELF: Final = re.compile(r"(?<![\w'’])(?:i|me|my|mine|myself|i['’]?(?:m|ve|d|ll))(?![\w'’])", re.I)
_OTHER: Final = re.compile(
    r"(?<![\w'’])(?:you|your|yours|yourself|you['’]?(?:re|ve|d|ll))(?![\w'’])", re.I
)
_WORD: Final = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _rate(count: int, words: int) -> float:
    return round(count / words, 4) if words else 0.0


def conversation_metrics(turns: Sequence[Turn], analyses: Sequence[TurnAnalysis]) -> dict[str, Any]:
    """The metrics block of the Analysis JSON (plain JSON types only)."""
    words = {speaker: 0 for speaker in SPEAKERS}
    questions: dict[str, dict[str, Any]] = {s: {"count": 0, "turns": []} for s in SPEAKERS}
    longest: dict[str, Any] = {"words": 0, "turn": None}
    self_refs = other_refs = analysed_words = 0
    cue_turns: dict[str, list[int]] = {name: [] for name in sorted(CUE_NAMES)}
    cue_counts: dict[str, int] = {name: 0 for name in sorted(CUE_NAMES)}
    seeker_question_turns: list[int] = []
    follow_up_turns: list[int] = []

    for turn, analysis in zip(turns, analyses, strict=True):
        count = len(turn.text.split())
        words[turn.speaker] += count
        names = {cue.cue for cue in analysis.cues}
        if turn.speaker == "seeker":
            asked = sum(cue.cue == "seeker_question" for cue in analysis.cues)
            if count > longest["words"]:
                longest = {"words": count, "turn": analysis.index}
            part = analyzed_part(turn.text)
            analysed_words += len(_WORD.findall(part))
            self_refs += len(_SELF.findall(part))
            other_refs += len(_OTHER.findall(part))
            if "seeker_question" in names:
                seeker_question_turns.append(analysis.index)
                if "follow_up_question" in names:
                    follow_up_turns.append(analysis.index)
        else:
            asked = len(find_questions(analyzed_part(turn.text)))
        if asked:
            questions[turn.speaker]["count"] += asked
            questions[turn.speaker]["turns"].append(analysis.index)
        for cue in analysis.cues:
            cue_counts[cue.cue] += 1
        for name in sorted(names):
            cue_turns[name].append(analysis.index)

    total_words = words["manager"] + words["seeker"]
    return {
        "turn_count": len(turns),
        "questions": questions,
        "seeker_follow_up_ratio": _rate(len(follow_up_turns), len(seeker_question_turns)),
        "seeker_follow_up_turns": follow_up_turns,
        "words": words,
        "seeker_talk_share": _rate(words["seeker"], total_words),
        "longest_seeker_monologue": longest,
        "pronouns": {
            "self_focus_rate": _rate(self_refs, analysed_words),
            "other_focus_rate": _rate(other_refs, analysed_words),
        },
        "cue_counts": cue_counts,
        "cue_turns": cue_turns,
    }
