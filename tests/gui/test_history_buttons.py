"""The history's buttons offer only what can be done (newcomer report: Delete and Open were
enabled on an empty list): Open and Delete need a selected session, Delete all data any
session; the summary says how many sessions there are and which the chart shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.store import Store
from app.ui.history import HistoryView

pytestmark = pytest.mark.gui


def _fill(store: Store, finished: int, unfinished: int) -> None:
    for i in range(finished + unfinished):
        sid = store.create_session(
            scenario_id="alumni-call",
            scenario_title="A phone call with an alum",
            persona="Rosa",
            mode="typed",
            started_at=1_760_000_000.0 + i * 86_400,
        )
        status = "finished" if i < finished else "incomplete"
        store.finish_session(sid, status=status, ended_at=1_760_000_000.0 + i * 86_400 + 60)


@pytest.mark.parametrize(("finished", "unfinished"), [(0, 0), (0, 2), (1, 0), (3, 1), (7, 0)])
def test_buttons_follow_the_list(
    qtbot: QtBot, tmp_path: Path, finished: int, unfinished: int
) -> None:
    view = HistoryView()
    qtbot.addWidget(view)
    with Store(tmp_path / "history.db") as store:
        _fill(store, finished, unfinished)
        view.set_store(store)
        view.show()
        view.reload()
        total = finished + unfinished
        assert view.open_button.isEnabled() == (total > 0)
        assert view.delete_button.isEnabled() == (total > 0)
        assert view.delete_all_button.isEnabled() == (total > 0)
        text = view.summary.text()
        if total:
            assert text.startswith(f"{total} session{'s' if total != 1 else ''} in all.")
            if finished:
                assert "finished session" in text
        else:
            assert text == "No sessions yet: rehearse one first."

        view.table.clearSelection()
        view.table.setCurrentIndex(view.model.index(-1, -1))
        assert not view.open_button.isEnabled()
        assert not view.delete_button.isEnabled()
        assert view.delete_all_button.isEnabled() == (total > 0)

        store.delete_all()
        view.reload()
        assert not view.open_button.isEnabled()
        assert not view.delete_button.isEnabled()
        assert not view.delete_all_button.isEnabled()
