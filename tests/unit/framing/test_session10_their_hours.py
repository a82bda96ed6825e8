"""A question about the team's or the manager's working hours in other words is exploration,
never small talk or an interview (session 10).

Session 9 let no question about their routine be read as an interview (`cues._about_them`,
`cues.silent_spans`, `learned._judge_rest`). Two things let "What time does the crew wrap up?",
"how late do your analysts usually stay" and "when does the shift hand over" escape it: the
guard silenced only an interview reading, while the sentence model read these as small talk
(neutral); and "the shift" named nobody (`patterns.THEIR_PEOPLE`), nor were "hand over", "knock
off" or "close up" their day (`patterns.THEIR_DAY`). Now a neutral reading is silenced too for a
question about their hours, shifts or tools (`patterns.THEIR_HOURS`), which small talk ("How was
your weekend?", "Did you have lunch yet?") does not name. Generated: subjects x hour questions x
the manager's line x typed / recognizer style.
"""

from __future__ import annotations

import itertools
import re

import pytest

from app.framing.analyzer import analyze_answer
from app.framing.cues import silent_spans

LINES = ("Tell me about your team.", "I run the night shift at the hospital.",
         "Any questions for me?")  # fmt: skip
SUBJECTS = (("do", "you"), ("does", "your team"), ("does", "the crew"), ("do", "your analysts"),
            ("does", "the shift"), ("does", "the night shift"), ("do", "the nurses"),
            ("do", "your engineers"), ("do", "the techs"), ("does", "everyone"),
            ("does", "the lab"), ("do", "your drivers"), ("does", "the kitchen"),
            ("do", "they"))  # fmt: skip
HOURS = (
    "what time {a} {s} wrap up",
    "how late {a} {s} usually stay",
    "when {a} {s} hand over",
    "what time {a} {s} knock off",
    "when {a} {s} usually head home",
    "how early {a} {s} get going",
    "what time {a} {s} clock out",
    "when {a} {s} take lunch",
    "when {a} {s} start the day",
    "{a} {s} ever work late",
    "{a} {s} often stay past six",
    "how often {a} {s} do nights",
    "when {a} {s} close up",
    "what time {a} {s} usually leave",
    "when {a} {s} change over",
    "what time {a} {s} get started",
    "{a} {s} work late most nights",
    "what time {a} {s} normally go home",
)
SMALL_TALK = (
    "How was your weekend?",
    "did you have a good morning",
    "Did you have lunch yet?",
    "Are you going anywhere nice this summer?",
    "how are the kids",
    "When are you leaving for your holiday?",
    "How long are you staying in town?",
    "Did you catch the game last night?",
)


def _asr(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


def _questions() -> list[str]:
    asked = []
    for (aux, subject), form in itertools.product(SUBJECTS, HOURS):
        typed = form.format(a=aux, s=subject)
        typed = typed[0].upper() + typed[1:] + "?"
        asked.extend((typed, _asr(typed)))
    return asked


QUESTIONS = _questions()


def test_the_class_is_large() -> None:
    assert len(QUESTIONS) * len(LINES) > 1500


def test_the_hybrid_reads_a_question_about_their_hours_as_exploration() -> None:
    """Old code: 221 of 1,512 such pairs came out neutral (the night shift, the crew)."""
    wrong = []
    for line, text in itertools.product(LINES, QUESTIONS):
        result = analyze_answer(line, text)
        if result.frame != "exploration":
            wrong.append((line, text, result.frame))
    assert not wrong, f"{len(wrong)} of {len(LINES) * len(QUESTIONS)}: {wrong[:5]}"


def test_the_rules_read_it_as_exploration_and_the_model_may_read_neither_other_frame() -> None:
    wrong = []
    for text in QUESTIONS:
        result = analyze_answer(LINES[0], text, rules_only=True)
        silenced = {f for f in ("interview", "neutral") if silent_spans(text, result.cues, f)}
        if result.frame != "exploration" or silenced != {"interview", "neutral"}:
            wrong.append((text, result.frame, silenced))
    assert not wrong, f"{len(wrong)} of {len(QUESTIONS)}: {wrong[:5]}"


@pytest.mark.parametrize("text", [*SMALL_TALK, *map(_asr, SMALL_TALK)])
def test_small_talk_may_still_be_read_as_small_talk(text: str) -> None:
    """Counter-class: a question naming no hours, shifts or tools is not silenced as neutral."""
    result = analyze_answer("Good to see you!", text, rules_only=True)
    assert not silent_spans(text, result.cues, "neutral")
