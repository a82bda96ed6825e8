"""A question about the work that contains hiring words asks for nothing (trial7 G3, G4).

"What are you looking for in the person you hire?", "how do you decide who to hire", "At what
rate are you onboarding new clinics?" are curious questions about the work: never a job request
and never the shift, whatever the model reads, while "would you hire me", "how do I get hired"
and "are you hiring" still ask for the position. Generated: lead-ins x phrasings x the
manager's previous line x typed / recognizer style."""

from __future__ import annotations

import itertools
import random
import re

from app.framing.analyzer import analyze_answer

LINES = (
    "So tell me, are you interested in the position?",
    "We're building a new data platform for the clinics this year.",
    "We're hiring two analysts this spring.",
    "What brings you here tonight?",
)
WORK_QUESTIONS = (
    "What are you looking for in the person you hire?",
    "What do you look for when you hire someone?",
    "How do you decide who to hire?",
    "What makes the people you hire good at this?",
    "What did the last person you hired do well?",
    "Who do you usually hire for the team?",
    "How do new hires usually get up to speed?",
    "At what rate are you onboarding new clinics?",
    "At what point do you bring in a new clinic?",
    "To what extent do the clinics shape the roadmap?",
    "In which clinics does the platform run now?",
    "At what pace are you adding new sites?",
    "How fast are you onboarding new clinics?",
    "What's onboarding like for the clinics?",
)
LEAD_INS = ("", "That depends on you, really. ", "Interesting. ", "Hmm, ", "Good question. ",
            "I might be. ")  # fmt: skip
ASKING = (
    "Would you hire me?",
    "How do I get hired on your team?",
    "Are you hiring right now?",
    "Could you hire me for the analyst role?",
)


def _asr(text: str) -> str:
    """Recognizer style: lower case, no punctuation, apostrophes dropped too."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


def _join(lead: str, question: str) -> str:
    return f"{lead}{question[0].lower()}{question[1:]}" if lead.endswith(", ") else lead + question


CASES = sorted(
    {
        (line, answer)
        for line, lead, q in itertools.product(LINES, LEAD_INS, WORK_QUESTIONS)
        for answer in (_join(lead, q), _asr(_join(lead, q)))
    }
)


def _asked(line: str, answer: str, rules_only: bool) -> str | None:
    result = analyze_answer(line, answer, rules_only=rules_only)
    names = [cue.cue for cue in result.cues]
    if result.frame == "interview" or "job_request" in names:
        return f"{line!r} -> {answer!r}: {result.frame} {names}"
    return None


def test_the_rules_never_read_a_work_question_with_hiring_words_as_a_request() -> None:
    assert len(CASES) > 500
    bad = [m for line, a in CASES if (m := _asked(line, a, rules_only=True))]
    assert not bad, f"{len(bad)}: {bad[:8]}"


def test_the_hybrid_never_reads_a_work_question_with_hiring_words_as_a_request() -> None:
    cases = random.Random(3).sample(CASES, 400)
    bad = [m for line, a in cases if (m := _asked(line, a, rules_only=False))]
    assert not bad, f"{len(bad)} of {len(cases)}: {bad[:8]}"


def test_prepositional_questions_are_heard_from_their_first_word() -> None:
    for text in ("At what rate are you onboarding new clinics?", "to what extent do you plan"):
        result = analyze_answer(None, text, rules_only=True)
        starts = [cue.start for cue in result.cues if cue.cue == "seeker_question"]
        assert starts == [0], (text, result)


def test_asking_to_be_hired_still_asks() -> None:
    for line, question in itertools.product(LINES, ASKING):
        for answer in (question, _asr(question)):
            result = analyze_answer(line, answer)
            assert result.frame == "interview", (line, answer, result)
