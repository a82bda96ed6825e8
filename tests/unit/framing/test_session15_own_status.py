"""Asking where one's own candidacy stands asks for the position (session 15, issue 12).

"Any news on the offer letter?", "Have you decided about me?", "How's my application looking?"
read exploration or neutral: a curious question. The seeker asks after their own application,
interview, offer or offer letter, contract, shortlist, the decision on them or their start
date: they are a candidate waiting for a verdict, a job request (`patterns.OWN_STATUS`, which
also declares "hear back"; `JOB_REQUEST` keeps "my application"). Not the class: the status
of other things (their project, a launch, a colleague, an event, the new office, someone else's
application, a contract with a client). Generated: manager lines x asks x lead-ins x typed /
recognizer style."""

from __future__ import annotations

import itertools

from app.framing.analyzer import analyze_answer
from app.framing.evaluation import recognizer_style

LINES = (
    "Good to see you again.",
    "We've had a busy few weeks here.",
    "Thanks for coming back in.",
    "I've been meaning to call you.",
    "So, how have you been?",
)
LEADS = ("", "Hi! ", "Sorry to chase, but ", "Quick one: ", "Um, ")
OWN = (
    "Any update on my application?",
    "any news on the offer letter?",
    "Have you decided about me?",
    "When will I hear back?",
    "How's my application looking?",
    "What's the status of my application?",
    "Has the contract been sent?",
    "Is the offer letter on its way?",
    "Any word on my interview?",
    "Did I make the shortlist?",
    "Am I still in the running?",
    "Where do I stand?",
    "Have you had a chance to look at my CV?",
    "Did I get it?",
    "When will I know if I got it?",
    "Any news about my start date?",
    "Have you made a decision on the role yet?",
    "Has my paperwork gone through?",
)
#: The status of other things.
OTHERS = (
    "Any update on the launch?",
    "How's the new office coming along?",
    "Has the contract with the council been signed?",
    "Any news on Priya's application?",
    "How did your interview go?",
    "What's the status of the migration?",
    "Any news about the reorg?",
    "Is the event still on for Friday?",
    "Has the funding come through?",
    "How's your project going?",
    "Any word from your colleague in Leeds?",
    "Has the decision on the merger been made?",
)


def _styles(line: str, answer: str) -> list[tuple[str, str]]:
    return [(line, answer), (recognizer_style(line), recognizer_style(answer))]


def test_asking_after_ones_own_candidacy_is_a_job_request_by_the_rules() -> None:
    wrong = []
    cases = list(itertools.product(LINES, LEADS, OWN))
    for line, lead, ask in cases:
        for m, a in _styles(line, lead + ask):
            r = analyze_answer(m, a, rules_only=True)
            if r.frame != "interview" or "job_request" not in [c.cue for c in r.cues]:
                wrong.append((m, a, r.frame))
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:8]}"


def test_the_status_of_other_things_asks_for_nothing() -> None:
    wrong = []
    cases = list(itertools.product(LINES, LEADS, OTHERS))
    for line, lead, ask in cases:
        for m, a in _styles(line, lead + ask):
            r = analyze_answer(m, a, rules_only=True)
            if "job_request" in [c.cue for c in r.cues] or r.frame == "interview":
                wrong.append((m, a, r.frame))
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:8]}"


def test_the_status_of_other_things_is_no_interview_with_the_model() -> None:
    wrong = []
    for line, ask in itertools.product(LINES, OTHERS):
        for m, a in _styles(line, ask):
            if analyze_answer(m, a).frame == "interview":
                wrong.append((m, a))
    assert not wrong, wrong[:8]
