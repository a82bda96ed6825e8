"""Migration 3: a count stored under an older counting rule is counted again by today's.

`app.report.questions` changed what it counts in session 14 (a curiosity the seeker only tells
about themself is no question). A history a session-13 build counted (schema 2) keeps its
counts in `sessions.curious_questions`, which the History chart draws while the replay counts
afresh: opening the file forgets those counts once, the History's `Backfill` counts them by
today's rule, and the chart and the replay then say the same number for every session.
"""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from app.report import questions
from app.store import SCHEMA_VERSION, Store
from tests.legacy_history import save_uncounted


def _stale_schema_2(tmp_path: Path, seed: int) -> tuple[Path, dict[int, int]]:
    """A history as a schema-2 build left it: every finished session counted, by some other
    rule (the stored numbers are today's plus 1 to 5, so none can pass by chance)."""
    path = tmp_path / "frameshift.db"
    rng = random.Random(seed)
    with Store(path) as store:
        save_uncounted(store, rng, rng.randint(5, 30))
        wanted = store.uncounted_sessions()
        today = questions.count_sessions(store, wanted)
        stale = {sid: n + rng.randint(1, 5) for sid, n in today.items()}
        store.set_question_counts(stale)
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("PRAGMA user_version = 2")
        raw.commit()
    return path, today


@pytest.mark.parametrize("seed", range(8))
def test_counts_stored_by_an_older_rule_are_counted_again(tmp_path: Path, seed: int) -> None:
    path, today = _stale_schema_2(tmp_path, seed)
    assert today  # the generator makes finished sessions with counted questions
    with Store(path) as store:
        assert SCHEMA_VERSION == 3
        assert all(r["seeker_questions"] is None for r in store.progress())
        assert sorted(store.uncounted_sessions()) == sorted(today)
        chart = {r["id"]: r["seeker_questions"] for r in questions.progress(store)}
    assert {sid: chart[sid] for sid in today} == today  # what the replay counts
    with Store(path) as again:  # stored once: a reopen migrates and counts nothing more
        assert again.uncounted_sessions() == []
        assert {r["id"]: r["seeker_questions"] for r in again.progress()} == chart


def test_a_current_file_keeps_its_counts(tmp_path: Path) -> None:
    """The recount runs once per file: counts stored at schema 3 are never forgotten."""
    path = tmp_path / "frameshift.db"
    with Store(path) as store:
        save_uncounted(store, random.Random(3), 12)
        counted = questions.count_sessions(store, store.uncounted_sessions())
        store.set_question_counts(counted)
    with Store(path) as again:
        assert again.uncounted_sessions() == []
        stored = {r["id"]: r["seeker_questions"] for r in again.progress()}
    assert {sid: stored[sid] for sid in counted} == counted


@pytest.mark.parametrize("seed", range(4))
def test_a_stale_file_opened_read_only_counts_in_memory(tmp_path: Path, seed: int) -> None:
    """A schema-2 file that cannot be migrated (read-only) never serves the old rule's counts:
    they are made by today's rule in memory, and the file is not written (review 14 R13)."""
    path, today = _stale_schema_2(tmp_path, seed)
    before = path.read_bytes()
    with Store.open_read_only(path) as store:
        assert all(r["seeker_questions"] is None for r in store.progress())
        chart = {r["id"]: r["seeker_questions"] for r in questions.progress(store)}
    assert {sid: chart[sid] for sid in today} == today
    assert path.read_bytes() == before
