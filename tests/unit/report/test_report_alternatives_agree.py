""" "What you could have said" agrees with its topic's number: a question about a plural thing
the manager named says "What do the hospital dashboards involve?" and "How are your pipelines
going?", not "does"/"is" (seen in a rehearsal: "What does the hospital dashboards involve, in
practice?"). Generated: manager lines naming plural and singular things (heads read by hand,
not by the module), every cue, several turns."""

from __future__ import annotations

import itertools
import re

from app.report.coaching import compose

CUES = ("commitment", "self_promotion", "job_request", "pay_question", "interview")
PLURAL = ("dashboards", "pipelines", "clinics", "night shifts", "weekly reports", "projects",
          "wards", "hiring panels", "data feeds", "field teams")  # fmt: skip
SINGULAR = ("dashboard", "pipeline", "rollout", "process", "campus", "analysis", "analytics",
            "budget", "migration", "project")  # fmt: skip
LINES = (
    "We build the {t} that the hospital runs on. Have you done much on that side of things?",
    "Most of my week goes on the {t}, honestly. What about you?",
    "I look after the {t} for about forty clinics. Does that sound like your kind of work?",
)
WRONG_PLURAL = re.compile(
    r"\b(?:does|is)\s+(?:the|your|those|these)\s+(?:[\w-]+\s+)*?(\w+)\s+(?:involve|going)\b", re.I
)
WRONG_SINGULAR = re.compile(
    r"\b(?:do|are)\s+(?:the|your|that|this)\s+(?:[\w-]+\s+)*?(\w+)\s+(?:involve|going)\b", re.I
)


def test_the_question_back_agrees_with_its_topic() -> None:
    wrong, checked = [], 0
    for things, bad in ((PLURAL, WRONG_PLURAL), (SINGULAR, WRONG_SINGULAR)):
        for thing, line, cue, turn in itertools.product(things, LINES, CUES, range(4)):
            said = compose(cue, line.format(t=thing), turn, answer="I'd love to work here.")
            for m in bad.finditer(said):
                if m.group(1).lower() == thing.split()[-1]:
                    wrong.append(said)
            checked += thing.split()[-1] in said
    assert checked >= 100, checked
    assert not wrong, wrong[:5]
