"""Session 17, round 3: one's own pay asked and a volunteered achievement, read from structure.

1. One's own pay asked (`cues._own_pay_asked`): a question whose thing asked is an amount or
   what one gets (`patterns.OWN_PAY_THING`) and whose recipient is the seeker or the role on
   offer (`patterns.PAY_RECIPIENT`), after any line, business figures included. Near misses:
   the same shapes with another recipient or payer (`patterns.OTHERS_MONEY`: money asked in
   the past, a bill's timing, a group against what people think, the business's customers
   paying it, another firm's).
2. A volunteered achievement at work (`cues._achievement_volunteered`): after a remark, a
   first-person deed with a result or a scale and a work frame. Near misses: a deed with a
   result in life, after small talk or a remark.
3. Leaving (`patterns.LEAVING`) winds the chat up, with a freebie taken before it.

Generated grids, sampled (seconds), typed and in recognizer style, rules and hybrid; wordings
not among the brief's examples.
"""

from __future__ import annotations

import itertools
import json
import random
from collections import Counter

from app.framing.analyzer import analyze_answer
from app.framing.evaluation import recognizer_style
from tests.unit.framing.framing_helpers import DATA

#: Lines naming the business's own figures (they used to excuse a figure asked).
FIGURE_LINES = (
    "Turnover passed ten million this year.",
    "We opened two new sites in the spring.",
    "The whole refit budget is about four million.",
    "Our app just hit a million downloads.",
    "It's been a busy few months here.",
)
#: (question with {who} and {tail}, whether the question names its own recipient)
OWN_PAY = (
    "what would {who} be pulling in {tail}",
    "how much would {who} be earning {tail}",
    "so roughly what would {who} be taking home {tail}",
    "what would {who} actually be making {tail}",
    "ballpark, what would {who} be clearing {tail}",
)
#: (a subject, a tail naming the role or the seeker)
WHO_TAIL = (
    ("someone like me", "each month"),
    ("somebody in my position", ""),
    ("a junior buyer", "with you lot"),
    ("a trainee surveyor", "in that team"),
    ("a support worker", "if I came on board"),
    ("a new account manager", "on your payroll"),
    ("I", "as a planner here"),
    ("someone with my background", "a year"),
)
#: Own pay asked in other shapes: a figure, being comfortable, living on it, wanting to know.
OWN_PAY_OTHER = (
    "What kind of figure are we talking about for somebody with my six years on the tools?",
    "What sort of number would you attach to that for someone like me?",
    "Would a person in my position be financially comfortable on that?",
    "would someone in my situation be comfortable financially",
    "Could I keep the rent paid on what that job brings in?",
    "Honestly I'd want to know what I'd actually end up with each month.",
    "I'm curious what I'd be bringing home if I joined.",
    "What goes into my account at the end of the month, roughly?",
)
#: The same shapes with another recipient or payer: not the seeker's pay.
OTHER_MONEY = (
    ("We signed a big sponsor last year.", "Did you have to spend much to get them on board?"),
    ("Our gala is in June.", "how much did the gala bring in last time"),
    ("My cousin is an anaesthetist.", "do anaesthetists really earn as much as everyone says"),
    ("I did a yoga teacher course.", "Was the course pricey? I nearly signed up myself"),
    ("I do wedding photography on the side.",
     "Do couples tend to pay in advance or do you chase them after?"),
    ("Most of our clients are dental practices.", "Do the practices pay you per patient?"),
    ("I left the bank last year.", "Did you have to give up your bonus when you left?"),
    ("We just hired a head of sales.", "what does a sales director make at a firm your size"),
    ("My partner moved to Perth.", "was the money a big step up for you out there"),
    ("Our clients are mostly councils.", "do the councils pay on time or is it a nightmare"),
)  # fmt: skip


def _styles(line: str, answer: str) -> list[tuple[str, str]]:
    return [(line, answer), (recognizer_style(line), recognizer_style(answer))]


def _wrong(
    items: list[tuple[str, str]], interview: bool, cue: str | None = None
) -> list[tuple[str, str, bool, str]]:
    wrong = []
    for line, answer in items:
        for m, a in _styles(line, answer):
            for rules_only in (True, False):
                r = analyze_answer(m, a, rules_only=rules_only)
                names = [c.cue for c in r.cues]
                ok = (r.frame == "interview") == interview
                if interview and cue is not None:
                    ok = ok and cue in names
                if not ok:
                    wrong.append((m, a, rules_only, r.frame))
    return wrong


def _own_pay() -> list[tuple[str, str]]:
    grid = [
        (line, q.format(who=who, tail=tail).strip() + "?")
        for line, q, (who, tail) in itertools.product(FIGURE_LINES, OWN_PAY, WHO_TAIL)
    ]
    grid = random.Random(173).sample(grid, 50)
    grid += [(line, q) for line, q in zip(itertools.cycle(FIGURE_LINES), OWN_PAY_OTHER)]
    return grid


def test_own_pay_asked_roundabout_is_a_pay_question() -> None:
    wrong = _wrong(_own_pay(), interview=True, cue="pay_question")
    assert not wrong, f"{len(wrong)} of 232: {wrong[:6]}"


def test_the_same_shapes_with_another_recipient_are_no_interview() -> None:
    wrong = _wrong(list(OTHER_MONEY), interview=False)
    assert not wrong, f"{len(wrong)} of 40: {wrong[:6]}"


#: Remarks about work that ask nothing about the seeker.
REMARKS = (
    "Our suppliers keep letting us down.",
    "The records system here is ancient.",
    "We're always over budget on these fit-outs.",
    "Paperwork is the worst part of this job.",
    "We're rolling out new scheduling software.",
)
DEEDS = (
    "i consolidated the supplier contracts",
    "I digitised the patient files",
    "i standardised the booking process",
    "I retendered our cleaning contracts",
    "i centralised the ordering for six branches",
    "I rewired the whole scheduling workflow",
)
FRAMES = ("at my last place", "at my old firm", "on the airport job", "for a logistics client",
          "at my previous company")  # fmt: skip
RESULTS = (
    "and saved about forty grand a year",
    "and cut errors by a third",
    "and we went live two weeks ahead of schedule",
    "with zero downtime",
    "and came in under budget",
)
#: Other shapes: "we" with the result, a clause opening on its verb, a count of the work.
ACHIEVEMENTS_OTHER = (
    ("Recruitment is a nightmare in care right now.",
     "we got our vacancy rate from thirty percent to under five at my last home"),
    ("The warehouse floor is chaos at Christmas.",
     "Ran peak at the Daventry DC last year, 1.4 million units out the door, no missed slots."),
    ("Energy bills are killing small businesses.",
     "i switched all twelve of our sites to a new supplier and saved about ninety grand"),
    ("Our phones never stop ringing.",
     "at the council I set up a callback system and cut wait times from twenty minutes to four"),
    ("Customer churn is our biggest problem.",
     "i brought churn down by a third at my old company just by calling every cancelled account"),
    ("Our onboarding is a mess.",
     "Rewrote the onboarding pack at my last firm. Ramp-up time halved."),
)  # fmt: skip
#: A deed with a result in life: no work frame.
LIFE = (
    ("Lovely day for it.", "I ran the Leeds half and shaved six minutes off my best"),
    ("How was your weekend?", "we raised three hundred quid for the hospice at the quiz night"),
    ("The weather's turned nice.", "I renovated the bathroom myself for under two grand"),
    ("Busy weekend?", "I organised my sister's hen do, thirty of us in Galway"),
    ("Lovely weather.", "i built a treehouse with the kids in two days"),
    ("How was the summer?", "we cycled the coast road, ninety miles in one day"),
)


def _achievements() -> list[tuple[str, str]]:
    grid = [
        (line, f"{deed} {frame} {result}")
        for line, deed, frame, result in itertools.product(REMARKS, DEEDS, FRAMES, RESULTS)
    ]
    return random.Random(174).sample(grid, 54) + list(ACHIEVEMENTS_OTHER)


def test_a_volunteered_achievement_at_work_is_self_promotion() -> None:
    wrong = _wrong(_achievements(), interview=True, cue="self_promotion")
    assert not wrong, f"{len(wrong)} of 240: {wrong[:6]}"


def test_a_deed_with_a_result_in_life_is_no_pitch() -> None:
    wrong = _wrong(list(LIFE), interview=False)
    assert not wrong, f"{len(wrong)} of 24: {wrong[:6]}"


OFFERS = (
    "Help yourself to a tote bag.",
    "Grab a pen if you want one.",
    "Let me know if you want one of my cards.",
    "There's a pile of brochures by the door if you'd like one.",
)
TAKES = (
    "Thanks, I'll take one.",
    "cheers ill grab one on the way out",
    "Oh lovely, I'll have one.",
)
LEAVES = (
    "Right, I'd better make a move before the car park shuts.",
    "I really need to get going though.",
    "I must dash, my bus is at six.",
    "We should head off now.",
)


def test_leaving_after_taking_a_freebie_is_neutral() -> None:
    items = [(o, f"{t} {lv}") for o, t, lv in itertools.product(OFFERS, TAKES, LEAVES)]
    items = random.Random(175).sample(items, 24)
    wrong = []
    for line, answer in items:
        for m, a in _styles(line, answer):
            r = analyze_answer(m, a)
            if r.frame != "neutral":
                wrong.append((m, a, r.frame))
    assert not wrong, f"{len(wrong)} of 48: {wrong[:6]}"


RIGHT_INTERVIEW = {"own_pay", "own_deeds"}


def test_the_b1_bank_is_read_as_its_writer_meant() -> None:
    """b1 (session 17, an independent writer, a tuning bank): the hybrid's count per kind.
    Before this round (9b55e43): own_pay 22, other_money 22, own_deeds 17, life_deeds 27 of 30
    (88 of 120); after: at least the floors below."""
    rows = [
        json.loads(line)
        for line in (DATA / "class_sets" / "b1.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    right: Counter[str] = Counter()
    for row in rows:
        r = analyze_answer(row["prev"], row["text"])
        right[row["kind"]] += (r.frame == "interview") == (row["kind"] in RIGHT_INTERVIEW)
    floors = {"own_pay": 29, "other_money": 28, "own_deeds": 28, "life_deeds": 27}
    assert all(right[k] >= v for k, v in floors.items()), dict(right)
