"""The kiosk shell: a frameless full-screen window that runs one visitor at a time.

Pages: the attract screen, the visit (a fresh :class:`MainWindow` per visitor, on a store in a
private temp folder), the report export (the way there and back: `report_route.ReportRoute`),
the operator PIN and the operator screen (the way in and out: `operator_route.OperatorRoute`).
A visit ends when the visitor says they are done, after the idle countdown, when the operator
opens the PIN page, or after an unexpected error; each way runs the same
:meth:`KioskWindow.end_visit`, which closes the visitor's store and deletes their folder (and
forgets what else they left: `visit_end`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from app.config import LoadedSettings, Settings
from app.session.kiosk import EXIT_OPERATOR_QUIT, stale_visit_dirs, wipe_visit_dir
from app.ui.kiosk.attract import AttractScreen
from app.ui.kiosk.countdown import IdleWatch
from app.ui.kiosk.guard import CrashGuard, FullScreenLock, KioskGuard
from app.ui.kiosk.hello import HelloListener
from app.ui.kiosk.operator import OperatorScreen
from app.ui.kiosk.operator_flow import save_operator_settings
from app.ui.kiosk.operator_route import OperatorRoute
from app.ui.kiosk.pages import PageStack
from app.ui.kiosk.report_route import ReportRoute
from app.ui.kiosk.visit import Visit, VisitManager, VisitPage
from app.ui.kiosk.visit_end import forget_traces, log_unexpected
from app.ui.main_window import MainWindow

__all__ = ["KioskWindow", "Visit", "save_operator_settings"]


class KioskWindow(FullScreenLock):
    """The whole kiosk; the only top-level window while it runs.

    Signals:
        visit_started(): a visitor left the attract screen.
        visit_ended(str): the visitor's session was erased; why ("done", "idle", "error",
            "operator", "quit").
        countdown_shown(int): the idle countdown is on screen (seconds left).
        countdown_cancelled(): the visitor touched the screen during the countdown.
        error_caught(str): an unexpected error was logged (its type name) and the kiosk reset.
        operator_opened(): the right PIN was entered.
        report_saved(str): the visitor's report was written (its path).
        quit_requested(int): the operator left the kiosk; the exit status to use.
    """

    visit_started = Signal()
    visit_ended = Signal(str)
    countdown_shown = Signal(int)
    countdown_cancelled = Signal()
    error_caught = Signal(str)
    operator_opened = Signal()
    report_saved = Signal(str)
    quit_requested = Signal(int)

    def __init__(
        self,
        loaded: LoadedSettings,
        scenarios: Sequence[Any],
        *,
        speech: Any,
        demo: bool = False,
        visit_parent: Path | None = None,
        media_roots: Sequence[Path] | None = None,
        clock: Callable[[], float] = time.monotonic,
        operator_screen: OperatorScreen | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kioskRoot")
        self.setWindowTitle("Frameshift kiosk")
        self.setAccessibleName("Frameshift kiosk")
        self.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.loaded = loaded
        self.config_path = loaded.path
        self.all_scenarios = list(scenarios)
        self.speech = speech
        self.demo = demo
        self.media_roots = media_roots
        self.clock = clock
        self.operator_route = OperatorRoute(
            operator_screen or OperatorScreen(),
            loaded,
            self.all_scenarios,
            media_roots=media_roots,
            demo=demo,
            clock=clock,
            parent=self,
        )
        route = self.operator_route
        self.operator, self.operator_flow = route.screen, route.flow
        self.pin_gate, self.pin_page = route.pin_gate, route.pin_page
        route.page_wanted.connect(self._on_route_page_wanted)
        route.opened.connect(self.operator_opened)
        route.left.connect(self._on_route_left)
        route.quit.connect(self._on_route_quit)
        route.settings_changed.connect(self._apply_settings)
        self.operator.volume_changed.connect(self._set_volume)
        self.visits_manager = VisitManager(
            lambda: self.settings,
            lambda: route.offered,
            speech=lambda: self.speech,
            visit_parent=visit_parent,
        )

        for stale in stale_visit_dirs(visit_parent):
            wipe_visit_dir(stale)

        self.attract = AttractScreen()
        self.attract.start_requested.connect(self.start_visit)
        self.visit_page = VisitPage()
        self.save_report_button = self.visit_page.save_report_button
        self.done_button = self.visit_page.done_button
        self.done_button.clicked.connect(lambda: self.reset_to_attract("done"))

        self.report_route = ReportRoute(self.visit_page, self.visits_manager, media_roots, self)
        self.report_route.page_wanted.connect(self.show_page)
        self.report_route.attract_wanted.connect(self.show_attract)
        self.export_page = self.report_route.page
        self.export_page.saved.connect(self.report_saved)
        self.media_list = self.export_page.media_list
        self.export_status = self.export_page.status
        self.export_save_button = self.export_page.save_button
        self.pages = PageStack(
            self.attract, self.visit_page, self.export_page, self.pin_page, self.operator
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.idle = IdleWatch(
            self, lambda: route.idle_policy, clock, lambda: self.current_page is not self.attract
        )
        self.idle.countdown_shown.connect(self.countdown_shown)
        self.idle.countdown_cancelled.connect(self.countdown_cancelled)
        self.idle.expired.connect(lambda: self.reset_to_attract("idle"))
        self.overlay = self.idle.overlay
        self.visits_manager.activity.connect(self.idle.note_activity)

        self.guard = KioskGuard(self)
        self.guard.activity_seen.connect(self.idle.note_activity)
        self.guard.operator_requested.connect(self._on_guard_operator_requested)
        self.crash_guard = CrashGuard(self._on_unexpected_error)
        self.hello = HelloListener(
            lambda: self.speech, self._hello_wanted, lambda: self.visit is None, self
        )
        self.hello.heard.connect(self.start_visit)
        self._apply_settings()
        self.show_attract()

    # -- life cycle -------------------------------------------------------------------------
    def start(self) -> None:
        """Take over the screen: full screen, the guards installed."""
        qapp = QApplication.instance()
        if qapp is not None:
            qapp.installEventFilter(self.guard)
        self.crash_guard.install()
        self.lock_full_screen()
        self.attract.setFocus()

    def shutdown(self) -> None:
        """Erase any visit and remove the guards (the operator quit, or a test ends)."""
        self.end_visit("quit")
        self.idle.stop()
        self.hello.stop()
        self.operator.stop_mic_test()
        qapp = QApplication.instance()
        if qapp is not None:
            qapp.removeEventFilter(self.guard)
        self.crash_guard.uninstall()
        self.guard.allow_close = True
        self.unlock_full_screen()

    @property
    def settings(self) -> Settings:
        """The kiosk's settings (as the operator last saved them)."""
        return self.operator_route.settings

    @settings.setter
    def settings(self, settings: Settings) -> None:
        self.operator_route.settings = settings
        self._apply_settings()

    @property
    def visit(self) -> Visit | None:
        """The visitor now at the booth, if any."""
        return self.visits_manager.visit

    @property
    def visits(self) -> int:
        return self.visits_manager.visits

    @property
    def current_page(self) -> QWidget:
        """The page on screen (attract, visit_page, export_page, pin_page or operator)."""
        return self.pages.current_page

    def show_page(self, page: QWidget) -> None:
        self.pages.show_page(page)

    def _apply_settings(self) -> None:
        self.attract.set_privacy(anonymous_counts=self.settings.kiosk.anonymous_counts)
        self._set_volume(self.settings.volume)

    # -- attract ----------------------------------------------------------------------------
    def show_attract(self) -> None:
        self.idle.stop()
        mic = getattr(self.speech, "microphone", None)
        self.attract.set_hello(listening=self.settings.listen and mic is not None)
        self.show_page(self.attract)
        self.attract.setFocus()
        self.hello.listen()

    def _hello_wanted(self) -> bool:
        return self.visit is None and self.settings.listen and self.current_page is self.attract

    # -- a visit ----------------------------------------------------------------------------
    def start_visit(self) -> MainWindow:
        """A visitor arrives: a private folder, a store in it, and a fresh window on it."""
        if self.visit is not None:
            return self.visit.window
        self.hello.stop()
        window = self.visits_manager.start().window
        self.visit_page.show_window(window)
        self.show_page(self.visit_page)
        window.show()
        self.idle.start()
        self.visit_started.emit()
        return window

    def end_visit(self, reason: str) -> None:
        """Erase the visitor's session (see :meth:`VisitManager.end`). Safe to call at any
        time, twice, or from inside the visitor's own slots."""
        forget_traces(self.overlay, self.export_page)  # app/ui/kiosk/visit_end.py
        if self.visits_manager.end() is not None:
            self.visit_ended.emit(reason)

    def reset_to_attract(self, reason: str = "done") -> None:
        self.end_visit(reason)
        self.show_attract()

    # -- idle -------------------------------------------------------------------------------
    def check_idle(self) -> None:
        """Show, update or act on the idle countdown (nothing to watch on the attract screen)."""
        self.idle.check()

    # -- report export (app/ui/kiosk/report_route.py) --------------------------------------
    def refresh_media(self) -> list[Path]:
        return self.export_page.refresh_media()

    def save_report(self, folder: Path) -> Path | None:
        """Write the visitor's last results into ``folder`` (one of the offered volumes)."""
        return self.report_route.save(folder)

    # -- operator ---------------------------------------------------------------------------
    def _on_guard_operator_requested(self) -> None:
        if self.current_page in (self.pin_page, self.operator):
            return
        self.request_operator()

    def request_operator(self) -> None:
        """The chord was pressed: erase any visit, then ask for the PIN (demo: no PIN)."""
        self.end_visit("operator")
        self.hello.stop()
        self.operator_route.request()

    def _on_route_page_wanted(self, page: QWidget) -> None:
        self.show_page(page)
        self.idle.start()

    def _on_route_left(self) -> None:
        self._apply_settings()
        self.show_attract()

    def _on_route_quit(self) -> None:
        self.shutdown()
        self.close()
        self.quit_requested.emit(EXIT_OPERATOR_QUIT)

    def _set_volume(self, volume: float) -> None:
        player = getattr(self.speech, "player", None)
        if player is not None and hasattr(player, "set_volume"):
            player.set_volume(volume)

    # -- errors -----------------------------------------------------------------------------
    def _on_unexpected_error(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        log_unexpected(self.settings.data_dir, exc_type, exc, tb)
        self.error_caught.emit(exc_type.__name__)
        if self.visit is not None or self.current_page is not self.attract:
            QTimer.singleShot(0, lambda: self.reset_to_attract("error"))
