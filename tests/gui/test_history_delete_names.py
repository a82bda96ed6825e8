"""Trial 6 F24: the delete confirmation names the session (scenario and date), for whichever
row is selected; No keeps it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from app.testing.driver import FrameshiftDriver

pytestmark = pytest.mark.gui


def test_delete_confirmation_names_the_selected_session(
    frameshift_app: FrameshiftDriver, monkeypatch: Any
) -> None:
    app = frameshift_app
    for scenario in ("alumni-call", "career-fair-booth"):
        app.start(scenario)
        app.answer("What does your team work on?")
        app.finish()
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    w = app.window
    w.show_history()
    history = w.history
    app.qtbot.waitUntil(lambda: history.model.rowCount() >= 2)
    for row in range(history.model.rowCount()):
        history.table.selectRow(row)
        when, what = (history.model.index(row, c).data() for c in (0, 1))
        history.delete_button.click()
        assert what in asked[-1]
        assert when in asked[-1]
    assert history.model.rowCount() >= 2  # No kept them
