"""The visitor's "Save your report" page: choose a USB stick, save only your own report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.store import Store, StoreError
from app.ui.a11y import named
from app.ui.kiosk.report import removable_folders, write_report


class ReportExportPage(QWidget):
    """Lists the USB sticks plugged in and writes the visitor's report onto the chosen one.

    Signals:
        back_requested(): return to the visitor's results.
        saved(str): the report was written (its path).
    """

    back_requested = Signal()
    saved = Signal(str)

    def __init__(
        self, media_roots: Sequence[Path] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kioskExportPage")
        self.media_roots = media_roots
        self._store: Store | None = None
        self._session_id: int | None = None
        self._find_scenario: Callable[[str], Any] = lambda _id: None
        title = QLabel("Save your report")
        title.setObjectName("screenTitle")
        hint = QLabel(
            "Plug in a USB stick, choose it below and tap Save. Only your own report is saved."
        )
        hint.setWordWrap(True)
        self.media_list = named(QListWidget(), "kioskMediaList", "USB sticks")
        self.status = QLabel()
        self.status.setObjectName("kioskExportStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # names the stick and the error
        refresh = named(QPushButton("Refresh"), "kioskMediaRefresh", "Look for USB sticks again")
        refresh.clicked.connect(self.refresh_media)
        self.save_button = named(
            QPushButton("Save here"), "kioskExportSave", "Save the report here"
        )
        self.save_button.clicked.connect(self._on_save_button_clicked)
        back = named(QPushButton("Back to my results"), "kioskExportBack", "Back to my results")
        back.clicked.connect(self.back_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addWidget(refresh)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.media_list, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def open_for(
        self, store: Store | None, session_id: int | None, find_scenario: Callable[[str], Any]
    ) -> None:
        """Offer the report of ``session_id`` (in the visitor's ``store``)."""
        self._store, self._session_id, self._find_scenario = store, session_id, find_scenario
        self.refresh_media()

    def forget(self) -> None:
        """The visit ended: nothing left to save."""
        self._store, self._session_id = None, None
        self.media_list.clear()
        self.status.clear()

    def refresh_media(self) -> list[Path]:
        self.media_list.clear()
        folders = removable_folders(self.media_roots)
        for folder in folders:
            item = QListWidgetItem(folder.name)
            item.setData(Qt.ItemDataRole.UserRole, str(folder))
            self.media_list.addItem(item)
        if folders:
            self.media_list.setCurrentRow(0)
            self.status.setText("")
        else:
            self.status.setText("No USB stick found. Plug one in, then tap Refresh.")
        self.save_button.setEnabled(bool(folders))
        return folders

    def _on_save_button_clicked(self) -> None:
        item = self.media_list.currentItem()
        if item is not None:
            self.save_report(Path(str(item.data(Qt.ItemDataRole.UserRole))))

    def save_report(self, folder: Path) -> Path | None:
        """Write the visitor's report into ``folder`` (one of the offered volumes)."""
        store, sid = self._store, self._session_id
        if store is None or sid is None:
            return None
        if folder not in removable_folders(self.media_roots):
            self.status.setText("That folder is not a USB stick; choose one from the list.")
            return None
        try:
            session = store.session(sid)
            path = write_report(
                folder,
                session,
                store.turns(sid),
                scenario=self._find_scenario(session.scenario_id),
            )
        except (OSError, ValueError, StoreError) as exc:
            self.status.setText(f"The report could not be saved ({exc}).")
            return None
        self.status.setText(f"Saved as {path.name} on {folder.name}. You can unplug the stick now.")
        self.saved.emit(str(path))
        return path
