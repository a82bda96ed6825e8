"""Classes of answers the framing model once misread, generated over many wordings and manager
lines (`framing_classes.py`; never training data): greetings with a compliment, saying why you
came, declining or deferring applying, asking to talk to someone first (none of them an
interview) and "I'd love to work at X" (an interview). The rules must never break a class they
decide. The hybrid's misreads are known and reported (README, "How answers are framed"): each
class may not get worse than the share measured with the shipped model."""

from __future__ import annotations

import pytest
from framing_classes import CLASSES, AnswerClass, wrong

from app.framing.analyzer import analyze_answer
from app.framing.vocabulary import Frame

#: The share of each class the shipped hybrid frames wrong (session 4, measured; "love to work
#: at" session 5, now mostly a rule; session 12's heads and guards: greeting with a compliment
#: 9 of 240, the rest 0): a ceiling against regressions, not a target. Deferring
#: applying and talking to someone first are held by the rules' negation and deferral scope
#: (`cues.withdrawn`).
MAX_WRONG = {
    "greeting_compliment": 9 / 240,
    "reasons_for_coming": 0.0,
    "deferring_applying": 0.0,
    "talk_to_someone_first": 0.0,
    "love_to_work_at": 0.0,
}


def _frames(cls: AnswerClass, rules_only: bool) -> list[Frame]:
    return [analyze_answer(line, text, rules_only=rules_only).frame for line, text in cls.cases]


@pytest.mark.parametrize("cls", [c for c in CLASSES if c.must_not], ids=lambda c: c.name)
def test_the_rules_never_give_a_class_the_frame_it_must_not_have(cls: AnswerClass) -> None:
    bad = wrong(cls, _frames(cls, rules_only=True))
    assert not bad, [cls.cases[i] for i in bad[:8]]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.name)
def test_the_hybrid_misreads_no_more_of_a_class_than_measured(cls: AnswerClass) -> None:
    assert len(cls.cases) >= 100
    bad = wrong(cls, _frames(cls, rules_only=False))
    share = len(bad) / len(cls.cases)
    assert share <= MAX_WRONG[cls.name], (
        f"{len(bad)} of {len(cls.cases)}: {[cls.cases[i][1] for i in bad[:8]]}"
    )
