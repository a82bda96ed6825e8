"""Trial 7 G9: a coach note's `cues:` list (which answers the note is about) is validated:
unknown or misspelt cues, an empty list, a repeated cue and a bare word are named at their line;
every pair of seeker cues loads."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import MINIMAL

from app.dialogue import load_scenario, validate_file
from app.framing.vocabulary import SEEKER_CUES

_COACH = '    coach: {note: "It tips here.", alternative: "I don\'t know yet."}\n'


@pytest.mark.parametrize(
    ("cues", "message"),
    [
        ("[salary]", "unknown cue 'salary'"),
        ("[pay_questions]", "did you mean 'pay_question'"),
        ("[]", "must not be empty"),
        ("[commitment, commitment]", "lists the same value twice"),
        ("commitment", "must be a list"),
    ],
)
def test_a_wrong_cues_list_is_named(
    cues: str, message: str, write_scenario: Callable[..., Path]
) -> None:
    assert _COACH in MINIMAL
    text = MINIMAL.replace(_COACH, _COACH.replace("alternative:", f"cues: {cues}, alternative:"))
    problems = validate_file(write_scenario(text))
    assert any(message in p.message for p in problems), problems
    assert all(p.line == 16 for p in problems), problems  # the coach line


def test_every_cue_list_form_loads(write_scenario: Callable[..., Path]) -> None:
    for a, b in itertools.combinations(sorted(SEEKER_CUES), 2):
        listed = _COACH.replace("alternative:", f"cues: [{a}, {b}], alternative:")
        path = write_scenario(MINIMAL.replace(_COACH, listed))
        assert validate_file(path) == [], (a, b)
        assert load_scenario(path).nodes["ask"].coach.cues == {a, b}  # type: ignore[union-attr]


def test_a_cues_list_that_never_decides_an_interview_is_warned(
    write_scenario: Callable[..., Path],
) -> None:
    from app.dialogue.lint import warn_file
    from app.framing.vocabulary import INTERVIEW_CUES

    for cue in sorted(SEEKER_CUES):
        listed = _COACH.replace("alternative:", f"cues: [{cue}], alternative:")
        warnings = warn_file(write_scenario(MINIMAL.replace(_COACH, listed)))
        never = [w for w in warnings if "never be shown" in w.message]
        assert bool(never) is (cue not in INTERVIEW_CUES), (cue, warnings)
        assert all(w.line == 16 for w in never)
