"""Migration 2 (stored question counts) on histories an older Frameshift wrote (schema 1).

Each file is generated: sessions with real analyses, finished, ended early or without an
analysis, saved through the Store API and written row for row into a version-1 file. Opening
it migrates it in place: every row and column kept, the count column NULL ("not counted"),
the finished sessions with counted questions listed for the History to count once. A file
that can only be read is read as it is, untouched.
"""

from __future__ import annotations

import json
import random
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from app.store import SCHEMA_VERSION, Store, StoreError
from tests.legacy_history import (
    V1_SESSION_COLUMNS,
    V1_TURN_COLUMNS,
    as_version_1,
    rows,
    save_uncounted,
)


def _legacy(tmp_path: Path, seed: int, n: int) -> tuple[Path, list[int]]:
    made = tmp_path / "made.db"
    with Store(made) as store:
        ids = save_uncounted(store, random.Random(seed), n)
    old = tmp_path / "frameshift.db"
    as_version_1(made, old)
    return old, ids


def _version(path: Path) -> int:
    with closing(sqlite3.connect(path)) as raw:
        return int(raw.execute("PRAGMA user_version").fetchone()[0])


def _wants_a_count(path: Path) -> list[int]:
    """Finished sessions whose analysis counted questions, newest first (worked out in Python
    from the raw rows, not by the store's query)."""
    with closing(sqlite3.connect(path)) as raw:
        found = raw.execute("SELECT id, started_at, status, analysis_json FROM sessions").fetchall()
    out = []
    for sid, started, status, doc in found:
        if status != "finished" or doc is None:
            continue
        count = json.loads(doc).get("metrics", {}).get("questions", {}).get("seeker", {})
        if count.get("count") is not None:
            out.append((started, sid))
    return [sid for _, sid in sorted(out, reverse=True)]


@pytest.mark.parametrize("seed", range(6))
def test_an_old_history_is_migrated_in_place_and_loses_nothing(tmp_path: Path, seed: int) -> None:
    old, ids = _legacy(tmp_path, seed, n=random.Random(seed).randint(5, 40))
    sessions_before = rows(old, "sessions", V1_SESSION_COLUMNS)
    turns_before = rows(old, "turns", V1_TURN_COLUMNS)
    wanted = _wants_a_count(old)
    assert wanted  # the generator makes finished sessions with counted questions

    with Store(old) as store:
        assert _version(old) == SCHEMA_VERSION == 3
        assert [s.id for s in store.sessions()] == sorted(ids, reverse=True)
        assert all(s.curious_questions is None for s in store.sessions())
        assert all(r["seeker_questions"] is None for r in store.progress())
        assert store.uncounted_sessions() == wanted
        store.set_question_counts({sid: n for n, sid in enumerate(wanted)})
        assert store.uncounted_sessions() == []

    assert rows(old, "sessions", V1_SESSION_COLUMNS) == sessions_before
    assert rows(old, "turns", V1_TURN_COLUMNS) == turns_before
    with Store(old) as again:  # counted once: a reopen keeps the counts, migrates nothing
        counts = {r["id"]: r["seeker_questions"] for r in again.progress()}
        assert {sid: counts[sid] for sid in wanted} == {sid: n for n, sid in enumerate(wanted)}
        assert again.uncounted_sessions() == []


def test_the_history_chart_reads_the_index_alone(tmp_path: Path) -> None:
    """The chart's read is answered from the index migration 2 adds, on a migrated file as
    on a new one (no row and no analysis document read)."""
    old, _ = _legacy(tmp_path, 1, n=5)
    for path in (old, tmp_path / "new.db"):
        with Store(path) as store:
            plan = " ".join(
                str(r[-1])
                for r in store._db.execute(
                    "EXPLAIN QUERY PLAN SELECT id, scenario_id, started_at, shift_turn IS NOT NULL,"
                    " curious_questions FROM sessions WHERE status = 'finished'"
                    " ORDER BY started_at, id"
                )
            )
        assert "COVERING INDEX sessions_progress" in plan, plan
        assert "TEMP B-TREE" not in plan


@pytest.mark.parametrize("seed", range(3))
def test_an_old_history_opened_read_only_is_read_as_it_is(tmp_path: Path, seed: int) -> None:
    """`frameshift history` / `export` open read-only: a version-1 file is read, not refused
    for want of an upgrade, and left byte for byte as it was."""
    old, ids = _legacy(tmp_path, seed, n=12)
    before = old.read_bytes()
    wanted = _wants_a_count(old)
    with Store.open_read_only(old) as store:
        assert [s.id for s in store.sessions()] == sorted(ids, reverse=True)
        assert all(s.curious_questions is None for s in store.sessions())
        assert [r["seeker_questions"] for r in store.progress()] == [None] * len(store.progress())
        assert store.uncounted_sessions() == wanted
        assert set(store.question_turns(wanted)) <= set(wanted)
        store.set_question_counts({sid: 1 for sid in wanted})  # nowhere to keep them: no write
        assert store.uncounted_sessions() == wanted
    assert old.read_bytes() == before
    assert _version(old) == 1


def test_a_migrated_file_that_turned_read_only_refuses_counts_with_its_sentence(
    tmp_path: Path,
) -> None:
    old, _ = _legacy(tmp_path, 3, n=8)
    with Store(old) as store:
        wanted = store.uncounted_sessions()
        store._db.execute("PRAGMA query_only = ON")
        with pytest.raises(StoreError) as refused:
            store.set_question_counts({sid: 1 for sid in wanted})
        assert refused.value.message.startswith(f"Frameshift cannot write to {old}")
        store._db.execute("PRAGMA query_only = OFF")
        assert store.uncounted_sessions() == wanted  # nothing half-written
