"""The History shows each session's stored question count, and counts a history an older
Frameshift wrote once, after its first paint (real Store, real files, the real HistoryView).

Generated histories (tests/legacy_history.py: real analyses of generated conversations, saved
without counts and written into a schema-1 file) are opened as the app opens them (migrated).
Before `reload()` returns only the newest few sessions are counted (what the summary reads);
the rest are counted slice by slice on the event loop, stored, and drawn: the chart's bars are
then the replay's counts. A file that turned read-only shows the counts it could not keep and
says why; a file damaged where the count reads says so instead of raising.
"""

from __future__ import annotations

import random
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

import app.ui.history as history_module
from app.report import build_report
from app.report.questions import count_questions
from app.store import Store
from app.ui.history import HistoryView
from app.ui.progress_chart import ROLLING
from tests.legacy_history import as_version_1, save_uncounted
from tests.locker import Locker

pytestmark = pytest.mark.gui


def _old_history(tmp_path: Path, seed: int, n: int) -> Path:
    made = tmp_path / "made.db"
    with Store(made) as store:
        save_uncounted(store, random.Random(seed), n)
    old = tmp_path / "frameshift.db"
    as_version_1(made, old)
    return old


def _replay_counts(store: Store, data_dir: Path) -> list[float]:
    """What the chart should draw, oldest first: the replay's count, NaN without analysis."""
    out = []
    for row in store.progress():
        session = store.session(row["id"])
        if not session.analysis:
            out.append(np.nan)
            continue
        report = build_report(session, store.turns(session.id), data_dir=data_dir)
        out.append(
            count_questions((t.index, t.speaker, t.text, t.cues) for t in report.turns).curious
        )
    return out


def _view(qtbot: QtBot, store: Store) -> HistoryView:
    view = HistoryView()
    qtbot.addWidget(view)
    view.set_store(store)
    view.resize(900, 600)
    view.show()
    return view


@pytest.mark.parametrize("seed", range(3))
def test_an_old_history_is_counted_after_the_first_paint_and_shown(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    monkeypatch.setattr(history_module, "COUNT_SLICE", 6)
    old = _old_history(tmp_path, seed, n=50)
    with Store(old) as store:  # migrated as the app opens it
        waiting = store.uncounted_sessions()
        assert len(waiting) > ROLLING + 2 * 6
        view = _view(qtbot, store)
        view.reload()
        view.reload()  # again at once: one count runs, the first one's stops
        # Only the newest, which the summary reads, were counted before the paint.
        assert view.counting
        ids = [r["id"] for r in store.progress()]
        shown = {sid for sid, n in zip(ids, view.chart.questions, strict=True) if not np.isnan(n)}
        newest = set(ids[-ROLLING:])  # every session is uncounted: the newest come first
        assert shown == newest & set(waiting)
        expected = _replay_counts(store, tmp_path)  # reads only; counts nothing
        qtbot.waitUntil(lambda: not view.counting, timeout=20_000)
        assert store.uncounted_sessions() == []
        qtbot.waitUntil(
            lambda: np.array_equal(view.chart.questions, np.array(expected), equal_nan=True),
            timeout=5_000,
        )
        recent = np.array(expected[-ROLLING:])
        recent = recent[~np.isnan(recent)]
        assert f"you asked {recent.mean():.1f} curious questions a session" in (view.summary.text())
        assert view.summary.text().startswith("50 sessions in all.")
    with Store(old) as again:  # stored: the next opening counts nothing
        view = _view(qtbot, again)
        view.reload()
        assert again.uncounted_sessions() == []
        assert np.array_equal(view.chart.questions, np.array(expected), equal_nan=True)


def test_a_read_only_history_shows_the_counts_and_says_why_they_are_not_kept(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history_module, "COUNT_SLICE", 5)
    old = _old_history(tmp_path, 7, n=30)
    with Store(old) as store:
        waiting = store.uncounted_sessions()
        expected = _replay_counts(store, tmp_path)
        store._db.execute("PRAGMA query_only = ON")  # the file turned read-only
        view = _view(qtbot, store)
        view.reload()
        qtbot.waitUntil(
            lambda: np.array_equal(view.chart.questions, np.array(expected), equal_nan=True),
            timeout=20_000,
        )
        qtbot.waitUntil(lambda: "cannot write" in view.summary.text(), timeout=5_000)
        assert view.summary.text().startswith("30 sessions in all.")
        assert f"Frameshift cannot write to {old}." in view.summary.text()
        store._db.execute("PRAGMA query_only = OFF")
        assert store.uncounted_sessions() == waiting  # nothing written


def test_a_history_damaged_where_the_count_reads_says_so(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The turns of the older sessions are overwritten (header, sessions and the newest turns
    intact): the list and the first count show, then the count's read fails and the summary
    says the file is damaged; nothing raises, the file stays where it was."""
    monkeypatch.setattr(history_module, "COUNT_SLICE", 4)
    db = tmp_path / "frameshift.db"
    with Store(db) as store:
        save_uncounted(store, random.Random(3), 60)
    with closing(sqlite3.connect(db)) as raw:
        pages = [
            p
            for (p,) in raw.execute(
                "SELECT pageno FROM dbstat WHERE name = 'turns' AND pagetype = 'leaf' "
                "ORDER BY pageno"
            )
        ]
        size = raw.execute("PRAGMA page_size").fetchone()[0]
    assert len(pages) >= 4
    data = bytearray(db.read_bytes())
    rng = random.Random(9)
    for page in pages[: len(pages) // 2]:  # the oldest sessions' turns
        data[(page - 1) * size : page * size] = rng.randbytes(size)
    db.write_bytes(bytes(data))
    store = Store(db)
    try:
        view = _view(qtbot, store)
        view.reload()
        assert view.model.rowCount() > 0
        qtbot.waitUntil(lambda: "damaged" in view.summary.text(), timeout=20_000)
        assert view.summary.text().startswith("60 sessions in all.")
        assert "Restart Frameshift" in view.summary.text()
    finally:
        store.close()
    assert db.exists()


@pytest.mark.parametrize("seed", range(3))
def test_the_count_pauses_while_the_history_is_hidden_and_resumes_when_shown(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """Review 8 R4: the after-paint count runs on the GUI thread, so it must not go on while
    another screen (a rehearsal, with its audio on that thread) shows."""
    monkeypatch.setattr(history_module, "COUNT_SLICE", 3)
    old = _old_history(tmp_path, 20 + seed, n=40)
    with Store(old) as store:
        view = _view(qtbot, store)
        view.reload()  # counts the newest before it returns, the rest after
        view.hide()  # e.g. a rehearsal started: another screen shows
        qtbot.wait(random.Random(seed).randint(5, 40))  # a slice already queued returns at once
        left = len(store.uncounted_sessions())
        assert view.counting
        assert left > 0
        qtbot.wait(300)  # hidden: nothing more is counted
        assert len(store.uncounted_sessions()) == left
        view.show()
        qtbot.waitUntil(lambda: not view.counting, timeout=20_000)
        assert store.uncounted_sessions() == []


@pytest.mark.parametrize("seed", range(2))
def test_a_count_held_by_a_lock_does_not_spin_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """Review 9 R10: while another process holds the write lock, the counted sessions wait in
    memory and their write is retried every `Backfill.RETRY_S`; the History looks again then,
    not on every event-loop turn (a 0 ms re-queue ran thousands of no-op slices a second on
    the GUI thread). Once the lock is gone every count is stored."""
    monkeypatch.setattr(history_module, "COUNT_SLICE", 100)  # one slice counts them all
    old = _old_history(tmp_path, 40 + seed, n=20)
    calls: list[float] = []
    count_more = HistoryView._count_more

    def spy(self: HistoryView, backfill: object) -> None:
        calls.append(time.perf_counter())
        count_more(self, backfill)  # type: ignore[arg-type]

    monkeypatch.setattr(HistoryView, "_count_more", spy)
    locker = Locker(old, 2.5)
    try:
        with Store(old) as store:  # migrated first, as the app opens it
            store.uncounted_sessions()
            locker.take()
            view = _view(qtbot, store)
            view.reload()
            qtbot.wait(1000)  # the lock holds: the counts wait in memory
            assert view.counting
            looks = len([t for t in calls if t > calls[0] + 0.2]) if calls else 0
            assert looks <= 15, f"{looks} looks in 0.8 s while only a locked write was left"
            qtbot.waitUntil(lambda: not view.counting, timeout=20_000)
            assert store.uncounted_sessions() == []
    finally:
        locker.close()
