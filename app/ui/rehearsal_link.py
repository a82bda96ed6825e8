"""What the window shows while a rehearsal runs: the controller's signals to the conversation
screen (lines, answers, phase, level, notices) and to the window's own signals (activity, the
end). The window creates one link when its rehearsal is attached."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from app.session.rehearsal import TIME_UP_NOTICE
from app.ui import window_actions

if TYPE_CHECKING:
    from app.framing import Analysis, TurnAnalysis
    from app.session import Conversation, Phase, Rehearsal
    from app.ui.main_window import MainWindow


log = logging.getLogger(__name__)

#: A kiosk visitor is never shown the desktop's saving sentence (an internal path, "free some
#: space", a retry the booth does not offer): this instead; the sentence goes to the log.
KIOSK_SAVING_NOTICE = (
    "This booth cannot save right now. Carry on: your replay at the end still works."
)

#: After the rehearsal's TIME_UP_NOTICE, the replay's status line says this.
TIME_UP_STATUS = "Time is up for this rehearsal: it ended there. Here is how it went."
#: A conversation that ended by itself while words were typed and not sent, in the kiosk (its
#: time cap, its closing line) or with a save to settle: the next screen's status line quotes
#: them whole (the window otherwise keeps them in the box: `RehearsalLink._keeps_draft`).
UNSENT_STATUS = "The conversation ended before you sent what you typed: “{draft}”"


class RehearsalLink(QObject):
    """Connects one :class:`Rehearsal` to a :class:`MainWindow` (its parent)."""

    def __init__(self, window: MainWindow, rehearsal: Rehearsal) -> None:
        super().__init__(window)
        self.window = window
        self.rehearsal = rehearsal
        r = rehearsal
        r.manager_line_shown.connect(self._on_rehearsal_manager_line_shown)
        r.manager_line_done.connect(self._on_rehearsal_manager_line_done)
        r.answer_recorded.connect(self._on_rehearsal_answer_recorded)
        r.answer_revised.connect(self._on_rehearsal_answer_revised)
        r.phase_changed.connect(self._on_rehearsal_phase_changed)
        r.level_changed.connect(self._on_rehearsal_level_changed)
        r.notice.connect(self._on_rehearsal_notice)
        r.saving_failed.connect(self._on_rehearsal_saving_failed)
        r.ended.connect(self._on_rehearsal_ended)
        for moved in (r.manager_line_done, r.answer_recorded, r.phase_changed):
            moved.connect(self._on_rehearsal_moved)
        self._microphone: object | None = None
        self._time_up = False  # the last notice was the time cap's (the kiosk's max_minutes)
        self._say_time_up = False  # ...and the next screen says so
        self._unsent = ""  # words typed and not sent when the conversation ended by itself
        self._kept: Conversation | None = None  # ...and kept in the box (the draft row shows)
        self._wired = False  # the draft row's "See how it went" is connected
        window.screen_changed.connect(self._on_window_screen_changed)
        self.watch_microphone()

    def _on_rehearsal_saving_failed(self, message: str) -> None:
        if message and self.window._kiosk_locked:  # trial 7 G30: for the operator, not the visitor
            log.warning("kiosk visit could not save: %s", message)
            message = KIOSK_SAVING_NOTICE
        self.window.conversation.hold_notice(message)

    def watch_microphone(self) -> None:
        """Hear the rehearsal's current microphone fail (it may be attached after the link):
        the screen then stays in one typed-answers state instead of a notice each turn."""
        mic = self.rehearsal.speech.microphone
        if mic is None or mic is self._microphone:
            return
        self._microphone = mic
        mic.failed.connect(self.window.conversation.microphone_lost)

    def _on_rehearsal_manager_line_shown(self, idx: int, text: str) -> None:
        conv = self.rehearsal.conversation
        if conv is not self._kept:  # a new conversation: the last one's kept words went
            self._kept = None
            self.window.conversation.draft_prompt.forget()
        node_id = conv.runner.current.id if conv is not None else ""
        self.window.conversation.show_manager_line(text, idx, node_id)
        self.window.conversation.set_speaking(True)
        self._hold_last_line()

    def _on_rehearsal_manager_line_done(self) -> None:
        self.window.conversation.set_speaking(False)
        self._hold_last_line()

    def _hold_last_line(self) -> None:
        """The answer box and Send while the manager's last line is held on screen (voice
        off, `Rehearsal.reading_last_line`) or the words of a talk that ended by itself are
        kept in the box: the conversation is over, so they take nothing (the words typed stay
        in the box); the next conversation's first line releases them."""
        held = self.rehearsal.reading_last_line or self._kept is not None
        self.window.conversation.bar.hold_for_last_line(held)
        self.window.conversation.state.set_last_line(held)

    def _on_rehearsal_answer_recorded(self, idx: int, text: str, analysis: TurnAnalysis) -> None:
        self.window.conversation.show_answer(text, analysis.frame, idx)

    def _on_rehearsal_answer_revised(self, idx: int, text: str, analysis: TurnAnalysis) -> None:
        self.window.conversation.revise_answer(idx, text, analysis.frame)

    def _on_rehearsal_phase_changed(self, phase: Phase) -> None:
        self.watch_microphone()
        self.window.conversation.set_phase(phase.value)
        self._hold_last_line()

    def _on_rehearsal_level_changed(self, level: float) -> None:
        self.window.conversation.set_level(level)

    def _on_rehearsal_notice(self, text: str) -> None:
        self._time_up = text == TIME_UP_NOTICE
        self.window.conversation.show_notice(text)

    def _on_rehearsal_moved(self, *_args: object) -> None:
        self.window.activity.emit()

    def _on_rehearsal_ended(self, analysis: Analysis) -> None:
        conv = self.rehearsal.conversation
        view = self.window.conversation
        draft = view.draft  # the user's own End settled it already: only a self-ended talk
        if conv is not None:
            self.window.conversation_ended.emit(conv.scenario.id, analysis)
        self.window.activity.emit()
        if draft and conv is not None and self._keeps_draft(conv):
            self._kept = conv  # its words stay whole in the box until the user goes on
            self._hold_last_line()
            view.draft_prompt.after_end(view.answer.text())  # as typed, every character
            QTimer.singleShot(0, lambda: view.page_scroll.ensureWidgetVisible(view.draft_prompt))
            return
        self._unsent = draft  # quoted whole on the next screen (the kiosk's: gone with it)
        view.answer.clear()
        view.draft_prompt.hide()
        self._show_outcome(conv)

    def _keeps_draft(self, conv: Conversation) -> bool:
        """A self-ended talk's unsent words stay on the conversation screen (the draft row)
        in the window; not in the kiosk, whose visit goes on to its replay as before (and
        leaves nothing behind), nor when saving failed (the next screen settles that)."""
        from app.session.unsaved import needs_saving

        if not self._wired:
            self._wired = True
            self.window.conversation.draft_prompt.see_results.connect(self._on_see_results)
        return not self.window._kiosk_locked and not needs_saving(conv)

    def _on_see_results(self) -> None:
        conv, self._kept = self._kept, None
        view = self.window.conversation
        view.draft_prompt.forget()
        view.draft_prompt.hide()
        view.answer.clear()
        self._hold_last_line()
        self._show_outcome(conv)

    def _show_outcome(self, conv: Conversation | None) -> None:
        window_actions.show_outcome(self.window, conv)
        if self._time_up:  # the banner went with the conversation screen: say why it ended
            self._time_up = False
            self._say_time_up = True
        self._on_window_screen_changed(self.window.current_screen)

    def _on_window_screen_changed(self, screen: str) -> None:
        if screen == "conversation" or not (self._say_time_up or self._unsent):
            return  # said on the replay (or the picker)
        said = [TIME_UP_STATUS] if self._say_time_up else []
        if self._unsent:
            said.append(UNSENT_STATUS.format(draft=self._unsent))
        self._say_time_up, self._unsent = False, ""
        self.window.show_status(" ".join(said))
