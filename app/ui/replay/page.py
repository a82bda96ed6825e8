"""The replay page's widgets, laid out: a one-glance header (title, who, outcome), the timeline,
the playback bar and caption, the transcript beside the insight panel, and the action bar. No
logic: :class:`~app.ui.replay.screen.ResultsView` fills and wires it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QSplitter, QTextBrowser, QVBoxLayout, QWidget

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

        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(6)
        for widget in (self.title, self.outcome, self.timeline, self.controls, self.caption):
            page.addWidget(widget)
        page.addWidget(self.splitter, 1)
        page.addWidget(self.action_bar)
