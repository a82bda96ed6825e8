"""The history database: one SQLite file of sessions and turns, written as things happen.

`Store` is the API the app uses: opening (or recovering) the file, the writes a rehearsal makes
as it goes, and which sessions a live process owns (recovery, deletes). How the file is opened
and how each statement is made durable is `connection.py`; the reads are `queries.py`; the
schema and its migrations are `schema.py`.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlite_utils import Database

from app.store.connection import DEFAULT_BUSY_TIMEOUT_S, Connection, move_aside
from app.store.errors import (
    DatabaseCorrupt,
    NoSuchHistory,
    NoSuchSession,
    SessionInUse,
    StoreError,
)
from app.store.owners import Owners
from app.store.queries import HistoryQueries
from app.store.records import (
    FRAMES,
    MODES,
    SPEAKERS,
    STATUSES,
    check,
    check_audio_path,
    check_one_of,
    to_json,
)

__all__ = ["DEFAULT_BUSY_TIMEOUT_S", "Store"]


class Store(HistoryQueries):
    """Sessions and turns in one SQLite file; every method raises only StoreError subclasses.

    (ValueError is the exception: it means the caller passed an impossible value.)
    """

    def __init__(
        self,
        path: Path,
        *,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S,
        read_only: bool = False,
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._owners = Owners(self.path)
        self._conn = Connection(self.path, busy_timeout=busy_timeout, read_only=read_only)

    @property
    def _db(self) -> Database:
        """The sqlite-utils handle (for tests that set pragmas to provoke failures)."""
        return self._conn.db

    @classmethod
    def open_read_only(cls, path: Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S) -> Store:
        """Open an existing history only to read it: nothing is created, migrated or marked,
        so a read-only folder, mount or file is enough. NoSuchHistory when there is no file."""
        path = Path(path)
        if not path.is_file():
            raise NoSuchHistory(path)
        return cls(path, busy_timeout=busy_timeout, read_only=True)

    @classmethod
    def open_or_recover(
        cls, path: Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S
    ) -> tuple[Store, str | None]:
        """Open the store; if the file is damaged, keep it aside and start a fresh one.

        Returns the store and, after a recovery, the sentence telling the user where the old
        file was kept. Other errors (locked, read-only, too new) are raised: moving those files
        would not help and could lose data.
        """
        path = Path(path)
        try:
            store = cls(path, busy_timeout=busy_timeout)
        except DatabaseCorrupt:
            pass
        else:
            if store.pages_readable():
                return store, None
            store.close()  # damaged behind a good header: every later read or write would fail
        kept = move_aside(path)
        store = cls(path, busy_timeout=busy_timeout)
        return store, (
            f"The history file was damaged and could not be read. It was kept at {kept}, "
            "and a fresh history was started."
        )

    def pages_readable(self) -> bool:
        """SQLite's quick check of every page (milliseconds for a history of a few MB): False
        when pages behind a good header are damaged, so the file can be kept aside at start-up
        instead of failing at the first History click or save."""
        try:
            with self._conn.read() as db:
                found = [str(r[0]) for r in db.execute(f"PRAGMA quick_check({_CHECKED})")]
        except DatabaseCorrupt:
            return False
        # A cell of a kind its column cannot hold (NULL in a NOT NULL column, a number in a
        # TEXT one) is one row's damage on readable pages: the reads list that session as
        # damaged, deleting it mends the file; keeping the whole file aside for it hid every
        # readable session (session 13).
        rows_only = len(found) < _CHECKED and all(_BAD_CELL.fullmatch(f) for f in found)
        return found == ["ok"] or rows_only

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        """Close the file; the last connection to close also folds the WAL back into it."""
        with self._conn.lock:
            if not self._conn.closed:
                self._owners.release_all()
                self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- transactions ----------------------------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group many writes into one transaction (imports, benchmarks), committed at the end.

        Only for bulk work: during a rehearsal each write must commit on its own.
        """
        with self._conn.write():
            yield

    @contextmanager
    def waiting_at_most(self, seconds: float) -> Iterator[None]:
        """Writes in this block wait at most ``seconds`` for a lock another process holds, then
        raise DatabaseLocked (the GUI thread's writes: a rehearsal retries them later)."""
        with self._conn.waiting_at_most(seconds):
            yield

    # -- writes ----------------------------------------------------------------------------
    def create_session(
        self,
        *,
        scenario_id: str,
        scenario_title: str,
        persona: str,
        mode: str,
        started_at: float,
        parent_session_id: int | None = None,
        retry_from_turn: int | None = None,
    ) -> int:
        """Start a session in status "active"; returns its id."""
        check_one_of(mode, MODES, "mode")
        with self._conn.write() as db:
            if parent_session_id is not None:
                self._require_session(parent_session_id)
            table = db.table("sessions")
            table.insert(
                {
                    "scenario_id": scenario_id,
                    "scenario_title": scenario_title,
                    "persona": persona,
                    "mode": mode,
                    "started_at": started_at,
                    "status": "active",
                    "parent_session_id": parent_session_id,
                    "retry_from_turn": retry_from_turn,
                }
            )
            session_id = int(table.last_rowid or 0)
            # Held before the row is visible to anyone else, so no other process's recovery
            # can take this live session for an interrupted one.
            self._owners.claim(session_id)
            return session_id

    def add_turn(
        self,
        session_id: int,
        *,
        idx: int,
        speaker: str,
        text: str,
        node_id: str | None = None,
        frame: str | None = None,
        score: float | None = None,
        cues: Sequence[Mapping[str, Any]] = (),
        started_at: float | None = None,
        ended_at: float | None = None,
        audio_path: str | None = None,
        recognizer_ms: float | None = None,
    ) -> int:
        """Save one line the moment it is said; returns the turn's id."""
        check(idx >= 0, f"idx must be 0 or more, not {idx}")
        check_one_of(speaker, SPEAKERS, "speaker")
        check_one_of(frame, FRAMES, "frame")
        check_audio_path(audio_path)
        cues_json = to_json([dict(c) for c in cues])
        with self._conn.write() as db:
            self._require_session(session_id)
            table = db.table("turns")
            try:
                table.insert(
                    {
                        "session_id": session_id,
                        "idx": idx,
                        "speaker": speaker,
                        "node_id": node_id,
                        "text": text,
                        "frame": frame,
                        "score": score,
                        "cues_json": cues_json,
                        "started_at": started_at,
                        "ended_at": ended_at,
                        "audio_path": audio_path,
                        "recognizer_ms": recognizer_ms,
                    }
                )
            except sqlite3.IntegrityError as exc:
                if "UNIQUE" not in str(exc):
                    raise
                raise StoreError(
                    f"Session {session_id} already has a turn {idx}.",
                    "Turns are numbered in the order they were said; this is a bug worth "
                    "reporting.",
                    path=self.path,
                ) from exc
            self._uncount(db, session_id)
            return int(table.last_rowid or 0)

    def update_turn_analysis(
        self,
        session_id: int,
        idx: int,
        *,
        frame: str,
        score: float,
        cues: Sequence[Mapping[str, Any]],
        text: str | None = None,
    ) -> None:
        """Replace a turn's frame, score and cues (the whole-transcript pass refines them), and
        its text when given (the accurate transcript replacing the provisional one)."""
        check_one_of(frame, FRAMES, "frame")
        cues_json = to_json([dict(c) for c in cues])
        with self._conn.write() as db:
            changed = db.execute(
                "UPDATE turns SET frame = ?, score = ?, cues_json = ?, text = COALESCE(?, text) "
                "WHERE session_id = ? AND idx = ?",
                (frame, score, cues_json, text, session_id, idx),
            ).rowcount
            if changed == 0:
                self._require_session(session_id)
                raise _no_turn(session_id, idx)
            self._uncount(db, session_id)

    def set_turn_audio(self, session_id: int, idx: int, audio_path: str | None) -> None:
        """Attach a recording rendered after its turn was saved (path relative to data dir)."""
        check_audio_path(audio_path)
        with self._conn.write() as db:
            changed = db.execute(
                "UPDATE turns SET audio_path = ? WHERE session_id = ? AND idx = ?",
                (audio_path, session_id, idx),
            ).rowcount
            if changed == 0:
                self._require_session(session_id)
                raise _no_turn(session_id, idx)

    def finish_session(
        self,
        session_id: int,
        *,
        status: str,
        ended_at: float,
        outcome_id: str | None = None,
        outcome_label: str | None = None,
        outcome_kind: str | None = None,
        analysis: Mapping[str, Any] | None = None,
        curious_questions: int | None = None,
    ) -> None:
        """Close a session with its outcome and the framing Analysis JSON (shift copied out).

        `curious_questions` is the seeker's count as `app.report.questions.curious_in` makes it
        from this analysis and the saved turns; without it (None) the session is counted
        lazily, when the History next opens (`uncounted_sessions`)."""
        check(status != "active", "a finished session cannot have status 'active'")
        check_one_of(status, STATUSES, "status")
        check(
            curious_questions is None or curious_questions >= 0,
            f"curious_questions must be 0 or more, not {curious_questions}",
        )
        shift_turn: int | None = None
        shift_cue: str | None = None
        analysis_json: str | None = None
        if analysis is not None:
            analysis_json = to_json(analysis)
            shift = analysis.get("shift")
            if isinstance(shift, Mapping):
                turn = shift.get("turn")
                cue = shift.get("cue")
                shift_turn = int(turn) if turn is not None else None
                shift_cue = str(cue) if cue is not None else None
        with self._conn.write() as db:
            changed = db.execute(
                "UPDATE sessions SET status = ?, ended_at = ?, outcome_id = ?, outcome_label = ?, "
                "outcome_kind = ?, analysis_json = ?, shift_turn = ?, shift_cue = ? WHERE id = ?",
                (
                    status,
                    ended_at,
                    outcome_id,
                    outcome_label,
                    outcome_kind,
                    analysis_json,
                    shift_turn,
                    shift_cue,
                    session_id,
                ),
            ).rowcount
            if changed == 0:
                raise NoSuchSession(session_id)
            if self._conn.has_question_counts:
                db.execute(
                    "UPDATE sessions SET curious_questions = ? WHERE id = ?",
                    (curious_questions, session_id),
                )
        self._owners.release(session_id)

    def set_question_counts(self, counts: Mapping[int, int]) -> None:
        """Store counts made later (`app.report.questions.count_sessions`: legacy rows) in one
        transaction. A session whose count was stored meanwhile (it was saved again) keeps
        that one. Raises StoreError like any write (a read-only or damaged file)."""
        if not counts:
            return
        check(all(n >= 0 for n in counts.values()), "question counts cannot be negative")
        if not self._conn.has_question_counts:
            return  # unreachable for a writable store: opening it migrated the file
        with self._conn.write() as db:
            db.conn.executemany(
                "UPDATE sessions SET curious_questions = ? "
                "WHERE id = ? AND curious_questions IS NULL",
                [(int(n), int(sid)) for sid, n in counts.items()],
            )

    def owns(self, session_id: int) -> bool:
        """Whether this Store is rehearsing `session_id` (created it and has not finished it)."""
        return self._owners.holds(session_id)

    def in_use_elsewhere(self, session_id: int) -> bool:
        """Whether another Store, in this process or another, is rehearsing `session_id` now."""
        return self._owners.owned_elsewhere(session_id)

    def mark_interrupted(self) -> int:
        """Turn sessions a crash left "active" into "interrupted"; returns how many.

        Only sessions no live process owns are touched: another window or a `play` running
        now keeps its session active. The end time becomes the last saved turn's, so the
        history shows when the talk stopped.
        """
        with self._conn.write() as db:
            orphans = [
                sid
                for sid in self._active_ids(db)
                if not self._owners.holds(sid) and not self._owners.owned_elsewhere(sid)
            ]
            for sid in orphans:
                db.execute(
                    """
                    UPDATE sessions SET status = 'interrupted', ended_at = coalesce(ended_at, (
                        SELECT max(coalesce(t.ended_at, t.started_at)) FROM turns AS t
                        WHERE t.session_id = sessions.id))
                    WHERE id = ? AND status = 'active'
                    """,
                    (sid,),
                )
        for sid in orphans:
            self._owners.forget(sid)
        return len(orphans)

    def delete_session(self, session_id: int) -> list[str]:
        """Delete a session and its turns; returns their audio paths for the caller to remove.

        Retries of it keep their own turns; their link back becomes NULL.
        """
        with self._conn.write() as db:
            self._require_session(session_id)
            if self._owners.owned_elsewhere(session_id):
                raise SessionInUse(session_id)
            paths = [
                str(row[0])
                for row in db.execute(
                    "SELECT audio_path FROM turns WHERE session_id = ? AND audio_path IS NOT NULL "
                    "ORDER BY idx",
                    (session_id,),
                )
            ]
            db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
        self._owners.release(session_id)
        self._owners.forget(session_id)
        self._conn.scrub_log()
        return paths

    def delete_all(self) -> list[str]:
        """Delete every session (except those another process is rehearsing right now);
        returns every deleted audio path for the caller to remove."""
        with self._conn.write() as db:
            live = [sid for sid in self._active_ids(db) if self._owners.owned_elsewhere(sid)]
            keep = ",".join(str(int(sid)) for sid in live) or "-1"
            paths = [
                str(row[0])
                for row in db.execute(
                    "SELECT audio_path FROM turns WHERE audio_path IS NOT NULL "
                    f"AND session_id NOT IN ({keep}) ORDER BY session_id, idx"
                )
            ]
            db.execute(f"DELETE FROM sessions WHERE id NOT IN ({keep})")
        self._owners.release_all()
        self._owners.tidy()
        self._conn.scrub_log()
        return paths

    @staticmethod
    def _active_ids(db: Database) -> list[int]:
        return [
            int(row[0]) for row in db.execute("SELECT id FROM sessions WHERE status = 'active'")
        ]

    # -- helpers ---------------------------------------------------------------------------
    def _uncount(self, db: Database, session_id: int) -> None:
        """A stored question count is made from the session's turns: a write to them clears
        it, so it is counted again (lazily) rather than shown stale. No page is written when
        there is no count (the usual case: a session under way)."""
        if self._conn.has_question_counts:
            db.execute(
                "UPDATE sessions SET curious_questions = NULL "
                "WHERE id = ? AND curious_questions IS NOT NULL",
                (session_id,),
            )

    def _require_session(self, session_id: int) -> None:
        row = self._conn.db.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise NoSuchSession(session_id)


#: How many problems `pages_readable` reads from SQLite's check (all must be bad cells).
_CHECKED = 1000
#: SQLite's words for one cell of the wrong kind (not a damaged page or index).
_BAD_CELL = re.compile(
    r"(NULL|NUMERIC|TEXT|BLOB|INTEGER|REAL|non-\w+) value in (sessions|turns)\.\w+"
)


def _no_turn(session_id: int, idx: int) -> StoreError:
    return StoreError(
        f"Session {session_id} has no turn {idx}.",
        "Save a turn before updating it; this is a bug worth reporting.",
    )
