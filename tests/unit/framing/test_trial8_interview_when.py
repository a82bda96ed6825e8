"""An interview asked for as a time is a job request (trial 8 H33).

"When could I interview?" right after a pitch lost its job_request cue: the rules knew "set up
an interview" and "the interview process" but not a time question, so a turn they decided on its
pitch named no request, and one without a pitch was left to the sentence model. "When could I
interview", "when can I come in for an interview", "when do interviews happen", "how soon could
I interview" carry job_request in the rules (`patterns.JOB_REQUEST`); the other person's own
story ("When did you interview here?") asks for nothing. Generated: time questions x pitches
before them (none, one sentence, a separate turn) x the manager's line x typed / recognizer
style.
"""

from __future__ import annotations

import itertools
import re

from app.framing.analyzer import analyze, analyze_answer
from app.framing.model import Turn

LINES = (
    "Tell me about your team.",
    "We're hiring two analysts this spring.",
    "Any questions for me?",
    "It was good to meet you.",
)
WHEN = (
    "When could I interview?",
    "When can I come in for an interview?",
    "When do interviews happen?",
    "When do interviews start?",
    "When would the interviews be?",
    "When are you interviewing?",
    "When's the interview?",
    "How soon could I interview?",
    "What day could I come in to interview?",
    "When do you start interviewing for the role?",
    "When would be a good time to interview?",
    "How long until interviews start?",
    "So when are you guys doing interviews?",
)
PITCHES = (
    "",
    "I've led three teams and shipped two products. ",
    "I'm a fast learner and a great fit for this. ",
    "I have ten years of experience in logistics and I always beat my targets. ",
    "Honestly I'm perfect for this role. ",
)
NOT_ASKING = (
    "When did you interview here?",
    "When you interviewed for this job, what surprised you?",
    "How did your own interview go when you joined?",
    "What do you look for when you interview people?",
)


def _asr(text: str) -> str:
    """Recognizer style: lower case, no punctuation, apostrophes dropped too."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


ANSWERS = [
    t
    for pitch, when in itertools.product(PITCHES, WHEN)
    for t in (pitch + when, _asr(pitch + when))
]


def test_the_class_is_large() -> None:
    assert len(ANSWERS) * len(LINES) > 500


def test_an_interview_asked_for_as_a_time_is_a_job_request() -> None:
    wrong = []
    for line, text in itertools.product(LINES, ANSWERS):
        for rules_only in (True, False):
            result = analyze_answer(line, text, rules_only=rules_only)
            names = [c.cue for c in result.cues]
            if result.frame != "interview" or "job_request" not in names:
                wrong.append((rules_only, line, text, result.frame, names))
    assert not wrong, f"{len(wrong)}: {wrong[:5]}"


def test_right_after_a_pitch_in_its_own_turn() -> None:
    wrong = []
    for pitch, when in itertools.product([p for p in PITCHES if p], WHEN):
        for style in (str, _asr):
            turns = [
                Turn("manager", LINES[0]),
                Turn("seeker", style(pitch.strip())),
                Turn("manager", "Okay."),
                Turn("seeker", style(when)),
            ]
            for rules_only in (True, False):
                last = analyze(turns, rules_only=rules_only).turns[-1]
                if "job_request" not in [c.cue for c in last.cues]:
                    wrong.append((rules_only, style(pitch), style(when)))
    assert not wrong, f"{len(wrong)}: {wrong[:5]}"


def test_their_own_interview_story_asks_for_nothing() -> None:
    wrong = []
    for line, typed in itertools.product(LINES, NOT_ASKING):
        for text in (typed, _asr(typed)):
            result = analyze_answer(line, text, rules_only=True)
            if "job_request" in [c.cue for c in result.cues]:
                wrong.append((line, text))
    assert not wrong, wrong[:5]


# --- review 9 R3: interviewing as the other person's own work asks for nothing -------------------

THEIR_WORK_LINES = ("We do a lot of user research on the app.", "I'm a reporter on the city desk.",
                    "Our lab runs qualitative studies.")  # fmt: skip
THEIR_INTERVIEWS = ("When do you interview {o}?", "When does your team usually interview {o}?",
                    "how soon do you interview {o} after launch",
                    "When do researchers interview {o}, before or after the prototype?",
                    "What time of day do you interview {o}?", "when do you do the {o} interviews",
                    "How long until you interview {o} in a new study?",
                    "When do you think interviewing gets easier?")  # fmt: skip
THEIR_INTERVIEWEES = ("users", "customers", "participants", "sources", "patients")


def test_interviewing_as_their_work_is_no_job_request() -> None:
    wrong = []
    for line, form, who in itertools.product(
        THEIR_WORK_LINES, THEIR_INTERVIEWS, THEIR_INTERVIEWEES
    ):
        for text in (form.format(o=who), _asr(form.format(o=who))):
            result = analyze_answer(line, text, rules_only=True)
            if "job_request" in [c.cue for c in result.cues]:
                wrong.append((line, text))
    assert not wrong, f"{len(wrong)}: {wrong[:5]}"
