"""The question asked when the user ends a conversation with words typed and not sent: send
them first, end without them, or keep rehearsing (the default). It is a row in the conversation,
not a modal dialog: no nested event loop, so a kiosk's idle reset can erase the visit while it
shows (the row goes with the window), and a touch screen answers it like any other button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.a11y import named
from app.ui.flow import FlowLayout

#: What the row says; {draft} is the typed words, shortened.
DRAFT_QUESTION = "You typed an answer and have not sent it: “{draft}”. Send it before ending?"
DRAFT_NOT_TAKEN = (
    "You typed an answer and have not sent it: “{draft}”. The conversation cannot take it "
    "now. End without it?"
)
SHOWN_CHARS = 80


def shortened(draft: str, limit: int = SHOWN_CHARS) -> str:
    """The draft as the question quotes it: whole when short, else its start and an ellipsis."""
    draft = " ".join(draft.split())
    return draft if len(draft) <= limit else draft[: limit - 1].rstrip() + "…"


class DraftPrompt(QFrame):
    """Hidden until :meth:`ask`. Signals:
    send_then_end(): send the typed answer, then end.
    end_without(): end; the typed answer is not sent.
    keep(): keep rehearsing with the typed answer still in the box.
    """

    send_then_end = Signal()
    end_without = Signal()
    keep = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "draftPrompt", "Unsent answer", "Asks what to do with an unsent answer.")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = named(QLabel(), "draftPromptText", "Unsent answer")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        font = self.text.font()
        font.setBold(True)
        self.text.setFont(font)
        self.send_button = named(
            QPushButton("Send it, then end"),
            "draftSendButton",
            "Send it, then end",
            "Sends your typed answer, then ends the conversation.",
        )
        self.end_button = named(
            QPushButton("End without it"),
            "draftEndButton",
            "End without it",
            "Ends the conversation; your typed answer is not sent.",
        )
        self.keep_button = named(
            QPushButton("Keep rehearsing"),
            "draftKeepButton",
            "Keep rehearsing",
            "Goes back to the conversation with your answer still in the box.",
        )
        self.send_button.clicked.connect(self.send_then_end)
        self.end_button.clicked.connect(self.end_without)
        self.keep_button.clicked.connect(self.keep)
        buttons = FlowLayout(right=True)  # wraps on a narrow screen or at large text
        for button in (self.send_button, self.end_button, self.keep_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.hide()

    def ask(self, draft: str, *, can_send: bool) -> None:
        """Show the question for ``draft``; without ``can_send`` (the talk has reached its
        end) only ending without it or keeping it are offered."""
        words = shortened(draft)  # a plain-text label: shown as typed
        self.text.setText((DRAFT_QUESTION if can_send else DRAFT_NOT_TAKEN).format(draft=words))
        self.setAccessibleDescription(self.text.text())
        self.send_button.setVisible(can_send)
        self.show()
        self.keep_button.setFocus()  # the safe choice: Enter or Space keeps the answer
