"""History rows say what the replay says (newcomer report, session 18): a session that ended
early says so and why in its row (not a finished-looking row with a "–" where the verdict
goes), each row shows its replay's verdict in the replay's own words (`Verdict.glance`, the
summary line), the row's detail (tooltip) adds the verdict's sentence, and the chart draws
finished sessions only, which the summary says when a listed one is left out. The command
line's `history` lists the same words. Generated histories in a real Store, real HistoryView."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.cli.records import _history_row
from app.report import build_report
from app.store import Store
from app.ui.history import HistoryView
from app.ui.history_model import UNCHARTED
from app.ui.replay import richtext
from tests.legacy_history import add_said

pytestmark = pytest.mark.gui

MANAGER = (
    "Good to meet you. So what brings you here tonight?",
    "Tell me about yourself.",
    "So, are you interested in the position?",
    "We build the pipelines that feed the hospital dashboards.",
)
ANSWERS = (
    "What does your team work on?",
    "How did you end up managing a platform team?",
    "I came to hear how people got into data work.",
    "I've led three analytics teams and shipped five products, so I'd be a great fit here.",
    "I'm a proven leader with ten years of results and I always exceed my targets.",
    "Yes! Absolutely, I'd love the job.",
    "Could you refer me for the role?",
    "Right.",
)
STATUSES = ("finished", "finished", "incomplete", "interrupted")


def _history(store: Store, rng: random.Random, n: int) -> dict[int, str]:
    """`n` sessions, finished, ended early (analysis stored, as `Conversation.end` does) or cut
    short (no analysis, as a crash leaves it); their statuses by id."""
    made = {}
    for i in range(n):
        said: list[tuple[str, str]] = []
        for _ in range(rng.randint(1, 6)):
            said += [("manager", rng.choice(MANAGER)), ("seeker", rng.choice(ANSWERS))]
        if rng.random() < 0.3:
            said.append(("manager", "Thanks, it was good to talk."))
        sid = store.create_session(
            scenario_id="connector-intro",
            scenario_title="Introduced to a hiring manager",
            persona="Marcus",
            mode="typed",
            started_at=1.76e9 + i * 600,
        )
        result = add_said(store, sid, said)
        status = rng.choice(STATUSES)
        finished = status == "finished"
        store.finish_session(
            sid,
            status=status,
            ended_at=1.76e9 + i * 600 + 300,
            outcome_id="good" if finished else None,
            outcome_label="A warm introduction" if finished else None,
            outcome_kind="good" if finished else None,
            analysis=None if status == "interrupted" else result.to_dict(),
        )
        made[sid] = status
    return made


@pytest.mark.parametrize("seed", range(8))
def test_each_row_says_what_its_replay_says(qtbot: QtBot, tmp_path: Path, seed: int) -> None:
    with Store(tmp_path / "frameshift.db") as store:
        made = _history(store, random.Random(seed), 12)
        view = HistoryView()
        qtbot.addWidget(view)
        view.set_store(store)
        view.resize(1000, 700)
        view.show()
        view.reload()
        model = view.model
        assert model.rowCount() == len(made)
        for row in range(model.rowCount()):
            sid = model.data(model.index(row, 0), Qt.ItemDataRole.UserRole)
            session = store.session(sid)
            report = build_report(session, store.turns(sid))
            outcome = model.data(model.index(row, 2))
            framing = model.data(model.index(row, 3))
            detail = model.data(model.index(row, 3), Qt.ItemDataRole.ToolTipRole)
            glance = report.verdict.glance()
            assert framing == glance, (sid, made[sid])
            assert outcome == report.outcome_text
            summary = richtext.summary_text(session, report)  # the replay's line
            assert summary.endswith(glance), summary
            assert outcome in summary, summary
            answers = sum(1 for t in report.turns if t.speaker == "seeker")
            plural = "" if answers == 1 else "s"
            if made[sid] == "incomplete":
                assert outcome.startswith(f"Ended early after {answers} answer{plural}: left")
            elif made[sid] == "interrupted":
                assert outcome.startswith(f"Cut short after {answers} answer{plural}: the app")
            else:
                assert outcome == "A warm introduction"
            assert framing not in ("–", "", "– Not analysed: it was cut short")
            assert detail.startswith(outcome)
            assert report.verdict.sentence() in detail
            cli = _history_row(session, store)  # `frameshift history`: the same words
            assert cli["verdict"] == glance
            assert cli["ended"] == outcome
        finished = sum(1 for status in made.values() if status == "finished")
        assert len(store.progress()) == finished  # the chart's rows: finished sessions only
        unfinished = finished < len(made)
        assert (UNCHARTED.strip() in view.summary.text()) == unfinished, view.summary.text()
