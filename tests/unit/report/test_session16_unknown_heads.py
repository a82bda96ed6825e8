"""Review 15 R2, as a class: a head noun `focus.py` names in none of its lists is no longer work
by default. "You would shadow our hygienist." gave "What does working on your hygienist involve,
in practice?", "We are recovering from the flood." gave "What's the hardest part of the flood
right now?": every head outside the closed lists went into the questions about work. Now work is
read from positive evidence only (a work head, or an activity's ending: "-tion", "-ment",
"-ance", "-ery", "-ology", "-ship", "-ics"...); an agent noun's shape reads as a person ("-ist",
"-ian", "-man", a rank before "-er"/"-or"), and any other head is "unknown", which only the
neutral question back takes ("And how are things with the flood?") or the stock question.

Generated from word lists that are NOT focus.py's (most of their heads are in none of its lists:
checked below): occupations x rank x determiner x number, and happenings x modifier, in manager
lines of every line kind, x every cue x turns x answers; a sample of a few hundred. The property
is the shape of the question produced: no question of the work, about or inviting families
(built from `alternatives`' own templates) holds the phrase. Near misses keep today's behaviour:
activities named by their ending (heads in no list either) are still asked about in the work
questions, and the question back still names an occupation or a happening.
"""

from __future__ import annotations

import itertools
import random
import re

from app.report import alternatives, focus
from app.report.coaching import compose, focus_of

#: Occupations, written for this test (not read from focus.py).
OCCUPATIONS = (
    "hygienist", "barista", "librarian", "underwriter", "translator", "firefighter",
    "physiotherapist", "optician", "radiographer", "sonographer", "phlebotomist", "podiatrist",
    "dietitian", "audiologist", "orthodontist", "hairdresser", "florist", "butcher", "carpenter",
    "bricklayer", "plasterer", "locksmith", "tailor", "jeweller", "cashier", "bartender",
    "sommelier", "concierge", "lifeguard", "zookeeper", "gardener", "caretaker", "janitor",
    "archivist", "curator", "historian", "linguist", "economist", "statistician", "actuary",
    "programmer", "copywriter", "illustrator", "animator", "photographer", "musician",
    "choreographer", "geologist", "ecologist", "interpreter", "mediator", "invigilator", "nanny",
    "childminder", "butler", "courier", "postman", "fisherman", "salesperson", "handyman",
    "stockbroker", "beautician", "veterinarian", "custodian", "biologist", "mathematician",
    "paediatrician", "anaesthetist", "radiologist", "cartographer", "auctioneer", "upholsterer",
    "glazier", "roofer", "shepherd", "jockey", "referee", "umpire", "ranger", "warden",
    "bailiff", "coroner", "vicar", "chaplain", "priest", "sous-chef", "nurse practitioner",
    "care worker", "dental nurse",
)  # fmt: skip
RANKS = ("", "senior ", "head ", "new ", "trainee ", "night ")
PEOPLE_DETERMINERS = ("our", "the", "my")
#: Things that happen to a workplace (no activity's ending), written for this test.
HAPPENINGS = (
    "flood", "storm", "fire", "heatwave", "blackout", "earthquake", "snowstorm", "hurricane",
    "drought", "outbreak", "strike", "walkout", "riot", "scandal", "crash", "lockdown",
    "accident", "incident", "crisis", "tornado", "wildfire", "power cut", "break-in",
    "burglary", "landslide", "outage", "downturn", "slump", "shortage", "hiring freeze",
    "budget cuts", "fallout", "aftermath", "upheaval", "shake-up", "turmoil", "data breach",
    "cyber attack", "leak", "spill", "recall", "closure", "flu outbreak", "heat",
)  # fmt: skip
HAPPENING_MODIFIERS = ("", "big ", "recent ", "awful ")
#: Activities read by their ending alone (heads in none of focus.py's lists): near misses.
ACTIVITIES = (
    "evaluation", "deployment", "governance", "toxicology", "stewardship", "informatics",
    "middleware", "casework", "consolidation", "refurbishment", "cardiology", "surveillance",
    "remediation", "ergonomics", "embroidery", "reconciliation", "entitlement",
)  # fmt: skip
ACTIVITY_MODIFIERS = ("", "new ", "data ", "site ")

#: Manager lines around one noun phrase: statements, yes/no and interest questions, invitations,
#: and questions about the seeker (the question back is asked too).
PEOPLE_FRAMES = (
    "You would shadow {x}.",
    "You'd work closely with {x}.",
    "You would report to {x}.",
    "Most days I'm sat with {x}. Are you interested?",
    "Honestly, it all depends on {x}. Any questions?",
    "I was just talking to {x}. Where are you working now?",
    "We rely on {x}. Does that sound like you?",
    "The hard part is keeping {x}. Tell me a bit about yourself.",
)
HAPPENING_FRAMES = (
    "We are recovering from {x}.",
    "Everything changed after {x}.",
    "We're still dealing with {x}. Are you interested?",
    "It's been hard since {x}. What do you do at the moment?",
    "Did you hear about {x}? Any questions?",
    "We lost a month to {x}. Would that put you off?",
)
CUES = ("commitment", "job_request", "pay_question", "self_promotion", "interview")
ANSWERS = (None, "I'm a nurse on a surgical ward. I'd love the job.")
SAMPLE = 360


def _pattern(make) -> re.Pattern[str]:  # type: ignore[no-untyped-def]
    """A question template of `alternatives` as a regex with its slot as a group."""
    return re.compile(re.escape(make("\x00")).replace("\x00", "(.+?)"))


#: The questions that ask about work: never about a person or a happening.
WORKLIKE = [
    _pattern(make)
    for family in (alternatives._WORK, alternatives._ABOUT, alternatives._INVITING)
    for make in family.questions
]
BACK = [_pattern(make) for make in alternatives._BACK.questions]


def _plural(noun: str) -> str:
    head = noun.split()[-1]
    if head.endswith("person"):
        plural = head[: -len("person")] + "people"
    elif head.endswith("man"):
        plural = head[:-3] + "men"
    elif head.endswith("y") and head[-2] not in "aeiou":
        plural = head[:-1] + "ies"
    elif head.endswith(("ch", "sh", "s", "x")):
        plural = head + "es"
    else:
        plural = head + "s"
    return " ".join([*noun.split()[:-1], plural])


def _people() -> list[str]:
    nouns = [
        (rank + job, rank + _plural(job)) for job, rank in itertools.product(OCCUPATIONS, RANKS)
    ]
    return [
        f"{det} {noun}"
        for (one, many), det in itertools.product(nouns, PEOPLE_DETERMINERS)
        for noun in (one, many)
        if not (det == "my" and noun == many)
    ]


def _happenings() -> list[str]:
    return [f"the {m}{h}" for m, h in itertools.product(HAPPENING_MODIFIERS, HAPPENINGS)]


def _sample(phrases: list[str], frames: tuple[str, ...], seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    grid = list(itertools.product(phrases, frames))
    return rng.sample(grid, min(SAMPLE, len(grid)))


def _said(phrase: str) -> str:
    first, _, rest = phrase.partition(" ")
    return {"our": "your", "my": "your"}.get(first, first) + " " + rest


def _slots(patterns: list[re.Pattern[str]], text: str) -> list[str]:
    return [m.group(1).lower() for p in patterns for m in p.finditer(text)]


def _alternatives(line: str, turns: int = 3):  # type: ignore[no-untyped-def]
    for cue, turn, answer in itertools.product(CUES, range(turns), ANSWERS):
        yield compose(cue, line, turn, answer=answer, cue_start=0 if answer else None)


def _known_heads() -> frozenset[str]:
    return frozenset().union(
        *(
            v
            for v in vars(focus).values()
            if isinstance(v, frozenset) and all(isinstance(w, str) for w in v)
        )
    )


def test_the_lists_are_not_focus_pys() -> None:
    """Most generated heads are in none of focus.py's lists: the class is what it does not list."""
    known = _known_heads()
    for words in (OCCUPATIONS, HAPPENINGS, ACTIVITIES):
        heads = [w.split()[-1] for w in words]
        unlisted = [h for h in heads if h not in known]
        assert len(unlisted) >= 0.8 * len(heads), sorted(set(heads) - set(unlisted))


def _wrong_of(cases: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], int, int]:
    wrong, checked, back, unfocused = [], 0, 0, 0
    for phrase, frame in cases:
        line = frame.format(x=phrase)
        said = _said(phrase).lower()
        if focus_of(line) is None:  # "the trainee care workers": too long a phrase to ask about
            unfocused += 1
            continue
        for alternative in _alternatives(line):
            checked += 1
            if any(
                said.endswith(slot) or slot.endswith(said) for slot in _slots(WORKLIKE, alternative)
            ):
                wrong.append((line, alternative))
            back += any(slot == said for slot in _slots(BACK, alternative))
    assert unfocused < len(cases) // 10, unfocused
    return wrong, checked, back


def test_an_occupation_outside_the_lists_is_never_asked_about_as_work() -> None:
    cases = _sample(_people(), PEOPLE_FRAMES, seed=16)
    wrong, checked, back = _wrong_of(cases)
    assert checked >= 10_000, checked
    assert not wrong, f"{len(wrong)} of {checked}: {wrong[:6]}"
    assert back > 100, back  # the question back still names them


def test_a_happening_outside_the_lists_is_never_asked_about_as_work() -> None:
    cases = _sample(_happenings(), HAPPENING_FRAMES, seed=15)
    wrong, checked, back = _wrong_of(cases)
    assert checked >= 5_000, checked
    assert not wrong, f"{len(wrong)} of {checked}: {wrong[:6]}"
    assert back > 50, back


def test_an_activity_named_by_its_ending_is_still_asked_about_as_work() -> None:
    """Near miss: a head in no list with an activity's ending is work, as before."""
    frames = (
        "Most of my week goes on the {x}.",
        "Honestly, it all depends on the {x}. Any questions?",
        "We're behind on the {x}. Would that suit you?",
    )
    missed = []
    for head, modifier, frame in itertools.product(ACTIVITIES, ACTIVITY_MODIFIERS, frames):
        line = frame.format(x=modifier + head)
        asked = [
            slot
            for alternative in _alternatives(line, turns=2)
            for slot in _slots(WORKLIKE, alternative)
            if slot.endswith(head)
        ]
        if not asked:
            missed.append(line)
    assert not missed, f"{len(missed)}: {missed[:6]}"
