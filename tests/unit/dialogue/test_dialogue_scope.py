"""Questions outside what a manager knows (the weekend, how they know a friend, parking, visas,
perks) get no topic unless one of the scenario's topics is asked that way; questions leaning
towards a kind of topic ("the hardest part", "what makes someone stand out") go to a topic that
leans the same way. Generated questions over every shipped scenario, by words and by meaning."""

from __future__ import annotations

import itertools
from functools import cache
from pathlib import Path

import pytest
from conftest import SHIPPED

from app.dialogue import KnowledgeMatcher, Runner, load_scenario
from app.dialogue.asking import (
    BROADER,
    GENERIC_REPLIES,
    OPPOSED,
    PRIVATE_REPLIES,
    intents,
    is_pay,
    leanings,
)
from app.dialogue.model import split_acknowledgement, split_reaction
from app.framing.encoder import shared_encoder

_SCENARIOS = sorted(p for p in SHIPPED.glob("*.yaml") if not p.name.endswith(".plan.yaml"))


def _product(leads: tuple[str, ...], rests: tuple[str, ...]) -> list[str]:
    return [f"{lead} {rest}".strip() for lead, rest in itertools.product(leads, rests)]


_LEADS = ("", "So", "Out of interest,", "and")
OUT_OF_SCOPE: dict[str, list[str]] = {
    "leisure": _product(
        _LEADS,
        (
            "what do you do at the weekend?",
            "what do you get up to on weekends",
            "What do you do on your days off?",
            "do you have any hobbies",
            "What do you do for fun?",
            "how do you switch off after work?",
            "what do you do in your spare time",
            "Any plans for the weekend?",
            "how do you unwind in the evenings",
            "what do you like doing in your free time?",
            "what do you like to do on weekends, apart from work?",
            "what do you enjoy doing outside of work",
            "what do you get up to when you're not working?",
            "besides work, what keeps you busy",
        ),
    ),
    "personal": _product(
        _LEADS,
        (
            "how do you know Dana?",
            "how do you know marcus",
            "how did you two meet?",
            "how did you and Priya meet",
            "how long have you known each other?",
            "what's your favourite book?",
            "whats your favourite film",
            "where do you live?",
            "do you have kids",
            "which college were you in?",
            "were you at my university too",
            "do you still keep in touch with anyone from the course?",
            "do you still tutor on the side",
        ),
    ),
    "parking": _product(
        _LEADS,
        (
            "is there parking at the office?",
            "where would I park",
            "is there a car park near the building?",
            "do you have bike storage",
        ),
    ),
    "facilities": _product(
        _LEADS,
        (
            "is the canteen any good?",
            "is there a staff canteen open to visitors",
            "are there showers if I cycle in?",
            "do you have lockers for staff",
            "is there a cafeteria on site",
        ),
    ),
    "surprise": _product(
        _LEADS,
        (
            "what surprised you most when you started?",
            "what surprised you most about moving into management",
            "Was there anything about the job that surprised you?",
            "what do you wish you'd known when you started?",
            "what do you wish someone had told you before you switched",
            "is there anything you didn't expect when you moved over?",
            "Any regrets about leaving your old job?",
            "looking back, would you do it all again?",
        ),
    ),
    "fondness": _product(
        _LEADS,
        (
            "what keeps you there after all these years?",
            "what keeps you at the company",
            "What's the best part of the job?",
            "whats your favourite part of the work",
            "What do you love about your job?",
            "what's been your proudest moment?",
            "what's the most rewarding thing you've worked on",
            "why have you stayed so long",
        ),
    ),
    "missing": _product(
        _LEADS,
        (
            "what do you miss about your old job?",
            "do you miss teaching",
            "Do you ever miss working on the wards?",
        ),
    ),
    "visa": _product(
        _LEADS,
        (
            "do you sponsor visas?",
            "is visa sponsorship possible for international grads",
            "would I need a work permit?",
        ),
    ),
    "start_date": _product(
        _LEADS,
        (
            "when can I start?",
            "when would I start",
            "When would the role start?",
            "how soon could I begin",
            "what's the start date",
            "can i start next month",
        ),
    ),
}
PERKS = _product(
    _LEADS,
    (
        "how generous is the parental leave?",
        "do staff get a discount?",
        "is there private healthcare",
        "what's maternity leave like there?",
        "do you get free lunch",
    ),
)
#: Look like the classes above but are about the work: they must not be taken for them.
NOT_OUT_OF_SCOPE = (
    "Do you work weekends?",
    "do you still do weekends and nights or is it monday to friday",
    "Is the restaurant busy at the weekend?",
    "how many hours do you work at weekends",
    "what's your favourite project so far",
    "What keeps you up at night?",
    "whats the worst part of the job",
    "what's the hardest thing you've had to get used to",
    "How do you know if a study worked?",
    "how do you know when a design is finished",
    "How did you get into healthcare informatics?",
    "What process do you follow for a new build?",
    "How did you start out?",
    "when did you start here",
    "how do you get on the team",
)
LEANING: dict[str, list[str]] = {
    "challenge": _product(
        _LEADS,
        (
            "what's the hardest part of all this?",
            "whats the biggest headache right now",
            "What do you find most frustrating?",
            "what's the trickiest thing about the work",
            "What are you struggling with at the moment?",
            "what's the worst part of the job, honestly?",
            "Are there any downsides?",
        ),
    ),
    "advice": _product(
        _LEADS,
        (
            "what would you do if you were me?",
            "if you were in my shoes what would you focus on",
            "Any advice for someone like me?",
            "what should I read first",
        ),
    ),
    "duties": _product(
        _LEADS,
        (
            "what would the new hire actually do?",
            "so what would whoever you hire be doing",
            "What would the person in the role work on?",
            "what will the successful candidate be responsible for",
            "what exactly is the opening you're hiring for? what would that person do",
            "what's the role, exactly?",
        ),
    ),
    "culture": _product(
        _LEADS,
        (
            "what's the team like to work with?",
            "how do the engineers and designers get along",
            "Do people enjoy working there?",
            "is it a collaborative place",
            "what's the team like as a place to work?",
            "is it a nice place to work",
        ),
    ),
    "remote": _product(
        _LEADS,
        (
            "do you have to be in the office every day?",
            "can people work from home",
            "is it hybrid",
            "how long is the commute for most people",
        ),
    ),
    "size": _product(
        _LEADS, ("how many of you are there?", "how big is it", "what's the headcount")
    ),
    "looking_for": _product(
        _LEADS,
        (
            "what are you looking for in new people?",
            "what would make someone stand out",
            "what makes someone a good fit here?",
            "What qualities matter most to you?",
            "what would you need to see from someone like me?",
            "What would it take for you to take someone on from outside the field?",
            "would you ever consider someone like me with no industry experience",
            "what do you want to see in a portfolio",
        ),
    ),
    "hiring_steps": _product(
        _LEADS,
        (
            "how does the application work?",
            "how do I apply",
            "is the interview competency based?",
            "is there an assessment centre",
            "what does the hiring process look like?",
        ),
    ),
    "users": _product(
        _LEADS,
        (
            "who actually uses the product?",
            "who are your customers",
            "Who uses what your team builds?",
            "who are the main users",
            # a company's possessive as a recognizer writes it, any company
            "who are brightwaters customers",
            "who are parcelwises main clients",
            "who are harbor banks users",
            "Who are Northwind's customers?",
        ),
    ),
    "manager": _product(
        _LEADS,
        (
            "who would I be reporting to?",
            "who would the new hire report to",
            "who's the hiring manager?",
            "who would I be working for",
        ),
    ),
    "timeline": _product(
        _LEADS,
        (
            "how fast are they looking to fill this?",
            "how quickly do they need someone",
            "why is it so urgent?",
            "what's the rush",
            "what's the timeline for the hire?",
            "when do they want someone in by",
        ),
    ),
    "history": _product(
        _LEADS,
        (
            "how did the group come about?",
            "how did your team get started",
            "has the unit always existed?",
            "how long has the studio been around",
            "what's the history of the company?",
            "when was the practice founded",
        ),
    ),
}
#: Look like the leanings above but are not: they must not be taken for them.
NOT_LEANING: dict[str, tuple[str, ...]] = {
    "manager": ("How many people report to you?", "what's your manager like"),
    "users": ("who uses python on the team more", "do customers like it"),
    "history": ("how did you start out?", "how did you get into this", "how is the team set up?"),
    # the work's own next steps, timelines and deadlines are not the hire's
    "hiring_steps": tuple(
        _product(
            _LEADS,
            (
                "What are the next steps for the dashboards project?",
                "what's the next step for the new system",
                "what happens next with the pilot?",
                "what are the next steps on the migration",
            ),
        )
    ),
    "timeline": tuple(
        _product(
            _LEADS,
            (
                "how quickly do new starters get up to speed?",
                "how fast is the team growing",
                "what's the timeline for the new system?",
                "what's the timeline for the project",
                "how do you handle deadline pressure?",
                "are the deadlines tight on the build",
                "how do things move so fast here?",
            ),
        )
    ),
}
#: Work questions using the words of a strict intent (leisure, personal, surprise, missing) in
#: their work sense: they keep the topic they had before those intents existed (5d5573b).
WORK_NOT_STRICT: tuple[str, ...] = tuple(
    _product(
        _LEADS,
        (
            "How much of the job is outside the office?",
            "do you meet clients outside the office",
            "How much time do you spend away from your desk?",
            "how much of the week is away from the office",
            "Is informatics on the side of the nurses or of IT?",
            "which side are you on, the clinic side or the tech side",
            "Do you miss deadlines often?",
            "do you ever miss targets",
            "does the team miss many releases",
            "What surprised the clinics most about the dashboards?",
            "what surprised the users",
            "was the launch a surprise to the customers",
        ),
    )
)


@cache
def _matcher(path: Path, meaning: bool) -> KnowledgeMatcher:
    encoder = shared_encoder(wait=True) if meaning else None
    return KnowledgeMatcher(load_scenario(path).knowledge, encoder)


def test_the_classes_are_recognised_and_work_questions_are_not_taken_for_them() -> None:
    for intent, questions in OUT_OF_SCOPE.items():
        missed = [q for q in questions if intent not in intents(q)]
        assert not missed, (intent, missed)
    assert all(is_pay(q) for q in PERKS), [q for q in PERKS if not is_pay(q)]
    for question in NOT_OUT_OF_SCOPE:
        taken = intents(question) & {*OUT_OF_SCOPE, "pay"}
        assert not taken, (question, taken)
        assert "culture" not in leanings(question), question
    assert "challenge" in leanings("What keeps you up at night?")
    for leaning, questions in LEANING.items():
        missed = [q for q in questions if leaning not in leanings(q)]
        assert not missed, (leaning, missed)
    for leaning, unlike in NOT_LEANING.items():
        taken = [q for q in unlike if leaning in leanings(q)]
        assert not taken, (leaning, taken)
    strict = {"leisure", "personal", "surprise", "fondness", "missing"}
    taken_strict = [(q, intents(q) & strict) for q in WORK_NOT_STRICT if intents(q) & strict]
    assert not taken_strict, taken_strict
    # and their personal senses still are
    for question, intent in (
        ("Do you do any work on the side?", "personal"),
        ("any projects on the side", "personal"),
        ("what do you do outside work", "leisure"),
        ("What surprised you most about the job?", "surprise"),
        ("what was the biggest surprise", "surprise"),
        ("Do you miss teaching?", "missing"),
        ("do you ever miss being in the lab", "missing"),
    ):
        assert intent in intents(question), (question, intent)
    assert "hiring_steps" in leanings("what are the next steps for me?")
    assert "hiring_steps" in leanings("So what happens after the interview")
    assert "timeline" in leanings("what's the timeline for the hire?")


@pytest.mark.parametrize("meaning", [False, True], ids=["words", "meaning"])
@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_out_of_scope_questions_get_no_topic_not_asked_that_way(path: Path, meaning: bool) -> None:
    matcher = _matcher(path, meaning)
    topics = load_scenario(path).knowledge.topics
    for intent, questions in {**OUT_OF_SCOPE, "pay": PERKS}.items():
        shown = {t.id for t in topics if any(intent in intents(q) for q in t.questions)}
        for question in questions:
            found = matcher.match(question).topic
            assert found is None or found in shown, (question, found, shown)


@pytest.mark.parametrize("meaning", [False, True], ids=["words", "meaning"])
@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_a_leaning_question_goes_to_a_topic_leaning_the_same_way(path: Path, meaning: bool) -> None:
    matcher = _matcher(path, meaning)
    topics = load_scenario(path).knowledge.topics
    for leaning, questions in LEANING.items():
        shown = {t.id for t in topics if any(leaning in leanings(q) for q in t.questions)}
        if not shown and leaning in BROADER:  # "how fast will they fill it": the hiring process
            shown = {
                t.id for t in topics if any(BROADER[leaning] in leanings(q) for q in t.questions)
            }
        # with no topic leaning the same way, never one leaning the opposite way
        opposed = OPPOSED.get(leaning)
        ruled_out = {
            t.id for t in topics if opposed and any(opposed in leanings(q) for q in t.questions)
        }
        for question in questions:
            found = matcher.match(question).topic
            if shown:
                assert found is None or found in shown, (question, found, shown)
            else:
                assert found not in ruled_out - shown, (question, found, ruled_out)


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_a_private_question_gets_another_time_never_a_colleague(path: Path) -> None:
    """ "How do you know Priya?" answered "Femi would know" is absurd: a light "another time"
    (pre-rendered), then the scripted line."""
    scenario = load_scenario(path)
    rendered = set(scenario.manager_lines())
    shown = {
        t.id
        for t in scenario.knowledge.topics
        if any(intents(q) & {"leisure", "personal"} for q in t.questions)
    }
    for question in OUT_OF_SCOPE["leisure"][::3] + OUT_OF_SCOPE["personal"][::3]:
        runner = Runner(scenario, seed=len(question))
        line = runner._answering([question], (), runner.line())
        assert line is not None, question
        assert line.topic in shown or line.parts[0] in PRIVATE_REPLIES, (question, line.parts)
        assert not set(line.parts) & set(scenario.knowledge.deflect), (question, line.parts)
        assert set(line.parts) <= rendered


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_a_question_about_the_persona_s_own_experience_gets_a_personal_reply(path: Path) -> None:
    """ "What surprised you most when you started?" answered with the origin story, or with
    "Jordan would know", is wrong: a topic asked that way, else an honest personal non-answer."""
    scenario = load_scenario(path)
    rendered = set(scenario.manager_lines())
    for intent in ("surprise", "fondness", "missing"):
        shown = {
            t.id
            for t in scenario.knowledge.topics
            if any(intent in intents(q) for q in t.questions)
        }
        for question in OUT_OF_SCOPE[intent][::3]:
            runner = Runner(scenario, seed=len(question))
            line = runner._answering([question], (), runner.line())
            assert line is not None, question
            assert line.topic in shown or line.parts[0] in GENERIC_REPLIES["reflective"], (
                question,
                line.parts,
            )
            assert not set(line.parts) & set(scenario.knowledge.deflect), (question, line.parts)
            assert set(line.parts) <= rendered


_TWO_PARTS = _product(
    (
        "I'd love to hear how you got into this,",
        "How did you get into the field,",
        "what got you into it",
    ),
    (
        "and what do you wish you'd known when you started?",
        "and what surprised you most?",
        "and what keeps you there?",
    ),
)


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_a_two_part_question_gets_a_topic_answering_one_of_its_parts(path: Path) -> None:
    """ "How did you get into it, and what surprised you?": two topics each answer a part, so
    their closeness is no reason to deflect: the better one answers."""
    scenario = load_scenario(path)
    matcher = KnowledgeMatcher(scenario.knowledge, shared_encoder(wait=True))
    for question in _TWO_PARTS:
        asked = intents(question)
        answering = {
            name
            for name in asked
            if any(name in intents(q) for t in scenario.knowledge.topics for q in t.questions)
        }
        found = matcher.match(question).topic
        if found is None:  # allowed only when some part has no topic at all
            assert answering != asked, question
            continue
        topic = scenario.knowledge.topic(found)
        assert topic is not None
        assert any(intents(q) & asked for q in topic.questions), (question, found)


_UP_AT_NIGHT = "What keeps you up at night?"


@pytest.mark.parametrize(
    "path",
    [p for p in _SCENARIOS if _UP_AT_NIGHT in p.read_text(encoding="utf-8")],
    ids=lambda p: p.stem,
)
def test_an_idiom_close_to_one_example_finds_its_topic(path: Path) -> None:
    """ "What's keeping you up at night?" is far from the average of a challenges topic (the
    hardest part, what frustrates you) but says what one of its examples says: that decides."""
    scenario = load_scenario(path)
    home = [t.id for t in scenario.knowledge.topics if _UP_AT_NIGHT in t.questions]
    matcher = KnowledgeMatcher(scenario.knowledge, shared_encoder(wait=True))
    for question in _product(
        _LEADS,
        ("what's keeping you up at night right now?", "what keeps you up at night these days"),
    ):
        assert matcher.match(question).topic == home[0], question


def test_a_line_s_opening_reaction_or_acknowledgement_is_split_off() -> None:
    assert split_acknowledgement("Turning it round on me, I like that. We run the record.") == (
        "Turning it round on me, I like that.",
        "We run the record.",
    )
    for echo in ("Me?", "What do I do?", "Who, me?"):
        assert split_acknowledgement(f"{echo} Eleven restaurants and a phone.") == (
            echo,
            "Eleven restaurants and a phone.",
        )
    assert split_acknowledgement("Me and Sam run it. Want to meet him?") is None
    for reaction in ("Yes!", "Brilliant.", "Ha!", "Of course.", "Certainly.", "Sure thing."):
        assert split_reaction(f"{reaction} Okay, here's my number.") == (
            reaction,
            "Okay, here's my number.",
        )


def test_a_question_after_a_long_spoken_lead_is_matched_on_its_own_too() -> None:
    """Recognized speech has no full stops: the lead of another thought must not drown the
    question ("...curious about ux research what does a study look like for you")."""
    from app.dialogue.knowledge import questions_in

    for lead in (
        "hi thanks for making time um im in my final year and kind of curious about ux research",
        "so yeah i have been thinking about this for a while now and honestly",
    ):
        found = questions_in(f"{lead} what does a study actually look like for you")
        assert "what does a study actually look like for you" in found
        assert any(q.startswith(lead.split()[-3]) or len(q) > 50 for q in found)
    assert questions_in("What tools do you use?") == ["What tools do you use?"]


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_parking_visas_pay_and_start_dates_name_no_colleague(path: Path) -> None:
    """ "Is there parking?" answered "Maya runs the housing side" sends the seeker to the wrong
    person: practicalities nobody here knows get an honest "I don't know", pay and a start date
    "let's not get ahead of ourselves", unless a topic answers them."""
    scenario = load_scenario(path)
    rendered = set(scenario.manager_lines())
    for kind, questions in (
        ("logistics", OUT_OF_SCOPE["parking"][::2] + OUT_OF_SCOPE["visa"][::2]),
        ("later", OUT_OF_SCOPE["start_date"][::3] + PERKS[::3]),
    ):
        for question in questions:
            runner = Runner(scenario, seed=len(question))
            line = runner._answering([question], (), runner.line())
            assert line is not None, question
            assert not set(line.parts) & set(scenario.knowledge.deflect), (question, line.parts)
            if line.parts[0] in GENERIC_REPLIES[kind]:
                assert set(line.parts) <= rendered
            else:  # a topic asked that way answered it
                assert line.topic not in (None, "deflect"), (question, line.parts)
