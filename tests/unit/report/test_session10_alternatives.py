"""Trial 10 D3: "What you could have said" is sayable and answers the line, over every manager
line of every shipped scenario, each cue and several turns:

- the topic it asks about is a noun phrase the manager talked about, never the abstract noun of
  an idiom ("the truth is ..." gave "How is the truth going, by the way?");
- the question back never says its topic twice ("How does your team approach your team?");
- a question asking the seeker's judgement ("What evidence would you ask for first?", "How would
  you have gone about finding that?") is answered with a judgement, never the stock pitch
  "Short version: a few years of similar work ...".
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from test_report_coaching import _shipped_manager_lines

from app.report.alternatives import example_answer
from app.report.coaching import compose

CUES = ("commitment", "self_promotion", "job_request", "pay_question", "interview")
TURNS = range(3)
LINES = _shipped_manager_lines()
SENTENCE = re.compile(r"[^.?!]+[.?!]*")
IDIOMS = ("truth", "thing", "fact", "point", "reality", "trick", "catch", "short answer")
PITCH = example_answer("Tell me about yourself.")
#: The seeker's judgement asked for, read by hand (not by the module's own pattern).
JUDGEMENT = re.compile(
    r"\b(?:what|how|which)\b[^.?!]*\b(?:would|should)\s+you\b[^.?!]*\?$"
    r"|\bwhat\s+do\s+you\s+think\b[^.?!]*\?$",
    re.I,
)
JUDGEMENT_EXTRA = (
    "What evidence would you ask for first?",
    "How would you have gone about finding that?",
    "Which of those would you fix first?",
    "So what would you do in my shoes?",
    "What do you think of that approach?",
    "How would you explain that to a minister?",
)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.findall(text) if s.strip()]


def _phrase_twice(sentence: str) -> str | None:
    """A determiner phrase ("your team", "the lab") said twice in one sentence, if any."""
    words = re.findall(r"[a-z']+", sentence.lower())
    pairs = Counter(
        f"{a} {b}"
        for a, b in itertools.pairwise(words)
        if a in {"your", "the", "our", "my"} and len(b) > 2
    )
    return next((p for p, n in pairs.items() if n > 1), None)


def _all(lines: list[str]) -> list[tuple[str, str, int, str]]:
    return [
        (line, cue, turn, compose(cue, line, turn, answer="I'd love to work here.", cue_start=0))
        for line in lines
        for cue in CUES
        for turn in TURNS
    ]


def test_enough_lines() -> None:
    assert len(LINES) >= 150, len(LINES)


def test_the_question_back_never_says_its_topic_twice() -> None:
    bad = []
    for line, cue, turn, alt in _all(LINES):
        for sentence in _sentences(alt):
            twice = _phrase_twice(sentence)
            if twice:
                bad.append((twice, cue, turn, line, alt))
    assert not bad, f"{len(bad)}: {bad[:5]}"


def test_an_idiom_is_never_the_topic() -> None:
    """Every shipped line with an idiom put in front ("Honestly, the truth is, ..."): the
    suggestion never asks about the idiom's noun."""
    lines = [
        f"Honestly, the {idiom} is, {line[0].lower()}{line[1:]}"
        for idiom in IDIOMS
        for line in LINES[::3]
    ] + [
        "The truth is, nobody has found a cheap way. How are you finding your current job?",
        "The thing is, I can't promise anything. Have you thought about the pay?",
    ]
    bad = []
    for line, cue, _turn, alt in _all(lines):
        said = alt.lower()
        for idiom in IDIOMS:
            if f"the {idiom} " in line.lower() and re.search(rf"\b(?:the|your)\s+{idiom}\b", said):
                bad.append((idiom, cue, line, alt))
    assert not bad, f"{len(bad)}: {bad[:5]}"


def test_a_judgement_question_gets_a_judgement() -> None:
    asked = [line for line in LINES if JUDGEMENT.search(_sentences(line)[-1])]
    lines = [*asked, *JUDGEMENT_EXTRA]
    assert len(lines) >= 10, lines
    bad = [
        (cue, line, alt)
        for line, cue, turn, alt in _all(lines)
        if alt.startswith(PITCH) or "a few years of similar work" in alt
    ]
    assert not bad, f"{len(bad)}: {bad[:5]}"
