"""The kiosk shell: a frameless full-screen window that runs one visitor at a time.

Pages: the attract screen, the visit (a fresh :class:`MainWindow` per visitor, on a store in a
private temp folder), the report export, the operator PIN and the operator screen. A visit ends
when the visitor says they are done, after the idle countdown, when the operator opens the PIN
page, or after an unexpected error; each way runs the same :meth:`KioskWindow.end_visit`, which
closes the visitor's store and deletes their folder.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.config import LoadedSettings, Settings, load_settings, save_settings
from app.session.kiosk import (
    EXIT_OPERATOR_QUIT,
    IdlePolicy,
    PinGate,
    create_visit_dir,
    log_crash,
    stale_visit_dirs,
    wipe_visit_dir,
)
from app.store import Store, StoreError
from app.store.counts import Counts, frame_counts
from app.ui.a11y import named
from app.ui.kiosk.attract import AttractScreen
from app.ui.kiosk.countdown import CountdownOverlay
from app.ui.kiosk.guard import CrashGuard, KioskGuard
from app.ui.kiosk.operator import OperatorScreen, describe_export
from app.ui.kiosk.pin_dialog import PinDialog
from app.ui.kiosk.report import removable_folders, unique_path, write_report
from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

IDLE_TICK_MS = 200
HELLO_RETRY_MS = 1_000
HELLO_FAILED_RETRY_MS = 30_000


@dataclass
class Visit:
    """One visitor: their private folder, their store and their window."""

    folder: Path
    store: Store | None
    window: MainWindow
    counted: set[int] = field(default_factory=set)  # id() of conversations already counted


class KioskWindow(QWidget):
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
        self.settings: Settings = loaded.settings
        self.config_path = loaded.path
        self.all_scenarios = list(scenarios)
        self.speech = speech
        self.demo = demo
        self.visit_parent = visit_parent
        self.media_roots = media_roots
        self.clock = clock
        self.visit: Visit | None = None
        self.visits = 0
        self._last_activity = clock()
        self._started = False
        self.pin_gate = PinGate(self.settings.kiosk.pin_hash, clock=clock)

        for stale in stale_visit_dirs(visit_parent):
            wipe_visit_dir(stale)

        self.pages = QStackedWidget()
        self.attract = AttractScreen()
        self.attract.start_requested.connect(self._on_attract_start_requested)
        self.visit_page = QWidget()
        self.visit_page.setObjectName("kioskVisitPage")
        self._visit_layout = QVBoxLayout(self.visit_page)
        self._visit_layout.setContentsMargins(0, 0, 0, 0)
        self.save_report_button = named(
            QPushButton("Save my report to a USB stick"),
            "kioskSaveReport",
            "Save my report",
            "Saves this rehearsal's report to a USB stick you plug in.",
        )
        self.save_report_button.clicked.connect(self._on_save_report_button_clicked)
        self.done_button = named(
            QPushButton("I'm done: erase my session"),
            "kioskDone",
            "I'm done",
            "Erases everything you said and returns to the start screen.",
        )
        self.done_button.clicked.connect(self._on_done_button_clicked)
        bar = QHBoxLayout()
        bar.addWidget(self.save_report_button)
        bar.addStretch(1)
        bar.addWidget(self.done_button)
        self._visit_layout.addLayout(bar)

        self.export_page = self._build_export_page()
        self.pin_page = PinDialog(self.pin_gate)
        self.pin_page.accepted.connect(self._on_pin_page_accepted)
        self.pin_page.cancelled.connect(self._on_pin_page_cancelled)
        self.operator = operator_screen or OperatorScreen()
        self.operator.save_requested.connect(self._on_operator_save_requested)
        self.operator.export_requested.connect(self._on_operator_export_requested)
        self.operator.clear_counts_requested.connect(self._on_operator_clear_counts_requested)
        self.operator.back_requested.connect(self._on_operator_back_requested)
        self.operator.quit_requested.connect(self._on_operator_quit_requested)
        self.operator.volume_changed.connect(self._on_operator_volume_changed)
        self._scrolls: dict[int, QScrollArea] = {}
        for page in (self.attract, self.visit_page, self.export_page, self.pin_page, self.operator):
            # A page taller than a small screen scrolls instead of pushing the window out of
            # full screen.
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(page)
            self._scrolls[id(page)] = scroll
            self.pages.addWidget(scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.overlay = CountdownOverlay(self)
        self.overlay.cancelled.connect(self._on_overlay_cancelled)

        self.guard = KioskGuard(self)
        self.guard.activity_seen.connect(self._on_guard_activity_seen)
        self.guard.operator_requested.connect(self._on_guard_operator_requested)
        self.crash_guard = CrashGuard(self._on_unexpected_error)
        self._idle_timer = QTimer(self)
        self._idle_timer.setInterval(IDLE_TICK_MS)
        self._idle_timer.timeout.connect(self.check_idle)
        self._hello_timer = QTimer(self)
        self._hello_timer.setSingleShot(True)
        self._hello_timer.timeout.connect(self._listen_for_hello)
        self._hello_connected: set[int] = set()
        self._apply_settings()
        self.show_attract()

    # -- life cycle -------------------------------------------------------------------------
    def start(self) -> None:
        """Take over the screen: full screen, the guards installed."""
        qapp = QApplication.instance()
        if qapp is not None:
            qapp.installEventFilter(self.guard)
        self.crash_guard.install()
        self._started = True
        self._fill_screen()
        self.attract.setFocus()

    def shutdown(self) -> None:
        """Erase any visit and remove the guards (the operator quit, or a test ends)."""
        self.end_visit("quit")
        self._idle_timer.stop()
        self._hello_timer.stop()
        self.operator.stop_mic_test()
        qapp = QApplication.instance()
        if qapp is not None:
            qapp.removeEventFilter(self.guard)
        self.crash_guard.uninstall()
        self.guard.allow_close = True

    def changeEvent(self, event: QEvent) -> None:
        """Back to full screen whenever something (a window manager key, a resize request from a
        page, the offscreen platform) takes the kiosk out of it."""
        super().changeEvent(event)
        if (
            event.type() == QEvent.Type.WindowStateChange
            and self._started
            and not self.guard.allow_close
            and not self.isFullScreen()
        ):
            QTimer.singleShot(0, self._restore_full_screen)

    def _restore_full_screen(self) -> None:
        if self._started and not self.guard.allow_close and not self.isFullScreen():
            self._fill_screen()

    def _fill_screen(self) -> None:
        """Full screen, and the screen's whole geometry too: without a window manager (a bare
        X session, as kiosks often run) the full-screen state alone does not resize anything."""
        screen = self.screen()
        if screen is not None:
            self.setGeometry(screen.geometry())
        self.showFullScreen()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.guard.allow_close:
            event.ignore()  # Alt+F4, the window manager, a stray close(): the kiosk stays
            return
        event.accept()

    @property
    def current_page(self) -> QWidget:
        """The page on screen (attract, visit_page, export_page, pin_page or operator)."""
        scroll = self.pages.currentWidget()
        page = scroll.widget() if isinstance(scroll, QScrollArea) else None
        return page if page is not None else self.attract

    def show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(self._scrolls[id(page)])

    @property
    def offered(self) -> list[Any]:
        chosen = set(self.settings.kiosk.scenarios)
        return [s for s in self.all_scenarios if s.id in chosen] or list(self.all_scenarios)

    @property
    def idle_policy(self) -> IdlePolicy:
        k = self.settings.kiosk
        return IdlePolicy(float(k.idle_seconds), float(k.countdown_seconds))

    def _apply_settings(self) -> None:
        self.attract.set_privacy(anonymous_counts=self.settings.kiosk.anonymous_counts)
        self.pin_gate.encoded = self.settings.kiosk.pin_hash
        player = getattr(self.speech, "player", None)
        if player is not None and hasattr(player, "set_volume"):
            player.set_volume(self.settings.volume)

    # -- attract ----------------------------------------------------------------------------
    def show_attract(self) -> None:
        self.overlay.hide()
        self._idle_timer.stop()
        self.show_page(self.attract)
        self.attract.setFocus()
        self._listen_for_hello()

    def _listen_for_hello(self) -> None:
        """ "Say hello to start": the microphone listens on the attract screen."""
        mic = getattr(self.speech, "microphone", None)
        if mic is None or not self.settings.listen or self.current_page is not self.attract:
            return
        if id(mic) not in self._hello_connected:
            self._hello_connected.add(id(mic))
            mic.speech_started.connect(self._on_microphone_speech_started)
            mic.no_speech.connect(self._on_microphone_no_speech)
            mic.failed.connect(self._on_microphone_failed)
        if not getattr(mic, "listening", False):
            mic.start()

    def _stop_hello(self) -> None:
        self._hello_timer.stop()
        mic = getattr(self.speech, "microphone", None)
        if mic is not None and self.visit is None and getattr(mic, "listening", False):
            mic.stop()

    def _on_microphone_speech_started(self) -> None:
        if self.visit is None and self.current_page is self.attract:
            self.start_visit()

    def _on_microphone_no_speech(self) -> None:
        if self.visit is None:
            self._hello_timer.start(HELLO_RETRY_MS)

    def _on_microphone_failed(self, _message: str) -> None:
        if self.visit is None:
            self._hello_timer.start(HELLO_FAILED_RETRY_MS)

    def _on_attract_start_requested(self) -> None:
        self.start_visit()

    # -- a visit ----------------------------------------------------------------------------
    def start_visit(self) -> MainWindow:
        """A visitor arrives: a private folder, a store in it, and a fresh window on it."""
        if self.visit is not None:
            return self.visit.window
        self._stop_hello()
        folder = create_visit_dir(self.visit_parent)
        settings = replace(self.settings, data_dir=folder)
        store: Store | None
        try:
            store = Store(settings.database_path)
        except StoreError as exc:
            log.warning("visitor store unavailable: %s", exc)
            store = None
        window = MainWindow(settings, store, self.offered, speech=self.speech)
        window.setWindowFlags(Qt.WindowType.Widget)
        window.enter_kiosk_mode()
        window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        r = window.rehearsal
        r.ended.connect(self._on_rehearsal_ended)
        r.answer_recorded.connect(self._on_rehearsal_activity)
        r.manager_line_done.connect(self._on_rehearsal_activity)
        r.transcribing.connect(self._on_rehearsal_activity)
        window.stack.currentChanged.connect(self._on_visit_stack_current_changed)
        self.visit = Visit(folder, store, window)
        self.visits += 1
        self._visit_layout.insertWidget(0, window, 1)
        self._on_visit_stack_current_changed()
        self.show_page(self.visit_page)
        window.show()
        self._last_activity = self.clock()
        self._idle_timer.start()
        self.visit_started.emit()
        return window

    def end_visit(self, reason: str) -> None:
        """Erase the visitor's session: count it (if allowed), close the store, delete the
        folder. Safe to call at any time, twice, or from inside the visitor's own slots."""
        visit, self.visit = self.visit, None
        self.overlay.hide()
        if visit is None:
            return
        window = visit.window
        try:
            rehearsal = window.rehearsal
            conv = rehearsal.conversation
            if conv is not None and id(conv) not in visit.counted and conv.turns:
                visit.counted.add(id(conv))
                analysis = conv.analysis if conv.finished else conv.end("incomplete")
                if analysis is not None:
                    self._count(conv.scenario.id, analysis)
            rehearsal.shutdown()
            # Late speech results must find nothing to write to and no folder to recreate.
            rehearsal.conversation = None
            rehearsal.store = None
            window.store = None
        except Exception:
            log.exception("while ending a visit")
        window.hide()
        self._visit_layout.removeWidget(window)
        window.deleteLater()
        if visit.store is not None:
            visit.store.close()
        left = wipe_visit_dir(visit.folder)
        if left:
            log.error("could not erase %d item(s) of a visit in %s", len(left), visit.folder)
        self.visit_ended.emit(reason)

    def reset_to_attract(self, reason: str = "done") -> None:
        self.end_visit(reason)
        self.show_attract()

    def _count(self, scenario_id: str, analysis: Any) -> None:
        if not self.settings.kiosk.anonymous_counts:
            return
        frames = frame_counts([t.frame for t in analysis.turns if t.speaker == "seeker"])
        try:
            with Counts.in_data_dir(self.settings.data_dir) as counts:
                counts.record(scenario_id, frames, shifted=analysis.shift is not None)
        except (StoreError, OSError) as exc:
            log.warning("anonymous counts not recorded: %s", exc)

    def _on_rehearsal_ended(self, analysis: Any) -> None:
        visit = self.visit
        if visit is None:
            return
        conv = visit.window.rehearsal.conversation
        if conv is None or id(conv) in visit.counted:
            return
        visit.counted.add(id(conv))
        self._count(conv.scenario.id, analysis)
        self._on_rehearsal_activity()

    def _on_rehearsal_activity(self, *_args: Any) -> None:
        self._note_activity()

    def _on_visit_stack_current_changed(self, *_args: Any) -> None:
        visit = self.visit
        on_results = (
            visit is not None
            and visit.window.stack.currentWidget() is visit.window.results
            and visit.window.last_session_id is not None
        )
        self.save_report_button.setVisible(on_results)

    def _on_done_button_clicked(self) -> None:
        self.reset_to_attract("done")

    # -- idle -------------------------------------------------------------------------------
    def _note_activity(self) -> None:
        self._last_activity = self.clock()
        if self.overlay.isVisible():
            self.overlay.hide()
            self.countdown_cancelled.emit()

    def _on_guard_activity_seen(self) -> None:
        self._note_activity()

    def _on_overlay_cancelled(self) -> None:
        self._note_activity()

    def check_idle(self) -> None:
        """Called by the idle timer: show, update or act on the countdown."""
        if self.current_page is self.attract:
            self._idle_timer.stop()
            self.overlay.hide()
            return
        idle_for = self.clock() - self._last_activity
        policy = self.idle_policy
        phase = policy.phase(idle_for)
        if phase == "active":
            self.overlay.hide()
        elif phase == "countdown":
            seconds = policy.remaining_s(idle_for)
            if not self.overlay.isVisible() or self.overlay.remaining != seconds:
                self.overlay.show_remaining(seconds)
                self.countdown_shown.emit(seconds)
        else:
            self.reset_to_attract("idle")

    # -- report export ----------------------------------------------------------------------
    def _build_export_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("kioskExportPage")
        title = QLabel("Save your report")
        title.setObjectName("screenTitle")
        hint = QLabel(
            "Plug in a USB stick, choose it below and tap Save. Only your own report is saved."
        )
        hint.setWordWrap(True)
        self.media_list = named(QListWidget(), "kioskMediaList", "USB sticks")
        self.export_status = QLabel()
        self.export_status.setObjectName("kioskExportStatus")
        self.export_status.setWordWrap(True)
        refresh = named(QPushButton("Refresh"), "kioskMediaRefresh", "Look for USB sticks again")
        refresh.clicked.connect(self.refresh_media)
        self.export_save_button = named(
            QPushButton("Save here"), "kioskExportSave", "Save the report here"
        )
        self.export_save_button.clicked.connect(self._on_export_save_button_clicked)
        back = named(QPushButton("Back to my results"), "kioskExportBack", "Back to my results")
        back.clicked.connect(self._on_export_back_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addWidget(refresh)
        buttons.addStretch(1)
        buttons.addWidget(self.export_save_button)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.media_list, 1)
        layout.addWidget(self.export_status)
        layout.addLayout(buttons)
        return page

    def refresh_media(self) -> list[Path]:
        self.media_list.clear()
        folders = removable_folders(self.media_roots)
        for folder in folders:
            item = QListWidgetItem(folder.name)
            item.setData(Qt.ItemDataRole.UserRole, str(folder))
            self.media_list.addItem(item)
        if folders:
            self.media_list.setCurrentRow(0)
            self.export_status.setText("")
        else:
            self.export_status.setText("No USB stick found. Plug one in, then tap Refresh.")
        self.export_save_button.setEnabled(bool(folders))
        return folders

    def _on_save_report_button_clicked(self) -> None:
        if self.visit is None:
            return
        self.refresh_media()
        self.show_page(self.export_page)

    def _on_export_back_button_clicked(self) -> None:
        if self.visit is not None:
            self.show_page(self.visit_page)
        else:
            self.show_attract()

    def _on_export_save_button_clicked(self) -> None:
        item = self.media_list.currentItem()
        if item is not None:
            self.save_report(Path(str(item.data(Qt.ItemDataRole.UserRole))))

    def save_report(self, folder: Path) -> Path | None:
        """Write the visitor's last results into ``folder`` (one of the offered volumes)."""
        visit = self.visit
        if visit is None or visit.store is None or visit.window.last_session_id is None:
            return None
        if folder not in removable_folders(self.media_roots):
            self.export_status.setText("That folder is not a USB stick; choose one from the list.")
            return None
        sid = visit.window.last_session_id
        try:
            session = visit.store.session(sid)
            path = write_report(
                folder,
                session,
                visit.store.turns(sid),
                scenario=visit.window.find_scenario(session.scenario_id),
            )
        except (OSError, ValueError, StoreError) as exc:
            self.export_status.setText(f"The report could not be saved ({exc}).")
            return None
        self.export_status.setText(
            f"Saved as {path.name} on {folder.name}. You can unplug the stick now."
        )
        self.report_saved.emit(str(path))
        return path

    # -- operator ---------------------------------------------------------------------------
    def _on_guard_operator_requested(self) -> None:
        if self.current_page in (self.pin_page, self.operator):
            return
        self.request_operator()

    def request_operator(self) -> None:
        """The chord was pressed: erase any visit, then ask for the PIN (demo: no PIN)."""
        self.end_visit("operator")
        self._stop_hello()
        if self.demo and not self.settings.kiosk.pin_hash:
            self._open_operator()
            return
        self.pin_page.reset()
        self.show_page(self.pin_page)
        self._note_activity()
        self._idle_timer.start()

    def _on_pin_page_accepted(self) -> None:
        self._open_operator()

    def _on_pin_page_cancelled(self) -> None:
        self.show_attract()

    def _open_operator(self) -> None:
        self.operator.load(self.settings, self.all_scenarios)
        self._refresh_counts()
        self.show_page(self.operator)
        self._note_activity()
        self._idle_timer.start()
        self.operator_opened.emit()

    def _refresh_counts(self) -> None:
        totals: dict[str, dict[str, int]] = {}
        try:
            with Counts.in_data_dir(self.settings.data_dir) as counts:
                totals = counts.totals()
        except (StoreError, OSError) as exc:
            self.operator.show_status(f"The counts could not be read ({exc}).")
        self.operator.show_counts(totals, enabled=self.settings.kiosk.anonymous_counts)

    def _on_operator_save_requested(self, new: Settings) -> None:
        try:
            save_operator_settings(self.config_path, new)
        except (OSError, ValueError) as exc:
            self.operator.show_status(f"The settings could not be saved ({exc}).")
            return
        self.settings = new
        self._apply_settings()
        self._refresh_counts()
        self.operator.show_status(f"Saved to {self.config_path}.")

    def _on_operator_export_requested(self) -> None:
        folders = removable_folders(self.media_roots)
        folder = folders[0] if folders else self.settings.data_dir
        stamp = time.strftime("%Y%m%d-%H%M")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = unique_path(folder, f"frameshift-kiosk-counts-{stamp}.csv")
            with (
                Counts.in_data_dir(self.settings.data_dir) as counts,
                path.open("x", encoding="utf-8", newline="") as fh,
            ):
                rows = counts.write_csv(fh)
        except (OSError, StoreError) as exc:
            self.operator.show_status(f"The counts could not be exported ({exc}).")
            return
        self.operator.show_status(describe_export(path, rows))

    def _on_operator_clear_counts_requested(self) -> None:
        try:
            with Counts.in_data_dir(self.settings.data_dir) as counts:
                counts.clear()
        except (StoreError, OSError) as exc:
            self.operator.show_status(f"The counts could not be cleared ({exc}).")
        self._refresh_counts()

    def _on_operator_back_requested(self) -> None:
        self._apply_settings()
        self.show_attract()

    def _on_operator_quit_requested(self) -> None:
        self.shutdown()
        self.close()
        self.quit_requested.emit(EXIT_OPERATOR_QUIT)

    def _on_operator_volume_changed(self, volume: float) -> None:
        player = getattr(self.speech, "player", None)
        if player is not None and hasattr(player, "set_volume"):
            player.set_volume(volume)

    # -- errors -----------------------------------------------------------------------------
    def _on_unexpected_error(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        with contextlib.suppress(OSError):
            log_crash(self.settings.data_dir, exc_type, exc, tb)
        log.error("unexpected %s in the kiosk; back to the attract screen", exc_type.__name__)
        self.error_caught.emit(exc_type.__name__)
        if self.visit is not None or self.current_page is not self.attract:
            QTimer.singleShot(0, lambda: self.reset_to_attract("error"))


def save_operator_settings(config_path: Path, new: Settings) -> Settings:
    """Save what the operator changed into the config file, and nothing else.

    The file is read on its own (no environment, no command line), so a ``--kiosk`` flag or a
    ``--data-dir`` used for this run is not written into it by accident.
    """
    on_file = load_settings(config_path, environ={}).settings
    merged = replace(
        on_file,
        input_device=new.input_device,
        volume=new.volume,
        kiosk=replace(
            on_file.kiosk,
            scenarios=new.kiosk.scenarios,
            idle_seconds=new.kiosk.idle_seconds,
            countdown_seconds=new.kiosk.countdown_seconds,
            max_minutes=new.kiosk.max_minutes,
            anonymous_counts=new.kiosk.anonymous_counts,
        ),
    )
    save_settings(merged, config_path)
    return merged
