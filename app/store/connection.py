"""The SQLite file and the one connection to it: how every statement reaches the disk.

Durability choices, made once here:

- WAL journal: readers (the history screen, an export) never block the writer, and a commit is
  one append to the log.
- `synchronous=FULL`: every commit is fsync'ed before it returns, so a turn that was saved
  survives a power cut as well as a crash. With WAL, NORMAL would only lose commits on power
  loss, but a rehearsal writes a turn every few seconds at most, so the extra fsync (a few
  milliseconds) buys "nothing said is lost" for free.
- Every write (`Connection.write`) is its own transaction, committed before it returns.
- `BEGIN IMMEDIATE` takes the write lock up front, so a second process waits for the busy
  timeout instead of failing half-way with a lock it cannot upgrade. A caller on the GUI thread
  waits less (`Connection.waiting_at_most`, `Store.waiting_at_most`): a rehearsal keeps a write
  the lock refused in memory and retries it, rather than freeze the window for the timeout.
- `secure_delete` plus a WAL checkpoint after deleting (`Connection.scrub_log`): a kiosk's reset
  or a user's delete must not leave what was said readable in free pages or in the log.

The connection may be used from any one thread at a time (the app serializes database work);
a re-entrant lock makes a second thread wait rather than interleave statements. Every SQLite or
OS error leaves here translated into a StoreError (`errors.translate`).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from app.store.errors import DatabaseCorrupt, StoreError, translate
from app.store.schema import (
    MIGRATIONS,
    OLDEST_READABLE,
    QUESTION_COUNTS,
    check_version,
    migrate,
    user_version,
)

DEFAULT_BUSY_TIMEOUT_S = 5.0
_SQLITE_HEADER = b"SQLite format 3\x00"


class Connection:
    """The history file opened (and migrated, unless read-only) with the choices above."""

    def __init__(self, path: Path, *, busy_timeout: float, read_only: bool) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.busy_timeout = busy_timeout
        self.lock = threading.RLock()
        self.closed = False
        try:
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            _check_header(self.path)
            conn = _connect(self.path, busy_timeout, read_only)
        except (sqlite3.Error, OSError) as exc:
            raise translate(exc, self.path) from exc
        try:
            with self.translating():
                self.db = Database(conn, execute_plugins=False)
                check_version(self.db, self.path)  # before WAL: a newer file is left untouched
                if read_only:
                    self.db.execute("PRAGMA query_only = ON")
                    if user_version(self.db) < OLDEST_READABLE:
                        raise StoreError(
                            f"The history file {self.path} needs an upgrade, which needs "
                            "write access.",
                            "Run Frameshift once with write access to its data folder.",
                            path=self.path,
                        )
                else:
                    self._configure()
                    migrate(self.db, self.path, MIGRATIONS)
                #: Whether the file stores each session's question count by today's rule (a
                #: read-only file may be older: its counts are then made in memory, never
                #: written, and a stale count in it is never read).
                self.has_question_counts = user_version(self.db) >= QUESTION_COUNTS
        except BaseException:
            conn.close()
            raise

    def _configure(self) -> None:
        db = self.db
        # Where the file system cannot do WAL (no shared memory, e.g. some network mounts),
        # SQLite keeps its rollback journal: slower for concurrent readers, just as safe.
        db.execute("PRAGMA journal_mode = WAL").fetchall()
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA secure_delete = ON")

    def close(self) -> None:
        """Close the file; the last connection to close also folds the WAL back into it."""
        with self.lock:
            if not self.closed:
                self.closed = True
                self.db.close()

    # -- transactions ----------------------------------------------------------------------
    @contextmanager
    def translating(self) -> Iterator[None]:
        try:
            yield
        except (sqlite3.Error, OSError) as exc:
            raise translate(exc, self.path) from exc

    @contextmanager
    def waiting_at_most(self, seconds: float) -> Iterator[None]:
        """Statements in this block wait at most ``seconds`` for another process's lock (then
        DatabaseLocked), not the busy timeout the file was opened with."""
        with self.lock:
            self._set_busy_timeout(seconds)
            try:
                yield
            finally:
                if not self.closed:
                    self._set_busy_timeout(self.busy_timeout)

    def _set_busy_timeout(self, seconds: float) -> None:
        with self.translating():
            self.db.execute(f"PRAGMA busy_timeout = {max(0, round(seconds * 1000))}").fetchall()

    @contextmanager
    def read(self) -> Iterator[Database]:
        with self.lock, self.translating():
            yield self.db

    @contextmanager
    def write(self) -> Iterator[Database]:
        """One committed transaction, or a savepoint inside an open one (`Store.batch`)."""
        with self.lock, self.translating():
            db = self.db
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

    def scrub_log(self) -> None:
        """Copy the zeroed pages into the file and empty the WAL, where old text would linger."""
        try:
            with self.read() as db:
                if not db.conn.in_transaction:
                    db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except StoreError:
            # The delete itself is committed; a busy reader only delays the scrub until the
            # next checkpoint, so reporting failure here would be wrong.
            pass


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
    would destroy the newest turns before `Store.open_or_recover` could keep them aside.
    """
    try:
        with path.open("rb") as file:
            head = file.read(len(_SQLITE_HEADER))
    except FileNotFoundError:
        return
    if head and head != _SQLITE_HEADER:
        raise DatabaseCorrupt(path, "file is not a database")


def move_aside(path: Path) -> Path:
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
