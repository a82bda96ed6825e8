"""The replay's playback buttons keep their words at large text on small screens (trial 7
G26/G26b: at 1.5 on 1024x600 and 2.0 on 1280x800 they were icons only, "Jump to the shift" a
bare arrow): they wrap onto another row instead. Text sizes 0.5-3.0 x three screens: every
button shows its whole word inside the window, and keeps its accessible name and tooltip."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication

from app.testing.driver import FrameshiftDriver
from app.ui.replay.controls import GlyphButton, PlaybackControls

pytestmark = pytest.mark.gui

SCALES = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0)
SIZES = ((1024, 600), (1280, 800), (1366, 768))


def test_the_playback_buttons_keep_their_words(frameshift_app: FrameshiftDriver) -> None:
    from app.ui.theme import apply_theme

    app = frameshift_app
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    app.start("connector-intro")
    app.answer("What does your team work on day to day?")
    app.answer("Great, I want the job. What is the salary? Can you put me forward?")
    app.finish()
    w = app.window
    controls = w.results.findChild(PlaybackControls)
    assert controls is not None
    try:
        for scale, size in itertools.product(SCALES, SIZES):
            apply_theme(qapp, "light", scale)
            w.resize(*size)
            app.qtbot.wait(20)
            QApplication.processEvents()
            shown = [b for b in controls.buttons if b.isVisibleTo(controls)]
            assert len(shown) >= 5
            for button in shown:
                where = (scale, size, button.text())
                assert button.width() >= button.sizeHint().width(), where  # the word drawn
                assert isinstance(button, GlyphButton)
                assert not button.compact, where
                assert button.accessibleName(), where
                assert button.toolTip(), where
                box = QRect(button.mapTo(controls, QPoint(0, 0)), button.size())
                assert controls.rect().contains(box), where
    finally:
        apply_theme(qapp, "light", 1.0)
