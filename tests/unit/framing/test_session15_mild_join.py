"""An understated wish to join commits like any wish to join (session 15, issue 12).

"I wouldn't mind being part of that." or "I could see myself there." to a manager describing
their team read neutral: the wish was understated, and "wouldn't" read as a refusal. The class:
litotes and quiet wishes ("I wouldn't mind being part of that / joining / working there", "I
could see myself there / in that role / doing that", "I wouldn't say no to that", "that'd suit
me", "that's right up my street") after a line about their team, company, work or hiring are a
commitment by the rules (`cues.joins`, as session 14's wishes). Not the class: the same tone
about a coffee, a tour, an introduction or hearing more ("I wouldn't say no to a coffee", "I
wouldn't mind hearing more", "that'd suit me" to "Shall I show you around the lab?"), which
commits to nothing. Generated: manager lines x wishes x typed / recognizer style."""

from __future__ import annotations

import itertools

from app.framing.analyzer import analyze_answer
from app.framing.evaluation import recognizer_style

TEAM_LINES = (
    "We're building a small platform team this spring.",
    "Our team does fraud detection for the whole bank.",
    "I run the data group. We're six people and we sit with product.",
    "We're hiring a couple of junior analysts in March.",
    "The studio's small, eleven of us, but we ship a game a year.",
    "My team's mostly night shift on the ICU.",
)
MILD = (
    "I wouldn't mind being part of that.",
    "Honestly, I wouldn't mind joining.",
    "I wouldn't mind working there.",
    "I could see myself there.",
    "I can really see myself in that role.",
    "I could see myself doing that.",
    "I could definitely see myself on that team.",
    "I wouldn't say no to that.",
    "Ha, I wouldn't say no.",
    "That'd suit me.",
    "That would suit me down to the ground.",
    "That sounds right up my street.",
    "Sounds like my kind of place.",
    "I wouldn't mind a piece of that.",
)
OFFER_LINES = (
    "Would you like a coffee before the next talk?",
    "Shall I show you around the lab?",
    "Want me to introduce you to Priya after this?",
    "We're doing a tour of the plant at four if you want to come.",
    "Would you like to hear more about how we got started?",
    "There's pizza in the back if you're hungry.",
)
OFFER_MILD = (
    "I wouldn't say no to that.",
    "That'd suit me.",
    "I wouldn't mind.",
    "I could see myself doing that.",
    "Ha, I wouldn't say no.",
)
#: The same tone about other things, whatever the line.
NOT_JOINING = (
    "I wouldn't say no to a coffee.",
    "I wouldn't mind hearing more.",
    "I wouldn't say no to a tour.",
    "I wouldn't mind a look around.",
    "I could see myself burning out there, honestly.",
    "I wouldn't say no to hearing more about it.",
)


def _styles(line: str, answer: str) -> list[tuple[str, str]]:
    return [(line, answer), (recognizer_style(line), recognizer_style(answer))]


def _committed(line: str, answer: str, rules_only: bool) -> bool:
    r = analyze_answer(line, answer, rules_only=rules_only)
    return "commitment" in [c.cue for c in r.cues]


def test_an_understated_wish_to_join_their_team_commits_by_the_rules() -> None:
    wrong = []
    cases = list(itertools.product(TEAM_LINES, MILD))
    for line, answer in cases:
        for m, a in _styles(line, answer):
            r = analyze_answer(m, a, rules_only=True)
            if r.frame != "interview" or "commitment" not in [c.cue for c in r.cues]:
                wrong.append((m, a, r.frame))
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:8]}"


def test_the_same_tone_to_an_offer_of_something_else_commits_to_nothing() -> None:
    wrong = []
    cases = list(itertools.product(OFFER_LINES, OFFER_MILD))
    for line, answer in cases:
        for m, a in _styles(line, answer):
            for rules_only in (True, False):
                r = analyze_answer(m, a, rules_only=rules_only)
                if r.frame == "interview":
                    wrong.append((m, a, rules_only, [c.cue for c in r.cues]))
    assert not wrong, f"{len(wrong)} of {4 * len(cases)}: {wrong[:8]}"


def test_the_same_tone_about_other_things_commits_to_nothing() -> None:
    wrong = []
    for line, answer in itertools.product(TEAM_LINES, NOT_JOINING):
        for m, a in _styles(line, answer):
            if _committed(m, a, rules_only=True):
                wrong.append((m, a))
    assert not wrong, wrong[:8]


def test_litotes_no_longer_negate_a_request() -> None:
    """ "I wouldn't mind if you put in a good word" asks; "I wouldn't want you to" does not."""
    line = "I could mention you to our hiring lead."
    asks = analyze_answer(line, "I wouldn't mind if you put in a good word.", rules_only=True)
    assert "job_request" in [c.cue for c in asks.cues]
    declines = analyze_answer(
        line, "I wouldn't want you to put in a good word yet.", rules_only=True
    )
    assert "job_request" not in [c.cue for c in declines.cues]
