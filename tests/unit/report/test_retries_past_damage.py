"""A damaged row among the newer sessions hides no retry (session 13, robust's note).

`retries_of` walks the history newest first down to the session asked about. It read pages with
the strict `Store.sessions`, so one row no write of ours could leave (bit rot on pages SQLite
still reads: tests/damaged_rows.py) failed the whole walk and the replay offered no comparison.
Now it reads `Store.listing` and passes the damaged row over. Generated: every session-row damage
kind x histories whose damaged row lies between the first attempt and its retries (or is the
newest row), with a page size small enough that the walk spans pages."""

from __future__ import annotations

import importlib
import random
from pathlib import Path

import pytest

from app.report import retries_of
from app.store import Store
from tests.damaged_rows import damage, every_damage, history

#: The module, not the `compare` function `app.report` exports under the same name.
compare_module = importlib.import_module("app.report.compare")
DAMAGE = [d for d in every_damage() if d.table == "sessions"]


def _first_with_retries(db: Path) -> tuple[int, list[int]] | None:
    """The oldest session with retries (most sessions lie above it) and its retries, newest
    first; None when the random history has no retry."""
    with Store(db) as store:
        by_parent: dict[int, list[int]] = {}
        for s in store.sessions():  # newest first
            if s.parent_session_id is not None:
                by_parent.setdefault(s.parent_session_id, []).append(s.id)
    if not by_parent:
        return None
    first = min(by_parent)
    return first, by_parent[first]


@pytest.mark.parametrize("what", DAMAGE, ids=str)
def test_a_damaged_newer_row_hides_no_retry(
    what: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compare_module, "_PAGE", 3)
    rng = random.Random(str(what))
    for attempt in range(20):
        db = tmp_path / f"frameshift-{attempt}.db"
        ids = history(db, 14, rng)
        if (found := _first_with_retries(db)) is not None:
            break
    assert found is not None, "twenty random histories without a retry"
    first, retries = found
    candidates = [i for i in ids if i > first and i not in retries]
    assert candidates, "the history puts sessions between the first attempt and its retries"
    damage(db, rng.choice(candidates), what)  # type: ignore[arg-type]
    with Store(db) as store:
        session = store.session(first)
        listed = [s.id for s in retries_of(store, session)]
    assert listed == retries
