"""The newcomer's four misframes, each fixed as a class (session 11).

(a) A yes with a condition is conditional interest, not commitment: "Yes, but only if it's mostly
    the platform side. Is it?" to "are you interested in the position?" read commitment; "but only
    if", "as long as", "provided that", "depending on" hedge it (`patterns.CONDITIONAL_INTEREST`),
    while "for as long as I can remember" is a length of time.
(b) A question about the seeker's OWN terms in the job (hours, shifts, remote work, days off,
    perks) is an interview named as the pay-type cue, not commitment: "Would I get to work from
    home on Fridays?" read commitment (the model's cue); the rules now name `pay_question` and the
    explanation names perks and conditions. Questions about the work, team or people ("who would I
    be working with", "what would my first project look like") ask about the work.
(c) Asking how much or how fast THEY hire is about them: "How many people are you hiring?" read a
    job request ("are you hiring"); now no request, and the sentence model may not read one in,
    unless it carries the seeker ("how many people like me are you hiring").
(d) Asking whether a lack of one's own disqualifies asks to be judged: "Is that a dealbreaker if I
    haven't worked with doctors?" read exploration (+0.65); now a job request.
"""

from __future__ import annotations

import itertools
import re

from app.framing.analyzer import analyze, analyze_answer
from app.framing.model import Turn

COMMITMENT_LINES = (
    "Are you interested in the position?",
    "Would you like me to put your name forward?",
    "Is this a role you'd consider?",
    "So, interested in applying?",
)
OTHER_LINES = (
    "Tell me about your team.",
    "We're growing fast this year.",
    "We do a lot of work with hospitals.",
    "Any questions for me?",
)


def _asr(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


def _both(said: str, end: str = "?") -> tuple[str, str]:
    typed = said[0].upper() + said[1:] + end
    return typed, _asr(typed)


def _cues(line: str, text: str, rules_only: bool = True) -> set[str]:
    return {c.cue for c in analyze_answer(line, text, rules_only=rules_only).cues}


# --- (a) a yes with a condition -------------------------------------------------------------

YESES = ("Yes", "Yeah", "Sure", "Definitely", "I am", "Yes, I'd say so", "Absolutely", "I would")
CONDITIONS = (
    "but only if {c}",
    "as long as {c}",
    "only if {c}",
    "provided that {c}",
    "but only really if {c}",
    "so long as {c}",
    "depending on whether {c}",
    "but it depends on whether {c}",
)
CONTENT = (
    "it's mostly the platform side",
    "the team is the data team",
    "I'd be on the clinical side",
    "it's the role Dana mentioned",
    "there's real ownership of the product",
    "it's the night operations one",
)
AFTER = ("", " Is it?", " Is that the case?", " How does that work?")
CONDITIONAL_YES = [
    text
    for yes, cond, content, after in itertools.product(YESES, CONDITIONS, CONTENT, AFTER)
    for text in _both(f"{yes}, {cond.format(c=content)}.{after}", "")
]
#: A yes with a length of time, not a condition: still commitment.
PLAIN_YES = [
    text
    for yes, tail in itertools.product(
        YESES,
        (
            " I've wanted this for as long as I can remember.",
            " I'll stay as long as it takes.",
            " I've been a nurse twice as long as most applicants.",
            " As long as I can remember.",
        ),
    )
    for text in _both(yes + "." + tail, "")
]


def test_a_yes_with_a_condition_is_conditional_interest() -> None:
    """Old code: 'Yes, but only if...' was commitment (only 'depends on' hedged)."""
    wrong = []
    for line, text in itertools.product(COMMITMENT_LINES, CONDITIONAL_YES):
        result = analyze_answer(line, text, rules_only=True)
        names = {c.cue for c in result.cues}
        if "commitment" in names or "conditional_interest" not in names:
            wrong.append((line, text, result.frame))
    assert not wrong, f"{len(wrong)} of {len(COMMITMENT_LINES) * len(CONDITIONAL_YES)}: {wrong[:6]}"


def test_the_hybrid_keeps_it_exploration() -> None:
    wrong = [
        text
        for text in CONDITIONAL_YES[::13]
        if analyze_answer(COMMITMENT_LINES[0], text).frame != "exploration"
    ]
    assert not wrong, f"{len(wrong)}: {wrong[:6]}"


def test_a_yes_for_as_long_as_i_can_remember_is_still_commitment() -> None:
    """Counter-class: 'as long as' of time is no condition."""
    wrong = [
        (line, text)
        for line, text in itertools.product(COMMITMENT_LINES[:1], PLAIN_YES)
        if "commitment" not in _cues(line, text)
    ]
    assert not wrong, wrong[:6]


# --- (b) the seeker's own terms --------------------------------------------------------------

OWN_TERMS = (
    "would I get to work from home on Fridays",
    "could I work remotely some days",
    "do I get weekends off",
    "would I have to work nights",
    "would I be on call",
    "what would my hours be",
    "how many hours would I work",
    "can I choose my own shifts",
    "would I have flexible hours",
    "would we get Fridays off in summer",
    "would I need to work weekends",
    "do I get a company car",
    "would I get a sign-on bonus",
    "would I be able to work part-time",
    "what would my schedule look like",
    "are my shifts fixed",
    "would I ever have to do overtime",
    "do I get paid parking",
    "would I still get to work from home",
    "what shifts would I work",
    "could I set my own hours",
    "would I be expected to do nights",
)
LEADS = ("", "Hmm, ", "And ", "Just wondering, ", "Out of curiosity, ")
OWN_TERMS_ASKED = [
    text for q, lead in itertools.product(OWN_TERMS, LEADS) for text in _both(lead + q)
]
#: The work, the team, the people: exploration's questions, no pay-type cue.
THE_WORK = (
    "who would I be working with",
    "what would my first project look like",
    "would I be working on the data side",
    "would I get to work with the ML team",
    "what would I be doing day to day",
    "who would I report to",
    "would I work closely with the nurses",
    "what kind of problems would I be solving",
    "do you work from home",
    "does the team work weekends",
    "how does the team split the night work",
    "would I get to shadow someone first",
    "what would the first month look like",
)
WORK_ASKED = [text for q, lead in itertools.product(THE_WORK, LEADS) for text in _both(lead + q)]


def test_ones_own_terms_are_a_pay_type_question() -> None:
    """Old code: the rules named nothing ('Would I get to work from home on Fridays?' was left
    to the model, which named commitment)."""
    wrong = [
        (line, text)
        for line, text in itertools.product(OTHER_LINES, OWN_TERMS_ASKED)
        if (cues := _cues(line, text)) and ("pay_question" not in cues or "commitment" in cues)
    ]
    assert not wrong, f"{len(wrong)} of {len(OTHER_LINES) * len(OWN_TERMS_ASKED)}: {wrong[:6]}"


def test_the_hybrid_and_the_explanation_name_perks_and_conditions() -> None:
    for text in OWN_TERMS_ASKED[::3]:
        result = analyze_answer(OTHER_LINES[0], text)
        names = {c.cue for c in result.cues}
        assert result.frame == "interview", text
        assert "pay_question" in names, text
        assert "commitment" not in names, text
    turns = [Turn("manager", OTHER_LINES[0]), Turn("seeker", OWN_TERMS_ASKED[0])]
    shift = analyze(turns).shift
    assert shift is not None
    assert shift.cue == "pay_question"
    assert "perks or conditions" in shift.explanation


def test_questions_about_the_work_name_no_pay_type_cue() -> None:
    """Counter-class: the lead's decision, the work, team and people are exploration's."""
    wrong = [
        (line, text)
        for line, text in itertools.product(OTHER_LINES, WORK_ASKED)
        if {"pay_question", "commitment", "job_request"} & _cues(line, text)
        or analyze_answer(line, text, rules_only=True).frame != "exploration"
    ]
    assert not wrong, f"{len(wrong)}: {wrong[:6]}"


# --- (c) their hiring volume -----------------------------------------------------------------

VOLUME = (
    "how many people are you hiring",
    "how many people are you guys hiring this year",
    "how many engineers is the team hiring",
    "how fast are you hiring",
    "how many nurses is the hospital hiring",
    "how many analysts are y'all hiring",
    "how quickly is your department hiring",
    "how many people do you usually hire a year",
    "how many are you planning on hiring",
    "how many roles are you hiring for",
    "how much is the company hiring right now",
    "how many new grads are they hiring",
)
VOLUME_ASKED_TOO = [
    "How many people are you hiring? I'm curious about your growth.",
    "How many people are you hiring? I ask because I'm interested in the team.",
]
VOLUME_ASKED = [text for q, lead in itertools.product(VOLUME, LEADS) for text in _both(lead + q)]
#: With the seeker in it, or asking whether they hire at all: a request.
SEEKER_HIRED = (
    "how many people are you hiring? I'd love to be one",
    "how many people are you hiring? Because I'd jump at it",
    "how many people are you hiring? Count me in",
    "how many people like me are you hiring",
    "are you hiring",
    "how many juniors are you hiring, and could I be one of them",
    "are you hiring anyone like me",
    "is your team hiring right now",
)


def test_their_hiring_volume_is_no_request() -> None:
    """Old code: 'How many people are you hiring?' was a job request ('are you hiring')."""
    wrong = [
        (line, text)
        for line, text in itertools.product(OTHER_LINES, VOLUME_ASKED + VOLUME_ASKED_TOO)
        if "job_request" in _cues(line, text)
    ]
    assert not wrong, f"{len(wrong)} of {len(OTHER_LINES) * len(VOLUME_ASKED)}: {wrong[:6]}"


def test_the_model_may_not_read_a_request_into_it() -> None:
    wrong = [
        text
        for text in VOLUME_ASKED[::2]
        if analyze_answer(OTHER_LINES[1], text, rules_only=False).frame == "interview"
    ]
    assert not wrong, f"{len(wrong)}: {wrong[:6]}"


def test_hiring_that_carries_the_seeker_is_still_a_request() -> None:
    for line, said in itertools.product(OTHER_LINES, SEEKER_HIRED):
        for text in _both(said):
            assert "job_request" in _cues(line, text), text


# --- (d) asking whether you are disqualified ----------------------------------------------------

JUDGED = (
    "is that a dealbreaker if I haven't worked with doctors",
    "would that be a dealbreaker if I've never used Epic",
    "is it a deal-breaker that I don't have a degree",
    "would not having a nursing license count against me",
    "does that rule me out",
    "would that rule me out, since I've only done retail",
    "is that a problem if I haven't managed people",
    "would it be an issue that I'm new to healthcare",
    "would my lack of a degree be a dealbreaker",
    "am I out of the running then",
    "would I be disqualified without a CPA",
    "is that a red flag if I've only freelanced",
    "would that hurt my chances",
    "is it a dealbreaker",
    "would my age count against me",
    "is that a knockout if I don't speak Spanish",
    "would that be held against me",
)
JUDGED_ASKED = [text for q, lead in itertools.product(JUDGED, LEADS) for text in _both(lead + q)]
#: About something else: no request.
NOT_JUDGED = (
    "is that a dealbreaker for most clients",
    "would that be a problem if I bring my laptop",
    "is that a problem for the team",
    "is that an issue for the hospitals",
    "would it be a problem if I step out for a call",
    "was that a dealbreaker for you when you switched",
    "is the commute an issue for people",
)
NOT_JUDGED_ASKED = [text for q in NOT_JUDGED for text in _both(q)]


def test_asking_whether_you_are_disqualified_asks_to_be_judged() -> None:
    """Old code: a plain question (exploration)."""
    wrong = []
    for line, text in itertools.product(OTHER_LINES, JUDGED_ASKED):
        result = analyze_answer(line, text, rules_only=True)
        if result.frame != "interview" or "job_request" not in {c.cue for c in result.cues}:
            wrong.append((line, text, result.frame))
    assert not wrong, f"{len(wrong)} of {len(OTHER_LINES) * len(JUDGED_ASKED)}: {wrong[:6]}"


def test_a_problem_of_something_else_is_no_request() -> None:
    wrong = [
        (line, text)
        for line, text in itertools.product(OTHER_LINES, NOT_JUDGED_ASKED)
        if "job_request" in _cues(line, text)
    ]
    assert not wrong, wrong[:6]


# --- review 11 R3: a condition on being taken is no hedge ----------------------------------------

EAGER = (
    "Yes. I'd move cities",
    "Absolutely! I'd start tomorrow",
    "Definitely, yes. I'd work any shift",
    "Oh, a hundred percent. I'd take a pay cut",
    "Yes, I'd do whatever it takes",
)
TAKEN = (
    "as long as you'll have me",
    "as long as you'll take me",
    "as long as I get in",
    "as long as it gets me hired",
    "as long as I get my foot in the door",
    "so long as you'd hire me",
    "only if I get the job",
    "as long as there's a job at the end",
)
COMPARISONS = (
    "It ran about as long as the keynote promised.",
    "We kept the old system as long as the contract ran.",
    "The shift felt twice as long as the last one.",
)


def test_a_yes_conditioned_on_being_taken_is_still_commitment() -> None:
    """Review 11 R3: 5dd7fa8 read 48 of 100 such yeses as conditional interest."""
    wrong = []
    for eager, taken in itertools.product(EAGER, TAKEN):
        for text in _both(f"{eager} {taken}", "."):
            cues = _cues(COMMITMENT_LINES[0], text)
            if "commitment" not in cues or "conditional_interest" in cues:
                wrong.append(text)
    assert not wrong, wrong[:6]


def test_a_comparison_is_no_condition() -> None:
    for line, text in itertools.product(OTHER_LINES, COMPARISONS):
        assert "conditional_interest" not in _cues(line, text), text
