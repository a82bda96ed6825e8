"""Session 17, round D: the outcome of one's own interview asked, after the manager brings it up.

After a line about the seeker's own interview, application or assessment
(`patterns.SEEKERS_STEP_LINE`, widened: "you came in for an interview", "you met our hiring
panel", "you interview with our Leeds team"), a question about its outcome
(`patterns.OUTCOME_ASKED`: a decision made, word back, where it ended up, the role filled,
someone picked) asks for the job: a job request (`cues._offered_terms`), an interview. Near
misses: after the same lines, a decision or a pick of something else ("did they decide on the
new canteen?", "did they ever pick a new office?").

Generated grid, sampled (seconds), typed and in recognizer style, rules and hybrid; wordings
not among the brief's examples.
"""

from __future__ import annotations

import itertools
import random

from app.framing.analyzer import analyze_answer
from app.framing.evaluation import recognizer_style

LINES = (
    "Didn't you come in for an interview with us in May?",
    "Jo mentioned you interviewed for the buyer job.",
    "You applied to our Glasgow branch, didn't you?",
    "I gather you met our hiring panel a while back.",
    "Weren't you in for the warehouse assessment last month?",
    "Your application came across my desk a few weeks ago.",
)
OPENERS = ("Yes I did.", "oh yeah that was me", "I did, a while ago now.", "mm yes")
OWN = (
    "Has anyone reached a decision yet?",
    "do you know if they ever decided",
    "Any news at all? I never heard back.",
    "did someone ever come back to me about it",
    "any idea where that ended up",
    "I was wondering if the post was ever filled?",
    "did they end up picking someone in the end",
    "Is there any update on it, do you know?",
    "what happened with it in the end",
    "honestly I'm still waiting to hear back",
)
NEAR = (
    "did they ever decide on the new canteen?",
    "did they ever pick a new office in the end",
    "Did the move to the new site go ahead?",
    "was the building nice? I got a bit lost",
    "is Jo still running the panel these days",
)


def _styles(line: str, answer: str) -> list[tuple[str, str]]:
    return [(line, answer), (recognizer_style(line), recognizer_style(answer))]


def _grid(
    questions: tuple[str, ...], n: int, seed: int, openers: tuple[str, ...] = OPENERS
) -> list[tuple[str, str]]:
    grid = [
        (line, f"{opener} {q}") for line, opener, q in itertools.product(LINES, openers, questions)
    ]
    return random.Random(seed).sample(grid, n)


def _wrong(items: list[tuple[str, str]], interview: bool) -> list[tuple[str, str, bool, str]]:
    wrong = []
    for line, answer in items:
        for m, a in _styles(line, answer):
            for rules_only in (True, False):
                r = analyze_answer(m, a, rules_only=rules_only)
                if (r.frame == "interview") != interview:
                    wrong.append((m, a, rules_only, r.frame))
    return wrong


def test_own_interviews_outcome_asked_is_a_job_request() -> None:
    items = _grid(OWN, 60, 1751)
    wrong = _wrong(items, interview=True)
    assert not wrong, f"{len(wrong)} of {4 * len(items)}: {wrong[:6]}"


def test_a_decision_about_something_else_is_no_interview() -> None:
    # not "oh yeah that was me": the sentence model alone reads "oh yeah that was me did they
    # ever pick a new office" as an interview, on 561d87b as now (no rule decides it; left)
    items = _grid(NEAR, 30, 1752, OPENERS[:1] + OPENERS[2:])
    wrong = _wrong(items, interview=False)
    assert not wrong, f"{len(wrong)} of {4 * len(items)}: {wrong[:6]}"
