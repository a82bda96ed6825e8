"""The kiosk's application-wide guards: input activity, blocked escapes, the operator chord,
and the excepthook that turns an unexpected error into a return to the attract screen."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QWidget

ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.KeyPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.Wheel,
        QEvent.Type.TabletPress,
    }
)
_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
OPERATOR_CHORD = "Ctrl+Alt+Shift+O"


def is_operator_chord(event: QKeyEvent) -> bool:
    mods = event.modifiers()
    return event.key() == Qt.Key.Key_O and bool(mods & _CTRL and mods & _ALT and mods & _SHIFT)


def is_escape_key(event: QKeyEvent) -> bool:
    """Keys that close or quit something: Escape, Alt+F4, Ctrl+F4, Ctrl+Q, Ctrl+W."""
    key, mods = event.key(), event.modifiers()
    if key == Qt.Key.Key_Escape:
        return True
    if key == Qt.Key.Key_F4 and mods & (_ALT | _CTRL):
        return True
    return key in (Qt.Key.Key_Q, Qt.Key.Key_W) and bool(mods & _CTRL)


class KioskGuard(QObject):
    """Installed on the QApplication while the kiosk runs.

    It sees every event before any widget: input counts as activity (the idle timer), context
    menus and keys that close things are swallowed, the operator chord is reported, and Close
    events for the kiosk window or anything in it are refused unless ``allow_close`` is set.

    Signals:
        activity_seen(): a visitor touched, clicked, scrolled or typed.
        operator_requested(): the operator pressed Ctrl+Alt+Shift+O.
    """

    activity_seen = Signal()
    operator_requested = Signal()

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)
        self.root = root
        self.allow_close = False
        self.blocked = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in ACTIVITY_EVENTS:
            self.activity_seen.emit()
        if kind == QEvent.Type.ContextMenu:
            self.blocked += 1
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(
            event, QKeyEvent
        ):
            if is_operator_chord(event):
                if kind == QEvent.Type.KeyPress and not event.isAutoRepeat():
                    self.operator_requested.emit()
                event.accept()
                return True
            if is_escape_key(event):
                self.blocked += 1
                event.accept()
                return True
        if kind == QEvent.Type.Close and not self.allow_close and self._inside(watched):
            self.blocked += 1
            event.ignore()
            return True
        return False

    def _inside(self, watched: QObject) -> bool:
        return isinstance(watched, QWidget) and (
            watched is self.root or self.root.isAncestorOf(watched)
        )


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class CrashGuard:
    """Replaces sys.excepthook while the kiosk runs: an error is handed to ``on_error``
    (which logs it and resets to the attract screen) instead of a dialog or a traceback."""

    def __init__(
        self,
        on_error: Callable[[type[BaseException], BaseException, TracebackType | None], None],
    ) -> None:
        self._on_error = on_error
        self._previous: ExceptHook | None = None
        self.caught = 0

    @property
    def installed(self) -> bool:
        return self._previous is not None

    def install(self) -> None:
        if self._previous is None:
            self._previous = sys.excepthook
            sys.excepthook = self._hook

    def uninstall(self) -> None:
        if self._previous is not None:
            if sys.excepthook == self._hook:
                sys.excepthook = self._previous
            self._previous = None

    def _hook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt) and self._previous is not None:
            self._previous(exc_type, exc, tb)
            return
        self.caught += 1
        try:
            self._on_error(exc_type, exc, tb)
        except Exception:  # the handler itself failed: nothing more can be done quietly
            if self._previous is not None:
                self._previous(exc_type, exc, tb)


class FullScreenLock(QWidget):
    """A top-level widget that stays full screen and refuses to close until unlocked."""

    _locked = False  # kept full screen (after lock_full_screen)
    _closable = False  # a close is accepted (after unlock_full_screen)

    def lock_full_screen(self) -> None:
        self._locked, self._closable = True, False
        self._fill_screen()

    def unlock_full_screen(self) -> None:
        """Let the window leave full screen and close (the operator quit, or a test ends)."""
        self._locked, self._closable = False, True

    def changeEvent(self, event: QEvent) -> None:
        """Back to full screen whenever something (a window manager key, a resize request from a
        page, the offscreen platform) takes the window out of it."""
        super().changeEvent(event)
        if (
            event.type() == QEvent.Type.WindowStateChange
            and self._locked
            and not self.isFullScreen()
        ):
            QTimer.singleShot(0, self._restore_full_screen)

    def _restore_full_screen(self) -> None:
        if self._locked and not self.isFullScreen():
            self._fill_screen()

    def _fill_screen(self) -> None:
        """Full screen, and the screen's whole geometry too: without a window manager (a bare
        X session, as kiosks often run) the full-screen state alone does not resize anything."""
        screen = self.screen()
        if screen is not None:
            self.setGeometry(screen.geometry())
        self.showFullScreen()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closable:
            event.ignore()  # Alt+F4, the window manager, a stray close(): the window stays
            return
        event.accept()
