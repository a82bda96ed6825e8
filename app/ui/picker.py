"""The first screen: choose a scenario, read its context, start."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.ui.a11y import named
from app.ui.flick import wheel_to
from app.ui.picker_text import (
    DIFFICULTY_WORDS,
    STORY_SCENARIO,
    intro_words,
    order_key,
    ordered,
    problems_notice,
)
from app.ui.scenario_cards import TAG_ROLE, make_card_list

if TYPE_CHECKING:
    from app.dialogue import Scenario

LIST_HOW = {
    "desktop": "The conversations you can rehearse. Up and Down choose; Enter or a "
    "double-click starts.",
    "kiosk": "The conversations you can rehearse. Tap one to read about it; a double tap "
    "starts it.",
}
__all__ = [
    "DIFFICULTY_WORDS",
    "STORY_SCENARIO",
    "ScenarioPicker",
    "order_key",
    "ordered",
    "problems_notice",
]


class ScenarioPicker(QWidget):
    """Scenario list on the left, its persona and context on the right.

    Signals:
        start_requested(object): the chosen Scenario.
        history_requested(): the user wants past sessions.
        settings_requested(): the user wants the settings dialog.
    """

    start_requested = Signal(object)
    history_requested = Signal()
    settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pickerScreen")
        self._scenarios: list[Scenario] = []

        title = QLabel("Rehearse a networking conversation")
        title.setObjectName("screenTitle")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)  # large text on a small screen: wrap, never widen the window
        self._start_how, self._ways = "desktop", (True, True)
        intro = self.intro = QLabel(intro_words(self._start_how, *self._ways))
        intro.setWordWrap(True)
        intro.setObjectName("screenIntro")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.notice = named(
            QLabel(), "pickerNotice", "Notice", "Something to know from the last time you used it."
        )
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)  # one notice a line, never markup
        self.notice.hide()

        self.list = named(
            QListWidget(),
            "scenarioList",
            "Scenarios",
            LIST_HOW["desktop"],
        )
        make_card_list(self.list)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.list.itemActivated.connect(lambda _item: self._start())

        self.heading = QLabel()
        self.heading.setObjectName("scenarioHeading")
        self.heading.setWordWrap(True)
        self.persona = QLabel()
        self.persona.setObjectName("scenarioPersona")
        self.persona.setWordWrap(True)
        self.difficulty = QLabel()
        self.difficulty.setObjectName("scenarioDifficulty")
        self.difficulty.setTextFormat(Qt.TextFormat.PlainText)  # from the scenario file
        self.recommendation = QLabel()
        self.recommendation.setObjectName("scenarioRecommendation")
        self.recommendation.setTextFormat(Qt.TextFormat.PlainText)
        self.recommendation.setWordWrap(True)
        self.recommendation.hide()
        self.context = QLabel()
        self.context.setObjectName("scenarioContext")
        self.context.setWordWrap(True)
        for label in (self.heading, self.persona, self.context, self.notice):
            label.setTextFormat(Qt.TextFormat.PlainText)  # scenario text is never markup
        self.context.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.context.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.start_button = named(
            QPushButton("&Start conversation"),
            "startButton",
            "Start conversation",
            "Starts the chosen scenario.",
            "Start the chosen conversation (Enter)",
        )
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start)
        self.history_button = named(
            QPushButton("&History"),
            "historyButton",
            "History",
            "Past sessions and how they went.",
            "Past sessions (Alt+H)",
        )
        self.history_button.clicked.connect(self.history_requested)
        self.settings_button = named(
            QPushButton("Se&ttings"),
            "settingsButton",
            "Settings",
            "Voice, microphone, theme and text size.",
            "Settings (Alt+T)",
        )
        self.settings_button.clicked.connect(self.settings_requested)

        details = QVBoxLayout()
        details.addWidget(self.recommendation)
        details.addWidget(self.heading)
        details.addWidget(self.persona)
        details.addWidget(self.difficulty)
        details.addWidget(self.context, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.settings_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        self.buttons = QWidget()  # the foot: always on screen, never scrolled away
        self.buttons.setObjectName("pickerButtons")
        self.buttons.setLayout(buttons)
        buttons.setContentsMargins(32, 8, 32, 16)

        body = self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        body.addWidget(self.list, 5)
        body.addLayout(details, 6)

        body.setSpacing(24)
        content = QWidget()
        content.setObjectName("pickerContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(32, 24, 32, 8)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.notice)
        layout.addLayout(body, 1)
        # Everything above the buttons scrolls when taller than the window (large text, a
        # booth's 1024x600): Start conversation stays in view at every size (UI polish 11, 2).
        self.content_scroll = QScrollArea()
        self.content_scroll.setObjectName("pickerScroll")
        self.content_scroll.setWidget(content)
        self.content_scroll.setWidgetResizable(True)
        self.content_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.content_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.content_scroll, 1)
        outer.addWidget(self.buttons)
        wheel_to(self.buttons, lambda: self.content_scroll)  # the band beside Start scrolls too
        self.setTabOrder(self.list, self.start_button)
        self.setTabOrder(self.start_button, self.history_button)
        self.setTabOrder(self.history_button, self.settings_button)

    # Side by side, the list needs room for this many average letters a line (and the
    # details as many again); narrower (large text, a small screen) they stack, list first.
    SIDE_BY_SIDE_LETTERS = 30

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._arrange()  # a new text size, the same width

    def _arrange(self) -> None:
        """Stack the list over the details when side by side would squeeze the cards (trial 7
        G13: at text size 2.5 the titles broke one word a line and were cut); stacked, the
        list shows its cards whole up to half the window, then scrolls."""
        letters = self.list.fontMetrics().averageCharWidth() * self.SIDE_BY_SIDE_LETTERS
        stacked = self.width() < 2 * letters + 2 * 32 + 24 + 60
        body = self._body
        body.setDirection(
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )
        body.setStretch(0, 0 if stacked else 5)
        if stacked:
            rows = sum(self.list.sizeHintForRow(r) for r in range(self.list.count()))
            window = self.window().height() if self.window() is not None else 600
            cap = max(self.list.fontMetrics().height() * 6, window // 2)
            self.list.setFixedHeight(min(rows + 2 * self.list.frameWidth() + 4, cap))
        else:
            self.list.setMinimumHeight(0)
            self.list.setMaximumHeight(16_777_215)

    def enter_kiosk_mode(self) -> None:
        """A touch screen: the intro says tap, not click."""
        self._start_how = "kiosk"
        self.intro.setText(intro_words(self._start_how, *self._ways))
        self.list.setAccessibleDescription(LIST_HOW["kiosk"])

    def set_ways(self, voice: bool, listen: bool) -> None:
        """How this run's conversations go (`window_actions.ways`): the intro says whether the
        other person speaks or is shown as text, and whether answers are spoken or typed."""
        self._ways = (voice, listen)
        self.intro.setText(intro_words(self._start_how, voice, listen))

    def show_loading(self) -> None:
        """Shown for the moment between the first paint and the scenarios being read."""
        self.list.clear()
        self.list.addItem("Loading scenarios…")
        self.start_button.setEnabled(False)

    def show_notice(self, text: str) -> None:
        """A start-up notice (e.g. an interrupted conversation): on the picker, until the
        first conversation starts."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text.strip()))

    def clear_notice(self) -> None:
        self.notice.clear()
        self.notice.hide()

    def set_scenarios(self, scenarios: Sequence[Scenario]) -> None:
        self._scenarios = ordered(scenarios)
        self.list.clear()
        for row, s in enumerate(self._scenarios):
            diff = DIFFICULTY_WORDS.get(s.difficulty, s.difficulty.title())
            first = " · Start here" if row == 0 else ""
            item = QListWidgetItem(f"{s.title}\n{s.persona.name}, {s.persona.role} · {diff}{first}")
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setData(TAG_ROLE, "Start here" if row == 0 else "")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{s.title}, with {s.persona.name}")
            self.list.addItem(item)
        if self._scenarios:
            self.list.setCurrentRow(0)
        self.start_button.setEnabled(bool(self._scenarios))
        self._arrange()

    def select(self, scenario_id: str) -> bool:
        for row, s in enumerate(self._scenarios):
            if s.id == scenario_id:
                self.list.setCurrentRow(row)
                return True
        return False

    @property
    def current(self) -> Scenario | None:
        row = self.list.currentRow()
        return self._scenarios[row] if 0 <= row < len(self._scenarios) else None

    def _on_list_current_row_changed(self, row: int) -> None:
        s = self.current
        if s is None:
            return
        self.heading.setText(s.title)
        first = row == 0
        self.recommendation.setVisible(first)
        self.recommendation.setText(
            "Start with this one: it is the conversation the story follows." if first else ""
        )
        p = s.persona
        self.persona.setText(f"You will talk with {p.name}, {p.role} at {p.company}.")
        self.difficulty.setText(
            f"Difficulty: {DIFFICULTY_WORDS.get(s.difficulty, s.difficulty.title())}"
        )
        # Authors wrap lines in YAML; reflow them, keeping blank-line paragraph breaks.
        self.context.setText(re.sub(r"(?<!\n)\n(?!\n)", " ", s.context.strip()))

    def _start(self) -> None:
        if self.current is not None:
            self.start_requested.emit(self.current)
