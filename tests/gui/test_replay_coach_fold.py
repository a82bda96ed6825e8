"""Session 14 U1: at high contrast with text at 1.5x (and at every larger text size, in every
theme) the replay's "What you could have said" started below the fold of its panel: a user at
1280x800 saw the shift's explanation and nothing said there was more. Now, whenever its first
line is below what the panel shows, a button pinned under the panel names it
("↓ What you could have said") and scrolls to it.

Every theme x every text size the Settings allow (0.5 to 3.0 in steps of 0.25) x three window
sizes, on the real replay of a session with a shift: the coach's first line shows inside the
window, or the cue shows (whole, inside the window) and a click brings that line into view."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QPushButton, QWidget

from app.config import THEMES
from app.testing.driver import FrameshiftDriver
from app.ui.settings_dialog import setting_range
from app.ui.theme import apply_theme
from tests.gui.fit_checks import settle

pytestmark = pytest.mark.gui

# 1280x800 and 1366x768 screens, also as a window gets them under a title bar and a panel.
SIZES = ((1280, 800), (1280, 736), (1366, 768), (1366, 704), (1920, 1080))


def text_sizes() -> list[float]:
    """Every value the Settings' text size box offers (its range in its steps of 0.25)."""
    low, high = setting_range("font_scale")
    sizes, value = [], float(low)
    while value <= float(high) + 1e-9:
        sizes.append(round(value, 2))
        value += 0.25
    return sizes


def _shifted(app: FrameshiftDriver) -> int:
    line = app.start("connector-intro")
    app.answer("I came to hear how people here got into data work")
    line = app.answer("Oh nice, what do the pipelines feed into?")
    while "interested in the position" not in line.lower() and not app._done():
        line = app.answer("Interesting, tell me more")
    app.answer("Yes!")
    app.answer("I've built a few ETL jobs in Python at my internship")
    return app.finish()


def _in_window(widget: QWidget, window: QWidget, top: int, height: int) -> bool:
    """Inside the window and inside every scrolled view it sits in (not scrolled away)."""
    at = widget.mapTo(window, QPoint(0, top))
    if not window.rect().contains(QRect(at.x(), at.y(), 10, height)):
        return False
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            view = parent.viewport()
            spot = widget.mapTo(view, QPoint(0, top))
            if not view.rect().contains(QRect(spot.x(), spot.y(), 10, height)):
                return False
        parent = parent.parentWidget()
    return True


def _first_line_seen(panel: object, window: QWidget) -> bool:
    coach = panel.coach  # type: ignore[attr-defined]
    return _in_window(coach, window, 0, coach.fontMetrics().height() + 12)


@pytest.mark.parametrize("theme", THEMES)
def test_what_you_could_have_said_is_seen_or_named(
    frameshift_app: FrameshiftDriver, theme: str
) -> None:
    app = frameshift_app
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    w = app.window
    sid = _shifted(app)
    problems: list[str] = []
    cued = 0
    styled: float | None = None  # the text size the app is styled at
    try:
        for scale, (width, height) in itertools.product(text_sizes(), SIZES):
            if scale != styled:  # once per text size (restyling the app takes ~0.4 s)
                apply_theme(qapp, theme, scale)
                styled = scale
            w.resize(width, height)
            w.show_results(sid)
            settle(w)  # until nothing moves (the cue is decided on the next pass)
            panel = w.results.insights
            where = f"{theme} {scale} {width}x{height}"
            assert w.width() <= width, where
            assert w.height() <= height, where
            assert panel.coach.isVisibleTo(w), where  # this session has a coach's alternative
            cue = w.findChild(QPushButton, "coachCueButton")
            if _first_line_seen(panel, w):
                if cue is not None and cue.isVisible():
                    problems.append(f"{where}: the cue shows though the coach is in view")
                continue
            if cue is None or not cue.isVisible():
                problems.append(f"{where}: below the fold, nothing says so")
                continue
            cued += 1
            if not _in_window(cue, w, 0, cue.height()) or cue.width() < cue.sizeHint().width():
                problems.append(f"{where}: the cue is cut or outside the window")
            cue.click()
            QApplication.processEvents()
            if not _first_line_seen(panel, w):
                problems.append(f"{where}: the cue did not bring it into view")
    finally:
        apply_theme(qapp, "light", 1.0)
    assert not problems, "\n".join(problems)
    assert cued > 0  # the large text sizes need it: the cue was really exercised
