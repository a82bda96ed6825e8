"""The replay uses the window it has: "Turn N of M · <name>" stays on one line whenever the row
has room for it (it wrapped into three lines beside the buttons, the row half empty), and the
page reaches the window's foot (an empty two-line status bar left a dead band under it).

Every scenario's persona and generated names x turn counts x window sizes, including 1024x600,
1280x720 and 800x600 and those screens at a 125% and 150% scale (their logical size: the
physical size divided by the scale), at text sizes 1.0-2.0."""

from __future__ import annotations

import itertools
import random

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication

from app.testing.driver import FrameshiftDriver
from tests.gui.shipped import shipped_scenarios

pytestmark = pytest.mark.gui

PHYSICAL = ((1024, 600), (1280, 720), (800, 600), (1280, 800), (1366, 768))
SCALES = (1.0, 1.25, 1.5)  # the desktop's scale: the window gets the logical size
TEXT = (1.0, 1.5, 2.0)


def logical_sizes() -> list[tuple[int, int]]:
    """Each screen at each scale, as the window sees it (at least the window's minimum)."""
    from app.ui.main_window import MIN_HEIGHT, MIN_WIDTH

    sizes = {
        (max(MIN_WIDTH, round(w / s)), max(MIN_HEIGHT, round(h / s)))
        for (w, h), s in itertools.product(PHYSICAL, SCALES)
    }
    return sorted(sizes)


def persona_names() -> list[str]:
    """Every installed scenario's persona, and generated names short, long and accented."""
    names = sorted({s.persona.name for s in shipped_scenarios()})
    assert len(names) >= 5
    rnd = random.Random(7)
    first = ["Jo", "Marcus", "Anna-Lena", "Bartholomew", "Zoë", "Siddharth", "Ngozi"]
    last = ["Li", "Okafor", "Weiß-Schöneberg", "Vanderbilt-Castellanos", "Ó Súilleabháin"]
    names += [f"{rnd.choice(first)} {rnd.choice(last)}" for _ in range(8)]
    return names


def _finished(app: FrameshiftDriver) -> None:
    app.start("connector-intro")
    app.answer("What does your team work on day to day?")
    app.finish()
    assert app.window.current_screen == "results"


def test_the_turn_label_takes_one_line_when_the_row_has_room(
    frameshift_app: FrameshiftDriver,
) -> None:
    from app.ui.theme import apply_theme

    app = frameshift_app
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    _finished(app)
    w = app.window
    controls = w.results.controls
    label = controls.now_label
    texts = [
        f"Turn {i} of {n} · {name}"
        for name, (i, n) in itertools.product(persona_names(), ((1, 1), (1, 11), (88, 120)))
    ]
    try:
        for scale, size in itertools.product(TEXT, logical_sizes()):
            apply_theme(qapp, "light", scale)
            w.resize(*size)
            app.qtbot.wait(5)
            for text in texts:
                label.setText(text)
                for _ in range(3):  # the row's new height is asked for after the first layout
                    QApplication.processEvents()
                where = (scale, size, text, label.size())
                one_line = label.fontMetrics().horizontalAdvance(text)
                # Whole: as tall as its text at its width, and inside the controls' row.
                assert label.height() >= label.heightForWidth(label.width()), where
                box = QRect(label.mapTo(controls, QPoint(0, 0)), label.size())
                assert controls.rect().contains(box), where
                if one_line + 4 <= controls.width():
                    assert label.contentsRect().width() >= one_line, where  # one line
    finally:
        apply_theme(qapp, "light", 1.0)


def test_the_replay_reaches_the_windows_foot(frameshift_app: FrameshiftDriver) -> None:
    """No empty status bar under the replay's own action bar (it has its own message line);
    a sentence the window says there still shows, and goes with the screen."""
    from app.ui.theme import apply_theme

    app = frameshift_app
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    _finished(app)
    w = app.window
    bar = w.results.action_bar
    try:
        for scale, size in itertools.product(TEXT, logical_sizes()):
            apply_theme(qapp, "light", scale)
            w.resize(*size)
            app.qtbot.wait(5)
            QApplication.processEvents()
            foot = bar.mapTo(w, QPoint(0, bar.height())).y()
            assert w.height() - foot <= 24, (scale, size, w.height(), foot)
            assert not w.statusBar().isVisible(), (scale, size)
        w.show_status("The scenario file could not be read.")
        assert w.statusBar().isVisible()
        assert w.status_label.text() == "The scenario file could not be read."
        w.stack.setCurrentWidget(w.history)
        w.stack.setCurrentWidget(w.results)
        assert not w.statusBar().isVisible()
    finally:
        apply_theme(qapp, "light", 1.0)
