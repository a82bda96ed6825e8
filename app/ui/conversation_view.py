"""The conversation screen: the manager's caption, the transcript so far, and ways to answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.a11y import named
from app.ui.frames import frame_style

if TYPE_CHECKING:
    from app.dialogue import Scenario


class HoldButton(QPushButton):
    """A button that reports press and release separately (push-to-talk)."""

    held = Signal(bool)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.pressed.connect(lambda: self.held.emit(True))
        self.released.connect(lambda: self.held.emit(False))


class ConversationView(QWidget):
    """Shows one rehearsal; emits what the user does, knows nothing of speech or storage.

    Signals:
        answer_submitted(str): a typed answer.
        listen_requested(): the Listen button was clicked.
        push_to_talk(bool): Listen held down (True) or released (False).
        repeat_requested(): "repeat that".
        end_requested(): the user ends the conversation.
    """

    answer_submitted = Signal(str)
    listen_requested = Signal()
    push_to_talk = Signal(bool)
    repeat_requested = Signal()
    end_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversationScreen")
        self.header = QLabel()
        self.header.setObjectName("personaHeader")
        self.header.setWordWrap(True)

        self.caption = named(
            QLabel(),
            "managerCaption",
            "What the other person says",
            "The caption of the line the other person is saying now.",
        )
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption.setMinimumHeight(80)

        self.banner = named(QLabel(), "noticeBanner", "Notice", "Messages about voice and saving.")
        self.banner.setWordWrap(True)
        self.banner.hide()

        self.transcript = named(
            QListWidget(),
            "transcriptList",
            "Transcript",
            "Everything said so far, with the frame of each of your answers.",
        )
        self.transcript.setWordWrap(True)
        self.transcript.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.transcript.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.level = named(
            QProgressBar(), "levelMeter", "Microphone level", "How loud the microphone hears you."
        )
        self.level.setRange(0, 100)
        self.level.setTextVisible(False)
        self.level.setMaximumHeight(12)
        self.status = QLabel()
        self.status.setObjectName("listenStatus")

        self.listen_button = named(
            HoldButton("&Listen"),
            "listenButton",
            "Listen",
            "Click to answer out loud, or hold it (or hold Ctrl+Space) to talk.",
            "Answer out loud: click, or hold to talk (Alt+L)",
        )
        self.listen_button.clicked.connect(self.listen_requested)
        self.listen_button.held.connect(self.push_to_talk)
        self.repeat_button = named(
            QPushButton("&Repeat that"),
            "repeatButton",
            "Repeat that",
            "Hear the last line again.",
            "Hear the last line again (Ctrl+R)",
        )
        self.repeat_button.clicked.connect(self.repeat_requested)
        self.answer = named(
            QLineEdit(),
            "answerInput",
            "Your answer",
            "Type your answer and press Enter.",
            "Type your answer; Enter sends it",
        )
        self.answer.setPlaceholderText("Type your answer here, or answer out loud…")
        self.answer.returnPressed.connect(self._send)
        self.send_button = named(
            QPushButton("&Send"),
            "sendButton",
            "Send answer",
            "Sends the typed answer.",
            "Send your typed answer (Enter)",
        )
        self.send_button.clicked.connect(self._send)
        self.end_button = named(
            QPushButton("&End conversation"),
            "endButton",
            "End conversation",
            "Ends the conversation now and shows how it went.",
            "End now and see the results (Ctrl+E)",
        )
        self.end_button.clicked.connect(self.end_requested)
        QShortcut(QKeySequence("Ctrl+R"), self, self.repeat_requested.emit)
        QShortcut(QKeySequence("Ctrl+E"), self, self.end_requested.emit)

        meter_row = QHBoxLayout()
        meter_row.addWidget(self.status)
        meter_row.addWidget(self.level, 1)
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.answer, 1)
        answer_row.addWidget(self.send_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.listen_button)
        buttons.addWidget(self.repeat_button)
        buttons.addStretch(1)
        buttons.addWidget(self.end_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.caption)
        layout.addWidget(self.banner)
        layout.addWidget(self.transcript, 1)
        layout.addLayout(meter_row)
        layout.addLayout(answer_row)
        layout.addLayout(buttons)
        self.setTabOrder(self.answer, self.send_button)
        self.setTabOrder(self.send_button, self.listen_button)
        self.setTabOrder(self.listen_button, self.repeat_button)
        self.setTabOrder(self.repeat_button, self.end_button)
        self.setTabOrder(self.end_button, self.transcript)

    # -- updates from the controller --------------------------------------------------------
    def begin(self, scenario: Scenario, *, voice: bool, listen: bool) -> None:
        p = scenario.persona
        self.header.setText(f"{scenario.title} — {p.name}, {p.role} at {p.company}")
        self.transcript.clear()
        self.caption.clear()
        self.banner.hide()
        self.answer.clear()
        self.level.setValue(0)
        self.listen_button.setVisible(listen)
        self.level.setVisible(listen)
        self.repeat_button.setEnabled(True)
        self.set_answer_enabled(False)
        self.status.setText("")
        self.answer.setFocus()

    def show_manager_line(self, text: str) -> None:
        self.caption.setText(text)
        self.caption.setAccessibleDescription(text)
        item = QListWidgetItem(f"Them: {text}")
        item.setData(Qt.ItemDataRole.UserRole, "manager")
        self.transcript.addItem(item)
        self.transcript.scrollToBottom()

    def show_answer(self, text: str, frame: str) -> None:
        style = frame_style(frame)
        item = QListWidgetItem(f"You: {text}    {style.symbol} {style.label}")
        item.setData(Qt.ItemDataRole.UserRole, frame)
        item.setForeground(self.palette().text())
        self.transcript.addItem(item)
        self.transcript.scrollToBottom()

    def set_answer_enabled(self, enabled: bool) -> None:
        self.send_button.setEnabled(enabled)
        self.listen_button.setEnabled(enabled)
        if enabled:
            self.answer.setFocus()

    def set_speaking(self, speaking: bool) -> None:
        """While the other person speaks the typed box stays open (reading the caption and
        answering is fine); the microphone waits for the line to end so it does not hear it."""
        self.send_button.setEnabled(True)
        self.listen_button.setEnabled(not speaking)
        if speaking:
            self.status.setText("Speaking…")
        elif self.status.text() == "Speaking…":
            self.status.setText("")
        if not self.answer.hasFocus():
            self.answer.setFocus()

    def set_listening(self, listening: bool) -> None:
        self.status.setText("Listening… speak now" if listening else "")
        if not listening:
            self.level.setValue(0)

    def set_transcribing(self) -> None:
        self.status.setText("Working out what you said…")

    def set_level(self, level: float) -> None:
        self.level.setValue(int(max(0.0, min(1.0, level)) * 100))

    def show_notice(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.show()

    # -- user actions -----------------------------------------------------------------------
    def _send(self) -> None:
        text = self.answer.text().strip()
        if not text or not self.send_button.isEnabled():
            return
        self.answer.clear()
        self.banner.hide()
        self.answer_submitted.emit(text)
