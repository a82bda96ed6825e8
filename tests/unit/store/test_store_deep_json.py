"""A JSON cell nested deeper than the parser goes is a damaged row, not a crash (review 13).

`json.loads` raises RecursionError, not ValueError, on '[' * 200,000: `Store.listing()` (the
History, `frameshift history`, `export`) let it through and failed the whole list. Generated:
several depths past the limit, of lists and objects, in the session's analysis cell."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from app.store import Store, UnreadableSession
from tests.damaged_rows import Damage, damage, history

DEEP = (
    ["[" * n for n in (50_000, 200_000)]
    + ['{"a":' * n for n in (50_000, 200_000)]
    + ['{"turns": ' + "[" * 100_000]
)


@pytest.mark.parametrize("cell", DEEP, ids=lambda c: f"{c[:6]}x{len(c)}")
def test_a_cell_nested_too_deep_lists_as_damaged(cell: str, tmp_path: Path) -> None:
    db = tmp_path / "frameshift.db"
    ids = history(db, 5, random.Random(1))
    damage(db, ids[2], Damage("sessions", "analysis_json", cell))
    with Store(db) as store:
        listed = store.listing()
    assert [s.id for s in listed] == sorted(ids, reverse=True)
    damaged = [s for s in listed if isinstance(s, UnreadableSession)]
    assert [s.id for s in damaged] == [ids[2]]
