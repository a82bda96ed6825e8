"""A wish NOT to join is no interview; nor is an idiom built on join words (review 14, R8).

612bc99 made a wish to join their team a commitment, but left its plainest near miss: "I wouldn't
want to join that team." The rules dropped it (negated), then the sentence model read
commitment or job_request from the same join words and `learned.hybrid` had no guard for it, so
the refusal read interview and the replay coached "that committed you to the job". Idioms read
as joining too ("I'd love to join the dots between the teams": rules and model). The class: the
seeker's own wish not to join, in any wording (a negated wish verb, "I'm not looking to", "I
have no wish to", "I'd rather not", "I'd hate to", "the last thing I'd want is to", a wish
negated in its clause), is `cues.joins` kind "refused"; an idiom ("join the dots", "join
forces", "be a fly on the wall", "be part of the furniture") joins nothing. Neither commits by
the rules, and `hybrid` sets their words apart: the rest of the turn must ask alone.
Generated: negators x join phrases x manager lines x typed / recognizer style; idioms x wishes.
"""

from __future__ import annotations

import itertools

from app.framing.analyzer import analyze_answer
from app.framing.cues import joins
from app.framing.evaluation import recognizer_style

LINES = (
    "We're building a small platform team this spring.",
    "Our team ships the mobile app.",
    "We're rebuilding the whole checkout.",
    "The analytics group is about twelve people.",
    "We're hiring a couple of junior analysts in March.",
)
NEGATED_WISHES = (
    "I wouldn't want to",
    "I don't want to",
    "I'd never want to",
    "I'm not looking to",
    "I have no wish to",
    "I don't really want to",
    "I'm not keen to",
    "I wouldn't like to",
    "Honestly, I wouldn't want to",
    "No, I don't want to",
    "I'd hate to",
    "I never want to",
    "I'm not hoping to",
    "I do not wish to",
    "I would not want to",
    "To be honest I have no desire to",
    "The last thing I'd want is to",
    "I don't think I'd want to",
)
JOIN_PHRASES = (
    "join that team",
    "be part of that",
    "be on that team",
    "work there",
    "join your team",
    "come and work for you",
    "be part of a team like that",
    "join a team right now",
    "be part of that, to be honest",
    "come aboard",
)
#: Idioms on join words, with a wish before them: they join nothing.
IDIOMS = (
    "I'd love to join the dots between the teams.",
    "I'd love to be a fly on the wall for that.",
    "I'd love to join forces with the design folks on that.",
    "I wouldn't want to be part of the furniture after ten years.",
    "I'd really like to join the dots between research and product.",
    "Honestly I'd love to be a fly on the wall in those meetings.",
    "I'd hate to become part of the furniture.",
    "I'd love to join forces with you on the conference talk.",
)


def _styles(line: str, answer: str) -> list[tuple[str, str]]:
    return [(line, answer), (recognizer_style(line), recognizer_style(answer))]


def _cases() -> list[tuple[str, str]]:
    return [
        (line, f"{wish} {phrase}.")
        for wish, phrase, line in itertools.product(NEGATED_WISHES, JOIN_PHRASES, LINES)
    ]


def test_a_wish_not_to_join_is_refused() -> None:
    wrong = []
    for line, answer in _cases():
        kinds = [kind for _, _, kind in joins(answer, line)]
        if "refused" not in kinds or "job" in kinds:
            wrong.append((answer, kinds))
    assert not wrong, f"{len(wrong)} of {len(_cases())}: {wrong[:8]}"


def test_a_wish_not_to_join_is_no_interview() -> None:
    wrong = []
    cases = _cases()
    for line, answer in cases:
        for m, a in _styles(line, answer):
            for rules_only in (True, False):
                r = analyze_answer(m, a, rules_only=rules_only)
                if r.frame == "interview":
                    wrong.append((m, a, rules_only, [c.cue for c in r.cues]))
    assert not wrong, f"{len(wrong)} of {4 * len(cases)}: {wrong[:8]}"


def test_the_rest_of_the_turn_still_asks_alone() -> None:
    """A refusal sets its own words apart, not the turn's request after it."""
    for line in LINES:
        answer = "I wouldn't want to join that team, but could you refer me for the data role?"
        assert analyze_answer(line, answer).frame == "interview", (line, answer)


def test_the_wish_itself_still_commits() -> None:
    """Not the class: the same wishes un-negated stay commitments by the rules."""
    wrong = []
    for line, phrase in itertools.product(
        LINES, ("join that team", "be part of that", "work there")
    ):
        r = analyze_answer(line, f"I'd love to {phrase}.", rules_only=True)
        if "commitment" not in [c.cue for c in r.cues]:
            wrong.append((line, phrase))
    assert not wrong, wrong


def test_idioms_on_join_words_are_no_interview() -> None:
    wrong = []
    for line, answer in itertools.product(LINES, IDIOMS):
        for m, a in _styles(line, answer):
            for rules_only in (True, False):
                r = analyze_answer(m, a, rules_only=rules_only)
                if r.frame == "interview":
                    wrong.append((m, a, rules_only, [c.cue for c in r.cues]))
    assert not wrong, f"{len(wrong)} of {4 * len(LINES) * len(IDIOMS)}: {wrong[:8]}"
