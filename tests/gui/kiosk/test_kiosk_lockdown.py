"""A visitor cannot leave the kiosk: every way out is tried and the window stays full screen."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QWidget

from tests.gui.kiosk.conftest import Booth

pytestmark = pytest.mark.gui

ESCAPES = [
    ("Alt+F4", Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    ("Escape", Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    ("Ctrl+Q", Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    ("Ctrl+W", Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
]


def _still_locked(booth: Booth) -> None:
    k = booth.kiosk
    assert k.isVisible()
    assert k.isFullScreen()
    screen = k.screen()
    assert screen is not None
    assert k.geometry() == screen.geometry()  # filled even where no window manager obliges
    assert k.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog)]
    assert QApplication.activePopupWidget() is None


def test_starts_full_screen_frameless_on_the_attract_screen(make_booth: Any) -> None:
    """At start the kiosk is full screen, frameless, touch-sized, and shows the attract screen."""
    booth = make_booth()
    k = booth.kiosk
    _still_locked(booth)
    assert k.objectName() == "kioskRoot"
    assert k.current_page is k.attract
    button = k.attract.start_button
    button.ensurePolished()
    assert button.font().pointSizeF() >= 20  # base.qss: QWidget#kioskRoot QPushButton
    assert "nothing you say or record is kept" in k.attract.privacy.text().lower()
    assert "say hello" in button.text().lower()


@pytest.mark.parametrize(("name", "key", "modifier"), ESCAPES, ids=[e[0] for e in ESCAPES])
def test_escape_keys_do_nothing(make_booth: Any, name: str, key: Any, modifier: Any) -> None:
    """Alt+F4, Escape, Ctrl+Q and Ctrl+W leave the kiosk, the visit and the window up."""
    booth = make_booth()
    app = booth.visitor()
    app.start("career-fair-booth")
    window = app.window
    for target in (window.conversation.answer, window, booth.kiosk):
        booth.qtbot.keyClick(target, key, modifier)
    _still_locked(booth)
    assert booth.kiosk.visit is not None
    assert window.isVisible()
    assert window.stack.currentWidget() is window.conversation
    assert booth.kiosk.guard.blocked >= 3


def test_close_is_refused_for_the_kiosk_and_the_visit(make_booth: Any) -> None:
    """close() on the kiosk (what Alt+F4 from the window manager does) or on the visitor's
    window is refused."""
    booth = make_booth()
    app = booth.visitor()
    assert booth.kiosk.close() is False
    assert app.window.close() is False
    _still_locked(booth)
    assert app.window.isVisible()


def test_right_click_menus_never_open(make_booth: Any) -> None:
    """A context-menu event (right click, long press) on a text box opens no menu."""
    booth = make_booth()
    app = booth.visitor()
    app.start("career-fair-booth")
    box = app.window.conversation.answer
    opened: list[QWidget] = []

    def close_any_popup() -> None:  # if the guard failed, do not hang on a modal menu
        popup = QApplication.activePopupWidget()
        if popup is not None:
            opened.append(popup)
            popup.close()

    QTimer.singleShot(300, close_any_popup)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(5, 5), box.mapToGlobal(QPoint(5, 5))
    )
    QApplication.sendEvent(box, event)
    booth.qtbot.wait(400)
    assert opened == []
    assert not [m for m in QApplication.topLevelWidgets() if isinstance(m, QMenu) and m.isVisible()]
    _still_locked(booth)


def test_settings_history_and_file_dialogs_are_out_of_reach(
    make_booth: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No settings or history button, Ctrl+H does nothing, and a whole visit with a report
    export never opens a file dialog."""
    calls: list[str] = []
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory", "exec"):
        monkeypatch.setattr(QFileDialog, name, lambda *a, _n=name, **k: calls.append(_n))
    booth = make_booth()
    booth.plug_stick("STICK")
    app = booth.visitor()
    window = app.window
    assert not window.picker.settings_button.isVisibleTo(window)
    assert not window.picker.history_button.isVisibleTo(window)
    window.picker.settings_button.click()  # even a programmatic click
    booth.qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.picker
    app.start("career-fair-booth")
    app.answer("Hi, what does your team build?")
    app.finish()
    assert not window.results.history_button.isVisibleTo(window)
    booth.qtbot.mouseClick(booth.kiosk.save_report_button, Qt.MouseButton.LeftButton)
    booth.qtbot.mouseClick(booth.kiosk.export_save_button, Qt.MouseButton.LeftButton)
    assert list((booth.media_root / "STICK").glob("*.html"))
    assert calls == []
    _still_locked(booth)
