"""The History's question count never waits out another process's lock on the GUI thread
(review 9 R5): `Backfill.step` stored its counts with the store's 5 s busy timeout, so a
second Frameshift (or `frameshift delete` mid-transaction) holding the write lock froze the
window for the rest of the lock. Now a refused write keeps its counts in memory (`counted`
shows them), is tried again on a later step, and the count is `done` once they are stored.

Generated cases: another process takes the write lock (`BEGIN IMMEDIATE`) for `HOLD_S`
seconds before the first step or after a few, while a history of sessions saved without a
count is stepped through as the History does (a slice, then the event loop's turn), with counts
stored at the end or every few sessions. Each case: no step takes more than `STEP_MAX_S` (the
old code: the rest of the lock), every count is on disk once the lock is gone, no problem
reported. A lock longer than the old busy timeout is reported as it was."""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.report.questions import Backfill
from app.store import DatabaseLocked, Store
from tests.legacy_history import save_uncounted
from tests.locker import Locker

HOLD_S = 3.0
STEP_MAX_S = 0.3
SESSIONS = 60
CASES = 8


@pytest.fixture(scope="module")
def template() -> Iterator[tuple[Path, list[int]]]:
    """A history of sessions saved without a count, written once (analyses are slow)."""
    where = Path(tempfile.mkdtemp(dir="/dev/shm" if Path("/dev/shm").is_dir() else None))
    path = where / "frameshift.db"
    with Store(path) as store:
        ids = save_uncounted(store, random.Random(55), SESSIONS)
        assert len(store.uncounted_sessions()) >= SESSIONS // 2
    yield path, ids
    shutil.rmtree(where, ignore_errors=True)


@pytest.fixture(name="history")
def history_fixture(template: tuple[Path, list[int]]) -> Iterator[Path]:
    where = Path(tempfile.mkdtemp(dir=template[0].parent))
    shutil.copy(template[0], where / "frameshift.db")
    yield where / "frameshift.db"
    shutil.rmtree(where, ignore_errors=True)


def _uncounted(path: Path) -> list[int]:
    with Store(path) as store:
        return store.uncounted_sessions()


@pytest.mark.parametrize("seed", range(CASES))
def test_a_locked_history_never_holds_a_backfill_step(
    history: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    if seed % 2:
        monkeypatch.setattr(Backfill, "SAVE_EVERY", rng.choice([5, 10, 20]))  # saved in parts
    slice_ = rng.choice([3, 7, 25])
    lock_after = 0 if seed < CASES // 2 else rng.randint(1, 3)  # steps before the lock
    expected = _uncounted(history)
    locker = Locker(history, HOLD_S)
    steps: list[float] = []
    during_lock = 0
    try:
        with Store(history) as store:
            backfill = Backfill(store)
            while not backfill.done:
                if len(steps) == lock_after and not locker.locked.is_set():
                    locker.take()
                began = time.perf_counter()
                backfill.step(slice_)
                steps.append(time.perf_counter() - began)
                if locker.locked.is_set() and not locker.released.is_set():
                    during_lock += 1
                time.sleep(0.01)  # the History's next slice comes on a later event-loop turn
                assert len(steps) < 5_000, "the count never finished"
            finished_at_release = locker.released.is_set()
            assert backfill.problem is None
            assert set(backfill.counted) == set(expected)
    finally:
        locker.close()
    assert max(steps) <= STEP_MAX_S, f"a step waited {max(steps):.2f} s for the lock"
    assert during_lock > 0
    assert finished_at_release, "a refused count was dropped, not kept until the lock ended"
    with Store(history) as store:
        assert store.uncounted_sessions() == []
        stored = {sid: store.session(sid).curious_questions for sid in expected}
    assert stored == backfill.counted


def test_a_lock_longer_than_the_old_wait_is_reported_and_the_counts_kept(
    history: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Backfill, "GIVE_UP_S", 1.0)  # the 5 s busy timeout, shortened
    expected = _uncounted(history)
    locker = Locker(history, 2.5)
    try:
        with Store(history) as store:
            locker.take()
            backfill = Backfill(store)
            longest = 0.0
            while not backfill.done:
                began = time.perf_counter()
                backfill.step(25)
                longest = max(longest, time.perf_counter() - began)
                time.sleep(0.01)
            assert locker.locked.is_set()
            assert not locker.released.is_set()  # reported while it still holds
            assert isinstance(backfill.problem, DatabaseLocked)
            assert set(backfill.counted) == set(expected)  # shown for this run
            assert longest <= STEP_MAX_S
    finally:
        locker.close()
    assert sorted(_uncounted(history)) == sorted(expected)  # counted again on the next opening
