"""One table says what each word about the job's terms is (session 14, F3).

The coaching kept its own list of pay and terms words beside the rules' (`patterns.PAY_CONTENT`),
and the two had drifted: the rules knew "hourly", "salaried", "the range", "starting rate",
"ballpark", "per diem", "mileage", "reimbursement", "retirement", "PTO" as the job's terms, the
coaching named none of them ("put your own terms before the work" for "What's the range for the
senior level?") and called "by the hour" / "per hour" the hours. Now `patterns.TERM_WORDS` is
the one table (kind, words, whether they alone make a turn pay-like); `PAY_CONTENT` and the
coaching's `terms_asked` are both read from it, and the coaching names the kinds of every
pay_question cue of the turn, read in the turn ("What's the salary? And is it remote?" asked
both, though only the first sentence is quoted). Generated: lead-ins x wordings x typed /
recognizer style."""

from __future__ import annotations

import itertools
import re

import pytest

from app.framing import Turn, analyze
from app.framing import patterns as p
from app.report.coaching import Said, coach, terms_asked

MANAGER = "We build the pipelines that feed the hospital dashboards."
LEADS = ("", "Okay. ", "Sounds good, and ", "Um, ")
#: The pay in the rules' words the coaching did not know, or called the hours.
PAY_WORDS = (
    "Is it salaried or hourly?",
    "What's the range for the senior level, roughly?",
    "What's the starting rate for a general laborer?",
    "What's the contract rate for a second-year apprentice?",
    "Like, ballpark?",
    "How much is it per year?",
    "How much exactly, per hour?",
    "Are you paying by the hour or per drop?",
    "What's the hourly for seasonal staff?",
)
#: Perks in the rules' words the coaching did not know.
PERK_WORDS = (
    "Do you get a per diem when you're away?",
    "Do you reimburse mileage?",
    "Is there tuition reimbursement?",
    "Could I claim mileage on my own car?",
    # a retirement scheme is a perk like the pension (session 15)
    "What is the retirement match?",
)
#: A pay question and another term in separate sentences: both are named.
SPLIT = (
    ("What's the salary?", "Is it remote?", "remote work"),
    ("What does it pay?", "And do I get weekends off?", "time off"),
    ("How much is the base?", "Are there any perks?", "the perks"),
)


def _asr(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s-]", " ", text.lower().replace("'", ""))).strip()


def _coached(answer: str) -> str:
    """The explanation for `answer` flagged as one pay_question over all its words."""
    turns = [
        Said(0, "manager", MANAGER, "exploration"),
        Said(1, "seeker", answer, "interview",
             ({"cue": "pay_question", "text": answer, "start": 0, "end": len(answer)},)),
    ]  # fmt: skip
    (item,) = coach(turns, shift_turn=1)
    return item.explanation.split(": that ")[-1]


@pytest.mark.parametrize(("lead", "question"), list(itertools.product(LEADS, PAY_WORDS)))
def test_the_pay_in_the_rules_words_is_called_pay(lead: str, question: str) -> None:
    for said in (lead + question, _asr(lead + question)):
        assert terms_asked(said) == ("pay",), said
        assert _coached(said).startswith("put pay before the work"), said


@pytest.mark.parametrize(("lead", "question"), list(itertools.product(LEADS, PERK_WORDS)))
def test_perks_in_the_rules_words_are_called_perks(lead: str, question: str) -> None:
    for said in (lead + question, _asr(lead + question)):
        assert "the perks" in terms_asked(said), said
        assert "(the perks)" in _coached(said), said


@pytest.mark.parametrize(("lead", "split"), list(itertools.product(LEADS, SPLIT)))
def test_every_pay_question_of_the_turn_is_named(lead: str, split: tuple[str, str, str]) -> None:
    first, second, kind = split
    answer = f"{lead}{first} {second}"
    analysis = analyze([Turn("manager", MANAGER), Turn("seeker", answer)]).to_dict()
    turns = [Said(t["index"], t["speaker"], [MANAGER, answer][t["index"]], t["frame"], t["cues"])
             for t in analysis["turns"]]  # fmt: skip
    (item,) = coach(turns, shift_turn=1)
    assert item.cue == "pay_question", item
    assert f"put pay and your other terms ({kind})" in item.explanation, item.explanation


def test_one_table_feeds_the_rules_and_the_coaching() -> None:
    """Every words entry has a known kind (or none); the rules' pay-like content is exactly the
    table's content entries; the coaching names kinds with the same table."""
    assert {t.kind for t in p.TERM_WORDS} <= {*p.TERM_KINDS, None}
    for kind in p.TERM_KINDS:
        assert any(t.kind == kind for t in p.TERM_WORDS), kind
    content = [t.before + t.words + t.after for t in p.TERM_WORDS if t.content]
    assert p.PAY_CONTENT.pattern == p._rx(*content).pattern
    said = "Whats the salary and is it hybrid and do I get PTO and a gym and night shifts?"
    assert terms_asked(said) == p.terms_named(said) == p.TERM_KINDS


def test_paid_time_off_is_time_off_not_pay() -> None:
    for said in ("Is there paid time off?", "is there paid holiday", "Do you get paid leave?"):
        assert terms_asked(said) == ("time off",), said
