"""Review 14, R10 and R11, each as a class:

- R10: a commitment question settles THE JOB: what is signed is nothing, it, or the contract,
  offer or paperwork; "sign in", "sign up for the lab day", "sign the visitor book", "Did I get
  the job title right?", "Is it mine?", "a deal on the coffee" are no job request (they got an
  honest brake instead of the answer);
- R11: a question asking for MORE of a topic whose every answer is told ("Who else?", "Anyone
  else?", "Any other ...?") gets an honest "that's everyone I'd point you to for now", never
  the pointer back naming again exactly what was named ("Like I said: Femi ...").
"""

from __future__ import annotations

import itertools
from functools import cache
from pathlib import Path

import pytest
from conftest import SHIPPED

from app.dialogue import KnowledgeMatcher, ManagerLine, Runner, Scenario, load_scenario
from app.dialogue.asking import GENERIC_REPLIES, asks_more, intents
from app.dialogue.choosing import is_job_request
from app.dialogue.knowledge import shared_encoder
from app.dialogue.model import point_back

_SCENARIOS = sorted(p for p in SHIPPED.glob("*.yaml") if not p.name.endswith(".plan.yaml"))

# -- R10: signing something else, settling something else -------------------------------------
_ASKERS = (
    "Where do I",
    "Where can I",
    "Where should I",
    "When do I",
    "When should we",
    "What do I need to",
    "Can I",
    "Could we just",
    "Should I",
)
_THINGS = (
    "visitor book",
    "guest list",
    "NDA",
    "register",
    "attendance sheet",
    "photo consent form",
    "waiver",
    "petition",
    "card for Sam",
    "parcel",
    "lanyard form",
)
_EVENTS = ("lab day", "open day", "tour", "workshop", "careers talk", "meetup", "newsletter")
_SIGNINGS = (
    "sign in",
    *(f"sign in for the {e}" for e in _EVENTS),
    *(f"sign up for the {e}" for e in _EVENTS),
    *(f"sign up to the {e}" for e in _EVENTS),
    *(f"sign the {t}" for t in _THINGS),
    *(f"sign the {t} for the {e}" for t, e in itertools.product(_THINGS[:4], _EVENTS[:3])),
    *(f"sign here for the {e}" for e in _EVENTS),
    *(f"sign for the {t}" for t in _THINGS),
    "sign up with my work email",
    "sign in with my badge",
)
_SETTLED_ELSE = tuple(
    f"{lead}{q}"
    for lead, q in itertools.product(
        ("", "So ", "Sorry, "),
        (
            *(f"did I get the job {w} right?" for w in ("title", "description", "name", "spec")),
            "Do I get the offer letter by email?",
            "Did I get the job ad from the right site?",
            *(f"Have we got a deal on the {t}?" for t in ("coffee", "tickets", "venue", "room")),
            *(f"Is it a deal for {w}?" for w in ("students", "members", "the group")),
            "Is it mine?",
            "Was it mine?",
            "Is the role mine to shape?",
            "Send me the paperwork for the tour.",
            "Can you send me the offer letter template you use?",
        ),
    )
)
NOT_JOB = [f"{a} {s}?" for a, s in itertools.product(_ASKERS, _SIGNINGS)] + list(_SETTLED_ELSE)

_OBJECTS = ("", " it", " the contract", " the offer", " the paperwork", " the papers")
_TAILS = ("", " then", " for the job", " for this role", " today", " here")
IS_JOB = [
    f"{a} sign{o}{t}?"
    for a, o, t in itertools.product(_ASKERS, _OBJECTS, _TAILS)
    if not (a.startswith("What") and o)  # "What do I need to sign the contract?" is odd
] + [
    f"{lead}{q}"
    for lead, q in itertools.product(
        ("", "Great, ", "So "),
        (
            "did I get the job?",
            "did I get the job or not?",
            "is the job mine?",
            "is it a deal then?",
            "have we got a deal?",
            "send me the contract.",
            "email me the offer letter.",
            "where do I sign up?",
        ),
    )
]


def _styles(text: str) -> tuple[str, str]:
    return text, "".join(c for c in text.lower() if c not in "?.!,")


@pytest.mark.parametrize("question", NOT_JOB)
def test_signing_or_settling_something_else_is_no_job_request(question: str) -> None:
    for text in _styles(question):
        assert not is_job_request(text), text


@pytest.mark.parametrize("question", IS_JOB)
def test_settling_the_job_is_still_a_request(question: str) -> None:
    for text in _styles(question):
        assert is_job_request(text), text


# -- R11: more of a told topic -----------------------------------------------------------------
_MORE_PEOPLE = (
    "Who else?",
    "Anyone else?",
    "And who else would you suggest?",
    "Anybody else I should talk to?",
    "Is there anyone else I could meet?",
    "Any other people worth talking to?",
    "who else should i reach out to",
)
_MORE_ANY = ("What else?", "Anything else?", "Any other ones?", "Is there anything more to it?")
_LINE = "So what brings you here?"


@cache
def _scenario(name: str) -> Scenario:
    return load_scenario(SHIPPED / name)


@cache
def _matcher(name: str) -> KnowledgeMatcher:
    return KnowledgeMatcher(_scenario(name).knowledge, shared_encoder(wait=True))


def test_asking_for_more_is_seen() -> None:
    assert all(asks_more(q) == "people" for q in _MORE_PEOPLE)
    assert all(asks_more(q) == "more" for q in _MORE_ANY)
    for q in (
        "Who runs the lab?",
        "What is the other team like?",
        "Is there anything more junior?",
    ):
        assert asks_more(q) is None, q


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_asking_for_more_of_a_told_topic_gets_that_is_all_not_a_pointer(path: Path) -> None:
    scenario = _scenario(path.name)
    node = next(n for n in scenario.nodes.values() if not n.is_end)
    more = set(GENERIC_REPLIES["more_people"]) | set(GENERIC_REPLIES["more"])
    checked = 0
    for topic in scenario.knowledge.topics:
        people = any("referral" in intents(q) for q in topic.questions)
        asks = (
            _MORE_PEOPLE
            if people
            else tuple(f"{q.rstrip('?.!')}, anything else?" for q in topic.questions[:1])
            + _MORE_ANY
        )
        pointers = {point_back(a) for a in topic.answers} - {None}
        for ask in asks:
            runner = Runner(scenario, seed=0, matcher=_matcher(path.name))
            for question in topic.questions * 2:  # every answer told
                if all(a in runner._said for a in topic.answers):
                    break
                runner._answering([question], (), ManagerLine(node.id, _LINE, False))
            if not all(a in runner._said for a in topic.answers):
                continue
            reply = runner._answering([ask], (), ManagerLine(node.id, _LINE, False))
            if reply is None or reply.topic != topic.id:
                continue
            checked += 1
            assert not pointers & set(reply.parts), (topic.id, ask, reply.parts)
            assert more & set(reply.parts), (topic.id, ask, reply.parts)
    assert checked or not any(
        "referral" in intents(q) for t in scenario.knowledge.topics for q in t.questions
    ), scenario.id
