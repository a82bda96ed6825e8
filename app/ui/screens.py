"""The window's screens other than the picker, each built (and wired to the window) the first
time it is shown, so only the picker is built before the first paint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def page(window: MainWindow, name: str) -> QWidget:
    """The screen called ``name`` ("conversation", "results", "history"), built on first use."""
    built = window._pages.get(name)
    if built is None:
        built = _BUILDERS[name](window)
        window._add_page(name, built)
    return built


def _conversation(window: MainWindow) -> QWidget:
    from app.ui.conversation_view import ConversationView

    c = ConversationView()
    c.answer_submitted.connect(window._on_conversation_answer_submitted)
    c.listen_requested.connect(lambda: window.rehearsal.listen_now())
    c.push_to_talk.connect(lambda pressed: window.rehearsal.set_push_to_talk(pressed))
    c.repeat_requested.connect(lambda: window.rehearsal.repeat_line())
    c.end_requested.connect(lambda: window.rehearsal.end_early())
    c.can_take_answer = lambda: _can_take_answer(window)
    return c


def _can_take_answer(window: MainWindow) -> bool:
    """Whether a typed answer sent now would be taken (the talk has not reached its end)."""
    rehearsal = window.current_rehearsal
    conv = rehearsal.conversation if rehearsal is not None else None
    if rehearsal is None or conv is None or conv.finished or conv.reached_end:
        return False
    return rehearsal.current_line is not None


def _results(window: MainWindow) -> QWidget:
    from app.ui.replay import ResultsView

    r = ResultsView(window.find_scenario)
    r.bind(
        player=lambda: window.speech.player,
        data_dir=lambda: window.settings.data_dir,
        store=lambda: window.store,
    )
    r.back_requested.connect(window.show_picker)
    r.history_requested.connect(window.show_history)
    r.retry_requested.connect(window.retry_from)
    r.rehearse_requested.connect(window._on_results_rehearse_requested)
    r.open_session_requested.connect(window.show_results)
    if window._kiosk_locked:
        r.enter_kiosk_mode()
    return r


def _history(window: MainWindow) -> QWidget:
    from app.ui.history import HistoryView

    h = HistoryView()
    h.back_requested.connect(window.show_picker)
    h.open_requested.connect(window.show_results)
    h.delete_requested.connect(window.delete_sessions)
    h.delete_all_requested.connect(window.delete_all)
    h.set_store(window.store)
    return h


_BUILDERS = {"conversation": _conversation, "results": _results, "history": _history}
