"""Session 17, class 1: a present-tense role claim or an achievement volunteered after a remark
about work or the business is self-promotion, whatever the remark's wording: the answer's own
object or frame shows it is work (`patterns.WORK_CLAIMED`: "for a phone retailer", "two
stores", "the service desk", "a fleet of", "a 3,000-seat arena", "at a sixty cover
restaurant"; `patterns.WORK_FRAME`: "in my day job ...", "at work ..."; a workplace's result,
`patterns.SELF_PROMOTION`: "my team cut costs twelve percent", "we doubled the bookings"; the
verbs "curate", "coordinate"). Near misses keep today's reading: the same verbs about hobbies
or family after small talk, "I manage fine", "I head up to the lakes", and a plain answer to a
question about the seeker's job.

Generated grids, sampled (seconds), typed and in recognizer style.
"""

from __future__ import annotations

import itertools
import random

from app.framing.analyzer import analyze_answer
from app.framing.evaluation import recognizer_style

#: Remarks about the business with no hiring or worker words.
REMARKS = (
    "The conference hall is packed this year.",
    "The café's been rammed all week.",
    "Our call volumes went through the roof in January.",
    "The garden centre gets mobbed every Easter.",
    "Ticket sales for the gig were wild.",
    "Footfall's been down on the high street.",
    "Our vans are always in the garage.",
    "The clinic's waiting list is ridiculous.",
)
LEADS = ("", "Oh tell me about it. ", "Ha, yeah. ", "Same here, ", "Honestly, ")
CLAIMS = (
    "I'm in charge of logistics for a 3,000-seat arena in Leeds",
    "I manage a support desk of nine analysts",
    "I run front of house at a sixty cover restaurant in town",
    "I manage three branches for a bakery chain",
    "I head up the returns desk for a national retailer",
    "I oversee a fleet of forty lorries for a haulage firm",
    "I coordinate the drivers for a community transport charity",
    "I curated the spring programme for the city council",
    "I look after two sites for a security company",
    "In my day job I oversee the stock for three shops",
    "At work I head up the night crew",
    "I'm responsible for payroll at a hundred bed care home",
    "My team actually cut costs twelve percent last year",
    "Our branch beat its targets every quarter",
    "We doubled the bookings at my last place",
    "I supervise eleven cleaners across two hospitals",
)
ENDS = (".", ", so I know the feeling.", " these days.", ", for what it's worth.")
SMALL_TALK = (
    "How was your weekend?",
    "Been anywhere nice lately?",
    "What did you get up to over the holidays?",
    "Any plans for the summer?",
)
HOBBIES = (
    "I run a book club for the neighbours",
    "I manage fine most days",
    "I was in charge of the barbecue at my sister's",
    "I coordinate the school run with two other mums",
    "I curated a playlist for the wedding",
    "I look after two cats and a very old dog",
    "I head up to the lakes most weekends",
    "I organised a quiz for my mates",
    "My team won the pub quiz",
    "We doubled the recipe for the party",
    "I set up the tent at the festival",
    "I organised a picnic at the museum",
    "I look after the kids at the library on Saturdays",
)
#: Questions about the seeker's job: a plain account answers them.
ABOUT_JOB = (
    "What do you do?",
    "Where are you working these days?",
    "What's your current role?",
)
PLAIN = (
    "I manage three branches for a bakery chain.",
    "I head up the returns desk for a national retailer.",
    "I coordinate the drivers for a community transport charity.",
    "I look after two sites for a security company.",
)


def _styles(line: str, answer: str) -> list[tuple[str, str]]:
    return [(line, answer), (recognizer_style(line), recognizer_style(answer))]


def _read(line: str, answer: str, rules_only: bool = True) -> tuple[str, list[str]]:
    r = analyze_answer(line, answer, rules_only=rules_only)
    return r.frame, [c.cue for c in r.cues]


def _claims() -> list[tuple[str, str]]:
    grid = list(itertools.product(REMARKS, LEADS, CLAIMS, ENDS))
    return [(m, lead + c + end) for m, lead, c, end in random.Random(17).sample(grid, 150)]


def test_a_volunteered_role_claim_shows_its_work_in_its_own_words() -> None:
    wrong = []
    for line, answer in _claims():
        for m, a in _styles(line, answer):
            frame, names = _read(m, a)
            if frame != "interview" or "self_promotion" not in names:
                wrong.append((m, a, frame))
    assert not wrong, f"{len(wrong)} of 300: {wrong[:6]}"


def test_a_volunteered_role_claim_is_interview_with_the_model() -> None:
    wrong = []
    for line, answer in random.Random(71).sample(_claims(), 30):
        frame, _ = _read(line, answer, rules_only=False)
        if frame != "interview":
            wrong.append((line, answer, frame))
    assert not wrong, f"{len(wrong)} of 30: {wrong[:6]}"


def test_the_same_verbs_about_hobbies_claim_nothing() -> None:
    grid = list(itertools.product(SMALL_TALK, LEADS, HOBBIES, (".", ", it's nice.")))
    wrong = []
    for m0, lead, hobby, end in random.Random(7).sample(grid, 120):
        for m, a in _styles(m0, lead + hobby + end):
            frame, names = _read(m, a)
            if frame == "interview" or "self_promotion" in names:
                wrong.append((m, a, frame))
    assert not wrong, f"{len(wrong)} of 240: {wrong[:6]}"


def test_a_plain_answer_about_ones_job_is_no_pitch() -> None:
    wrong = []
    for line, answer in itertools.product(ABOUT_JOB, PLAIN):
        for m, a in _styles(line, answer):
            frame, names = _read(m, a)
            if frame == "interview" or "self_promotion" in names:
                wrong.append((m, a, frame))
    assert not wrong, f"{len(wrong)} of 24: {wrong[:6]}"
