"""When the recognizer cannot load, or another model stands in for it (Whisper base missing or
damaged, or the machine too slow: the fast model), the user is told in a sentence: on the picker
before a rehearsal (beside any start-up notice), on the conversation's banner during one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.testing.driver import FrameshiftDriver

pytestmark = pytest.mark.gui

SENTENCES = [
    "Whisper base is damaged in the cache; the fast model (tiny.en) listens instead.",
    "This computer decodes Whisper base slowly; the fast model (tiny.en) listens instead.",
    "The speech model could not load (no space left on device); type your answers.",
]


@pytest.mark.parametrize("kind", ["recognizer_notice", "recognizer_failed"])
def test_a_recognizer_sentence_reaches_the_screen(
    frameshift_app: FrameshiftDriver, kind: str
) -> None:
    app = frameshift_app
    worker = app.speech.worker
    assert worker is not None
    signal = getattr(worker, kind)
    picker = app.window.picker
    picker.show_notice("1 problem(s) in scenario files.")
    for sentence in SENTENCES:
        signal.emit(sentence)
        app.qtbot.wait(10)
        assert sentence in picker.notice.text()
        assert picker.notice.isVisibleTo(app.window)
    assert picker.notice.text().startswith("1 problem(s)")  # the start-up notice is kept
    # One notice a line, as plain text (trial 8 H29: they ran together in one sentence).
    assert picker.notice.text().splitlines() == ["1 problem(s) in scenario files.", *SENTENCES]
    assert picker.notice.textFormat() == Qt.TextFormat.PlainText
    signal.emit(SENTENCES[0])
    assert picker.notice.text().count(SENTENCES[0]) == 1  # said once, not piled up
    app.start("alumni-call")
    banner = app.window.conversation.banner
    for sentence in SENTENCES:
        signal.emit(sentence)
        app.qtbot.wait(10)
        assert banner.text() == sentence
        assert banner.isVisibleTo(app.window)


def test_each_window_on_the_same_speech_hears_the_recognizer(
    frameshift_app: FrameshiftDriver,
) -> None:
    """The kiosk opens a fresh window per visitor over the booth's one speech worker."""
    from app.ui.main_window import MainWindow

    app = frameshift_app
    worker = app.speech.worker
    assert worker is not None
    app.window.attach_speech(app.speech)  # handed over again: still connected once
    visitor = MainWindow(app.window.settings, None, [], speech=app.speech)
    app.qtbot.addWidget(visitor)
    worker.recognizer_notice.emit(SENTENCES[1])
    app.qtbot.wait(10)
    for window in (app.window, visitor):
        assert window.picker.notice.text().count(SENTENCES[1]) == 1
