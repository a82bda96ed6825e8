"""A question the manager puts to the seeker names the seeker's world ("How long have you been
on the surgical ward?"): the coaching's composed question must never ask the manager about it
("How's it going with the surgical ward, by the way?" asked the nurse about her own ward).
Generated: question frames x seeker things x the manager's own statements before them."""

from __future__ import annotations

import itertools

import pytest

from app.report.coaching import compose, focus_of

SEEKER_QUESTIONS = (
    "How long have you been on {t}?",
    "How about you, how long have you worked in {t}?",
    "So are you still at {t}?",
    "What do you do at {t}, mostly?",
    "How did you end up in {t}?",
    "What was your role on {t}?",
    "What did you do before {t}?",
    "what's your plan after {t}",
    "Do you like working on {t}?",
    "are you currently based in {t}",
)
SEEKER_THINGS = (
    "the surgical ward",
    "the night shift",
    "the marketing agency",
    "this graduate scheme",
    "the physics department",
    "those retail stores",
    "the sales floor",
    "the research lab",
)
OWN_STATEMENTS = (
    "",
    "Well, I run a small team here. ",
    "We mostly do audits. ",
    "It's been a long week. ",
)


def _cases() -> list[tuple[str, str]]:
    cases = []
    for question, thing, before in itertools.product(
        SEEKER_QUESTIONS, SEEKER_THINGS, OWN_STATEMENTS
    ):
        line = before + question.format(t=thing)
        if question.islower():  # recognizer style: no capitals, no question mark
            line = line.lower().rstrip("?") + "?"
        cases.append((line, thing))
    return cases


@pytest.mark.parametrize(("line", "thing"), _cases())
def test_seeker_world_is_never_the_focus(line: str, thing: str) -> None:
    focus = focus_of(line)
    assert focus is None or thing.split()[-1] not in focus.split(), (line, focus)
    for cue, turn in itertools.product(("self_promotion",), range(2)):
        assert thing not in compose(cue, line, turn).lower(), (line, cue, turn)


@pytest.mark.parametrize(
    ("line", "focus"),
    [
        ("Our data team is small. How do you find the commute?", "your data team"),
        ("What do you think of our new office?", "your new office"),
        ("I run the grid balancing desk. What brings you here?", "the grid balancing desk"),
        (
            "My team builds the patient record. How long have you been nursing?",
            "the patient record",
        ),
    ],
)
def test_the_managers_own_world_is_still_asked_about(line: str, focus: str) -> None:
    assert focus_of(line) == focus
