"""A plain no or "not yet" is a fact, not a hedge (session 14, F2).

"Not yet, no." to "Are you looking at the moment?" or "Have you applied?" was tagged
conditional_interest and read exploration: the "not yet" pattern took a plain negative for
interest that depends on learning more. The class: short negatives and "not yet" forms with no
condition, reason or doubt, to a question about what the seeker has done or is doing, read
neutral with no hedge. Not the class (the hedge stays): a "not yet" with a condition ("not yet,
I want to learn more first"), doubt ("not sure yet"), or to a question about what the seeker
wants or would do ("Would you like to apply?" "Not yet." defers). Generated: status questions x
negative forms x typed / recognizer style."""

from __future__ import annotations

import itertools
import re

from app.framing.analyzer import analyze_answer

STATUS_LINES = (
    "Are you looking at the moment?",
    "So are you actively job hunting?",
    "Have you applied anywhere yet?",
    "Have you sent your CV over to Priya?",
    "Are you on the market right now?",
    "Did you put in an application for the grad scheme?",
    "Have you talked to anyone in HR yet?",
    "Are you interviewing anywhere else?",
    "We've got a lot of applicants. Have you started looking properly?",
    "Have you heard back from the agency?",
)
PLAIN_NO = (
    "Not yet, no.",
    "Nope, not yet.",
    "not yet",
    "No, not yet.",
    "Not just yet.",
    "Um, no, not yet.",
    "Not yet, sorry.",
    "No, I haven't yet.",
    "I haven't, no.",
    "Not at the moment, no.",
    "Not right now.",
    "No, not currently.",
    "Not so far, no.",
    "Nah, not yet.",
    "Honestly, no. Not yet.",
    "I'm afraid not.",
    "Sadly not, no.",
    "No, I haven't applied yet.",
    "I'm not looking right now.",
    "No, I'm not actively looking at the moment.",
    "Not yet no haha",
    "none yet",
)
#: The hedge stays: a condition, a reason, doubt.
HEDGED = (
    "Not yet, I want to learn more first.",
    "Not yet, not until I know more about the team.",
    "Not yet. It depends on what comes up.",
    "Not yet, maybe after I've seen what the work is like.",
    "Not yet, I'd like to understand the role better before I do.",
)
#: Questions about what the seeker wants or would do: "not yet" defers.
INTENT_LINES = (
    "Would you like to apply?",
    "Shall I put your name forward?",
    "Are you interested in the role?",
    "Do you want me to introduce you to the hiring manager?",
    "Are you ready to make a move?",
    "Have you thought about applying?",
)
DEFERRING = ("Not yet.", "Not yet, no.", "Not just yet.", "not right now")


def _asr(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


def _styles(text: str) -> tuple[str, ...]:
    return (text, _asr(text))


def test_a_plain_no_to_a_status_question_is_neutral_with_no_hedge() -> None:
    wrong = []
    for line, answer in itertools.product(STATUS_LINES, PLAIN_NO):
        for text in _styles(answer):
            for rules_only in (True, False):
                r = analyze_answer(line, text, rules_only=rules_only)
                names = [c.cue for c in r.cues]
                if r.frame != "neutral" or "conditional_interest" in names:
                    wrong.append((line, text, rules_only, r.frame, names))
    assert not wrong, f"{len(wrong)} of {len(STATUS_LINES) * len(PLAIN_NO) * 4}: {wrong[:8]}"


def test_a_not_yet_with_a_condition_still_hedges() -> None:
    wrong = []
    for line, answer in itertools.product(STATUS_LINES, HEDGED):
        for text in _styles(answer):
            r = analyze_answer(line, text)
            if r.frame != "exploration" or "conditional_interest" not in [c.cue for c in r.cues]:
                wrong.append((line, text, r.frame))
    assert not wrong, wrong[:8]


def test_not_yet_to_a_question_of_intent_still_defers() -> None:
    wrong = []
    for line, answer in itertools.product(INTENT_LINES, DEFERRING):
        for text in _styles(answer):
            r = analyze_answer(line, text)
            if "conditional_interest" not in [c.cue for c in r.cues]:
                wrong.append((line, text, r.frame))
    assert not wrong, wrong[:8]


def test_doubt_is_not_a_plain_no() -> None:
    for text in ("Not sure yet.", "I haven't decided yet.", "no, not sure yet"):
        r = analyze_answer("Are you looking at the moment?", text, rules_only=True)
        assert r.frame == "exploration", text
