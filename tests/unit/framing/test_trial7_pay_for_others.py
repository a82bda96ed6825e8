"""Pay words about someone other than the seeker ask nothing about pay (trial7 G1, G1b, G1c).

"What are the benefits for the clinics?", "how do you make money from it", "is that paid work
for the clinics", "does that affect the benefits the patients get", "how many hours of downtime
can the clinics tolerate" follow the manager's own topic: they are curious questions, never a pay
question and never the shift, in the rules and wherever the sentence model may name the cue.
The seeker's own pay, hours and benefits still are ("what are the benefits for new hires",
"how much money would I make", "whats the banding and do you get weekends off"). Generated:
lead-ins x phrasings x the manager's previous line x typed / recognizer style."""

from __future__ import annotations

import itertools
import random
import re

from app.framing import patterns as p
from app.framing.analyzer import analyze, analyze_answer
from app.framing.model import Turn

LINES = (
    "We're building a new data platform for the clinics this year.",
    "Most of my week goes on planning the next release with the clinics.",
    "Our hardest part is getting doctors to trust the numbers.",
    "We sell the scheduling tool to about forty practices.",
    "So tell me, are you interested in the position?",
)
OTHERS = ("the clinics", "the patients", "the doctors", "the hospitals", "our customers",
          "the schools", "the farmers", "the users", "your partners", "the council")  # fmt: skip
ABOUT_OTHERS = (
    "What are the benefits for {o}?",
    "What are the main benefits to {o}?",
    "Does that affect the benefits {o} get?",
    "Is the money for {o} or for the platform?",
    "Is that paid work for {o} or internal?",
    "Is that planning paid work for {o}?",
    "How many hours of downtime can {o} tolerate?",
    "How many hours of data do {o} send you?",
    "Who pays for {o} to use it?",
    "How do you make money from it?",
    "How does the platform make money?",
    "How do you guys make money?",
    "Is that paid work?",
    "How did you earn the trust of {o}?",
    "How do you earn their trust?",
    "Do you make money off the data?",
    "How do {o} benefit from the dashboards?",
    "What's the budget for the platform?",
)
LEAD_INS = ("", "Interesting. ", "Oh wow, ", "Right, so ", "Makes sense. ", "Hmm, ",
            "I'm curious, ")  # fmt: skip
OWN_PAY = (
    "What are the benefits like?",
    "What are the benefits for new hires?",
    "Are there benefits for the team?",
    "How much money would I make?",
    "Could I make good money doing this?",
    "Is the role paid?",
    "How much do you get paid?",
    "Does it pay well?",
    "What's the salary?",
    "Whats the banding and do you get weekends off?",
    "What band is the post, band six?",
    "How much would I earn?",
)
#: The hours are the model's to read as pay (the rules leave them), so only their words are
#: checked: they stay pay-like content the model may name.
OWN_HOURS = ("How many hours would I work?", "What are the hours like for the team?",
             "Are the hours flexible?", "How many hours of work a week is it?")  # fmt: skip


def _asr(text: str) -> str:
    """Recognizer style: lower case, no punctuation, apostrophes dropped too."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


def _join(lead: str, question: str) -> str:
    return f"{lead}{question[0].lower()}{question[1:]}" if lead.endswith(", ") else lead + question


def _cases(templates: tuple[str, ...], leads: tuple[str, ...]) -> list[tuple[str, str]]:
    out = []
    for line, lead, template, other in itertools.product(LINES, leads, templates, OTHERS):
        answer = _join(lead, template.format(o=other))
        out.extend(((line, answer), (line, _asr(answer))))
    return sorted(set(out))


CURIOUS = _cases(ABOUT_OTHERS, LEAD_INS)


def _pay_read(line: str, answer: str, rules_only: bool) -> str | None:
    result = analyze_answer(line, answer, rules_only=rules_only)
    pays = [cue.text for cue in result.cues if cue.cue == "pay_question"]
    if pays or result.frame == "interview":
        return f"{line!r} -> {answer!r}: {result.frame} {[c.cue for c in result.cues]} {pays}"
    return None


def test_the_rules_never_read_someone_elses_pay_words_as_pay() -> None:
    assert len(CURIOUS) > 4000
    bad = [m for line, a in CURIOUS if (m := _pay_read(line, a, rules_only=True))]
    assert not bad, f"{len(bad)}: {bad[:8]}"


def test_the_model_never_names_pay_for_someone_elses_pay_words() -> None:
    cases = random.Random(71).sample(CURIOUS, 800)
    bad = []
    for line, answer in cases:
        result = analyze_answer(line, answer)
        pays = [cue.text for cue in result.cues if cue.cue == "pay_question"]
        if pays:
            bad.append(f"{line!r} -> {answer!r}: {pays}")
    assert not bad, f"{len(bad)} of {len(cases)}: {bad[:8]}"


def test_someone_elses_pay_words_are_never_the_shift() -> None:
    for line, answer in random.Random(5).sample(CURIOUS, 200):
        analysis = analyze([Turn("manager", line), Turn("seeker", answer)], rules_only=True)
        assert analysis.shift is None, (line, answer)


def test_the_seekers_own_pay_is_still_a_pay_question() -> None:
    for line, lead, question in itertools.product(LINES, ("", "Okay. ", "Sounds good, "), OWN_PAY):
        for answer in (_join(lead, question), _asr(_join(lead, question))):
            result = analyze_answer(line, answer, rules_only=True)
            pays = [cue for cue in result.cues if cue.cue == "pay_question"]
            assert pays, (line, answer, result)
            assert result.frame == "interview", (line, answer, result)


def test_pay_content_names_the_seekers_pay_and_hours_not_someone_elses() -> None:
    for question in (*OWN_PAY, *OWN_HOURS):
        for text in (question, _asr(question)):
            assert p.PAY_CONTENT.search(text), text
    named = [(a, m.group()) for _, a in CURIOUS if (m := p.PAY_CONTENT.search(a))]
    assert not named, named[:8]
