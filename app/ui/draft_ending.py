"""Ending a conversation with words typed and not sent (End, Ctrl+E): the page's unsent-answer
row (ui/draft_prompt.py) asks first (send them, end without them, or keep rehearsing) instead of
dropping them; Escape, or a box emptied while it asks, keeps rehearsing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QShortcut

from app.ui.answer_bar import ANSWER_TOO_EARLY

if TYPE_CHECKING:
    from app.ui.conversation_view import ConversationView


class DraftEnding(QObject):
    """The conversation view's End; ``send`` is the view's Send (it takes the box's words or
    leaves them there). Ending emits the view's ``end_requested``."""

    def __init__(self, view: ConversationView, send: Callable[[], None]) -> None:
        super().__init__(view)  # a child of the view: deleted with it
        self._view, self._send = view, send
        view.answer.textChanged.connect(self._on_answer_text_changed)
        view.draft_prompt.send_then_end.connect(self._send_then_end)
        view.draft_prompt.end_without.connect(self._end_without_draft)
        view.draft_prompt.keep.connect(self._keep_draft)
        QShortcut(QKeySequence("Escape"), view, self._on_escape)  # never a way out: Keep

    def request_end(self) -> None:
        """End the conversation (End, Ctrl+E). With words typed and not sent it asks first
        (send them, end without them, or keep rehearsing) instead of dropping them."""
        view = self._view
        draft = view.draft
        if not draft:
            view.draft_prompt.hide()
            view.end_requested.emit()
            return
        view.draft_prompt.ask(draft, can_send=view.can_take_answer())
        view.page_scroll.fit_rows()
        view.page_scroll.show_draft_prompt()

    def _send_then_end(self) -> None:
        view = self._view
        view.draft_prompt.hide()
        if not view.send_button.isEnabled():  # before the first line: it could not be taken
            view.show_notice(ANSWER_TOO_EARLY)
            view.page_scroll.fit_rows()
            return
        self._send()
        if view.draft:  # not taken (it is back in the box, the banner says why): no end
            view.page_scroll.fit_rows()
            return
        view.end_requested.emit()

    def _end_without_draft(self) -> None:
        self._view.draft_prompt.hide()
        self._view.answer.clear()  # the user chose to let these words go
        self._view.end_requested.emit()

    def _keep_draft(self) -> None:
        view = self._view
        view.draft_prompt.hide()
        view.page_scroll.fit_rows()
        view.answer.setFocus()
        view.answer.end(False)

    def _on_escape(self) -> None:
        if self._view.draft_prompt.isVisible():
            self._keep_draft()

    def _on_answer_text_changed(self, _text: str) -> None:
        if self._view.draft_prompt.isVisible() and not self._view.draft:  # nothing left to ask
            self._keep_draft()
