"""The way to the visitor's report and back: the visit page's "Save your report" button (shown
once the visitor has results) opens the export page on their last results; Back returns to the
visit, or to the attract screen when the visit ended meanwhile."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.ui.kiosk.export_page import ReportExportPage
from app.ui.kiosk.visit import Visit, VisitManager, VisitPage


class ReportRoute(QObject):
    """The export page (:attr:`page`) and the button to it.

    Signals:
        page_wanted(QWidget): show this page (the export page, or the visit page on Back).
        attract_wanted(): Back with nobody at the booth.
    """

    page_wanted = Signal(QWidget)
    attract_wanted = Signal()

    def __init__(
        self,
        visit_page: VisitPage,
        visits: VisitManager,
        media_roots: Sequence[Path] | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._visit_page = visit_page
        self._visit: Callable[[], Visit | None] = lambda: visits.visit
        self.page = ReportExportPage(media_roots)
        self.page.back_requested.connect(self._on_back_requested)
        button = visit_page.save_report_button
        button.clicked.connect(self._on_save_report_clicked)
        visits.report_ready_changed.connect(button.setVisible)

    def offer(self) -> bool:
        """Point the export page at the visitor's last results; False when nobody is here."""
        visit = self._visit()
        if visit is not None:
            window = visit.window
            self.page.open_for(visit.store, window.last_session_id, window.find_scenario)
        return visit is not None

    def save(self, folder: Path) -> Path | None:
        """Write the visitor's last results into ``folder`` (one of the offered volumes)."""
        return self.page.save_report(folder) if self.offer() else None

    def _on_save_report_clicked(self) -> None:
        if self.offer():
            self.page_wanted.emit(self.page)

    def _on_back_requested(self) -> None:
        if self._visit() is not None:
            self.page_wanted.emit(self._visit_page)
        else:
            self.attract_wanted.emit()
