"""A tool's plural that no list names is their tools, not a hire, unless something says person
(session 11, review 10 R18).

Session 10 let a bare plural after a verb of taking or using be a hire when it ends like a doer's
noun (-er, -or, -ist...) and its singular is not on `_TOOL_NOUNS`; so "Does your team use
connectors for that?" was no question about their tools, the sentence model's interview reading
was not silenced, and it read a job request. A doer's suffix is no sign of a person: now a bare
plural is a hire only with one (`patterns.A_HIRE`): an offer's modal or "ever" before the verb
("could your team use", "would the lab have use for", "does the lab ever need"), a verb whose
object is a person ("hire", "take on", "bring in"), or a word that only describes people
("self-taught", "career", "former", "junior"). The habitual "does your team use X", "do you
still use X" asks about their practice. Generated: tool plurals nobody listed x habitual forms x
subjects x endings x styles; the counter-class of people stays a hire.
"""

from __future__ import annotations

import itertools
import re

from app.framing.analyzer import analyze_answer
from app.framing.cues import silent_spans

LINES = ("Tell me about your team.", "We mostly build integrations for hospitals.")
SUBJECTS = (
    ("does", "your team"),
    ("does", "the lab"),
    ("do", "you guys"),
    ("does", "your group"),
    ("does", "the clinic"),
    ("do", "you"),
    ("does", "the crew"),
)
HABITUAL = (
    "{a} {s} use {o}",
    "{a} {s} still use {o}",
    "{a} {s} usually use {o}",
    "{a} {s} mostly use {o}",
    "what {a} {s} use {o} for",
    "{a} {s} use a lot of {o}",
    "{a} {s} normally use {o}",
)
#: Tools' plurals with a doer's suffix, none on `_TOOL_NOUNS`.
TOOLS = (
    "connectors",
    "processors",
    "parameters",
    "checklists",
    "incubators",
    "ventilators",
    "excavators",
    "thermometers",
    "detectors",
    "elevators",
    "tractors",
    "defibrillators",
    "trailers",
    "loggers",
    "accumulators",
    "regulators",
    "transformers",
    "converters",
    "extractors",
    "resistors",
    "inverters",
    "compressors",
    "stabilizers",
    "dispensers",
    "analyzers",
    "aggregators",
    "boosters",
    "schedulers",
)
ENDINGS = ("", " for that", " on the night shift", " day to day")
#: People, with a sign of a person: each must stay a hire.
PEOPLE = (
    "could your team use career changers",
    "would the lab have use for data engineers",
    "does the clinic ever need night auditors",
    "does your team hire former teachers",
    "does the lab take on trainee electricians",
    "do you guys bring in freelance illustrators",
    "does your team use junior designers",
    "do you use self-taught programmers",
    "would you guys consider retired machinists",
    "does your group usually take on research consultants",
    "might your team use bilingual speakers",
    "does the crew ever want extra caregivers",
)


def _asr(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


def _both(said: str) -> tuple[str, str]:
    typed = said[0].upper() + said[1:] + "?"
    return typed, _asr(typed)


TOOL_QUESTIONS = [
    text
    for form, (aux, subject), tool, end in itertools.product(HABITUAL, SUBJECTS, TOOLS, ENDINGS)
    for text in _both(form.format(a=aux, s=subject, o=tool) + end)
]
PEOPLE_QUESTIONS = [
    text for said, end in itertools.product(PEOPLE, ENDINGS[:3]) for text in _both(said + end)
]


def test_the_class_is_large() -> None:
    assert len(TOOL_QUESTIONS) > 10000


def test_a_tools_plural_nobody_listed_is_their_tools() -> None:
    """Old code: every one with a doer's suffix was a hire, so no span was silenced."""
    wrong = []
    for text in TOOL_QUESTIONS:
        cues = analyze_answer(LINES[0], text, rules_only=True).cues
        if not silent_spans(text, cues, "interview"):
            wrong.append(text)
    assert not wrong, f"{len(wrong)} of {len(TOOL_QUESTIONS)}: {wrong[:6]}"


def test_the_hybrid_reads_no_interview_into_their_tools() -> None:
    """With the shipped model: old code 33 of 4,224 of such questions were interviews (review
    10's probe); a sample here, both manager lines."""
    wrong = [
        (line, text)
        for text in TOOL_QUESTIONS[::11]
        for line in LINES
        if analyze_answer(line, text).frame == "interview"
    ]
    assert not wrong, f"{len(wrong)}: {wrong[:6]}"


def test_a_sign_of_a_person_keeps_the_hire() -> None:
    """Counter-class: a modal offer, 'ever', a verb of hiring, or a word only people take."""
    wrong = []
    for text in PEOPLE_QUESTIONS:
        cues = analyze_answer(LINES[0], text, rules_only=True).cues
        if silent_spans(text, cues, "interview") or silent_spans(text, cues, "neutral"):
            wrong.append(text)
    assert not wrong, f"{len(wrong)} of {len(PEOPLE_QUESTIONS)}: {wrong[:6]}"
