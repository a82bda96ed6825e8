"""Session 14: a manager never deflects a question he owns, each as a class over all 12
shipped scenarios through the real runner (and the real conversation, analyzer included):

- a **commitment question** ("Where do I sign?", "Is the job mine?", "Am I hired?") is the
  seeker's own next step: the scripted line or an honest brake answers it, never a deflection
  naming a colleague ("that's a detail I'd have to check with the client"); it is a request,
  so no topic describing the job answers it either;
- a **new question about a topic already told** (every answer variant said, or told by a
  scripted line) gets a pointer back with the gist of what he said ("Like I said, it goes
  through our recruiter first ..."), never a brush-off as if it had been asked before ("As I
  said, there's not much more to it than that."); the same question asked again word for word
  may get one. Every pointer is pre-rendered (`Scenario.manager_lines`).
"""

from __future__ import annotations

import itertools
from functools import cache
from pathlib import Path

import pytest
from conftest import SHIPPED

from app.dialogue import DEFLECTED, KnowledgeMatcher, ManagerLine, Runner, Scenario, load_scenario
from app.dialogue.asking import AGAIN_REPLIES, MORE_PEOPLE_REPLIES, MORE_REPLIES, asks_more
from app.dialogue.choosing import is_job_request
from app.dialogue.knowledge import shared_encoder
from app.dialogue.model import point_back
from app.dialogue.runner import _asked_terms

_SCENARIOS = sorted(p for p in SHIPPED.glob("*.yaml") if not p.name.endswith(".plan.yaml"))
_MORE = {*MORE_PEOPLE_REPLIES, *MORE_REPLIES}

COMMITS = (
    "Where do I sign?",
    "Great, where do I sign up?",
    "What do I need to sign?",
    "Can I sign today?",
    "Is the job mine?",
    "Did I get the job?",
    "Am I hired?",
    "Shall we make it official?",
    "Is it a deal then?",
    "How do I say yes?",
    "Send me the contract.",
)
NOT_COMMITS = (
    "Where do I sign up for the newsletter?",
    "How do I accept a pull request on your repo?",
    "What do you sign off on?",
    "Who signs off on new hires?",
    "Did I get the name of the tool right?",
)


def _styles(text: str) -> tuple[str, str]:
    return text, "".join(c for c in text.lower() if c not in "?.!,")


@pytest.mark.parametrize("question", COMMITS)
def test_a_commitment_question_is_a_request(question: str) -> None:
    for text in _styles(question):
        assert is_job_request(text), text


@pytest.mark.parametrize("question", NOT_COMMITS)
def test_a_question_about_signing_something_else_is_no_request(question: str) -> None:
    for text in _styles(question):
        assert not is_job_request(text), text


@cache
def _scenario(name: str) -> Scenario:
    return load_scenario(SHIPPED / name)


@cache
def _matcher(name: str) -> KnowledgeMatcher:
    return KnowledgeMatcher(_scenario(name).knowledge, shared_encoder(wait=True))


_LINES = (
    "So what brings you here?",
    "We build the tools the rest of the company runs on.",
    "So, are you interested in the position?",
)


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_a_commitment_question_is_never_deflected_to_a_colleague(path: Path) -> None:
    scenario = _scenario(path.name)
    node = next(n for n in scenario.nodes.values() if not n.is_end)
    deflections = set(scenario.knowledge.deflect)
    for question, line in itertools.product(COMMITS, _LINES):
        for text in _styles(question):
            runner = Runner(scenario, seed=0, matcher=_matcher(path.name))
            scripted = ManagerLine(node_id=node.id, text=line, is_end=False)
            reply = runner._answering([text], (), scripted)
            if reply is None:
                continue  # the scripted line alone answers it
            assert not deflections & set(reply.parts), (text, line, reply.parts)
            # no topic describing the job answers it (a start date may: "When can I start?")
            assert reply.topic in (DEFLECTED, "start_date"), (text, reply.topic)


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_a_new_question_about_a_told_topic_gets_its_gist_not_a_brush_off(path: Path) -> None:
    scenario = _scenario(path.name)
    known = set(scenario.manager_lines())
    node = next(n for n in scenario.nodes.values() if not n.is_end)
    checked = 0
    for topic in scenario.knowledge.topics:
        questions = list(dict.fromkeys(topic.questions))
        if len(questions) < len(topic.answers) + 1:
            continue
        runner = Runner(scenario, seed=0, matcher=_matcher(path.name))
        seen: list[frozenset[str]] = []
        for question in questions:
            scripted = ManagerLine(node_id=node.id, text=_LINES[0], is_end=False)
            told = runner._told.get(topic.id, 0) >= len(topic.answers)
            said_before = set(runner._said)
            new = not any(_asked_terms(question) <= s for s in seen)
            reply = runner._answering([question], (), scripted)
            if reply is None or reply.topic != topic.id:
                continue
            seen.append(_asked_terms(question))
            assert set(reply.parts) - {_LINES[0]} <= known, (question, reply.parts)  # pre-rendered
            if told and new:
                checked += 1
                assert not set(AGAIN_REPLIES) & set(reply.parts), (topic.id, question, reply.parts)
                pointers = {point_back(a) for a in topic.answers} - {None}
                if asks_more(question):
                    # "who else ...?" once all is told: "that's everyone", never the pointer
                    # naming again who was named (review 14 R11)
                    assert not pointers & set(reply.parts), (topic.id, question, reply.parts)
                    assert _MORE & set(reply.parts), (topic.id, question, reply.parts)
                elif pointers - said_before:
                    assert pointers & set(reply.parts), (topic.id, question, reply.parts)
    assert checked, scenario.id


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_a_question_asked_again_word_for_word_gets_no_new_answer(path: Path) -> None:
    scenario = _scenario(path.name)
    node = next(n for n in scenario.nodes.values() if not n.is_end)
    for topic in scenario.knowledge.topics:
        runner = Runner(scenario, seed=0, matcher=_matcher(path.name))
        question = topic.questions[0]
        replies = []
        for _ in range(len(topic.answers) + 2):
            scripted = ManagerLine(node_id=node.id, text=_LINES[0], is_end=False)
            replies.append(runner._answering([question], (), scripted))
        answered = [r for r in replies if r is not None and r.topic == topic.id]
        if not answered:
            continue
        pointers = {point_back(a) for a in topic.answers}
        again = [r for r in answered if not set(r.parts) & set(topic.answers)]
        # the same words again: "Like I said ..." (a brush-off) once, never a pointer
        for reply in again:
            assert not pointers & set(reply.parts), (topic.id, question, reply.parts)


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_every_pointer_back_is_whole_sentences_of_an_answer(path: Path) -> None:
    scenario = _scenario(path.name)
    for topic in scenario.knowledge.topics:
        for answer in topic.answers:
            pointer = point_back(answer)
            if pointer is None:
                continue
            gist = pointer.removeprefix("Like I said: ").removeprefix("Like I said, ")
            assert gist[-1] in ".!?", pointer
            assert gist.lower() in answer.lower(), (pointer, answer)


# -- a referral ask that describes the person first ------------------------------------------
_OPEN = ("Is there", "is there", "Do you know", "would there be")
_WHO = ("someone", "anyone", "somebody")
_WHERE = ("", " on your team", " in your group")
_DESCRIBED = ("who left teaching recently", "who came off the wards", "who made the same switch")
_ASK = ("I could talk to", "i could chat to", "I should meet", "we could ask")
_REFERRALS = [
    f"{o} {w}{p} {d} {a}?"
    for o, w, p, d, a in itertools.product(_OPEN, _WHO, _WHERE, _DESCRIBED, _ASK)
] + [
    f"{lead}who would be {how}"
    for lead in ("", "Apart from you, ", "so um ")
    for how in (
        "good to have a proper chat with before I apply?",
        "worth talking to",
        "the right person to talk to next?",
        "useful to meet",
    )
]


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_a_referral_ask_describing_the_person_gets_the_people_or_none(path: Path) -> None:
    """ "Is there someone on your team who left teaching recently I could talk to?" asks for
    people (session 14: it got the team topic, or a deflection): the scenario's topic naming
    people to meet, or no topic (the honest "let me think"), never another topic."""
    from app.dialogue.asking import intents
    from app.dialogue.choosing import choose

    scenario = _scenario(path.name)
    people = {
        t.id
        for t in scenario.knowledge.topics
        if any("referral" in intents(q) for q in t.questions)
    }
    for question in _REFERRALS:
        assert "referral" in intents(question), question
        chosen = choose(_matcher(path.name), [question], scenario).topic
        assert chosen is None or chosen in people, (question, chosen)
