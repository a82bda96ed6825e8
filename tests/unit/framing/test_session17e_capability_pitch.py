"""Session 17, round D: a pitch answering a capability question or a remark about a need.

A line asking what the seeker can do or has done (`patterns.CAPABILITY_ASKED`: "Have you ever
run a stock take?", "Any experience with payroll?") no longer stops a volunteered achievement
(`cues._achievement_volunteered`): a first-person deed (also "I was the one who ...",
`patterns.THE_ONE_WHO`) with a result or a scale (`patterns.ACHIEVED_RESULT`, widened:
"hundreds", "cut it from two days to one", "still uses", "zero findings") and a work frame
("at my last shop", "my old firm still uses") pitches. Near misses: a plain yes to the same
question (neutral), a story of one's own life after a remark.

Generated grid, sampled (seconds), typed and in recognizer style, rules and hybrid; wordings
not among the brief's examples.
"""

from __future__ import annotations

import itertools
import random

from app.framing.analyzer import analyze_answer
from app.framing.evaluation import recognizer_style

CAPABILITY = (
    "Have you ever run a stock take?",
    "Any experience with payroll at all?",
    "Have you handled customer complaints before?",
    "Are you familiar with food safety audits?",
    "Can you do rota planning?",
)
OPENERS = ("yes", "loads of times", "oh yeah", "Yes, actually.", "a fair bit")
DEEDS = (
    "I was the one who rebuilt the whole process at my last job and we cut it from three days"
    " to one",
    "i set up the checklist my old firm still uses",
    "at my previous company I redesigned it and we had zero errors for a year",
    "I trained a team of twelve on it at my current employer",
    "I ran it for hundreds of staff at my last place",
    "I was the person that overhauled it at our old branch, we saved forty thousand",
)
PLAIN = ("yes a few times", "Yes, now and then.", "a little bit yeah", "not really, no",
         "I think so, once or twice")  # fmt: skip
REMARK_STORIES = (
    (
        "Our last audit was a mess.",
        "oh no, when I was at uni my flat failed a fire check, we had to move out for a week",
    ),
    (
        "The summer fair is always chaos.",
        "I went to one last year and it rained for hundreds of people, we all got soaked",
    ),
    (
        "We had a flood in the basement.",
        "we had one at home too, I was the one who found it, ruined thirty boxes of photos",
    ),
)


def _styles(line: str, answer: str) -> list[tuple[str, str]]:
    return [(line, answer), (recognizer_style(line), recognizer_style(answer))]


def _wrong(items: list[tuple[str, str]], interview: bool) -> list[tuple[str, str, bool, str]]:
    wrong = []
    for line, answer in items:
        for m, a in _styles(line, answer):
            for rules_only in (True, False):
                r = analyze_answer(m, a, rules_only=rules_only)
                ok = (r.frame == "interview") == interview
                if interview:
                    ok = ok and "self_promotion" in [c.cue for c in r.cues]
                if not ok:
                    wrong.append((m, a, rules_only, r.frame))
    return wrong


def test_a_deed_with_a_result_at_work_answering_a_capability_question_pitches() -> None:
    grid = [
        (line, f"{opener} {deed}")
        for line, opener, deed in itertools.product(CAPABILITY, OPENERS, DEEDS)
    ]
    items = random.Random(1761).sample(grid, 50)
    wrong = _wrong(items, interview=True)
    assert not wrong, f"{len(wrong)} of {4 * len(items)}: {wrong[:6]}"


def test_a_plain_yes_or_a_life_story_is_no_pitch() -> None:
    items = list(itertools.product(CAPABILITY, PLAIN)) + list(REMARK_STORIES)
    wrong = _wrong(items, interview=False)
    assert not wrong, f"{len(wrong)} of {4 * len(items)}: {wrong[:6]}"
