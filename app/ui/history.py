"""Past sessions, newest first, fetched a page at a time so thousands open instantly, and a
painted chart of progress over all of them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
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
from app.ui.history_model import (
    COLUMNS,
    PAGE,
    UNCHARTED,
    SessionTableModel,
    delete_question,
    describe_shift,
    describe_status,
    unreadable_summary,
)
from app.ui.plain import literal
from app.ui.progress_chart import ROLLING, ProgressChart

if TYPE_CHECKING:
    from app.report.questions import Backfill
    from app.store import Store

__all__ = [
    "COLUMNS",
    "PAGE",
    "HistoryView",
    "SessionTableModel",
    "confirm",
    "describe_shift",
    "describe_status",
]

#: Sessions saved without a question count (a history from before counts were stored) are
#: counted after the first paint, this many per turn of the event loop (~0.4 ms each on
#: a quiet machine: ~10 ms a turn).
COUNT_SLICE = 25


def confirm(parent: QWidget, title: str, text: str) -> QMessageBox.StandardButton:
    """Ask Yes/No with No as the default: Enter or a stray key press keeps the data."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    return QMessageBox.question(  # the text names a scenario: shown as written
        parent, title, literal(text), buttons, defaultButton=QMessageBox.StandardButton.No
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
        self._backfill: Backfill | None = None
        self._count_pending = False  # a slice is queued on the event loop
        title = QLabel("Your past conversations")
        title.setObjectName("screenTitle")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)  # large text on a small screen: wrap, never widen the window
        self.summary = QLabel()
        self.summary.setObjectName("historySummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # a store error names the file
        self.summary.setWordWrap(True)
        self.chart = ProgressChart()
        self.chart.hide()  # until there is a finished session to draw (_draw)
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
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)  # the date
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
        self.table.verticalHeader().setDefaultSectionSize(2 * fm.lineSpacing() + fm.height() // 2)

    def reload(self) -> None:
        from app.report.questions import Backfill, with_counts
        from app.store import StoreError

        self._size_rows_and_columns()
        store = self.model.store
        self._backfill = None
        self._count_pending = False  # a slice queued for the old count returns at once
        try:
            self.model.reload()
            rows: list[dict[str, Any]] = []
            if store is not None:
                rows = store.progress()
                self._backfill = Backfill(store, rows)
                self._backfill.step(ROLLING)  # the newest, which the summary reads, now
            self._draw(with_counts(rows, self._backfill.counted) if self._backfill else rows)
        except StoreError as exc:  # a file damaged or taken away while the app runs: say so
            self.model.clear()
            self._draw([])
            self.summary.setText(f"{exc.message} {exc.hint}".strip())
            self._update_buttons()
            return
        self._summarize()
        if self.model.rows:
            self.table.selectRow(0)
        self._update_buttons()
        self.table.setFocus()
        self._count_later()

    @property
    def counting(self) -> bool:
        """Sessions saved without a question count are still being counted (after the paint)."""
        return self._backfill is not None and not self._backfill.done

    def _draw(self, rows: list[dict[str, Any]]) -> None:
        """The chart only with a finished session to draw: empty, it repeated the summary's
        "No (finished) sessions yet" on a blank band 180 px tall."""
        self.chart.set_progress(rows)
        self.chart.setVisible(bool(rows))

    def _summarize(self, problem: str = "") -> None:
        n = self.model.total
        problem = unreadable_summary(len(self.model.unreadable)) + problem
        self.summary.setText(
            f"{n} session{'s' if n != 1 else ''} in all. {self.chart.summary()}"
            f"{UNCHARTED if self.model.any_unfinished else ''}{problem}"
            if n
            else "No sessions yet: rehearse one first."
        )

    def _count_later(self) -> None:
        backfill = self._backfill
        if backfill is not None and not backfill.done and not self._count_pending:
            self._count_pending = True
            # Only a refused write left (a lock): look again when it may be retried, not on
            # every event-loop turn (review 9 R10: a 0 ms re-queue spun the GUI thread).
            delay = 0 if backfill.pending else int(backfill.RETRY_S * 1000)
            QTimer.singleShot(delay, self, lambda: self._count_more(backfill))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._count_later()  # resume a count paused while the History was hidden

    def _count_more(self, backfill: Backfill) -> None:
        """Count the next slice of sessions saved without a count; when all are counted,
        draw the chart again. A failure says its sentence, as a reload does."""
        from app.report.questions import with_counts
        from app.store import StoreError

        self._count_pending = False
        if backfill is not self._backfill or backfill.store is not self.model.store:
            return  # reloaded or detached meanwhile: that reload runs its own
        if not self.isVisible():
            # Paused while another screen shows (a rehearsal's audio and decodes share this
            # thread: review 8 R4); showEvent resumes it.
            return
        try:
            backfill.step(COUNT_SLICE)
            if not backfill.done:
                self._count_later()
                return
            self._draw(with_counts(backfill.store.progress(), backfill.counted))
        except StoreError as exc:
            self._backfill = None
            self._summarize(f" {exc.message} {exc.hint}".rstrip())
            return
        refused = backfill.problem
        self._summarize(f" {refused.message} {refused.hint}".rstrip() if refused else "")

    def _update_buttons(self) -> None:
        """Open and Delete need a selected session (Open one that can be read); Delete all
        data needs any session."""
        chosen = self._selected_id() is not None
        self.open_button.setEnabled(
            chosen and self.model.unreadable_at(self.table.currentIndex()) is None
        )
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
        damaged = self.model.unreadable_at(index)
        if damaged is not None:  # Enter on it: the sentence, not a replay that cannot open
            self.summary.setText(f"{damaged.problem.message} {damaged.problem.hint}")
            return
        sid = self.model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None
        if sid is not None:
            self.open_requested.emit(int(sid))

    def _delete_selected(self) -> None:
        sid = self._selected_id()
        if sid is None:
            return
        row = self.table.currentIndex().row()
        when, what = (self.model.index(row, c).data() for c in (0, 1))
        question = delete_question(self.model.rows[row], when, what)
        answer = confirm(self, "Delete session", question)
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
