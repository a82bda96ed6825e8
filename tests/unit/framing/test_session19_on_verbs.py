"""A work question ending on its verb's "on" is no pay question (session 19, a newcomer's run).

"What would someone new spend their first month on?" was read as the seeker asking their own
pay: `OWN_PAY_THING`'s "what would <subject> [be] on" took "someone new spend their first
month" for the subject and the closing "on" for the amount's "be on". Any verb whose particle
is that "on" (work on, focus on, concentrate on, spend <time> on) is the work, not the pay.
Generated: subjects x on-verbs x managers' lines x styles, rules alone and the hybrid; and the
pay questions the pattern is for still read as pay.
"""

from __future__ import annotations

import itertools

import pytest

from app.framing import analyze_answer

SUBJECTS = [
    "someone new", "a new starter", "someone joining", "people joining now", "a junior",
    "I", "someone like me", "a new hire", "a graduate coming in", "new joiners",
]  # fmt: skip
ON_VERBS = [
    "work on", "be working on", "focus on", "concentrate on", "spend their first month on",
    "spend most days on", "be spending time on", "spend the first few weeks on",
]  # fmt: skip
LINES = [
    "Is that the kind of problem you would enjoy?",
    "We're growing the team next year.",
    "It's a busy place, honestly.",
]
OPENERS = ["What would", "Maybe, I'm not sure yet. What would", "so what would"]


def _asr(text: str) -> str:
    return text.lower().replace("?", "").replace(",", "").replace(".", "").replace("'", "")


ALL = [
    (line, f"{opener} {subject} {verb}?", asr)
    for (subject, verb), line, opener, asr in itertools.product(
        itertools.product(SUBJECTS, ON_VERBS), LINES, OPENERS, (False, True)
    )
]
CASES = ALL[::7]


@pytest.mark.parametrize(("line", "text", "asr"), CASES)
def test_a_work_question_on_its_verbs_on_is_no_pay_question(
    line: str, text: str, asr: bool
) -> None:
    answer = _asr(text) if asr else text
    rules = analyze_answer(line, answer, rules_only=True)
    assert "pay_question" not in {c.cue for c in rules.cues}, answer
    assert rules.frame != "interview", (answer, rules.frame)
    hybrid = analyze_answer(line, answer)
    assert "pay_question" not in {c.cue for c in hybrid.cues}, answer


def test_the_model_rarely_reads_them_as_an_interview() -> None:
    """The sentence model may still overrule the rules on a few (it read 2 of 213 sampled as an
    interview when this was written): the class as a whole stays a work question."""
    read = [analyze_answer(line, _asr(t) if asr else t).frame for line, t, asr in ALL]
    interview = sum(frame == "interview" for frame in read)
    assert interview <= 0.05 * len(read), f"{interview} of {len(read)} read as an interview"


@pytest.mark.parametrize(
    "text",
    [
        "What would I be on a year?",
        "what would someone like me make with you guys",
        "what would a new starter earn",
        "How much would someone joining now take home?",
        "What would I work on, and what would I earn?",
        "what would a junior be on",
        "What would someone new be on?",
    ],
)
def test_the_pay_questions_it_is_for_stay_pay_questions(text: str) -> None:
    result = analyze_answer("We're growing the team next year.", text, rules_only=True)
    assert "pay_question" in {c.cue for c in result.cues}, text
