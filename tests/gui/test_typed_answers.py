"""Typed answers (trial 6 F12 and F6): control characters and bidi overrides never reach the
bubble or the store, while every script and emoji does; and every shortcut README documents
works with the focus in the answer box (a QLineEdit claims Ctrl+E and Ctrl+H on X11)."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

from app.testing.driver import FrameshiftDriver
from app.ui.keys import APP_KEYS
from app.ui.typed_text import _ANSI as ESCAPES
from app.ui.typed_text import clean_typed

pytestmark = pytest.mark.gui

CONTROLS = [chr(c) for c in (*range(0x00, 0x20), *range(0x7F, 0xA0))]
BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
KEPT = ["😀", "👩‍💻", "مرحبا", "שלום", "café", "日本語", "Ünïcødé", "x²", "‏"]


def _bad(ch: str) -> bool:
    return ch in CONTROLS or ch in BIDI


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(CONTROLS + BIDI + KEPT + ["word", " ", "\x1b[31m", "?"])))
def test_clean_typed_drops_controls_and_overrides_keeps_the_writing(parts: list[str]) -> None:
    text = "".join(parts)
    cleaned = clean_typed(text)
    assert not [ch for ch in cleaned if _bad(ch)], repr(cleaned)
    assert "[31m" not in cleaned  # the colour code goes whole, not just its ESC
    for kept in KEPT:  # a person's writing survives as written (joiners included)
        if kept in text.replace("\x1b[31m", "") and kept.strip():
            assert kept.strip() in cleaned or not kept.strip(), (kept, cleaned)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_clean_typed_on_any_text_leaves_no_control(text: str) -> None:
    cleaned = clean_typed(text)
    assert not [ch for ch in cleaned if _bad(ch)]
    # Every letter, number and symbol survives, except one that is part of a terminal escape
    # sequence ("\x1b[31m", "\x1bA": ESC and the character after it are one control).
    letters = [ch for ch in ESCAPES.sub("", text) if unicodedata.category(ch)[0] in "LNS"]
    assert all(ch in cleaned for ch in letters if not _bad(ch))


def test_a_typed_answer_is_stored_and_shown_clean(frameshift_app: FrameshiftDriver) -> None:
    app = frameshift_app
    app.start("alumni-call")
    view = app.window.conversation
    rehearsal = app.window.rehearsal
    app.wait_until(lambda: rehearsal.awaiting_answer, "the app to await an answer")
    view.answer.setText("Is it \u202eevil\u202c work?\x00\x07 \x1b[31mred\x1b[0m 😀 مرحبا\x08")
    view.send_button.click()
    conv = rehearsal.conversation
    assert conv is not None
    app.wait_until(lambda: len(conv.turns) > 1, "the answer")
    answer = next(t for t in conv.turns if t.speaker != "manager")
    assert answer.text == "Is it evil work? red 😀 مرحبا"
    bubbles = [view.transcript.item(r).text() for r in range(view.transcript.count())]
    assert any("Is it evil work? red 😀 مرحبا" in b for b in bubbles)


def _override_taken(widget: Any, combo: str) -> bool:
    """Whether ``widget`` claims ``combo`` for itself (then the window's shortcut is lost)."""
    seq = QKeySequence(combo)[0]  # type: ignore[index]  # PySide6 stubs lack __getitem__
    event = QKeyEvent(QEvent.Type.ShortcutOverride, seq.key(), seq.keyboardModifiers())
    event.ignore()
    from PySide6.QtWidgets import QApplication

    QApplication.sendEvent(widget, event)
    return event.isAccepted()


@pytest.mark.parametrize("combo", APP_KEYS)
def test_the_answer_box_never_claims_a_documented_shortcut(
    frameshift_app: FrameshiftDriver, combo: str
) -> None:
    app = frameshift_app
    app.start("alumni-call")
    box = app.window.conversation.answer
    box.setText("some words")
    box.setFocus()
    assert not _override_taken(box, combo), combo
    assert _override_taken(box, "Ctrl+A")  # its own editing keys still work


def _focus_box(app: FrameshiftDriver) -> None:
    """The window active and the answer box focused, as during a rehearsal (a shortcut only
    fires in the active window: under Xvfb with no window manager it must be asked for)."""
    app.window.activateWindow()
    app.qtbot.waitUntil(lambda: app.window.isActiveWindow())
    app.window.conversation.answer.setFocus()
    app.qtbot.waitUntil(lambda: app.window.conversation.answer.hasFocus())


def test_ctrl_e_in_the_answer_box_ends_the_rehearsal(frameshift_app: FrameshiftDriver) -> None:
    """Ctrl+E reaches the window, not the box's end-of-line: with half an answer typed it asks
    what to do with it (tests/gui/test_unsent_draft.py); ending without it ends."""
    app = frameshift_app
    app.start("alumni-call")
    view = app.window.conversation
    view.answer.setText("half an answer")
    _focus_box(app)
    app.qtbot.keyClick(view.answer, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert view.draft_prompt.isVisibleTo(app.window)
    view.draft_prompt.end_button.click()
    app.wait_until(lambda: app.window.current_screen != "conversation", "the end of the talk")


def test_ctrl_r_in_the_answer_box_repeats_the_line(frameshift_app: FrameshiftDriver) -> None:
    app = frameshift_app
    app.start("alumni-call")
    view = app.window.conversation
    asked: list[bool] = []
    view.repeat_requested.connect(lambda: asked.append(True))
    _focus_box(app)
    app.qtbot.keyClick(view.answer, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert asked == [True]
    assert view.answer.text() == ""  # and the box did not take it as typing
