"""Session 15, the leftover of review 14 R11 as a class: once the manager has told whom the seeker
could meet, asking for more people in ANY wording ("is there someone else", "who else could I
talk to", "any other names?", "who besides them?", "another name, maybe?", "a second person I
could ask", "do you know other people I could talk to", "others I should meet?", a bare "any
others?" right after the names) gets the honest "that's everyone I'd point you to for now",
never a deflection or another topic naming a colleague again ("Femi Adeyemi on my team would
know", "Like I said: Rachel Osei ...").

Generated: wordings x lead-ins x the 12 shipped scenarios (every one with a topic naming whom to
meet), through the runner as a rehearsal reaches it; a scenario with no such topic gets "let me
think", never a deflection naming a colleague. Questions that only mention other people, or ask
something of their own, are not asks for more people.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pytest
from conftest import SHIPPED

from app.dialogue import KnowledgeMatcher, ManagerLine, Runner, Scenario, load_scenario
from app.dialogue.asking import GENERIC_REPLIES, asks_more, intents, is_bare_more
from app.dialogue.knowledge import questions_in, shared_encoder

_SCENARIOS = sorted(p for p in SHIPPED.glob("*.yaml") if not p.name.endswith(".plan.yaml"))
_LINE = "So what brings you here?"

#: Asking for more people, in many wordings (not the R11 test's).
MORE_PEOPLE = (
    "is there someone else",
    "Is there someone else I could talk to?",
    "who else could I talk to",
    "any other names?",
    "Any other names I should have?",
    "Anyone else you'd recommend?",
    "Can you think of anybody else?",
    "Is there another person I could talk to?",
    "Do you know other people I could talk to?",
    "Anyone besides them?",
    "Who besides them?",
    "Any more people I should meet?",
    "Other colleagues worth meeting?",
    "Anyone different I could speak to?",
    "Is there anybody other than them?",
    "Could you point me to anyone else?",
    "Any other contacts?",
    "And who else?",
    "Anybody else worth a coffee?",
    "Any other suggestions of people to talk to?",
    "Who else is worth talking to?",
    "Is there a second person I could ask?",
    "Someone else maybe?",
    "Another name, maybe?",
    "Others I should meet?",
    "somebody else you'd suggest i contact?",
)
LEADS = ("", "Thanks, that's really helpful. ")
#: Right after the names, a bare ask for more is about them.
BARE_MORE = ("Any others?", "Any more?", "And any others?")
#: Not asks for more people: other people mentioned, or a question of its own.
NOT_MORE_PEOPLE = (
    "Does anyone else on the team do research?",
    "Are you hiring more people?",
    "What do other people on the team work on?",
    "Who runs the lab?",
    "Is there another person on the team who does the training?",
    "How do other people usually get into this?",
    "What is the other team like?",
)


@cache
def _scenario(name: str) -> Scenario:
    return load_scenario(SHIPPED / name)


@cache
def _matcher(name: str) -> KnowledgeMatcher:
    return KnowledgeMatcher(_scenario(name).knowledge, shared_encoder(wait=True))


def _asked(answer: str) -> list[str]:
    """The answer's questions, as the runner finds them."""
    return questions_in(answer)


def test_every_wording_asks_for_more_people() -> None:
    for lead, ask in itertools.product(LEADS, MORE_PEOPLE):
        (question,) = _asked(lead + ask)
        assert asks_more(question) == "people", question
        assert "referral" in intents(question) or is_bare_more(question), question
    for question in NOT_MORE_PEOPLE:
        assert not (asks_more(question) == "people" and is_bare_more(question)), question
        assert not (asks_more(question) and "referral" in intents(question)), question


_STOP = frozenset(
    """I The A An And But So If He She They We You It My Our Your Like Honestly Oh Ah Good Hmm
    Yes No That This There What Who Well Ask Try Or Small Nine Six Three Fourteen""".split()  # noqa: SIM905
)


def _names(texts: list[str]) -> set[str]:
    """The names the texts say (capitalised words that are not sentence words)."""
    return {w for text in texts for w in re.findall(r"\b[A-Z][a-z]+\b", text)} - _STOP


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_asking_for_more_people_once_told_never_names_them_again(path: Path) -> None:
    scenario = _scenario(path.name)
    node = next(n for n in scenario.nodes.values() if not n.is_end)
    people = [
        t for t in scenario.knowledge.topics if any("referral" in intents(q) for q in t.questions)
    ]
    everyone = set(GENERIC_REPLIES["more_people"])
    deflections = set(scenario.knowledge.deflect)
    asks = [lead + q for lead, q in itertools.product(LEADS, MORE_PEOPLE)] + list(BARE_MORE)
    checked = 0
    wrong = []
    for topic in people:
        names = _names(list(topic.answers))
        runner = Runner(scenario, seed=0, matcher=_matcher(path.name))
        for question in topic.questions * 2:  # every answer told
            if all(a in runner._said for a in topic.answers):
                break
            runner._answering([question], (), ManagerLine(node.id, _LINE, False))
        assert all(a in runner._said for a in topic.answers), topic.id
        told = " ".join(a for a in topic.answers if a in runner._said)
        for ask in asks:
            with _kept(runner):  # each ask as the first after the names
                reply = runner._answering(
                    _asked(ask), (), ManagerLine(node.id, _LINE, False), previous=told
                )
            checked += 1
            said = list(reply.parts[:-1]) if reply is not None else []
            again = {n for n in names if any(re.search(rf"\b{n}\b", part) for part in said)}
            bare = ask in BARE_MORE  # "Any more?" asks nothing of its own: the line alone
            if again or not (everyone & set(said) or (bare and not said)):
                wrong.append((ask, said))
    assert not wrong, f"{len(wrong)} of {checked}: {wrong[:6]}"
    if not people:
        # no topic names whom to meet: an honest "let me think", never a colleague named
        runner = Runner(scenario, seed=0, matcher=_matcher(path.name))
        for ask in asks[: -len(BARE_MORE)]:
            with _kept(runner):
                reply = runner._answering(_asked(ask), (), ManagerLine(node.id, _LINE, False))
            said = set(reply.parts[:-1]) if reply is not None else set()
            assert not said & deflections, (ask, said)


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
