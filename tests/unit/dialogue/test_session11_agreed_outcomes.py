"""Session 11 D5: an outcome never blames the seeker for what the manager did unasked. The
seeker at pushy-recruiter only asked "What's the salary, and is it remote?"; Brett replied
"I'll send your CV over this afternoon" and the outcome read "Put you forward before you knew
the role". An ending that takes a step the seeker must agree to (`outcome.agreed`: the CV sent,
a handshake on an offer) is reached only by an answer that agrees (commitment or job_request
cues), never by a frame or a question alone.

Generated: every node of every shipped scenario x questions about pay, place, hours and terms
(with lead-ins), framed by the real analyzer in the context of the node's line, then taken by
the runner; plus every node x frame x non-agreeing cue set, with no analyzer. The endings that
take such a step are listed here by hand (their ids), so the test does not trust the flag."""

from __future__ import annotations

import itertools
from functools import cache

import pytest
from conftest import SHIPPED

from app.dialogue import Runner, Scenario, load_scenario
from app.framing.analyzer import analyze_answer
from app.framing.vocabulary import FRAMES, SEEKER_CUES

SCENARIOS = sorted(p.stem for p in SHIPPED.glob("*.yaml") if not p.stem.endswith(".plan"))
#: Endings that act on the seeker's yes (read by hand from the endings' lines).
NEEDS_A_YES = {"cv-submitted", "shook-on-it"}
AGREEING = {"commitment", "job_request"}
QUESTIONS = (
    "What's the salary, and is it remote?",
    "What's the salary?",
    "Is it remote?",
    "How much does it pay?",
    "What are the hours like?",
    "Is there a bonus?",
    "When would it start?",
    "Is it hybrid or in the office?",
)
LEADS = ("", "Okay, but ")


@cache
def _scenario(name: str) -> Scenario:
    return load_scenario(SHIPPED / f"{name}.yaml")


def test_the_endings_that_need_a_yes_say_so() -> None:
    flagged = {o.id for name in SCENARIOS for o in _scenario(name).outcomes() if o.agreed}
    assert flagged >= NEEDS_A_YES, NEEDS_A_YES - flagged


@pytest.mark.parametrize("name", ["pushy-recruiter", "pushy-founder-afterparty"])
def test_a_question_about_the_terms_never_puts_you_forward(name: str) -> None:
    scenario = _scenario(name)
    bad: list[tuple[str, ...]] = []
    checked = 0
    for node in scenario.nodes.values():
        if node.is_end:
            continue
        for line, question, lead in itertools.product(node.lines, QUESTIONS, LEADS):
            answer = f"{lead}{question}"
            found = analyze_answer(line, answer)
            cues = {c.cue for c in found.cues}
            runner = Runner(scenario, seed=0, start=node.id)
            runner.advance(found.frame, cues, answer=answer)
            checked += 1
            ending = runner.outcome
            if ending is not None and ending.id in NEEDS_A_YES and not cues & AGREEING:
                bad.append((node.id, answer, found.frame, str(sorted(cues)), ending.label))
    assert checked >= 250, checked
    assert not bad, (len(bad), bad[:5])


@pytest.mark.parametrize("name", SCENARIOS)
def test_no_answer_that_does_not_agree_reaches_an_ending_that_needs_a_yes(name: str) -> None:
    scenario = _scenario(name)
    others = sorted(set(SEEKER_CUES) - AGREEING)
    cue_sets = [set(), *({c} for c in others), {"pay_question", "seeker_question"}]
    for node, frame, cues in itertools.product(scenario.nodes.values(), FRAMES, cue_sets):
        if node.is_end:
            continue
        runner = Runner(scenario, seed=1, start=node.id)
        runner.advance(frame, cues, answer="What's the salary, and is it remote?")
        ending = runner.outcome
        assert ending is None or ending.id not in NEEDS_A_YES, (node.id, frame, cues)
