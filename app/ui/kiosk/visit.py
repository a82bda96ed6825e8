"""One visitor at a time: a private folder, a store in it and a fresh rehearsal window, driven
only through the window's public API (``screen_changed``, ``conversation_ended``, ``activity``,
``release``), and erased when the visit ends."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractScrollArea, QPushButton, QVBoxLayout, QWidget

from app.config import Settings
from app.session.kiosk import create_visit_dir, wipe_visit_dir
from app.store import Store, StoreError
from app.store.counts import Counts, frame_counts
from app.ui.a11y import named
from app.ui.flick import tallest_scrolling, wheel_to
from app.ui.flow import FlowLayout
from app.ui.kiosk.attract import EDGE_MARGIN_PX
from app.ui.main_window import MainWindow

if TYPE_CHECKING:
    from app.framing import Analysis

log = logging.getLogger(__name__)


@dataclass
class Visit:
    """One visitor: their private folder, their store and their window."""

    folder: Path
    store: Store | None
    window: MainWindow

    @property
    def report_ready(self) -> bool:
        """The visitor's results are on screen and saved, so a report can be written."""
        return (
            self.store is not None
            and self.window.current_screen == "results"
            and self.window.last_session_id is not None
        )


def record_counts(settings: Settings, scenario_id: str, analysis: Analysis) -> None:
    """Add one rehearsal to the anonymous counts (numbers only), if the operator allows it."""
    if not settings.kiosk.anonymous_counts:
        return
    frames = frame_counts([t.frame for t in analysis.turns if t.speaker == "seeker"])
    try:
        with Counts.in_data_dir(settings.data_dir) as counts:
            counts.record(scenario_id, frames, shifted=analysis.shift is not None)
    except (StoreError, OSError) as exc:
        log.warning("anonymous counts not recorded: %s", exc)


class VisitManager(QObject):
    """Starts and erases visits.

    Signals:
        activity(): the visitor's conversation moved on (resets the idle timer).
        report_ready_changed(bool): whether the visitor's results are on screen.
    """

    activity = Signal()
    report_ready_changed = Signal(bool)

    def __init__(
        self,
        settings: Callable[[], Settings],
        offered: Callable[[], Sequence[Any]],
        *,
        speech: Callable[[], Any],
        visit_parent: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._offered = offered
        self._speech = speech  # looked up at each visit: the booth's speech arrives late
        self.visit_parent = visit_parent
        self.visit: Visit | None = None
        self.visits = 0

    def start(self) -> Visit:
        """A visitor arrives: a private folder, a store in it, and a fresh window on it."""
        if self.visit is not None:
            return self.visit
        settings = self._settings()
        folder = create_visit_dir(self.visit_parent)
        visitor = replace(settings, data_dir=folder)
        store: Store | None
        try:
            store = Store(visitor.database_path)
        except StoreError as exc:
            log.warning("visitor store unavailable: %s", exc)
            store = None
        window = MainWindow(visitor, store, list(self._offered()), speech=self._speech())
        window.setWindowFlags(Qt.WindowType.Widget)
        window.enter_kiosk_mode()
        window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        window.conversation_ended.connect(self._on_window_conversation_ended)
        window.activity.connect(self.activity)
        window.screen_changed.connect(self._on_window_screen_changed)
        self.visit = Visit(folder, store, window)
        self.visits += 1
        return self.visit

    def end(self) -> Visit | None:
        """Erase the visit: count a conversation cut short (if allowed), release the window,
        close the store, delete the folder. Safe to call at any time, twice, or from inside the
        visitor's own slots. Returns the visit that ended, if there was one."""
        visit, self.visit = self.visit, None
        if visit is None:
            return None
        window = visit.window
        try:
            cut = window.release()  # late speech results find nothing to write to
            if cut is not None:
                record_counts(self._settings(), *cut)
        except Exception:
            log.exception("while ending a visit")
        window.hide()
        window.deleteLater()
        if visit.store is not None:
            visit.store.close()
        left = wipe_visit_dir(visit.folder)
        if left:
            log.error("could not erase %d item(s) of a visit in %s", len(left), visit.folder)
        self.report_ready_changed.emit(False)
        return visit

    def _on_window_conversation_ended(self, scenario_id: str, analysis: Analysis) -> None:
        if self.visit is not None:
            record_counts(self._settings(), scenario_id, analysis)

    def _on_window_screen_changed(self, _screen: str) -> None:
        self.report_ready_changed.emit(self.visit is not None and self.visit.report_ready)


class VisitPage(QWidget):
    """The visitor's window with the booth's own bar under it: save the report, I'm done."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskVisitPage")
        self.save_report_button = named(
            QPushButton("Save my report to a USB stick"),
            "kioskSaveReport",
            "Save my report",
            "Saves this rehearsal's report to a USB stick you plug in.",
        )
        self.save_report_button.hide()
        self.done_button = named(
            QPushButton("I'm done: erase my session"),
            "kioskDone",
            "I'm done",
            "Erases everything you said and returns to the start screen.",
        )
        bar = FlowLayout(right=True)  # wraps rather than running off a small screen
        bar.setContentsMargins(EDGE_MARGIN_PX, 8, EDGE_MARGIN_PX, EDGE_MARGIN_PX)
        bar.addWidget(self.save_report_button)
        bar.addWidget(self.done_button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(bar)
        self._window: MainWindow | None = None
        # The wheel over the bar's blank band scrolls the visitor's page (UI polish 11, 2).
        wheel_to(self, self._scrolling, self._visitor)

    def _visitor(self) -> MainWindow | None:
        """The visitor's window while it lives (a visit's end deletes it)."""
        window = self._window
        return window if window is not None and shiboken6.isValid(window) else None

    def _scrolling(self) -> QAbstractScrollArea | None:
        window = self._visitor()
        return tallest_scrolling(window) if window is not None else None

    def show_window(self, window: MainWindow) -> None:
        """Put a new visitor's window above the bar (the old one is deleted with its visit)."""
        self._window = window
        self._layout.insertWidget(0, window, 1)
        self.save_report_button.hide()
