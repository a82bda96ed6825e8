"""The status message never moves the screens above it (newcomer report: the picker's buttons
went up and down with the message's length): at any message length and text size the status
line keeps one height, and a message it cuts is whole in its tooltip."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from app.testing.driver import FrameshiftDriver
from app.ui.theme import apply_theme

pytestmark = pytest.mark.gui

WORDS = [
    "the",
    "microphone",
    "could",
    "not",
    "be",
    "opened",
    "settings",
    "saved",
    "to",
    "a",
    "folder",
    "history",
    "speech",
]


def _message(rng: random.Random) -> str:
    n = rng.choice([0, 1, 4, 12, 30, 80, 200])
    return " ".join(rng.choice(WORDS) for _ in range(n)) + ("." if n else "")


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_messages_of_any_length_leave_the_picker_where_it_is(
    frameshift_app: FrameshiftDriver, scale: float
) -> None:
    app = frameshift_app
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    apply_theme(qapp, "light", scale)
    try:
        w = app.window
        w.resize(1280, 740)
        w.show_status("")
        app.qtbot.wait(20)
        button = w.picker.start_button

        def place() -> tuple[int, int]:
            return (button.mapTo(w, QPoint(0, 0)).y(), w.status_label.height())

        first = place()
        rng = random.Random(int(scale * 10))
        cut = 0
        for _ in range(12):
            text = _message(rng)
            w.show_status(text)
            app.qtbot.wait(10)
            assert place() == first, text[:60]
            label = w.status_label
            assert label.text() == text
            assert label.toolTip() == text
            shown = label.shown()
            room = label.contentsRect()
            needed = label.fontMetrics().boundingRect(room, int(Qt.TextFlag.TextWordWrap), shown)
            assert needed.height() <= room.height(), shown  # whole lines, none cut
            if shown != text:  # cut: the first words stay, the end says more is in the tooltip
                cut += 1
                assert shown.endswith("…")
                assert text.startswith(shown[: len(shown) // 3])
        assert cut > 0  # the long messages were cut, and said so
        lines = w.status_label.height() // w.status_label.fontMetrics().lineSpacing()
        assert lines >= 2
    finally:
        apply_theme(qapp, "light", 1.0)


def test_only_the_picker_is_built_before_the_first_paint(frameshift_app: FrameshiftDriver) -> None:
    """Review of session 7: the status bar's show/hide asked for the conversation screen and so
    built it before the first paint (the window as the bootstrap makes it: loading, store and
    scenarios attached after the paint); the other screens are built when first needed."""
    from app.ui.main_window import MainWindow

    w = frameshift_app.window
    fresh = MainWindow(w.settings, None, [], speech=frameshift_app.speech, loading=True)
    frameshift_app.qtbot.addWidget(fresh)
    assert fresh._pages == {}
    fresh.show_status("Saved.")
    fresh.show_picker()
    assert fresh._pages == {}
