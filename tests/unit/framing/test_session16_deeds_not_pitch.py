"""A deed in a story is no pitch; leaving is no run (review 15 R5 and R11, session 16).

Session 15 made a long story no monologue, but the rules' self-promotion cue (decisive) still
read its achievement verbs with any object: "How was your weekend?" "Lovely, thanks. I drove
down to the coast with my partner." was an interview ('I drove'), as were "I ran a half
marathon", "I built a treehouse with my kids", "I led a hike for my walking club", "I managed to
finish a novel", "I delivered newspapers every morning", and leaving ("Sorry, I should run, my
train leaves soon.", "Anyway, I will run, see you at the meetup.": session 15 listed the words
before "run" instead). The class (`patterns.DEED`, read by `cues._claims_work`): a deed claims
work only when the talk is about work (the manager's line asked about the seeker's work or
names work, or the answer names it outside its deeds: a candidate's words,
`patterns.WORKER_TALK`, or what work is done to, `patterns.DEED_WORK`: "a team of four", "the
night shift", "costs by 20%"); "I managed to <verb>" never; a run only with an object
(`patterns.DEED_NO_OBJECT`, `patterns.RUN_NO_OBJECT`). Near misses: the same verbs with work
objects after the same small talk, and a pitch's run, stay self-promotion.

Generated: small-talk lines x lead-ins x deeds x endings, sampled, typed and in recognizer
style (lower case, no punctuation)."""

from __future__ import annotations

import itertools
import random

from app.framing.analyzer import analyze_answer
from app.framing.evaluation import recognizer_style

SMALL_TALK = (
    "How was your weekend?",
    "How was the drive in?",
    "Where did you grow up?",
    "Did you get up to anything fun over the holidays?",
    "How was your summer?",
    "Great chatting with you tonight.",
    "Been anywhere nice lately?",
)
LEADS = ("", "Lovely, thanks. ", "Busy! ", "Good. ", "Oh, quiet really. ", "Fun, actually. ")
#: Achievement verbs of `patterns.DEED` with things of a weekend, a trip, a hobby or a childhood.
STORY_DEEDS = (
    "I drove down to the coast with my partner",
    "I drove my mum to the airport",
    "I drove through the fog for an hour",
    "I ran a half marathon on Saturday",
    "I ran my first ten k with my sister",
    "I ran a bath and read all evening",
    "I built a treehouse with my kids",
    "I built a shed at the bottom of the garden",
    "I built a sandcastle the size of a car",
    "I led a hike for my walking club up to the old fort",
    "I led the singing at my nan's birthday",
    "I managed to finish a novel",
    "I managed to sleep in for once",
    "I managed to fix the boiler myself",
    "I delivered newspapers every morning as a kid",
    "I delivered a cake to my neighbour",
    "I grew tomatoes with my grandmother",
    "I grew a ridiculous beard",
    "I won a goldfish at the fair",
    "I won the village pub quiz",
    "I saved a kitten from a drain",
    "I beat my brother at chess for the first time",
    "I improved my backhand a lot",
    "I cut the hedge at my parents' place",
    "I launched a kite with my daughter",
    "I founded a book club with the neighbours",
)
ENDINGS = (".", ", which took all day.", " and then slept most of Sunday.", ", it was great.")
#: The same verbs with work objects or figures: still a pitch, after the same small talk.
WORK_DEEDS = (
    "I led a team of four through a product launch",
    "I ran the night shift at a depot for three years",
    "I run a team of six",
    "I built a new booking system for the clinic",
    "I drove sales up 30% in my region",
    "I cut costs by 20% on my last project",
    "I delivered the migration two weeks early",
    "I grew the customer base by a third",
    "I managed a team of twelve",
    "I won the biggest contract in the company's history",
    "I saved the business $40k a year",
    "I launched three products in two years",
    "I've managed budgets of over a million",
    "I improved retention by 15 percent",
)
#: Leaving: a run with no object, whatever comes before it.
LEAVING_LINES = (
    "Great chatting with you tonight.",
    "Anyway, it was lovely to meet you.",
    "I think they're closing up the room.",
    "Are you staying for the last talk?",
)
LEAVING_MODALS = ("should", "will", "must", "gotta", "have to", "need to", "better",
                  "really should", "probably should", "might")  # fmt: skip
LEAVING_ENDS = (", my train leaves soon.", ", see you at the meetup.", " now, sorry.",
                " off, the babysitter's waiting.", ".", " - early start tomorrow.",
                " for the last bus.")  # fmt: skip
PITCH_RUNS = (
    "I ran the night shift at a depot.",
    "I run a team of six.",
    "I ran the whole front of house at my last restaurant.",
    "I've run two warehouses.",
    "I ran the payroll for a hospital trust.",
)


def _styles(line: str, answer: str) -> list[tuple[str, str]]:
    return [(line, answer), (recognizer_style(line), recognizer_style(answer))]


def _sample(grid: list[tuple[str, ...]], count: int, seed: int) -> list[tuple[str, ...]]:
    return random.Random(seed).sample(grid, min(count, len(grid)))


def _names(line: str, answer: str, rules_only: bool = True) -> tuple[str, list[str]]:
    r = analyze_answer(line, answer, rules_only=rules_only)
    return r.frame, [c.cue for c in r.cues]


def test_a_deed_in_a_story_after_small_talk_is_no_pitch_by_the_rules() -> None:
    cases = _sample(list(itertools.product(SMALL_TALK, LEADS, STORY_DEEDS, ENDINGS)), 150, 16)
    wrong = []
    for line, lead, deed, end in cases:
        for m, a in _styles(line, lead + deed + end):
            frame, names = _names(m, a)
            if "self_promotion" in names or frame == "interview":
                wrong.append((m, a, frame))
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:6]}"


def test_a_deed_in_a_story_after_small_talk_is_no_interview_with_the_model() -> None:
    cases = _sample(list(itertools.product(SMALL_TALK, LEADS, STORY_DEEDS, ENDINGS)), 40, 61)
    wrong = []
    for line, lead, deed, end in cases:
        answer = lead + deed + end
        r = analyze_answer(line, answer)
        if r.frame == "interview":
            wrong.append((line, answer, [c.cue for c in r.cues]))
    assert not wrong, f"{len(wrong)} of {len(cases)}: {wrong[:6]}"


def test_the_same_verbs_with_work_objects_stay_self_promotion() -> None:
    cases = _sample(list(itertools.product(SMALL_TALK, LEADS, WORK_DEEDS, ENDINGS)), 120, 7)
    wrong = []
    for line, lead, deed, end in cases:
        for m, a in _styles(line, lead + deed + end):
            frame, names = _names(m, a)
            if "self_promotion" not in names or frame != "interview":
                wrong.append((m, a, frame))
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:6]}"


def test_leaving_is_no_run() -> None:
    grid = list(itertools.product(LEAVING_LINES, ("", "Sorry, ", "Anyway, ", "Right, "),
                                  LEAVING_MODALS, LEAVING_ENDS))  # fmt: skip
    cases = _sample(grid, 120, 11)
    wrong = []
    for line, lead, modal, end in cases:
        for m, a in _styles(line, f"{lead}I {modal} run{end}"):
            frame, names = _names(m, a)
            if "self_promotion" in names:
                wrong.append((m, a, frame))
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:6]}"


def test_a_pitchs_run_has_an_object_and_stays_self_promotion() -> None:
    wrong = []
    cases = list(itertools.product(LEAVING_LINES + SMALL_TALK[:3], PITCH_RUNS))
    for line, answer in cases:
        for m, a in _styles(line, answer):
            frame, names = _names(m, a)
            if "self_promotion" not in names or frame != "interview":
                wrong.append((m, a, frame))
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:6]}"


def test_a_deed_answering_a_question_about_the_seekers_work_stays_a_claim() -> None:
    """The line asked about the seeker's work or for a pitch: a deed needs no work word, and
    one with no object is a claim too ("I delivered, every time."), but "I managed to" is
    never one."""
    lines = ("Why should we hire you?", "What are your strengths?",
             "What would you bring to the team?", "What are you most proud of?")  # fmt: skip
    for line in lines:
        for answer in ("I ran it for five years.", "I built the whole thing from scratch.",
                       "I delivered, every single time.", "I led the whole lot."):  # fmt: skip
            assert "self_promotion" in _names(line, answer)[1], (line, answer)
        assert "self_promotion" not in _names(line, "I managed to get by, mostly.")[1], line


def test_a_deed_with_no_object_is_no_claim_after_a_line_about_their_work_or_a_drink() -> None:
    """Near misses of the object test: a drive or a run that goes somewhere claims nothing,
    even after a line naming their team, office or hiring; an offer of a coffee asks nothing
    about the seeker's work."""
    lines = ("Our team is based down in Brighton.", "Our office is out by the ring road.",
             "We're hiring for the Leeds site.", "Do you want a coffee?")  # fmt: skip
    answers = ("Oh nice, I drove down to the coast last week.",
               "I drove over there once for a meetup.", "I ran for the bus this morning.",
               "I drove up to see my sister at the weekend.")  # fmt: skip
    wrong = []
    coffee = [("Do you want a coffee?", "No thanks, I ran a 10k this morning and I'm buzzing.")]
    for line, answer in [*itertools.product(lines, answers), *coffee]:
        for m, a in _styles(line, answer):
            if "self_promotion" in _names(m, a)[1]:
                wrong.append((m, a))
    assert not wrong, f"{len(wrong)} of {2 * len(lines) * len(answers) + 2}: {wrong[:6]}"
