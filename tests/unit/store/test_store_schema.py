"""Connection settings, indices, and the user_version migration mechanism."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlite_utils import Database
from store_helpers import new_session

from app.store import MIGRATIONS, SCHEMA_VERSION, DatabaseTooNew, Store, migrate


def _user_version(path: Path) -> int:
    with closing(sqlite3.connect(path)) as raw:
        return int(raw.execute("PRAGMA user_version").fetchone()[0])


def test_new_file_is_created_with_its_folder_and_current_schema(db_path: Path) -> None:
    """Opening a path in a missing folder creates both, at SCHEMA_VERSION, with both tables."""
    assert not db_path.parent.exists()
    Store(db_path).close()
    assert _user_version(db_path) == SCHEMA_VERSION == len(MIGRATIONS)
    with closing(sqlite3.connect(db_path)) as raw:
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"sessions", "turns"} <= tables


def test_connection_uses_wal_foreign_keys_full_sync_and_busy_timeout(store: Store) -> None:
    """The pragmas that make writes durable and concurrent are on."""
    db = store._db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_history_and_turn_queries_use_indices(store: Store) -> None:
    """The history page and a session's turns are index lookups, not table scans."""
    db = store._db

    def plan(sql: str) -> str:
        return " ".join(str(r[-1]) for r in db.execute("EXPLAIN QUERY PLAN " + sql))

    history = plan("SELECT * FROM sessions ORDER BY started_at DESC, id DESC LIMIT 200")
    assert "sessions_by_started_at" in history
    assert "TEMP B-TREE" not in history
    turns = plan("SELECT * FROM turns WHERE session_id = 1 ORDER BY idx")
    assert "sqlite_autoindex_turns_1" in turns
    assert "TEMP B-TREE" not in turns


def test_reopening_applies_no_migration_and_keeps_data(db_path: Path) -> None:
    """Migrations run once: a second open finds the file current and changes nothing."""
    with Store(db_path) as store:
        sid = new_session(store)
    with Store(db_path) as store:
        assert migrate(store._db, db_path) == []
        assert store.session(sid).scenario_id == "coffee-chat"
    assert _user_version(db_path) == SCHEMA_VERSION


def test_an_appended_migration_runs_once_on_a_copy(db_path: Path, tmp_path: Path) -> None:
    """Appending a function is all migration 2 needs: it runs once and keeps old rows."""
    with Store(db_path) as store:
        sid = new_session(store)
    copy = tmp_path / "copy.db"
    shutil.copy(db_path, copy)
    calls: list[int] = []

    def add_notes(db: Database) -> None:
        calls.append(1)
        db.execute("ALTER TABLE sessions ADD COLUMN notes TEXT")

    with Database(copy) as db:
        assert migrate(db, copy, [*MIGRATIONS, add_notes]) == [SCHEMA_VERSION + 1]
        assert migrate(db, copy, [*MIGRATIONS, add_notes]) == []
        assert "notes" in db.table("sessions").columns_dict
        assert db.execute("SELECT scenario_id FROM sessions WHERE id = ?", (sid,)).fetchone()
    assert calls == [1]
    assert _user_version(copy) == SCHEMA_VERSION + 1
    assert _user_version(db_path) == SCHEMA_VERSION
    with pytest.raises(DatabaseTooNew):
        Store(copy)


def test_a_failing_migration_leaves_the_file_at_its_old_version(db_path: Path) -> None:
    """A migration that raises is rolled back whole, version and half-done DDL alike."""
    Store(db_path).close()

    def broken(db: Database) -> None:
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("bug in migration")

    with Database(db_path) as db:
        with pytest.raises(RuntimeError):
            migrate(db, db_path, [*MIGRATIONS, broken])
        assert "half_done" not in db.table_names()
    assert _user_version(db_path) == SCHEMA_VERSION


def test_a_file_from_a_newer_frameshift_is_refused_untouched(db_path: Path) -> None:
    """user_version above SCHEMA_VERSION raises DatabaseTooNew and never moves the file."""
    db_path.parent.mkdir(parents=True)
    with closing(sqlite3.connect(db_path)) as raw:
        raw.execute("PRAGMA user_version = 7")
    with pytest.raises(DatabaseTooNew) as caught:
        Store(db_path)
    assert f"schema 7, this one knows {SCHEMA_VERSION}" in caught.value.message
    assert "--data-dir" in caught.value.hint
    assert "Update Frameshift" in caught.value.hint
    with pytest.raises(DatabaseTooNew):
        Store.open_or_recover(db_path)
    assert _user_version(db_path) == 7
    assert [p.name for p in db_path.parent.iterdir()] == ["frameshift.db"]
