"""Review 15 R9, as a class: a bare ask for more ("Anyone else?", "Who else?", "Someone else,
maybe?", "Any others?") takes its topic from what the manager just told. After "Who's on your
team?" and its answer, "Anyone else?" asks for more of the team, not whom to meet: it was "Femi
Adeyemi on my team. He came from A and E ..." (the people-to-meet topic) or a deflection. Now it
is the told topic: another of its answers, or, once every answer is told, its own "more" reply
("That's about all I've got on that for now."), never "that's everyone I'd point you to".

Generated: every topic of the 12 shipped scenarios with a question starting with "who" x bare
wordings (lead-ins x asks x endings, every one a bare ask for more with no words of its own about
meeting anyone), sampled, through `Runner._answering` with `previous=` the topic's answer, once
with one answer told and once with all told. Near misses keep today's behaviour: right after
the names (the people-to-meet topic, itself a "who" topic), a bare ask is about people to meet;
a bare ask naming contacts ("Any other names?", "Others I should meet?") is about people to meet
after any answer; with nothing told before, "Anyone else?" is too.
"""

from __future__ import annotations

import copy
import itertools
import random
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from conftest import SHIPPED

from app.dialogue import KnowledgeMatcher, ManagerLine, Runner, Scenario, Topic, load_scenario
from app.dialogue.asking import (
    GENERIC_REPLIES,
    asks_for_contacts,
    asks_more,
    intents,
    is_bare_more,
)
from app.dialogue.knowledge import questions_in, shared_encoder

_SCENARIOS = sorted(p for p in SHIPPED.glob("*.yaml") if not p.name.endswith(".plan.yaml"))
_LINE = "So what brings you here?"
LEADS = ("", "And ", "Okay, ", "Thanks, ", "Right, ", "Great. ")
ASKS = (
    "anyone else", "anybody else", "someone else", "somebody else", "who else", "any others",
    "any more", "anyone besides them", "anybody other than them", "is there anyone else",
    "is there anybody else", "can you think of anyone else", "any other people",
)  # fmt: skip
ENDINGS = ("?", ", maybe?", ", then?", " too?", ", perhaps?")
#: Bare asks that name people to meet by their own words: near misses.
CONTACTS = (
    "Any other names?",
    "Anyone else I could talk to?",
    "Others I should meet?",
    "Anybody else worth a coffee?",
    "Another name, maybe?",
    "Any other contacts?",
)
SAMPLE = 160


def _capital(text: str) -> str:
    return text[0].upper() + text[1:]


def _bare() -> list[str]:
    """Every generated wording that is a bare ask for more, with no words about meeting."""
    out = []
    for lead, ask, ending in itertools.product(LEADS, ASKS, ENDINGS):
        text = _capital(lead + (ask if lead else _capital(ask)) + ending)
        (question,) = questions_in(text)
        if (
            asks_more(question) is not None
            and is_bare_more(question)
            and "referral" not in intents(question)
            and not asks_for_contacts(question)
        ):
            out.append(text)
    return out


@cache
def _scenario(path: Path) -> Scenario:
    return load_scenario(path)


@cache
def _matcher(path: Path) -> KnowledgeMatcher:
    return KnowledgeMatcher(_scenario(path).knowledge, shared_encoder(wait=True))


def _people(scenario: Scenario) -> Topic | None:
    return next(
        (
            t
            for t in scenario.knowledge.topics
            if any("referral" in intents(q) for q in t.questions)
        ),
        None,
    )


def _who_topics() -> list[tuple[Path, Topic]]:
    return [
        (path, topic)
        for path in _SCENARIOS
        for topic in _scenario(path).knowledge.topics
        if any(q.lower().startswith("who") for q in topic.questions)
    ]


def _line(scenario: Scenario) -> ManagerLine:
    node = next(n for n in scenario.nodes.values() if not n.is_end)
    return ManagerLine(node.id, _LINE, False)


def _told(path: Path, topic: Topic, *, every: bool) -> tuple[Runner, str] | None:
    """A runner that has told the topic (one answer, or every answer) and what it said last;
    None when the topic's own "who" question is not answered by it."""
    scenario = _scenario(path)
    runner = Runner(scenario, seed=0, matcher=_matcher(path))
    whos = [q for q in topic.questions if q.lower().startswith("who")]
    asked = whos + [q for q in topic.questions if q not in whos]
    previous = None
    for question in asked * 2 if every else whos[:1]:
        if every and all(a in runner._said for a in topic.answers):
            break
        reply = runner._answering(questions_in(question), (), _line(scenario))
        if reply is not None and reply.topic == topic.id:
            previous = reply.text
    if previous is None or (every and not all(a in runner._said for a in topic.answers)):
        return None
    return runner, previous


@contextmanager
def _kept(runner: Runner) -> Iterator[None]:
    """The runner's memory of what was said as it was before the block."""
    saved = {
        name: copy.copy(getattr(runner, name))
        for name in ("_said", "_spoken", "_told", "_asked_of", "_deflections", "_rng")
    }
    saved["_asked_of"] = {k: list(v) for k, v in runner._asked_of.items()}
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(runner, name, value)


def _ask(runner: Runner, scenario: Scenario, text: str, previous: str | None) -> ManagerLine | None:
    with _kept(runner):
        return runner._answering(questions_in(text), (), _line(scenario), previous=previous)


def _cases(every: bool, seed: int) -> list[tuple[Path, Topic, Runner, str, str]]:
    """(scenario, topic, runner, previous, bare ask) sampled over topics x wordings."""
    bare = _bare()
    told = [
        (path, topic, *state)
        for path, topic in _who_topics()
        if (state := _told(path, topic, every=every)) is not None
    ]
    grid = [(*t, ask) for t, ask in itertools.product(told, bare)]
    return random.Random(seed).sample(grid, min(SAMPLE, len(grid)))


def test_the_generated_wordings_are_bare_asks_for_more() -> None:
    assert len(_bare()) >= 200, len(_bare())
    assert len(_who_topics()) >= 15, len(_who_topics())


def test_a_bare_ask_after_one_answer_asks_more_of_that_topic() -> None:
    wrong, checked = [], 0
    for path, topic, runner, previous, ask in _cases(every=False, seed=16):
        scenario = _scenario(path)
        reply = _ask(runner, scenario, ask, previous)
        checked += 1
        people = _people(scenario)
        said = list(reply.parts[:-1]) if reply is not None else []
        to_meet: set[str] = set()
        if topic is not people:  # the people topic's own answers and "that's everyone" are its
            to_meet = set(GENERIC_REPLIES["more_people"]) | set(GENERIC_REPLIES["referral"])
            to_meet |= set(people.answers) if people is not None else set()
        if reply is None or reply.topic != topic.id or to_meet & set(said):
            wrong.append((path.stem, topic.id, ask, reply.topic if reply else None, said[:1]))
    assert checked >= SAMPLE, checked
    assert not wrong, f"{len(wrong)} of {checked}: {wrong[:6]}"


def test_a_bare_ask_once_every_answer_is_told_gets_the_topics_own_more_reply() -> None:
    wrong, checked = [], 0
    for path, topic, runner, previous, ask in _cases(every=True, seed=15):
        scenario = _scenario(path)
        reply = _ask(runner, scenario, ask, previous)
        checked += 1
        people = _people(scenario)
        own = GENERIC_REPLIES["more_people" if topic is people else "more"]
        said = list(reply.parts[:-1]) if reply is not None else []
        if reply is None or reply.topic != topic.id or not set(own) & set(said):
            wrong.append((path.stem, topic.id, ask, reply.topic if reply else None, said[:1]))
    assert checked >= SAMPLE, checked
    assert not wrong, f"{len(wrong)} of {checked}: {wrong[:6]}"


def test_near_misses_still_ask_for_people_to_meet() -> None:
    """Asks naming contacts, after any "who" answer, and a bare ask with nothing told before:
    the people-to-meet topic, or the honest "let me think" where a scenario has none."""
    wrong, checked = [], 0
    for path, topic in _who_topics():
        scenario = _scenario(path)
        state = _told(path, topic, every=False)
        if state is None:
            continue
        runner, previous = state
        people = _people(scenario)
        asks = [(ask, previous) for ask in CONTACTS] + [("Anyone else?", None)]
        for ask, before in asks:
            reply = _ask(runner, scenario, ask, before)
            checked += 1
            said = list(reply.parts[:-1]) if reply is not None else []
            if people is not None:
                ok = reply is not None and reply.topic == people.id
            else:
                ok = reply is not None and bool(set(GENERIC_REPLIES["referral"]) & set(said))
            if not ok:
                wrong.append((path.stem, topic.id, ask, reply.topic if reply else None, said[:1]))
    assert checked >= 80, checked
    assert not wrong, f"{len(wrong)} of {checked}: {wrong[:6]}"
