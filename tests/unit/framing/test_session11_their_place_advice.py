"""Advice on getting into THEIR place still asks for it (session 11, review 10 R20).

Session 10 made advice on one's own path ("would a bootcamp help or is it a waste", "should I
learn SQL before applying anywhere") advice seeking, which the rules decide; so "would a bootcamp
help me get in here" kept only its advice and read exploration, and "is it worth sending you my
cv first" named nothing. When the step's goal is their place ("get in here", "get on your team",
"into your lab", "apply here", "send you my CV") it is a job request (`patterns.JOB_REQUEST`):
advice and a request, an interview. Generated: steps x advice forms x their places x styles x
lines; the counter-class (the seeker's own path, the other person's story) keeps no request.
"""

from __future__ import annotations

import itertools
import re

from app.framing.analyzer import analyze_answer

LINES = (
    "So what brings you here?",
    "We're hiring a couple of analysts this spring.",
    "Any questions for me?",
)
STEPS = (
    "a bootcamp",
    "a certificate",
    "a portfolio",
    "a master's",
    "an online course",
    "a CompTIA cert",
    "some volunteering",
)
THEIRS = (
    "in here",
    "on your team",
    "into your lab",
    "onto the team",
    "in with you guys",
    "into your department",
    "into this company",
    "on your crew",
    "in here eventually",
)
FORMS = (
    "would {s} help me get {p}",
    "would {s} help get me {p}",
    "is it worth doing {s} to get {p}",
    "does {s} help people like me get {p}",
    "should I do {s} first to get {p}",
    "would it help to have {s} to get {p}",
    "do I need {s} to get {p}",
    "honestly, would {s} help me break {p}",
)
CV = (
    "is it worth sending you my cv first",
    "should I apply here or wait until I finish {s}",
    "would it help if I sent you my portfolio",
    "is it better to apply to your team after {s}",
    "should I be sending you my resume now or after {s}",
    "could I apply with you before {s}",
)
#: The seeker's own path, or the other person's story: advice, no request.
OWN_PATH = (
    "would {s} help me get into tech",
    "is it worth doing {s} to get into nursing",
    "would {s} help me get into data science",
    "should I do {s} before applying anywhere",
    "would {s} help or is it a waste",
    "how did you get into your team",
    "what did you do to get in here",
    "would {s} help me get in touch with people",
    "is {s} worth it for someone switching careers",
)


def _asr(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


def _both(said: str) -> tuple[str, str]:
    typed = said[0].upper() + said[1:] + "?"
    return typed, _asr(typed)


ASKS = [
    text
    for form, step, place in itertools.product(FORMS, STEPS, THEIRS)
    for text in _both(form.format(s=step, p=place))
] + [text for form, step in itertools.product(CV, STEPS) for text in _both(form.format(s=step))]
OWN = [
    text for form, step in itertools.product(OWN_PATH, STEPS) for text in _both(form.format(s=step))
]


def _request(line: str, text: str, rules_only: bool = True) -> bool:
    result = analyze_answer(line, text, rules_only=rules_only)
    return result.frame == "interview" and "job_request" in {c.cue for c in result.cues}


def test_the_class_is_large() -> None:
    assert len(ASKS) > 1000


def test_advice_on_getting_into_their_place_asks_for_it() -> None:
    """Old code: 'would a bootcamp help me get in here' was advice only (exploration)."""
    wrong = [
        (line, text) for line, text in itertools.product(LINES, ASKS) if not _request(line, text)
    ]
    assert not wrong, f"{len(wrong)} of {3 * len(ASKS)}: {wrong[:6]}"


def test_the_hybrid_keeps_it() -> None:
    wrong = [text for text in ASKS[::9] if not _request(LINES[2], text, rules_only=False)]
    assert not wrong, f"{len(wrong)}: {wrong[:6]}"


def test_ones_own_path_or_their_story_asks_for_nothing() -> None:
    """Counter-class: 'would a bootcamp help me get into tech', 'how did you get into your team'."""
    wrong = [
        (line, text)
        for line, text in itertools.product(LINES, OWN)
        if "job_request" in {c.cue for c in analyze_answer(line, text, rules_only=True).cues}
    ]
    assert not wrong, f"{len(wrong)}: {wrong[:6]}"
