"""Storage faults: each gets a sentence and a way forward, and the session is never lost."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from app.config import Settings
from app.dialogue import Scenario
from app.session.conversation import Conversation
from app.session.storage import open_store
from app.store import SCHEMA_VERSION, Store
from tests.disks import fill, remount

ANSWERS = [
    "Thanks so much for making time, I'm curious how you got into product work",
    "What surprised you most when you moved into it?",
    "I'm honestly not sure yet whether it's for me, I'd like to learn more first",
    "Who else do you think I should talk to?",
    "What advice would you give someone in my position?",
    "That's really helpful, thank you",
]
LONG = " and what does a normal week look like for your team" * 200  # ~10 KB per answer


def _play(conv: Conversation, answers: list[str]) -> None:
    for text in answers:
        if conv.reached_end:
            return
        conv.answer(text)


def _saved_texts(store: Store, sid: int) -> list[tuple[int, str, str]]:
    return [(t.idx, t.speaker, t.text) for t in store.turns(sid)]


def _in_memory(conv: Conversation) -> list[tuple[int, str, str]]:
    return [(t.idx, t.speaker, t.text) for t in conv.turns]


def _open(data_dir: Path) -> tuple[Store, list[str]]:
    store, notices = open_store(Settings(data_dir=data_dir))
    assert store is not None, notices
    return store, notices


# -- locked ------------------------------------------------------------------------------------
LOCKER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


def test_locked_by_another_process_keeps_turns_until_it_lets_go(
    tmp_path: Path, scenario: Scenario
) -> None:
    """Another process holding the lock: a sentence naming the file, turns kept in memory,
    all written by flush() once the lock is released."""
    db = tmp_path / "frameshift.db"
    notices: list[str] = []
    with Store(db, busy_timeout=0.2) as store:
        conv = Conversation(scenario, store, on_notice=notices.append)
        conv.begin()
        conv.answer(ANSWERS[0])
        locker = subprocess.Popen(
            [sys.executable, "-c", LOCKER, str(db)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert locker.stdout is not None
            assert locker.stdin is not None
            assert locker.stdout.readline() == "locked\n"
            _play(conv, ANSWERS[1:3])
            assert conv.unsaved > 0
            assert notices[-1].startswith(f"Another program is using {db} ")
            assert "--data-dir" in notices[-1]
            assert "kept in memory" in notices[-1]
            assert not conv.flush()  # still locked: nothing lost, nothing written
            locker.stdin.write("go\n")
            locker.stdin.flush()
            assert locker.wait(timeout=10) == 0
        finally:
            if locker.poll() is None:
                locker.kill()
                locker.wait()
            for stream in (locker.stdin, locker.stdout):
                if stream is not None:
                    stream.close()
        assert conv.flush()
        assert conv.session_id is not None
        assert _saved_texts(store, conv.session_id) == _in_memory(conv)


# -- read-only ---------------------------------------------------------------------------------
def test_read_only_mid_rehearsal_keeps_turns_until_writable(
    tmp_path: Path, scenario: Scenario
) -> None:
    """A database that turns read-only (query_only) refuses writes with a sentence; flush()
    writes every kept turn when it is writable again."""
    store, _ = _open(tmp_path)
    notices: list[str] = []
    with store:
        conv = Conversation(scenario, store, on_notice=notices.append)
        conv.begin()
        conv.answer(ANSWERS[0])
        store._db.execute("PRAGMA query_only = ON")
        _play(conv, ANSWERS[1:4])
        assert conv.unsaved > 0
        assert notices[-1].startswith(f"Frameshift cannot write to {store.path}.")
        assert "writable --data-dir" in notices[-1]
        store._db.execute("PRAGMA query_only = OFF")
        assert conv.flush()
        assert conv.session_id is not None
        assert _saved_texts(store, conv.session_id) == _in_memory(conv)


def test_read_only_mount_at_start_explains_and_the_rehearsal_still_runs(
    tmpfs: Callable[[str], Path], scenario: Scenario
) -> None:
    """On a read-only file system the history is off with a sentence saying why and what to do;
    the file is untouched and a rehearsal still runs from memory."""
    data_dir = tmpfs("4m") / "data"
    store, _ = _open(data_dir)
    with store:
        first = Conversation(scenario, store)
        first.begin()
        _play(first, ANSWERS)
        first.end()
    before = (data_dir / "frameshift.db").read_bytes()
    remount(data_dir.parent, "ro")
    try:
        store, notices = open_store(Settings(data_dir=data_dir))
        assert store is None
        assert notices == [  # the cause (a read-only disk) and the folder, once (trial6 F22)
            f"Nothing can be saved: the data folder {data_dir} is on a read-only disk. "
            "Rehearsals still run but are not kept; start Frameshift with --data-dir DIR on a "
            "writable disk to keep them."
        ]
        conv = Conversation(scenario, None)
        conv.begin()
        _play(conv, ANSWERS)
        analysis = conv.end()
        assert len(analysis.turns) == len(conv.turns) > 2
    finally:
        remount(data_dir.parent, "rw")
    assert (data_dir / "frameshift.db").read_bytes() == before


# -- corrupt -----------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_corrupt_file_is_kept_aside_and_a_fresh_history_started(
    tmp_path: Path, scenario: Scenario, seed: int
) -> None:
    """Random bytes over the file: the next start keeps the damaged file aside, byte for byte,
    says where, and a fresh history takes new rehearsals."""
    store, _ = _open(tmp_path)
    with store:
        conv = Conversation(scenario, store)
        conv.begin()
        _play(conv, ANSWERS)
        conv.end()
    db = tmp_path / "frameshift.db"
    rng = random.Random(seed)
    damage = bytes(rng.randrange(256) for _ in range(db.stat().st_size))
    db.write_bytes(damage)

    store, notices = _open(tmp_path)
    with store:
        kept = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
        assert len(kept) == 1
        assert kept[0].read_bytes() == damage
        assert notices == [
            "The history file was damaged and could not be read. It was kept at "
            f"{kept[0]}, and a fresh history was started."
        ]
        assert store.count_sessions() == 0
        conv = Conversation(scenario, store)
        conv.begin()
        _play(conv, ANSWERS)
        conv.end()
        assert conv.session_id is not None
        assert _saved_texts(store, conv.session_id) == _in_memory(conv)
        assert store.integrity_check() == "ok"


# -- disk full ---------------------------------------------------------------------------------
def test_full_disk_mid_rehearsal_keeps_turns_and_flush_writes_them(
    tmpfs: Callable[[str], Path], scenario: Scenario
) -> None:
    """A real full disk (512 KB tmpfs) mid-rehearsal: a sentence, turns kept in memory, and
    after space is freed flush() writes every one of them, in order."""
    folder = tmpfs("512k")
    store, _ = _open(folder / "data")
    notices: list[str] = []
    with store:
        conv = Conversation(scenario, store, on_notice=notices.append)
        conv.begin()
        conv.answer(ANSWERS[0])
        filler = fill(folder)
        _play(conv, [a + LONG for a in ANSWERS[1:]])
        assert conv.unsaved >= 2
        assert notices[-1].startswith(f"The disk holding {store.path} is full.")
        assert "kept in memory" in notices[-1]
        assert not conv.flush()
        filler.unlink()
        analysis = conv.end()
        assert conv.flush()
        assert notices[-1] == ""  # written at last: the failure is over (the banner lets go)
        assert conv.session_id is not None
        assert _saved_texts(store, conv.session_id) == _in_memory(conv)
        session = store.session(conv.session_id)
        assert session.status == conv.status
        assert session.turn_count == len(analysis.turns)
        assert store.integrity_check() == "ok"


def test_full_database_by_page_cap_keeps_turns_and_flush_writes_them(
    tmp_path: Path, scenario: Scenario
) -> None:
    """The same guarantee without mount rights: SQLite's max_page_count makes the file full."""
    store, _ = _open(tmp_path)
    notices: list[str] = []
    with store:
        conv = Conversation(scenario, store, on_notice=notices.append)
        conv.begin()
        conv.answer(ANSWERS[0])
        pages = store._db.execute("PRAGMA page_count").fetchone()[0]
        store._db.execute(f"PRAGMA max_page_count = {pages}")
        _play(conv, [a + LONG for a in ANSWERS[1:]])
        assert conv.unsaved >= 2
        assert notices[-1].startswith(f"The disk holding {store.path} is full.")
        store._db.execute("PRAGMA max_page_count = 1073741823")
        conv.end()
        assert conv.flush()
        assert conv.session_id is not None
        assert _saved_texts(store, conv.session_id) == _in_memory(conv)


def test_full_disk_before_the_first_line_still_saves_the_whole_session(
    tmpfs: Callable[[str], Path], scenario: Scenario
) -> None:
    """Even the session row can wait: a disk full when the rehearsal starts loses nothing
    once space is back."""
    folder = tmpfs("512k")
    store, _ = _open(folder / "data")
    notices: list[str] = []
    with store:
        filler = fill(folder)
        conv = Conversation(scenario, store, on_notice=notices.append)
        conv.begin()
        _play(conv, ANSWERS[:2])
        assert conv.session_id is None
        assert conv.unsaved > 0
        assert notices[-1].startswith(f"The disk holding {store.path} is full.")
        filler.unlink()
        conv.end()
        assert conv.flush()
        assert conv.session_id is not None
        assert _saved_texts(store, conv.session_id) == _in_memory(conv)
        assert store.session(conv.session_id).status == conv.status


def test_read_only_before_the_first_line_still_saves_the_whole_session(
    tmp_path: Path, scenario: Scenario
) -> None:
    """The same without mount rights: a database read-only (query_only) at the start keeps the
    session row and its turns in memory until it is writable."""
    store, _ = _open(tmp_path)
    notices: list[str] = []
    with store:
        store._db.execute("PRAGMA query_only = ON")
        conv = Conversation(scenario, store, on_notice=notices.append)
        conv.begin()
        _play(conv, ANSWERS[:2])
        assert conv.session_id is None
        assert conv.unsaved == 1 + len(conv.turns)  # the session row, then every turn
        assert "cannot write" in notices[-1]
        store._db.execute("PRAGMA query_only = OFF")
        assert conv.flush()
        assert conv.session_id is not None
        assert _saved_texts(store, conv.session_id) == _in_memory(conv)
        assert store.session(conv.session_id).status == "active"


# -- newer schema ------------------------------------------------------------------------------
def test_database_from_a_newer_version_is_left_untouched_with_a_way_forward(
    tmp_path: Path, scenario: Scenario
) -> None:
    """A file written by a newer Frameshift: history off with a sentence saying to update or
    use another --data-dir; the file is not changed at all."""
    store, _ = _open(tmp_path)
    store.close()
    db = tmp_path / "frameshift.db"
    with closing(sqlite3.connect(db)) as raw:
        raw.execute("PRAGMA journal_mode = DELETE")
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = db.read_bytes()
    store, notices = open_store(Settings(data_dir=tmp_path))
    assert store is None
    assert notices == [
        f"{db} was written by a newer Frameshift (schema {SCHEMA_VERSION + 1}, this one knows "
        f"{SCHEMA_VERSION}). Update Frameshift, or start Frameshift with --data-dir DIR to keep "
        "a separate history for this one."
    ]
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["frameshift.db"]
    conv = Conversation(scenario, store)
    conv.begin()
    _play(conv, ANSWERS)
    assert len(conv.end().turns) == len(conv.turns)
