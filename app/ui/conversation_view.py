"""The conversation screen: the persona's card, the manager's line large and central, the
exchange as chat bubbles, who has the floor now (speaking, listening, thinking) and ways to
answer. Live frame labels show only in practice mode; the replay shows everything."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.answer_bar import ANSWER_AFTER_END, ANSWER_CUT, ANSWER_TOO_EARLY, AnswerBar
from app.ui.caption_box import CaptionBox
from app.ui.conversation_page import ConversationPage
from app.ui.draft_ending import DraftEnding
from app.ui.draft_prompt import DraftPrompt
from app.ui.exchange import TURN_ROLE, ExchangeList
from app.ui.keys import app_keys_first
from app.ui.line_again import TIPS, LineAgain
from app.ui.listen_state import TYPE_HERE, ListenState
from app.ui.notice_banner import NoticeBanner
from app.ui.persona_card import PersonaCard, answers_to_end
from app.ui.typed_text import clean_typed

if TYPE_CHECKING:
    from app.dialogue import Scenario

#: The rehearsal's prompt after a long silence starts so; with no microphone it says this.
PATIENCE_START, NO_MIC_PATIENCE = "Take your time", f"Take your time: {TYPE_HERE}."
__all__ = ["NO_MIC_PATIENCE", "PATIENCE_START", "TURN_ROLE", "ConversationView"]


class ConversationView(QWidget):
    """Shows one rehearsal; emits what the user does, knows nothing of speech or storage.

    Signals:
        answer_submitted(str): a typed answer.
        listen_requested(): the Listen button was clicked.
        push_to_talk(bool): Listen held down (True) or released (False).
        repeat_requested(): "repeat that".
        end_requested(): the user ends the conversation (with nothing typed and unsent, or
            having chosen what happens to it: see ui/draft_ending.py).
    """

    answer_submitted = Signal(str)
    listen_requested = Signal()
    push_to_talk = Signal(bool)
    repeat_requested = Signal()
    end_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversationScreen")
        self._scenario: Scenario | None = None
        self._answered = 0
        self._listen = False
        self.practice_mode = False
        self.card = PersonaCard()
        self.caption_box = CaptionBox()
        self.caption = self.caption_box.label
        self.banner = NoticeBanner()
        self.transcript = ExchangeList()  # the turns so far, as bubbles (ui/exchange.py)
        self.state = ListenState()
        self.status = self.state.status
        self.level = self.state.level
        self.bar = AnswerBar()
        self.draft_prompt = DraftPrompt()  # ending with words typed and not sent asks first
        self.can_take_answer: Callable[[], bool] = lambda: True  # the window's, see screens.py
        bar = self.bar
        self.answer, self.send_button = bar.answer, bar.send_button
        self.listen_button, self.repeat_button, self.end_button = (
            bar.listen_button,
            bar.repeat_button,
            bar.end_button,
        )
        self.listen_button.clicked.connect(self._on_listen_clicked)
        self.listen_button.held.connect(self.push_to_talk)
        self.repeat_button.clicked.connect(self._repeat)
        self.line_again = LineAgain(self.caption_box, self._say_line_again)
        self.answer.returnPressed.connect(self._send)
        self.answer.textEdited.connect(self._say_if_cut)
        self.send_button.clicked.connect(self._send)
        self._ending = DraftEnding(self, self._send)  # End asks first about unsent words
        self.end_button.clicked.connect(self._ending.request_end)
        QShortcut(QKeySequence("Ctrl+R"), self, self._repeat)
        QShortcut(QKeySequence("Ctrl+E"), self, self._ending.request_end)
        app_keys_first(self.answer)  # the box must not eat Ctrl+E (end of line on X11)
        self._build_layout()

    def _build_layout(self) -> None:
        self.page_scroll = ConversationPage(
            self,
            self.card,
            self.caption_box,
            self.banner,
            self.transcript,
            self.state,
            self.bar,
            self.draft_prompt,
        )
        self._page = self.page_scroll.page
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.page_scroll)
        self.setTabOrder(self.answer, self.send_button)
        self.setTabOrder(self.send_button, self.listen_button)
        self.setTabOrder(self.listen_button, self.repeat_button)
        self.setTabOrder(self.repeat_button, self.end_button)
        self.setTabOrder(self.end_button, self.transcript)
        self.setTabOrder(self.transcript, self.draft_prompt.send_button)
        self.setTabOrder(self.draft_prompt.send_button, self.draft_prompt.end_button)
        self.setTabOrder(self.draft_prompt.end_button, self.draft_prompt.keep_button)

    # -- updates from the controller --------------------------------------------------------
    def begin(
        self, scenario: Scenario, *, voice: bool, listen: bool, practice: bool = False
    ) -> None:
        """A new conversation: `listen` shows the microphone controls, `practice` the live
        frame labels; without `voice` (off, or no speakers) the state row says the line is
        shown, not spoken."""
        self._scenario = scenario
        self.banner.forget_all()
        self._answered = 0
        self.practice_mode = practice
        self.card.show_persona(scenario)
        self.state.person = scenario.persona.name.split()[0] if scenario.persona.name else "They"
        self._listen = listen
        self.state.voice_audible = voice
        tip, about = TIPS[voice]  # heard again, or shown again (no voice): ui/line_again.py
        self.repeat_button.setToolTip(tip)
        self.repeat_button.setAccessibleDescription(about)
        self.transcript.restart()
        self.caption.clear()
        self.clear_notice()
        self.answer.clear()
        self.draft_prompt.hide()
        self._can_listen(listen)
        self.repeat_button.setEnabled(True)
        self.set_answer_enabled(False)
        self.state.set_state("idle")
        self.answer.setFocus()

    def show_manager_line(self, text: str, idx: int | None = None, node_id: str = "") -> None:
        """A line the manager says. The same line again (Repeat, same `idx`) is not added to
        the exchange a second time."""
        self.caption.setText(text)
        self.caption.setAccessibleDescription(text)
        self.caption_box.verticalScrollBar().setValue(0)  # a new line is read from its start
        self.page_scroll.fit_rows()
        if not self.transcript.add_line(text, idx):
            return
        self.page_scroll.scroll_to_end()
        if self._scenario is not None and node_id:
            self.card.set_progress(self._answered, answers_to_end(self._scenario, node_id))

    def show_answer(self, text: str, frame: str, idx: int | None = None) -> None:
        """Your answer (turn ``idx``), as a bubble; its frame label only in practice mode."""
        self._answered += 1
        self.transcript.add_answer(text, frame, idx, self.practice_mode)
        self.page_scroll.scroll_to_end()
        self.clear_notice()  # the moment a notice was about has passed: an answer was taken
        # The state row is the rehearsal's phase's (set_phase): the reply may already be
        # shown when its answer's bubble comes, so "Thinking…" here would come back after it.

    def revise_answer(self, idx: int, text: str, frame: str) -> None:
        """Turn ``idx``'s bubble takes the words the accurate recognition pass heard."""
        if self.transcript.revise(idx, text, frame, self.practice_mode):
            self.page_scroll.scroll_to_end()

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
            self.state.set_state("speaking")
        elif self.state.state == "speaking":
            self.state.set_state("your_turn")
        if not self.answer.hasFocus():
            self.answer.setFocus()

    def set_listening(self, listening: bool) -> None:
        if listening and self.state.listen_available:
            self.state.set_state("listening")
        elif self.state.state == "listening":
            self.state.set_state("your_turn")

    def set_phase(self, phase: str) -> None:
        """The rehearsal's phase (app.session.Phase value): idle, speaking, waiting,
        listening, thinking or ended, shown as the state row's words and dot."""
        state = {"waiting": "your_turn", "ended": "idle"}.get(phase, phase)
        if state == "listening" and not self.state.listen_available:
            state = "your_turn"  # no microphone: nothing is listening
        if state in ("idle", "speaking", "your_turn", "listening", "thinking"):
            self.state.set_state(state)
        if state in ("speaking", "your_turn", "listening"):
            self.listen_button.setEnabled(state != "speaking")

    def set_transcribing(self) -> None:
        self.state.set_state("thinking")

    def set_level(self, level: float) -> None:
        if self.banner.kept and self._listen:  # it hears again (plugged back in): say so
            self.banner.forget()
            self._can_listen(True)
        self.state.set_level(level)

    def show_notice(self, message: str) -> None:
        """A sentence for this moment; it replaces any earlier one and clears when the user
        acts (Listen, Send) or an answer is taken (a kept one, `microphone_lost`, stays).
        With no microphone, a prompt to take one's time names only typing."""
        if not self.state.listen_available and message.startswith(PATIENCE_START):
            message = NO_MIC_PATIENCE
        self.banner.say(message)
        self.page_scroll.scroll_to_end()  # the banner takes the exchange's room: newest in view

    def hold_notice(self, message: str) -> None:
        """A saving failure: it stays on top of the banner for the rest of the rehearsal."""
        self.banner.hold(message)
        self.page_scroll.scroll_to_end()

    def clear_notice(self) -> None:
        self.banner.clear()
        self.page_scroll.scroll_to_end()

    def microphone_lost(self, message: str) -> None:
        """No microphone: typing only, in every part of the screen (no Listen button, the
        placeholder and the state row say type), and the reason stays on the banner until it
        hears again (`set_level`)."""
        self._can_listen(False)
        typing = "" if "type" in message.lower() else " You can keep going by typing your answers."
        self.banner.keep(message, message + typing)
        self.page_scroll.scroll_to_end()

    def _can_listen(self, listen: bool) -> None:
        self.state.listen_available = listen
        self.listen_button.setVisible(listen)
        out_loud = ", or answer out loud" if listen else ""
        self.answer.setPlaceholderText(f"Type your answer here{out_loud}…")
        now = self.state.state
        self.state.set_state("your_turn" if now == "listening" and not listen else now)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.page_scroll.fit_rows()
        self.page_scroll.scroll_to_end()

    def answer_refused(self, text: str, over: bool) -> None:
        """A sent answer the rehearsal could not take: back in the box, and why (trial 7 G12:
        one sent at the last line vanished)."""
        self.answer.setText(text)
        self.state.set_state("idle" if over else "your_turn")
        self.show_notice(ANSWER_AFTER_END if over else ANSWER_TOO_EARLY)

    def _say_if_cut(self, text: str) -> None:
        """A paste longer than the box holds is cut: say so (trial 7 G31)."""
        if len(text) >= self.answer.maxLength():
            self.show_notice(ANSWER_CUT.format(limit=self.answer.maxLength()))

    # -- user actions -----------------------------------------------------------------------
    def _on_listen_clicked(self) -> None:
        self.clear_notice()
        self.listen_requested.emit()

    def _repeat(self) -> None:
        """ "Repeat that": heard again with a voice (the rehearsal), else shown again."""
        if self.state.voice_audible:
            self.repeat_requested.emit()
        else:
            self.line_again.show(self.state.person)

    def _say_line_again(self, message: str) -> None:
        self.show_notice(message)
        self.page_scroll.ensureWidgetVisible(self.caption_box)

    def _send(self) -> None:
        text = clean_typed(self.answer.text())
        if not self.send_button.isEnabled():
            return
        self.answer.clear()
        if not text:
            return
        self.clear_notice()
        self.state.set_state("thinking")
        self.answer_submitted.emit(text)

    # -- what ending asks about (ui/draft_ending.py) -----------------------------------------
    @property
    def draft(self) -> str:
        """What is typed in the box and not sent (as it would be sent)."""
        return clean_typed(self.answer.text())
