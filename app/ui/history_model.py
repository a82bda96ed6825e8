"""The History's table: past sessions from the store, newest first, a page at a time, and
the words its Outcome and Framing columns use."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.store import DamagedSession, SessionRecord, UnreadableSession
from app.ui.plain import literal

if TYPE_CHECKING:
    from app.report.verdict import Verdict
    from app.store import Store

PAGE = 200
COLUMNS = ("Date", "Scenario", "Outcome", "Framing")
Index = QModelIndex | QPersistentModelIndex
#: A row of the list: a session, or one whose row cannot be read (listed by its id).
Row = SessionRecord | UnreadableSession
#: The chart's rule (it draws finished sessions only), said when a listed one is not on it.
UNCHARTED = " Sessions that ended early are listed below but not charted."
#: What a damaged row's Outcome and Framing columns say: the way forward is in the row.
UNREADABLE_OUTCOME = "Damaged: Delete removes it"


def describe_status(s: SessionRecord, verdict: Verdict | None = None) -> str:
    """The Outcome column: the scenario's outcome, or that the conversation stopped before its
    close, after how many answers and why (`app.report.outcome_words`, as the replay says)."""
    from app.report.model import outcome_words

    return outcome_words(s, len(verdict.numbers.seeker) if verdict is not None else None)


def describe_title(s: SessionRecord, verdict: Verdict | None = None) -> str:
    """The Scenario column: its title, and for a retry which answer it tried again from."""
    from app.report.model import retry_words

    again = retry_words(s, verdict)
    return f"{s.scenario_title} · {again}" if again else s.scenario_title


def describe_shift(s: SessionRecord, verdict: Verdict | None = None) -> str:
    """The Framing column: the replay's own verdict for the session (`Verdict.glance`, the
    words its summary line shows), true to what was said up to where it stopped."""
    if verdict is None:
        from app.report.model import session_verdict

        verdict = session_verdict(s)
    if verdict is None:
        return "– Not analysed: open it to see its turns"
    return verdict.glance()


def detail(s: SessionRecord, verdict: Verdict | None) -> str:
    """A row's whole story (its tooltip): the outcome or why it stopped, and the replay's
    verdict in a sentence."""
    from app.report.model import retry_words

    said = describe_status(s, verdict)
    again = retry_words(s, verdict)
    said = f"{again}. {said}" if again else said
    if verdict is None:
        return f"{said}. Not analysed."
    if verdict.shift_turn is not None:
        return f"{said}. {verdict.sentence()}"
    return f"{said}. {verdict.headline}: {verdict.sentence()}"


def when(started_at: float | None) -> str:
    return (
        dt.datetime.fromtimestamp(started_at).strftime("%Y-%m-%d %H:%M")
        if started_at is not None
        else "Date unknown"
    )


def unreadable_title(s: UnreadableSession) -> str:
    """ "Session 12 could not be read", with its scenario's title when that cell reads."""
    named = f" ({s.scenario_title})" if s.scenario_title else ""
    return f"Session {s.id}{named} could not be read"


def unreadable_summary(damaged: int) -> str:
    """What the History's summary adds for the damaged rows listed (none: nothing)."""
    if not damaged:
        return ""
    if damaged == 1:
        return (
            " 1 session could not be read (damaged in the history file): select it and press "
            "Delete to remove it."
        )
    return (
        f" {damaged} sessions could not be read (damaged in the history file): select each "
        "and press Delete to remove it."
    )


def delete_question(s: Row, when: str, what: str) -> str:
    """The Delete confirmation for the selected row, naming it."""
    if isinstance(s, UnreadableSession):
        return (
            f"{unreadable_title(s)}: it is damaged in the history file. Delete it and its "
            "recordings? The other sessions are not affected. This cannot be undone."
        )
    return f"Delete the session “{what}” of {when} and its recordings? This cannot be undone."


def describe(s: Row, store: Store | None = None) -> tuple[str, str, str, str, str]:
    """The four columns' words for a row and its detail (raises ValueError/TypeError/... for a
    record whose analysis is not what was written: see `SessionTableModel.described`). A
    session cut short (no analysis stored) is framed from its turns, as its replay does."""
    if isinstance(s, UnreadableSession):
        return when(s.started_at), unreadable_title(s), UNREADABLE_OUTCOME, "–", ""
    from app.report.model import stored_verdict

    verdict = stored_verdict(s, store)
    return (
        when(s.started_at),
        describe_title(s, verdict),
        describe_status(s, verdict),
        describe_shift(s, verdict),
        detail(s, verdict),
    )


class SessionTableModel(QAbstractTableModel):
    """Sessions from the store; loads more rows as the view scrolls (canFetchMore/fetchMore)."""

    def __init__(self, store: Store | None) -> None:
        super().__init__()
        self.store = store
        self.rows: list[Row] = []
        self.total = 0
        self._words: list[tuple[str, str, str, str, str]] = []

    def described(self, rows: list[Row]) -> list[Row]:
        """``rows`` with each one's words worked out now, once: a session whose words cannot
        be (a stored analysis of the wrong shape, read without error) becomes an unreadable
        row, so the view's data() never raises while painting."""
        out: list[Row] = []
        for s in rows:
            try:
                words = describe(s, self.store)
            except (ValueError, TypeError, AttributeError, KeyError, OverflowError, OSError):
                path = self.store.path if self.store is not None else Path("frameshift.db")
                s = UnreadableSession(s.id, DamagedSession(path, s.id), s.started_at, None)
                words = describe(s)
            out.append(s)
            self._words.append(words)
        return out

    def reload(self) -> None:
        """Read first (a StoreError leaves the table as it was), then show."""
        rows = self.store.listing(limit=PAGE) if self.store else []
        total = self.store.count_sessions() if self.store else 0
        self.beginResetModel()
        self._words = []
        self.rows, self.total = self.described(rows), total
        self.endResetModel()

    def unreadable_at(self, index: Index) -> UnreadableSession | None:
        """The damaged row at ``index``, or None (a session, or no row)."""
        row = self.rows[index.row()] if index.isValid() else None
        return row if isinstance(row, UnreadableSession) else None

    @property
    def any_unfinished(self) -> bool:
        """A listed session ended before its close (the chart leaves it out)."""
        return any(isinstance(s, SessionRecord) and s.status != "finished" for s in self.rows)

    @property
    def unreadable(self) -> list[UnreadableSession]:
        """The rows loaded so far that could not be read."""
        return [s for s in self.rows if isinstance(s, UnreadableSession)]

    def clear(self) -> None:
        """No rows (the store could not be read); the store stays for the next reload."""
        self.beginResetModel()
        self.rows, self.total, self._words = [], 0, []
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
            more = self.store.listing(limit=PAGE, offset=len(self.rows))
        except StoreError:  # damaged further down: show what could be read
            more = []
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(self.described(more))
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
        if isinstance(s, UnreadableSession) and role == Qt.ItemDataRole.ToolTipRole:
            return literal(f"{s.problem.message} {s.problem.hint}")  # names a path: as written
        words = self._words[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and words[4]:
            return literal(words[4])  # the whole story: why it stopped, the replay's verdict
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        return words[index.column()]
