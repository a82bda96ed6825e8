"""One's own pay asked with a long subject or a place after it (session 17, the lead): "what
would someone with my experience be on at yours", "what would a nurse coming in from the agency
get a shift here", "Roughly what would an assistant editor coming in at my level take home
there?", "what would I actually see at the end of the month". The subject is a person with a
modifier after it (`cues._PERSON_SUBJECT`), up to nine words (`patterns._GAIN_SUBJECT`); the
amount lands somewhere or in some period (`patterns._GAIN_TAIL`: a day, a shift, at yours, after
tax, on your rota; "out there" is the market, not the role). Near misses: the same shapes
about another person's money, a machine's output, or what one would do or think."""

from __future__ import annotations

import random

from app.framing import analyze_answer

LINES = (
    "We're expanding the team next spring.",
    "the agency's mostly remote now",
    "Our depot runs three shifts.",
    "we shoot mostly on location",
)
SUBJECTS = (
    "someone with my experience",
    "somebody at my level",
    "someone with my background",
    "a nurse coming in from the agency",
    "an assistant editor coming in at my level",
    "a junior coming in",
    "somebody with my eight years",
    "someone like me starting",
    "people joining from outside",
    "a planner joining from another firm",
)
VERBS = ("be on", "make", "get", "take home", "be earning", "clear", "bring home")
TAILS = ("at yours", "a day", "a shift", "after tax", "with you guys", "there", "on your rota")
LEADS = ("", "so ", "honestly ", "roughly ", "ok and ")
OTHER_SUBJECTS = ("my mate", "your brother", "the machine", "the plant", "your old firm")
OTHER_VERBS = ("be on", "make", "get")


def _asks(text: str) -> tuple[str, set[str]]:
    result = analyze_answer(LINES[len(text) % len(LINES)], text)
    return result.frame, {cue.cue for cue in result.cues}


def test_own_pay_with_a_long_subject_or_a_place_is_a_pay_question() -> None:
    rng = random.Random(17)
    missed = []
    for _ in range(160):
        text = (
            f"{rng.choice(LEADS)}what would {rng.choice(SUBJECTS)} {rng.choice(VERBS)} "
            f"{rng.choice(TAILS)}"
        )
        if rng.random() < 0.5:
            text = text[0].upper() + text[1:] + "?"
        frame, cues = _asks(text)
        if frame != "interview" or "pay_question" not in cues:
            missed.append(text)
    assert not missed, missed[:10]


def test_what_lands_at_the_end_of_the_month() -> None:
    for text in (
        "what would I actually see at the end of the month",
        "What would I see in my account each month?",
        "so what would i be seeing at the end of the week roughly",
    ):
        frame, cues = _asks(text)
        assert frame == "interview", text
        assert "pay_question" in cues, text


def test_other_peoples_money_and_output_stay_no_pay() -> None:
    rng = random.Random(171)
    wrong = []
    for _ in range(60):
        text = (
            f"{rng.choice(LEADS)}what would {rng.choice(OTHER_SUBJECTS)} "
            f"{rng.choice(OTHER_VERBS)} {rng.choice(('a day', 'at yours', 'after tax'))}"
        )
        if "pay_question" in _asks(text)[1]:
            wrong.append(text)
    for text in (
        "Yes! What would I see?",
        "what would I see on a typical day",
        "what would someone with your background make of it",
        "what would people joining this year be working on",
        "what does a junior on your team get to work on",
    ):
        if "pay_question" in _asks(text)[1]:
            wrong.append(text)
    assert not wrong, wrong
