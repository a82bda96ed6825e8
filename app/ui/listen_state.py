"""The conversation's state row: who has the floor now, in words and a dot, and the live
microphone level while listening. States: idle, speaking, your_turn, listening, thinking.

Typing is always possible while an answer is awaited, so every state in which the answer box
takes an answer says so, and where, at once (:data:`TYPE_HERE`): waiting with no microphone,
after "I didn't catch that" (listening again), with the voice off or no speakers (the line is
shown and the answer box is open: the same words as any other wait, `ListenState.your_turn`)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from app.ui.a11y import named
from app.ui.theme import current_colours

STATES = ("idle", "speaking", "your_turn", "listening", "thinking")
#: Where typed answers go: the box below the state row.
TYPE_HERE = "type your answer below"


class StateDot(QWidget):
    """A round mark whose size follows the microphone level while listening."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = "idle"
        self.level = 0.0
        self.setFixedSize(QSize(22, 22))

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self.state == "idle":
            return
        c = current_colours()
        colour = {"listening": c.listening, "speaking": c.accent}.get(self.state, c.icon)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QColor(colour))
        p.setBrush(QColor(colour))
        r = 5 + (6 * self.level if self.state == "listening" else 1)
        centre = self.rect().center()
        p.drawEllipse(centre, r, r)


class ListenState(QWidget):
    """The dot, the words ("Listening…", "Thinking…") and the level meter in one row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("listenState")
        self.state = "idle"
        self.person = "They"
        self.dot = StateDot()
        self.status = QLabel()
        self.status.setObjectName("listenStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # names the persona
        self.status.setProperty("state", "idle")
        self.status.setWordWrap(True)  # large text on a small screen: wrap, never cut off
        self.level = named(
            QProgressBar(), "levelMeter", "Microphone level", "How loud the microphone hears you."
        )
        self.level.setRange(0, 100)
        self.level.setTextVisible(False)
        self.level.setFixedHeight(10)
        self.level.setMaximumWidth(260)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.dot)
        row.addWidget(self.status, 3)
        row.addWidget(self.level, 1)
        row.addStretch(1)
        self.listen_available = True
        self.voice_audible = True
        #: The manager's last line is held on screen: nothing more can be sent (answer_bar).
        self.last_line = False
        self.set_state("idle")

    def words(self, state: str) -> str:
        if self.last_line and state in ("speaking", "your_turn", "listening"):
            if state == "speaking" and self.voice_audible:
                return f"{self.person} is speaking…"
            return f"{self.person}'s last line is shown above: the conversation is over"
        if state == "speaking" and self.voice_audible:
            return f"{self.person} is speaking…"
        if state in ("speaking", "your_turn"):  # unheard, a shown line awaits the answer too
            return self.your_turn()
        if state == "listening":
            return f"Listening… or {TYPE_HERE}"
        return {"thinking": "Thinking…"}.get(state, "")

    def your_turn(self) -> str:
        """The one sentence for an answer awaited with the box open: while the line is shown
        and not heard (the voice off, no speakers) as well as after it was heard, so the row
        never switches between two wordings of the same wait."""
        how = f"speak, or {TYPE_HERE}" if self.listen_available else TYPE_HERE
        if not self.voice_audible:  # no speakers, or the voice is off: nothing is heard
            return f"Your turn ({self.person}'s line is shown above, not spoken): {how}"
        return f"Your turn: {how}"

    def set_state(self, state: str) -> None:
        if state not in STATES:
            raise ValueError(f"unknown conversation state {state!r}")
        self.state = state
        self.status.setText(self.words(state))
        self.status.setProperty("state", state)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.dot.state = state
        self.level.setVisible(self.listen_available and state == "listening")
        if state != "listening":
            self.set_level(0.0)
        self.dot.update()

    def set_last_line(self, held: bool) -> None:
        """The last line is held on screen (or the talk ended by itself): the row no longer
        invites an answer the box would refuse (a newcomer saw "type your answer below" beside
        "The conversation is over")."""
        if held != self.last_line:
            self.last_line = held
            self.set_state(self.state)

    def set_level(self, level: float) -> None:
        level = max(0.0, min(1.0, level))
        self.level.setValue(int(level * 100))
        self.dot.level = level
        self.dot.update()
