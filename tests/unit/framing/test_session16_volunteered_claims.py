"""Round 2 of session 16: four classes the hybrid still read wrong (the lead's fresh writer sets).

A. A volunteered claim about one's own work is self-promotion: after a remark that does not ask
   about the seeker (the company's news, the team's trouble, the event), what the seeker runs
   at work now ("I supervise the weekend crew at a garden centre, twelve of us") or achieved
   there ("I set up the online shop at my last place", "I trained twelve new pickers")
   (`patterns.ROLE_DEED`, read by `cues._claims_role`: its own words name work,
   `patterns.WORK_CLAIMED`). Near misses: the same verbs about hobbies after small talk, "I
   run late", "I manage fine", and a plain answer to a question about one's background.
B. Money that is not the seeker's prospective pay (`patterns.OTHERS_MONEY`,
   `patterns.THEIR_PAY_ASKED`, `cues.not_own_money`): a friend's pay, the manager's past
   income, fees, rent, who covers the training, clients paying, a funder's cuts; the rules
   read it so and the sentence model may not read a pay question back into it
   (`learned._pay_words`). Near misses: the seeker's own pay, in many wordings.
C. Roundabout pay for oneself (`patterns._PAY_ROUNDABOUT`): the seat's money at the end of the
   month, what a <role> makes with them, OTE, the scale or band, shares. Near miss: "How many
   of those are paying customers?" is the business's (`patterns.CUSTOMERS_PAY`).
D. Eager commitment in slang (`patterns.EAGER` after `patterns.EAGER_LINE`): "I'm your person",
   "stick me on the rota", "dibs", "I'd jump at that", "point me at it". Near misses: the same
   words after a coffee, a tour, an event (`patterns.EAGER_NOT_WORK`).

Generated grids, sampled (seconds), typed and in recognizer style (lower case, no punctuation).
"""

from __future__ import annotations

import itertools
import random

from app.framing.analyzer import analyze_answer
from app.framing.evaluation import recognizer_style

# --- A ---------------------------------------------------------------------------------------
REMARKS = (
    "We just opened a second store in town.",
    "Our team has had a rough quarter.",
    "The event is bigger this year.",
    "The company just got new funding.",
    "We're launching a new app next month.",
    "The sessions have been great today.",
    "Lovely turnout tonight.",
    "Our warehouse has been chaos since the merger.",
)
LEADS = ("", "Oh nice. ", "Ha, I know the feeling. ", "Funny you say that, ", "Right. ")
CLAIMS = (
    "I supervise the weekend crew at a garden centre, twelve of us",
    "I run the returns desk at a big retailer",
    "I head up the finance team at a charity",
    "I look after the stock room at a hardware store",
    "I manage the night shift at a distribution centre",
    "I oversee twelve drivers at a depot",
    "I'm in charge of the tills at a supermarket",
    "I lead a crew of eight at a building firm",
    "I set up the whole online shop at my last place",
    "I rebuilt the rota system at my last store",
    "I trained twelve new pickers last year",
    "I recruited and trained the whole night crew at my last firm",
    "I installed the new tills at my last job",
    "I relaunched the loyalty scheme at my last place",
    "I turned around a failing branch in eighteen months",
    "I streamlined the ordering process at my last company",
    "I've been running the bakery counter at a supermarket for two years",
)
ENDS = (".", ", so I know the feeling.", ", funnily enough.", " these days.")
SMALL_TALK = (
    "How was your weekend?",
    "Been anywhere nice lately?",
    "Did you get up to anything fun over the holidays?",
    "How was your summer?",
)
HOBBIES = (
    "I set up a new fish tank",
    "I trained for a half marathon",
    "I trained my dog to sit",
    "I look after my nan on Sundays",
    "I organised a surprise party for my sister",
    "I rebuilt an old bike with my son",
    "I head up to the lakes most weekends",
    "I installed a new shower at home",
    "I opened a bottle of something nice",
)
NOTHING_CLAIMED = (
    "I run late most days, sorry.",
    "I manage fine, thanks.",
    "Oh I manage.",
    "I'm running late, sorry, the trains.",
    "I don't manage anyone these days.",
    "I should set up a meeting with my bank.",
    "I look after my mum most days.",
)
BACKGROUND = (
    "What do you do now?",
    "What's your background?",
    "What's your current role?",
    "Where are you working these days?",
)
PLAIN_ANSWERS = (
    "I supervise a team of eight at a depot.",
    "I head up the finance team at a charity.",
    "I look after the stock room at a hardware store.",
    "Yes, I've been an engineer for five years.",
    "I trained as a civil engineer and I'm at a consultancy now.",
)


def _styles(line: str, answer: str) -> list[tuple[str, str]]:
    return [(line, answer), (recognizer_style(line), recognizer_style(answer))]


def _sample(grid: list[tuple[str, ...]], count: int, seed: int) -> list[tuple[str, ...]]:
    return random.Random(seed).sample(grid, min(count, len(grid)))


def _read(line: str, answer: str, rules_only: bool = True) -> tuple[str, list[str]]:
    r = analyze_answer(line, answer, rules_only=rules_only)
    return r.frame, [c.cue for c in r.cues]


def test_a_volunteered_claim_about_ones_work_is_self_promotion() -> None:
    cases = _sample(list(itertools.product(REMARKS, LEADS, CLAIMS, ENDS)), 150, 16)
    wrong = []
    for line, lead, claim, end in cases:
        for m, a in _styles(line, lead + claim + end):
            frame, names = _read(m, a)
            if frame != "interview" or "self_promotion" not in names:
                wrong.append((m, a, frame))
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:6]}"


def test_a_volunteered_claim_is_interview_with_the_model() -> None:
    cases = _sample(list(itertools.product(REMARKS, LEADS, CLAIMS, ENDS)), 30, 61)
    wrong = []
    for line, lead, claim, end in cases:
        frame, _ = _read(line, lead + claim + end, rules_only=False)
        if frame != "interview":
            wrong.append((line, lead + claim + end, frame))
    assert not wrong, f"{len(wrong)} of {len(cases)}: {wrong[:6]}"


def test_the_same_verbs_about_hobbies_and_phrases_claiming_nothing_stay_neutral() -> None:
    hobbies = [(m, lead + h + end) for m, lead, h, end in itertools.product(
        SMALL_TALK, LEADS, HOBBIES, (".", ", it was great."))]  # fmt: skip
    idle = [(m, a) for m, a in itertools.product(REMARKS, NOTHING_CLAIMED)]
    cases = _sample(hobbies, 120, 5) + idle
    wrong = []
    for line, answer in cases:
        for m, a in _styles(line, answer):
            frame, names = _read(m, a)
            if frame == "interview" or "self_promotion" in names:
                wrong.append((m, a, frame))
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:6]}"


def test_a_plain_answer_to_a_question_about_ones_background_is_no_interview() -> None:
    # issue 12: "Yes, I've been an engineer for five years." to a background question
    wrong = []
    for line, answer in itertools.product(BACKGROUND, PLAIN_ANSWERS):
        for m, a in _styles(line, answer):
            frame, names = _read(m, a)
            if frame == "interview" or "self_promotion" in names:
                wrong.append((m, a, frame))
    assert not wrong, f"{len(wrong)}: {wrong[:6]}"


# --- B ---------------------------------------------------------------------------------------
#: (the manager's line, questions about money that is someone else's)
OTHERS_MONEY = (
    ("I moved here from consulting two years ago.", (
        "Did you take a pay cut to move?", "Was the money better in consulting?",
        "Do you earn less here than you did?", "Did you earn more back then?")),
    ("I took a big pay cut to come here.", (
        "Was the pay cut hard to swallow?", "How much did you have to give up salary-wise?")),
    ("My friend works here too.", (
        "What does your friend get paid here?", "Is your friend well paid here?")),
    ("My brother is an electrician.", (
        "What does your brother earn?", "Is the pay okay where he is?")),
    ("We run a certificate course for new managers.", (
        "How much are the course fees?", "What are the fees for the course?",
        "How much is tuition these days?")),
    ("We sponsor staff through the exam.", (
        "How much does the exam cost?", "Who pays for the training?",
        "Who covers the training costs?", "Does the company pay for the exam?")),
    ("Rent in the city is brutal.", (
        "What's rent like around here?", "How much is rent for a one bed?")),
    ("Our clients are mostly small shops.", (
        "Do your clients pay on time?", "Do they pay their invoices on time?",
        "Are clients good at paying?")),
    ("Our funder cut our grant this year.", (
        "How big were the funder's cuts?", "How much did the funder cut?")),
)  # fmt: skip
#: The seeker's own pay in many wordings, after the same lines: pay, by rules and hybrid.
OWN_PAY = (
    "What would I be paid?",
    "What's the salary for the role?",
    "What would the pay be for me?",
    "How much would I make here?",
    "What does the position pay?",
    "And what would I earn, roughly?",
)


def _others_money_cases() -> list[tuple[str, str]]:
    return [(line, q) for line, questions in OTHERS_MONEY for q in questions]


def test_someone_elses_money_is_no_pay_question_by_the_rules() -> None:
    wrong = []
    for line, question in _others_money_cases():
        for m, a in _styles(line, question):
            frame, names = _read(m, a)
            if frame == "interview" or "pay_question" in names:
                wrong.append((m, a, frame))
    assert not wrong, f"{len(wrong)} of {2 * len(_others_money_cases())}: {wrong[:6]}"


def test_someone_elses_money_binds_the_model_too() -> None:
    wrong = []
    for line, question in _others_money_cases():
        r = analyze_answer(line, question)
        if "pay_question" in [c.cue for c in r.cues]:
            wrong.append((line, question, r.frame))
    assert not wrong, f"{len(wrong)} of {len(_others_money_cases())}: {wrong[:6]}"


def test_the_seekers_own_pay_after_the_same_lines_stays_a_pay_question() -> None:
    wrong = []
    for (line, _), question in itertools.product(OTHERS_MONEY, OWN_PAY):
        for m, a in _styles(line, question):
            frame, names = _read(m, a)
            if frame != "interview" or "pay_question" not in names:
                wrong.append((m, a, frame))
    assert not wrong, f"{len(wrong)}: {wrong[:6]}"


# --- C ---------------------------------------------------------------------------------------
BUSINESS_LINES = (
    "We're growing the sales team.",
    "We're an NHS trust, so it's all very structured.",
    "We're a startup, about forty of us.",
    "We have four thousand users now.",
    "It's a busy place, especially at Christmas.",
)
ROUNDABOUT = (
    "What would someone in that seat be looking at at the end of the month?",
    "What would a picker make with you if I came on?",
    "What would a driver take home here?",
    "And what would my OTE look like?",
    "What are the on-target earnings like?",
    "Which scale do you put new starters on?",
    "What band is the healthcare assistant post?",
    "Which band would the role be?",
    "Would I get shares?",
    "Would I get any equity?",
)
LEAD_INS = ("", "Cool. ", "Sorry to be blunt, ", "Out of interest, ")
BUSINESS_QUESTIONS = (
    "How many of those are paying customers?",
    "Are most of them paying users?",
    "What would a new starter make of the place?",
    "What does the plant make here?",
)


def test_roundabout_pay_for_oneself_is_a_pay_question() -> None:
    cases = list(itertools.product(BUSINESS_LINES, LEAD_INS, ROUNDABOUT))
    wrong = []
    sample = _sample(cases, 120, 3)
    for line, lead, question in sample:
        for m, a in _styles(line, lead + question):
            frame, names = _read(m, a)
            if frame != "interview" or "pay_question" not in names:
                wrong.append((m, a, frame))
    assert not wrong, f"{len(wrong)} of {2 * len(sample)}: {wrong[:6]}"


def test_the_business_paying_customers_are_no_pay_question() -> None:
    wrong = []
    for line, question in itertools.product(BUSINESS_LINES, BUSINESS_QUESTIONS):
        for m, a in _styles(line, question):
            frame, names = _read(m, a)
            if "pay_question" in names:
                wrong.append((m, a, frame))
    assert not wrong, f"{len(wrong)}: {wrong[:6]}"


# --- D ---------------------------------------------------------------------------------------
ROLE_LINES = (
    "Weekend cover is our biggest gap right now.",
    "We need someone for the Saturday shift.",
    "We're hiring a night supervisor next month.",
    "We've got a backlog of orders nobody can clear.",
    "The role is mostly early mornings on the loading bay.",
    "We're short-staffed on lates.",
)
EAGER_WORDS = (
    "I'm your person",
    "Stick me on the rota",
    "Dibs",
    "I'd jump at that",
    "Point me at it",
    "Put me down for it",
    "Count me in",
    "Honestly, I'm your guy",
)
EAGER_ENDS = ("!", ".", ", seriously.", " - anytime.")
SOCIAL_LINES = (
    "Anyone want the last coffee?",
    "There's a tour of the plant at three.",
    "There's a mixer after the talks tonight.",
    "Who's up for the pub quiz later?",
    "There's cake in the kitchen if you want some.",
)


def test_eager_slang_after_a_line_about_the_role_is_commitment() -> None:
    cases = list(itertools.product(ROLE_LINES, EAGER_WORDS, EAGER_ENDS))
    wrong = []
    sample = _sample(cases, 100, 9)
    for line, words, end in sample:
        for m, a in _styles(line, words + end):
            frame, names = _read(m, a)
            if frame != "interview" or "commitment" not in names:
                wrong.append((m, a, frame))
    assert not wrong, f"{len(wrong)} of {2 * len(sample)}: {wrong[:6]}"


def test_the_same_slang_about_a_coffee_a_tour_or_an_event_commits_nothing() -> None:
    wrong = []
    for line, words, end in itertools.product(SOCIAL_LINES, EAGER_WORDS, (".", "!")):
        for m, a in _styles(line, words + end):
            frame, names = _read(m, a)
            if frame == "interview" or "commitment" in names:
                wrong.append((m, a, frame))
    assert not wrong, f"{len(wrong)}: {wrong[:6]}"
