"""A question after a lead-in closed by a comma ("Interesting, what ...", "Honestly I don't know
yet, how many ...") is matched as the bare question is, in every shipped scenario; a clause
setting the question's context ("after I leave my CV here, what ...") is kept with it."""

from __future__ import annotations

import random
from functools import cache

import pytest
from conftest import SHIPPED

from app.dialogue import KnowledgeMatcher, Scenario, load_scenario
from app.dialogue.choosing import choose
from app.dialogue.knowledge import questions_in
from app.framing.encoder import shared_encoder

SCENARIOS = sorted(p.stem for p in SHIPPED.glob("*.yaml") if not p.stem.endswith(".plan"))

#: Lead-ins of each kind: interjections, hedges, thanks, short statements.
LEAD_INS = (
    *("Interesting", "Oh nice", "Wow", "Hmm", "Ah okay", "Right", "Cool"),
    *("Honestly I don't know yet", "I'm not sure yet", "Maybe", "I guess so", "Not really"),
    *("Thanks", "Thanks, that's helpful", "That's really useful, thank you", "Good to know"),
    *("I've wondered about that", "That sounds fun", "I did some data work at uni"),
    *("I'm still figuring things out", "Fair enough", "That makes sense"),
)
#: Leads that set what the question is about: kept with it.
CONTEXT_LEADS = (
    "So after I leave my CV here",
    "If I did apply later",
    "For the people on your team",
    "Not tonight, but once I've finished my course",
    "When you started out",
)


@cache
def _scenario(name: str) -> Scenario:
    return load_scenario(SHIPPED / f"{name}.yaml")


@cache
def _matcher(name: str) -> KnowledgeMatcher:
    return KnowledgeMatcher(_scenario(name).knowledge, shared_encoder(wait=True))


def _chosen(name: str, text: str) -> str | None:
    return choose(_matcher(name), questions_in(text), _scenario(name)).topic


def _asked(name: str) -> list[str]:
    """Each topic's example questions, as a seeker might ask them."""
    return [q for t in _scenario(name).knowledge.topics for q in t.questions]


def _lower_first(question: str) -> str:
    first = question.split(maxsplit=1)[0]
    if first == "I" or first.startswith("I'"):
        return question
    return question[0].lower() + question[1:]


@pytest.mark.parametrize("name", SCENARIOS)
def test_a_comma_lead_in_matches_as_the_bare_question(name: str) -> None:
    rng = random.Random(name)
    differ = []
    for question in _asked(name):
        bare = _chosen(name, question)
        for lead in rng.sample(LEAD_INS, 3):
            text = f"{lead}, {_lower_first(question)}"
            if _chosen(name, text) != bare:
                differ.append((text, _chosen(name, text), bare))
            stopped = f"{lead}. {question}"
            if _chosen(name, stopped) != bare:
                differ.append((stopped, _chosen(name, stopped), bare))
    assert not differ, differ[:10]


@pytest.mark.parametrize("lead", LEAD_INS)
def test_a_lead_in_is_left_out_of_the_question(lead: str) -> None:
    for question in ("How many people are on your team?", "what do you enjoy most about it?"):
        assert questions_in(f"{lead}, {question}") == [question]


@pytest.mark.parametrize("lead", CONTEXT_LEADS)
def test_a_context_clause_stays_with_its_question(lead: str) -> None:
    found = questions_in(f"{lead}, what happens next?")
    assert found[0] == f"{lead}, what happens next?"


@pytest.mark.parametrize("filler_words", [900, 5_000, 60_000])
def test_a_long_answer_is_read_for_questions_at_its_two_ends(filler_words: int) -> None:
    """A pasted wall of text is read at its opening and close only (as the framing reading
    is), so its questions there are found, comma lead-ins included, and the cost stays that of
    a long spoken answer whatever the length (the 10 MB case: tests/reliability)."""
    said = "I have five years of experience, mostly in logistics"
    filler = " ".join([said] * (filler_words // 9))
    opening = "Interesting, what does your team work on?"
    close = "Honestly I don't know yet, how many people are on your team?"
    found = questions_in(f"{opening} {filler}. {close}")
    assert "what does your team work on?" in found
    assert "how many people are on your team?" in found
