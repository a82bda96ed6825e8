"""The shift card says why the shift is where it is when an earlier answer already read as an
interview (newcomer report, session 18: "my second answer is a red square, why is the shift at
the fourth?"). The rule (app/framing/shift.py) absorbs a lone pitch and tips at the second, or
at once at a yes to the job, a request or a pay question; the card, in the replay and the HTML
export, names the earlier answers and the shift's answer in one sentence. Generated
conversations: pitches, strong answers and neutral or curious ones in random orders."""

from __future__ import annotations

import random
import re

import pytest

from app.report import render_html
from app.ui.replay import richtext
from tests.unit.report.test_report_consistency import ANSWERS, MANAGER_LINES, _nth, _report

PLACED = re.compile(r"already (reads|read) as an interview answer")


def _script(rng: random.Random) -> list[tuple[str, str, int, int]]:
    """Often an early pitch, then anything: the cases where the shift comes later."""
    out: list[tuple[str, str, int, int]] = []
    kinds = list(ANSWERS)
    for i in range(rng.randint(2, 7)):
        out.append(("manager", rng.choice(MANAGER_LINES), 0, 0))
        kind = "pitch" if i == rng.randint(0, 2) else rng.choice(kinds)
        text, curious, requests = rng.choice(ANSWERS[kind])
        out.append(("seeker", text, curious, requests))
    return out


@pytest.mark.parametrize("seed", range(200))
def test_the_card_says_why_the_shift_is_placed_after_an_earlier_interview_answer(
    seed: int,
) -> None:
    report = _report(_script(random.Random(seed)), True)
    card = richtext.shift_html(report)
    html = render_html(report)
    shift = report.shift.turn if report.shift else None
    earlier = [
        t.index
        for t in report.turns
        if t.speaker == "seeker"
        and t.frame == "interview"
        and shift is not None
        and t.index < shift
    ]
    context = (seed, [t.frame for t in report.turns], shift)
    if shift is None or not earlier:
        assert not PLACED.search(card), context
        assert 'id="shift-placed"' not in html, context
        return
    nth = [_nth(report.turns, i) for i in earlier]
    named = f"answer {nth[0]}" if len(nth) == 1 else "answers " + ", ".join(map(str, nth[:-1]))
    for where in (card, html):
        sentence = PLACED.search(where)
        assert sentence, context
        assert named.capitalize() in where, (named, context)
        assert f"the shift is placed at answer {_nth(report.turns, shift)}" in where, context
    if report.shift is not None and report.shift.cue == "self_promotion":
        assert "a lone pitch is absorbed" in card, context
    assert f"href='turn:{earlier[0]}'" in card  # the card takes you to the earlier answer
    assert f'href="#turn-{earlier[0] + 1}"' in html


def test_the_generated_cases_reach_both_kinds_of_later_shift() -> None:
    """A second pitch after a first, and a strong answer after a pitch, are both generated."""
    seen = set()
    for seed in range(200):
        report = _report(_script(random.Random(seed)), True)
        if report.shift is not None and report.verdict.leaned:
            seen.add(report.shift.cue)
    assert "self_promotion" in seen, seen
    assert seen - {"self_promotion"}, seen
