"""The replay page's widgets, laid out: a one-glance header (title, who, outcome), the timeline,
the playback bar and caption, the transcript beside the insight panel, and the action bar; and
the cue that says "What you could have said" is further down while it is out of view. No other
logic: :class:`~app.ui.replay.screen.ResultsView` fills and wires it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.ui.a11y import named
from app.ui.replay.actions import ReplayActions
from app.ui.replay.controls import PlaybackControls
from app.ui.replay.panel import InsightPanel
from app.ui.replay.timeline import FramingTimeline


def _wrapping(label: QLabel, fmt: Qt.TextFormat) -> QLabel:
    label.setWordWrap(True)
    label.setTextFormat(fmt)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class ReplayPage(QWidget):
    """The widgets of one replay (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replayPage")
        plain, rich = Qt.TextFormat.PlainText, Qt.TextFormat.RichText  # scenario text: plain
        self.title = _wrapping(QLabel(), plain)
        self.title.setObjectName("screenTitle")
        self.outcome = _wrapping(QLabel(), plain)
        self.outcome.setObjectName("outcomeLabel")
        self.timeline = FramingTimeline()
        self.timeline.setToolTip(
            "Click a mark to jump to that turn. ● exploration, ■ interview, – neutral; "
            "the flag marks the shift."
        )
        self.controls = PlaybackControls()
        self.caption = _wrapping(
            named(
                QLabel(),
                "replayCaption",
                "Caption of the current turn",
                "The line being played; typed answers show here for the time it takes to read "
                "them.",
            ),
            rich,
        )
        self.transcript = named(
            QTextBrowser(),
            "replayTranscript",
            "Transcript",
            "Every turn with its frame; the words that decided it are highlighted. "
            "Click a turn to jump there.",
        )
        self.transcript.setOpenLinks(False)
        self.insights = InsightPanel()
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.transcript)
        self.splitter.addWidget(self.insights)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 1000])  # half and half, whatever the texts' widths
        self.action_bar = ReplayActions()
        # Session 14 U1: "What you could have said" below what the window shows (large text,
        # a small screen, a long explanation above it): a button under the header, which the
        # page opens on, says it is there and brings it into view.
        self.coach_cue = named(
            QPushButton("↓ What you could have said"),
            "coachCueButton",
            "What you could have said, further down",
            "Scrolls to what you could have said instead, further down this page.",
        )
        self.coach_cue.setAutoDefault(False)
        self.coach_cue.clicked.connect(self.show_coach)
        self.coach_cue.hide()
        cue_row = QHBoxLayout()
        cue_row.setContentsMargins(0, 0, 0, 0)
        cue_row.addWidget(self.coach_cue)
        cue_row.addStretch(1)
        self._cue_timer = QTimer(self)  # owned: a deleted page takes it along
        self._cue_timer.setSingleShot(True)
        self._cue_timer.setInterval(0)
        self._cue_timer.timeout.connect(self.update_coach_cue)
        body = self.insights.widget()  # the panel's body: its texts' height
        for watched in (body, self.insights, self.splitter):
            if watched is not None:
                watched.installEventFilter(self)

        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(6)
        page.addWidget(self.title)
        page.addWidget(self.outcome)
        page.addLayout(cue_row)
        for below in (self.timeline, self.controls, self.caption):
            page.addWidget(below)
        page.addWidget(self.splitter, 1)
        page.addWidget(self.action_bar)

    def coach_seen(self) -> bool:
        """Whether the first line of "What you could have said" shows in the window now (within
        the panel's and the page's scrolled views), or there is none to show."""
        coach = self.insights.coach
        if not coach.isVisibleTo(self) or not coach.text():
            return True
        line = QRect(0, 0, min(coach.width(), 40), coach.fontMetrics().height() + 12)
        seen = coach.visibleRegion().intersected(line)
        return seen.boundingRect().height() >= line.height()

    def update_coach_cue(self) -> None:
        """Offer the cue while the coach's first line is out of view. Decided when the layout
        changes (a new session, a resize, a new text size), not as the user scrolls: the page
        never jumps under the user's hand."""
        if self.isVisible():  # the cue only moves the coach further down: no flicker
            self.coach_cue.setVisible(not self.coach_seen())

    def _page_scroll(self) -> QScrollArea | None:
        """The scroll area the window shows this page in (`app.ui.page_stack`), if any."""
        outer = self.parentWidget()
        while outer is not None and not isinstance(outer, QScrollArea):
            outer = outer.parentWidget()
        return outer

    def scroll_page_to_top(self) -> None:
        """A session shown opens at the page's top (its title and the cue), as the panel does."""
        outer = self._page_scroll()
        if outer is not None:
            outer.verticalScrollBar().setValue(0)
        self._cue_timer.start()

    def show_coach(self) -> None:
        """Scroll the panel, then the page, so the coach's first line shows near the top."""
        coach = self.insights.coach
        self.insights.verticalScrollBar().setValue(max(0, coach.y() - 4))
        outer = self._page_scroll()
        inner = outer.widget() if outer is not None else None
        if outer is not None and inner is not None:
            top = coach.mapTo(inner, QPoint(0, 0)).y()
            bar = outer.verticalScrollBar()
            room = outer.viewport().height()
            if not 0 <= top - bar.value() <= room - coach.fontMetrics().height() - 16:
                bar.setValue(max(0, top - 16))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._cue_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._cue_timer.start()
        return super().eventFilter(watched, event)
