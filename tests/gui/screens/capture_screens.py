"""Captures every screen in every theme from a real X display whose size is the screen size
under test (run by test_screenshots.py under Xvfb once per size; not collected on its own), and
checks each for clipped text, widgets outside the window and low contrast (checks.py here).
Writes PNGs to $FRAMESHIFT_SCREENS_OUT as <screen>-<theme>-<w>x<h>.png, and problems-*.txt."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from checks import (  # this folder (pytest puts it on the path)
    layout_problems,
    pixel_contrast_problems,
)
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QWidget

from app.config import THEMES
from app.testing.driver import FrameshiftDriver
from app.ui.theme import apply_theme

OUT = Path(os.environ.get("FRAMESHIFT_SCREENS_OUT", "screens"))
WIDTH, HEIGHT = (int(v) for v in os.environ.get("FRAMESHIFT_SCREEN_SIZE", "1366x768").split("x"))
SIZE = f"{WIDTH}x{HEIGHT}"
PROBLEMS: list[str] = []


def _grab(bot: Any, top: QWidget, name: str, theme: str, size: str) -> None:
    """What is on the X screen where the window is, as a user sees it; then the checks."""
    bot.wait(120)
    QApplication.processEvents()
    geo = top.frameGeometry()
    shot = QGuiApplication.primaryScreen().grabWindow(
        0, geo.x(), geo.y(), geo.width(), geo.height()
    )
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}-{theme}-{size}.png"
    assert shot.save(str(path))
    where = f"{name}-{theme}-{size}"
    PROBLEMS.extend(f"{where}: {p}" for p in layout_problems(top))
    image = QImage(str(path))
    PROBLEMS.extend(f"{where}: {p}" for p in pixel_contrast_problems(top, image))


def _finished_sessions(app: FrameshiftDriver) -> None:
    """A few whole rehearsals over the past three weeks, some kept exploratory, so the history
    chart has a story and dates along its axis."""
    import itertools
    import time

    from app.session import Conversation

    day = 86_400.0
    when = iter(time.time() - day * (21 - 2.3 * k) for k in range(9))

    eager = ["Hi, I'm looking for a job", "Yes!", "I have great experience", "When can I start?"]
    curious = [
        "I came to learn how people here got into this work",
        "What does your team work on day to day?",
        "Honestly I don't know yet, I'd like to understand it better first",
        "What drew you to it? And who else should I talk to?",
        "That's really helpful, thank you",
    ]
    for answers in (eager, curious, curious):
        for scenario in app.window.scenarios[:3]:
            conv = Conversation(
                scenario, app.window.store, clock=itertools.repeat(next(when)).__next__
            )
            conv.begin()
            for text in answers * 3:
                if conv.reached_end:
                    break
                conv.answer(text)
            conv.end()


def _to_the_close(app: FrameshiftDriver, *answers: str, most: int = 12) -> None:
    """Answer until the conversation reaches its close (the README's replay shows a whole
    rehearsal, not one ended early), at most `most` more answers."""
    import itertools

    for text in itertools.islice(itertools.cycle(answers), most):
        if app._done():
            return
        app.answer(text)


def _sessions(app: FrameshiftDriver) -> tuple[int, int, int]:
    """A session with a shift, its retry (for compare) and one without a shift."""
    line = app.start("connector-intro")
    app.answer("I came to hear how people here got into data work")
    line = app.answer("Oh nice, what do the pipelines feed into?")
    while "interested in the position" not in line.lower() and not app._done():
        line = app.answer("Interesting, tell me more")
    app.answer("Yes!")
    app.answer("I've built a few ETL jobs in Python at my internship")
    _to_the_close(app, "Mostly batch jobs, nothing in real time yet", "Thanks, that's helpful")
    shifted = app.finish()
    results = app.open_replay()
    results.retry_button.click()
    app.wait_for_manager_line()
    app.answer("Honestly I don't know yet, I'd like to understand what the team does first")
    app.answer("I like finding out why numbers don't add up. What drew you to this work?")
    retried = app.finish()
    app.start("alumni-call")
    for text in (
        "Thanks for making time. How did you get into user research?",
        "What surprised you most in your first year?",
        "I'm not sure yet whether it's for me; I'd like to understand the work first",
        "Who else do you think I should talk to?",
        "That's really helpful, thank you",
    ):
        if app._done():
            break
        app.answer(text)
    _to_the_close(app, "That's really helpful, thank you")
    calm = app.finish()
    _finished_sessions(app)
    return shifted, retried, calm


@pytest.mark.parametrize("theme", THEMES)
def test_capture_every_screen(frameshift_app: FrameshiftDriver, theme: str) -> None:
    """Picker, conversation (speaking, listening, thinking), replay with and without a shift,
    compare, history and settings, in one theme, at each size."""
    app = frameshift_app
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    apply_theme(qapp, theme, 1.0)
    w = app.window
    w.move(0, 0)
    app.qtbot.waitExposed(w)
    shifted, retried, calm = _sessions(app)
    for size in (SIZE,):
        w.resize(WIDTH, HEIGHT)
        w.show_picker()
        w.picker.select("connector-intro")
        _grab(app.qtbot, w, "picker", theme, size)
        w.show_results(shifted)
        w.results.jump_to_shift()
        _grab(app.qtbot, w, "replay-shift", theme, size)
        w.show_results(calm)
        _grab(app.qtbot, w, "replay-noshift", theme, size)
        w.show_results(retried)
        w.results.show_comparison()
        _grab(app.qtbot, w, "compare", theme, size)
        w.show_history()
        _grab(app.qtbot, w, "history", theme, size)
        _settings(app, theme, size)

    app.start("connector-intro")
    app.answer("I came to hear how people here got into data work")
    app.answer("Oh nice, what do the pipelines feed into?")
    view = w.conversation
    for size in (SIZE,):
        w.resize(WIDTH, HEIGHT)
        view.set_phase("speaking")
        _grab(app.qtbot, w, "conversation-speaking", theme, size)
        view.set_phase("listening")
        view.set_level(0.65)
        _grab(app.qtbot, w, "conversation-listening", theme, size)
        view.set_phase("thinking")
        _grab(app.qtbot, w, "conversation-thinking", theme, size)
        apply_theme(qapp, theme, 1.5)  # --font-scale 1.5: still nothing cut
        view.set_phase("listening")
        _grab(app.qtbot, w, "conversation-text150", theme, size)
        apply_theme(qapp, theme, 1.0)
    app.finish()
    apply_theme(qapp, "light", 1.0)
    _report(f"{theme}-{SIZE}")


def _report(name: str) -> None:
    (OUT / f"problems-{name}.txt").write_text("".join(p + "\n" for p in PROBLEMS), "utf-8")
    found = list(PROBLEMS)
    PROBLEMS.clear()
    assert found == []


def _settings(app: FrameshiftDriver, theme: str, size: str) -> None:
    """The settings dialog, over the window, as it opens."""
    from dataclasses import replace

    from app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(replace(app.settings, theme=theme), None, app.window)
    dialog.show()
    app.qtbot.waitExposed(dialog)
    dialog.move(app.window.frameGeometry().center() - dialog.rect().center())
    _grab(app.qtbot, dialog, "settings", theme, size)
    dialog.close()
    dialog.deleteLater()


@pytest.mark.parametrize("theme", THEMES)
def test_capture_the_kiosk(qtbot: object, tmp_path: Path, theme: str) -> None:
    """The kiosk filling the screen: attract, a visit, the "Still there?" countdown, and the
    operator screen (after the PIN)."""
    from dataclasses import replace

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from app.bootstrap import build_kiosk
    from app.config import KioskSettings, load_settings
    from app.session.kiosk import hash_pin
    from app.testing.driver import FrameshiftDriver, scripted_speech

    class Clock:
        now = 1000.0

        def __call__(self) -> float:
            return self.now

    clock = Clock()
    loaded = load_settings(
        tmp_path / "config.toml",
        environ={},
        overrides={"data_dir": tmp_path / "data", "end_silence_ms": 200, "theme": theme},
    )
    kiosk_settings = KioskSettings(
        enabled=True, pin_hash=hash_pin("2468", iterations=1_000), idle_seconds=30
    )
    loaded.settings = replace(loaded.settings, kiosk=kiosk_settings)
    speech, voice, recognizer = scripted_speech(loaded.settings)
    kiosk = build_kiosk(loaded, speech=speech, clock=clock)
    bot = qtbot  # pytest-qt's bot
    bot.addWidget(kiosk)  # type: ignore[attr-defined]
    kiosk.start()
    bot.waitExposed(kiosk)  # type: ignore[attr-defined]
    try:
        _grab(bot, kiosk, "kiosk-attract", theme, SIZE)
        bot.mouseClick(kiosk.attract.start_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        assert kiosk.visit is not None
        visitor = FrameshiftDriver(
            bot, kiosk.visit.window, speech, voice, recognizer, real_speech=False
        )
        _grab(bot, kiosk, "kiosk-visit", theme, SIZE)
        visitor.start(kiosk.visit.window.scenarios[0].id)
        visitor.answer("Hi! What does your team work on?")
        clock.now += 33
        kiosk.check_idle()
        assert kiosk.overlay.isVisible()
        _grab(bot, kiosk, "kiosk-countdown", theme, SIZE)
        kiosk.overlay.cancelled.emit()
        kiosk.reset_to_attract()
        kiosk.request_operator()
        page = kiosk.pin_page
        for digit in "2468":
            key = page.findChild(QPushButton, f"pinKey{digit}")
            bot.mouseClick(key, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        page.submit()
        assert kiosk.current_page is kiosk.operator
        _grab(bot, kiosk, "kiosk-operator", theme, SIZE)
    finally:
        kiosk.shutdown()
        kiosk.close()
        assert speech.worker is not None
        speech.worker.stop()
        qapp = QApplication.instance()
        assert isinstance(qapp, QApplication)
        apply_theme(qapp, "light", 1.0)
    _report(f"kiosk-{theme}-{SIZE}")
