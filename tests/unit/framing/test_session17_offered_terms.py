"""Session 17 (framing B): four classes the hybrid read wrong in a fresh writer's set.

A. Offering oneself in few words after a line about a need, an opening or an intake is a
   commitment (`patterns.OFFERS_SELF`, `cues._offered_terms`): "I'm available", "I'm free from
   next week if that's any use", "keen as", "let me know if a spot comes up", "if you're taking
   anyone on"; a need the seeker names first counts ("you'll need more hands now"); "how would
   I get to be one of those" after an intake (`patterns._JOIN_VERB`); a wish to work for "you
   lot" said inside a comment (`patterns.WORK_FOR_YOU`, "made me want to"). Near misses: the same
   availability to a coffee, a call or a question when the seeker is free; "let me know how it
   goes"; "keen to hear more"; someone else's offer ("my sister wanted me to ask if you're
   hiring", `patterns.OFFER_FOR_OTHER`).
B. Negotiating the role's terms as if it were offered (`patterns.TERMS_BARGAINED` after
   `TERMS_LINE`/an intake: fewer office days, new starters' terms, a contract going permanent,
   who pays for one's exams) is a pay question; chasing one's own application
   (`patterns.STATUS_CHASED` after `SEEKERS_STEP_LINE`) a job request. Near misses: how the team
   itself works; what their juniors get, asked in general (`learned._WHAT_THE_WORK_IS`).
C. Naming oneself the role the line hires for (`cues._fits_role`) and credentials volunteered in
   an opinion (`patterns.SELF_PROMOTION`) pitch. Near misses: the same words to "What do you
   do?", other "I'm a ..." after a hiring line, an opinion with no credentials.
D. "That's kind of why I'm here, to learn" after not knowing is honest uncertainty; a "maybe"
   in one's holiday plans is no hedge (`patterns.SMALL_TALK_LINE`); "your mortgage advice" is
   their product, and "they used my suggestions" one's own, not advice asked
   (`patterns.ADVICE_NOT_ASKED`).

Generated grids, sampled (seconds), typed and in recognizer style (lower case, no punctuation).
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from typing import TypeVar

from app.framing.analyzer import analyze_answer
from app.framing.evaluation import recognizer_style

T = TypeVar("T")


def _styles(line: str, answer: str) -> list[tuple[str, str]]:
    return [(line, answer), (recognizer_style(line), recognizer_style(answer))]


def _sample(grid: list[T], count: int, seed: int) -> list[T]:
    return random.Random(seed).sample(grid, min(count, len(grid)))


def _read(line: str, answer: str, rules_only: bool = True) -> tuple[str, list[str]]:
    r = analyze_answer(line, answer, rules_only=rules_only)
    return r.frame, [c.cue for c in r.cues]


def _wrong(
    cases: list[tuple[str, str]], ok: Callable[[str, list[str]], bool], rules_only: bool = True
) -> list[tuple[str, str, str, list[str]]]:
    wrong = []
    for line, answer in cases:
        for m, a in _styles(line, answer) if rules_only else [(line, answer)]:
            frame, names = _read(m, a, rules_only)
            if not ok(frame, names):
                wrong.append((m, a, frame, names))
    return wrong


def _interview(frame: str, names: list[str]) -> bool:
    return frame == "interview"


# --- A ---------------------------------------------------------------------------------------
NEED_LINES = (
    "We've got a couple of openings coming up in the warehouse after Easter.",
    "The kitchen's been stretched thin since two of the chefs left.",
    "We'll need a few more people on the support desk next quarter.",
    "Our night team is really short-staffed at the moment.",
    "We might be hiring a second technician in the new year.",
    "There's a gap on the weekend rota we just can't fill.",
    "We bring in a few graduates each autumn.",
    "We take on a handful of apprentices every September.",
)
LEADS = ("", "Oh nice. ", "Ha, ", "Wow. ", "Sounds busy. ")
OFFERS = (
    "I'm available.",
    "I'm fully available, for what it's worth.",
    "Well, I'm free from next week if that's any use.",
    "I'm free as of the first of the month.",
    "Keen as mustard, honestly.",
    "Oh keen! Let me know.",
    "Let me know if you need anyone.",
    "Let me know if a spot comes up.",
    "Happy to muck in if you need someone, just saying.",
    "Shout if you're taking anyone on.",
    "I'd be up for it if you're hiring, to be fair.",
)
NEEDS_NAMED = (
    (
        "Our app just passed fifty thousand users.",
        "Amazing! You'll need more people now. I'm available.",
    ),
    (
        "The new site opens in March.",
        "Brilliant, bet you guys need more staff. I'm free from April.",
    ),
    (
        "We won the council contract.",
        "Congrats. Sounds like you need some help. Let me know if you need anyone.",
    ),
    (
        "Our cafe got into the Good Food Guide.",
        "Ha, well deserved. If you're taking people on, I'm around.",
    ),
)
INTAKE_LINES = (
    "We take a few junior analysts onto the team every year.",
    "We bring in a handful of trainees each spring.",
    "We take on two apprentices every September.",
    "We run a graduate intake each autumn.",
)
HOW_TO_BE_ONE = (
    "how would i get to be one of those",
    "Ooh, how do I get to be one of them?",
    "So how can I get to be one of them, then?",
)
OPINION_LINES = (
    "What did you make of the keynote?",
    "How did you find the panel this morning?",
    "What did you think of the demo?",
    "How was the launch party?",
)
WORK_WISHES = (
    "Brilliant. I want to work for you guys, honestly.",
    "Great fun. Made me want to work for you lot even more.",
    "Really good, I'd love to work with you lot, to be honest.",
    "Loved it. It's made me want to work for you even more.",
)
PLAN_LINES = (
    "Shall we grab a coffee next week?",
    "Are you around for a call on Thursday?",
    "Fancy meeting up after the conference?",
    "When are you free for a chat?",
    "When could you start?",
    "When would you be available?",
)
PLAN_ANSWERS = (
    "I'm free from Monday.",
    "I'm available Thursday.",
    "Monday.",
    "From the first of March.",
)
THEIR_NEWS = (
    "I've got my promotion panel on Friday.",
    "We're pitching to a big client tomorrow.",
    "My team's launching the new app next week.",
)
NEWS_ANSWERS = ("Good luck! Let me know how it goes.", "ooh exciting let me know how it goes")
FOR_SOMEONE_ELSE = (
    "My sister wanted me to ask if you're hiring.",
    "my mate was wondering if youre taking anyone on hes a chef",
    "My brother's free from Monday if you need someone.",
    "Oh, my friend would love that. She's available from June.",
)
HEAR_MORE = ("Oh cool, keen to hear more about the team.", "keen to learn how you run it all")


def test_a_offering_oneself_after_a_need_an_opening_or_an_intake_commits() -> None:
    grid = [(m, lead + o) for m, lead, o in itertools.product(NEED_LINES, LEADS, OFFERS)]
    cases = _sample(grid, 110, 17) + list(NEEDS_NAMED)
    cases += [(m, a) for m, a in itertools.product(INTAKE_LINES, HOW_TO_BE_ONE)]
    wrong = _wrong(cases, lambda f, n: f == "interview" and "commitment" in n)
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:5]}"


def test_a_a_wish_to_work_for_them_inside_a_comment_commits() -> None:
    cases = list(itertools.product(OPINION_LINES, WORK_WISHES))
    wrong = _wrong(cases, lambda f, n: f == "interview" and "commitment" in n)
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:5]}"


def test_a_offers_are_interview_with_the_model() -> None:
    grid = [(m, lead + o) for m, lead, o in itertools.product(NEED_LINES, LEADS, OFFERS)]
    cases = (
        _sample(grid, 20, 71)
        + list(NEEDS_NAMED[:2])
        + list(zip(OPINION_LINES, WORK_WISHES, strict=True))
    )
    wrong = _wrong(cases, _interview, rules_only=False)
    assert not wrong, f"{len(wrong)} of {len(cases)}: {wrong[:5]}"


def test_a_near_misses_plans_news_curiosity_and_others_offers_commit_nothing() -> None:
    cases = list(itertools.product(PLAN_LINES, PLAN_ANSWERS))
    cases += list(itertools.product(THEIR_NEWS, NEWS_ANSWERS))
    cases += list(itertools.product(NEED_LINES, HEAR_MORE))
    cases += list(itertools.product(NEED_LINES[:4], FOR_SOMEONE_ELSE))
    wrong = _wrong(cases, lambda f, n: f != "interview" and "commitment" not in n)
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:5]}"


# --- B ---------------------------------------------------------------------------------------
OFFICE_LINES = (
    "The team works hybrid, four days in the office.",
    "Most of the team is in three days a week.",
    "Everyone's on a hybrid pattern now, three in, two at home.",
)
FEWER_DAYS = (
    "could i maybe just do one, the commute's a nightmare",
    "Would it be okay if I only came in two?",
    "Can I do fewer? I'm an hour out.",
    "Would it be possible to do two days instead?",
)
REMOTE_LINES = (
    "We've been fully remote since 2020.",
    "Our developers work from home most days.",
    "The design team is remote-first.",
)
NEW_STARTERS = (
    "Does that go for new hires as well? I'd need to keep working remotely.",
    "Would that extend to new joiners?",
    "Is that the same for new starters? I'd prefer to stay remote.",
    "nice does that apply to someone new too",
)
CONTRACT_LINES = (
    "Would you consider a six-month contract first?",
    "It'd probably be a fixed-term contract to begin with.",
    "We usually start people on a twelve month contract.",
)
PERMANENT = (
    "Sure, as long as there's a path to it becoming permanent.",
    "fine by me if theres a possibility of going permanent",
    "That works if there's an option for it to go perm.",
    "Yeah, provided there's a chance the contract turns permanent.",
)
EXAM_LINES = (
    "We sponsor a few trainee accountants each year.",
    "We take on two junior solicitors every September.",
    "We bring in a couple of trainee surveyors each autumn.",
)
EXAMS = (
    "would you cover the exam fees or would i have to pay for them myself",
    "Do you help with the qualifications, or is that on me?",
    "Would I need to fund the course myself?",
    "could you guys support me through chartership",
)
STATUS_LINES = (
    "Have you heard anything since your interview at the council?",
    "How did your application with the hospital go?",
    "Any news after your second round at the agency?",
)
CHASES = (
    "Nothing yet. Could you check where it's at?",
    "not a peep any chance you could chase them up",
    "No. Is there any way you could find out what's happening?",
)
TEAM_WAYS = (
    "How does the team keep in touch on the home days?",
    "how do you make the office days work for everyone",
    "What do people usually do on their office days?",
)
GENERAL_LINES = (
    "I run a small architecture practice.",
    "I'm a partner at an accountancy firm.",
    "I manage a surveying team.",
)
GENERAL_ASKS = (
    "Do your juniors get chartership support?",
    "do your trainees get study leave",
    "Do your graduates get mentors?",
)


def _b_cases() -> list[tuple[str, str]]:
    return (
        list(itertools.product(OFFICE_LINES, FEWER_DAYS))
        + list(itertools.product(REMOTE_LINES, NEW_STARTERS))
        + list(itertools.product(CONTRACT_LINES, PERMANENT))
        + list(itertools.product(EXAM_LINES, EXAMS))
    )


def test_b_bargaining_the_roles_terms_asks_for_them() -> None:
    cases = _b_cases()
    wrong = _wrong(cases, lambda f, n: f == "interview" and "pay_question" in n)
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:5]}"


def test_b_chasing_ones_own_application_asks_for_the_job() -> None:
    cases = list(itertools.product(STATUS_LINES, CHASES))
    wrong = _wrong(cases, lambda f, n: f == "interview" and "job_request" in n)
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:5]}"


def test_b_terms_and_chases_are_interview_with_the_model() -> None:
    cases = _sample(_b_cases(), 16, 3) + list(zip(STATUS_LINES, CHASES, strict=True))
    wrong = _wrong(cases, _interview, rules_only=False)
    assert not wrong, f"{len(wrong)} of {len(cases)}: {wrong[:5]}"


def test_b_near_misses_how_the_team_works_and_what_their_juniors_get_explore() -> None:
    cases = list(itertools.product(OFFICE_LINES + REMOTE_LINES, TEAM_WAYS))
    cases += list(itertools.product(GENERAL_LINES, GENERAL_ASKS))
    wrong = _wrong(cases, lambda f, n: f == "exploration")
    wrong += _wrong(cases, lambda f, n: f == "exploration", rules_only=False)
    assert not wrong, f"{len(wrong)} of {3 * len(cases)}: {wrong[:5]}"


# --- C ---------------------------------------------------------------------------------------
HIRING = (
    ("Our bakery is looking for a pastry chef.", "pastry chef"),
    ("We're hiring a warehouse supervisor.", "warehouse supervisor"),
    ("The clinic needs a receptionist for the mornings.", "receptionist"),
    ("We're recruiting a site electrician.", "electrician"),
    ("We're looking for a night porter at the moment.", "night porter"),
)
FITS = (
    "Oh. I'm a {r}. Nine years.",
    "Funny, I'm actually a {r}.",
    "I've been a {r} since I left college.",
    "Right. I'm a {r}, fully qualified.",
)
OTHER_SELF = (
    "I'm a regular here, actually.",
    "Ha, I'm a big fan of the place.",
    "I'm a bit early, sorry.",
)
ASKED = ("What do you do?", "What's your job these days?", "So what do you do for work?")
OPINION_Q = (
    "So what do you think of the new app?",
    "What did you make of the tasting menu?",
    "How are you finding the beta?",
)
OPINIONS = (
    "honestly its really slick and the onboarding is lovely",
    "Loved it, the flow feels great",
)
CREDENTIALS = (
    " and ive done that kind of testing for a few startups and two of them actually used my notes",
    ". I've done this for several agencies too, and they ended up using my suggestions.",
    ". I've done that for a couple of studios, and both of them used my feedback.",
)


def test_c_naming_oneself_the_role_hired_for_pitches() -> None:
    cases = [(m, f.format(r=r)) for (m, r), f in itertools.product(HIRING, FITS)]
    wrong = _wrong(cases, lambda f, n: f == "interview" and "self_promotion" in n)
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:5]}"


def test_c_credentials_volunteered_in_an_opinion_pitch() -> None:
    cases = [(m, o + c) for m, o, c in itertools.product(OPINION_Q, OPINIONS, CREDENTIALS)]
    wrong = _wrong(cases, lambda f, n: f == "interview" and "self_promotion" in n)
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:5]}"


def test_c_pitches_are_interview_with_the_model() -> None:
    cases = [(m, FITS[i % 4].format(r=r)) for i, (m, r) in enumerate(HIRING)]
    cases += [(m, OPINIONS[0] + c) for m, c in zip(OPINION_Q, CREDENTIALS, strict=True)]
    wrong = _wrong(cases, _interview, rules_only=False)
    assert not wrong, f"{len(wrong)} of {len(cases)}: {wrong[:5]}"


def test_c_near_misses_a_fact_another_self_and_a_plain_opinion_stay_neutral() -> None:
    cases = [(m, f"I'm a {r} too, funny enough.") for m, (_, r) in itertools.product(ASKED, HIRING)]
    cases += [(m, o) for (m, _), o in itertools.product(HIRING, OTHER_SELF)]
    cases += [(m, o + ".") for m, o in itertools.product(OPINION_Q, OPINIONS)]
    wrong = _wrong(cases, lambda f, n: f != "interview" and "self_promotion" not in n)
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:5]}"


# --- D ---------------------------------------------------------------------------------------
KNOW_LINES = (
    "Do you know much about logistics?",
    "Are you familiar with fintech at all?",
    "How much do you know about clinical trials?",
)
HERE_TO_LEARN = (
    "Not really, honestly. That's kind of why I'm here, to learn.",
    "not a lot thats partly why im here to find out",
    "Barely anything. Which is exactly why I'm here, to ask people like you.",
)
PLAN_LINES_D = (
    "Any plans for the bank holiday?",
    "Doing anything nice over Christmas?",
    "Got any plans for the summer?",
)
PLANS = (
    "Seeing family mostly. Maybe a day at the beach.",
    "not much maybe a bit of gardening",
    "Maybe a trip to Wales if the weather holds.",
)
PRODUCT_LINES = (
    "What do you think of our new branch layout?",
    "What do you make of the cafe in the bank?",
)
PRODUCT_OPINIONS = (
    "It's nice, a bit odd getting a latte with your mortgage advice though.",
    "cool i guess funny having cake next to your financial advice",
)


def test_d_not_knowing_and_here_to_learn_explores() -> None:
    cases = list(itertools.product(KNOW_LINES, HERE_TO_LEARN))
    wrong = _wrong(cases, lambda f, n: f == "exploration" and "honest_uncertainty" in n)
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:5]}"


def test_d_holiday_plans_and_their_products_stay_neutral() -> None:
    cases = list(itertools.product(PLAN_LINES_D, PLANS))
    cases += list(itertools.product(PRODUCT_LINES, PRODUCT_OPINIONS))
    wrong = _wrong(cases, lambda f, n: f == "neutral")
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:5]}"


def test_d_near_misses_real_advice_and_a_hedge_about_work_keep_todays_reading() -> None:
    advice = [
        (
            "What do you think of our new branch layout?",
            "Nice. Any advice for someone starting out?",
        ),
        (
            "Any plans for the summer?",
            "Maybe, depends if I get an internship. Any advice on where to look?",
        ),
    ]
    wrong = _wrong(advice, lambda f, n: f == "exploration" and "advice_seeking" in n)
    hedge = [("We might have a role opening in the summer.", "Maybe, I'd want to know more first.")]
    wrong += _wrong(hedge, lambda f, n: f == "exploration" and "conditional_interest" in n)
    assert not wrong, wrong
