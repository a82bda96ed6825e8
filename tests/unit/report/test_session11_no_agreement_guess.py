"""Review 10 R27: "What you could have said" never guesses a verb's number from the spelling of
the thing it asks about. The old templates said "How is the KPIs going" and "What do devops
involve": acronym plurals (-Is, -Rs), short plurals ("ads", "ops") and singulars in -s
("devops", "Kubernetes", "the canvas", "chaos"). Now the questions about a focus need no
agreement ("How's it going with the KPIs?", "What does working on devops involve?").
Generated: heads whose number was read by hand x manager lines x cues x turns, through
coaching.compose; no question puts an agreeing verb (is/are/does/do/has/have/was/were) right
before the focus it names."""

from __future__ import annotations

import itertools
import re

from app.report.coaching import compose

CUES = ("commitment", "self_promotion", "job_request", "pay_question", "interview")
#: (focus words, plural?) read by hand.
HEADS = (
    ("KPIs", True), ("APIs", True), ("PRs", True), ("ads", True), ("ops", True),
    ("SLAs", True), ("OKRs", True), ("dashboards", True), ("night shifts", True),
    ("devops", False), ("Kubernetes", False), ("Jenkins", False), ("Postgres", False),
    ("canvas", False), ("bias", False), ("lens", False), ("chaos", False),
    ("analytics", False), ("process", False), ("rollout", False), ("news", False),
)  # fmt: skip
LINES = (
    "We build the {t} that the hospital runs on. Have you done much on that side of things?",
    "Most of my week goes on the {t}, honestly. What about you?",
    "I look after the {t} for about forty clinics. Does that sound like your kind of work?",
    "Half my day is {t} at the moment. Is that the kind of thing you'd enjoy?",
)
AGREEING = r"\b(is|are|does|do|has|have|was|were)\s+(?:the\s+|your\s+|those\s+|these\s+)?"


def test_no_question_agrees_a_verb_with_a_guessed_number() -> None:
    wrong: list[str] = []
    named = 0
    for (thing, _plural), line, cue, turn in itertools.product(HEADS, LINES, CUES, range(4)):
        said = compose(cue, line.format(t=thing), turn, answer="I'd love to work here.")
        named += thing in said
        if re.search(AGREEING + re.escape(thing) + r"\b", said):
            wrong.append(said)
    assert named >= 200, named  # the focus is named in enough of them to judge
    assert not wrong, wrong[:5]
