"""Terms words in another sense ask nothing about the seeker's terms (review 14, R9).

"What's the rate of turnover on the team?" (a good question about the team) read interview
[pay_question] and was coached "put pay before the work"; so did "What's the pay-off of the
rewrite?", "Does it pay to specialise early?", "What's the hourly throughput of the line?" and
"Does the new tool have any perks over the old one?". The class: a terms word in another
sense, by its context (`patterns.TERM_WORDS` guards, and the rules' `PAY_QUESTION`): "the rate"
of or at something ("the rate of turnover", "the rate at which it grows"; "the rate of pay" is
pay), "pay off" / "pay-off" / "it pays to", "hourly" before a noun that is no pay ("the hourly
throughput"; "hourly or salaried", "the hourly rate" are pay), "perks over" a thing that is no
employer ("perks over the old one"; "perks over other employers" are perks). Generated: nouns x
question frames x manager lines x typed / recognizer style, each with its pay-sense twin.
"""

from __future__ import annotations

import itertools

from app.framing import patterns as p
from app.framing.analyzer import analyze_answer
from app.framing.evaluation import recognizer_style

LINES = (
    "The team is about twelve people.",
    "We run the sorting line for the whole region.",
    "We just rewrote the billing service.",
)
RATE_NOUNS = ("turnover", "error", "success", "failure", "attrition", "adoption", "churn",
              "growth", "retention", "defects", "return", "uptake")  # fmt: skip
RATE_FRAMES = ("What's the rate of {} on the team?", "What is the rate of {} like?",
               "Roughly what's the rate of {} these days?")  # fmt: skip
HOURLY_NOUNS = ("throughput", "backups", "reports", "builds", "volume", "output", "checks",
                "snapshots", "traffic", "sync")  # fmt: skip
HOURLY_FRAMES = ("What's the hourly {} of the line?", "Do you run hourly {}?",
                 "How do you track the hourly {}?")  # fmt: skip
PAY_OFF = (
    "What's the pay-off of the rewrite?",
    "Did the rewrite pay off?",
    "Does it pay to specialise early?",
    "Does it pay to learn the old system first?",
    "Has the migration paid off yet?",
    "When does the investment pay off?",
    "It always pays to ask, right? How did the migration go?",
    "Does the new tool have any perks over the old one?",
    "Are there any perks over doing it by hand?",
    "What's the rate at which the team is growing?",
)
#: The same words in the pay sense: still the seeker's terms.
PAY_TWINS = (
    "What's the rate of pay?",
    "Is it hourly or salaried?",
    "What's the hourly rate?",
    "Is the role hourly?",
    "Does it pay well?",
    "What does the job pay?",
    "Any perks over other employers?",
    "What are the perks?",
    "What's the going rate for this role?",
)


def _styles(line: str, answer: str) -> list[tuple[str, str]]:
    return [(line, answer), (recognizer_style(line), recognizer_style(answer))]


def _other_senses() -> list[str]:
    return [
        *(f.format(n) for f, n in itertools.product(RATE_FRAMES, RATE_NOUNS)),
        *(f.format(n) for f, n in itertools.product(HOURLY_FRAMES, HOURLY_NOUNS)),
        *PAY_OFF,
    ]


def test_terms_words_in_another_sense_name_no_terms() -> None:
    wrong = [a for a in _other_senses() for s in (a, recognizer_style(a)) if p.terms_named(s)]
    assert not wrong, f"{len(wrong)}: {wrong[:8]}"
    wrong = [a for a in _other_senses() if p.PAY_CONTENT.search(a) or p.PAY_QUESTION.search(a)]
    assert not wrong, f"{len(wrong)}: {wrong[:8]}"


def test_terms_words_in_another_sense_ask_no_pay() -> None:
    wrong = []
    cases = list(itertools.product(LINES, _other_senses()))
    for line, answer in cases:
        for m, a in _styles(line, answer):
            r = analyze_answer(m, a)
            if "pay_question" in [c.cue for c in r.cues]:
                wrong.append((m, a, r.frame))
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:8]}"


def test_the_pay_sense_is_still_pay() -> None:
    """Not the class: the guards keep the pay sense (typed; "is it hourly or salaried" without
    its question mark is the model's, as before)."""
    wrong = []
    for line, answer in itertools.product(LINES, PAY_TWINS):
        r = analyze_answer(line, answer)
        if r.frame != "interview" or "pay_question" not in [c.cue for c in r.cues]:
            wrong.append((line, answer, r.frame))
        for said in (answer, recognizer_style(answer)):
            if not p.terms_named(said):
                wrong.append((said, "names no terms"))
    assert not wrong, wrong[:8]
