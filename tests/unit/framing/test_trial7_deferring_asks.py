"""Asking to keep in touch, to talk to someone first, or for time is never a job request (trial7
G2, G2b, G24, G37, G37b).

"Could we stay in touch?", "Would it be ok to email you if I have more questions?", "can i
connect with you on linkedin", "Can I talk to Lena before you do that?", "i'd want to meet the
team first", "Can I think about it?" are what a seeker who is not ready to say yes asks for:
conditional interest (a hedge, so the rules decide and the sentence model never reads a request
into them), never the shift. A story ("I kept in touch with my old team"), a promise ("I'll
email you the link") or contact that carries the CV ("could I email you my CV") is no such ask.
Generated: asks x phrasings x the manager's previous line x typed / recognizer style."""

from __future__ import annotations

import itertools
import random
import re

from app.framing.analyzer import analyze, analyze_answer
from app.framing.model import Turn

LINES = (
    "Anything else you'd like to ask me?",
    "It was good to meet you.",
    "Shall I put your name forward for the role?",
    "So, would you be interested in joining us?",
    "I could pass your CV to our recruiter today.",
    "So tell me, are you interested in the position?",
    "Well, I should get back to the booth.",
)
ASKS = ("Could we", "Can we", "Can I", "Could I", "May I", "I'd love to", "I'd like to",
        "Would it be ok to", "Would it be alright if I", "Is it okay to", "Let's", "We should",
        "Do you mind if I", "Maybe we could")  # fmt: skip
CONTACT = ("stay in touch", "keep in touch", "keep in touch with you", "stay in contact",
           "connect with you on LinkedIn", "connect on LinkedIn",
           "email you if I have more questions",
           "email you with a few more questions", "send you a few more questions later",
           "reach out to you again", "drop you a line sometime", "follow up with you next month",
           "touch base in a few weeks", "message you later")  # fmt: skip
FIRST = (
    "Can I talk to {n} before you do that?",
    "Could I talk to someone on the team before you do?",
    "Could I speak with {n} first?",
    "I'd want to meet the team first.",
    "Can I chat with {n} before deciding?",
    "I'd like to talk to {n} first, if that's okay.",
    "Could I meet a few of the engineers first?",
    "Can I think about it?",
    "Let me think it over.",
    "Could I sleep on it?",
    "I'd like a few days to think about it.",
    "Can we wait a bit on that?",
    "Interested yes, but I'm not applying yet, I want to understand the team.",
    "I'm not ready yet, can we keep in touch?",
)
NAMES = ("Lena", "Nadia", "your analytics lead", "one of the nurses", "the team")
LEAD_INS = ("", "Thanks, that's really helpful. ", "Not yet. ", "Hmm. ", "Honestly, ")
NOT_ASKS = (
    "I kept in touch with my old team.",
    "I stayed in contact with my manager after I left.",
    "I'll email you the link.",
    "ill email you tonight",
    "Could I email you my CV?",
    "I talked to Lena first thing this morning.",
    "We met the clients first and then built it.",
    "Let me think, probably Python.",
)


def _asr(text: str) -> str:
    """Recognizer style: lower case, no punctuation, apostrophes dropped too."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


def _deferring() -> list[str]:
    asks = [f"{a} {c}?" for a, c in itertools.product(ASKS, CONTACT)]
    firsts = [f.format(n=n) for f, n in itertools.product(FIRST, NAMES)]
    return sorted({lead + a for lead, a in itertools.product(LEAD_INS, (*asks, *firsts))})


DEFERRING = _deferring()
CASES = [(line, a) for line in LINES for text in DEFERRING for a in (text, _asr(text))]


def _request(line: str, answer: str, rules_only: bool) -> str | None:
    result = analyze_answer(line, answer, rules_only=rules_only)
    names = [cue.cue for cue in result.cues]
    if result.frame == "interview" or "job_request" in names or "commitment" in names:
        return f"{line!r} -> {answer!r}: {result.frame} {names}"
    if "conditional_interest" not in names and "honest_uncertainty" not in names:
        return f"{line!r} -> {answer!r}: no hedge {names}"
    return None


def test_the_rules_read_every_deferring_ask_as_a_hedge() -> None:
    assert len(CASES) > 10_000
    bad = [m for line, a in CASES if (m := _request(line, a, rules_only=True))]
    assert not bad, f"{len(bad)}: {bad[:8]}"


def test_the_hybrid_never_reads_a_deferring_ask_as_a_request() -> None:
    cases = random.Random(37).sample(CASES, 600)
    bad = [m for line, a in cases if (m := _request(line, a, rules_only=False))]
    assert not bad, f"{len(bad)} of {len(cases)}: {bad[:8]}"


def test_a_deferring_ask_after_an_exploring_start_is_no_shift() -> None:
    for line, answer in random.Random(9).sample(CASES, 150):
        turns = [
            Turn("manager", "What brings you here tonight?"),
            Turn("seeker", "I'm exploring data work. What does your week look like?"),
            Turn("manager", line),
            Turn("seeker", answer),
        ]
        assert analyze(turns).shift is None, (line, answer)


def test_stories_promises_and_cvs_are_no_deferring_ask() -> None:
    for text in NOT_ASKS:
        for answer in (text, _asr(text)):
            result = analyze_answer(LINES[1], answer, rules_only=True)
            assert "conditional_interest" not in [c.cue for c in result.cues], (answer, result)
