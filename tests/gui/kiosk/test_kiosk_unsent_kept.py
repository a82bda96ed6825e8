"""Review 11 R10 (a), session 13, in the kiosk: a visit's talk that ends by itself (the booth's
time cap) with words typed and not sent goes on to the visit's replay as before, its status line
quoting the words whole (they were cut to 200 characters); once the visit ends nothing of them
is left in any widget or the clipboard (the privacy rule). The window's side:
tests/gui/test_unsent_kept.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QTextEdit

from app.ui.rehearsal_link import UNSENT_STATUS
from app.ui.typed_text import clean_typed
from tests.gui.test_unsent_kept import draft_of

pytestmark = pytest.mark.gui


def _texts_of(widget: Any) -> list[str]:
    """What a widget shows or holds: its text, tooltip and accessible description."""
    out = []
    if isinstance(widget, QLineEdit | QLabel):
        out.append(widget.text())
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        out.append(widget.toPlainText())
    return [*out, widget.toolTip(), widget.accessibleDescription()]


@pytest.mark.parametrize("length", [1, 200, 201, 5000])
def test_the_kiosk_says_the_whole_draft_then_keeps_nothing_after_the_visit(
    make_booth: Callable[..., Any], length: int
) -> None:
    booth = make_booth(listen=False)
    app = booth.visitor()
    app.start("career-fair-booth")
    app.wait_until(lambda: app.window.rehearsal.awaiting_answer, "the first line")
    draft = draft_of(length, 99) + " kiosk-marker"
    app.window.conversation.answer.setText(draft)
    app.window.rehearsal.end_early()  # what the booth's time cap does
    app.wait_until(lambda: app.window.current_screen != "conversation", "the visit's replay")
    said = UNSENT_STATUS.format(draft=clean_typed(draft))
    app.wait_until(lambda: app.window.status_label.text() == said, "the whole draft quoted")
    k = booth.kiosk
    with booth.qtbot.waitSignal(k.visit_ended):
        booth.qtbot.mouseClick(k.done_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the visit's window
    left = [
        (type(w).__name__, w.objectName())
        for w in QApplication.allWidgets()
        if any("kiosk-marker" in t for t in _texts_of(w))
    ]
    assert not left, (
        left
    )  # nothing of the words in any widget after the visit  # nothing of it after the visit
    assert "kiosk-marker" not in QApplication.clipboard().text()
