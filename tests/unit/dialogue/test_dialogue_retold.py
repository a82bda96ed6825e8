"""No story told twice: two topics of a scenario never share a long run of words in their
answers ('What surprised you?' then 'Do you miss engineering?' retelling the same Friday bug
fix), over every shipped scenario."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SHIPPED

from app.dialogue import load_scenario

_SCENARIOS = sorted(p for p in SHIPPED.glob("*.yaml") if not p.name.endswith(".plan.yaml"))
#: A run of this many words in a row, shared by two topics' answers, is the same sentence told.
_RUN = 8


def _runs(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))
    return {tuple(words[i : i + _RUN]) for i in range(len(words) - _RUN + 1)}


def test_a_shared_run_is_found() -> None:
    said = "That I'd miss it. On a Friday after a week of meetings, I'd happily fix a bug."
    again = "Sometimes. On a Friday after a week of meetings, I'd fix a bug."
    assert _runs(said) & _runs(again)
    assert not _runs("On a Friday I fix bugs.") & _runs(again)


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_no_two_topics_tell_the_same_sentence(path: Path) -> None:
    topics = load_scenario(path).knowledge.topics
    told: dict[tuple[str, ...], str] = {}
    shared: list[tuple[str, str, str]] = []
    for topic in topics:
        runs = set().union(*(_runs(answer) for answer in topic.answers))
        for run in runs:
            other = told.setdefault(run, topic.id)
            if other != topic.id:
                shared.append((other, topic.id, " ".join(run)))
    assert not shared, shared
