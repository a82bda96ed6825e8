"""The main window: picker → conversation → results, plus history. A thin layer over the
rehearsal controller and the store."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from app.config import Settings
from app.ui import screens, window_actions
from app.ui.flick import flick_all
from app.ui.page_stack import PageStack
from app.ui.picker import ScenarioPicker
from app.ui.picker_text import ordered, problems_notice
from app.ui.rehearsal_link import RehearsalLink
from app.ui.window_menu import WindowMenu
from app.ui.window_size import MIN_HEIGHT, MIN_WIDTH, fit_to_screen
from app.ui.window_status import ScreenStatus

if TYPE_CHECKING:  # the domain is imported when the window attaches it, after the first paint
    from app.dialogue import Problem, Scenario
    from app.framing import Analysis
    from app.session import Rehearsal, TurnData
    from app.speech.services import SpeechServices
    from app.store import Store
    from app.ui.conversation_view import ConversationView
    from app.ui.history import HistoryView
    from app.ui.replay import ResultsView

__all__ = ["MIN_HEIGHT", "MIN_WIDTH", "MainWindow"]


class MainWindow(QMainWindow):
    """Frameshift's window.

    Signals:
        results_shown(int): the results of a session are on screen (session id).
        settings_changed(object): new Settings from the settings dialog.
        attached(): the store and scenarios are in place (the picker is ready).
        screen_changed(str): another screen is shown (see :attr:`current_screen`).
        conversation_ended(str, object): a conversation ended (scenario id, its Analysis).
        activity(): the conversation moved on (a line, an answer, listening, thinking).
    """

    results_shown = Signal(int)
    settings_changed = Signal(object)
    attached = Signal()
    screen_changed = Signal(str)
    conversation_ended = Signal(str, object)
    activity = Signal()

    def __init__(
        self,
        settings: Settings,
        store: Store | None,
        scenarios: Sequence[Scenario],
        *,
        problems: Sequence[Problem] = (),
        speech: SpeechServices | None = None,
        startup_notices: Sequence[str] = (),
        config_path: Path | None = None,
        loading: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Frameshift — rehearse networking conversations")
        self.setAccessibleName("Frameshift")
        self.settings = settings
        self.config_path = config_path
        self.store: Store | None = None
        self.scenarios: list[Scenario] = []
        self._speech = speech
        window_actions.watch_speech(self, None, speech)
        self._rehearsal: Rehearsal | None = None
        self.last_session_id: int | None = None
        self._kiosk_locked = False  # a booth visitor's window: see enter_kiosk_mode
        self._close_confirmed = False  # the user already said yes to closing

        # Only the picker is built before the first paint; the other screens are built (and
        # wired) the first time they are used: see the conversation/results/history properties.
        self.stack = PageStack()  # a screen taller than the window scrolls (large text, netbooks)
        self.picker = ScenarioPicker()
        self._pages: dict[str, QWidget] = {}
        # It scrolls above its buttons itself; the stack's scroll area around it only keeps its
        # least size from holding the window larger than a small screen.
        self.stack.add_page(self.picker)
        self.setCentralWidget(self.stack)
        self.stack.currentChanged.connect(self._on_stack_current_changed)
        self.screen_status = ScreenStatus(self, self.stack, lambda: self.current_screen)
        self.status_label = self.screen_status.label

        self.menu = WindowMenu(self)  # the picker's buttons and Ctrl+H/Ctrl+Q
        window_actions.show_ways(self)  # the intro: the voice on or off, spoken or typed
        self._fit_to_screen()
        self.stack.setCurrentWidget(self.picker)
        self.picker.list.setFocus()
        if loading:
            self.picker.show_loading()
        else:
            self.attach(store, scenarios, problems=problems, startup_notices=startup_notices)

    def _fit_to_screen(self) -> None:
        fit_to_screen(self)  # app/ui/window_size.py

    def attach(
        self,
        store: Store | None,
        scenarios: Sequence[Scenario],
        *,
        problems: Sequence[Problem] = (),
        startup_notices: Sequence[str] = (),
    ) -> None:
        """Give the window its store and scenarios (after the first paint, at start-up)."""
        from app.session import Rehearsal

        self.store = store
        self.scenarios = ordered(scenarios)
        self._rehearsal = Rehearsal(self.settings, store, self.speech, self)
        self._link = RehearsalLink(self, self._rehearsal)
        if "history" in self._pages:
            self.history.set_store(store)
        self.picker.set_scenarios(self.scenarios)
        notices = list(startup_notices)
        if problems:
            notices.append(problems_notice(problems))
        if store is None:
            notices.append("History is off for this run: the database could not be opened.")
        self.picker.show_notice("\n".join(notices))
        self.attached.emit()

    @property
    def rehearsal(self) -> Rehearsal:
        if self._rehearsal is None:
            raise RuntimeError("the window has no store and scenarios yet (call attach)")
        return self._rehearsal

    @property
    def speech(self) -> SpeechServices:
        if self._speech is None:
            from app.speech.services import SpeechServices

            self._speech = SpeechServices()
        return self._speech

    def attach_speech(self, speech: SpeechServices) -> None:
        """Use these speech services from now on (the bootstrap hands them over once)."""
        window_actions.watch_speech(self, self._speech, speech)
        self._speech = speech
        window_actions.show_ways(self)
        if self._rehearsal is not None:
            self._rehearsal.attach_speech(speech)

    # -- the screens, built on first use (app/ui/screens.py) --------------------------------
    @property
    def conversation(self) -> ConversationView:
        return screens.page(self, "conversation")  # type: ignore[return-value]

    @property
    def results(self) -> ResultsView:
        return screens.page(self, "results")  # type: ignore[return-value]

    @property
    def history(self) -> HistoryView:
        return screens.page(self, "history")  # type: ignore[return-value]

    def _add_page(self, name: str, page: QWidget) -> QWidget:
        self._pages[name] = page
        added = self.stack.add_page(page, scroll=name != "conversation")  # it scrolls by itself
        if self._kiosk_locked:
            flick_all(self.stack)  # a touch screen: drag to scroll (ui/flick.py)
        return added

    def enter_kiosk_mode(self) -> None:
        """A booth visitor must not reach settings, history or quit (see app/ui/kiosk)."""
        self._kiosk_locked = True
        self.menu.lock()
        self.picker.enter_kiosk_mode()
        flick_all(self.stack)  # a touch screen: drag to scroll (ui/flick.py)
        self.screen_status.only_when_saying()
        self.setMinimumSize(0, 0)  # the booth's screen is its size, not a desktop's least
        if "results" in self._pages:
            self.results.enter_kiosk_mode()  # no history, no export file dialog (else when built)

    # -- navigation -------------------------------------------------------------------------
    def find_scenario(self, scenario_id: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)

    def show_status(self, text: str) -> None:
        """A sentence about what just happened on this screen; it goes when the screen does."""
        self.screen_status.say(text)

    def show_picker(self) -> None:
        self.stack.setCurrentWidget(self.picker)
        self.picker.list.setFocus()

    def show_history(self) -> None:
        if self._kiosk_locked:
            return
        conv = self._rehearsal.conversation if self._rehearsal else None
        if conv is not None and not conv.finished:
            return  # finish or end the conversation first; history is one click away after
        self.history.reload()
        self.stack.setCurrentWidget(self.history)

    def show_results(self, session_id: int) -> None:
        window_actions.show_results(self, session_id)

    def start_scenario(
        self,
        scenario: Scenario,
        *,
        start: str | None = None,
        prior: Sequence[TurnData] = (),
        parent_session_id: int | None = None,
    ) -> None:
        window_actions.start_scenario(
            self, scenario, start=start, prior=prior, parent_session_id=parent_session_id
        )

    def retry_from(self, session_id: int, manager_turn: int) -> None:
        """Restart at the pivotal manager line, keeping every turn before it."""
        window_actions.retry_from(self, session_id, manager_turn)

    def delete_sessions(self, session_ids: list[int]) -> None:
        window_actions.delete_sessions(self, session_ids)

    def delete_all(self) -> None:
        window_actions.delete_all(self)

    # -- slots ------------------------------------------------------------------------------
    def _on_picker_settings_requested(self) -> None:
        window_actions.edit_settings(self)

    def _on_speech_notice(self, text: str) -> None:
        window_actions.speech_notice(self, text)

    def _on_results_rehearse_requested(self, scenario_id: str) -> None:
        scenario = self.find_scenario(scenario_id)
        if scenario is None:
            self.show_status("This scenario is no longer installed; choose another one.")
            self.show_picker()
            return
        self.start_scenario(scenario)

    def _on_conversation_answer_submitted(self, text: str) -> None:
        if not self.rehearsal.submit_text(text):  # never dropped unsaid (trial 7 G12)
            conv = self.rehearsal.conversation
            over = conv is None or conv.finished or conv.reached_end
            self.conversation.answer_refused(text, over)

    # -- the screens, for an embedding shell (the kiosk) --------------------------------------
    @property
    def current_screen(self) -> str:
        """Which screen is shown: "picker", "conversation", "results" or "history"."""
        shown = self.stack.currentWidget()
        for name, page in self._pages.items():
            if shown is page:
                return name
        return "picker"

    def _on_stack_current_changed(self, _index: int) -> None:
        self.screen_status.screen_changed()
        self.screen_changed.emit(self.current_screen)

    def release(self) -> tuple[str, Analysis] | None:
        """Stop for good (the kiosk erasing a visit): end an unfinished conversation as
        incomplete, stop speech, and forget the store, so late speech results write nothing.
        Returns the scenario id and analysis of the conversation cut short, if it had turns."""
        return window_actions.release(self)

    # -- shutdown ---------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop listening and playback; leave the store open for the caller to close."""
        if self._rehearsal is not None:
            self._rehearsal.shutdown()

    def conversation_in_progress(self) -> bool:
        """A rehearsal is on screen and not finished."""
        conv = self._rehearsal.conversation if self._rehearsal else None
        on_screen = self.stack.currentWidget() is self._pages.get("conversation")
        running = conv is not None and not conv.finished and not conv.runner.finished
        return running and on_screen  # not during the end's wait for the last words

    def confirm_end(self) -> bool:
        """Ask before a close ends a conversation; "Keep rehearsing" is the default."""
        return window_actions.confirm_end(self)

    def request_close(self) -> bool:
        """Quit (Ctrl+Q) as a user means it: mid-conversation, ask first. True if closed."""
        return window_actions.request_close(self)

    @property
    def current_rehearsal(self) -> Rehearsal | None:
        """The rehearsal controller, or None before :meth:`attach`."""
        return self._rehearsal

    def closeEvent(self, event: QCloseEvent) -> None:
        window_actions.close_event(self, event)
