"""Session 13: `frameshift history` on a history with one damaged session row listed nothing
(exit 2, the damage sentence only). Now it lists every readable session and each damaged one
as "Session N ... could not be read ... `frameshift delete N` removes it" (`--json`:
`"damaged": true` and that `problem`), says so in one line on stderr and exits 2; `export`
works for every readable session and says the damaged one's way forward; `delete` mends it.
Real SQLite files (tests/damaged_rows.py): every kind of damage, and one to three rows at once."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pytest

from app.cli.main import main
from tests.damaged_rows import Damage, damage, every_damage, history, positions

KINDS = every_damage()


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _check(data: Path, ids: list[int], bad: dict[int, Damage]) -> None:
    sessions = {sid: w for sid, w in bad.items() if w.table == "sessions"}
    code, out, err = _run("history", "--data-dir", str(data), "--json")
    rows = json.loads(out)  # stdout stays JSON
    assert sorted(r["session_id"] for r in rows) == sorted(ids)  # every session
    assert {r["session_id"] for r in rows if r["damaged"]} == set(sessions)
    for r in rows:
        if not r["damaged"]:
            k = ids.index(r["session_id"])
            assert (r["title"], r["outcome"], r["turns"]) == (f"Title {k} ✓", f"Outcome {k}", 2)
        else:
            assert f"frameshift delete {r['session_id']}" in r["problem"]
    lines = err.splitlines()
    assert "Traceback" not in err
    if sessions:
        assert code == 2
        assert len(lines) == 1, err
        assert "frameshift delete" in lines[0]
        assert "damaged" in lines[0]
    else:
        assert (code, err) == (0, "")
    code, text, err = _run("history", "--data-dir", str(data))
    assert code == (2 if sessions else 0)
    said = text.splitlines()
    assert len(said) == len(ids)
    for sid in ids:
        line = next(s for s in said if s.split()[0] == str(sid))
        if sid in sessions:
            assert "could not be read" in line
            assert f"frameshift delete {sid}" in line
        else:
            assert f"Title {ids.index(sid)} ✓" in line
    good = [sid for sid in ids if sid not in bad]
    for sid in {*bad, *good[:1], *good[-1:]}:  # the HTML export reads the same rows
        code, html, err = _run("export", str(sid), "--format", "html", "--data-dir", str(data))
        if sid in bad:
            assert code == 2, (bad[sid], err)
            assert f"frameshift delete {sid}" in err
        else:
            assert code == 0, err
            assert f"What do you do? {ids.index(sid)}" in html
    for sid in bad:
        assert _run("delete", str(sid), "--data-dir", str(data))[0] == 0
    code, out, err = _run("history", "--data-dir", str(data), "--json")
    assert (code, err) == (0, "")
    assert sorted(r["session_id"] for r in json.loads(out)) == sorted(set(ids) - set(bad))


@pytest.mark.parametrize("what", KINDS, ids=str)
def test_history_lists_every_session_for_each_kind_of_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, what: Damage
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    rng = random.Random(str(what))
    data = tmp_path / "data"
    ids = history(data / "frameshift.db", rng.randint(3, 6), rng)
    sid = ids[rng.choice([0, len(ids) // 2, len(ids) - 1])]
    damage(data / "frameshift.db", sid, what)
    _check(data, ids, {sid: what})


@pytest.mark.parametrize("seed", range(12))
def test_history_lists_every_session_with_several_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    rng = random.Random(seed)
    data = tmp_path / "data"
    ids = history(data / "frameshift.db", rng.randint(3, 10), rng)
    bad = {ids[i]: rng.choice(KINDS) for i in positions(len(ids), rng)}
    for sid, what in bad.items():
        damage(data / "frameshift.db", sid, what)
    _check(data, ids, bad)
