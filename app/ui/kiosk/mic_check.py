"""The operator's microphone choice and five-second level test (nothing is recorded)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from app.ui.a11y import named

MIC_TEST_MS = 5_000
MicrophoneFactory = Callable[[str], Any]


class MicrophoneCheck(QWidget):
    """A device list, a Test button, a level bar and a line saying what happened."""

    def __init__(self, factory: MicrophoneFactory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._mic: Any = None
        self.microphone = named(QComboBox(), "kioskMicrophone", "Microphone")
        self.note = QLabel()
        self.note.setObjectName("kioskMicNote")
        self.note.setWordWrap(True)
        self.test_button = named(QPushButton("Test microphone"), "kioskMicTest", "Test microphone")
        self.test_button.clicked.connect(self._on_test_button_clicked)
        self.level = named(QProgressBar(), "kioskMicLevel", "Microphone level")
        self.level.setRange(0, 100)
        self.level.setTextVisible(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.stop)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.microphone, 0, 0)
        grid.addWidget(self.test_button, 0, 1)
        grid.addWidget(self.level, 1, 0, 1, 2)
        grid.addWidget(self.note, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)

    @property
    def device(self) -> str:
        """The chosen device id ("" for the system default)."""
        return str(self.microphone.currentData() or "")

    def load(self, devices: Sequence[tuple[str, str]], current: str) -> None:
        """Offer ``devices`` ((id, description) pairs), ``current`` chosen."""
        self.microphone.clear()
        if not devices:
            self.microphone.addItem("No microphone found", "")
            self.microphone.setEnabled(False)
            self.test_button.setEnabled(False)
            self.note.setText(
                "No microphone (or no sound system) was found: visitors will type their answers."
            )
            return
        self.microphone.setEnabled(True)
        self.test_button.setEnabled(True)
        self.note.setText("")
        self.microphone.addItem("System default", "")
        for dev_id, description in devices:
            self.microphone.addItem(description, dev_id)
        self.microphone.setCurrentIndex(max(0, self.microphone.findData(current)))

    def _on_test_button_clicked(self) -> None:
        if self._mic is not None:
            self.stop()
            return
        try:
            mic = self._factory(self.device)
        except Exception as exc:
            self.note.setText(f"The microphone could not be opened ({type(exc).__name__}).")
            return
        self._mic = mic
        mic.level_changed.connect(self._on_mic_level_changed)
        mic.failed.connect(self._on_mic_failed)
        self.test_button.setText("Stop test")
        self.note.setText("Speak now: the bar should move.")
        mic.push_to_talk(True)  # capture without the VAD so the bar moves for every sound
        self._timer.start(MIC_TEST_MS)

    def stop(self) -> None:
        mic, self._mic = self._mic, None
        self._timer.stop()
        self.test_button.setText("Test microphone")
        self.level.setValue(0)
        if mic is None:
            return
        try:
            mic.level_changed.disconnect(self._on_mic_level_changed)
            mic.failed.disconnect(self._on_mic_failed)
            mic.push_to_talk(False)  # the clip it emits is dropped: nothing is recorded
        finally:
            if hasattr(mic, "deleteLater"):
                mic.deleteLater()
        if self.note.text().startswith("Speak now"):
            self.note.setText("Microphone test finished.")

    def _on_mic_level_changed(self, level: float) -> None:
        self.level.setValue(int(max(0.0, min(1.0, level)) * 100))

    def _on_mic_failed(self, message: str) -> None:
        self.stop()
        self.note.setText(message)
