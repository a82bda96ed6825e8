"""The replay's bottom bar: where to go next (another scenario, history), compare the attempts,
export, and a line for messages. The buttons wrap onto a second line when the window is narrow."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.ui.a11y import named
from app.ui.flow import FlowLayout


class ReplayActions(QWidget):
    """Signals:
    back_requested(): "Try another scenario" (the list).
    history_requested(): open the history.
    compare_requested(): show the two attempts side by side.
    export_requested(): save the replay as a file.
    """

    back_requested = Signal()
    history_requested = Signal()
    compare_requested = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replayActions")
        self.back_button = named(
            QPushButton("Try another &scenario"),
            "backButton",
            "Try another scenario",
            "Back to the list of scenarios.",
        )
        self.back_button.clicked.connect(self.back_requested)
        self.history_button = named(QPushButton("&History"), "historyButton", "History")
        self.history_button.clicked.connect(self.history_requested)
        self.compare_button = named(
            QPushButton("&Compare attempts"),
            "compareButton",
            "Compare attempts",
            "Shows this attempt and the other one side by side from the restart point.",
            "Compare the two attempts side by side (Alt+C)",
        )
        self.compare_button.clicked.connect(self.compare_requested)
        self.export_button = named(
            QPushButton("&Export…"),
            "exportButton",
            "Export this session",
            "Save the replay as a web page with the recordings, or as JSON or CSV.",
            "Save as HTML, JSON or CSV (Alt+E)",
        )
        self.export_button.clicked.connect(self.export_requested)
        self.status = named(QLabel(), "replayStatus", "Replay messages")
        self.status.setWordWrap(True)
        # Plain text: export messages name the file and the error.
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.hide()
        row = FlowLayout()
        for button in (
            self.back_button,
            self.history_button,
            self.compare_button,
            self.export_button,
        ):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addLayout(row)

    def show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def offer_compare(self, other: str | None) -> None:
        """Offer to compare with ``other`` ("the first attempt", "your retry"), or not at all."""
        self.compare_button.setVisible(other is not None)
        if other is not None:
            self.compare_button.setText(f"&Compare with {other}")

    def enter_kiosk_mode(self) -> None:
        """A booth visitor has no history, and saves the report through the booth, not a
        file dialog."""
        self.history_button.hide()
        self.export_button.hide()
