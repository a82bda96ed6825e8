"""The database schema as an ordered list of migrations, versioned by `PRAGMA user_version`.

Migration N is `MIGRATIONS[N - 1]`; the file's `user_version` is the number of migrations
applied. To change the schema, append a function: never edit or reorder one that has shipped,
because users' files were built by it. A migration that must rebuild a table follows SQLite's
twelve-step recipe (https://www.sqlite.org/lang_altertable.html#otheralter).

Migrations are plain SQL rather than sqlite-utils' table builders on purpose: a migration must
produce the same schema forever, whatever a later sqlite-utils would generate.

Enumerations (mode, status, speaker, frame) are checked in Python, not with SQL CHECKs, so that
adding a value later needs a code change and no table rebuild.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from sqlite_utils import Database

from app.store.errors import DatabaseTooNew

Migration = Callable[[Database], None]


def _create_tables(db: Database) -> None:
    """Migration 1: sessions and their turns."""
    db.execute(
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: exports name sessions by id
            scenario_id TEXT NOT NULL,
            scenario_title TEXT NOT NULL,
            persona TEXT NOT NULL,
            mode TEXT NOT NULL,
            started_at REAL NOT NULL,
            ended_at REAL,
            outcome_id TEXT,
            outcome_label TEXT,
            outcome_kind TEXT,
            status TEXT NOT NULL DEFAULT 'active',
            shift_turn INTEGER,
            shift_cue TEXT,
            analysis_json TEXT,
            parent_session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
            retry_from_turn INTEGER
        )
        """
    )
    # The history list: newest first, id breaking ties so paging is stable.
    db.execute("CREATE INDEX sessions_by_started_at ON sessions (started_at DESC, id DESC)")
    # Lets ON DELETE SET NULL find the retries of a deleted session without a table scan.
    db.execute("CREATE INDEX sessions_by_parent ON sessions (parent_session_id)")
    db.execute(
        """
        CREATE TABLE turns (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            speaker TEXT NOT NULL,
            node_id TEXT,
            text TEXT NOT NULL,
            frame TEXT,
            score REAL,
            cues_json TEXT NOT NULL DEFAULT '[]',
            started_at REAL,
            ended_at REAL,
            audio_path TEXT,
            recognizer_ms REAL,
            UNIQUE (session_id, idx)
        )
        """
    )
    # The UNIQUE constraint's index (session_id, idx) is the "turns by session" index: it serves
    # turns(), turn counts and the ON DELETE CASCADE lookup, so a second index would only cost.


def _add_question_counts(db: Database) -> None:
    """Migration 2: each session's count of curious questions, stored so the History never
    recounts them from the turns (`app.report.questions` is what counts). NULL means "not
    counted yet": legacy rows are counted once, lazily, after the History has painted
    (`Store.uncounted_sessions`, `Store.set_question_counts`). Adding a NULL column rewrites no
    row; building the index reads each session's row once (`bench/history.py`: `migrate_ms`)."""
    db.execute("ALTER TABLE sessions ADD COLUMN curious_questions INTEGER")
    # The History chart's read (`HistoryQueries.progress`) answered from this index alone:
    # without it every finished row is read, its analysis JSON's overflow pages included.
    db.execute(
        "CREATE INDEX sessions_progress ON sessions "
        "(status, started_at, id, shift_turn, curious_questions, scenario_id)"
    )


def _recount_questions(db: Database) -> None:
    """Migration 3 (session 14): `app.report.questions` changed what it counts (a curiosity the
    seeker only tells about themself, "I've always wondered how ...", is no question), so every
    stored count is forgotten and counted again, once, by the new rule (`Backfill`), and the
    History chart and the replay read the same number. A later change to that counting rule
    appends this migration again: a stored count is only ever one rule's."""
    db.execute("UPDATE sessions SET curious_questions = NULL WHERE curious_questions IS NOT NULL")


MIGRATIONS: tuple[Migration, ...] = (_create_tables, _add_question_counts, _recount_questions)
SCHEMA_VERSION = len(MIGRATIONS)
#: The oldest version the reads understand as it is: migration 2 only adds a column the reads
#: do without, so a file at version 1 opened read-only (`frameshift history`, `export`, a
#: read-only folder) is read, not refused for want of an upgrade.
OLDEST_READABLE = 1
#: The first version whose `sessions.curious_questions` were counted by today's rule (the
#: column came in version 2; migration 3 forgot the counts an older rule made). A file below it
#: opened read-only has its counts made in memory, never read from the column. Moves with each
#: recount migration.
QUESTION_COUNTS = 3


def user_version(db: Database) -> int:
    """The number of migrations applied to this file."""
    row = db.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def check_version(db: Database, path: Path, known: int = SCHEMA_VERSION) -> int:
    """The file's version; raises DatabaseTooNew rather than let an older build touch it."""
    found = user_version(db)
    if found > known:
        raise DatabaseTooNew(path, found=found, known=known)
    return found


def migrate(db: Database, path: Path, migrations: Sequence[Migration] = MIGRATIONS) -> list[int]:
    """Apply the migrations this file lacks; return the versions applied (empty when current).

    Each migration and its version bump commit together, so a crash leaves the file at one
    version or the next, never between. `BEGIN IMMEDIATE` takes the write lock before the version
    is re-read, so two processes opening a new file at once cannot both run a migration.
    """
    known = len(migrations)
    found = check_version(db, path, known)
    applied: list[int] = []
    for version in range(found + 1, known + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            if user_version(db) < version:
                migrations[version - 1](db)
                db.execute(f"PRAGMA user_version = {version:d}")
                applied.append(version)
            db.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.execute("ROLLBACK")
            raise
    return applied
