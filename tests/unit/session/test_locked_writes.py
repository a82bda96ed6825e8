"""A conversation on the GUI thread (``write_wait_s``) never waits out another process's lock
(trial 9 H16): a refused write waits in memory, in order, `retry` writes it once the lock is
gone, a lock is announced only once it has lasted `LOCK_QUIET_S`, and a recording that came
before the session row could be written is kept with its row. Generated: the lock taken at
each point of a spoken conversation, held over 0-4 writes."""

from __future__ import annotations

import sqlite3
import wave
from pathlib import Path
from typing import Any

import pytest
from session_helpers import (  # the fixtures are used by name
    CountingStore,
    data_dir_fixture,  # noqa: F401
    scenario_fixture,  # noqa: F401
    store_fixture,  # noqa: F401
)

from app.dialogue import Scenario
from app.session import Conversation
from app.session import conversation as conversation_module
from app.session.recordings import Recordings
from app.store import Store

ANSWERS = ["I'm here to learn how people got into this work", "I don't know yet, tell me more"]


def _wav(path: Path) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16_000)
        out.writeframes(b"\0\0" * 1600)
    return path


class Lock:
    """Another connection holding the history's write lock (SQLite locks between connections
    of one process as between processes)."""

    def __init__(self, db: Path) -> None:
        self.conn = sqlite3.connect(db, isolation_level=None)

    def take(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")


@pytest.mark.parametrize("lock_at", range(6))
def test_writes_refused_by_a_lock_wait_in_order_with_their_recordings(
    scenario: Scenario, store: CountingStore, data_dir: Path, tmp_path: Path, lock_at: int
) -> None:
    """The lock is taken before write ``lock_at`` of the spoken conversation (0: the session
    row) and released after two more steps; nothing waits, nothing is lost or reordered."""
    notices: list[str] = []
    refused: list[Any] = []
    conv = Conversation(
        scenario,
        store,
        recordings=Recordings(data_dir),
        voiced=True,
        write_wait_s=0.0,
        on_notice=notices.append,
        on_refused=refused.append,
    )
    lock = Lock(store.path)
    steps: list[Any] = [conv.begin]
    for k, text in enumerate(ANSWERS):
        steps.append(lambda k=k: conv.line_spoken(2 * k, _wav(tmp_path / f"m{k}.wav")))
        steps.append(lambda k=k, text=text: conv.answer(text, clip=_wav(tmp_path / f"a{k}.wav")))
    steps.append(lambda: conv.line_spoken(len(conv.turns) - 1, _wav(tmp_path / "m.wav")))
    steps.append(conv.end)
    try:
        for n, step in enumerate(steps):
            if n == lock_at:
                lock.take()
            if n == lock_at + 3:
                lock.release()
                assert conv.retry()
            step()
            if lock_at <= n < lock_at + 3:
                assert conv.unsaved > 0 or (n < lock_at + 1 and not refused)
        lock.release()
        assert conv.retry()
    finally:
        lock.release()
    assert refused
    assert all(c is conv for c in refused)
    assert [n for n in notices if n] == []  # a lock shorter than LOCK_QUIET_S is not announced
    assert conv.session_id is not None
    rows = store.turns(conv.session_id)
    assert [(t.idx, t.speaker, t.text) for t in rows] == [
        (t.idx, t.speaker, t.text) for t in conv.turns
    ]
    # Every answer and every line kept its recording, even those said before the session row.
    assert all(t.audio_path for t in rows), [(t.idx, t.audio_path) for t in rows]
    for t in rows:
        assert t.audio_path is not None
        assert (data_dir / t.audio_path).is_file()
    assert store.session(conv.session_id).status == "finished"


def test_a_lock_that_lasts_is_announced_with_the_old_sentence(
    scenario: Scenario, store: CountingStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [1000.0]
    monkeypatch.setattr(conversation_module.time, "monotonic", lambda: now[0])
    notices: list[str] = []
    conv = Conversation(scenario, store, write_wait_s=0.0, on_notice=notices.append)
    conv.begin()
    lock = Lock(store.path)
    lock.take()
    try:
        conv.answer(ANSWERS[0])
        assert conv.saving_quietly
        for _ in range(5):
            now[0] += conversation_module.LOCK_QUIET_S / 5 - 0.01
            assert not conv.retry()
        assert notices == []
        now[0] += 0.1
        assert not conv.retry()
        assert notices[-1].startswith(f"Another program is using {store.path} ")
        assert "unsaved turns kept in memory" in notices[-1]
        assert not conv.saving_quietly
    finally:
        lock.release()
    assert conv.retry()
    assert notices[-1] == ""


def test_the_cli_conversation_still_waits_for_the_lock(
    scenario: Scenario, store: CountingStore
) -> None:
    """Without ``write_wait_s`` a write waits the store's busy timeout, as `frameshift play`
    always did (the store here waits 0.3 s, then refuses with the sentence at once)."""
    quick = Store(store.path, busy_timeout=0.3)
    notices: list[str] = []
    conv = Conversation(scenario, quick, on_notice=notices.append)
    conv.begin()
    lock = Lock(store.path)
    lock.take()
    try:
        conv.answer(ANSWERS[0])
        assert notices[-1].startswith(f"Another program is using {store.path} ")
    finally:
        lock.release()
        quick.close()
