"""The "still there?" overlay: a visible countdown before the visitor's session is erased."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class CountdownOverlay(QWidget):
    """Covers the kiosk while the idle countdown runs; touching it keeps the session.

    Signals:
        cancelled(): the visitor touched the overlay.
    """

    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kioskCountdown")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#kioskCountdown { background: rgba(0, 0, 0, 170); }")
        self.remaining = 0
        self.label = QLabel()
        self.label.setObjectName("kioskCountdownText")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: white; font-size: 28pt;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        parent.installEventFilter(self)
        self.hide()

    def show_remaining(self, seconds: int) -> None:
        self.remaining = seconds
        unit = "second" if seconds == 1 else "seconds"
        self.label.setText(
            f"Still there?\n\nThis session will be erased in {seconds} {unit}.\n"
            "Touch the screen or press any key to keep going."
        )
        self.setAccessibleDescription(self.label.text())
        if not self.isVisible():
            self.setGeometry(self.parentWidget().rect())  # type: ignore[union-attr]
            self.show()
            self.raise_()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.hide()
        self.cancelled.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return False
