"""The question asked when the user ends a conversation with words typed and not sent: send
them first, end without them, or keep rehearsing (the default). It is a row in the conversation,
not a modal dialog: no nested event loop, so a kiosk's idle reset can erase the visit while it
shows (the row goes with the window), and a touch screen answers it like any other button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.a11y import named
from app.ui.flow import FlowLayout

#: What the row says; {draft} is the typed words, shortened.
DRAFT_QUESTION = "You typed an answer and have not sent it: “{draft}”. Send it before ending?"
DRAFT_NOT_TAKEN = (
    "You typed an answer and have not sent it: “{draft}”. The conversation cannot take it "
    "now. End without it?"
)
#: A conversation that ended by itself (its closing line) with words typed and not sent: the
#: row says so above them, kept whole in the (read-only) box, until the user moves on.
DRAFT_AFTER_END = (
    "The conversation ended before you sent what you typed. Your words are kept whole in the "
    "box: copy them if you want them, then see how it went."
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
    see_results(): the conversation ended by itself (`after_end`): on to how it went.
    """

    send_then_end = Signal()
    end_without = Signal()
    keep = Signal()
    see_results = Signal()

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
        self.copy_button = named(
            QPushButton("Copy my words"),
            "draftCopyButton",
            "Copy my words",
            "Copies the whole answer you typed and did not send.",
        )
        self.results_button = named(
            QPushButton("See how it went"),
            "draftResultsButton",
            "See how it went",
            "Goes on to the replay of the conversation.",
        )
        self.send_button.clicked.connect(self.send_then_end)
        self.end_button.clicked.connect(self.end_without)
        self.keep_button.clicked.connect(self.keep)
        self.copy_button.clicked.connect(self._copy)
        self.results_button.clicked.connect(self.see_results)
        self._draft = ""
        self._ended = False  # after `after_end`, until `forget`: End shows that row again
        buttons = FlowLayout(right=True)  # wraps on a narrow screen or at large text
        for button in (
            self.send_button,
            self.end_button,
            self.keep_button,
            self.copy_button,
            self.results_button,
        ):
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
        end) only ending without it or keeping it are offered. After `after_end` (End or
        Ctrl+E once the talk ended by itself) the row says that again: nothing is left to end."""
        if self._ended:
            self.after_end(self._draft)
            return
        words = shortened(draft)  # a plain-text label: shown as typed
        self.text.setText((DRAFT_QUESTION if can_send else DRAFT_NOT_TAKEN).format(draft=words))
        self.setAccessibleDescription(self.text.text())
        self._offer(self.end_button, self.keep_button, *([self.send_button] if can_send else []))
        self.show()
        self.keep_button.setFocus()  # the safe choice: Enter or Space keeps the answer

    def after_end(self, draft: str) -> None:
        """The conversation ended by itself with ``draft`` typed and not sent: say so; the
        words stay whole in the box until the user copies them or goes on."""
        self._draft, self._ended = draft, True
        self.text.setText(DRAFT_AFTER_END)
        self.setAccessibleDescription(DRAFT_AFTER_END)
        self.copy_button.setText("Copy my words")
        self._offer(self.copy_button, self.results_button)
        self.show()
        self.results_button.setFocus()

    @property
    def kept(self) -> str:
        """The words of a talk that ended by itself, kept whole (as typed) while this row
        offers to copy them (`after_end`); empty otherwise. Closing the window names them."""
        return self._draft if self._ended else ""

    def forget(self) -> None:
        """A new conversation (or the user went on): End asks about a draft again."""
        self._draft, self._ended = "", False

    def _offer(self, *shown: QPushButton) -> None:
        for button in self.findChildren(QPushButton):
            button.setVisible(button in shown)

    def _copy(self) -> None:
        QApplication.clipboard().setText(self._draft)
        self.copy_button.setText("Copied")
