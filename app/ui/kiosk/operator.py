"""Behind the PIN: what the booth offers, how long before a reset, the microphone and volume,
and the anonymous counts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.config import Settings
from app.store.counts import FRAME_COLUMNS
from app.ui.a11y import named
from app.ui.kiosk.mic_check import MicrophoneCheck, MicrophoneFactory
from app.ui.stepper import stepped
from app.ui.wrapping_check import WrappingCheck

WIDE_PX = 1200  # narrower, the settings and the counts stack (at 1024 the counts were cut)
DeviceLister = Callable[[], Sequence[tuple[str, str]]]


def _default_devices() -> list[tuple[str, str]]:
    try:
        from app.speech import input_devices

        return list(input_devices())
    except Exception:  # no sound system, no Qt Multimedia backend: no choice to offer
        return []


def _default_microphone(device_id: str) -> Any:
    from app.speech import QtMicrophone

    return QtMicrophone(device_id)


class OperatorScreen(QWidget):
    """The operator's settings page.

    Signals:
        save_requested(object): the new Settings to save and apply.
        export_requested(): write the anonymous counts as CSV.
        clear_counts_requested(): erase the anonymous counts.
        back_requested(): return to the attract screen.
        quit_requested(): leave the kiosk.
        volume_changed(float): the volume slider moved (0..1), for a live preview.
    """

    save_requested = Signal(object)
    export_requested = Signal()
    clear_counts_requested = Signal()
    back_requested = Signal()
    quit_requested = Signal()
    volume_changed = Signal(float)

    def __init__(
        self,
        *,
        devices: DeviceLister = _default_devices,
        microphone_factory: MicrophoneFactory = _default_microphone,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kioskOperatorScreen")
        self._devices = devices
        self._settings: Settings | None = None

        title = QLabel("Kiosk operator")
        title.setObjectName("screenTitle")
        self.scenario_list = named(
            QListWidget(),
            "kioskScenarioList",
            "Scenarios offered",
            "Checked scenarios are offered to visitors; none checked offers all.",
        )
        self.idle = named(QSpinBox(), "kioskIdleSeconds", "Idle seconds before the countdown")
        self.idle.setRange(10, 3600)
        self.idle.setSuffix(" s")
        self.countdown = named(QSpinBox(), "kioskCountdownSeconds", "Countdown seconds")
        self.countdown.setRange(3, 120)
        self.countdown.setSuffix(" s")
        self.max_minutes = named(QSpinBox(), "kioskMaxMinutes", "Longest rehearsal in minutes")
        self.max_minutes.setRange(1, 30)
        self.max_minutes.setSuffix(" min")
        self.counts_enabled = named(QCheckBox(), "kioskCountsEnabled", "Keep anonymous counts")
        # Its words wrap (a check box's own text is one line: cut at 1024x600, UI polish 11, 3).
        self.counts_row = WrappingCheck(
            self.counts_enabled, "Keep anonymous counts (numbers only, no words)"
        )

        self.mic_check = MicrophoneCheck(microphone_factory)
        self.microphone = self.mic_check.microphone
        self.mic_test, self.mic_level, self.mic_note = (
            self.mic_check.test_button,
            self.mic_check.level,
            self.mic_check.note,
        )
        self.volume = named(QSlider(Qt.Orientation.Horizontal), "kioskVolume", "Volume")
        self.volume.setRange(0, 100)
        self.volume.valueChanged.connect(self._on_volume_value_changed)

        self.counts_table = named(QTableWidget(0, 6), "kioskCountsTable", "Anonymous counts")
        self.counts_table.setHorizontalHeaderLabels(
            ["Scenario", "Sessions", *(f.title() for f in FRAME_COLUMNS), "Shifted"]
        )
        self.counts_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.counts_table.horizontalHeader()  # the numbers as wide as they need, the
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # names the rest
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.counts_table.verticalHeader().hide()
        self.counts_note = QLabel()
        self.counts_note.setObjectName("kioskCountsNote")
        self.counts_note.setWordWrap(True)
        self.export_button = named(
            QPushButton("Export counts as CSV"), "kioskExportCounts", "Export counts as CSV"
        )
        self.export_button.clicked.connect(self.export_requested)
        self.clear_button = named(QPushButton("Clear counts"), "kioskClearCounts", "Clear counts")
        self.clear_button.clicked.connect(self.clear_counts_requested)

        self.status = QLabel()
        self.status.setObjectName("kioskOperatorStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        self.save_button = named(QPushButton("Save settings"), "kioskSave", "Save settings")
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.back_button = named(QPushButton("Back to the kiosk"), "kioskBack", "Back to the kiosk")
        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.quit_button = named(QPushButton("Quit the kiosk"), "kioskQuit", "Quit the kiosk")
        self.quit_button.clicked.connect(self._on_quit_button_clicked)

        form = QFormLayout()
        form.addRow("Idle time", stepped(self.idle, "idle time"))
        form.addRow("Countdown", stepped(self.countdown, "countdown"))
        form.addRow("Longest rehearsal", stepped(self.max_minutes, "rehearsal length"))
        form.addRow(self.counts_row)
        form.addRow("Microphone", self.mic_check)
        form.addRow("Volume", self.volume)

        left = QVBoxLayout()
        left.addWidget(QLabel("Scenarios offered (none checked: all)"))
        left.addWidget(self.scenario_list, 1)
        left.addLayout(form)
        right = QVBoxLayout()
        right.addWidget(QLabel("Anonymous counts"))
        right.addWidget(self.counts_table, 1)
        right.addWidget(self.counts_note)
        count_buttons = QHBoxLayout()
        count_buttons.addWidget(self.export_button)
        count_buttons.addWidget(self.clear_button)
        count_buttons.addStretch(1)
        right.addLayout(count_buttons)
        # Side by side on a wide screen, one above the other on a narrow one; the body scrolls
        # while the title, the buttons and the status line stay on screen.
        body = QWidget()
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight, body)
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.addLayout(left, 1)
        self._body.addLayout(right, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 24)  # never flush against the screen's edge
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = event.size().width() >= WIDE_PX
        self._body.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        super().resizeEvent(event)

    # -- filling in -------------------------------------------------------------------------
    def load(self, settings: Settings, scenarios: Sequence[Any]) -> None:
        """Show ``settings``; ``scenarios`` is every installed scenario."""
        self._settings = settings
        k = settings.kiosk
        self.scenario_list.clear()
        for s in scenarios:
            item = QListWidgetItem(s.title)
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if s.id in k.scenarios else Qt.CheckState.Unchecked
            )
            self.scenario_list.addItem(item)
        self.idle.setValue(k.idle_seconds)
        self.countdown.setValue(k.countdown_seconds)
        self.max_minutes.setValue(k.max_minutes)
        self.counts_enabled.setChecked(k.anonymous_counts)
        self.volume.blockSignals(True)
        self.volume.setValue(round(settings.volume * 100))
        self.volume.blockSignals(False)
        self.mic_check.load(list(self._devices()), settings.input_device)
        self.show_status("")

    def show_counts(self, totals: dict[str, dict[str, int]], *, enabled: bool) -> None:
        self.counts_table.setRowCount(0)
        for scenario_id, t in sorted(totals.items()):
            row = self.counts_table.rowCount()
            self.counts_table.insertRow(row)
            values = [scenario_id, t["sessions"], *(t[f] for f in FRAME_COLUMNS), t["shifted"]]
            for col, value in enumerate(values):
                self.counts_table.setItem(row, col, QTableWidgetItem(str(value)))
        if not enabled:
            self.counts_note.setText("Counting is off; tick the box above and save to start.")
        elif not totals:
            self.counts_note.setText("No rehearsals counted yet.")
        else:
            self.counts_note.setText("")
        self.export_button.setEnabled(bool(totals))
        self.clear_button.setEnabled(bool(totals))

    def show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))  # no empty gap under the buttons

    def result_settings(self) -> Settings:
        """The settings as the operator left them on screen."""
        assert self._settings is not None
        chosen = tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.scenario_list.item(i) for i in range(self.scenario_list.count()))
            if item.checkState() == Qt.CheckState.Checked
        )
        kiosk = replace(
            self._settings.kiosk,
            scenarios=chosen,
            idle_seconds=self.idle.value(),
            countdown_seconds=self.countdown.value(),
            max_minutes=self.max_minutes.value(),
            anonymous_counts=self.counts_enabled.isChecked(),
        )
        return replace(
            self._settings,
            kiosk=kiosk,
            input_device=self.mic_check.device,
            volume=self.volume.value() / 100,
        )

    # -- buttons ----------------------------------------------------------------------------
    def _on_volume_value_changed(self, value: int) -> None:
        self.volume_changed.emit(value / 100)

    def stop_mic_test(self) -> None:
        self.mic_check.stop()

    def _on_save_button_clicked(self) -> None:
        self.mic_check.stop()
        self.save_requested.emit(self.result_settings())

    def _on_back_button_clicked(self) -> None:
        self.mic_check.stop()
        self.back_requested.emit()

    def _on_quit_button_clicked(self) -> None:
        self.mic_check.stop()
        self.quit_requested.emit()


def describe_export(path: Path, rows: int) -> str:
    return f"{rows} row(s) of counts were written to {path}."
