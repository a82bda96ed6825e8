"""Session 17, class 4: eager slang after a line about the work that names no job or hiring word.

Session 16's `patterns.EAGER` ("stick me on the rota", "dibs", "I'd jump at that") commits only
after a line about the role or the work to be done (`patterns.EAGER_LINE`); a line telling what
the work is like ("It's a tough kitchen, long nights.") or a place to fill ("We're trying to fill
the apprentice spot by the end of the month") was not one, whatever the answer's leading words.
Now it is (a place to fill, a trainee or seasonal place, long or late hours, hard graft, a
kitchen). Near misses: the same words after a coffee, a quiz, a parking spot or a ride stay as
they were (`patterns.EAGER_NOT_WORK`, no place to fill).

Generated grid, sampled (seconds), typed and in recognizer style.
"""

from __future__ import annotations

import itertools
import random

from app.framing.analyzer import analyze_answer
from app.framing.evaluation import recognizer_style

WORK_LINES = (
    "Our bakery starts at four, it's brutal graft.",
    "The warehouse does long shifts over Christmas.",
    "We need to fill the trainee place before September.",
    "Summer seasonal slots go fast here.",
    "It's a demanding kitchen, late nights most weeks.",
    "We're hoping to fill the junior spot soon.",
    "The apprenticeship intake closes on Friday.",
    "Honestly it's hard work, early starts every day.",
)
LEADS = ("", "Mate, ", "Oh man, ", "Ha! ", "Honestly, I live for that stuff, ", "Seriously? ")
EAGER = (
    "Stick me on the rota.",
    "Put me down for it!",
    "Dibs!",
    "I'd jump at that.",
    "I'm your guy.",
    "Point me at it.",
    "Pencil me in for the weekends.",
)
NOT_WORK = (
    "There's a parking spot right by the door.",
    "We've got a quiz on Thursday night.",
    "Fancy a coffee after this?",
    "There's a spare seat in my car to the station.",
)
NEAR_EAGER = ("Dibs!", "I'm your guy.", "Ha, I'd jump at that.", "Point me at it.")


def _styles(line: str, answer: str) -> list[tuple[str, str]]:
    return [(line, answer), (recognizer_style(line), recognizer_style(answer))]


def test_eager_slang_after_a_line_about_the_work_commits() -> None:
    grid = list(itertools.product(WORK_LINES, LEADS, EAGER))
    wrong = []
    for line, lead, eager in random.Random(17).sample(grid, 100):
        for m, a in _styles(line, lead + eager):
            r = analyze_answer(m, a, rules_only=True)
            if r.frame != "interview" or "commitment" not in [c.cue for c in r.cues]:
                wrong.append((m, a, r.frame))
    assert not wrong, f"{len(wrong)} of 200: {wrong[:6]}"


def test_eager_slang_commits_with_the_model_too() -> None:
    grid = list(itertools.product(WORK_LINES, LEADS, EAGER))
    wrong = []
    for line, lead, eager in random.Random(71).sample(grid, 20):
        r = analyze_answer(line, lead + eager)
        if r.frame != "interview":
            wrong.append((line, lead + eager, r.frame))
    assert not wrong, f"{len(wrong)} of 20: {wrong[:6]}"


def test_the_same_words_after_no_work_commit_nothing() -> None:
    wrong = []
    for line, answer in itertools.product(NOT_WORK, NEAR_EAGER):
        for m, a in _styles(line, answer):
            r = analyze_answer(m, a, rules_only=True)
            if "commitment" in [c.cue for c in r.cues]:
                wrong.append((m, a, r.frame))
    assert not wrong, f"{len(wrong)} of 32: {wrong[:6]}"
