"""A curious question about the WORK (the team, the role, its scope, the tools, the people, the
challenges) answering "are you interested in the position?" keeps the talk mutual: it is never
a pay question and never the shift, after a hedge ("Maybe.", "I might be.", "Not sure yet.")
too, and in recognizer style (lower case, no punctuation). A pay question must name pay-like
content (salary, pay, compensation, money, benefits, bonus, equity, a raise, the rate, the
hours, remote work, holidays as terms of the job), in the rules and wherever the sentence model
names the cue (trial6 F19/F19b). Generated: interest questions x work questions x lead-ins x
styles; real pay questions x the same lines still read as pay questions."""

from __future__ import annotations

import itertools
import random
import re

from app.framing.analyzer import analyze, analyze_answer
from app.framing.model import Turn

INTEREST_LINES = (
    "So tell me, are you interested in the position?",
    "Are you interested in the role, then?",
    "Would this interest you?",
    "Would a role like this interest you?",
    "So, would you be interested in the opening on my team?",
    "Could you see yourself in this role?",
    "Is this the kind of job you'd want?",
    "Are you keen on the job, do you think?",
    "We have an analyst opening. Are you interested?",
    "Honestly, is that something you'd want to go for?",
)
OTHER_LINES = ("What brings you here tonight?", "We're growing the team this year.")
WORK_QUESTIONS = (
    "How big is the team?",
    "How many people are on your team?",
    "What's the team size?",
    "How senior is the role?",
    "What's the budget for the platform?",
    "What's the scope of the role?",
    "What's the team like?",
    "Who would I be working with?",
    "What does the team look like?",
    "How large is the group?",
    "How is the team structured?",
    "What's the biggest challenge right now?",
    "What tools does the team use?",
    "Why is the role open?",
    "What happened to the last person in the role?",
    "What would success look like in the first year?",
    "Who does the role report to?",
    "How much of the work is research?",
    "How much autonomy does the team have?",
    "How much support do you get from leadership?",
    "How much does the team get to decide on its own?",
    "What projects would I work on?",
    "What's the day to day like?",
    "How do decisions get made on the team?",
    "What's the stack like?",
    "Who are the main clients?",
    "How new is the team?",
    "What does a typical week look like for the team?",
    "What's the hardest part of the work?",
    "How does the team work with sales?",
    "Is it a new role?",
    "How big is the budget for tooling?",
    "What skills matter most on the team?",
    "How many clinics do you support?",
    "What's the mix of people on the team?",
    "Who would I learn from?",
)
LEAD_INS = ("", "Maybe. ", "I might be. ", "Not sure yet. ", "Possibly, ", "Could be. ",
            "Depends. ", "I might be, ", "Hard to say yet. ", "Good question. ", "Hmm, ",
            "Honestly I don't know yet, ", "Maybe, ", "I may be. ")  # fmt: skip
PAY_QUESTIONS = (
    "What's the salary range?",
    "How much does it pay?",
    "What's the compensation like?",
    "Is there a bonus?",
    "What are the benefits like?",
    "Does it come with equity?",
    "How much money are we talking?",
    "Is it remote?",
    "How many holiday days do you get?",
    "What's the day rate?",
    "When would the first raise come?",
    "What's the pay like?",
    "Is there a pension?",
)


def _asr(text: str) -> str:
    """Recognizer style: lower case, no punctuation but apostrophes."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s'’]", " ", text.lower())).strip()


def _cases(
    questions: tuple[str, ...], lines: tuple[str, ...], leads: tuple[str, ...]
) -> list[tuple[str, str]]:
    out = []
    for line, lead, question in itertools.product(lines, leads, questions):
        answer = (
            f"{lead}{question}"
            if not lead.endswith(", ")
            else f"{lead}{question[0].lower()}{question[1:]}"
        )
        out.extend(((line, answer), (line, _asr(answer))))
    return out


CURIOUS = _cases(WORK_QUESTIONS, INTEREST_LINES + OTHER_LINES, LEAD_INS)


def _sample(cases: list[tuple[str, str]], n: int, seed: int) -> list[tuple[str, str]]:
    return random.Random(seed).sample(cases, min(n, len(cases)))


def _misread(line: str, answer: str, rules_only: bool) -> str | None:
    result = analyze_answer(line, answer, rules_only=rules_only)
    names = {cue.cue for cue in result.cues}
    if result.frame == "interview" or "pay_question" in names:
        pays = [cue.text for cue in result.cues if cue.cue == "pay_question"]
        return f"{line!r} -> {answer!r}: {result.frame} {sorted(names)} {pays}"
    return None


def test_the_rules_never_read_a_work_question_as_pay_or_interview() -> None:
    assert len(CURIOUS) > 10_000
    bad = [m for line, a in CURIOUS if (m := _misread(line, a, rules_only=True))]
    assert not bad, bad[:8]


def test_the_hybrid_never_reads_a_work_question_as_pay_or_interview() -> None:
    cases = _sample(CURIOUS, 1500, seed=12)
    bad = [m for line, a in cases if (m := _misread(line, a, rules_only=False))]
    assert not bad, f"{len(bad)} of {len(cases)}: {bad[:8]}"


def test_a_work_question_after_the_interest_question_is_no_shift() -> None:
    for line, answer in _sample([c for c in CURIOUS if c[0] in INTEREST_LINES], 300, seed=7):
        analysis = analyze([Turn("manager", line), Turn("seeker", answer)])
        assert analysis.turns[1].frame != "interview", (line, answer, analysis.turns[1])
        assert analysis.shift is None, (line, answer)
        rules = analyze_answer(line, answer, rules_only=True)
        assert rules.frame != "interview", (line, answer, rules)


def test_real_pay_questions_are_still_pay_questions() -> None:
    cases = _cases(PAY_QUESTIONS, INTEREST_LINES + OTHER_LINES, ("", "Sounds good. ", "Okay, "))
    for rules_only in (True, False):
        for line, answer in cases if rules_only else _sample(cases, 300, seed=3):
            result = analyze_answer(line, answer, rules_only=rules_only)
            pays = [cue for cue in result.cues if cue.cue == "pay_question"]
            assert result.frame == "interview", (rules_only, line, answer, result)
            assert pays, (rules_only, line, answer, result)


def test_a_model_pay_cue_is_placed_on_the_pay_words() -> None:
    """The words shown for a pay question are pay words, never "I might be"."""
    leads = ("I might be. ", "Maybe. ", "Sure. ", "Yes, and ")
    asked = (*PAY_QUESTIONS, "What are the hours like?", "How flexible are the hours?")
    for line, answer in _cases(asked, INTEREST_LINES[:3], leads):
        result = analyze_answer(line, answer)
        for cue in result.cues:
            if cue.cue == "pay_question":
                assert answer[cue.start : cue.end] == cue.text
                assert not re.fullmatch(r"(?i)\W*(?:i might be|maybe|sure|yes)\W*", cue.text), (
                    answer,
                    cue,
                )
