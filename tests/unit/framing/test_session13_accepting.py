"""Accepting on the spot is a commitment; a yes to hearing the pay is a pay question (session 13).

A newcomer's eager seeker said "Nothing, where do I sign?", "Ninety thousand base and I'm in,
starting Monday." and "Deal, let's shake on it." (to "You want the role, yeah? Shall we shake on
it?"): all read exploration or neutral. And "Yes please, what's the number?" to a recruiter's
"Shall I tell you what they're paying?" read as a curious question. The classes: striking the
bargain in any of its idioms commits (the bare ones, "Deal", only to a commitment question); a
yes to an offer to tell the pay, or asking for the figure after it, asks about pay. Not: "I'm in
Leeds", "where do I sign in?", "deal with", "Deal!" to pizza, "No thanks, who's the client?".
Generated: lead-ins x idioms x manager lines x typed / recognizer style."""

from __future__ import annotations

import itertools
import re

import pytest

from app.framing.analyzer import analyze_answer

LINES = (
    "So what else do you need to hear before you say yes?",
    "Okay, money. Base is tight, options are huge. What would get you in?",
    "The team's great, the client's great. Thoughts?",
    "That's the role in a nutshell.",
)
COMMITMENT_LINES = (
    "You want the role, yeah? Shall we shake on it?",
    "So are you interested in the position?",
)
LEADS = ("", "Honestly, nothing. ", "Okay. ", "Wow. ", "Ninety thousand base ", "Say no more. ")
ACCEPTING = ("Where do I sign?", "where do I sign up?", "Where do I sign, then?")
#: Accepting in so many words: a commitment after a line putting the job or the pay to one.
IM_IN = ("and I'm in.", "and I'm in, starting Monday.", "so I'm in, then.")
JOB_LINES = (
    "Okay, money. Base is tight, options are huge. What would get you in?",
    "That's the role in a nutshell.",
    "So are you interested in the position?",
)
BARGAIN = ("Deal.", "Deal, let's shake on it.", "It's a deal.", "You've got yourself a deal!",
           "Okay, deal.", "Let's shake on it.", "let's shake on that!")  # fmt: skip
PAY_LINES = (
    "Honestly the money's the best part. Shall I tell you what they're paying?",
    "Do you want to hear what it pays?",
    "I can give you the salary if you like?",
    "Want me to run you through the package?",
)
PAY_YES = ("Yes please, what's the number?", "Go on then.", "Yeah, how much?", "Sure, hit me.",
           "Yes please.", "Absolutely, what's the range?", "ok what is it")  # fmt: skip
PAY_NO = ("No thanks, what does the team actually do?", "Not yet. Who is the client?",
          "Maybe later. How big is the team?", "I'd rather hear about the work first.",
          "Maybe later, tell me about the team first.",
          "Sure, but first tell me what the team actually builds.",
          "Could you tell me about the manager first?",
          "I'd rather you tell me what a typical week looks like.")  # fmt: skip
#: Offers to show numbers that are not the pay: a yes to them asks nothing about pay.
OTHER_NUMBERS = ("Want me to walk you through the numbers from the pilot?",
                 "Shall I show you the figures from last quarter?",
                 "Do you want to see the budget for the project?",
                 "I can give you the rate card for the ads if you like?")  # fmt: skip
NOT_ACCEPTING = (
    ("Where are you based?", "I'm in Leeds."),
    ("Where are you based?", "Right now I'm in Manchester, but moving."),
    ("Here's the visitor form.", "Where do I sign in?"),
    ("How do you handle difficult clients?", "I try to deal with them calmly."),
    ("Want some pizza?", "Deal!"),
    ("We're doing drinks after, you coming?", "Yeah I'm in."),
    ("Are you around next week?", "I'm off tomorrow and I'm in from Monday."),
    ("How did the audition go?", "I passed the audition and I'm in, starting next month."),
    ("Did IT sort your badge out?", "Yes, my badge finally works so I'm in now."),
    ("I bet you a pint the keynote overruns.", "Ha, let's shake on it."),
    ("The sign-up sheet's on the desk.", "Where do I sign up for the newsletter?"),
    ("We're collecting names for the petition.", "Where do I sign the petition?"),
    ("So are you interested in the position?", "Deal or not, I need time to think."),
)


def _asr(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


def _join(lead: str, idiom: str) -> str:
    if not lead or (lead.endswith(" ") and not lead.endswith(". ")):
        return f"{lead}{idiom}"
    return lead + idiom[0].upper() + idiom[1:]


def _both(text: str) -> tuple[str, str]:
    return text, _asr(text)


ACCEPT_CASES = [
    (line, answer)
    for line, lead, idiom in itertools.product(LINES + COMMITMENT_LINES, LEADS, ACCEPTING)
    for answer in _both(_join(lead, idiom))
] + [
    (line, answer)
    for line, lead, idiom in itertools.product(JOB_LINES, ("Ninety thousand base ", "Ok, "), IM_IN)
    for answer in _both(_join(lead, idiom))
]


@pytest.mark.parametrize("rules_only", [True, False])
def test_accepting_on_the_spot_commits(rules_only: bool) -> None:
    assert len(ACCEPT_CASES) > 150
    bad = []
    for line, answer in ACCEPT_CASES:
        result = analyze_answer(line, answer, rules_only=rules_only)
        if result.frame != "interview" or "commitment" not in [c.cue for c in result.cues]:
            bad.append(f"{line!r} -> {answer!r}: {result.frame} {[c.cue for c in result.cues]}")
    assert not bad, f"{len(bad)} of {len(ACCEPT_CASES)}: {bad[:6]}"


def test_striking_the_bargain_commits_to_a_commitment_question() -> None:
    for line, bargain in itertools.product(COMMITMENT_LINES, BARGAIN):
        for answer in _both(bargain):
            result = analyze_answer(line, answer, rules_only=True)
            assert result.frame == "interview", (line, answer, result.cues)
            assert "commitment" in [c.cue for c in result.cues], (line, answer)


@pytest.mark.parametrize(("line", "answer"), NOT_ACCEPTING)
def test_the_same_words_elsewhere_commit_to_nothing(line: str, answer: str) -> None:
    for text in _both(answer):
        rules = analyze_answer(line, text, rules_only=True)
        assert "commitment" not in [c.cue for c in rules.cues], (line, text, rules.cues)
        assert rules.frame != "interview", (line, text)
        hybrid = analyze_answer(line, text)
        assert "commitment" not in [c.cue for c in hybrid.cues], (line, text, hybrid.cues)


def test_a_yes_to_hearing_the_pay_asks_about_pay() -> None:
    for line, yes in itertools.product(PAY_LINES, PAY_YES):
        for answer in _both(yes):
            result = analyze_answer(line, answer, rules_only=True)
            pays = [c for c in result.cues if c.cue == "pay_question"]
            assert pays, (line, answer, result.cues)
            assert result.frame == "interview", (line, answer)
            for cue in pays:
                assert answer[cue.start : cue.end] == cue.text


def test_a_yes_to_other_numbers_asks_nothing_about_pay() -> None:
    for line, yes in itertools.product(OTHER_NUMBERS, PAY_YES[:5]):
        for answer in _both(yes):
            result = analyze_answer(line, answer, rules_only=True)
            assert "pay_question" not in [c.cue for c in result.cues], (line, answer)


def test_declining_to_hear_the_pay_asks_nothing_about_it() -> None:
    for line, no in itertools.product(PAY_LINES, PAY_NO):
        for answer in _both(no):
            result = analyze_answer(line, answer, rules_only=True)
            assert "pay_question" not in [c.cue for c in result.cues], (line, answer)
            assert result.frame != "interview", (line, answer, result.cues)
