"""Ways to answer, at the foot of the conversation: the typed box with Send, then Listen,
Repeat that and End conversation. The conversation view wires them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.ui.a11y import named

# What the conversation says about a typed answer it could not take as it was sent.
ANSWER_AFTER_END = (
    "The conversation has reached its end, so that answer was not added (it is still in the "
    "box). Press End conversation to see how it went."
)
ANSWER_TOO_EARLY = "That answer was not taken yet (it is still in the box): send it again shortly."
ANSWER_CUT = "Your answer was cut to {limit:,} characters, the most the box holds."
ONE_ROW_BOX_PX = 240  # the answer box's least width when the buttons share its row
#: The empty answer box while the manager's last line is held on screen (voice off).
LAST_LINE_PLACEHOLDER = "The conversation is over: read the last line. Nothing more is sent."


class HoldButton(QPushButton):
    """A button that reports press and release separately (push-to-talk)."""

    held = Signal(bool)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.pressed.connect(lambda: self.held.emit(True))
        self.released.connect(lambda: self.held.emit(False))


class AnswerBar(QWidget):
    """The answer box and the conversation's buttons, with their stable names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answerBar")
        self.listen_button = named(
            HoldButton("&Listen"),
            "listenButton",
            "Listen",
            "Click to answer out loud, or hold it (or hold Ctrl+Space) to talk.",
            "Answer out loud: click, or hold to talk (Alt+L)",
        )
        self.repeat_button = named(
            QPushButton("&Repeat that"),
            "repeatButton",
            "Repeat that",
            "Hear the last line again.",
            "Hear the last line again (Ctrl+R)",
        )
        self.answer = named(
            QLineEdit(),
            "answerInput",
            "Your answer",
            "Type your answer and press Enter.",
            "Type your answer; Enter sends it",
        )
        self.send_button = named(
            QPushButton("&Send"),
            "sendButton",
            "Send answer",
            "Sends the typed answer.",
            "Send your typed answer (Enter)",
        )
        self.end_button = named(
            QPushButton("&End conversation"),
            "endButton",
            "End conversation",
            "Ends the conversation now and shows how it went.",
            "End now and see the results (Ctrl+E)",
        )
        self._answer_row = answer_row = QHBoxLayout()
        answer_row.setSpacing(8)
        answer_row.addWidget(self.answer, 1)
        answer_row.addWidget(self.send_button)
        self._buttons = buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.listen_button)
        buttons.addWidget(self.repeat_button)
        buttons.addStretch(1)
        buttons.addWidget(self.end_button)
        # End conversation alone, at the right, when the buttons' row cannot hold it too (the
        # booth's touch-size buttons at text size 3.0): never narrower than its words.
        self._end_row = end_row = QHBoxLayout()
        end_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(answer_row)
        layout.addLayout(buttons)
        layout.addLayout(end_row)
        self.one_row = False
        self.end_alone = False
        self.held = False  # the last line is held on screen: nothing can be sent
        self._placeholder = ""

    def hold_for_last_line(self, held: bool) -> None:
        """While the manager's last line is held on screen for its reading time (voice off)
        the conversation is over: the box is read-only, its words kept (still selectable) and
        the placeholder says why when it is empty; Send and Listen are off. Called again by
        whatever turned them on meanwhile; released, the box takes typing again."""
        if held:
            for button in (self.send_button, self.listen_button):
                button.setEnabled(False)
        if held == self.held:
            return
        self.held = held
        self.answer.setReadOnly(held)
        if held:
            self._placeholder = self.answer.placeholderText()
            self.answer.setPlaceholderText(LAST_LINE_PLACEHOLDER)
        elif self.answer.placeholderText() == LAST_LINE_PLACEHOLDER:  # not set anew since
            self.answer.setPlaceholderText(self._placeholder)

    def _moving(self) -> list[QWidget]:
        return [self.listen_button, self.repeat_button, self.end_button]

    def one_row_width(self) -> int:
        """The width the box (at its least useful width) and every button need on one line."""
        box = max(ONE_ROW_BOX_PX, self.answer.fontMetrics().averageCharWidth() * 24)
        return box + 8 + _row_width([self.send_button, *self._moving()])

    def fit_width(self, width: int) -> None:
        """On a wide screen the buttons share the answer box's row, giving a short screen (a
        booth's 1024x600) a row of height back; narrower, they take a row of their own, and End
        conversation one more when that row cannot hold it at its full width. The conversation
        view calls this with its column's width before it measures the rows."""
        one_row = width >= self.one_row_width()
        end_alone = not one_row and width < _row_width(self._moving())
        if (one_row, end_alone) == (self.one_row, self.end_alone):
            return
        self.one_row, self.end_alone = one_row, end_alone
        for button in self._moving():
            for row in (self._answer_row, self._buttons, self._end_row):
                row.removeWidget(button)
        if one_row:
            for button in self._moving():
                self._answer_row.addWidget(button)
        else:
            self._buttons.insertWidget(0, self.listen_button)
            self._buttons.insertWidget(1, self.repeat_button)
            (self._end_row if end_alone else self._buttons).addWidget(self.end_button)


def _row_width(buttons: list[QWidget]) -> int:
    """The width the shown ``buttons`` need side by side at their preferred sizes."""
    shown = [b for b in buttons if not b.isHidden()]
    return sum(b.sizeHint().width() for b in shown) + 8 * max(0, len(shown) - 1)
