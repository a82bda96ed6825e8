"""Words typed and not sent are never dropped without the user choosing it (UI polish 11, 1).

Every way out of a conversation with a draft in the box: Ctrl+E and End conversation ask
(send it then end, end without it, keep rehearsing: the default); Escape never leaves and
keeps the draft; closing the window (Ctrl+Q) names the draft in its question; a conversation
that ends by itself keeps the draft whole in the box, a row saying so; the kiosk's idle reset
and "I'm done" erase the visit without asking a stranger anything, and nothing crashes. Generated
drafts (scripts, emoji, markup-like, long, padded) x ways x turns x scenarios; the old code
ended at once on Ctrl+E or End and the draft was gone."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app.testing.driver import FrameshiftDriver
from app.ui.draft_prompt import DRAFT_AFTER_END, shortened
from app.ui.rehearsal_link import UNSENT_STATUS
from app.ui.typed_text import clean_typed

pytestmark = pytest.mark.gui

WORDS = ("what", "does", "the", "team", "do", "I'd", "love", "to", "hear", "more", "café",
         "😀", "日本語", "مرحبا", "<b>bold</b>", "&amp;", "x²", "well…")  # fmt: skip
SCENARIOS = ("alumni-call", "connector-intro", "pushy-recruiter")
WAYS = ("ctrl_e", "end_button")


def drafts(seed: int, n: int) -> list[str]:
    """Typed drafts as people leave them: a word, a sentence, a long paragraph, padded."""
    rng = random.Random(seed)
    out = ["?", "  yes  ", "<i>not markup</i>", "x" * 300]
    while len(out) < n:
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 40)))
        out.append(rng.choice(("", " ", "   ")) + text + rng.choice(("", "?", " ")))
    return out[:n]


def _focus_box(app: FrameshiftDriver) -> None:
    app.window.activateWindow()
    app.qtbot.waitUntil(lambda: app.window.isActiveWindow())
    app.window.conversation.answer.setFocus()
    app.qtbot.waitUntil(lambda: app.window.conversation.answer.hasFocus())


def _press(app: FrameshiftDriver, way: str) -> None:
    view = app.window.conversation
    if way == "ctrl_e":
        _focus_box(app)
        app.qtbot.keyClick(view.answer, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    else:
        app.qtbot.mouseClick(view.end_button, Qt.MouseButton.LeftButton)


def _ready(app: FrameshiftDriver) -> None:
    rehearsal = app.window.rehearsal
    app.wait_until(lambda: rehearsal.awaiting_answer, "the app to await an answer")


def _seeker_texts(app: FrameshiftDriver) -> list[str]:
    conv = app.window.rehearsal.conversation
    assert conv is not None
    return [t.text for t in conv.turns if t.speaker == "seeker"]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_ending_with_a_draft_asks_and_keeping_keeps_it(
    frameshift_app: FrameshiftDriver, scenario: str
) -> None:
    """Each draft x way x turn: the conversation goes on, the question quotes the draft,
    Keep (its button, or Escape) leaves the box exactly as it was and the focus in it."""
    app = frameshift_app
    w = app.window
    app.start(scenario)
    view = w.conversation
    seed = sum(map(ord, scenario))
    for turn in range(3):
        _ready(app)
        answered = _seeker_texts(app)
        for i, draft in enumerate(drafts(seed + turn, 8)):
            for way in WAYS:
                view.answer.setText(draft)
                _press(app, way)
                QApplication.processEvents()
                assert w.current_screen == "conversation", (draft, way, turn)
                conv = w.rehearsal.conversation
                assert conv is not None
                assert not conv.finished, (draft, way)
                prompt = view.draft_prompt
                assert prompt.isVisibleTo(w), (draft, way)
                assert shortened(clean_typed(draft)) in prompt.text.text()
                assert prompt.send_button.isVisibleTo(w)  # the talk can take it now
                assert prompt.keep_button.hasFocus()  # the safe choice is the default
                if (i + turn) % 2:
                    app.qtbot.mouseClick(prompt.keep_button, Qt.MouseButton.LeftButton)
                else:
                    app.qtbot.keyClick(prompt.keep_button, Qt.Key.Key_Escape)
                assert not prompt.isVisibleTo(w)
                assert view.answer.text() == draft, (draft, way)
                assert _seeker_texts(app) == answered
        view.answer.clear()
        app.answer("What does a normal week look like for the team?")


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("n", range(6))
def test_send_it_then_end_keeps_the_draft_as_the_last_answer(
    frameshift_app: FrameshiftDriver, way: str, n: int
) -> None:
    app = frameshift_app
    app.start(SCENARIOS[n % len(SCENARIOS)])
    for _ in range(n % 3):
        app.answer("How did you come to this work?")
    _ready(app)
    draft = drafts(n, 6)[n]
    view = app.window.conversation
    view.answer.setText(draft)
    _press(app, way)
    app.qtbot.mouseClick(view.draft_prompt.send_button, Qt.MouseButton.LeftButton)
    app.wait_until(lambda: app.window.current_screen == "results", "the replay")
    assert _seeker_texts(app)[-1] == clean_typed(draft)
    assert app.window.last_session_id is not None
    stored = app.window.store.turns(app.window.last_session_id)  # type: ignore[union-attr]
    assert [t.text for t in stored if t.speaker == "seeker"][-1] == clean_typed(draft)


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("n", range(4))
def test_end_without_it_ends_by_choice(frameshift_app: FrameshiftDriver, way: str, n: int) -> None:
    app = frameshift_app
    app.start(SCENARIOS[n % len(SCENARIOS)])
    _ready(app)
    draft = drafts(100 + n, 4)[n]
    view = app.window.conversation
    view.answer.setText(draft)
    _press(app, way)
    app.qtbot.mouseClick(view.draft_prompt.end_button, Qt.MouseButton.LeftButton)
    app.wait_until(lambda: app.window.current_screen != "conversation", "the end")
    assert clean_typed(draft) not in _seeker_texts(app)
    assert UNSENT_STATUS.split("“")[0] not in app.window.status_label.text()  # chosen: no nag


@pytest.mark.parametrize("way", WAYS)
def test_with_an_empty_box_ending_is_at_once(frameshift_app: FrameshiftDriver, way: str) -> None:
    app = frameshift_app
    app.start("alumni-call")
    _ready(app)
    app.window.conversation.answer.setText("   ")  # spaces are not words
    _press(app, way)
    app.wait_until(lambda: app.window.current_screen != "conversation", "the end")
    assert not app.window.conversation.draft_prompt.isVisibleTo(app.window)


def _answer_modal(button: str, seen: list[str]) -> None:
    """When the modal question shows, note its words and click ``button`` (by object name)."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, poll)
            return
        seen.append(box.informativeText())
        found = box.findChild(QPushButton, button)
        assert found is not None
        found.click()

    QTimer.singleShot(0, poll)


@pytest.mark.parametrize("n", range(4))
def test_closing_the_window_names_the_draft(frameshift_app: FrameshiftDriver, n: int) -> None:
    """Ctrl+Q mid-conversation asks (as before) and now says the typed answer is not kept;
    Keep rehearsing keeps it in the box."""
    app = frameshift_app
    app.start(SCENARIOS[n % len(SCENARIOS)])
    _ready(app)
    draft = drafts(200 + n, 4)[n]
    view = app.window.conversation
    view.answer.setText(draft)
    seen: list[str] = []
    _answer_modal("closeKeepButton", seen)
    assert not app.window.request_close()
    assert len(seen) == 1
    assert "have not sent" in seen[0]
    assert view.answer.text() == draft
    assert app.window.current_screen == "conversation"


@pytest.mark.parametrize("n", range(4))
def test_a_conversation_that_ends_by_itself_keeps_the_draft(
    frameshift_app: FrameshiftDriver, n: int
) -> None:
    """The app ends it (its last line, the time cap) while words wait in the box: they stay
    there whole, with the row saying so (session 13: the status line quoted 200 characters;
    every length and way: tests/gui/test_unsent_kept.py)."""
    app = frameshift_app
    app.start(SCENARIOS[n % len(SCENARIOS)])
    _ready(app)
    draft = drafts(300 + n, 4)[n]
    view = app.window.conversation
    view.answer.setText(draft)
    app.window.rehearsal.end_early()  # the rehearsal's own end, not the user's button
    app.wait_until(lambda: view.draft_prompt.isVisible(), "the draft row")
    assert app.window.current_screen == "conversation"
    assert view.answer.text() == draft
    assert view.draft_prompt.text.text() == DRAFT_AFTER_END
