"""Past sessions, newest first, fetched a page at a time so thousands open instantly, and a
painted chart of progress over all of them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.a11y import named
from app.ui.progress_chart import ProgressChart

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


def confirm(parent: QWidget, title: str, text: str) -> QMessageBox.StandardButton:
    """Ask Yes/No with No as the default: Enter or a stray key press keeps the data."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    return QMessageBox.question(
        parent, title, text, buttons, defaultButton=QMessageBox.StandardButton.No
    )


class HistoryView(QWidget):
    """The list of past sessions with open and delete.

    Signals:
        open_requested(int): a session id to show.
        back_requested(): return to the scenario list.
        delete_requested(list): session ids to delete (after the user confirmed).
        delete_all_requested(): delete every session and its audio (after confirmation).
    """

    open_requested = Signal(int)
    back_requested = Signal()
    delete_requested = Signal(list)
    delete_all_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyScreen")
        self.model = SessionTableModel(None)
        title = QLabel("Your past conversations")
        title.setObjectName("screenTitle")
        title.setWordWrap(True)  # large text on a small screen: wrap, never widen the window
        self.summary = QLabel()
        self.summary.setObjectName("historySummary")
        self.summary.setWordWrap(True)
        self.chart = ProgressChart()
        self.table = named(
            QTableView(),
            "historyList",
            "Past sessions",
            "Date, scenario, outcome and whether the talk shifted. "
            "Enter opens one; Delete removes it.",
        )
        self.table.setModel(self.model)
        self.table.selectionModel().currentChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Titles are never cut: the scenario and outcome columns share the room left and wrap
        # onto rows two lines tall (fixed sizes: measuring every row would cost more than the
        # rest of opening the history).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (0, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.activated.connect(self._open_index)
        self.open_button = named(QPushButton("&Open"), "openSessionButton", "Open session")
        self.open_button.clicked.connect(lambda: self._open_index(self.table.currentIndex()))
        self.delete_button = named(
            QPushButton("&Delete"),
            "deleteSessionButton",
            "Delete session",
            "Deletes the selected session and its recordings.",
            "Delete the selected session (Delete)",
        )
        self.delete_button.clicked.connect(self._delete_selected)
        self.delete_all_button = named(
            QPushButton("Delete &all data"),
            "deleteAllButton",
            "Delete all data",
            "Deletes every session and recording.",
        )
        self.delete_all_button.clicked.connect(self._delete_all)
        self.back_button = named(QPushButton("&Back"), "historyBackButton", "Back to scenarios")
        self.back_button.clicked.connect(self.back_requested)

        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_all_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_store(self, store: Store | None) -> None:
        self.model.store = store

    def _size_rows_and_columns(self) -> None:
        fm = self.table.fontMetrics()
        pad = 4 * fm.averageCharWidth()
        self.table.setColumnWidth(0, fm.horizontalAdvance("8888-88-88 88:88") + pad)
        widest = max(
            fm.horizontalAdvance(t)
            for t in (
                "■ Shifted at turn 88",
                "● Stayed exploratory",
                "● No lasting shift",
                "● Never an interview",
            )
        )
        self.table.setColumnWidth(3, widest + pad)
        self.table.verticalHeader().setDefaultSectionSize(2 * fm.lineSpacing() + fm.height() // 2)

    def reload(self) -> None:
        from app.report.questions import progress
        from app.store import StoreError

        self._size_rows_and_columns()
        store = self.model.store
        try:
            self.model.reload()
            self.chart.set_progress(progress(store) if store is not None else [])
        except StoreError as exc:  # a file damaged or taken away while the app runs: say so
            self.model.clear()
            self.chart.set_progress([])
            self.summary.setText(f"{exc.message} {exc.hint}".strip())
            self._update_buttons()
            return
        n = self.model.total
        self.summary.setText(
            f"{n} session{'s' if n != 1 else ''} in all. {self.chart.summary()}"
            if n
            else "No sessions yet: rehearse one first."
        )
        if self.model.rows:
            self.table.selectRow(0)
        self._update_buttons()
        self.table.setFocus()

    def _update_buttons(self) -> None:
        """Open and Delete need a selected session; Delete all data needs any session."""
        chosen = self._selected_id() is not None
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.delete_all_button.setEnabled(bool(self.model.rows))

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self._delete_selected()
            return
        super().keyPressEvent(event)

    def _selected_id(self) -> int | None:
        idx = self.table.currentIndex()
        return self.model.data(idx, Qt.ItemDataRole.UserRole) if idx.isValid() else None

    def _open_index(self, index: QModelIndex) -> None:
        sid = self.model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None
        if sid is not None:
            self.open_requested.emit(int(sid))

    def _delete_selected(self) -> None:
        sid = self._selected_id()
        if sid is None:
            return
        row = self.table.currentIndex().row()
        when, what = (self.model.index(row, c).data() for c in (0, 1))
        answer = confirm(
            self,
            "Delete session",
            f"Delete the session “{what}” of {when} and its recordings? This cannot be undone.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_requested.emit([sid])

    def _delete_all(self) -> None:
        answer = confirm(
            self,
            "Delete all data",
            "Delete every session and every recording Frameshift has kept? This cannot be undone.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_all_requested.emit()
