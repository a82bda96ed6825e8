"""A wish to join is a commitment; joining what is no job is not (session 14, F1).

"I'd love to be part of that." to a manager describing their team read neutral, while "That
sounds like something I'd love to be part of" read interview: the sentence model read wishes to
join neutral unless they carried its cue words. The class: the seeker says they want in (be part
of it, join, be on the team, be one of them, come aboard, work there or for you, get in, sign me
up, count me in, "I want in") in any wording; what they would join decides
(`cues.joins`). The team, the company or the work ("that", "it", nothing, after a line about
them or about hiring) is a commitment, decided by the rules. Not the class: joining an event, a
group, a list, a study or a meal ("I'd love to join the hackathon", "sign me up for that" to a
CV workshop: the rules no longer read them as commitment, and the model may not read an
interview from those words), curiosity ("I'd love to hear more about that", "I'd love to see
how that turns out"), a wish in the past or of one's younger self, or someone else's wish.
Generated: manager lines x wishes x typed / recognizer style."""

from __future__ import annotations

import itertools

from app.framing.analyzer import analyze_answer
from app.framing.evaluation import recognizer_style

TEAM_LINES = (
    "We're building a small platform team this spring.",
    "Our team does fraud detection for the whole bank.",
    "I run the data group. We're six people and we sit with product.",
    "We're rebuilding the booking system from scratch this year.",
    "The studio's small, eleven of us, but we ship a game a year.",
    "We're hiring a couple of junior analysts in March.",
    "We've just opened a second clinic across town.",
    "My team's mostly night shift on the ICU.",
)
WISHES = (
    "I'd love to be part of that.",
    "That sounds like something I'd love to be part of.",
    "Honestly, I'd really like to be part of it.",
    "I would love to be a part of that.",
    "I want in.",
    "I'd love to join you.",
    "I'd be thrilled to come aboard.",
    "I'd kill to work there.",
    "I'm hoping to be part of it.",
    "I'd jump at the chance to join.",
    "Can I come work with you?",
    "How do I get in on that?",
    "I'd give anything to be on that team.",
    "I'd be so keen to get in there.",
    "I'd happily join.",
    "Wow. I'd love to be on your team.",
    "Okay, I'll be honest, I want to work for you.",
    "If there's any way I could be part of that, I'd say yes tomorrow.",
)
EVENT_LINES = (
    "We host a meetup for Rust developers every other Thursday.",
    "We're doing a charity fun run in May.",
    "We have a newsletter for people in supply chain.",
    "We're running a user study on the new scheduling tool.",
    "We're hosting a hackathon in October, open to everyone.",
    "We've got a book club in the office.",
    "We're offering free workshops on CV writing next week.",
    "Would you like to join us for lunch on Thursday?",
)
EVENT_WISHES = (
    "I'd love to be part of that.",
    "I'd love to join.",
    "Sign me up!",
    "Count me in.",
    "I'd really like to be part of it.",
    "Oh, I'd be glad to join in on that.",
    "Can I get on that?",
    "I want in.",
)
#: Not a wish to join, whatever the line: curiosity, the past, someone else.
NOT_WISHES = (
    "I'd love to hear more about that.",
    "I'd love to see how that turns out.",
    "I'd have loved to be part of that.",
    "My sister would love to work there.",
    "I always wanted to work somewhere like that when I was a kid.",
    "My brother would love to be part of that.",
    "I'd love to know how the team got started.",
)


def _styles(line: str, answer: str) -> list[tuple[str, str]]:
    return [(line, answer), (recognizer_style(line), recognizer_style(answer))]


def test_a_wish_to_join_their_team_commits_by_the_rules() -> None:
    wrong = []
    cases = list(itertools.product(TEAM_LINES, WISHES))
    for line, answer in cases:
        for m, a in _styles(line, answer):
            r = analyze_answer(m, a, rules_only=True)
            if r.frame != "interview" or "commitment" not in [c.cue for c in r.cues]:
                wrong.append((m, a, r.frame))
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:8]}"


def test_a_wish_to_join_their_team_is_an_interview_with_the_model() -> None:
    wrong = []
    for line, answer in itertools.product(TEAM_LINES, WISHES):
        for m, a in _styles(line, answer):
            if analyze_answer(m, a).frame != "interview":
                wrong.append((m, a))
    assert not wrong, wrong[:8]


def test_joining_what_is_no_job_is_no_interview() -> None:
    wrong = []
    cases = list(itertools.product(EVENT_LINES, EVENT_WISHES))
    for line, answer in cases:
        for m, a in _styles(line, answer):
            for rules_only in (True, False):
                r = analyze_answer(m, a, rules_only=rules_only)
                if r.frame == "interview":
                    wrong.append((m, a, rules_only, [c.cue for c in r.cues]))
    assert not wrong, f"{len(wrong)} of {4 * len(cases)}: {wrong[:8]}"


def test_curiosity_the_past_and_others_wishes_commit_to_nothing() -> None:
    wrong = []
    for line, answer in itertools.product(TEAM_LINES, NOT_WISHES):
        for m, a in _styles(line, answer):
            r = analyze_answer(m, a, rules_only=True)
            if "commitment" in [c.cue for c in r.cues]:
                wrong.append((m, a))
    assert not wrong, wrong[:8]


def test_a_kind_of_place_or_some_day_is_left_to_the_model() -> None:
    """Session 11's decision stands: a kind of place, or a wish for some day, is no rule's."""
    for answer in ("I'd love to be on a team like that.", "I'd love to be part of it someday.",
                   "I'd love to work somewhere like this one day."):  # fmt: skip
        r = analyze_answer(TEAM_LINES[0], answer, rules_only=True)
        assert "commitment" not in [c.cue for c in r.cues], answer
