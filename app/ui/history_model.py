"""The History's table: past sessions from the store, newest first, a page at a time, and
the words its Outcome and Framing columns use."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from app.store import SessionRecord, Store

PAGE = 200
COLUMNS = ("Date", "Scenario", "Outcome", "Framing")
Index = QModelIndex | QPersistentModelIndex


#: What a session's status means, in words (the store keeps the raw status).
STATUS_WORDS = {
    "active": "In progress",
    "incomplete": "Ended early",
    "interrupted": "Cut short (the app closed mid-conversation)",
    "finished": "Finished",
}


def describe_status(s: SessionRecord) -> str:
    """The Outcome column: the scenario's outcome, or what became of the conversation."""
    return s.outcome_label or STATUS_WORDS.get(s.status, s.status.replace("_", " ").capitalize())


def describe_shift(s: SessionRecord) -> str:
    if s.status == "interrupted":
        return "– Not analysed: it was cut short"
    if s.shift_turn is None:
        if s.status != "finished":
            return "–"
        from app.report.verdict import Verdict  # pure; true to the frames, as the replay

        verdict = Verdict.from_analysis(s.analysis, None)
        return "● No lasting shift" if verdict.leaned else verdict.label
    return f"■ Shifted at turn {s.shift_turn + 1}"


class SessionTableModel(QAbstractTableModel):
    """Sessions from the store; loads more rows as the view scrolls (canFetchMore/fetchMore)."""

    def __init__(self, store: Store | None) -> None:
        super().__init__()
        self.store = store
        self.rows: list[SessionRecord] = []
        self.total = 0

    def reload(self) -> None:
        """Read first (a StoreError leaves the table as it was), then show."""
        rows = self.store.sessions(limit=PAGE) if self.store else []
        total = self.store.count_sessions() if self.store else 0
        self.beginResetModel()
        self.rows, self.total = rows, total
        self.endResetModel()

    def clear(self) -> None:
        """No rows (the store could not be read); the store stays for the next reload."""
        self.beginResetModel()
        self.rows, self.total = [], 0
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index) -> None:
        from app.store import StoreError

        if self.store is None or parent.isValid():
            return
        try:
            more = self.store.sessions(limit=PAGE, offset=len(self.rows))
        except StoreError:  # damaged further down: show what could be read
            more = []
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return s.id
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        col = index.column()
        if col == 0:
            return dt.datetime.fromtimestamp(s.started_at).strftime("%Y-%m-%d %H:%M")
        if col == 1:
            return s.scenario_title
        if col == 2:
            return describe_status(s)
        return describe_shift(s)
