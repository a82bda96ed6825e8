"""What users meet when the file is damaged, locked, read-only, full, or the app is killed."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from store_helpers import new_session

from app.store import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseReadOnly,
    DiskFull,
    Store,
    StoreError,
    translate,
)

REPO = Path(__file__).resolve().parents[3]


def _filled(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = new_session(store)
        store.add_turn(sid, idx=0, speaker="seeker", text="hello")


# -- corrupt ---------------------------------------------------------------------------------
def test_random_bytes_over_the_file_raise_database_corrupt(db_path: Path) -> None:
    """A file that is no longer SQLite is reported as damaged, with a way forward."""
    _filled(db_path)
    db_path.write_bytes(os.urandom(db_path.stat().st_size))
    with pytest.raises(DatabaseCorrupt) as caught:
        Store(db_path)
    assert str(db_path) in caught.value.message
    assert "fresh history" in caught.value.hint


def test_open_or_recover_keeps_the_damaged_file_aside_and_starts_fresh(db_path: Path) -> None:
    """The damaged bytes are kept, renamed, and a fresh empty history opens in their place."""
    _filled(db_path)
    garbage = os.urandom(db_path.stat().st_size)
    db_path.write_bytes(garbage)
    Path(f"{db_path}-wal").write_bytes(b"stale log")

    store, message = Store.open_or_recover(db_path)
    with store:
        assert store.count_sessions() == 0
        new_session(store)
    [kept] = db_path.parent.glob("frameshift.corrupt-*.db")
    assert kept.read_bytes() == garbage
    assert Path(f"{kept}-wal").read_bytes() == b"stale log"
    assert message is not None
    assert str(kept) in message


def test_open_or_recover_on_a_healthy_file_says_nothing(db_path: Path) -> None:
    """No recovery, no message, no file moved."""
    _filled(db_path)
    store, message = Store.open_or_recover(db_path)
    with store:
        assert store.count_sessions() == 1
    assert message is None
    assert list(db_path.parent.glob("*corrupt*")) == []


def test_damaged_pages_behind_a_good_header_are_found(db_path: Path) -> None:
    """Garbage after page 1 makes reads raise DatabaseCorrupt and integrity_check name it."""
    _filled(db_path)
    data = bytearray(db_path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = os.urandom(len(data) - page)
    db_path.write_bytes(bytes(data))
    with Store(db_path) as store:
        with pytest.raises(DatabaseCorrupt):
            store.sessions()
        assert store.integrity_check() != "ok"


def _bigger(db_path: Path, sessions: int) -> None:
    with Store(db_path) as store:
        for n in range(sessions):
            sid = new_session(store)
            for idx in range(6):
                store.add_turn(sid, idx=idx, speaker="seeker", text=f"answer {n}-{idx} " * 20)


@pytest.mark.parametrize("seed", range(24))
def test_damage_behind_a_good_header_is_kept_aside_at_open(db_path: Path, seed: int) -> None:
    """Trial 7 G19: bytes overwritten somewhere after page 1 (a random run of 100 B to 8 KB, at
    a random place) left the file opening fine and every History click or save failing. Now
    open_or_recover either finds nothing wrong that a read or write meets, or keeps the damaged
    bytes aside, byte for byte, and starts a fresh history that works."""
    rng = random.Random(seed)
    _bigger(db_path, sessions=rng.randint(3, 40))
    data = bytearray(db_path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    start = rng.randrange(page, len(data) - 100)
    length = min(rng.randint(100, 8192), len(data) - start)
    data[start : start + length] = rng.randbytes(length)
    db_path.write_bytes(bytes(data))

    store, message = Store.open_or_recover(db_path)
    with store:
        store.count_sessions()  # neither raises: the history that opened is readable...
        store.sessions(limit=1000)
        new_session(store)  # ...and writable
        assert store.integrity_check() == "ok" or message is None
    kept = list(db_path.parent.glob("frameshift.corrupt-*.db"))
    if message is None:
        assert kept == []
    else:
        assert len(kept) == 1
        assert kept[0].read_bytes() == bytes(data)
        assert str(kept[0]) in message


def test_integrity_check_of_a_healthy_file_is_ok(store: Store) -> None:
    """A store with rows passes SQLite's integrity and foreign-key checks."""
    store.add_turn(new_session(store), idx=0, speaker="seeker", text="hi")
    assert store.integrity_check() == "ok"


# -- read-only -------------------------------------------------------------------------------
def test_write_to_a_read_only_database_raises_database_read_only(store: Store) -> None:
    """A refused write (simulated with query_only, which binds root too) asks for a writable dir."""
    store._db.execute("PRAGMA query_only = ON")
    with pytest.raises(DatabaseReadOnly) as caught:
        new_session(store)
    assert "writable --data-dir" in caught.value.hint
    store._db.execute("PRAGMA query_only = OFF")
    new_session(store)


def test_real_read_only_connection_error_translates(db_path: Path) -> None:
    """The error SQLite raises on a mode=ro connection becomes DatabaseReadOnly."""
    _filled(db_path)
    with (
        closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as raw,
        pytest.raises(sqlite3.OperationalError) as caught,
    ):
        raw.execute("DELETE FROM turns")
    assert isinstance(translate(caught.value, db_path), DatabaseReadOnly)


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root ignores file permissions; the query_only and mode=ro tests cover this",
)
def test_chmod_read_only_file_raises_database_read_only(db_path: Path) -> None:
    """A database file without write permission is reported, not crashed on."""
    _filled(db_path)
    db_path.chmod(0o444)
    try:
        with pytest.raises(DatabaseReadOnly), Store(db_path) as store:
            new_session(store)
    finally:
        db_path.chmod(0o644)


def test_a_data_dir_that_cannot_be_made_is_a_store_error(tmp_path: Path) -> None:
    """A data dir path that runs through a file gives a sentence naming the path."""
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    with pytest.raises(StoreError) as caught:
        Store(blocker / "frameshift.db")
    assert str(blocker) in caught.value.message
    assert "--data-dir" in caught.value.hint


# -- locked ----------------------------------------------------------------------------------
def test_write_while_another_process_holds_the_lock_raises_database_locked(db_path: Path) -> None:
    """BEGIN EXCLUSIVE elsewhere makes a write wait the busy timeout, then say who to close."""
    _filled(db_path)
    with closing(sqlite3.connect(db_path, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")
        with Store(db_path, busy_timeout=0.1) as store:
            assert store.count_sessions() == 1  # WAL: reading still works
            started = time.monotonic()
            with pytest.raises(DatabaseLocked) as caught:
                new_session(store)
            assert time.monotonic() - started < 3
        other.execute("ROLLBACK")
    assert caught.value.message.startswith(f"Another program is using {db_path} ")
    assert "--data-dir" in caught.value.hint


def test_opening_a_file_locked_before_wal_raises_database_locked(db_path: Path) -> None:
    """A rollback-journal file held exclusively cannot even be opened: DatabaseLocked."""
    db_path.parent.mkdir(parents=True)
    with closing(sqlite3.connect(db_path, isolation_level=None)) as other:
        other.execute("CREATE TABLE t (x)")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(DatabaseLocked):
            Store(db_path, busy_timeout=0.1)
        other.execute("ROLLBACK")


# -- disk full -------------------------------------------------------------------------------
def test_disk_full_error_translates_to_disk_full() -> None:
    """SQLite's "database or disk is full" becomes DiskFull, keeping the user's words safe."""
    exc = sqlite3.OperationalError("database or disk is full")
    error = translate(exc, Path("/data/frameshift.db"))
    assert isinstance(error, DiskFull)
    assert error.message == "The disk holding /data/frameshift.db is full."
    assert "saved when you retry" in error.hint
    assert isinstance(translate(OSError(28, "No space left on device"), Path("x")), DiskFull)


def test_a_full_database_refuses_the_write_and_the_retry_succeeds(store: Store) -> None:
    """A real SQLITE_FULL (page cap reached) rolls the write back; the same call works later."""
    sid = new_session(store)
    store.add_turn(sid, idx=0, speaker="manager", text="Hi")
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")
    long_answer = "I would love to hear how the team works. " * 500
    with pytest.raises(DiskFull):
        store.add_turn(sid, idx=1, speaker="seeker", text=long_answer)
    assert [t.idx for t in store.turns(sid)] == [0]
    store._db.execute("PRAGMA max_page_count = 1073741823")
    store.add_turn(sid, idx=1, speaker="seeker", text=long_answer)
    assert store.turns(sid)[1].text == long_answer


@pytest.mark.parametrize(
    ("raised", "expected"),
    [
        (sqlite3.OperationalError("database is locked"), DatabaseLocked),
        (sqlite3.OperationalError("attempt to write a readonly database"), DatabaseReadOnly),
        (sqlite3.DatabaseError("file is not a database"), DatabaseCorrupt),
        (sqlite3.DatabaseError("database disk image is malformed"), DatabaseCorrupt),
        (sqlite3.OperationalError("database or disk is full"), DiskFull),
        (PermissionError(13, "Permission denied"), DatabaseReadOnly),
        (sqlite3.OperationalError("something new"), StoreError),
    ],
)
def test_translation_gives_a_sentence_and_a_way_forward(
    raised: BaseException, expected: type[StoreError]
) -> None:
    """Every translated error is the right class, with a message and a hint ending in '.'."""
    error = translate(raised, Path("/data/frameshift.db"))
    assert type(error) is expected
    assert error.message.endswith(".")
    assert error.hint.endswith(".")
    assert str(error) == f"{error.message} {error.hint}"


# -- crash -----------------------------------------------------------------------------------
CHILD = """
import sys, time
from pathlib import Path
from app.store import Store

store = Store(Path(sys.argv[1]))
sid = store.create_session(scenario_id="coffee-chat", scenario_title="Coffee", persona="Dana",
                           mode="voice", started_at=100.0)
for idx in range(3):
    store.add_turn(sid, idx=idx, speaker="seeker" if idx % 2 else "manager",
                   text=f"line {idx}", started_at=101.0 + idx, ended_at=101.5 + idx)
with store.batch():
    store.add_turn(sid, idx=3, speaker="seeker", text="never committed")
    print(sid, flush=True)
    time.sleep(60)
"""


def test_turns_committed_before_a_sigkill_survive_it(db_path: Path) -> None:
    """Killing the app mid-session keeps every committed turn and none that was not."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_path)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip(), child.stderr.read() if child.stderr else "child said nothing"
        sid = int(line)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=10)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode == -signal.SIGKILL

    with Store(db_path) as store:
        assert [t.text for t in store.turns(sid)] == ["line 0", "line 1", "line 2"]
        assert store.session(sid).status == "active"
        assert store.mark_interrupted() == 1
        [record] = store.interrupted_sessions()
        assert (record.id, record.ended_at, record.turn_count) == (sid, 103.5, 3)
        assert store.integrity_check() == "ok"
