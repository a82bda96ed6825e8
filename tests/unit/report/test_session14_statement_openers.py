"""Review 14 R4 (the opener): after a manager line that asks nothing ("That's my story,
anyway.", "We might have something opening up in spring."), no alternative opens with an
elliptic answer to a question never asked ("Interesting. I might be, if it turns out to fit").
The property is grammatical, not a list of the openers: no clause of the opening is a bare
subject and auxiliary ("I might be,", "it could.") and none starts with a yes/no answer word;
checked for every cue over the manager lines of the framing corpus read as statements (the
held-out other-hand sets are not read)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from app.report.alternatives import _openers, line_kind

_DATA = Path(__file__).resolve().parents[2] / "data" / "framing"
_CUES = ("commitment", "self_promotion", "interview", "job_request", "pay_question", "other")
#: a clause that is only a subject and an auxiliary: it answers a question ("I might be.")
_ELLIPTIC = re.compile(
    r"\b(?:i|it|that|we|you|they|he|she)\s+(?:might|may|could|would|will|can|do|does|did|am|is|"
    r"was|are|should|must)(?:\s+(?:not|be|have|do))?\s*(?:[,;:.!?]|$)",
    re.IGNORECASE,
)
_ANSWER_WORDS = re.compile(r"^\W*(?:yes|no|yeah|nope|possibly|perhaps|maybe|probably|sure)\b", re.I)


def _statements() -> list[str]:
    lines: dict[str, None] = {}
    files = [*sorted(_DATA.glob("answers*.jsonl")), *sorted(_DATA.glob("hands/writer-*.jsonl"))]
    for path in files:
        for row in path.read_text(encoding="utf-8").splitlines():
            line = json.loads(row).get("manager")
            if line and line_kind(line).kind == "statement":
                lines.setdefault(line, None)
    return list(lines)


_STATEMENTS = _statements()


def test_the_corpus_has_statements() -> None:
    assert len(_STATEMENTS) >= 50


@pytest.mark.parametrize("cue", _CUES)
def test_no_opening_answers_a_question_a_statement_never_asked(cue: str) -> None:
    for line in _STATEMENTS:
        for opening in _openers(cue, line_kind(line)):
            assert not _ELLIPTIC.search(opening), (cue, line, opening)
            assert not _ANSWER_WORDS.search(opening), (cue, line, opening)
