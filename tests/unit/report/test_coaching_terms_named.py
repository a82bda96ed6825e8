"""Per-turn coaching on a question about one's own terms names what was asked: pay only when
pay was asked, else the hours, time off, remote work or the perks (the pay_question cue covers
them all; the coaching said "put pay before the work" for "Would I get to work from home?")."""

from __future__ import annotations

import itertools

import pytest

from app.framing import Turn, analyze
from app.report.coaching import Said, coach

MANAGER = "We build the pipelines that feed the hospital dashboards."

#: (question, kind it asks about) for the per-turn coaching to name.
TERMS = (
    ("Would I get to work from home on Fridays, though?", "remote work"),
    ("Is it remote?", "remote work"),
    ("Could the role be fully remote?", "remote work"),
    ("Is it hybrid, or in the office every day?", "remote work"),
    ("How many office days a week would it be?", "remote work"),
    ("Would I have to relocate for this?", "remote work"),
    ("What are the hours like?", "the hours"),
    ("Is it part-time or full-time?", "the hours"),
    ("Would I have to work shifts?", "the hours"),
    ("Are there night shifts?", "the hours"),
    ("Is there a lot of overtime?", "the hours"),
    ("Is the schedule flexible?", "the hours"),
    ("Could I do a four-day week?", "the hours"),
    ("How many days off would I get?", "time off"),
    ("Would I get weekends off?", "time off"),
    ("How much holiday would I get?", "time off"),
    ("How much annual leave is there?", "time off"),
    ("Is there paid time off?", "time off"),
    ("What's the vacation like?", "time off"),
    ("Are there any perks?", "the perks"),
    ("What benefits come with it?", "the perks"),
    ("Is there a gym or free parking?", "the perks"),
    ("Do you get health insurance?", "the perks"),
)
PAY = (
    "What does it pay?",
    "What's the salary for this role?",
    "How much would I make?",
    "How much do I get?",
    "Is there a bonus?",
    "What's the pay range?",
    "What kind of compensation are we talking?",
    "Are there stock options or equity?",
    "What's the day rate?",
    "How much could I earn?",
    "What band is it, band six?",
    "Is it well paid?",
)
OPENERS = ("", "Sounds good. ", "Okay, and ", "Just wondering: ")


def _coached(answer: str, cue_words: str | None = None) -> str:
    """The explanation for `answer`, its pay_question cue on `cue_words` (the whole answer)."""
    words = cue_words or answer
    start = answer.index(words)
    turns = [
        Said(0, "manager", MANAGER, "exploration"),
        Said(
            1,
            "seeker",
            answer,
            "interview",
            ({"cue": "pay_question", "text": words, "start": start, "end": start + len(words)},),
        ),
    ]
    (item,) = coach(turns, shift_turn=1)
    assert item.cue == "pay_question"
    return item.explanation


def _question(opener: str, question: str) -> str:
    return opener + (question[0].lower() + question[1:] if opener.endswith("and ") else question)


@pytest.mark.parametrize(("opener", "asked"), list(itertools.product(OPENERS, TERMS)))
def test_a_terms_question_is_not_called_pay(opener: str, asked: tuple[str, str]) -> None:
    question, kind = asked
    text = _coached(_question(opener, question), question if not opener.endswith("and ") else None)
    assert "pay" not in text.split(": that ")[-1], text
    assert f"({kind})" in text, text
    assert "before the work, turning a chat into a negotiation" in text


@pytest.mark.parametrize(("opener", "question"), list(itertools.product(OPENERS, PAY)))
def test_a_pay_question_is_called_pay(opener: str, question: str) -> None:
    text = _coached(_question(opener, question))
    assert "that put pay before the work, turning a chat into a negotiation" in text, text


@pytest.mark.parametrize(
    ("pay", "asked"), list(itertools.product(PAY[:4], [t for t in TERMS if "pay" not in t[0]]))
)
def test_pay_and_terms_asked_together_name_both(pay: str, asked: tuple[str, str]) -> None:
    question, kind = asked
    text = _coached(f"{pay} And {question[0].lower()}{question[1:]}")
    assert "that put pay and your other terms (" in text, text
    assert kind in text.split("that put ")[-1], text


def test_a_terms_question_the_analyzer_flags_names_what_was_asked() -> None:
    """Through the real analyzer: every question it flags as pay_question is named truly."""
    flagged = 0
    for question, kind in TERMS:
        analysis = analyze([Turn("manager", MANAGER), Turn("seeker", question)]).to_dict()
        turns = [
            Said(t["index"], t["speaker"], [MANAGER, question][t["index"]], t["frame"], t["cues"])
            for t in analysis["turns"]
        ]
        for item in coach(turns, shift_turn=analysis.get("shift_turn")):
            if item.cue != "pay_question":
                continue
            flagged += 1
            said = item.explanation.split(": that ")[-1]
            assert "pay" not in said, item.explanation
            assert kind in said, item.explanation
    assert flagged >= 3  # the newcomer's own question among them
