"""The Qt application and the first paint: what every window needs before anything else.

Start-up itself (store, scenarios, speech, window or kiosk) is :mod:`app.bootstrap`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget


def ensure_qapp(argv: list[str] | None = None) -> QApplication:
    qapp = QApplication.instance()
    if isinstance(qapp, QApplication):
        return qapp
    from app.speech.qtaudio import quiet_qt_multimedia

    quiet_qt_multimedia()  # before the first audio device query prints its PipeWire notice
    qapp = QApplication(argv if argv is not None else sys.argv[:1])
    from app.config import default_config_path

    keep_qt_settings_in(default_config_path().parent)
    qapp.setApplicationName("Frameshift")
    qapp.setOrganizationName("Frameshift")
    qapp.setDesktopFileName("frameshift")
    return qapp


def keep_qt_settings_in(folder: Path) -> None:
    """Qt's own settings (the file dialog's recent folders, `QtProject.conf`) go to `folder`,
    Frameshift's config folder, not to ~/.config: Frameshift writes nothing outside its four
    folders (README "Where your data lives")."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))


class _FirstPaint(QObject):
    """Runs callbacks once, on the event-loop turn after the widget's first paint."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.callbacks: list[Callable[[], None]] = []
        self.painted = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            callbacks, self.callbacks = self.callbacks, []
            for callback in callbacks:
                QTimer.singleShot(0, callback)
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Run ``callback`` after ``widget`` is first painted (at once if it already was)."""
    hook = widget.findChild(_FirstPaint)
    if hook is None:
        hook = _FirstPaint(widget)
    if hook.painted:
        QTimer.singleShot(0, callback)
    else:
        hook.callbacks.append(callback)


class NoDisplayError(RuntimeError):
    """There is no screen to open a window on; the message says what to do."""


def has_display() -> bool:
    """A window can be shown: a display server, or a Qt platform chosen explicitly."""
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
