"""The operator's way in: a touch keypad for the PIN, with the back-off shown as a countdown."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.session.kiosk import PIN_MAX_DIGITS, PinGate, PinResult
from app.ui.a11y import named


class PinDialog(QWidget):
    """A page of the kiosk (not a separate window, so there is nothing to drag or close).

    Signals:
        accepted(): the right PIN was entered.
        cancelled(): the operator (or a curious visitor) backed out.
    """

    accepted = Signal()
    cancelled = Signal()

    def __init__(self, gate: PinGate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskPinDialog")
        self.gate = gate
        title = QLabel("Operator PIN")
        title.setObjectName("screenTitle")
        self.entry = named(QLineEdit(), "pinEntry", "PIN", "The operator's PIN, digits only.")
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setMaxLength(PIN_MAX_DIGITS)
        self.entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.entry.returnPressed.connect(self.submit)
        self.message = QLabel()
        self.message.setObjectName("pinMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)

        keypad = QGridLayout()
        for n in range(10):
            button = QPushButton(str(n))
            button.setObjectName(f"pinKey{n}")
            button.clicked.connect(lambda _checked=False, d=str(n): self._on_key_clicked(d))
            row, col = (3, 1) if n == 0 else ((n - 1) // 3, (n - 1) % 3)
            keypad.addWidget(button, row, col)
        back = named(QPushButton("⌫"), "pinBackspace", "Delete the last digit")
        back.clicked.connect(self.entry.backspace)
        keypad.addWidget(back, 3, 2)
        self.ok_button = named(QPushButton("Unlock"), "pinOk", "Unlock")
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button = named(QPushButton("Cancel"), "pinCancel", "Back to the kiosk")
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.entry)
        layout.addWidget(self.message)
        layout.addLayout(keypad)
        layout.addLayout(buttons)

        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self._on_tick_timeout)

    def reset(self) -> None:
        """Called each time the page opens: empty entry, the back-off still in force."""
        self.entry.clear()
        self.message.clear()
        # Laid out before the booth's text size applied, the box kept its old height (its
        # digits cut at the foot, 38 of 42 px): measure it again at the size now in force.
        self.entry.updateGeometry()
        self._on_tick_timeout()
        self.entry.setFocus()

    def submit(self) -> None:
        pin = self.entry.text()
        self.entry.clear()
        result = self.gate.attempt(pin)
        if result.ok:
            self.message.clear()
            self._tick.stop()
            self.accepted.emit()
            return
        self.message.setText(result.message)
        if result.wait_s > 0:
            self._lock()

    def _lock(self) -> None:
        self.ok_button.setEnabled(False)
        self._tick.start()

    def _on_tick_timeout(self) -> None:
        wait = self.gate.wait_s()
        if wait <= 0:
            self._tick.stop()
            self.ok_button.setEnabled(True)
            if self.message.text().startswith("Wrong PIN. Try again in"):
                self.message.setText("Wrong PIN. You can try again now.")
            return
        self.ok_button.setEnabled(False)
        self.message.setText(PinResult(ok=False, wait_s=wait).message)
        if not self._tick.isActive():
            self._tick.start()

    def _on_key_clicked(self, digit: str) -> None:
        self.entry.insert(digit)

    def _on_cancel_button_clicked(self) -> None:
        self.entry.clear()
        self.cancelled.emit()
