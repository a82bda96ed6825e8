"""The replay screen: how the framing moved, where it tipped, and what to say instead.

It reads only from the store (and the session's WAVs), so a past session reopened from History
looks exactly the same. What it shows comes from `app.report.build_report`, the same data the
HTML/JSON/CSV exports write, so the window and the exported file never disagree.

Keyboard (shortcuts live on the replay page and are shown in the tooltips): Space play/pause,
Left/Right previous/next turn, Home/End first/last turn, S jump to the shift.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QHideEvent, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.ui.a11y import named
from app.ui.frames import frame_style
from app.ui.replay_compare import ComparisonView
from app.ui.replay_playback import Clip, ReplayPlayback
from app.ui.timeline import FramingTimeline, TimelineTurn

if TYPE_CHECKING:  # the domain loads after the window's first paint (see main_window)
    from app.dialogue import Scenario
    from app.report import Report
    from app.store import SessionRecord, Store, TurnRecord

EXPORT_FILTERS = {
    "html": "Web page, with recordings (*.html)",
    "json": "JSON (*.json)",
    "csv": "Spreadsheet CSV (*.csv)",
}

__all__ = ["ResultsView"]


CUE_WRAP = ("<b><u>", "</u></b>")
# The words that caused the shift: a light background with dark text, readable in any theme.
SHIFT_WRAP = ("<span style='background-color:#ffd6d2; color:#1d1d1f'><b><u>", "</u></b></span>")


def _blend(a: QColor, b: QColor, t: float) -> str:
    """`a` mixed with `t` of `b`, as #rrggbb (Qt rich text has no alpha)."""
    return QColor(
        round(a.red() * (1 - t) + b.red() * t),
        round(a.green() * (1 - t) + b.green() * t),
        round(a.blue() * (1 - t) + b.blue() * t),
    ).name()


class ResultsView(QWidget):
    """The replay of one session: timeline, playback, the shift, metrics, export and compare.

    Signals:
        back_requested(): return to the scenario list.
        history_requested(): open the history list.
        retry_requested(int, int): session id and the turn index to restart from.
        open_session_requested(int): show another session (the other attempt of a retry).
        exported(str): a report was written to this path.
    """

    back_requested = Signal()
    history_requested = Signal()
    retry_requested = Signal(int, int)
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
        self._caption_only: int | None = None

        self.playback = ReplayPlayback(lambda: self._player_source(), self)
        self.playback.turn_changed.connect(self._on_playback_turn_changed)
        self.playback.playing_changed.connect(self._on_playback_playing_changed)
        self.playback.position_changed.connect(self._on_playback_position_changed)
        self.playback.caption_only.connect(self._on_playback_caption_only)
        self.playback.failed.connect(self._on_playback_failed)

        self.pages = QStackedWidget()
        self.replay_page = QWidget()
        self.replay_page.setObjectName("replayPage")
        self.comparison = ComparisonView()
        self.comparison.back_requested.connect(self._on_comparison_back_requested)
        self.comparison.open_requested.connect(self.open_session_requested)
        self.pages.addWidget(self.replay_page)
        self.pages.addWidget(self.comparison)

        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.title.setWordWrap(True)
        self.outcome = QLabel()
        self.outcome.setObjectName("outcomeLabel")
        self.outcome.setWordWrap(True)
        self.timeline = FramingTimeline()
        self.timeline.setToolTip(
            "Click a mark to jump to that turn. ● exploration, ■ interview, – neutral; "
            "the flag marks the shift."
        )
        self.timeline.turn_activated.connect(self._on_timeline_turn_activated)

        # -- playback controls ---------------------------------------------------------------
        icons = self.style()
        pix = QStyle.StandardPixmap

        def control(
            text: str, icon: QStyle.StandardPixmap, name: str, accessible: str, tip: str
        ) -> QPushButton:
            button = named(QPushButton(icons.standardIcon(icon), text), name, accessible, tip, tip)
            return button

        self.first_button = control(
            "First", pix.SP_MediaSkipBackward, "firstTurnButton", "First turn", "First turn (Home)"
        )
        self.prev_button = control(
            "Previous",
            pix.SP_MediaSeekBackward,
            "previousTurnButton",
            "Previous turn",
            "Previous turn (Left)",
        )
        self.play_button = control(
            "Play", pix.SP_MediaPlay, "playButton", "Play", "Play / pause (Space)"
        )
        self.next_button = control(
            "Next", pix.SP_MediaSeekForward, "nextTurnButton", "Next turn", "Next turn (Right)"
        )
        self.last_button = control(
            "Last", pix.SP_MediaSkipForward, "lastTurnButton", "Last turn", "Last turn (End)"
        )
        self.shift_button = control(
            "Jump to the shift",
            pix.SP_ArrowDown,
            "jumpToShiftButton",
            "Jump to the shift",
            "Jump to the shift (S)",
        )
        self.first_button.clicked.connect(lambda: self.jump_to(0))
        self.prev_button.clicked.connect(self.playback.previous)
        self.play_button.clicked.connect(self.playback.toggle)
        self.next_button.clicked.connect(self.playback.next)
        self.last_button.clicked.connect(lambda: self.jump_to(self.playback.count - 1))
        self.shift_button.clicked.connect(self.jump_to_shift)
        self.now_label = named(QLabel(), "replayPosition", "Current turn")
        self.caption = named(
            QLabel(),
            "replayCaption",
            "Caption of the current turn",
            "The line being played; typed answers show here for the time it takes to read them.",
        )
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        controls = QHBoxLayout()
        for b in (self.first_button, self.prev_button, self.play_button, self.next_button):
            controls.addWidget(b)
        controls.addWidget(self.last_button)
        controls.addSpacing(12)
        controls.addWidget(self.shift_button)
        controls.addSpacing(12)
        controls.addWidget(self.now_label, 1)

        # -- transcript, shift, metrics -------------------------------------------------------
        self.transcript = named(
            QTextBrowser(),
            "replayTranscript",
            "Transcript",
            "Every turn with its frame; the words that decided it are highlighted. "
            "Click a turn to jump there.",
        )
        self.transcript.setOpenLinks(False)
        self.transcript.anchorClicked.connect(self._on_transcript_anchor_clicked)
        self.shift = named(
            QLabel(),
            "shiftExplanation",
            "Where the conversation shifted",
            "Explains the turn where the talk turned into an interview, if it did.",
        )
        self.shift.setWordWrap(True)
        self.shift.setTextFormat(Qt.TextFormat.RichText)
        self.shift.linkActivated.connect(self._on_link_activated)
        self.coach = named(QLabel(), "coachAlternative", "What you could have said")
        self.coach.setWordWrap(True)
        self.coach.setTextFormat(Qt.TextFormat.RichText)
        self.retry_button = named(
            QPushButton("&Try again from here"),
            "retryButton",
            "Try again from here",
            "Restart at the manager line before the shift, keeping what came before.",
            "Restart at the pivotal line (Alt+T)",
        )
        self.retry_button.clicked.connect(self._retry)
        self.metrics = named(
            QLabel(),
            "metricsSummary",
            "Conversation metrics",
            "Questions, talking share, longest stretch, pace and filler words; "
            "each turn link jumps there.",
        )
        self.metrics.setWordWrap(True)
        self.metrics.setTextFormat(Qt.TextFormat.RichText)
        self.metrics.linkActivated.connect(self._on_link_activated)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.shift)
        side_layout.addWidget(self.coach)
        side_layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignLeft)
        side_layout.addSpacing(8)
        side_layout.addWidget(self.metrics)
        side_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(side)
        splitter = QSplitter()
        splitter.addWidget(self.transcript)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)

        # -- bottom buttons --------------------------------------------------------------------
        self.back_button = named(
            QPushButton("&Back to scenarios"), "backButton", "Back to scenarios"
        )
        self.back_button.clicked.connect(self.back_requested)
        self.history_button = named(QPushButton("&History"), "historyButton", "History")
        self.history_button.clicked.connect(self.history_requested)
        self.compare_button = named(
            QPushButton("&Compare attempts"),
            "compareButton",
            "Compare attempts",
            "Shows this attempt and the other one side by side from the restart point.",
            "Compare the two attempts side by side (Alt+C)",
        )
        self.compare_button.clicked.connect(self.show_comparison)
        self.export_button = named(
            QPushButton("&Export…"),
            "exportButton",
            "Export this session",
            "Save the replay as a web page with the recordings, or as JSON or CSV.",
            "Save as HTML, JSON or CSV (Alt+E)",
        )
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.status = named(QLabel(), "replayStatus", "Replay messages")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.compare_button)
        buttons.addWidget(self.export_button)

        page = QVBoxLayout(self.replay_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(self.title)
        page.addWidget(self.outcome)
        page.addWidget(self.timeline)
        page.addLayout(controls)
        page.addWidget(self.caption)
        page.addWidget(splitter, 1)
        page.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

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
        self.status.clear()
        self.title.setText(f"{session.scenario_title} — with {session.persona}")
        shift = report.shift
        summary = (
            f"■ It shifted into an interview at turn {shift.turn + 1}."
            if shift
            else "● It stayed a mutual exploration."
        )
        if session.outcome_label:
            self.outcome.setText(f"Outcome: {session.outcome_label}. {summary}")
        else:
            self.outcome.setText(f"The conversation ended before its close. {summary}")
        self.timeline.set_turns(
            [TimelineTurn(t.speaker, t.frame, t.score) for t in report.turns],
            self._position_of(shift.turn) if shift else None,
        )
        self.playback.load(
            [
                Clip(
                    i,
                    t.text,
                    (data_dir / t.audio_path) if data_dir and t.audio_path else None,
                )
                for i, t in enumerate(report.turns)
            ]
        )
        self._pivot_turn = shift.pivot_turn if shift else None
        self._show_shift(report)
        self.retry_button.setEnabled(self._pivot_turn is not None)
        self.shift_button.setEnabled(shift is not None)
        self.metrics.setText(self._metrics_html(report))
        self._find_partner(session)
        self._on_playback_turn_changed(0)
        self.timeline.set_position(None)
        self.timeline.setFocus()

    def _position_of(self, turn_index: int) -> int:
        if self._report is None:
            return turn_index
        for i, t in enumerate(self._report.turns):
            if t.index == turn_index:
                return i
        return turn_index

    def _show_shift(self, report: Report) -> None:
        from app.report import highlight
        from app.report import html_escape as esc

        shift = report.shift
        if shift is not None:
            turn = next((t for t in report.turns if t.index == shift.turn), None)
            said = highlight(turn.text, shift.words, wrap=SHIFT_WRAP) if turn else ""
            self.shift.setText(
                f"<b>Turn {shift.turn + 1} — it shifted here.</b> {esc(shift.explanation)}"
                f"<br>You said: “{said}” <a href='turn:{shift.turn}'>Jump there (S)</a>"
            )
            if shift.alternative:
                note = f"<br>{esc(shift.coach_note)}" if shift.coach_note else ""
                self.coach.setText(
                    f"<b>What you could have said:</b> “{esc(shift.alternative)}”{note}"
                )
            else:
                self.coach.clear()
            self.coach.setVisible(bool(shift.alternative))
            self.shift.setProperty("shifted", True)
        else:
            self.shift.setProperty("shifted", False)
            self.shift.setText(
                "<b>No shift.</b> You kept it a mutual exploration from start to finish."
            )
            self.coach.clear()
            self.coach.setVisible(False)
        self.shift.style().unpolish(self.shift)
        self.shift.style().polish(self.shift)

    @staticmethod
    def _metrics_html(report: Report) -> str:
        from app.report import html_escape as esc

        items = []
        for m in report.metrics:
            links = ", ".join(f"<a href='turn:{t}'>turn {t + 1}</a>" for t in m.turns[:6])
            items.append(f"<li>{esc(m.text)}{' — go to ' + links if links else ''}</li>")
        return "<b>What the numbers say</b><ul>" + "".join(items) + "</ul>"

    def _highlight_turn(self, index: int, text: str, cues: Sequence[dict[str, Any]]) -> str:
        """Cue words bold and underlined; at the shift, only its words, on a tinted background."""
        from app.report import highlight

        shift = self._report.shift if self._report else None
        if shift is None or index != shift.turn:
            return highlight(text, cues, wrap=CUE_WRAP)
        return highlight(text, shift.words, wrap=SHIFT_WRAP)

    def _transcript_html(self, current: int) -> str:
        from app.report import html_escape as esc

        report = self._report
        if report is None:
            return ""
        pal = self.palette()
        base = pal.color(QPalette.ColorRole.Base)
        now = _blend(base, pal.color(QPalette.ColorRole.Highlight), 0.28)
        shift_turn = report.shift.turn if report.shift else None
        rows = []
        for i, t in enumerate(report.turns):
            style = frame_style(t.frame)
            who = "You" if t.speaker == "seeker" else report.session.persona
            frame = (
                f" &nbsp;<i>{style.symbol} {esc(style.label)}</i>" if t.speaker == "seeker" else ""
            )
            flag = " &nbsp;<b>▲ it shifted here</b>" if t.index == shift_turn else ""
            typed = ""
            if t.speaker == "seeker" and not t.audio_path:
                typed = " &nbsp;<small>(typed)</small>"
            marker = "▶ " if i == current else ""
            bg = f" bgcolor='{now}'" if i == current else ""
            rows.append(
                f"<tr><td{bg}><a name='turn-{i}'></a><a href='turn:{t.index}'>"
                f"<b>{marker}{t.index + 1}. {esc(who)}</b></a>{frame}{flag}{typed}<br>"
                f"{self._highlight_turn(t.index, t.text, t.cues)}</td></tr>"
            )
        return "<table width='100%' cellspacing='0' cellpadding='6'>" + "".join(rows) + "</table>"

    # -- commands ------------------------------------------------------------------------------
    def jump_to(self, position: int) -> None:
        self.playback.jump(position)

    def jump_to_turn(self, turn_index: int) -> None:
        """Jump to a turn by its index in the session (metric and shift links use these)."""
        self.playback.jump(self._position_of(turn_index))

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
            self.status.setText(f"{exc.message} {exc.hint}")
            return
        self.pages.setCurrentWidget(self.comparison)
        self.comparison.back_button.setFocus()

    def export_to(self, path: Path, fmt: str) -> Path:
        """Write the shown session as `fmt` to `path` (checked by safe_export_path)."""
        from app.report import ExportPathError, render, safe_export_path, write_atomically

        if self._report is None:
            raise ExportPathError("no session is shown")
        target = safe_export_path(path.parent, path.name)
        write_atomically(target, render(self._report, fmt))
        return target

    def _find_partner(self, session: SessionRecord) -> None:
        """The other attempt to compare with: the parent of a retry, or the newest retry."""
        from app.report import retries_of
        from app.store import StoreError

        self._partner = None
        store = self._store_source()
        if store is not None:
            try:
                if session.parent_session_id is not None:
                    self._partner = (store.session(session.parent_session_id), session)
                else:
                    retries = retries_of(store, session)
                    if retries:
                        self._partner = (session, retries[0])
            except StoreError:
                self._partner = None
        self.compare_button.setVisible(self._partner is not None)
        if self._partner is not None:
            other = "the first attempt" if session.parent_session_id else "your retry"
            self.compare_button.setText(f"&Compare with {other}")

    # -- slots ---------------------------------------------------------------------------------
    def _on_playback_turn_changed(self, position: int) -> None:
        from app.report import html_escape as esc

        report = self._report
        if report is None or not report.turns:
            self.now_label.setText("No turns")
            self.caption.clear()
            return
        t = report.turns[position]
        who = "You" if t.speaker == "seeker" else report.session.persona
        self.timeline.set_current(position)
        self.now_label.setText(f"Turn {t.index + 1} of {len(report.turns)} · {who}")
        self._caption_only = None
        self.caption.setText(f"<b>{esc(who)}:</b> {self._highlight_turn(t.index, t.text, t.cues)}")
        self.transcript.setHtml(self._transcript_html(position))
        self.transcript.scrollToAnchor(f"turn-{position}")

    def _on_playback_playing_changed(self, playing: bool) -> None:
        self.play_button.setText("Pause" if playing else "Play")
        self.play_button.setIcon(
            self.style().standardIcon(
                QStyle.StandardPixmap.SP_MediaPause
                if playing
                else QStyle.StandardPixmap.SP_MediaPlay
            )
        )
        self.play_button.setAccessibleName("Pause" if playing else "Play")
        if not playing:
            self.timeline.set_position(float(self.playback.current))

    def _on_playback_position_changed(self, position: float) -> None:
        self.timeline.set_position(position)

    def _on_playback_caption_only(self, position: int) -> None:
        from app.report import html_escape as esc

        self._caption_only = position
        if self._report is not None:
            t = self._report.turns[position]
            who = "You" if t.speaker == "seeker" else self._report.session.persona
            how = "typed answer" if t.speaker == "seeker" else "no recording"
            self.caption.setText(
                f"<b>{esc(who)}:</b> {self._highlight_turn(t.index, t.text, t.cues)} "
                f"<small>({how}: read it)</small>"
            )

    def _on_playback_failed(self, message: str) -> None:
        self.status.setText(f"A recording could not be played ({message}); showing its caption.")

    def _on_timeline_turn_activated(self, position: int) -> None:
        self.jump_to(position)

    def _on_transcript_anchor_clicked(self, url: QUrl) -> None:
        self._on_link_activated(url.toString())

    def _on_link_activated(self, link: str) -> None:
        if link.startswith("turn:"):
            self.jump_to_turn(int(link.split(":", 1)[1]))

    def _on_comparison_back_requested(self) -> None:
        self.pages.setCurrentWidget(self.replay_page)
        self.timeline.setFocus()

    def _on_export_button_clicked(self) -> None:
        from app.report import ExportPathError, default_export_name

        if self._session is None:
            return
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        suggested = Path(folder) / default_export_name(self._session, "html")
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export this session", str(suggested), ";;".join(EXPORT_FILTERS.values())
        )
        if not path:
            return
        target = Path(path)
        fmt = target.suffix.lower().lstrip(".")
        if fmt not in EXPORT_FILTERS:
            fmt = next((k for k, v in EXPORT_FILTERS.items() if v == chosen), "html")
            target = target.with_name(f"{target.name}.{fmt}")
        try:
            written = self.export_to(target, fmt)
        except (OSError, ExportPathError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.status.setText(f"Could not export to {target}: {reason}")
            return
        self.status.setText(f"Saved {written.name} in {written.parent}.")
        self.exported.emit(str(written))

    def _retry(self) -> None:
        if self._session is not None and self._pivot_turn is not None:
            self.playback.pause()
            self.retry_requested.emit(self._session.id, self._pivot_turn)

    def hideEvent(self, event: QHideEvent) -> None:
        self.playback.pause()  # leaving the screen stops the voices
        super().hideEvent(event)
