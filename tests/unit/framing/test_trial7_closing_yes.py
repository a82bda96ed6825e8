"""A yes that closes the answer after its reason is a yes (trial7 G28, trial6 F29).

"Well I'm job hunting, so yes." to "are you interested in the position?" commits as plainly as
"Yes, I'm job hunting.": commitment (the story's own mistake), while the same words to a line
that asks for no commitment are no commitment, and a hedged answer ("I'm not sure, so maybe")
or one put off ("I need to learn more first, so not yet") stays a hedge. Generated: reasons x
closing yeses x the manager's line x typed / recognizer style."""

from __future__ import annotations

import itertools
import re

from app.framing.analyzer import analyze_answer

COMMITMENT_LINES = (
    "So tell me, are you interested in the position?",
    "Would you be interested in the analyst role?",
    "Shall I put your name forward for the role?",
    "Is this the kind of job you'd want?",
)
OTHER_LINES = ("What brings you here tonight?", "How was the drive in?")
REASONS = ("Well I'm job hunting", "I need a change", "honestly I've been looking for a while",
           "My contract ends in June", "I've always liked your team's work")  # fmt: skip
YESES = (", so yes.", " so yeah", ", so yes!", ", so definitely.", ", so I am.", ", so yep")
HEDGED = ("I'm not sure, so maybe.", "It depends on the team, so maybe.",
          "I need to learn more first, so not yet.", "I don't know yet, so let's see.")  # fmt: skip


def _asr(text: str) -> str:
    """Recognizer style: lower case, no punctuation, apostrophes dropped too."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


ANSWERS = sorted(
    {a for r, y in itertools.product(REASONS, YESES) for a in (r + y, _asr(r + y))}
)  # fmt: skip


def _names(line: str, answer: str) -> list[str]:
    return [cue.cue for cue in analyze_answer(line, answer, rules_only=True).cues]


def test_a_closing_yes_to_a_commitment_question_commits() -> None:
    for line, answer in itertools.product(COMMITMENT_LINES, ANSWERS):
        result = analyze_answer(line, answer)
        assert result.frame == "interview", (line, answer, result)
        assert "commitment" in [cue.cue for cue in result.cues], (line, answer, result)


def test_a_closing_yes_to_any_other_line_commits_to_nothing() -> None:
    for line, answer in itertools.product(OTHER_LINES, ANSWERS):
        assert "commitment" not in _names(line, answer), (line, answer)


def test_a_hedged_closing_is_no_commitment() -> None:
    for line, text in itertools.product(COMMITMENT_LINES, HEDGED):
        for answer in (text, _asr(text)):
            names = _names(line, answer)
            assert "commitment" not in names, (line, answer, names)
