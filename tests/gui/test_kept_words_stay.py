"""Session 14 U5: `DraftPrompt.forget()` runs on the rehearsal's manager lines
(`RehearsalLink._on_rehearsal_manager_line_shown`). Does it drop the Copy text of words kept
after a talk ended by itself? It does not: it runs only for a line of another conversation (a
new one, whose start clears the box and puts the row away). This proves it over generated
drafts x the lines that can come while the row shows: the same conversation's line shown again
(Repeat, Ctrl+R, the line signal itself for every turn index), then a new conversation.

The invariant checked at every manager line: while "Copy my words" shows, it copies every
character still in the box; once the row has gone, nothing is kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.testing.driver import FrameshiftDriver
from tests.gui.test_unsent_kept import _end_by_itself, draft_of

pytestmark = pytest.mark.gui

LENGTHS = (1, 80, 81, 200, 1000, 5000)
WAYS = ("voiced_closing_line", "rehearsal_ends_it")
CASES = [(length, WAYS[i % 2], i) for i, length in enumerate(LENGTHS)]


def _copy_gives(app: FrameshiftDriver, draft: str) -> None:
    view = app.window.conversation
    QApplication.clipboard().setText("")
    assert view.draft_prompt.copy_button.isVisible()
    app.qtbot.mouseClick(view.draft_prompt.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == draft


@pytest.mark.parametrize(("length", "way", "seed"), CASES, ids=[f"{c[1]}-{c[0]}" for c in CASES])
def test_manager_lines_keep_the_held_words_copyable(
    frameshift_app: FrameshiftDriver, length: int, way: str, seed: int
) -> None:
    app = frameshift_app
    w = app.window
    view = w.conversation
    prompt = view.draft_prompt
    broken: list[str] = []

    def check(*_args: object) -> None:  # after the link's own slot (connected before this one)
        if prompt.isVisible() and prompt.copy_button.isVisible():
            if prompt.kept != view.answer.text() or not prompt.kept:
                broken.append(f"copy would give {prompt.kept[:20]!r}")
        elif prompt.kept:
            broken.append("words kept with no row to copy them from")

    draft = draft_of(length, seed + 90)
    _end_by_itself(app, way, draft)
    rehearsal = w.rehearsal
    rehearsal.manager_line_shown.connect(check)
    conv = rehearsal.conversation
    assert conv is not None
    app.qtbot.waitUntil(lambda: prompt.isVisible(), timeout=15_000)
    assert prompt.kept == draft
    _copy_gives(app, draft)

    # The same conversation's lines shown again: Repeat, Ctrl+R, and every turn index.
    view.repeat_button.click()
    app.qtbot.wait(30)
    app.qtbot.keyClick(view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    app.qtbot.wait(30)
    for idx, turn in enumerate(conv.turns):
        if turn.speaker != "seeker":
            rehearsal.manager_line_shown.emit(idx, turn.text)
    assert rehearsal.conversation is conv
    assert prompt.isVisible()
    assert prompt.kept == draft
    assert view.answer.text() == draft
    _copy_gives(app, draft)

    # A new conversation: its start puts the row away with the box; nothing is kept.
    app.start("connector-intro")
    app.wait_until(lambda: w.rehearsal.awaiting_answer, "the next first line")
    assert not prompt.isVisible()
    assert prompt.kept == ""
    assert view.answer.text() == ""
    assert broken == []
