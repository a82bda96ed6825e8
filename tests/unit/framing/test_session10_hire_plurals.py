"""A pitch dressed as a question with a hire as the object, said with a bare plural nobody listed
or with "have (a) use for" (review 9 R11, session 10).

Session 9's `patterns.A_HIRE` named a hire by a listed role noun ("interns", "new grads") or by a
doer's noun after "a/an" ("a Python developer"). "Could your team use career changers this
quarter?" names none of them, so the question read as one about the team's tools ("use") and the
sentence model's interview reading was silenced (`cues.silent_spans`); "Would your team have use
for someone like me?" had no taking verb at all. The class: a bare plural of doers (the singular's
suffix test, -er/-ist/-yst/-or/-ian/-ant/-ent/-ee, plus -s) after a verb of taking, using, wanting
or having use for is a hire unless it is a tool's plural ("more servers", "spreadsheets"); and the
seeker offered as that hire to the other person or their team ("someone like me", "somebody with
my background": `patterns.SEEKER_AS_HIRE`) asks for the position. Generated: verbs x subjects x
objects x fillers x typed / recognizer style.
"""

from __future__ import annotations

import itertools
import re

import pytest

from app.framing import learned
from app.framing import patterns as p
from app.framing.analyzer import analyze_answer
from app.framing.cues import silent_spans

LINES = ("Tell me about your team.", "We're a small crew, about twelve of us.",
         "Any questions for me?")  # fmt: skip
SUBJECTS = (("does", "your team"), ("does", "the lab"), ("do", "you guys"), ("does", "your group"),
            ("does", "the clinic"), ("does", "the department"))  # fmt: skip
VERBS = (
    "could {s} use {o}{f}",
    "{a} {s} ever need {o}{f}",
    "would {s} take {o}{f}",
    "{a} {s} usually take on {o}{f}",
    "{a} {s} ever want {o}{f}",
    "would {s} have use for {o}{f}",
    "would {s} have a use for {o}{f}",
    "could {s} have any use for {o}{f}",
    "{a} {s} ever hire {o}{f}",
    "would {s} consider {o}{f}",
)
FILLERS = ("", " this quarter", " for the launch", " next year", " on the new project")
# Bare plurals no list names: only the doer's suffix marks them.
PLURALS = (
    "career changers",
    "career switchers",
    "self-taught programmers",
    "former teachers",
    "junior designers",
    "bilingual speakers",
    "part-time bookkeepers",
    "data engineers",
    "more pharmacists",
    "extra caregivers",
    "retired machinists",
    "freelance illustrators",
    "recent physics graduates",
    "night auditors",
    "civil engineers",
    "trainee electricians",
    "certified translators",
    "research consultants",
    "new employees",
    "bootcamp grads",
)
TOOLS = ("spreadsheets", "shared calendars", "laptops", "docker containers", "barcode scanners",
         "heart monitors", "paper planners", "printers", "compilers", "dashboards")  # fmt: skip
TOOL_FORMS = ("{a} {s} use {o}", "{a} {s} usually use {o}", "what {a} {s} use {o} for",
              "{a} {s} still use {o} on the night shift")  # fmt: skip
# The seeker offered as the hire.
ME = ("someone like me", "somebody like me", "people like me", "someone with my background",
      "somebody with my kind of experience")  # fmt: skip
ME_FORMS = ("would {s} have use for {o}", "could {s} use {o}", "{a} {s} have room for {o}",
            "would {s} ever hire {o}", "would {s} be open to {o}", "could {s} maybe take {o}",
            "would {s} consider {o}")  # fmt: skip


def _asr(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


def _both(said: str) -> tuple[str, str]:
    typed = said[0].upper() + said[1:] + "?"
    return typed, _asr(typed)


PITCHES = [
    text
    for form, (aux, subject), thing, filler in itertools.product(VERBS, SUBJECTS, PLURALS, FILLERS)
    for text in _both(form.format(a=aux, s=subject, o=thing, f=filler))
]
SEEKER_PITCHES = [
    text
    for form, (aux, subject), me in itertools.product(ME_FORMS, SUBJECTS, ME)
    for text in _both(form.format(a=aux, s=subject, o=me))
]
TOOL_QUESTIONS = [
    text
    for form, (aux, subject), tool in itertools.product(TOOL_FORMS, SUBJECTS, TOOLS)
    for text in _both(form.format(a=aux, s=subject, o=tool))
]


def test_the_class_is_large() -> None:
    assert len(PITCHES) > 10000
    assert len(SEEKER_PITCHES) > 300


def test_no_span_of_a_pitch_with_a_bare_plural_is_silenced() -> None:
    """Old code: 2,900 of 12,000 silenced ('could your team use career changers' was a question
    about their tools)."""
    wrong = []
    for text in PITCHES:
        cues = analyze_answer(LINES[0], text, rules_only=True).cues
        if silent_spans(text, cues, "interview") or silent_spans(text, cues, "neutral"):
            wrong.append(text)
    assert not wrong, f"{len(wrong)} of {len(PITCHES)}: {wrong[:5]}"


def test_the_hybrid_reads_it_as_the_model_alone_would(monkeypatch: pytest.MonkeyPatch) -> None:
    """The hybrid frame is an interview or the one it gives with nothing silenced."""
    texts = PITCHES[::7]
    hybrid = {text: analyze_answer(LINES[1], text).frame for text in texts}
    monkeypatch.setattr(learned, "silent_spans", lambda text, cues, frame: [])
    wrong = []
    for text in texts:
        alone = analyze_answer(LINES[1], text).frame
        if hybrid[text] != "interview" and hybrid[text] != alone:
            wrong.append((text, hybrid[text], alone))
    assert not wrong, f"{len(wrong)} of {len(texts)}: {wrong[:5]}"


def test_the_seeker_offered_as_the_hire_asks_for_the_position() -> None:
    """'Would your team have use for someone like me?' read as exploration (the model was not
    sure enough to overrule the question): it is a job request, rules and hybrid alike (old
    code: 2,089 of 2,520 readings wrong)."""
    wrong = []
    for line, text in itertools.product(LINES, SEEKER_PITCHES):
        for rules_only in (True, False):
            result = analyze_answer(line, text, rules_only=rules_only)
            if result.frame != "interview" or "job_request" not in [c.cue for c in result.cues]:
                wrong.append((line, text, rules_only, result.frame))
    assert not wrong, f"{len(wrong)}: {wrong[:5]}"


def test_their_tools_in_the_plural_are_still_about_them() -> None:
    """Counter-class: a tool's plural after 'use' is their day (trial 8 H11)."""
    wrong = []
    for text in TOOL_QUESTIONS:
        cues = analyze_answer(LINES[0], text, rules_only=True).cues
        if not silent_spans(text, cues, "interview"):
            wrong.append(text)
    assert not wrong, f"{len(wrong)} of {len(TOOL_QUESTIONS)}: {wrong[:5]}"


@pytest.mark.parametrize(
    "text",
    [
        "Do you think companies would hire someone like me?",
        "do you think somebody like me could even get into that",
        "Would a hospital take someone like me?",
        "How did someone like you end up here?",
    ],
)
def test_someone_like_me_without_them_as_the_taker_is_no_request(text: str) -> None:
    """Counter-class: the field or another employer as the taker asks no position of them."""
    assert p.SEEKER_AS_HIRE.search(text) is None
