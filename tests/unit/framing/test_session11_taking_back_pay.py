"""Taking back a pay question is no pay question (session 11, the newcomer trial's N1).

"Actually, sorry, scratch the pay question, that was too early. I'd rather understand the work
first. What does a bad week look like for your team?" was a pay question ("pay") and could be the
shift. A take-back right before the pay word ("scratch the pay question", "forget the pay thing",
"never mind the salary bit", "forget I asked about money": `patterns.PAY_RETRACTED`) makes it
none, and the sentence model may not read it back (`cues.withdrawn`); what the answer says next
decides. Counter-class: taking back something else ("skip the small talk, what's the pay?") or
asking plainly still asks about pay. Generated: take-backs x pay words x what follows x styles.
"""

from __future__ import annotations

import itertools
import re

from app.framing.analyzer import analyze_answer

LINES = ("Anything else you want to ask?", "Happy to answer anything.", "Tell me about your team.")
TAKE_BACKS = (
    "scratch the {p} question",
    "forget the {p} thing",
    "never mind the {p} bit",
    "forget I asked about {p}",
    "ignore my {p} question",
    "forget I asked about {p} earlier",
    "scratch that {p} question",
    "sorry, forget the {p} question",
    "disregard the {p} question",
    "let me take back the {p} question",
)
PAY_WORDS = ("pay", "salary", "money", "benefits", "compensation", "bonus")
FIRST = ("", "Actually, sorry, ", "Okay, ", "Hmm, ", "Sorry, ")
NEXT = (
    ", that was too early. What does a bad week look like for your team?",
    ". What did you wish you'd known before you started?",
    ". What is the team struggling with?",
    ", how big is the team?",
    ". What's the hardest part of the job?",
)
#: Still pay questions: something else is taken back, or nothing is.
STILL_PAY = (
    "skip the small talk, what's the pay?",
    "Forget the brochure, what's the salary range?",
    "I forgot to ask, what's the salary?",
    "never mind the commute, does it pay well?",
    "Scratch that, what are the benefits like?",
    "What does it pay? I won't forget the number.",
)


def _asr(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


def _answers() -> list[str]:
    found: list[str] = []
    for first, back, pay, then in itertools.product(FIRST, TAKE_BACKS, PAY_WORDS, NEXT):
        said = first + back.format(p=pay) + then
        typed = said[0].upper() + said[1:]
        found.extend((typed, _asr(typed)))
    return found


TAKEN_BACK = _answers()


def _pay(line: str, text: str, rules_only: bool = True) -> bool:
    return "pay_question" in {c.cue for c in analyze_answer(line, text, rules_only=rules_only).cues}


def test_the_class_is_large() -> None:
    assert len(TAKEN_BACK) > 2500


def test_a_pay_question_taken_back_is_none() -> None:
    """Old code: every one of them was a pay question (an interview)."""
    wrong = [(line, text) for line in LINES[:2] for text in TAKEN_BACK if _pay(line, text)]
    assert not wrong, f"{len(wrong)} of {2 * len(TAKEN_BACK)}: {wrong[:6]}"


def test_the_model_may_not_read_it_back() -> None:
    wrong = [
        text
        for text in TAKEN_BACK[::9]
        if _pay(LINES[0], text, rules_only=False)
        or analyze_answer(LINES[0], text).frame == "interview"
    ]
    assert not wrong, f"{len(wrong)}: {wrong[:6]}"


def test_taking_back_something_else_still_asks_about_pay() -> None:
    for line, said in itertools.product(LINES, STILL_PAY):
        for text in (said, _asr(said)):
            assert _pay(line, text), text


#: Review 11 R6: the verb inside a question about one's own terms is no take-back.
NEGOTIATED = [
    f"{ask} {verb} {what}?"
    for ask, verb, what in itertools.product(
        ("would I need to", "could I", "do I", "would you ever", "can we"),
        ("drop", "cancel", "skip", "forgo", "give up"),
        ("my salary expectations", "the bonus", "my benefits", "overtime pay"),
    )
]


def test_giving_up_pay_inside_a_question_is_still_a_pay_question() -> None:
    """Review 11 R6: 5086198 read 'Would I need to drop my salary expectations to get in?' as a
    take-back (no pay question)."""
    wrong = [
        text
        for said in NEGOTIATED
        for text in (said[0].upper() + said[1:], _asr(said))
        if not _pay(LINES[0], text)
    ]
    assert not wrong, f"{len(wrong)} of {2 * len(NEGOTIATED)}: {wrong[:6]}"
