"""The history database: one SQLite file of sessions and turns, written as things happen.

Durability choices, made once here:

- WAL journal: readers (the history screen, an export) never block the writer, and a commit is
  one append to the log.
- `synchronous=FULL`: every commit is fsync'ed before it returns, so a turn that was saved
  survives a power cut as well as a crash. With WAL, NORMAL would only lose commits on power
  loss, but a rehearsal writes a turn every few seconds at most, so the extra fsync (a few
  milliseconds) buys "nothing said is lost" for free.
- Every write method is its own transaction, committed before it returns.
- `BEGIN IMMEDIATE` takes the write lock up front, so a second process waits for the busy
  timeout instead of failing half-way with a lock it cannot upgrade.
- `secure_delete` plus a WAL checkpoint after deleting: a kiosk's reset or a user's delete must
  not leave what was said readable in free pages or in the log.

The connection may be used from any one thread at a time (the app serializes database work);
a re-entrant lock makes a second thread wait rather than interleave statements.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path, PurePath
from types import TracebackType
from typing import Any

from sqlite_utils import Database

from app.store.errors import (
    DatabaseCorrupt,
    NoSuchHistory,
    NoSuchSession,
    SessionInUse,
    StoreError,
    translate,
)
from app.store.owners import Owners
from app.store.records import FRAMES, MODES, SPEAKERS, STATUSES, SessionRecord, TurnRecord
from app.store.schema import MIGRATIONS, SCHEMA_VERSION, check_version, migrate, user_version

DEFAULT_BUSY_TIMEOUT_S = 5.0
_SQLITE_HEADER = b"SQLite format 3\x00"

_SESSION_SELECT = """
    SELECT s.*, (SELECT count(*) FROM turns AS t WHERE t.session_id = s.id) AS turn_count
    FROM sessions AS s
"""


def _check(ok: bool, what: str) -> None:
    """Reject a bad argument before it reaches SQL: these are bugs in the caller, not user input."""
    if not ok:
        raise ValueError(what)


def _check_one_of(value: str | None, allowed: frozenset[str], name: str) -> None:
    if value is not None:
        _check(value in allowed, f"{name} must be one of {sorted(allowed)}, not {value!r}")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


class Store:
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
        self._lock = threading.RLock()
        self._closed = False
        self._owners = Owners(self.path)
        try:
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            _check_header(self.path)
            conn = _connect(self.path, busy_timeout, read_only)
        except (sqlite3.Error, OSError) as exc:
            raise translate(exc, self.path) from exc
        try:
            with self._translating():
                self._db = Database(conn, execute_plugins=False)
                check_version(self._db, self.path)  # before WAL: a newer file is left untouched
                if read_only:
                    self._db.execute("PRAGMA query_only = ON")
                    if user_version(self._db) < SCHEMA_VERSION:
                        raise StoreError(
                            f"The history file {self.path} needs an upgrade, which needs "
                            "write access.",
                            "Run Frameshift once with write access to its data folder.",
                            path=self.path,
                        )
                else:
                    self._configure()
                    migrate(self._db, self.path, MIGRATIONS)
        except BaseException:
            conn.close()
            raise

    @classmethod
    def open_read_only(cls, path: Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S) -> Store:
        """Open an existing history only to read it: nothing is created, migrated or marked,
        so a read-only folder, mount or file is enough. NoSuchHistory when there is no file."""
        path = Path(path)
        if not path.is_file():
            raise NoSuchHistory(path)
        return cls(path, busy_timeout=busy_timeout, read_only=True)

    def _configure(self) -> None:
        db = self._db
        # Where the file system cannot do WAL (no shared memory, e.g. some network mounts),
        # SQLite keeps its rollback journal: slower for concurrent readers, just as safe.
        db.execute("PRAGMA journal_mode = WAL").fetchall()
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA secure_delete = ON")

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
            return cls(path, busy_timeout=busy_timeout), None
        except DatabaseCorrupt:
            pass
        kept = _move_aside(path)
        store = cls(path, busy_timeout=busy_timeout)
        return store, (
            f"The history file was damaged and could not be read. It was kept at {kept}, "
            "and a fresh history was started."
        )

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        """Close the file; the last connection to close also folds the WAL back into it."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._owners.release_all()
                self._db.close()

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
    def _translating(self) -> Iterator[None]:
        try:
            yield
        except (sqlite3.Error, OSError) as exc:
            raise translate(exc, self.path) from exc

    @contextmanager
    def _read(self) -> Iterator[Database]:
        with self._lock, self._translating():
            yield self._db

    @contextmanager
    def _write(self) -> Iterator[Database]:
        """One committed transaction, or a savepoint inside `batch()`."""
        with self._lock, self._translating():
            db = self._db
            if db.conn.in_transaction:
                db.execute("SAVEPOINT store_write")
                try:
                    yield db
                except BaseException:
                    db.execute("ROLLBACK TO store_write")
                    db.execute("RELEASE store_write")
                    raise
                db.execute("RELEASE store_write")
                return
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                if db.conn.in_transaction:
                    db.execute("ROLLBACK")
                raise

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group many writes into one transaction (imports, benchmarks), committed at the end.

        Only for bulk work: during a rehearsal each write must commit on its own.
        """
        with self._write():
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
        _check_one_of(mode, MODES, "mode")
        with self._write() as db:
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
        _check(idx >= 0, f"idx must be 0 or more, not {idx}")
        _check_one_of(speaker, SPEAKERS, "speaker")
        _check_one_of(frame, FRAMES, "frame")
        _check_audio_path(audio_path)
        cues_json = _dumps([dict(c) for c in cues])
        with self._write() as db:
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
            return int(table.last_rowid or 0)

    def update_turn_analysis(
        self,
        session_id: int,
        idx: int,
        *,
        frame: str,
        score: float,
        cues: Sequence[Mapping[str, Any]],
    ) -> None:
        """Replace a turn's frame, score and cues (the whole-transcript pass refines them)."""
        _check_one_of(frame, FRAMES, "frame")
        cues_json = _dumps([dict(c) for c in cues])
        with self._write() as db:
            changed = db.execute(
                "UPDATE turns SET frame = ?, score = ?, cues_json = ? "
                "WHERE session_id = ? AND idx = ?",
                (frame, score, cues_json, session_id, idx),
            ).rowcount
            if changed == 0:
                self._require_session(session_id)
                raise _no_turn(session_id, idx)

    def set_turn_audio(self, session_id: int, idx: int, audio_path: str | None) -> None:
        """Attach a recording rendered after its turn was saved (path relative to data dir)."""
        _check_audio_path(audio_path)
        with self._write() as db:
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
    ) -> None:
        """Close a session with its outcome and the framing Analysis JSON (shift copied out)."""
        _check(status != "active", "a finished session cannot have status 'active'")
        _check_one_of(status, STATUSES, "status")
        shift_turn: int | None = None
        shift_cue: str | None = None
        analysis_json: str | None = None
        if analysis is not None:
            analysis_json = _dumps(analysis)
            shift = analysis.get("shift")
            if isinstance(shift, Mapping):
                turn = shift.get("turn")
                cue = shift.get("cue")
                shift_turn = int(turn) if turn is not None else None
                shift_cue = str(cue) if cue is not None else None
        with self._write() as db:
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
        self._owners.release(session_id)

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
        with self._write() as db:
            active = [
                int(row[0]) for row in db.execute("SELECT id FROM sessions WHERE status = 'active'")
            ]
            orphans = [
                sid
                for sid in active
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

    def session_ids(self) -> set[int]:
        """Every session id in the history (to find recordings whose session is gone)."""
        with self._read() as db:
            return {int(row[0]) for row in db.execute("SELECT id FROM sessions")}

    def delete_session(self, session_id: int) -> list[str]:
        """Delete a session and its turns; returns their audio paths for the caller to remove.

        Retries of it keep their own turns; their link back becomes NULL.
        """
        with self._write() as db:
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
        self._scrub_log()
        return paths

    def delete_all(self) -> list[str]:
        """Delete every session (except those another process is rehearsing right now);
        returns every deleted audio path for the caller to remove."""
        with self._write() as db:
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
        self._scrub_log()
        return paths

    @staticmethod
    def _active_ids(db: Database) -> list[int]:
        return [
            int(row[0]) for row in db.execute("SELECT id FROM sessions WHERE status = 'active'")
        ]

    def _scrub_log(self) -> None:
        """Copy the zeroed pages into the file and empty the WAL, where old text would linger."""
        try:
            with self._read() as db:
                if not db.conn.in_transaction:
                    db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except StoreError:
            # The delete itself is committed; a busy reader only delays the scrub until the
            # next checkpoint, so reporting failure here would be wrong.
            pass

    # -- reads -----------------------------------------------------------------------------
    def session(self, session_id: int) -> SessionRecord:
        """One session; raises NoSuchSession (a StoreError) when it is not there."""
        with self._read() as db:
            rows = list(db.query(_SESSION_SELECT + " WHERE s.id = ?", (session_id,)))
        if not rows:
            raise NoSuchSession(session_id)
        return SessionRecord.from_row(rows[0])

    def turns(self, session_id: int) -> list[TurnRecord]:
        """The session's turns in the order they were said (empty for an unknown session)."""
        with self._read() as db:
            rows = list(
                db.query("SELECT * FROM turns WHERE session_id = ? ORDER BY idx", (session_id,))
            )
        return [TurnRecord.from_row(row) for row in rows]

    def sessions(self, *, limit: int | None = None, offset: int = 0) -> list[SessionRecord]:
        """A page of the history, newest first."""
        _check(limit is None or limit >= 0, "limit must be 0 or more")
        _check(offset >= 0, "offset must be 0 or more")
        with self._read() as db:
            rows = list(
                db.query(
                    _SESSION_SELECT + " ORDER BY s.started_at DESC, s.id DESC LIMIT ? OFFSET ?",
                    (-1 if limit is None else limit, offset),
                )
            )
        return [SessionRecord.from_row(row) for row in rows]

    def count_sessions(self) -> int:
        """How many sessions the history holds."""
        with self._read() as db:
            return int(db.execute("SELECT count(*) FROM sessions").fetchone()[0])

    def interrupted_sessions(self) -> list[SessionRecord]:
        """Sessions a crash cut short (after `mark_interrupted`), newest first."""
        with self._read() as db:
            rows = list(
                db.query(
                    _SESSION_SELECT
                    + " WHERE s.status = 'interrupted' ORDER BY s.started_at DESC, s.id DESC"
                )
            )
        return [SessionRecord.from_row(row) for row in rows]

    def progress(self) -> list[dict[str, Any]]:
        """Per finished session, oldest first: did it shift, how many questions did I ask.

        Keys: id, scenario_id, started_at, shifted (bool), seeker_questions (int | None, from
        the analysis' `metrics.questions.seeker.count` when present). Read in SQL, so the history
        chart never parses thousands of analysis documents in Python.
        """
        with self._read() as db:
            rows = db.execute(
                """
                SELECT id, scenario_id, started_at, shift_turn IS NOT NULL,
                       json_extract(analysis_json, '$.metrics.questions.seeker.count')
                FROM sessions WHERE status = 'finished' ORDER BY started_at, id
                """
            ).fetchall()
        return [
            {
                "id": row[0],
                "scenario_id": row[1],
                "started_at": row[2],
                "shifted": bool(row[3]),
                "seeker_questions": row[4],
            }
            for row in rows
        ]

    def integrity_check(self) -> str:
        """ "ok", or what SQLite found wrong (damaged pages, broken links between rows)."""
        try:
            with self._read() as db:
                problems = [str(r[0]) for r in db.execute("PRAGMA integrity_check").fetchall()]
                if problems == ["ok"]:
                    problems = []
                for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall():
                    problems.append(f"row {rowid} of {table} points to a missing {parent} row")
        except StoreError as exc:
            return exc.message
        return "; ".join(problems) if problems else "ok"

    # -- helpers ---------------------------------------------------------------------------
    def _require_session(self, session_id: int) -> None:
        row = self._db.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise NoSuchSession(session_id)


def _no_turn(session_id: int, idx: int) -> StoreError:
    return StoreError(
        f"Session {session_id} has no turn {idx}.",
        "Save a turn before updating it; this is a bug worth reporting.",
    )


def _check_audio_path(audio_path: str | None) -> None:
    if audio_path is not None:
        _check(
            not PurePath(audio_path).is_absolute(),
            f"audio_path must be relative to the data dir, not {audio_path!r}",
        )


def _connect(path: Path, busy_timeout: float, read_only: bool) -> sqlite3.Connection:
    """A connection with no implicit transactions (each write says where it ends).

    Read-only opens use `mode=ro`; where even that needs to create the WAL index (`-shm`) in a
    folder that cannot be written, the file is opened `immutable` (nothing can write it there).
    """
    if not read_only:
        return sqlite3.connect(
            path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
        )
    uri = path.resolve().as_uri()
    for mode in ("mode=ro", "immutable=1"):
        conn = sqlite3.connect(
            f"{uri}?{mode}",
            uri=True,
            timeout=busy_timeout,
            isolation_level=None,
            check_same_thread=False,
        )
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            conn.close()
            if mode == "immutable=1":
                raise
            continue
        return conn
    raise AssertionError("unreachable")


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite before SQLite touches it.

    Given such a file, SQLite still opens a `-wal` beside it and deletes that log on close, which
    would destroy the newest turns before `open_or_recover` could keep them aside.
    """
    try:
        with path.open("rb") as file:
            head = file.read(len(_SQLITE_HEADER))
    except FileNotFoundError:
        return
    if head and head != _SQLITE_HEADER:
        raise DatabaseCorrupt(path, "file is not a database")


def _move_aside(path: Path) -> Path:
    """Rename a damaged file (and its -wal/-shm) to `<stem>.corrupt-<timestamp><suffix>`."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.stem}.corrupt-{stamp}{path.suffix}")
    n = 1
    while kept.exists():
        n += 1
        kept = path.with_name(f"{path.stem}.corrupt-{stamp}-{n}{path.suffix}")
    try:
        os.replace(path, kept)
        for extra in ("-wal", "-shm"):
            side = Path(f"{path}{extra}")
            if side.exists():
                os.replace(side, Path(f"{kept}{extra}"))
    except OSError as exc:
        raise translate(exc, path) from exc
    return kept
