"""After a conversation: how every turn was framed, where it shifted, and what to say instead.

It reads only from the store, so a past session reopened from History looks exactly the same.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.a11y import named
from app.ui.frames import frame_style
from app.ui.timeline import FramingTimeline, TimelineTurn

if TYPE_CHECKING:
    from app.dialogue import Scenario
    from app.store import SessionRecord, TurnRecord


def highlight(text: str, cues: list[dict[str, Any]]) -> str:
    """HTML of the turn text with each cue's words underlined and bold (not colour alone)."""
    spans = sorted(
        {(int(c["start"]), int(c["end"])) for c in cues if 0 <= c["start"] < c["end"] <= len(text)}
    )
    out, pos = [], 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f"<b><u>{html.escape(text[start:end])}</u></b>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


class ResultsView(QWidget):
    """The results of one session.

    Signals:
        back_requested(): return to the scenario list.
        history_requested(): open the history list.
        retry_requested(int, int): session id and the turn index to restart from.
    """

    back_requested = Signal()
    history_requested = Signal()
    retry_requested = Signal(int, int)

    def __init__(
        self, find_scenario: Callable[[str], Scenario | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("resultsScreen")
        self._find_scenario = find_scenario
        self._session: SessionRecord | None = None
        self._pivot_turn: int | None = None

        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.title.setWordWrap(True)
        self.outcome = QLabel()
        self.outcome.setObjectName("outcomeLabel")
        self.outcome.setWordWrap(True)
        self.timeline = FramingTimeline()
        self.timeline.turn_activated.connect(self._on_timeline_turn_activated)
        self.shift = named(
            QLabel(),
            "shiftExplanation",
            "Where the conversation shifted",
            "Explains the turn where the talk turned into an interview, if it did.",
        )
        self.shift.setWordWrap(True)
        self.shift.setTextFormat(Qt.TextFormat.RichText)
        self.coach = named(QLabel(), "coachAlternative", "What you could have said")
        self.coach.setWordWrap(True)
        self.coach.setTextFormat(Qt.TextFormat.RichText)
        self.metrics = named(QLabel(), "metricsSummary", "Conversation metrics")
        self.metrics.setWordWrap(True)
        self.turns = named(
            QListWidget(),
            "resultsTurns",
            "Turns",
            "Every turn with its frame; the words that decided it are underlined.",
        )
        self.turns.setWordWrap(True)
        self.turns.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.back_button = named(
            QPushButton("&Back to scenarios"), "backButton", "Back to scenarios"
        )
        self.back_button.clicked.connect(self.back_requested)
        self.retry_button = named(
            QPushButton("&Try again from the shift"),
            "retryButton",
            "Try again from here",
            "Restart at the manager line before the shift, keeping what came before.",
            "Restart at the pivotal line (Alt+T)",
        )
        self.retry_button.clicked.connect(self._retry)
        self.history_button = named(QPushButton("&History"), "historyButton", "History")
        self.history_button.clicked.connect(self.history_requested)

        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.outcome)
        layout.addWidget(self.timeline)
        layout.addWidget(self.shift)
        layout.addWidget(self.coach)
        layout.addWidget(self.metrics)
        layout.addWidget(self.turns, 1)
        layout.addLayout(buttons)

    def show_session(self, session: SessionRecord, turns: list[TurnRecord]) -> None:
        self._session = session
        analysis = session.analysis or {}
        shift = analysis.get("shift")
        self.title.setText(f"{session.scenario_title} — with {session.persona}")
        if session.outcome_label:
            self.outcome.setText(f"Outcome: {session.outcome_label}")
        else:
            self.outcome.setText("The conversation ended before its close.")
        timeline_turns = [
            TimelineTurn(t.speaker, t.frame or "neutral", float(t.score or 0.0)) for t in turns
        ]
        self.timeline.set_turns(timeline_turns, shift["turn"] if shift else None)

        self.turns.clear()
        for t in turns:
            style = frame_style(t.frame)
            who = "You" if t.speaker == "seeker" else session.persona
            label = f"{style.symbol} {style.label}" if t.speaker == "seeker" else ""
            cue_names = ", ".join(sorted({c["cue"] for c in t.cues}))
            text = f"{t.idx + 1}. {who}: {t.text}"
            if label:
                text += f"\n    {label}" + (f" — {cue_names}" if cue_names else "")
            if shift and t.idx == shift["turn"]:
                text += "\n    ▲ The conversation shifted here"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, t.idx)
            self.turns.addItem(item)

        self._pivot_turn = None
        if shift:
            turn = next((t for t in turns if t.idx == shift["turn"]), None)
            said = (
                highlight(turn.text, [c for c in turn.cues if c["cue"] == shift["cue"]])
                if turn
                else ""
            )
            self.shift.setText(
                f"<b>Turn {shift['turn'] + 1} — it shifted here.</b> "
                f"{html.escape(shift['explanation'])}<br>You said: “{said}”"
            )
            self._pivot_turn = self._pivot_manager_turn(turns, shift["turn"])
            self.coach.setText(self._coach_text(session, turns, shift["turn"]))
            self.coach.setVisible(bool(self.coach.text()))
            self.shift.setProperty("shifted", True)
        else:
            self.shift.setProperty("shifted", False)
            self.shift.setText(
                "<b>No shift.</b> You kept it a mutual exploration from start to finish."
            )
            self.coach.setVisible(False)
        self.shift.style().unpolish(self.shift)
        self.shift.style().polish(self.shift)
        self.retry_button.setEnabled(self._pivot_turn is not None)
        self.metrics.setText(self._metrics_text(analysis.get("metrics") or {}))
        self.timeline.setFocus()

    def _pivot_manager_turn(self, turns: list[TurnRecord], shift_turn: int) -> int | None:
        for t in reversed(turns):
            if t.idx < shift_turn and t.speaker == "manager":
                return t.idx
        return None

    def _coach_text(self, session: SessionRecord, turns: list[TurnRecord], shift_turn: int) -> str:
        scenario = self._find_scenario(session.scenario_id)
        pivot = self._pivot_manager_turn(turns, shift_turn)
        if scenario is None or pivot is None:
            return ""
        node_id = next((t.node_id for t in turns if t.idx == pivot), None)
        node = scenario.nodes.get(node_id or "")
        if node is None or node.coach is None:
            return ""
        return (
            f"<b>What you could have said:</b> “{html.escape(node.coach.alternative)}”"
            f"<br>{html.escape(node.coach.note)}"
        )

    @staticmethod
    def _metrics_text(m: dict[str, Any]) -> str:
        """The analysis metrics in plain words."""
        if not m:
            return ""
        parts = []
        questions = m.get("questions") or {}
        mine = (questions.get("seeker") or {}).get("count", 0)
        theirs = (questions.get("manager") or {}).get("count", 0)
        parts.append(f"You asked {mine} question{'s' if mine != 1 else ''}; they asked {theirs}.")
        share = m.get("seeker_talk_share")
        if isinstance(share, int | float):
            parts.append(f"You did {round(share * 100)}% of the talking.")
        longest = m.get("longest_seeker_monologue") or {}
        if longest.get("words") and longest.get("turn") is not None:
            parts.append(
                f"Your longest answer was {longest['words']} words (turn {longest['turn'] + 1})."
            )
        return " ".join(parts)

    def _on_timeline_turn_activated(self, index: int) -> None:
        self.turns.setCurrentRow(index)
        self.turns.scrollToItem(self.turns.currentItem())

    def _retry(self) -> None:
        if self._session is not None and self._pivot_turn is not None:
            self.retry_requested.emit(self._session.id, self._pivot_turn)
