""" "I'd love to work at <a named place>" declares interest in working there: the rules read it
as commitment (an interview frame), as the issue's own example asks; a kind of place ("at a
place like yours") or a wish for some day ("at the Grand someday") is left to the model, and a
hedge in the answer still makes it conditional interest. Generated classes, both ways.

Session 11, the lead's decision on last session's label conflicts: a PLACE NAMED AS THEIRS ("I'd
love to work here / at Harbor Bank / on your team / in your lab") is an interview; a KIND of place
("somewhere like this one day", "a place like yours", "a company like yours") is no commitment:
the rules do not decide it, the sentence model may."""

from __future__ import annotations

import itertools

from app.framing.analyzer import analyze_answer
from app.framing.learned import rules_decide

LINES = ("So what brings you here?", "We're growing fast this year.", "Any questions for me?")
FORMS = ("I'd love to work at {o}", "I would love to work at {o}", "id love to work at {o}",
         "Honestly, I'd really love to work at {o}", "I'd love to work for {o}",
         "i would so love to work for {o}")  # fmt: skip
NAMED = ("Harbor Bank", "Northwind", "your company", "your lab", "the county", "Mercy General",
         "Halvorsen & Pike", "Brightwater", "harbor bank", "the Grand", "your design studio",
         "mercy general hospital")  # fmt: skip
KINDS = ("a place like yours", "a company like this", "somewhere like this", "places like this",
         "a firm that does that", "an organisation like yours", "myself", "startups",
         "startups, what was that like for you?", "small firms", "nonprofits", "free",
         "it until it clicks", "night", "home some days", "themselves", "them", "people like you",
         "bigger companies", "local charities", "anyone who'd have me", "something more creative",
         "scale", "change in healthcare", "a tech company", "a firm that does that", "big tech",
         "other labs", "a small bakery")  # fmt: skip
#: Their place after "on/in/with" (session 11).
THEIRS = ("I'd love to work on your team", "I'd love to work in your lab", "id love to work on "
          "your data team", "I would love to work with your group", "I'd really love to work in "
          "this department", "I'd love to work here", "I'd love to work with you",
          "i would love to work on your crew")  # fmt: skip
#: Kinds of place: the rules decide nothing (the lead's decision).
KIND_OF_PLACE = ("a place like yours", "a company like yours", "somewhere like this",
                 "an organisation like yours", "places like this", "a team like yours",
                 "a lab like this one")  # fmt: skip
KIND_FORMS = ("I'd love to work at {o}", "I'd love to work for {o}", "I'd love to work in {o}",
              "I would love to work at {o} one day", "id love to work somewhere like this one day",
              "Honestly, I'd really love to work at {o} someday")  # fmt: skip
SOMEDAY = (" someday", " one day", " eventually, after my degree", " some day down the line")
ENDS = (".", "!", ", it's my dream.", "")


def _commitment(line: str, answer: str) -> bool:
    result = analyze_answer(line, answer, rules_only=True)
    return result.frame == "interview" and "commitment" in {c.cue for c in result.cues}


def test_love_to_work_at_a_named_place_is_commitment() -> None:
    missed = [
        (line, f.format(o=o) + e)
        for f, o, e, line in itertools.product(FORMS, NAMED, ENDS, LINES)
        if not _commitment(line, f.format(o=o) + e)
    ]
    assert not missed, missed[:8]


def test_a_kind_of_place_or_some_day_is_not_the_rules_commitment() -> None:
    read = [
        answer
        for f, o, tail, line in itertools.product(FORMS, NAMED + KINDS, (*SOMEDAY, ""), LINES)
        if (o in KINDS or tail) and _commitment(line, answer := f.format(o=o) + tail + ".")
    ]
    assert not read, read[:8]


def test_a_hedge_still_makes_it_conditional() -> None:
    for f, o in itertools.product(FORMS, NAMED):
        answer = f.format(o=o) + ", but I'd want to learn more about the team first."
        assert analyze_answer(LINES[0], answer, rules_only=True).frame == "exploration", answer


def test_their_place_after_on_in_or_with_is_commitment() -> None:
    """Session 11: 'I'd love to work on your team / in your lab' names their place."""
    missed = [
        (line, t + e)
        for t, e, line in itertools.product(THEIRS, ENDS, LINES)
        if not _commitment(line, t + e)
    ]
    assert not missed, missed[:8]


def test_a_kind_of_place_is_left_to_the_model() -> None:
    """The lead's decision: no commitment, and no other cue of the rules decides the turn."""
    decided = []
    for f, o, e, line in itertools.product(KIND_FORMS, KIND_OF_PLACE, ENDS, LINES):
        answer = f.format(o=o) + e
        result = analyze_answer(line, answer, rules_only=True)
        if rules_decide(answer, [c.cue for c in result.cues]):
            decided.append((line, answer, result.frame))
    assert not decided, decided[:8]
