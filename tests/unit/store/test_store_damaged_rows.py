"""A cell overwritten on pages SQLite still reads (text where JSON or a number was written)
is a damaged history wherever it is read: every read that builds records raises
DatabaseCorrupt (a StoreError, so the window and the commands say their sentence), never a
JSONDecodeError or a TypeError from the record code. Generated: each damaged column x many
garbled values x every record-building read."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from app.store import DamagedSession, DatabaseCorrupt, Store

COLUMNS = {"analysis_json": "sessions", "cues_json": "turns", "started_at": "sessions"}
READS: dict[str, Callable[[Store, int], Any]] = {
    "session": lambda s, sid: s.session(sid),
    "sessions": lambda s, sid: s.sessions(),
    "turns": lambda s, sid: s.turns(sid),
    "interrupted": lambda s, sid: s.interrupted_sessions(),
}
#: Which reads see which column.
SEES = {
    "analysis_json": {"session", "sessions", "interrupted"},
    "started_at": {"session", "sessions", "interrupted"},
    "cues_json": {"turns"},
}


def _garbled(rng: random.Random, column: str) -> str:
    junk = "".join(rng.choice("\ufffd\x07{[\"':,x0 ") for _ in range(rng.randint(1, 12)))
    if column == "started_at":
        return "x" + junk  # never a number
    return (
        rng.choice(["{" + junk, junk + "]", '{"frame": "expl', "\ufffd" + junk, ""])
        if (column == "cues_json")
        else rng.choice(["{" + junk, '{"frame": "expl', "\ufffd" + junk])
    )


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("column", sorted(COLUMNS))
def test_a_damaged_cell_is_a_damaged_history_for_every_read(
    tmp_path: Path, column: str, seed: int
) -> None:
    rng = random.Random(seed)
    db = tmp_path / "frameshift.db"
    with Store(db) as store:
        sid = store.create_session(
            scenario_id="s", scenario_title="S", persona="P", mode="typed", started_at=1.7e9
        )
        store.add_turn(sid, idx=0, speaker="seeker", text="hello")
        store.finish_session(sid, status="interrupted", ended_at=1.7e9 + 5, analysis={"turns": []})
    value = _garbled(rng, column)
    with closing(sqlite3.connect(db)) as raw, raw:
        raw.execute(f"UPDATE {COLUMNS[column]} SET {column} = ?", (value,))
    with Store.open_read_only(db) as store:
        for name, read in READS.items():
            if name in SEES[column]:
                with pytest.raises(DatabaseCorrupt):
                    read(store, sid)
            else:
                read(store, sid)  # a read that does not touch the cell still works


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("column", sorted(COLUMNS))
def test_a_damaged_session_is_named_and_deleting_it_heals_the_history(
    tmp_path: Path, column: str, seed: int
) -> None:
    """Review 11 R2: the sentence said "Restart: it keeps the damaged file aside", but the
    start's page check passes such a file, so a restart changed nothing. Now the damaged
    session is named, the advice is to delete it, and deleting it heals every read; the other
    sessions are kept whole."""
    rng = random.Random(seed)
    db = tmp_path / "frameshift.db"
    with Store(db) as store:
        ids = []
        for n in range(3):
            sid = store.create_session(
                scenario_id="s", scenario_title="S", persona="P", mode="typed",
                started_at=1.7e9 + n,
            )  # fmt: skip
            store.add_turn(sid, idx=0, speaker="seeker", text=f"hello {n}")
            store.finish_session(sid, status="interrupted", ended_at=1.7e9 + 5, analysis={})
            ids.append(sid)
    bad = rng.choice(ids)
    key = "session_id" if COLUMNS[column] == "turns" else "id"
    with closing(sqlite3.connect(db)) as raw, raw:
        raw.execute(
            f"UPDATE {COLUMNS[column]} SET {column} = ? WHERE {key} = ?",
            (_garbled(rng, column), bad),
        )
    with Store(db) as store:
        for name, read in READS.items():
            if name in SEES[column]:
                with pytest.raises(DamagedSession) as caught:
                    read(store, bad)
                assert caught.value.session_id == bad
                assert f"frameshift delete {bad}" in caught.value.hint
                assert "Restart" not in str(caught.value)
        store.delete_session(bad)
        assert sorted(s.id for s in store.sessions()) == sorted(set(ids) - {bad})
        for sid in set(ids) - {bad}:
            assert store.turns(sid)[0].text.startswith("hello")
