"""Naming the other person as the one to ask is about them, never a pitch (trial 8 H20).

"you'd be the right person to ask" and "I'm sure you're the right person to talk to about
pipelines" read as self-promotion: the pitch pattern "I'm ... the right person" reached across
"sure you're", and the sentence model read "the right person" as asking for the job. Another
subject or a verb of knowing or saying inside "I'm ... the right person" ends the seeker's claim
(`patterns._NOT_ANOTHER`), and the model may not read a frame from the remark itself
(`patterns.RIGHT_PERSON`, `cues.silent_spans`): exploration when the seeker goes on to ask for
advice, neutral otherwise. "I'm the right person for this job" is still a pitch. Generated:
lead-ins x remarks x topics x an advice ask or none x the manager's line x typed / recognizer
style.
"""

from __future__ import annotations

import itertools
import re

from app.framing.analyzer import analyze_answer

LINES = (
    "I've been in hospital IT for twenty years.",
    "I lead the data platform team here.",
    "Nice to meet you.",
    "Anything else on your mind?",
)
LEADS = ("", "I think ", "I figured ", "I was told ", "I'm sure ", "Honestly I bet ",
         "I'm guessing ", "I heard ", "So ", "Well, ")  # fmt: skip
REMARKS = (
    "you'd be the right person to ask",
    "you're the right person to talk to about {topic}",
    "you'd be the best person to ask about {topic}",
    "you're probably the right person to ask",
    "you might be the perfect person to ask about {topic}",
    "you'd be the ideal person to talk to",
    "your manager would be the right person to ask",
    "she's the best person to talk to about {topic}",
    "you are the right person to speak to about {topic}",
    "you seem like the right person to ask about {topic}",
)
TOPICS = ("data pipelines", "breaking into nursing", "this")
ADVICE = (
    "What would you do in my shoes?",
    "Any tips for someone starting out?",
    "What would you recommend I read first?",
)
PITCHES = (
    "I'm the right person for this job.",
    "I'd be the perfect person for the role.",
    "I'm sure I'm the right person for this.",
    "Honestly I'm the best person for the job.",
    "I think I'd be a great fit for your team.",
)


def _asr(text: str) -> str:
    """Recognizer style: lower case, no punctuation, apostrophes dropped too."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


def _remarks() -> list[str]:
    said = set()
    for lead, remark, topic in itertools.product(LEADS, REMARKS, TOPICS):
        text = lead + remark.format(topic=topic)
        said.add(text[0].upper() + text[1:] + ".")
    return sorted(said)


REMARK_ONLY = [t for typed in _remarks() for t in (typed, _asr(typed))]
WITH_ADVICE = [
    t
    for typed, ask in itertools.product(_remarks(), ADVICE)
    for t in (f"{typed} {ask}", _asr(f"{typed} {ask}"))
]
_INTERVIEW_CUES = ("self_promotion", "commitment", "job_request", "pay_question")


def _pitched(result: object) -> list[str]:
    return [c.cue for c in result.cues if c.cue in _INTERVIEW_CUES]  # type: ignore[attr-defined]


def test_the_class_is_large() -> None:
    assert len(REMARK_ONLY) > 300
    assert len(WITH_ADVICE) > 1000


def test_the_rules_read_no_pitch_in_naming_the_other_person() -> None:
    wrong = []
    for line, text in itertools.product(LINES, (*REMARK_ONLY, *WITH_ADVICE)):
        result = analyze_answer(line, text, rules_only=True)
        if result.frame == "interview" or _pitched(result):
            wrong.append((line, text, result.frame, _pitched(result)))
    assert not wrong, f"{len(wrong)}: {wrong[:5]}"


def test_the_remark_alone_is_neutral() -> None:
    wrong = []
    for line, text in itertools.product(LINES[:2], REMARK_ONLY):
        result = analyze_answer(line, text)
        if result.frame != "neutral" or _pitched(result):
            wrong.append((line, text, result.frame, _pitched(result)))
    assert not wrong, f"{len(wrong)} of {2 * len(REMARK_ONLY)}: {wrong[:5]}"


def test_the_remark_then_an_advice_ask_is_exploration() -> None:
    wrong = []
    for text in WITH_ADVICE:
        result = analyze_answer(LINES[0], text)
        if result.frame != "exploration" or _pitched(result):
            wrong.append((text, result.frame, _pitched(result)))
    assert not wrong, f"{len(wrong)} of {len(WITH_ADVICE)}: {wrong[:5]}"


def test_naming_oneself_the_right_person_is_still_a_pitch() -> None:
    wrong = []
    for line, typed in itertools.product(LINES, PITCHES):
        for text in (typed, _asr(typed)):
            for rules_only in (True, False):
                result = analyze_answer(line, text, rules_only=rules_only)
                if result.frame != "interview" or "self_promotion" not in _pitched(result):
                    wrong.append((rules_only, line, text, result.frame))
    assert not wrong, wrong[:5]
