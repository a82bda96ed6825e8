"""A number box with its own "−" and "+" buttons.

Qt's spin-box arrows are drawn by the style, and under the application's style sheet they
shrink to a dash (no arrow images can follow the theme's colours). So the box keeps its
value, typing, arrow keys and wheel, hides its arrows, and gets two ordinary buttons beside it,
themed like every other button and large enough to touch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QHBoxLayout, QPushButton, QWidget

from app.ui.a11y import named


def stepped(spin: QAbstractSpinBox, what: str) -> QWidget:
    """`spin` in a row with "−" and "+" buttons (object names `<spin>Down`/`<spin>Up`, read by
    screen readers as "Less <what>"/"More <what>"); each press is one step, as an arrow key."""
    # Hidden by the style sheet (`[stepped="true"]`, assets/styles/base.qss): NoButtons would
    # leave the text undrawn under a style sheet.
    spin.setProperty("stepped", True)
    row = QWidget()
    row.setObjectName(f"{spin.objectName()}Row")
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(8)
    layout.addWidget(spin, 1)
    for text, step, suffix, label in (("−", -1, "Down", "Less"), ("+", 1, "Up", "More")):
        button = named(QPushButton(text), f"{spin.objectName()}{suffix}", f"{label} {what}")
        button.setAutoRepeat(True)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves focus in the box
        button.setMinimumWidth(button.fontMetrics().horizontalAdvance("+") * 3 + 16)
        button.clicked.connect(lambda _=False, s=step: spin.stepBy(s))
        layout.addWidget(button)
    return row
