"""Trial 7 G30: when a visit's history refuses writes (a full or read-only disk), the visitor
was shown the desktop sentence: the visit folder's internal path and "free some space... when
you retry", an instruction a visitor cannot follow in a booth that erases the visit anyway.
The visitor now sees a neutral sentence; the desktop's goes to the log for the operator.
Real kiosk, real store with writes refused by SQLite (query_only), generated answers."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from app.ui.rehearsal_link import KIOSK_SAVING_NOTICE

pytestmark = pytest.mark.gui

ANSWERS = ("Hi! I came to learn about the work.", "what does a normal week look like",
           "Thanks, that helps.")  # fmt: skip


@pytest.mark.parametrize("answers", [1, 2, 3])
def test_a_visit_that_cannot_save_tells_the_visitor_plainly(
    make_booth: Any, caplog: Any, answers: int
) -> None:
    booth = make_booth(listen=False)
    app = booth.visitor()
    store = app.window.store
    assert store is not None
    folder = str(store.path.parent)
    store._db.execute("PRAGMA query_only = ON")  # every write is refused from here on
    caplog.set_level(logging.WARNING)
    app.start("alumni-call")
    for text in ANSWERS[:answers]:
        app.answer(text)
    banner = app.window.conversation.banner
    shown = banner.text()
    assert KIOSK_SAVING_NOTICE in shown
    assert folder not in shown
    assert "free" not in shown.lower()
    assert "retry" not in shown.lower()
    assert any(folder in r.getMessage() for r in caplog.records), "the operator's log names it"
