"""Session 13: in a no-voice rehearsal the manager's last line stays on screen for its reading
time (0de95cd), and during that time the answer box and Send stayed enabled although the
conversation was over: what was typed and sent there was refused ("the conversation has reached
its end"). Now, while the last line is held, the box is read-only (the words already in it are
kept, still selectable; empty, its placeholder says why) and Send and Listen are off; typing,
Enter and Send take nothing; the next conversation's box takes typing again. The state row
says the conversation is over, not "type your answer below" (session 19). The real window
over every scenario's ending (the first plan case with an outcome in each dialogues/*.plan.yaml),
with and without words in the box when the line comes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.testing.driver import FrameshiftDriver
from app.ui.answer_bar import ANSWER_AFTER_END, LAST_LINE_PLACEHOLDER
from app.ui.listen_state import TYPE_HERE
from tests.gui.shipped import windows_share_the_shipped_scenarios
from tests.gui.test_last_line_read import ENDINGS

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _scenarios_loaded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's window reads the shipped scenarios from one shared load (reading them all
    again took ~1-5 s of each window's start; tests/gui/shipped.py)."""
    windows_share_the_shipped_scenarios(monkeypatch)


#: What may sit in the box when the last line comes (an answer begun while the reply to the
#: previous one was on its way), one per scenario in turn.
DRAFTS = ("", "I was going to ask", "Café 😀 日本語 <b>not bold</b>", "x" * 300, " what\nabout ")


def _to_the_last_line(app: FrameshiftDriver, answers: list[str], draft: str) -> None:
    """Answer as the plan says, each sent while ``draft`` waits in the box (sent the way the
    window takes any answer), until the scenario reaches its end."""
    w = app.window
    rehearsal = w.rehearsal
    conv = rehearsal.conversation
    assert conv is not None

    def ready() -> bool:
        return rehearsal.awaiting_answer or conv.reached_end

    for text in answers:
        app.qtbot.waitUntil(ready, timeout=10_000)
        if conv.reached_end:
            break
        w.conversation.answer.setText(draft)
        w._on_conversation_answer_submitted(text)
    app.qtbot.waitUntil(ready, timeout=10_000)
    assert conv.reached_end, "the scenario reached no end in these answers"


@pytest.mark.frameshift(voice=False, listen=False)
@pytest.mark.parametrize(
    ("n", "scenario", "answers"),
    [(n, *e) for n, e in enumerate(ENDINGS)],
    ids=[e[0] for e in ENDINGS],
)
def test_the_box_takes_nothing_while_the_last_line_is_held(
    frameshift_app: FrameshiftDriver, n: int, scenario: str, answers: list[str]
) -> None:
    app = frameshift_app
    w = app.window
    view = w.conversation
    draft = DRAFTS[n % len(DRAFTS)]
    app.start(scenario)
    conv = w.rehearsal.conversation
    assert conv is not None
    assert not view.answer.isReadOnly()
    _to_the_last_line(app, answers, draft)
    assert w.rehearsal.reading_last_line  # held: the closing line on screen, to read
    assert view.answer.isReadOnly()
    # the state row agrees with the box (session 19: it said "type your answer below")
    row = view.state.status.text()
    assert TYPE_HERE not in row, row
    assert "the conversation is over" in row, row
    assert not view.send_button.isEnabled()
    assert not view.bar.listen_button.isEnabled()
    assert view.answer.text() == draft  # kept, whole
    if not draft:
        assert view.answer.placeholderText() == LAST_LINE_PLACEHOLDER
    turns = len(conv.turns)
    view.answer.setFocus()
    app.qtbot.keyClicks(view.answer, "one more thing")
    app.qtbot.keyClick(view.answer, Qt.Key.Key_Return)
    app.qtbot.mouseClick(view.send_button, Qt.MouseButton.LeftButton)
    assert view.answer.text() == draft  # nothing typed in, nothing sent
    assert len(conv.turns) == turns
    assert view.banner.text() != ANSWER_AFTER_END  # nothing was refused: nothing was taken
    assert view.end_button.isEnabled()  # End still ends it at once
    if n == 0:
        view.window().grab().save(str(app.window.settings.data_dir.parent / "held.png"))
    app.qtbot.waitUntil(lambda: conv.finished, timeout=15_000)
    if draft.strip():  # ended by itself with words in the box: kept there (test_unsent_kept)
        app.qtbot.waitUntil(lambda: view.draft_prompt.isVisible(), timeout=5_000)
        app.qtbot.mouseClick(view.draft_prompt.results_button, Qt.MouseButton.LeftButton)
    app.qtbot.waitUntil(lambda: w.current_screen == "results", timeout=15_000)
    app.start(scenario)  # the next conversation: its box takes typing
    app.qtbot.waitUntil(lambda: w.rehearsal.awaiting_answer, timeout=10_000)
    assert not view.answer.isReadOnly()
    assert TYPE_HERE in view.state.status.text()
    assert view.answer.text() == ""
    assert view.answer.placeholderText() != LAST_LINE_PLACEHOLDER
    assert view.send_button.isEnabled()
