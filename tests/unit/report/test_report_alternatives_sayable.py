"""Every composed alternative is a line someone could say: no template placeholder, bracketed
instruction or blank shown inside the quotes (trial6 F23), over every manager line of the
shipped scenarios (each kind of line), generated questions about the seeker, every cue and
every kind of answer."""

from __future__ import annotations

import itertools
import re

from test_report_coaching import _shipped_manager_lines

from app.report.alternatives import line_kind
from app.report.coaching import Said, coach, compose

CUES = ("commitment", "self_promotion", "job_request", "pay_question", "interview")
#: What a placeholder looks like: brackets, a blank, an instruction to the reader.
PLACEHOLDER = re.compile(
    r"[()\[\]{}<>_]|\.\.\.|…|\b(?:your answer|in a sentence or two|insert|fill in|xxx|todo)\b",
    re.I,
)
ANSWERS = (
    None,
    "When can I interview?",
    "I really want this job!",
    "What's the salary?",
    "i run the night shift at a warehouse and i could do this job with my eyes closed",
    "I'm a nurse. I've led a ward of thirty and I'd be perfect for this.",
)
OPENINGS = ("", "Okay. ", "Right, ", "Good to meet you. ", "Ha, I like that. So ")
ABOUT_YOU = (
    "walk me through your experience with {x}. What have you built?",
    "tell me about your experience with {x}.",
    "what have you done with {x}?",
    "how did you get into {x}?",
    "how did you end up in {x}?",
    "where are you working now?",
    "what do you do at the moment?",
    "what's your background in {x}?",
    "tell me a bit about yourself.",
    "what projects have you worked on lately?",
    "what would you bring to {x}?",
    "how do you usually handle {x}?",
)
TOPICS = ("data pipelines", "the night shift", "user research", "a busy kitchen", "policy work")


def _sayable(alt: str, where: object) -> None:
    assert alt.strip(), where
    assert not PLACEHOLDER.search(alt), (where, alt)
    assert alt.endswith("?"), (where, alt)
    assert "  " not in alt, (where, alt)


def _generated_lines() -> list[str]:
    lines = []
    for opening, template, topic in itertools.product(OPENINGS, ABOUT_YOU, TOPICS):
        question = template.format(x=topic)
        if not opening or opening.endswith(". "):
            question = question[0].upper() + question[1:]
        lines.append(opening + question)
    return lines


def test_every_shipped_line_kind_gets_a_sayable_alternative() -> None:
    kinds: set[str] = set()
    for line, cue, answer, turn in itertools.product(
        _shipped_manager_lines(), CUES, ANSWERS, range(3)
    ):
        kinds.add(line_kind(line).kind)
        start = 0 if answer else None
        _sayable(compose(cue, line, turn, answer=answer, cue_start=start), (line, cue, answer))
    assert {"interest", "invite", "yes_no", "why", "open", "statement"} <= kinds


def test_questions_about_the_seeker_get_a_concrete_example_answer() -> None:
    """Generated questions about the seeker x cues x answers that give no plain first sentence
    to keep: an example answer in words, then a question back, never a blank to fill in."""
    checked = 0
    for line in _generated_lines():
        moment = line_kind(line)
        for cue, answer in itertools.product(CUES, ANSWERS):
            alt = compose(cue, line, len(line), answer=answer, cue_start=0 if answer else None)
            _sayable(alt, (line, cue, answer))
            if moment.kind == "open" and moment.about_you:
                checked += 1
    assert checked >= 500, checked


def test_the_coached_replay_of_the_trial_moment_is_sayable() -> None:
    """The class of the trial's moment, through `coach` as the replay builds it: a job request
    answering a question about the seeker's experience."""
    for line, answer in itertools.product(_generated_lines(), ANSWERS[1:]):
        turns = [
            Said(0, "manager", line, "neutral"),
            Said(1, "seeker", answer, "interview",
                 ({"cue": "job_request", "text": answer[:5], "start": 0, "end": 5},)),
        ]  # fmt: skip
        (item,) = coach(turns)
        _sayable(item.alternative, (line, answer))
