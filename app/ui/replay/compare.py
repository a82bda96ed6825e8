"""Two attempts side by side from the turn the retry restarted at: frames, shift, outcome."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.ui.a11y import named
from app.ui.frames import frame_style
from app.ui.replay.richtext import CUE_WRAP, marked_cues

if TYPE_CHECKING:
    from app.report import Attempt, Comparison
    from app.store import SessionRecord, Store


def partner_of(store: Store, session: SessionRecord) -> tuple[SessionRecord, SessionRecord] | None:
    """The two attempts to compare (first, retry): ``session``'s parent when it is a retry, else
    its newest retry; None when it has neither (or the store cannot say)."""
    from app.report import retries_of
    from app.store import StoreError

    try:
        if session.parent_session_id is not None:
            return store.session(session.parent_session_id), session
        retries = retries_of(store, session)
    except StoreError:
        return None
    return (session, retries[0]) if retries else None


def attempt_html(attempt: Attempt, persona: str) -> str:
    """The attempt's turns from the pivot on; frame shown as symbol and word, not colour only."""
    from app.report import highlight
    from app.report import html_escape as esc

    rows = []
    numbers = attempt.numbers  # the whole attempt's: answers before the pivot count too
    for t in attempt.turns:
        who = f"{numbers.name(t.index)}. You" if t.speaker == "seeker" else persona
        style = frame_style(t.frame)
        frame = f" <i>{style.symbol} {esc(style.label)}</i>" if t.speaker == "seeker" else ""
        flag = ""
        if attempt.shift_turn == t.index:
            flag = " <b>▲ shifted here</b>"
        cues = marked_cues(t.cues) if t.speaker == "seeker" else ()  # as in the replay
        said = highlight(t.text, cues, wrap=CUE_WRAP)  # Qt rich text has no <mark>
        rows.append(f"<p><b>{esc(who)}:</b>{frame}{flag}<br>{said}</p>")
    return "".join(rows) or "<p>(no turns after the restart point)</p>"


class ComparisonView(QWidget):
    """A first attempt and its retry, side by side.

    Signals:
        back_requested(): return to the replay.
        open_requested(int): show this session's replay.
    """

    back_requested = Signal()
    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonView")
        self.heading = QLabel()
        self.heading.setObjectName("screenTitle")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # the scenario's title
        self.verdict = named(QLabel(), "comparisonVerdict", "What changed")
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self._ids: tuple[int, int] = (0, 0)
        grid = QGridLayout()
        self.summaries: list[QLabel] = []
        self.columns: list[QTextBrowser] = []
        self.open_buttons: list[QPushButton] = []
        for col, (key, label) in enumerate((("First", "First attempt"), ("Retry", "Retry"))):
            summary = named(QLabel(), f"comparison{key}Summary", f"{label}: outcome and shift")
            summary.setWordWrap(True)
            summary.setTextFormat(Qt.TextFormat.RichText)
            browser = named(QTextBrowser(), f"comparison{key}", f"{label}: turns")
            browser.setOpenLinks(False)
            button = named(QPushButton(f"Replay the {label.lower()}"), f"open{key}Button", label)
            button.clicked.connect(lambda _=False, c=col: self.open_requested.emit(self._ids[c]))
            grid.addWidget(summary, 0, col)
            grid.addWidget(browser, 1, col)
            grid.addWidget(button, 2, col)
            self.summaries.append(summary)
            self.columns.append(browser)
            self.open_buttons.append(button)
        grid.setRowStretch(1, 1)
        self.back_button = named(
            QPushButton("&Back to the replay"), "comparisonBackButton", "Back to the replay"
        )
        self.back_button.clicked.connect(self.back_requested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.verdict)
        layout.addLayout(grid, 1)
        layout.addLayout(bottom)

    def show_comparison(self, comparison: Comparison) -> None:
        from app.report import html_escape as esc

        first, retry = comparison.first, comparison.retry
        self._ids = (first.session.id, retry.session.id)
        self.heading.setText(
            f"{first.session.scenario_title}: two attempts from the line before answer "
            f"{first.numbers.number(comparison.pivot)}"
        )
        self.verdict.setText(comparison.verdict)
        for summary, browser, attempt, name in zip(
            self.summaries, self.columns, (first, retry), ("First attempt", "Retry"), strict=True
        ):
            when = dt.datetime.fromtimestamp(attempt.session.started_at).strftime("%Y-%m-%d %H:%M")
            shift = esc(attempt.label)  # true to its frames (app/report/verdict.py)
            summary.setText(
                f"<b>{esc(name)}</b> · {esc(when)}<br>{shift}<br>Outcome: {esc(attempt.outcome)}"
            )
            browser.setHtml(attempt_html(attempt, attempt.session.persona))
