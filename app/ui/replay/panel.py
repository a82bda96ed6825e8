"""The replay's right-hand panel: the shift, what you could have said, what to do next, and
what the numbers say. It opens scrolled to the top for every session shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.ui.a11y import named
from app.ui.flow import FlowLayout
from app.ui.replay import richtext

if TYPE_CHECKING:
    from app.report import Report


def _rich_label(name: str, accessible: str, description: str = "") -> QLabel:
    label = named(QLabel(), name, accessible, description)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class InsightPanel(QScrollArea):
    """The shift card, the coach's alternative, the next steps and the metrics.

    Signals:
        link_activated(str): a ``turn:N`` link was clicked.
        retry_requested(): "Try again from here".
        rehearse_requested(): "Rehearse again" (the whole scenario, from its start).
    """

    link_activated = Signal(str)
    retry_requested = Signal()
    rehearse_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replayInsights")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.shift = _rich_label(
            "shiftExplanation",
            "Where the conversation shifted",
            "Explains the turn where the talk turned into an interview, if it did.",
        )
        self.shift.linkActivated.connect(self.link_activated)
        self.coach = _rich_label("coachAlternative", "What you could have said")
        self.turn_coach = _rich_label(
            "turnCoaching",
            "Coaching for this turn",
            "At an answer that made the talk an interview: what your words did and what you "
            "could have said instead.",
        )
        self.turn_coach.hide()
        self.retry_button = named(
            QPushButton("&Try again from here"),
            "retryButton",
            "Try again from here",
            "Restart at the manager line before the shift, keeping what came before.",
            "Restart at the pivotal line (Alt+T)",
        )
        self.retry_button.clicked.connect(self.retry_requested)
        self.rehearse_button = named(
            QPushButton("&Rehearse again"),
            "rehearseAgainButton",
            "Rehearse again",
            "Start this scenario again from its first line.",
            "Start this scenario again from the beginning (Alt+R)",
        )
        self.rehearse_button.clicked.connect(self.rehearse_requested)
        self.metrics = _rich_label(
            "metricsSummary",
            "Conversation metrics",
            "Questions, talking share, longest stretch, pace and filler words; "
            "each turn link jumps there.",
        )
        self.metrics.linkActivated.connect(self.link_activated)

        body = QWidget()
        body.setObjectName("replayInsightsBody")
        actions = FlowLayout()  # wraps when the panel is narrow (large text, the kiosk)
        actions.addWidget(self.retry_button)
        actions.addWidget(self.rehearse_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 0, 8, 0)
        layout.addWidget(self.shift)
        layout.addWidget(self.coach)
        layout.addWidget(self.turn_coach)
        layout.addLayout(actions)
        layout.addSpacing(8)
        layout.addWidget(self.metrics)
        layout.addStretch(1)
        self.setWidget(body)

    def show_report(self, report: Report, *, can_retry: bool) -> None:
        """Fill the panel from ``report`` and scroll it back to the top."""
        shifted = report.shift is not None
        self.shift.setText(richtext.shift_html(report))
        self.shift.setProperty("shifted", shifted)
        self.shift.style().unpolish(self.shift)
        self.shift.style().polish(self.shift)
        coach = richtext.coach_html(report)
        self.coach.setText(coach)
        self.coach.setVisible(bool(coach))
        self.retry_button.setVisible(shifted)
        self.retry_button.setEnabled(can_retry)
        self.metrics.setText(richtext.metrics_html(report))
        self.scroll_to_top()

    def show_turn(self, report: Report, turn_index: int) -> None:
        """Coaching for the turn being played or chosen, when it has some (see richtext)."""
        text = richtext.turn_coaching_html(report, turn_index)
        self.turn_coach.setText(text)
        self.turn_coach.setVisible(bool(text))

    def scroll_to_top(self) -> None:
        self.verticalScrollBar().setValue(0)
        self.horizontalScrollBar().setValue(0)
