"""Between visitors: what this is, how to start, and what happens to what you say."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.a11y import named

_MODIFIER_KEYS = {
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_Shift,
    Qt.Key.Key_Meta,
    Qt.Key.Key_AltGr,
}


class AttractScreen(QWidget):
    """The screen a passer-by sees; any touch, click or key starts a visit.

    Signals:
        start_requested(): a visitor touched the screen, pressed a key or said hello.
    """

    start_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attractScreen")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        title = QLabel("Practise a networking conversation")
        title.setObjectName("screenTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        what = QLabel(
            "A hiring manager at a booth talks with you for a few minutes. Answer out loud or "
            "type. Afterwards you see where the talk stayed a mutual exploration and where it "
            "turned into an interview."
        )
        what.setWordWrap(True)
        what.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = named(
            QPushButton("Tap or say hello to start"),
            "kioskStartButton",
            "Start",
            "Starts a short rehearsal.",
        )
        self.start_button.clicked.connect(self.start_requested)
        self.privacy = QLabel()
        self.privacy.setObjectName("kioskPrivacy")
        self.privacy.setWordWrap(True)
        self.privacy.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_privacy(anonymous_counts=False)

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addWidget(what)
        layout.addStretch(1)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        layout.addWidget(self.privacy)

    def set_privacy(self, *, anonymous_counts: bool) -> None:
        text = (
            "Privacy: nothing you say or record is kept. Your answers and any recording are "
            "erased when you finish or walk away."
        )
        if anonymous_counts:
            text += " The booth keeps anonymous counts only (how many rehearsals, no words)."
        self.privacy.setText(text)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.start_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _MODIFIER_KEYS:
            event.ignore()
            return
        event.accept()
        self.start_requested.emit()
