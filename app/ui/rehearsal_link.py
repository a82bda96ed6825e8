"""What the window shows while a rehearsal runs: the controller's signals to the conversation
screen (lines, answers, phase, level, notices) and to the window's own signals (activity, the
end). The window creates one link when its rehearsal is attached."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.session.rehearsal import TIME_UP_NOTICE
from app.ui import window_actions
from app.ui.draft_prompt import shortened

if TYPE_CHECKING:
    from app.framing import Analysis, TurnAnalysis
    from app.session import Phase, Rehearsal
    from app.ui.main_window import MainWindow


log = logging.getLogger(__name__)

#: A kiosk visitor is never shown the desktop's saving sentence (an internal path, "free some
#: space", a retry the booth does not offer): this instead; the sentence goes to the log.
KIOSK_SAVING_NOTICE = (
    "This booth cannot save right now. Carry on: your replay at the end still works."
)

#: After the rehearsal's TIME_UP_NOTICE, the replay's status line says this.
TIME_UP_STATUS = "Time is up for this rehearsal: it ended there. Here is how it went."
#: A conversation that ended by itself (its last line, the time cap) while words were typed
#: and not sent: the next screen's status line quotes them, so they are not lost unseen.
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
        node_id = conv.runner.current.id if conv is not None else ""
        self.window.conversation.show_manager_line(text, idx, node_id)
        self.window.conversation.set_speaking(True)

    def _on_rehearsal_manager_line_done(self) -> None:
        self.window.conversation.set_speaking(False)

    def _on_rehearsal_answer_recorded(self, idx: int, text: str, analysis: TurnAnalysis) -> None:
        self.window.conversation.show_answer(text, analysis.frame, idx)

    def _on_rehearsal_answer_revised(self, idx: int, text: str, analysis: TurnAnalysis) -> None:
        self.window.conversation.revise_answer(idx, text, analysis.frame)

    def _on_rehearsal_phase_changed(self, phase: Phase) -> None:
        self.watch_microphone()
        self.window.conversation.set_phase(phase.value)

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
        self._unsent = shortened(view.draft, 200)  # the user's own End settled it already
        view.answer.clear()
        view.draft_prompt.hide()
        if conv is not None:
            self.window.conversation_ended.emit(conv.scenario.id, analysis)
        self.window.activity.emit()
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
