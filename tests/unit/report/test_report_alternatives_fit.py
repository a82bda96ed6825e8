"""The replay's "What you could have said" answers the line it replaces (trial 8, H7 and H29),
over every manager line of the shipped scenarios, each cue and several turns:

- a question after the seeker's reasons ("What makes you want Fernhill in particular?", "What
  brings you here tonight?") gets reasons, never the stock "tell me about yourself" answer or
  a hedged yes;
- the seeker's own "Yes!" is never kept as the answer to an open question;
- the question back is not one stock tail for most lines.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from test_report_coaching import _shipped_manager_lines

from app.report.alternatives import example_answer
from app.report.coaching import compose

CUES = ("commitment", "self_promotion", "job_request", "pay_question", "interview")
LINES = _shipped_manager_lines()
#: The seeker's reasons asked by an open question, read by hand (not by `line_kind`).
REASONS = re.compile(
    r"^\W*(?:\w+,\s+)?(?:so\s+|and\s+)?what\s+(?:makes|made|brings|brought|draws|drew|got)"
    r"\s+you\b[^.?!]*\?$",
    re.I,
)
STOCK = (
    example_answer("Tell me about yourself."),
    example_answer("What are you doing these days?"),
)
YES_NO = ("It might", "Possibly", "It could", "Perhaps", "Some of it", "In parts", "Maybe")
SENTENCE = re.compile(r"[^.?!]+[.?!]*")


def _last(text: str) -> str:
    return str([s.strip() for s in SENTENCE.findall(text) if s.strip()][-1])


def test_reasons_questions_get_reasons() -> None:
    asked = [line for line in LINES if REASONS.search(_last(line))]
    assert len(asked) >= 8, asked
    extra = [
        "Well, I've only just met you, so I couldn't really vouch for you yet. What makes you "
        "want Fernhill in particular?",
        "Hi, I'm Marcus. Dana tells me you're looking at data work. What brings you here tonight?",
    ]
    bad = []
    for line in [*asked, *extra]:
        for cue in CUES:
            for turn in range(3):
                alt = compose(cue, line, turn, answer="I'd love to work here.", cue_start=0)
                if alt.startswith((*STOCK, *YES_NO)):
                    bad.append((cue, line, alt))
    assert not bad, bad[:5]


YESES = ("Yes!", "Yes.", "Yeah,", "Sure!", "No.", "Absolutely!")
REST = (
    " The rest can wait.",
    " I would love the job.",
    " I'm a data analyst at a logistics firm.",
)


@pytest.mark.parametrize("yes", YESES)
@pytest.mark.parametrize("rest", REST)
def test_the_seekers_yes_is_never_the_answer_to_an_open_question(yes: str, rest: str) -> None:
    answer = yes + rest
    opens = [
        line
        for line in LINES
        if re.match(r"^\W*(?:so\s+|and\s+)?(?:what|how|where|who)\b", _last(line), re.I)
        and _last(line).endswith("?")
    ]
    assert len(opens) >= 30
    for line in opens:
        for cue in CUES:
            alt = compose(cue, line, 1, answer=answer, cue_start=len(yes) + 1)
            first = re.findall(r"[A-Za-z']+", alt)[0].lower()
            assert first not in {"yes", "yeah", "sure", "no", "absolutely"}, (line, answer, alt)


@pytest.mark.parametrize("cue", CUES)
def test_the_question_back_varies(cue: str) -> None:
    tails: Counter[str] = Counter()
    for line in LINES:
        for turn in range(2):
            alt = compose(
                cue, line, turn, answer="Yes! I'm a nurse on a surgical ward.", cue_start=5
            )
            tails[_last(alt)] += 1
    total = sum(tails.values())
    top, count = tails.most_common(1)[0]
    assert count <= 0.25 * total, (top, count, total)
