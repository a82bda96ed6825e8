"""Captures every screen in every theme from a real X display (run by test_screenshots.py
under Xvfb; not collected on its own). Writes PNGs to $FRAMESHIFT_SCREENS_OUT."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from app.testing.driver import FrameshiftDriver
from app.ui.theme import apply_theme

OUT = Path(os.environ.get("FRAMESHIFT_SCREENS_OUT", "screens"))


def _grab(app: FrameshiftDriver, widget: QWidget, name: str, theme: str) -> None:
    """What is on the X screen where the window is, as a user sees it."""
    app.qtbot.wait(150)
    QApplication.processEvents()
    screen = QGuiApplication.primaryScreen()
    top = widget.window()
    geo = top.frameGeometry()
    shot = screen.grabWindow(0, geo.x(), geo.y(), geo.width(), geo.height())
    OUT.mkdir(parents=True, exist_ok=True)
    assert shot.save(str(OUT / f"{name}-{theme}.png"))


def _finished_sessions(app: FrameshiftDriver) -> None:
    """A few whole rehearsals, some kept exploratory, so the history chart has a story."""
    from app.session import Conversation

    eager = ["Hi, I'm looking for a job", "Yes!", "I have great experience", "When can I start?"]
    curious = [
        "I came to learn how people here got into this work",
        "What does your team work on day to day?",
        "Honestly I don't know yet, I'd like to understand it better first",
        "What drew you to it? And who else should I talk to?",
        "That's really helpful, thank you",
    ]
    for answers in (eager, eager, curious, curious, curious):
        for scenario in app.window.scenarios[:3]:
            conv = Conversation(scenario, app.window.store)
            conv.begin()
            for text in answers * 3:
                if conv.reached_end:
                    break
                conv.answer(text)
            conv.end()


@pytest.mark.parametrize("theme", ["light", "dark", "high_contrast"])
def test_capture_every_screen(frameshift_app: FrameshiftDriver, theme: str) -> None:
    """Picker, conversation, replay, comparison, history and settings, in one theme."""
    app = frameshift_app
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    apply_theme(qapp, theme, 1.0)
    w = app.window
    w.resize(1100, 760)
    w.move(0, 0)
    app.qtbot.waitExposed(w)
    steps: list[tuple[str, Callable[[], QWidget]]] = []

    w.show_picker()
    w.picker.select("connector-intro")
    _grab(app, w, "picker", theme)

    line = app.start("connector-intro")
    line = app.answer("I came to hear how people here got into data work")
    line = app.answer("Oh nice, what do the pipelines feed into?")
    _grab(app, w, "conversation", theme)
    while "interested in the position" not in line.lower() and not app._done():
        line = app.answer("Interesting, tell me more")
    app.answer("Yes!")
    app.answer("I've built a few ETL jobs in Python at my internship")
    app.finish()
    results = app.open_replay()
    results.jump_to_shift()
    _grab(app, w, "results", theme)

    results.retry_button.click()
    app.wait_for_manager_line()
    app.answer("Honestly I don't know yet, I'd like to understand what the team does first")
    app.answer("I like finding out why numbers don't add up. What drew you to this work?")
    app.finish()
    results = app.open_replay()
    if results.compare_button.isVisible():
        results.compare_button.click()
        _grab(app, w, "compare", theme)

    _finished_sessions(app)
    w.show_history()
    _grab(app, w, "history", theme)
    del steps
    apply_theme(qapp, "light", 1.0)
