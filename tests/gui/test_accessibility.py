"""Everyone can use it: keyboard only, names for assistive tech, themes and large text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from app.testing.driver import FrameshiftDriver

pytestmark = pytest.mark.gui

REQUIRED_NAMES = (
    "scenarioList",
    "startButton",
    "managerCaption",
    "answerInput",
    "sendButton",
    "listenButton",
    "levelMeter",
    "endButton",
    "replayTimeline",
    "shiftExplanation",
    "retryButton",
    "historyList",
)


def _interactive(root: QWidget) -> list[QWidget]:
    return [
        w
        for w in root.findChildren(QWidget)
        if (
            w.focusPolicy() != Qt.FocusPolicy.NoFocus and isinstance(w, QAbstractButton | QLineEdit)
        )
        or w.objectName() in REQUIRED_NAMES
    ]


def test_every_required_widget_has_its_stable_name(frameshift_app: FrameshiftDriver) -> None:
    """The documented object names exist, each with an accessible name and description."""
    w = frameshift_app.window
    pages = (w.picker, w.conversation, w.results, w.history)  # pages are built on first use
    assert all(p.window() is w for p in pages)
    for name in REQUIRED_NAMES:
        found = w.findChild(QWidget, name)
        assert found is not None, name
        assert found.accessibleName(), name
        assert found.accessibleDescription(), name


def test_every_button_and_field_is_named_for_assistive_tech(
    frameshift_app: FrameshiftDriver,
) -> None:
    """No interactive widget is anonymous to a screen reader."""
    anonymous = [
        f"{type(x).__name__}:{x.objectName() or getattr(x, 'text', lambda: '')()}"
        for x in _interactive(frameshift_app.window)
        if not x.accessibleName() and not (isinstance(x, QAbstractButton) and x.text())
    ]
    assert anonymous == []


@pytest.mark.frameshift(voice=False, listen=False)
def test_a_whole_rehearsal_with_the_keyboard_only(frameshift_app: FrameshiftDriver) -> None:
    """Choose, start, answer, end, read results and open history without the mouse."""
    app = frameshift_app
    w = app.window
    bot = app.qtbot
    w.activateWindow()
    w.picker.list.setFocus()
    assert QApplication.focusWidget() is w.picker.list
    bot.keyClick(w.picker.list, Qt.Key.Key_Down)
    chosen = w.picker.current
    assert chosen is not None
    assert chosen.id == w.scenarios[1].id
    bot.keyClick(w.picker.list, Qt.Key.Key_Return)
    bot.waitUntil(lambda: w.rehearsal.awaiting_answer)
    assert w.stack.currentWidget() is w.conversation
    box = w.conversation.answer
    bot.waitUntil(lambda: QApplication.focusWidget() is box)
    bot.keyClicks(box, "Hi, what brings you to the fair today?")
    turns = len(w.rehearsal.conversation.turns)  # type: ignore[union-attr]
    bot.keyClick(box, Qt.Key.Key_Return)
    bot.waitUntil(lambda: len(w.rehearsal.conversation.turns) > turns + 1)  # type: ignore[union-attr]
    bot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    bot.waitUntil(lambda: w.stack.currentWidget() is w.results)
    # Tab moves focus through the results screen and focus is always somewhere visible.
    seen = set()
    for _ in range(8):
        focus = QApplication.focusWidget()
        assert focus is not None
        assert focus.isVisible()
        seen.add(focus.objectName())
        bot.keyClick(focus, Qt.Key.Key_Tab)
    assert "replayTimeline" in seen
    bot.keyClick(QApplication.focusWidget(), Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    bot.waitUntil(lambda: w.stack.currentWidget() is w.history)
    table = w.history.table
    assert QApplication.focusWidget() is table
    bot.keyClick(table, Qt.Key.Key_Return)
    bot.waitUntil(lambda: w.stack.currentWidget() is w.results)


def test_buttons_show_their_shortcuts_in_tooltips(frameshift_app: FrameshiftDriver) -> None:
    """Shortcuts are discoverable: the main actions' tooltips name their keys."""
    c = frameshift_app.window.conversation
    for button, key in (
        (c.send_button, "Enter"),
        (c.repeat_button, "Ctrl+R"),
        (c.end_button, "Ctrl+E"),
        (c.listen_button, "Alt+L"),
    ):
        assert key in button.toolTip()


@pytest.mark.parametrize("theme", ["light", "dark", "high_contrast"])
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_layout_survives_themes_and_large_text(
    frameshift_app: FrameshiftDriver, theme: str, scale: float
) -> None:
    """At twice the text size in every theme, no button is squeezed below its own text."""
    from app.ui.theme import apply_theme

    app = frameshift_app
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    apply_theme(qapp, theme, scale)
    try:
        app.start("connector-intro")
        app.answer("Yes!")
        app.answer("I have three years of experience")
        app.finish()
        for screen in (app.window.picker, app.window.conversation, app.window.results):
            app.window.stack.setCurrentWidget(screen)
            app.window.resize(1280, 900)
            app.qtbot.wait(10)
            for b in screen.findChildren(QAbstractButton):
                if b.isVisible() and b.text():
                    need = b.fontMetrics().horizontalAdvance(b.text().replace("&", ""))
                    assert b.width() >= need, (theme, scale, b.objectName(), b.width(), need)
    finally:
        apply_theme(qapp, "light", 1.0)


@pytest.mark.frameshift(practice_mode=True)
def test_frames_are_told_by_symbol_and_word_not_colour_alone(
    frameshift_app: FrameshiftDriver,
) -> None:
    """In practice mode each answer in the exchange carries a shape and a word for its frame."""
    app = frameshift_app
    app.start("connector-intro")
    app.answer("What does your team work on?")
    items = app.window.conversation.transcript
    texts = [items.item(i).text() for i in range(items.count())]
    answer = next(t for t in texts if t.startswith("You:"))
    assert any(sym in answer for sym in ("●", "■", "–"))
    assert any(word in answer for word in ("Exploration", "Interview", "Neutral"))
