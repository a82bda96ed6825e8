"""The replay screen: how the framing moved, where it tipped, and what to say instead.

It reads only from the store (and the session's WAVs), so a past session reopened from History
looks exactly the same. What it shows comes from `app.report.build_report`, the same data the
HTML/JSON/CSV exports write, so the window and the exported file never disagree.

Keyboard (shortcuts live on the replay page and are shown in the tooltips): Space play/pause,
Left/Right previous/next turn, Home/End first/last turn, S jump to the shift.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.store.records import recording_file
from app.ui.replay import richtext
from app.ui.replay.compare import ComparisonView, partner_of
from app.ui.replay.export_dialog import export_interactively, export_report
from app.ui.replay.follow import ReplayFollower
from app.ui.replay.page import ReplayPage
from app.ui.replay.playback import Clip, ReplayPlayback
from app.ui.replay.timeline import TimelineTurn

if TYPE_CHECKING:  # the domain loads after the window's first paint (see main_window)
    from app.dialogue import Scenario
    from app.report import Report
    from app.store import SessionRecord, Store, TurnRecord

__all__ = ["ResultsView"]


KIOSK_SPLITTER_LINES = 8  # the least the transcript and coaching get in the kiosk


class ResultsView(QWidget):
    """The replay of one session: timeline, playback, the shift, metrics, export and compare.

    Signals:
        back_requested(): return to the scenario list ("Try another scenario").
        history_requested(): open the history list.
        retry_requested(int, int): session id and the turn index to restart from.
        rehearse_requested(str): start this scenario again from its beginning (its id).
        open_session_requested(int): show another session (the other attempt of a retry).
        exported(str): a report was written to this path.
    """

    back_requested = Signal()
    history_requested = Signal()
    retry_requested = Signal(int, int)
    rehearse_requested = Signal(str)
    open_session_requested = Signal(int)
    exported = Signal(str)

    def __init__(
        self, find_scenario: Callable[[str], Scenario | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("resultsScreen")
        self._find_scenario = find_scenario
        self._player_source: Callable[[], Any] = lambda: None
        self._data_dir_source: Callable[[], Path | None] = lambda: None
        self._store_source: Callable[[], Store | None] = lambda: None
        self._session: SessionRecord | None = None
        self._report: Report | None = None
        self._pivot_turn: int | None = None
        self._partner: tuple[SessionRecord, SessionRecord] | None = None

        self.playback = ReplayPlayback(lambda: self._player_source(), self)
        self.pages = QStackedWidget()
        self.replay_page = ReplayPage()
        self.follower = ReplayFollower(self.replay_page, self.playback, lambda: self._report, self)
        self.comparison = ComparisonView()
        self.comparison.back_requested.connect(self._on_comparison_back_requested)
        self.comparison.open_requested.connect(self.open_session_requested)
        self.pages.addWidget(self.replay_page)
        self.pages.addWidget(self.comparison)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        # The page's widgets, by the names tests and the window use.
        p = self.replay_page
        self.title, self.outcome, self.timeline, self.caption = (
            p.title,
            p.outcome,
            p.timeline,
            p.caption,
        )
        self.controls, self.transcript, self.insights, self.splitter, self.action_bar = (
            p.controls,
            p.transcript,
            p.insights,
            p.splitter,
            p.action_bar,
        )
        c, i, a = p.controls, p.insights, p.action_bar
        self.first_button, self.prev_button, self.play_button = (
            c.first_button,
            c.prev_button,
            c.play_button,
        )
        self.next_button, self.last_button, self.shift_button, self.now_label = (
            c.next_button,
            c.last_button,
            c.shift_button,
            c.now_label,
        )
        self.shift, self.coach, self.metrics = i.shift, i.coach, i.metrics
        self.retry_button, self.rehearse_button = i.retry_button, i.rehearse_button
        self.back_button, self.history_button, self.status = (
            a.back_button,
            a.history_button,
            a.status,
        )
        self.compare_button, self.export_button = a.compare_button, a.export_button

        self.timeline.turn_activated.connect(self.jump_to)
        c.first_requested.connect(lambda: self.jump_to(0))
        c.previous_requested.connect(self.playback.previous)
        c.toggle_requested.connect(self.playback.toggle)
        c.next_requested.connect(self.playback.next)
        c.last_requested.connect(lambda: self.jump_to(self.playback.count - 1))
        c.shift_requested.connect(self.jump_to_shift)
        self.transcript.anchorClicked.connect(self._on_transcript_anchor_clicked)
        i.link_activated.connect(self._on_link_activated)
        i.retry_requested.connect(self._retry)
        i.rehearse_requested.connect(self._rehearse)
        a.back_requested.connect(self.back_requested)
        a.history_requested.connect(self.history_requested)
        a.compare_requested.connect(self.show_comparison)
        a.export_requested.connect(self._on_export_button_clicked)

        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in (
            (Qt.Key.Key_Space, self.playback.toggle),
            (Qt.Key.Key_Left, self.playback.previous),
            (Qt.Key.Key_Right, self.playback.next),
            (Qt.Key.Key_Home, lambda: self.jump_to(0)),
            (Qt.Key.Key_End, lambda: self.jump_to(self.playback.count - 1)),
            (Qt.Key.Key_S, self.jump_to_shift),
        ):
            QShortcut(QKeySequence(key), self.replay_page, slot, context=ctx)

    # -- wiring from the window ------------------------------------------------------------------
    def bind(
        self,
        *,
        player: Callable[[], Any],
        data_dir: Callable[[], Path | None],
        store: Callable[[], Store | None],
    ) -> None:
        """Where recordings come from and are played (looked up when needed: they may change)."""
        self._player_source = player
        self._data_dir_source = data_dir
        self._store_source = store

    @property
    def report(self) -> Report | None:
        return self._report

    # -- showing a session -------------------------------------------------------------------
    def show_session(self, session: SessionRecord, turns: list[TurnRecord]) -> None:
        from app.report import build_report

        self.playback.pause()
        self.pages.setCurrentWidget(self.replay_page)
        self._session = session
        data_dir = self._data_dir_source()
        scenario = self._find_scenario(session.scenario_id)
        report = build_report(session, turns, scenario=scenario, data_dir=data_dir)
        self._report = report
        self.action_bar.show_status("")
        self.title.setText(session.scenario_title)
        self.outcome.setText(f"With {session.persona}. {richtext.summary_text(session, report)}")
        shift = report.shift
        self.timeline.set_turns(
            [TimelineTurn(t.speaker, t.frame, t.score) for t in report.turns],
            richtext.position_of(report, shift.turn) if shift else None,
        )
        self.playback.load(
            [
                Clip(i, t.text, recording_file(data_dir, t.audio_path) if data_dir else None)
                for i, t in enumerate(report.turns)
            ]
        )
        self._pivot_turn = shift.pivot_turn if shift else None
        self.insights.show_report(report, can_retry=self._pivot_turn is not None)
        self.replay_page.scroll_page_to_top()
        self.rehearse_button.setEnabled(scenario is not None)
        self.shift_button.setVisible(shift is not None)  # nothing to jump to: not offered
        self._find_partner(session)
        self.follower.show_turn(0)
        self.timeline.set_position(None)
        self.timeline.setFocus()
        QTimer.singleShot(0, self.insights.scroll_to_top)  # after the new text is laid out

    # -- commands ------------------------------------------------------------------------------
    def jump_to(self, position: int) -> None:
        self.playback.jump(position)

    def jump_to_turn(self, turn_index: int) -> None:
        """Jump to a turn by its index in the session (metric and shift links use these)."""
        self.playback.jump(richtext.position_of(self._report, turn_index))

    def jump_to_shift(self) -> None:
        if self._report is not None and self._report.shift is not None:
            self.jump_to_turn(self._report.shift.turn)

    def show_comparison(self) -> None:
        from app.report import compare
        from app.store import StoreError

        store = self._store_source()
        if self._partner is None or store is None:
            return
        self.playback.pause()
        first, retry = self._partner
        try:
            self.comparison.show_comparison(compare(store, first, retry))
        except StoreError as exc:
            self.action_bar.show_status(f"{exc.message} {exc.hint}")
            return
        self.pages.setCurrentWidget(self.comparison)
        self.comparison.back_button.setFocus()

    def export_to(self, path: Path, fmt: str) -> Path:
        """Write the shown session as `fmt` to `path` (checked by safe_export_path)."""
        from app.report import ExportPathError

        if self._report is None:
            raise ExportPathError("no session is shown")
        return export_report(self._report, path, fmt)

    def _find_partner(self, session: SessionRecord) -> None:
        store = self._store_source()
        self._partner = partner_of(store, session) if store is not None else None
        other = "the first attempt" if session.parent_session_id else "your retry"
        self.action_bar.offer_compare(other if self._partner is not None else None)

    # -- slots ---------------------------------------------------------------------------------
    def _on_transcript_anchor_clicked(self, url: QUrl) -> None:
        self._on_link_activated(url.toString())

    def _on_link_activated(self, link: str) -> None:
        if link.startswith("turn:"):
            self.jump_to_turn(int(link.split(":", 1)[1]))

    def _on_comparison_back_requested(self) -> None:
        self.pages.setCurrentWidget(self.replay_page)
        self.timeline.setFocus()

    def _on_export_button_clicked(self) -> None:
        if self._session is None or self._report is None:
            return
        message, written = export_interactively(self, self._session, self._report)
        self.action_bar.show_status(message)
        if written is not None:
            self.exported.emit(str(written))

    def enter_kiosk_mode(self) -> None:
        """A booth visitor: no history, no file dialog (the booth saves the report)."""
        self.action_bar.enter_kiosk_mode()
        # The booth's page scrolls (kiosk PageStack): the transcript and the coaching keep room
        # for a few turns at large text instead of being squeezed under the timeline.
        lines = self.replay_page.transcript.fontMetrics().lineSpacing()
        self.replay_page.splitter.setMinimumHeight(KIOSK_SPLITTER_LINES * lines)

    def _retry(self) -> None:
        if self._session is not None and self._pivot_turn is not None:
            self.playback.pause()
            self.retry_requested.emit(self._session.id, self._pivot_turn)

    def _rehearse(self) -> None:
        if self._session is not None:
            self.playback.pause()
            self.rehearse_requested.emit(self._session.scenario_id)

    def hideEvent(self, event: QHideEvent) -> None:
        self.playback.pause()  # leaving the screen stops the voices
        super().hideEvent(event)
