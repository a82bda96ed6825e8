"""Asking to keep in touch after declining or deferring applying is not a request for the job.

`learned._judge_kept` lets the model read an interview from the sentences of a turn that withdraw
nothing; a sentence that only asks to keep in contact ("Could we stay in touch?") is not one of
them, whatever the model reads in it. Sentences that say more keep their reading. Generated over
many wordings, both ways."""

from __future__ import annotations

import itertools

import pytest

from app.framing.analyzer import analyze_answer
from app.framing.learned import _keeps_in_touch

_ASKS = (
    "Could we",
    "Can we",
    "I'd love to",
    "Happy to",
    "Let's",
    "we should",
    "Would it be okay to",
)
_PHRASES = ("stay in touch", "keep in touch", "stay in contact", "keep in touch with you",
            "touch base", "connect on LinkedIn")  # fmt: skip
_LATER = ("", " later", " in a few months", " down the road", " again next year", " sometime")
_ENDS = ("?", ".", "!", "")

KEEPING = [f"{a} {p}{w}{e}" for a, p, w, e in itertools.product(_ASKS, _PHRASES, _LATER, _ENDS)]
SAYING_MORE = [
    f"{a} {p}{e} {more}"
    for a, p, e, more in itertools.product(
        _ASKS[:3],
        _PHRASES[:3],
        (",", " and"),
        ("I'd move anywhere for this job.", "let me know when I can start.",
         "please put my name forward for the analyst role.", "I really want this position."),
    )
]  # fmt: skip


def test_keeping_in_touch_is_recognised_in_every_wording() -> None:
    missed = [s for s in KEEPING if not _keeps_in_touch(s)]
    assert not missed, missed[:8]


def test_a_sentence_that_says_more_is_not_only_keeping_in_touch() -> None:
    found = [s for s in SAYING_MORE if _keeps_in_touch(s)]
    assert not found, found[:8]
    for text in ("put me in touch with the hiring manager", "I'd move anywhere for this job."):
        assert not _keeps_in_touch(text)


DECLINES = ("I'm not ready to apply", "I'm not applying yet", "I won't apply just yet",
            "I'm holding off on applying for now")  # fmt: skip


@pytest.mark.parametrize("decline", DECLINES)
def test_declining_then_asking_to_keep_in_touch_is_never_an_interview(decline: str) -> None:
    line = "Would you be interested in the analyst position?"
    frames = [
        analyze_answer(line, f"{decline}. {a} {p}{w}?").frame
        for a, p, w in itertools.product(_ASKS, _PHRASES, _LATER)
    ]
    assert "interview" not in frames
