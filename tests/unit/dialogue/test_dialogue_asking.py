"""Which questions a manager may deflect, what a question is after, and never telling the same
story twice: generated questions over every shipped scenario, by words and by meaning."""

from __future__ import annotations

import itertools
import re
from functools import cache
from pathlib import Path

import pytest
from conftest import SHIPPED

from app.dialogue import DEFLECTED, KnowledgeMatcher, ManagerLine, Runner, Scenario, load_scenario
from app.dialogue.asking import (
    IN_TOUCH_REPLIES,
    INTRODUCE_REPLIES,
    LATER_REPLIES,
    REQUEST_REPLIES,
    about_own_work,
    intents,
    is_pay,
    is_request,
    own_work_topic,
    talks_terms,
)
from app.dialogue.choosing import is_job_request
from app.dialogue.runner import _MOVES_ON
from app.dialogue.words import plain_terms, sentences
from app.framing.encoder import shared_encoder

_SCENARIOS = sorted(p for p in SHIPPED.glob("*.yaml") if not p.name.endswith(".plan.yaml"))
_NAMES = ("Lena", "Sam", "your recruiter", "Dr Shah", "someone on the team", "her")
_ACTIONS = (
    "introducing me to {n}",
    "putting me in touch with {n}",
    "passing my CV to {n}",
    "connecting me with {n}",
)
_REQUESTS = tuple(
    itertools.chain(
        (
            f"{lead} {a.format(n=n)}?"
            for lead, a, n in itertools.product(
                ("Would you be open to", "Would you mind", "Could you consider"), _ACTIONS, _NAMES
            )
        ),
        (
            f"{lead} {act}?"
            for lead, act in itertools.product(
                (
                    "Would it be okay to",
                    "Is it alright if I",
                    "Would it be possible to",
                    "Can I",
                    "May I",
                    "Could I",
                ),
                (
                    "follow up with you after the fair",
                    "email you next week",
                    "send you my portfolio",
                    "come back at three",
                    "shadow someone for a day",
                    "keep in touch",
                ),
            )
        ),
        (
            f"{lead} {act}?"
            for lead, act in itertools.product(
                ("Could you", "Would you", "Can you"),
                ("introduce me to Lena", "send me the link", "put me forward", "refer me"),
            )
        ),
    )
)
_INFO_REQUESTS = tuple(
    f"{lead} {rest}?"
    for lead, rest in itertools.product(
        ("Could you tell me", "Would you mind telling me", "Can I ask", "May I ask"),
        ("what a typical week looks like", "how you got into this", "what tools the team uses"),
    )
)
_PAY = (
    *(
        f"{lead} {what}?"
        for lead, what in itertools.product(
            ("What's the", "Can you tell me the", "Roughly what is the", "how about the"),
            ("salary", "pay", "salary range", "bonus", "pension", "benefits package", "day rate"),
        )
    ),
    "What does it pay?",
    "how much does the job pay",
    "Is there equity?",
    "what do people earn",
)
_OWN_WORK = (
    "What would the first few months look like?",
    "What would my first few weeks in the role involve?",
    "What does the job look like day to day?",
    "What do you actually spend your time on?",
    "what would I do in my first 90 days",
    "What's the role like, honestly?",
)


@cache
def _scenario(name: str) -> Scenario:
    return load_scenario(SHIPPED / name)


@cache
def _matcher(name: str, meaning: bool) -> KnowledgeMatcher:
    encoder = shared_encoder(wait=True) if meaning else None
    return KnowledgeMatcher(_scenario(name).knowledge, encoder)


def _reply(name: str, meaning: bool, question: str, line: str) -> ManagerLine | None:
    scenario = _scenario(name)
    runner = Runner(scenario, seed=0, matcher=_matcher(name, meaning))
    node = next(n for n in scenario.nodes.values() if not n.is_end)
    scripted = ManagerLine(node_id=node.id, text=line, is_end=False)
    return runner._answering([question], (), scripted)


_NEUTRAL_LINE = "So what brings you here?"


def test_requests_and_pay_are_recognised_as_a_class() -> None:
    assert len(_REQUESTS) > 60
    assert all(is_request(q) for q in _REQUESTS), [q for q in _REQUESTS if not is_request(q)]
    assert not any(is_request(q) for q in _INFO_REQUESTS)
    assert all(is_pay(q) for q in _PAY), [q for q in _PAY if not is_pay(q)]
    assert all(about_own_work(q) for q in _OWN_WORK)
    assert not any(is_pay(q) or is_request(q) for q in _OWN_WORK)
    # "who else" asks for people to talk to only when it says so; else it asks about the team
    for who in ("who else is on the team", "Who else works with you?", "who else joined"):
        assert "referral" not in intents(who)


@pytest.mark.parametrize("meaning", [False, True], ids=["words", "meaning"])
@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_requests_and_pay_questions_are_never_deflected(path: Path, meaning: bool) -> None:
    """A request is answered by the scripted line after it (leave to stay in touch by a plain
    yes first, session 19); a pay question is never passed to
    a named colleague: neither ever gets a deflection, in any scenario (a pay question no
    topic answers gets an honest "let's not get ahead of ourselves", naming nobody)."""
    deflections = set(_scenario(path.name).knowledge.deflect)
    for question in (*_REQUESTS[::3], *_PAY):
        reply = _reply(path.name, meaning, question, _NEUTRAL_LINE)
        if reply is not None and reply.topic == DEFLECTED:
            if "in_touch" in intents(question):  # "Can I email you next week?": a plain yes
                assert reply.parts[0] in IN_TOUCH_REPLIES, (question, reply)
                continue
            if "introduce" in intents(question):
                # "Could you introduce me to Lena?" asks to meet someone (session 20): whom to
                # meet or an honest promise, not "Let's see how we get on first" as if it had
                # asked for the job
                assert reply.parts[0] in INTRODUCE_REPLIES, (question, reply)
                continue
            if is_job_request(question):  # "Could you refer me?": an honest brake
                assert reply.parts[0] in REQUEST_REPLIES, (question, reply)
                continue
            assert question in _PAY, (question, reply)
            assert reply.parts[0] in LATER_REPLIES, (question, reply)
        assert reply is None or not deflections & set(reply.parts), (question, reply)


@pytest.mark.parametrize("meaning", [False, True], ids=["words", "meaning"])
@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_pay_is_answered_only_by_a_topic_about_pay(path: Path, meaning: bool) -> None:
    scenario = _scenario(path.name)
    pay_topics = {t.id for t in scenario.knowledge.topics if any(map(is_pay, t.questions))}
    for question in _PAY:
        reply = _reply(path.name, meaning, question, _NEUTRAL_LINE)
        honest = reply is not None and reply.parts[0] in LATER_REPLIES  # "not ahead of us"
        assert reply is None or reply.topic in pay_topics or honest, (question, reply)


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_questions_about_the_persona_s_own_work_are_not_deflected(path: Path) -> None:
    scenario = _scenario(path.name)
    if not any(own_work_topic(t.id) for t in scenario.knowledge.topics):
        pytest.skip(f"{path.stem} has no role or typical-week topic")
    for question in _OWN_WORK:
        reply = _reply(path.name, True, question, _NEUTRAL_LINE)
        assert reply is not None, question
        assert reply.topic != DEFLECTED, question


_OBJECTS = ("testing robots", "this field", "data work", "product", "policy", "the job")


@pytest.mark.parametrize("meaning", [False, True], ids=["words", "meaning"])
@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_intent_words_decide_the_topic(path: Path, meaning: bool) -> None:
    """ "How did you get into X?" is answered by a topic asked that way, whatever X names
    (never "tools" because X is "testing robots"); "Who else ... should I talk to?" likewise."""
    scenario = _scenario(path.name)
    generated = {
        "origin": [
            f"{lead} {x}?"
            for lead, x in itertools.product(
                ("How did you get into", "What got you into", "How did you end up in"), _OBJECTS
            )
        ],
        "referral": [
            f"Who else {where} should I talk to?"
            for where in ("on your team", "in the company", "at the fair", "in data", "")
        ],
    }
    for intent, questions in generated.items():
        shown = {
            t.id
            for t in scenario.knowledge.topics
            if any(intent in intents(q) for q in t.questions)
        }
        for question in questions:
            assert intent in intents(question)
            reply = _reply(path.name, meaning, re.sub(r"\s+", " ", question), _NEUTRAL_LINE)
            topic = reply.topic if reply is not None else None
            assert topic in shown | {DEFLECTED, None}, (question, topic, shown)


_LEADS = ("", "Honestly? ", "Well, ", "Oh, ")
_TAILS = ("", " Does that appeal to you?", " What about you?")


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_no_topic_is_told_again_by_the_line_that_follows(path: Path) -> None:
    """Whenever the next line retells one of a topic's answers (the same sentence, with other
    words around it), the story is never told twice: a line asking nothing after it is said
    alone; one asking something after it keeps the answer and leaves the retelling statement
    out (session 11 D7: the line never swallows the answer)."""
    scenario = _scenario(path.name)
    matcher = _matcher(path.name, True)
    for topic, (lead, tail) in zip(
        scenario.knowledge.topics, itertools.cycle(itertools.product(_LEADS, _TAILS)), strict=False
    ):
        for answer in topic.answers:
            long = [s for s in sentences(answer) if len(plain_terms(s)) >= 4]
            if not long:
                continue
            line = f"{lead}{long[0]}{tail}"
            assert matcher.retells(topic.answers, line), (topic.id, line)
            reply = _reply(path.name, True, topic.questions[0], line)
            if reply is None or reply.topic != topic.id:
                continue
            assert tail, (topic.id, line, reply)  # a line asking nothing after: said alone
            assert reply.text.count(long[0]) <= 1, (topic.id, line, reply)
            assert reply.text.endswith(tail.strip()), (topic.id, line, reply)


def test_retelling_is_not_every_line() -> None:
    """A line about something else is not a retelling: the answer is given."""
    scenario = _scenario("career-fair-booth.yaml")
    matcher = _matcher("career-fair-booth.yaml", True)
    week = scenario.knowledge.topic("typical_week")
    assert week is not None
    assert not matcher.retells(week.answers, "So what brings you to the fair today?")
    assert matcher.retells(
        week.answers,
        "Right now we've got a robot that only misbehaves near one shelf, and we're trying "
        "to work out why. Is that the kind of puzzle you'd enjoy?",
    )


_LATER_QUESTIONS = (
    "When can I start?",
    "when could i start",
    "What does it pay?",
    "whats the salary range",
)


#: By hand: the shipped nodes whose lines ask the seeker about pay, the offer or the CV. Lines
#: that merely hold money or number words ("the numbers" = data, "Marcus has your number",
#: "eighteen months of money", "pay a bill") are not among them.
_TERMS_NODES: dict[str, frozenset[str]] = {
    "architecture-open-evening": frozenset({"practical_question", "interview_salary"}),
    "career-fair-booth": frozenset({"pitch_check"}),
    "coffee-referral": frozenset({"pitch_check", "screening_salary"}),
    "connector-intro": frozenset({"interview_salary"}),
    "distracted-ops-director": frozenset({"money_prompt", "interview_salary"}),
    "edtech-meetup-teacher": frozenset({"practical_question"}),
    "policy-director-meeting": frozenset({"terms_question"}),
    "pushy-founder-afterparty": frozenset({"sign_tonight", "equity_pitch", "cv_now", "handshake"}),
    "pushy-recruiter": frozenset(
        {"rec_probe", "rec_pitch", "rec_push", "rec_benefits", "rec_push_again"}
    ),
}


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_only_lines_asking_about_terms_talk_terms(path: Path) -> None:
    """A pay question is left to the line only when the line asks about pay or the offer."""
    scenario = load_scenario(path)
    expected = _TERMS_NODES.get(scenario.id, frozenset())
    found = {node.id for node in scenario.nodes.values() if any(map(talks_terms, node.lines))}
    assert found == expected, (sorted(found - expected), sorted(expected - found))
    for line in (
        "We keep the numbers flowing for forty clinics. What data work have you done?",
        "Done, Marcus has your number. Friday at five. Bye.",
        "We've got eighteen months of money. Scared yet, or excited?",
        "She has all the numbers I don't. Shall I drag her over?",
        "Shops sign up and never leave. You see it, right?",
        "People get nervous about their money. Does that kind of work interest you?",
        "Send your resume through the careers page.",
    ):
        assert not talks_terms(line), line


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_no_let_s_not_get_ahead_before_a_line_that_talks_terms_itself(path: Path) -> None:
    """ "When can I start?" then "Let's not get ahead of ourselves. I want to sign you up
    tonight, you want the job?" contradicts itself: before a line that talks about the offer or
    the money, the line answers; before any other line, a topic or an honest redirect."""
    scenario = load_scenario(path)
    for node in scenario.nodes.values():
        for text in node.lines:
            line = ManagerLine(node_id=node.id, text=text, is_end=node.is_end)
            for question in _LATER_QUESTIONS:
                runner = Runner(scenario, seed=len(question))
                reply = runner._answering([question], (), line)
                said = reply.parts if reply is not None else (text,)
                if reply is None:  # the line alone: it asks about terms, or it retells a topic
                    retold = runner.matcher.match(question).topic is not None
                    # or the line offers the next step itself ("Should I pass your name
                    # on?"): a brake before it would contradict it (trial 10, D4)
                    offers = _MOVES_ON.search(text) is not None
                    assert talks_terms(text) or retold or offers, (node.id, question, text)
                if talks_terms(text):
                    assert not set(said) & set(LATER_REPLIES), (node.id, question, said)
                assert said[0] not in scenario.knowledge.deflect, (node.id, question, said)
