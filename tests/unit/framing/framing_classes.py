"""Generated classes of answers the framing model once misread, each with the frame it must not
give (or must give). Shared by tests/unit/framing/test_framing_classes.py and the retraining
checks; never training data (the generators are not read by scripts/train_framing_heads.py)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from app.framing.vocabulary import Frame


@dataclass(frozen=True)
class AnswerClass:
    """Answers (manager line, answer) of one kind, and how they must (not) be framed."""

    name: str
    cases: tuple[tuple[str, str], ...]
    must_not: Frame | None = None  # the frame none of them may get
    must: Frame | None = None  # the frame all of them must get


OPENING_LINES = (
    "So what brings you to this thing tonight?",
    "Hi, I'm Rosa. What can I do for you?",
    "What brings you here?",
    "Nice to meet you. How are you finding the evening?",
)


def _greeting_compliment() -> tuple[tuple[str, str], ...]:
    greetings = ("Hi Marcus", "Hello Rosa", "hey Kai", "Hi", "Good evening, Grace")
    nice = ("great to meet you!", "so nice to finally meet you.", "lovely to meet you.",
            "really good to meet you in person.")  # fmt: skip
    compliments = (
        "I've been following your team for ages.", "I loved your talk earlier.",
        "your team's blog got me through my last project.",
        "I've heard great things about your group.", "I'm a big fan of what you're building.",
        "I read your piece on data contracts last month.",
    )  # fmt: skip
    return tuple(
        (line, f"{g}, {n} {c}")
        for g, n, c, line in itertools.product(greetings, nice, compliments, OPENING_LINES[:2])
    )


def _reasons_for_coming() -> tuple[tuple[str, str], ...]:
    openers = ("I wanted to meet", "I was hoping to meet", "I wanted to talk to",
               "I wanted to learn from", "I came hoping to meet", "I'm here to meet")  # fmt: skip
    groups = ("people who build data platforms", "people who work in clinical informatics",
              "engineers who test robots", "anyone doing policy work")  # fmt: skip
    greetings = ("", "Hi! ", "Hello, lovely to meet you. ", "hey ")
    return tuple(
        (line, f"{greet}{opener} {group}.")
        for opener, group, greet, line in itertools.product(
            openers, groups, greetings, OPENING_LINES[:3]
        )
    )


def _deferring_applying() -> tuple[tuple[str, str], ...]:
    first = ("I'm not ready to apply", "I'm not applying", "I don't think I'll apply",
             "I'm not going to apply", "I'm holding off on applying", "I won't apply")  # fmt: skip
    when = ("", " yet", " just yet", " this year", " for now")
    then = (" but I'd love to keep in touch.", ", I'm just here to learn.",
            ". Could we stay in touch?", ", I'm still figuring out what fits.")  # fmt: skip
    lines = ("Would you be interested in the analyst position?", "Are you applying anywhere?")
    return tuple(
        (line, f"{a}{w}{t}") for a, w, t, line in itertools.product(first, when, then, lines)
    )


def _talk_to_someone_first() -> tuple[tuple[str, str], ...]:
    asks = ("Could I talk to {p} first?", "Can I chat with {p} before I decide?",
            "Would it be okay to speak with {p} first?", "could i talk to {p} first",
            "I'd like to talk to {p} first, if that's all right.",
            "Maybe I could meet {p} first?")  # fmt: skip
    people = ("her", "him", "the team lead", "someone on the team", "a couple of the engineers")
    lines = (
        "Would you be interested in the analyst position?",
        "Dana is the hiring manager for that team.",
        "Shall I put your name forward?",
        "I can introduce you to Priya, she runs that group.",
    )
    return tuple((line, a.format(p=p)) for a, p, line in itertools.product(asks, people, lines))


def _love_to_work_at() -> tuple[tuple[str, str], ...]:
    forms = ("I'd love to work at {o}", "I would love to work at {o}",
             "i'd really love to work at {o}", "Honestly, I'd love to work at {o}",
             "I'd love to work for {o}", "id love to work at {o}")  # fmt: skip
    # a place named as theirs (session 11, the lead's decision): "a place like yours" is a kind
    # of place, no commitment, so it is not in this class (test_framing_love_to_work_at)
    orgs = ("Harbor Bank", "your company", "the Grand", "Northwind",
            "the county", "your lab", "Acme Robotics")  # fmt: skip
    ends = (".", "!", ", it's my dream.", "")
    lines = ("So what brings you here?",)
    return tuple(
        (line, f.format(o=o) + e) for f, o, e, line in itertools.product(forms, orgs, ends, lines)
    )


CLASSES = (
    AnswerClass("greeting_compliment", _greeting_compliment(), must_not="interview"),
    AnswerClass("reasons_for_coming", _reasons_for_coming(), must_not="interview"),
    AnswerClass("deferring_applying", _deferring_applying(), must_not="interview"),
    AnswerClass("talk_to_someone_first", _talk_to_someone_first(), must_not="interview"),
    AnswerClass("love_to_work_at", _love_to_work_at(), must="interview"),
)


def wrong(cls: AnswerClass, frames: list[Frame]) -> list[int]:
    """Indices of the cases whose frame breaks the class's rule."""
    return [
        i
        for i, frame in enumerate(frames)
        if (cls.must_not is not None and frame == cls.must_not)
        or (cls.must is not None and frame != cls.must)
    ]
