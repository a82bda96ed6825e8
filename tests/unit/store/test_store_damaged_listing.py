"""Session 13: one damaged session row (a bad cell on pages SQLite still reads) made the whole
history list fail: `Store.sessions` raised for the page, so the History showed no session at
all and `frameshift history` listed none; a NULL in a NOT NULL column even had the start keep
the whole file aside. Now `Store.listing` gives every readable session and each damaged one as
an `UnreadableSession` (its id, the damage said, deleting it the way forward) in its place;
the chart's rows leave it out; the start keeps the file; deleting it mends every read.

Generated on real SQLite files (tests/damaged_rows.py): every column x each of its bad values,
and many histories with one to three sessions damaged at once (first, last, middle, random)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from app.store import DamagedSession, SessionRecord, Store, UnreadableSession
from tests.damaged_rows import Damage, damage, every_damage, history, positions

KINDS = every_damage()


def _listed(store: Store) -> list[SessionRecord | UnreadableSession]:
    rows = store.listing()
    paged: list[SessionRecord | UnreadableSession] = []
    for offset in range(0, len(rows) + 3, 3):  # pages of 3 are the same list
        paged += store.listing(limit=3, offset=offset)
    assert [r.id for r in paged] == [r.id for r in rows]
    return rows


def _check(db: Path, ids: list[int], bad: dict[int, Damage]) -> None:
    """Every readable session listed whole, in order; each damaged row listed as damaged (a
    turn's damage: listed, opening it says so); nothing else raises."""
    store, moved = Store.open_or_recover(db)  # the start: the file is kept, not put aside
    assert moved is None, moved
    with store:
        assert store.pages_readable()
        rows = _listed(store)
        assert sorted(r.id for r in rows) == sorted(ids)  # every session, once
        assert store.count_sessions() == len(rows)
        good = [r for r in rows if r.id not in bad]
        assert all(isinstance(r, SessionRecord) for r in good)
        assert [r.id for r in good] == sorted(set(ids) - set(bad), reverse=True)  # newest first
        for r in good:
            assert isinstance(r, SessionRecord)
            k = ids.index(r.id)
            assert (r.scenario_title, r.outcome_label) == (f"Title {k} ✓", f"Outcome {k}")
            assert next(t.text for t in store.turns(r.id)) == f"Hello {k}"
        for sid, what in bad.items():
            row = next(r for r in rows if r.id == sid)
            if what.table == "sessions":
                assert isinstance(row, UnreadableSession), what
                assert row.problem.session_id == sid
                assert f"frameshift delete {sid}" in row.problem.hint
                assert "Delete in History" in row.problem.hint
                with pytest.raises(DamagedSession):
                    store.session(sid)
            else:  # its row reads; its turns say they are damaged
                assert isinstance(row, SessionRecord), what
                with pytest.raises(DamagedSession) as caught:
                    store.turns(sid)
                assert caught.value.session_id == sid
        drawn = store.progress()  # the chart: only what it can draw, never a raise
        assert {d["id"] for d in drawn} >= {r.id for r in good}
        assert all(isinstance(d["started_at"], float) for d in drawn)
        for sid in bad:
            store.delete_session(sid)  # the way forward works on it
        assert sorted(s.id for s in store.sessions()) == sorted(set(ids) - set(bad))
        assert store.integrity_check() == "ok"


@pytest.mark.parametrize("what", KINDS, ids=str)
def test_each_kind_of_damage_lists_every_readable_session(tmp_path: Path, what: Damage) -> None:
    rng = random.Random(str(what))
    db = tmp_path / "data" / "frameshift.db"
    ids = history(db, rng.randint(3, 7), rng)
    where = rng.choice([0, len(ids) // 2, len(ids) - 1])  # first, middle, last
    damage(db, ids[where], what)
    _check(db, ids, {ids[where]: what})


@pytest.mark.parametrize("seed", range(40))
def test_several_damaged_rows_at_once(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    db = tmp_path / "data" / "frameshift.db"
    ids = history(db, rng.randint(3, 14), rng)
    bad = {ids[i]: rng.choice(KINDS) for i in positions(len(ids), rng)}
    for sid, what in bad.items():
        damage(db, sid, what)
    _check(db, ids, bad)


def test_the_strict_reads_still_raise_for_the_damaged_session(tmp_path: Path) -> None:
    """`sessions` (the reads that need every record whole) still names the damaged session."""
    rng = random.Random(7)
    db = tmp_path / "data" / "frameshift.db"
    ids = history(db, 4, rng)
    damage(db, ids[2], Damage("sessions", "started_at", "x1"))
    with Store(db) as store, pytest.raises(DamagedSession) as caught:
        store.sessions()
    assert caught.value.session_id == ids[2]
