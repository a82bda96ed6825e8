"""The History says "nothing yet" once (a user saw "No finished sessions yet" twice: in the
summary line and again painted in the middle of an empty chart, or "No sessions yet" above
"No finished sessions yet"). Generated histories of finished and unfinished sessions: every
sentence the screen shows (its labels, and the words an empty chart paints) is shown once,
and the chart takes room only when it has a finished session to draw."""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.store import Store
from app.ui.history import HistoryView

pytestmark = pytest.mark.gui


def _fill(store: Store, finished: int, unfinished: int) -> None:
    """Finished and unfinished sessions, in a generated order."""
    statuses = ["finished"] * finished + ["incomplete"] * unfinished
    random.Random(finished * 10 + unfinished).shuffle(statuses)
    for i, status in enumerate(statuses):
        sid = store.create_session(
            scenario_id="alumni-call",
            scenario_title="A phone call with an alum",
            persona="Rosa",
            mode="typed",
            started_at=1_760_000_000.0 + i * 86_400,
        )
        store.finish_session(sid, status=status, ended_at=1_760_000_000.0 + i * 86_400 + 60)


def shown_sentences(view: HistoryView) -> list[str]:
    """Every sentence on the screen: visible labels, and what the chart paints when empty."""
    texts = [
        lab.text()
        for lab in view.findChildren(QLabel)
        if lab.isVisibleTo(view) and lab.objectName() != "screenTitle"
    ]
    chart = view.chart
    if chart.isVisibleTo(view) and len(chart.share) == 0:
        texts.append(chart.summary())  # ProgressChart.paintEvent draws it centred
    return [s.strip() for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if s.strip()]


@pytest.mark.parametrize(
    ("finished", "unfinished"), list(itertools.product((0, 1, 2, 5), (0, 1, 3)))
)
def test_the_history_says_nothing_twice(
    qtbot: QtBot, tmp_path: Path, finished: int, unfinished: int
) -> None:
    view = HistoryView()
    qtbot.addWidget(view)
    view.resize(1024, 600)
    with Store(tmp_path / "history.db") as store:
        _fill(store, finished, unfinished)
        assert len(store.progress()) == finished
        view.set_store(store)
        view.show()
        view.reload()
        qtbot.waitUntil(lambda: not view.counting)
        said = shown_sentences(view)
        where = (finished, unfinished, said)
        assert said, where
        assert len(said) == len(set(said)), where
        joined = " ".join(said)
        assert joined.count("yet") <= 1, where  # "No sessions yet" / "No finished ... yet"
        assert view.chart.isVisibleTo(view) == (finished > 0), where
        if finished + unfinished == 0:
            assert said[0] == "No sessions yet: rehearse one first."
        elif not finished:
            assert "No finished sessions yet" in joined, where  # said once, in the summary

        store.delete_all()  # emptied while shown: the chart goes with its last session
        view.reload()
        said = shown_sentences(view)
        assert said == ["No sessions yet: rehearse one first."], said
        assert not view.chart.isVisibleTo(view)
