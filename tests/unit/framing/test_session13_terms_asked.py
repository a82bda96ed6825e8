"""The job's terms asked in words the pay list did not hold are a pay question (session 13).

"What's the package like?" to a recruiter's pitch, "do you offer relocation", "any help with
relocating", "what's the take home", "does it come with health insurance", "how many days
holiday do you get", "is the commission capped", "how much is base and how much is variable":
the seeker asks what they would get from the job, so the rules name a pay question and the turn
is an interview, typed or in recognizer style, after any manager line. The same words about the
work are not: a software package, a care package, a parcel, the company's relocation service,
an artist's commission, health insurance as the company's own product. Generated: lead-ins x
wordings x the manager's previous line x typed / recognizer style."""

from __future__ import annotations

import itertools
import random
import re

from app.framing.analyzer import analyze, analyze_answer
from app.framing.model import Turn

LINES = (
    "The client is a big logistics firm, they want someone to lead their data team.",
    "We're opening two new stores in the spring and need shift leads.",
    "So that's the role. What do you think?",
    "Most of my week goes on planning the next release with the clinics.",
    "I've been here six years, started on the floor and worked up.",
)
LEAD_INS = ("", "Okay. ", "Sounds great, ", "Right, and ", "Thanks. Just one thing: ",
            "Um, ", "That's helpful. ")  # fmt: skip
TERMS = (
    "What's the package like?",
    "What is the package like for this level?",
    "How's the overall package?",
    "What about the package?",
    "What does the package look like?",
    "What would the package include?",
    "What kind of package are we talking about?",
    "What sort of package would it be?",
    "Is the package negotiable?",
    "Would the package be competitive?",
    "How much of the package is variable?",
    "What is the remuneration package?",
    "Is there a relocation package?",
    "Do you offer relocation?",
    "Would you cover relocation?",
    "Would there be any help with relocating?",
    "Is there any support with moving costs?",
    "Is there relocation assistance?",
    "What's the take home, roughly?",
    "What would be the take-home?",
    "What's the health insurance like?",
    "Does it come with health insurance?",
    "Would the role include dental cover?",
    "Is private health cover included through the company?",
    "How many days holiday do you get?",
    "How many days of annual leave is it?",
    "How many weeks of leave would it be?",
    "How is the commission structured?",
    "Is the commission capped?",
    "Is commission uncapped?",
    "How much is base and how much is variable?",
    "How much of it is guaranteed?",
)
#: The same words about the work, the product or someone else's: never the seeker's terms.
WORK = (
    "What's the package you use for the forecasting?",
    "What package do you use for the dashboards?",
    "Which package manager does the team use?",
    "What's the package name for the shared library?",
    "What does the software package do for the clinics?",
    "How many packages does a driver drop in a day?",
    "What's the biggest package you've shipped?",
    "Do you still send a care package to new clients?",
    "What do the holiday packages cost your customers?",
    "How do you price a relocation job for a family?",
    "Does the firm handle relocation for corporate clients?",
    "What does a commission look like for your studio?",
    "How did you get your first commission?",
    "What kind of health insurance do you sell?",
    "How does the dental side of the business make money?",
    "How many days does a release take?",
    "How much of the work is planning?",
    # review 13: the company's own business in the same words
    "Is the package any good?",
    "How is the package tracking going?",
    "What's the package your team maintains?",
    "Is the commission capped for the artists you represent?",
    "How much is the base subscription?",
    "Do you offer relocation for corporate clients?",
    "How many days holiday do people usually book?",
    "Does it come with health insurance modules?",
)


#: Words of the terms, one of which the pay question's highlighted words must hold.
TERMS_WORD = re.compile(
    r"package|relocat|moving|take[\s-]?home|health|dental|holiday|leave|commission|base"
    r"|guaranteed"
)


def _asr(text: str) -> str:
    """Recognizer style: lower case, no punctuation, apostrophes dropped too."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s-]", " ", text.lower().replace("'", ""))).strip()


def _join(lead: str, question: str) -> str:
    if lead.endswith((", ", "and ")) or lead == "Um, ":
        return f"{lead}{question[0].lower()}{question[1:]}"
    return lead + question


def _cases(questions: tuple[str, ...]) -> list[tuple[str, str]]:
    out = []
    for line, lead, question in itertools.product(LINES, LEAD_INS, questions):
        answer = _join(lead, question)
        out.extend(((line, answer), (line, _asr(answer))))
    return sorted(set(out))


ASKED = _cases(TERMS)
ABOUT_WORK = _cases(WORK)


def _not_pay(line: str, answer: str, rules_only: bool) -> str | None:
    result = analyze_answer(line, answer, rules_only=rules_only)
    if any(c.cue == "pay_question" for c in result.cues) and result.frame == "interview":
        return None
    return f"{line!r} -> {answer!r}: {result.frame} {[c.cue for c in result.cues]}"


def test_the_rules_read_the_terms_asked_as_a_pay_question() -> None:
    assert len(ASKED) > 2000
    bad = [m for line, a in ASKED if (m := _not_pay(line, a, rules_only=True))]
    assert not bad, f"{len(bad)} of {len(ASKED)}: {bad[:8]}"


def test_the_hybrid_keeps_the_terms_asked_a_pay_question() -> None:
    cases = random.Random(13).sample(ASKED, 600)
    bad = [m for line, a in cases if (m := _not_pay(line, a, rules_only=False))]
    assert not bad, f"{len(bad)} of {len(cases)}: {bad[:8]}"


def test_the_rules_name_no_pay_for_the_same_words_about_the_work() -> None:
    assert len(ABOUT_WORK) > 1000
    bad = []
    for line, answer in ABOUT_WORK:
        result = analyze_answer(line, answer, rules_only=True)
        if any(c.cue == "pay_question" for c in result.cues):
            bad.append(f"{answer!r}: {[c.text for c in result.cues]}")
    assert not bad, f"{len(bad)}: {bad[:8]}"


def test_the_span_is_a_valid_slice_naming_the_terms() -> None:
    for line, answer in random.Random(3).sample(ASKED, 300):
        result = analyze_answer(line, answer, rules_only=True)
        for cue in result.cues:
            assert answer[cue.start : cue.end] == cue.text
        words = " ".join(c.text.lower() for c in result.cues if c.cue == "pay_question")
        assert TERMS_WORD.search(words), (answer, words)


def test_a_package_question_is_the_shift_after_an_open_start() -> None:
    for line, answer in random.Random(9).sample(ASKED, 60):
        turns = [
            Turn("manager", "Good to meet you. What brings you here today?"),
            Turn("seeker", "I wanted to hear how your team started."),
            Turn("manager", line),
            Turn("seeker", answer),
        ]
        analysis = analyze(turns, rules_only=True)
        assert analysis.shift is not None, (line, answer)
        assert analysis.shift.turn == 3, (line, answer)
