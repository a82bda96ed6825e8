"""A question about the other person's or their team's routine, hours or tools asks nothing for
the seeker: exploration, never an interview (trial 8 H11).

"What time do you start in the morning?" came out commitment / interview: the sentence model
overruled the question ("start", "hours" read as the seeker's own start and terms). A question
with no first-person word, nothing asking for a place and no term of the job but their hours
(`cues._about_them`) is one the model may not read an interview from
(`cues.silent_spans`, `learned._judge_rest`); "When would I start?" and "what time would I need
to start" (the seeker's own start in the job) stay interviews. Generated: subjects x routine
questions x the manager's line x typed / recognizer style.
"""

from __future__ import annotations

import itertools

from app.framing.analyzer import analyze_answer
from app.framing.cues import silent_spans

LINES = (
    "Tell me about your team.",
    "I run the night shift at the hospital.",
    "We're a small crew, about twelve of us.",
    "Any questions for me?",
)
SUBJECTS = (("do", "you"), ("does", "your team"), ("does", "the team"), ("do", "people"),
            ("does", "everyone"), ("do", "the nurses"), ("do", "you guys"), ("does", "the crew"),
            ("do", "the engineers"))  # fmt: skip
ROUTINE = (
    "what time {a} {s} start in the morning",
    "what time {a} {s} usually start",
    "when {a} {s} usually get in",
    "what time {a} {s} finish most days",
    "what hours {a} {s} work",
    "how early {a} {s} start",
    "what tools {a} {s} use",
    "what software {a} {s} use day to day",
    "how many hours a week {a} {s} work",
    "{a} {s} work weekends",
    "what shifts {a} {s} work",
    "when {a} {s} clock in",
    "what time {a} {s} wrap up",
    "what {a} {s} use for scheduling",
    "how late {a} {s} usually stay",
)
OWN_START = (
    "When would I start?",
    "what time would I need to start",
    "what time would i start in the morning",
    "When would I need to be in?",
    "What hours would I work?",
    "what time would I have to clock in",
    "when do I start",
    "what shifts would I be on",
)
_INTERVIEW_CUES = ("self_promotion", "commitment", "job_request", "pay_question")


def _questions() -> list[str]:
    asked = []
    for (aux, subject), form in itertools.product(SUBJECTS, ROUTINE):
        text = form.format(a=aux, s=subject)
        asked.extend((text[0].upper() + text[1:] + "?", text))
    return asked


QUESTIONS = _questions()


def _pitched(result: object) -> list[str]:
    return [c.cue for c in result.cues if c.cue in _INTERVIEW_CUES]  # type: ignore[attr-defined]


def test_the_class_is_large() -> None:
    assert len(QUESTIONS) * len(LINES) > 1000


def test_the_rules_read_a_question_about_their_routine_as_exploration() -> None:
    wrong = []
    for line, text in itertools.product(LINES, QUESTIONS):
        result = analyze_answer(line, text, rules_only=True)
        if result.frame != "exploration" or _pitched(result):
            wrong.append((line, text, result.frame, _pitched(result)))
    assert not wrong, f"{len(wrong)}: {wrong[:5]}"


def test_the_model_never_overrules_it_to_an_interview() -> None:
    """Never an interview; exploration but for the odd question the model takes for small talk
    (neutral, not this bug: at most 3 in 100)."""
    wrong, neutral = [], 0
    pairs = list(itertools.product(LINES, QUESTIONS))
    for line, text in pairs:
        result = analyze_answer(line, text)
        if result.frame == "interview" or _pitched(result):
            wrong.append((line, text, result.frame, _pitched(result)))
        neutral += result.frame == "neutral"
    assert not wrong, f"{len(wrong)} of {len(pairs)}: {wrong[:5]}"
    assert neutral <= 3 * len(pairs) / 100


def test_asking_about_ones_own_start_stays_an_interview() -> None:
    wrong = []
    for line, text in itertools.product(LINES, OWN_START):
        result = analyze_answer(line, text)
        if result.frame != "interview":
            wrong.append((line, text, result.frame))
    assert not wrong, wrong[:5]


# --- review 9 R1: a pitch dressed as a question about the team is no question about their day --

PITCH_SUBJECTS = ("your team", "your group", "your department")
PITCH_QUESTIONS = ("Would {s} benefit from {o}?", "Does {s} have budget for {o}?",
                   "Does {s} have headcount for {o}?", "Could {s} do with {o}?",
                   "Is {s} growing enough to add {o}?", "would {s} be open to adding {o}",
                   "does {s} ever bring in {o}", "Is there space on {s} for {o}?")  # fmt: skip
PITCH_OBJECTS = ("a senior data engineer", "another designer", "a nurse with ICU experience")


def test_a_pitch_dressed_as_a_question_about_the_team_is_not_silenced() -> None:
    """The model keeps reading these (they were interviews before this class): no span of them
    is one it may not read an interview from."""
    wrong = []
    for line, form, subject, thing in itertools.product(
        LINES, PITCH_QUESTIONS, PITCH_SUBJECTS, PITCH_OBJECTS
    ):
        text = form.format(s=subject, o=thing)
        rules = analyze_answer(line, text, rules_only=True)
        if silent_spans(text, rules.cues, "interview"):
            wrong.append((line, text))
    assert not wrong, f"{len(wrong)}: {wrong[:5]}"
