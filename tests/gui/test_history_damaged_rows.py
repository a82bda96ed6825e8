"""Session 13: one damaged session row made the whole History fail: no session listed, only
the damage sentence (a text start time, broken JSON), or a traceback on every paint of the
table or the chart (a date no clock gives, an analysis of the wrong shape), and the damaged
session could not be found to delete. Now the History lists every readable session and each
damaged one as one row, "Session 12 could not be read", its way forward in the row, the
summary and the tooltip; Open is off there and Enter says why; Delete removes it and the rest
stays. The real window on a real SQLite file in a temporary data folder (tests/damaged_rows.py):
every kind of damage (each column x its bad values), one to three rows at once, first, last
and middle."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.testing.driver import FrameshiftDriver
from tests.damaged_rows import Damage, damage, every_damage, history, positions
from tests.gui.shipped import windows_share_the_shipped_scenarios

pytestmark = pytest.mark.gui

KINDS = every_damage(shapes=True)
GROUPS = [KINDS[i : i + 3] for i in range(0, len(KINDS), 3)]  # three rows damaged at once
SEEDS = range(6)
ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.UserRole,
)


@pytest.fixture(autouse=True)
def _scenarios_loaded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's window reads the shipped scenarios from one shared load (the History is
    what is tested here; reading every scenario again took most of each window's start)."""
    windows_share_the_shipped_scenarios(monkeypatch)


def _seeded(
    data: Path, rng: random.Random, kinds: list[Damage] | None
) -> tuple[list[int], dict[int, Damage]]:
    db = data / "frameshift.db"
    ids = history(db, rng.randint(4, 12), rng)
    where = positions(len(ids), rng) if kinds is None else [0, len(ids) // 2, len(ids) - 1]
    kinds = kinds or [rng.choice(KINDS) for _ in where]
    bad = {ids[i]: what for i, what in zip(where, kinds, strict=False)}
    for sid, what in bad.items():
        damage(db, sid, what)
    return ids, bad


def _window(qtbot: Any, data: Path) -> FrameshiftDriver:
    from app.testing.driver import make_driver

    return make_driver(qtbot, data, voice=False, listen=False)


def _check_history(
    app: FrameshiftDriver, ids: list[int], bad: dict[int, Damage], capfd: Any
) -> set[int]:
    w = app.window
    w.show_history()
    history_view = w.history
    model = history_view.model
    assert w.current_screen == "history"
    assert model.rowCount() == len(ids)  # every session, the damaged ones too
    listed = {model.index(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(len(ids))}
    assert sorted(listed) == sorted(ids)
    for r in range(model.rowCount()):  # every cell, every role: words, never a raise
        for c in range(model.columnCount()):
            for role in ROLES:
                model.index(r, c).data(role)
    history_view.grab()  # the table and the chart painted
    out, err = capfd.readouterr()
    assert "Traceback" not in err + out, err
    assert "Error calling Python override" not in err
    unreadable = {s.id for s in model.unreadable}
    for sid in ids:
        row = listed[sid]
        title = model.index(row, 1).data().split(" · Tried again from answer ")[0]  # a retry
        if sid not in bad or bad[sid].table == "turns":
            assert sid not in unreadable
            assert title == f"Title {ids.index(sid)} ✓"  # a readable session, whole
        elif bad[sid].column == "analysis_json" and sid not in unreadable:
            assert title == f"Title {ids.index(sid)} ✓"  # an analysis the words can still read
        else:
            assert sid in unreadable, bad[sid]
            assert title.startswith(f"Session {sid}")
            assert "could not be read" in title
            tip = model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
            assert f"frameshift delete {sid}" in tip
            assert "Delete in History" in tip
    if unreadable:
        assert "could not be read" in history_view.summary.text()
        assert "press Delete" in history_view.summary.text()
    return unreadable


def _delete(app: FrameshiftDriver, sid: int, monkeypatch: Any, asked: list[str]) -> bool:
    """Delete `sid` from the History as a user does; True when it was listed as damaged (a
    write to a row re-types its cells: deleting a parent mends its retries' numbers)."""
    history_view = app.window.history
    model = history_view.model
    row = next(r for r in range(model.rowCount()) if model.rows[r].id == sid)
    history_view.table.setCurrentIndex(model.index(row, 0))
    assert history_view.table.currentIndex().row() == row

    def yes(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    damaged = model.unreadable_at(model.index(row, 0)) is not None
    history_view.delete_button.click()
    return damaged


@pytest.mark.parametrize("group", range(len(GROUPS)))
def test_every_kind_of_damage_lists_every_session_and_delete_mends_it(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: Any, group: int
) -> None:
    _run(qtbot, tmp_path, monkeypatch, capfd, random.Random(group), GROUPS[group])


@pytest.mark.parametrize("seed", SEEDS)
def test_several_damaged_rows_at_random(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: Any, seed: int
) -> None:
    _run(qtbot, tmp_path, monkeypatch, capfd, random.Random(1000 + seed), None)


def _run(
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: Any,
    rng: random.Random,
    kinds: list[Damage] | None,
) -> None:
    data = tmp_path / "data"
    ids, bad = _seeded(data, rng, kinds)
    app = _window(qtbot, data)
    try:
        w = app.window
        assert w.store is not None
        assert not list(data.glob("frameshift.corrupt-*"))  # the start kept the file
        unreadable = _check_history(app, ids, bad, capfd)
        history_view = w.history
        model = history_view.model
        for sid in sorted(unreadable):
            row = next(r for r in range(model.rowCount()) if model.rows[r].id == sid)
            history_view.table.setCurrentIndex(model.index(row, 0))
            assert not history_view.open_button.isEnabled()  # no replay to open
            assert history_view.delete_button.isEnabled()
            history_view.table.activated.emit(model.index(row, 0))  # Enter: says why
            assert w.current_screen == "history"
            assert f"frameshift delete {sid}" in history_view.summary.text()
        for sid, what in bad.items():
            if what.table == "turns":  # listed; opening it says it is damaged
                w.show_results(sid)
                assert w.current_screen == "history"
                assert f"frameshift delete {sid}" in w.status_label.text()
                w.show_history()
        asked: list[str] = []
        for sid in sorted(bad):
            if _delete(app, sid, monkeypatch, asked):
                assert f"Session {sid}" in asked[-1]
                assert "damaged" in asked[-1]
            else:
                assert "Title" in asked[-1]
        assert model.rowCount() == len(ids) - len(bad)
        assert {s.id for s in model.rows} == set(ids) - set(bad)
        assert not model.unreadable
        assert "could not be read" not in history_view.summary.text()
        assert w.store.integrity_check() == "ok"
        first = next(s.id for s in model.rows)
        w.show_results(first)  # a readable session opens
        assert w.current_screen == "results"
        out, err = capfd.readouterr()
        assert "Traceback" not in err + out, err
    finally:
        app.close()
