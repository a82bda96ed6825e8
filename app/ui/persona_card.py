"""The persona's card at the top of a conversation: initials avatar, name, role and company,
and where you are in the conversation."""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from app.ui.a11y import named

if TYPE_CHECKING:
    from app.dialogue import Scenario

AVATAR_PX = 48


def initials(name: str) -> str:
    """ "Dana Reyes" → "DR"; one name gives its first letter; nothing gives "?"."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    if not words:
        return "?"
    picked = [words[0], words[-1]] if len(words) > 1 else words[:1]
    return "".join(w[0].upper() for w in picked)


def answers_to_end(scenario: Scenario, node_id: str) -> int:
    """The fewest answers still needed from this node to reach an end node (0 at an end);
    the number of nodes when no end is reachable (a scenario being written)."""
    nodes = scenario.nodes
    if node_id not in nodes:
        return 0
    seen = {node_id}
    queue: deque[tuple[str, int]] = deque([(node_id, 0)])
    while queue:
        current, depth = queue.popleft()
        node = nodes[current]
        if node.is_end:
            return depth
        for branch in node.branches:
            if branch.goto in nodes and branch.goto not in seen:
                seen.add(branch.goto)
                queue.append((branch.goto, depth + 1))
    return len(nodes)


def progress_words(answered: int, left: int) -> str:
    """The card's words for where you are: the answer you are on, or the manager's last line
    (``left`` 0). Short, so it stays on one line beside the name on a booth's screen."""
    if left <= 0:
        return "Last line" if answered else ""
    return f"Answer {answered + 1}"


class Avatar(QLabel):
    """The persona's initials in a circle at least AVATAR_PX across, growing with the text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("?", parent)
        self.setObjectName("personaAvatar")
        self.setTextFormat(Qt.TextFormat.PlainText)  # the persona's initials
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._side = 0
        self._fit()

    def _fit(self) -> None:
        side = max(AVATAR_PX, self.fontMetrics().horizontalAdvance("MM") + 16)
        if side != self._side:  # setStyleSheet re-polishes: only when the size really changed
            self._side = side
            self.setFixedSize(side, side)
            self.setStyleSheet(f"border-radius: {side // 2}px;")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()


class PersonaCard(QFrame):
    """Who you are talking with, and how far along the conversation is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personaCard")
        self._shown: tuple[int, int] | None = None  # (answered, left) last shown
        self.avatar = Avatar()
        self.avatar.setAccessibleName("Initials")
        self.name = QLabel()
        self.name.setObjectName("personaName")
        self.role = QLabel()
        self.role.setObjectName("personaRole")
        self.role.setWordWrap(True)
        for label in (self.name, self.role):  # scenario text is never markup
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_text = named(
            QLabel(),
            "conversationProgress",
            "Where you are",
            "Which answer you are on, or that this is the last line.",
        )
        self.progress_text.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_text.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Large text on a small screen wraps these rather than widening the page past it.
        for label in (self.name, self.progress_text):
            label.setWordWrap(True)
        self.progress = named(
            QProgressBar(),
            "conversationSteps",
            "Conversation progress",
            "How far along the conversation is.",
        )
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.progress.setFixedWidth(160)

        who = QVBoxLayout()
        who.setSpacing(2)
        who.addWidget(self.name)
        who.addWidget(self.role)
        where = QVBoxLayout()
        where.setSpacing(4)
        where.addStretch(1)
        where.addWidget(self.progress_text)
        where.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignRight)
        where.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 12, 16, 12)
        row.setSpacing(12)
        row.addWidget(self.avatar)
        row.addLayout(who, 1)
        row.addLayout(where)

    def show_persona(self, scenario: Scenario) -> None:
        p = scenario.persona
        self.avatar.setText(initials(p.name))
        self.name.setText(p.name)
        self.role.setText(f"{p.role} at {p.company}" if p.company else p.role)
        self.setAccessibleName(f"Talking with {p.name}, {p.role} at {p.company}")
        self._shown = None
        self.set_progress(0, answers_to_end(scenario, scenario.start))

    def set_progress(self, answered: int, left: int) -> None:
        """`answered` answers given so far; about `left` still to go (0: the last line).

        The estimate is the fewest answers to an end, which does not drop when a branch
        takes the longer way; so after each answer the count shown goes down by at least
        one (never below "nearly there" before the last line): it never stalls."""
        before = self._shown
        if before is not None and left > 0 and answered > before[0]:
            left = min(left, max(1, before[1] - (answered - before[0])))
        self._shown = (answered, left)
        total = max(1, answered + left)
        self.progress.setRange(0, total)
        self.progress.setValue(min(answered, total))
        # No count of answers to go: the fewest to an end is a floor, not a forecast (the
        # shipped scenarios end after 3-5 answers at the soonest and 14-23 at the latest), so
        # "about 5 to go" at the first answer and "nearly there" at the tenth were both untrue.
        self.progress_text.setText(progress_words(answered, left))
