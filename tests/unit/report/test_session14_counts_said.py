"""Session 14: the replay counts what the seeker asked, and names what a request asked for.

* A curiosity told as the seeker's own lasting or past state, with no "?" ("I've always
  wondered how the night shift works.") is a statement about himself: it is no "curious
  question" in the replay's count (the sentence, the JSON export, the History chart all read
  `count_questions`). The same curiosity asked now ("I wonder how...", "I was wondering...",
  "I'm curious how...") or with a "?" stays one. Generated over openers, frames, subjects and
  the recognizer's style (lowercase, no punctuation), through the real analyzer.
* The requests line names a question about one's own terms as what it is: "the pay or other
  terms", not "the pay" alone (generated over pay and terms questions through a stored
  session and the real report).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from report_helpers import seed_session

from app.framing import Turn, analyze
from app.report import build_report
from app.report.questions import count_questions
from app.store import Store

LINE = "We run three shifts across the warehouse, and the night one is the busiest."
OPENERS = ("", "Oh nice. ", "Honestly, ", "so ")
TOLD = (
    "I've always wondered",
    "I always wondered",
    "I've often wondered",
    "I have always wondered",
    "I've long wondered",
    "I've always been curious about",
    "I've been curious about",
    "I always wonder",
    "I wondered",
)
ASKED_NOW = (
    "I wonder",
    "I was wondering",
    "I'm curious",
    "I've been wondering",
    "I'd love to hear",
)
SUBJECTS = (
    "how the night shift works",
    "what the busiest shift is like",
    "how you keep three shifts in step",
)


def _recognized(text: str) -> str:
    return "".join(c for c in text.lower() if c not in "?.!,").replace("'", "")


def _count(answer: str):  # type: ignore[no-untyped-def]
    turns = analyze([Turn("manager", LINE), Turn("seeker", answer)]).to_dict()["turns"]
    return count_questions(
        (t["index"], t["speaker"], text, t["cues"])
        for t, text in zip(turns, [LINE, answer], strict=True)
    )


def _styles(text: str) -> tuple[str, str]:
    return text, _recognized(text)


@pytest.mark.parametrize(
    ("opener", "frame", "subject"), list(itertools.product(OPENERS, TOLD, SUBJECTS))
)
def test_a_told_curiosity_is_no_question(opener: str, frame: str, subject: str) -> None:
    for answer in _styles(f"{opener}{frame} {subject}."):
        assert _count(answer).curious == 0, answer


@pytest.mark.parametrize(
    ("opener", "frame", "subject"), list(itertools.product(OPENERS, ASKED_NOW, SUBJECTS))
)
def test_a_curiosity_asked_now_is_a_question(opener: str, frame: str, subject: str) -> None:
    for answer in _styles(f"{opener}{frame} {subject}."):
        assert _count(answer).curious == 1, answer


@pytest.mark.parametrize(("frame", "subject"), list(itertools.product(TOLD, SUBJECTS)))
def test_a_told_curiosity_beside_a_question_counts_the_question_once(
    frame: str, subject: str
) -> None:
    for answer in (
        f"{frame} {subject}. How does it work?",
        f"{frame} {subject}, how does it work?",
        f"How big is the team? {frame} {subject}.",
    ):
        assert _count(answer).curious == 1, answer


TERMS = (
    "Is remote work an option?",
    "How much time off do you get?",
    "What's the salary for this role?",
    "How much does it pay?",
    "Do you offer flexible hours?",
    "What are the benefits like?",
)


@pytest.mark.parametrize("asking_for", TERMS)
def test_the_requests_line_names_the_pay_or_other_terms(tmp_path: Path, asking_for: str) -> None:
    script = [
        ("manager", "Good to meet you. We have an opening on my team.", None, None),
        ("seeker", asking_for, None, None),
    ]
    with Store(tmp_path / "frameshift.db") as store:
        sid = seed_session(store, tmp_path, script=script)  # type: ignore[arg-type]
        report = build_report(store.session(sid), store.turns(sid), data_dir=tmp_path)
    lines = {m.key: m.text for m in report.metrics}
    if "requests" not in lines:
        pytest.skip(f"the analyzer reads no request in {asking_for!r}")
    assert "the pay or other terms" in lines["requests"], lines["requests"]
    assert "an interview or the pay" not in lines["requests"], lines["requests"]
