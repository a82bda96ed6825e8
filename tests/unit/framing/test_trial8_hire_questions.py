"""A pitch dressed as a question whose object is a person or a hire is no question about the
other person's day (review 9 R8, on trial 8 H11).

H11 lets no question about the other person's routine, hours or tools be read as an interview
(`cues._about_them`, `cues.silent_spans`). "Could your team use a Python developer?", "Does your
team usually take interns?" name the team and a routine word ("use", "usually") but ask about
taking on a person: the sentence model must keep reading them (as before H11). The class is the
object: a role or person noun phrase (a/an + words + a role noun, -er/-ist/-or/-ian/-ant nouns
included; interns, new grads; someone, people like...) after a verb of taking or using
(`patterns.A_HIRE`). Generated: role objects x verbs {use, take, want, need, could do with, be
open to, have room for} x subjects x typed / recognizer style. Counter-class: the H11 routine and
tool questions (test_trial8_their_routine.py) stay silenced, as do tool objects here.
"""

from __future__ import annotations

import itertools
import re

import pytest

from app.framing import learned
from app.framing.analyzer import analyze_answer
from app.framing.cues import silent_spans

LINES = ("Tell me about your team.", "We're a small crew, about twelve of us.",
         "Any questions for me?")  # fmt: skip
SUBJECTS = (("does", "your team"), ("does", "your group"), ("do", "you guys"),
            ("does", "the department"))  # fmt: skip
VERBS = (
    "could {s} use {o}",
    "would {s} use {o} on the new stack",
    "{a} {s} usually use {o}",
    "{a} {s} usually take {o}",
    "would {s} take {o}",
    "would {s} want {o}",
    "{a} {s} ever want {o}",
    "{a} {s} need {o}",
    "{a} {s} usually need {o} for the busy season",
    "could {s} do with {o}",
    "would {s} be open to {o}",
    "{a} {s} have room for {o}",
)
# Role nouns: listed ones and ones only the -er/-ist/-or/-ian/-ant ending names.
ROLES = (
    "a Python developer",
    "a junior analyst",
    "an experienced nurse",
    "a part-time welder",
    "a bilingual translator",
    "a certified electrician",
    "a licensed therapist",
    "a research assistant",
    "a line cook",
    "interns",
    "new grads",
    "someone like me",
    "an apprentice",
    "a senior counselor",
)
TOOL_OBJECTS = ("a new scheduling tool", "a shared calendar", "Slack", "a ticketing system")


def _asr(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


def _texts(objects: tuple[str, ...]) -> list[str]:
    out = []
    for form, (aux, subject), thing in itertools.product(VERBS, SUBJECTS, objects):
        said = form.format(a=aux, s=subject, o=thing)
        typed = said[0].upper() + said[1:] + "?"
        out.extend((typed, _asr(typed)))
    return out


PITCHES = _texts(ROLES)


def test_the_class_is_large() -> None:
    assert len(PITCHES) * len(LINES) > 2000


def test_no_span_of_a_pitch_dressed_as_a_question_is_silenced() -> None:
    wrong = []
    for line, text in itertools.product(LINES, PITCHES):
        rules = analyze_answer(line, text, rules_only=True)
        if silent_spans(text, rules.cues, "interview"):
            wrong.append((line, text))
    assert not wrong, f"{len(wrong)} of {len(LINES) * len(PITCHES)}: {wrong[:5]}"


def test_the_hybrid_reads_it_as_the_model_alone_would(monkeypatch: pytest.MonkeyPatch) -> None:
    """The hybrid frame is an interview or the one the hybrid gives with nothing silenced."""
    line = LINES[0]
    hybrid = {text: analyze_answer(line, text).frame for text in PITCHES}
    monkeypatch.setattr(learned, "silent_spans", lambda text, cues, frame: [])
    wrong = []
    for text in PITCHES:
        alone = analyze_answer(line, text).frame
        if hybrid[text] != "interview" and hybrid[text] != alone:
            wrong.append((text, hybrid[text], alone))
    assert not wrong, f"{len(wrong)} of {len(PITCHES)}: {wrong[:5]}"


def test_a_question_about_their_tools_is_still_about_them() -> None:
    """Counter-class: the same verbs with a tool object ask about their day (H11)."""
    texts = [t for t in _texts(TOOL_OBJECTS) if " use " in t.lower()]
    wrong = []
    for line, text in itertools.product(LINES, texts):
        rules = analyze_answer(line, text, rules_only=True)
        if not silent_spans(text, rules.cues, "interview"):
            wrong.append((line, text))
    assert not wrong, f"{len(wrong)} of {len(LINES) * len(texts)}: {wrong[:5]}"


@pytest.mark.parametrize(
    "text",
    [
        "What time do you start in the morning?",
        "What tools does your team use?",
        "What do you usually do on a Monday?",
        "what software does a developer on your team use",
        "What does an analyst on your team usually do all day?",
    ],
)
def test_their_routine_stays_silenced(text: str) -> None:
    rules = analyze_answer(LINES[0], text, rules_only=True)
    assert silent_spans(text, rules.cues, "interview")
    assert analyze_answer(LINES[0], text).frame == "exploration"
