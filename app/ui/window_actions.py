"""What the main window does with stored sessions and when it closes or a rehearsal ends,
kept out of the window class so it stays a thin layer of wiring and navigation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent

if TYPE_CHECKING:
    from app.dialogue import Scenario
    from app.framing import Analysis
    from app.session import Conversation, TurnData
    from app.speech.services import SpeechServices
    from app.ui.main_window import MainWindow


#: After a rehearsal ended with no answer: the picker's status line.
NOTHING_KEPT = "That rehearsal ended before your first answer, so it was not kept in History."


def retry_from(window: MainWindow, session_id: int, manager_turn: int) -> None:
    """Restart at the pivotal manager line, keeping every turn before it."""
    from app.session import ResumeError, resume_point

    if window.store is None:
        return
    try:
        point = resume_point(window.store, session_id, manager_turn, window.scenarios)
    except ResumeError as exc:
        window.show_status(str(exc))
        return
    window.start_scenario(
        point.scenario, start=point.start, prior=point.prior, parent_session_id=session_id
    )


def delete_sessions(window: MainWindow, session_ids: list[int]) -> None:
    """Delete sessions and their recordings; a store error goes to the status line."""
    from app.session.storage import delete_session
    from app.store import StoreError

    if window.store is None:
        return
    for sid in session_ids:
        try:
            delete_session(window.store, window.settings, sid)
        except StoreError as exc:
            window.show_status(f"{exc.message} {exc.hint}")
            return
    window.history.reload()


def delete_all(window: MainWindow) -> None:
    """Delete every session and recording."""
    from app.session.storage import delete_all as delete_everything
    from app.store import StoreError

    if window.store is None:
        return
    try:
        delete_everything(window.store, window.settings)
    except StoreError as exc:
        window.show_status(f"{exc.message} {exc.hint}")
        return
    window.history.reload()
    window.show_status("All sessions and recordings were deleted.")


def show_outcome(window: MainWindow, conv: Conversation | None) -> None:
    """After a rehearsal ends: settle unsaved turns, then its replay (from the history, or
    from memory when there is none), or the picker when nothing was said."""
    from app.session.unsaved import memory_records, needs_saving
    from app.ui.unsaved_dialog import settle_unsaved

    if conv is not None and conv.discarded and not window._kiosk_locked:
        window.show_picker()  # nothing was answered: nothing to replay, nothing kept
        window.show_status(NOTHING_KEPT)
        return
    if conv is not None and needs_saving(conv):
        settle_unsaved(window, conv, window.settings, can_cancel=False)
    sid = conv.session_id if conv is not None else None
    saved = conv is not None and not needs_saving(conv)
    if sid is not None and window.store is not None and saved:
        QTimer.singleShot(0, lambda: window.show_results(sid))
    elif conv is not None and conv.turns:
        window.results.show_session(*memory_records(conv))
        window.stack.setCurrentWidget(window.results)
    else:
        window.show_picker()


def confirm_end(window: MainWindow) -> bool:
    """Ask before a close ends a conversation; the safe choice (keep going) is the default."""
    from app.ui.close_prompt import ask_end_conversation

    conv = window.rehearsal.conversation
    answered = sum(1 for t in conv.turns if t.speaker == "seeker") if conv else 0
    unsaved = int(getattr(conv, "unsaved", 0) or 0)
    draft = window.conversation.draft
    return ask_end_conversation(window, answered=answered, unsaved=unsaved, draft=draft)


def confirm_kept_words(window: MainWindow) -> bool:
    """Closing while the draft row keeps the unsent words of a talk that ended by itself:
    quote them and offer to copy them (True: close). Without such words, or in the kiosk
    (which keeps none), nothing is asked."""
    from app.ui.close_prompt import ask_close_with_kept_words

    kept = window.conversation.draft_prompt.kept
    if not kept or window._kiosk_locked:
        return True
    return ask_close_with_kept_words(window, kept)


def may_close(window: MainWindow, *, ask: bool) -> bool:
    """Whether the window may close now. With `ask` (the user closed it), a conversation in
    progress is confirmed first, and unsent words kept after a talk ended by itself are named
    (with an offer to copy them); then it is ended, and unsaved turns are settled (the user may
    keep the window open to retry or export)."""
    if ask and window.conversation_in_progress() and not confirm_end(window):
        return False
    if ask and not confirm_kept_words(window):
        return False
    rehearsal = window.current_rehearsal
    if rehearsal is None:
        return True
    conv = rehearsal.conversation
    if conv is not None and not conv.finished:
        conv.end()  # incomplete, or finished when it reached its end (the end's short wait)
    from app.session.unsaved import needs_saving
    from app.ui.unsaved_dialog import settle_unsaved

    if conv is not None and needs_saving(conv):
        return settle_unsaved(window, conv, window.settings, can_cancel=True)
    return True


def request_close(window: MainWindow) -> bool:
    """Quit (Ctrl+Q) as a user means it: mid-conversation, ask first. True if closed."""
    kiosk = window._kiosk_locked
    if window.conversation_in_progress() and not kiosk and not window.confirm_end():
        return False
    if not confirm_kept_words(window):
        return False
    window._close_confirmed = True
    return bool(window.close())


def close_event(window: MainWindow, event: QCloseEvent) -> None:
    """The window is closing: a close the user made (not Ctrl+Q's, already asked) asks first;
    kept open while the conversation goes on or unsaved turns wait; else speech stops."""
    asked = window._close_confirmed or window._kiosk_locked
    if not may_close(window, ask=event.spontaneous() and not asked):
        event.ignore()
        return
    if window.current_rehearsal is not None:
        window.current_rehearsal.shutdown()
    event.accept()


def release(window: MainWindow) -> tuple[str, Analysis] | None:
    """Stop for good (see :meth:`MainWindow.release`): the conversation cut short, if any."""
    cut: tuple[str, Analysis] | None = None
    rehearsal = window.current_rehearsal
    if rehearsal is not None:
        conv = rehearsal.conversation
        if conv is not None and not conv.finished and conv.turns:
            cut = (conv.scenario.id, conv.end())  # "finished" if it reached its end
        rehearsal.close()
    window.store = None
    return cut


def show_results(window: MainWindow, session_id: int) -> None:
    """The replay of a saved session (a sentence in the status bar if it cannot be read)."""
    from app.store import StoreError

    if window.store is None:
        return
    try:
        session = window.store.session(session_id)
        turns = window.store.turns(session_id)
    except StoreError as exc:
        window.show_status(f"{exc.message} {exc.hint}")
        return
    window.last_session_id = session_id
    window.results.show_session(session, turns)
    window.stack.setCurrentWidget(window.results)
    window.results_shown.emit(session_id)


def edit_settings(window: MainWindow) -> None:
    """The settings dialog; what it saves applies at once."""
    if window._kiosk_locked:
        return
    from app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, window.config_path, window)
    if dialog.exec():
        window.settings = dialog.result_settings()
        window.rehearsal.settings = window.settings
        window.settings_changed.emit(window.settings)
        show_ways(window)
        window.show_status(dialog.saved_message)


def ways(window: MainWindow) -> tuple[bool, bool]:
    """How this run's conversations go: (the other person is heard, answers can be spoken).
    Heard: a voice, on in Settings (not --no-voice), and speakers that play; spoken: a
    microphone, listening on (not --no-listen). Before the speech services are loaded, as the
    settings say. The picker's intro and the conversation screen both read it."""
    settings, speech = window.settings, window._speech
    if speech is None:
        return settings.voice, settings.listen
    heard = speech.worker is not None and not getattr(speech.player, "silent", False)
    return settings.voice and heard, settings.listen and speech.microphone is not None


def show_ways(window: MainWindow) -> None:
    """The picker's intro says how the conversation will go (`ways`), after any change."""
    window.picker.set_ways(*ways(window))


def start_scenario(
    window: MainWindow,
    scenario: Scenario,
    *,
    start: str | None = None,
    prior: Sequence[TurnData] = (),
    parent_session_id: int | None = None,
) -> None:
    """Show the conversation screen (with any turns carried over) and start the rehearsal."""
    settings = window.settings
    voice, listen = ways(window)
    window.conversation.begin(
        scenario,
        voice=voice,
        listen=listen,
        practice=settings.practice_mode and not settings.kiosk.enabled,  # never give it away
    )
    window.picker.clear_notice()  # start-up notices belong to the picker, shown once
    window.show_status("")
    window.stack.setCurrentWidget(window.conversation)
    for turn in prior:
        if turn.speaker == "manager":
            window.conversation.show_manager_line(turn.text, turn.idx, turn.node_id or "")
        else:
            frame = turn.analysis.frame if turn.analysis else "neutral"
            window.conversation.show_answer(turn.text, frame)
    window._link.watch_microphone()  # a microphone that fails on the first line is heard
    window.rehearsal.start(
        scenario,
        start=start,
        prior=prior,
        parent_session_id=parent_session_id,
        max_minutes=settings.kiosk.max_minutes if settings.kiosk.enabled else None,
    )


def watch_speech(
    window: MainWindow, before: SpeechServices | None, after: SpeechServices | None
) -> None:
    """Say so when the recognizer could not load, or another model stands in for it (e.g. the
    fast one on a slow machine): the window hears the worker it now has (``after``) instead of
    the one it had (``before``); the same worker handed over again stays connected once. The
    slot is the window's own, so a released kiosk window is never called."""
    old = before.worker if before is not None else None
    new = after.worker if after is not None else None
    if new is old:
        return
    if old is not None:
        old.recognizer_notice.disconnect(window._on_speech_notice)
        old.recognizer_failed.disconnect(window._on_speech_notice)
    if new is not None:
        new.recognizer_notice.connect(window._on_speech_notice)
        new.recognizer_failed.connect(window._on_speech_notice)


def speech_notice(window: MainWindow, text: str) -> None:
    """A recognizer sentence: on the conversation's banner mid-rehearsal, else beside the
    picker's notices (once). Not said while the app does not listen (--no-listen or Settings):
    typed answers need no recognizer (trial 8 H21)."""
    if not window.settings.listen:
        return
    if window.conversation_in_progress():
        window.conversation.show_notice(text)
        return
    shown = window.picker.notice.text().strip() if window.picker.notice.isVisibleTo(window) else ""
    if text not in shown:
        window.picker.show_notice(f"{shown}\n{text}".strip())
