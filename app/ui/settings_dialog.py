"""Settings: voice, microphone, theme, text size and recognition (its rows are
ui/settings_speech.py). Saved to the config file on OK.

The dialog carries its own title and outline: without a window manager (a kiosk box, a bare X
server) a top-level window gets no title bar or border, and it would melt into the window
behind it. Cancel (or Escape) closes it.

It never opens larger than the screen's free area: the settings scroll between the title and
OK/Cancel, which stay in view at any text size (3.0 on a 1024x600 screen). The number boxes take
the whole range the config file accepts (:func:`setting_range`), so a typed value in range is
kept and a value set in the file is never lowered by pressing OK."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QIcon, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from app.config import ConfigError, Settings, save_changes
from app.ui.a11y import named
from app.ui.microphone_row import microphone_row
from app.ui.settings_speech import SpeechRows
from app.ui.stepper import stepped
from app.ui.theme import THEME_COLOURS
from app.ui.wrapping_check import WrappingCheck

THEME_LABELS = {name: colours.label for name, colours in THEME_COLOURS.items()}


def setting_range(name: str) -> tuple[float, float]:
    """The low and high a setting of :class:`Settings` accepts (its rule in app.config)."""
    rule = next(f for f in fields(Settings) if f.name == name).metadata["rule"]
    return float(rule.low), float(rule.high)


def _input_devices() -> list[tuple[str, str]]:
    try:
        from app.speech import input_devices

        return list(input_devices())
    except Exception:
        return []


def _slider_volume(volume: float) -> int:
    """The volume slider's position (0-100) for a volume (0-1): rounded, never truncated."""
    return max(0, min(100, round(volume * 100)))


def _kept(now: float, opened: float, original: float, changed: float) -> float:
    """What to save for a field shown as `opened` when the dialog opened and `now` at OK: the
    original value when the field was left showing it (a slider's 0-100 or a spin box's two
    decimals must not rewrite 0.805 as 0.8 in the file), else `changed`."""
    return original if now == opened else changed


class SettingsDialog(QDialog):
    """Edits a copy of the settings; :meth:`result_settings` gives the new ones after OK."""

    def __init__(self, settings: Settings, config_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self._settings = settings
        self._config_path = config_path
        self.saved_message = ""

        self.voice = named(QCheckBox(), "voiceCheck", "Voice on")
        self.voice.setChecked(settings.voice)
        self.listen = named(QCheckBox(), "listenCheck", "Listening on")
        self.listen.setChecked(settings.listen)
        self.ptt = named(QCheckBox(), "pushToTalkCheck", "Push to talk")
        self.ptt.setChecked(settings.push_to_talk)
        self.device = named(QComboBox(), "inputDeviceCombo", "Microphone")
        # A sound server's device names can be long ("Family 17h/19h HD Audio Controller Analog
        # Stereo"): the box takes the dialog's width and elides, never widening it sideways.
        self.device.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.device.setMinimumContentsLength(8)
        self.mic_hint = microphone_row(self.device, _input_devices(), settings.input_device)
        self.device.currentTextChanged.connect(self.device.setToolTip)  # the whole name, elided
        idx = self.device.findData(settings.input_device)
        self.device.setCurrentIndex(max(0, idx))
        self.device.setToolTip(self.device.currentText())
        self.volume = named(QSlider(), "volumeSlider", "Volume", "Loudness of the voice, 0 to 100.")
        self.volume.setOrientation(self.volume.orientation().Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(_slider_volume(settings.volume))  # 0.29 shows 29, not 28
        self.rate = named(
            QDoubleSpinBox(), "rateSpin", "Speaking rate", "1.0 is the persona's normal pace."
        )
        self.rate.setRange(*setting_range("rate"))
        self.rate.setSingleStep(0.1)
        self.rate.setValue(settings.rate)
        self._opened_rate = self.rate.value()
        self.practice = named(
            QCheckBox(),
            "practiceModeCheck",
            "Practice mode",
            "Shows Exploration or Interview next to each answer during the conversation. "
            "Off by default: the labels distract from talking; the replay always shows them.",
        )
        self.practice.setChecked(settings.practice_mode)
        self.theme = named(QComboBox(), "themeCombo", "Theme")
        for key, label in THEME_LABELS.items():
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.font_scale = named(QDoubleSpinBox(), "fontScaleSpin", "Text size")
        self.font_scale.setRange(*setting_range("font_scale"))
        self.font_scale.setSingleStep(0.25)
        self.font_scale.setValue(settings.font_scale)
        self._opened_font_scale = self.font_scale.value()
        self.speech = SpeechRows(settings, self)  # Recognition and the model folder
        self.recognizer, self.model_dir = self.speech.recognizer, self.speech.model_dir

        frame = QFrame()
        frame.setObjectName("dialogFrame")  # the outline (assets/styles/colours.qss)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        column = QVBoxLayout(frame)
        column.setContentsMargins(24, 20, 24, 24)
        column.setSpacing(16)
        self.title = QLabel("Settings")
        self.title.setObjectName("dialogTitle")
        column.addWidget(self.title)
        body = QWidget()
        body.setObjectName("settingsBody")
        form = QFormLayout(body)
        form.setContentsMargins(0, 0, 0, 0)
        # A label too wide to sit beside its field goes above it (large text, small screen).
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.pane = QScrollArea()
        self.pane.setObjectName("settingsScroll")
        self.pane.setWidgetResizable(True)
        self.pane.setFrameShape(QScrollArea.Shape.NoFrame)
        self.pane.setWidget(body)
        column.addWidget(self.pane, 1)
        # Check boxes' words wrap at large text (ui/wrapping_check.py): none is cut or makes
        # the dialog wider than the screen.
        self.check_rows = {
            box.objectName(): WrappingCheck(box, words)
            for box, words in (
                (self.voice, "The other person speaks aloud"),
                (self.listen, "Listen to my spoken answers"),
                (self.ptt, "Push-to-talk (hold Listen) instead of automatic listening"),
                (self.practice, "Practice mode: show each answer's frame while I talk"),
            )
        }
        for name in ("voiceCheck", "listenCheck", "pushToTalkCheck"):
            form.addRow(self.check_rows[name])
        form.addRow("&Microphone:", self.device)
        form.addRow("", self.mic_hint)
        form.addRow("&Volume:", self.volume)
        self._add_labelled(form, "Speaking &rate:", self.rate, stepped(self.rate, "speaking rate"))
        form.addRow("T&heme:", self.theme)
        self._add_labelled(
            form, "Text si&ze:", self.font_scale, stepped(self.font_scale, "text size")
        )
        form.addRow(self.check_rows["practiceModeCheck"])
        self.speech.add_to(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        for button in buttons.buttons():  # words only: the style's fixed-colour icons ignore
            button.setIcon(QIcon())  # the theme (docs/design.md, icon rules)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self._column, self._body, self._buttons = column, body, buttons
        form.setVerticalSpacing(12)
        self.speech.fit_placeholder()

    @staticmethod
    def _add_labelled(
        form: QFormLayout, text: str, buddy: QWidget, field: QWidget | QHBoxLayout
    ) -> None:
        """A row whose field is a row of widgets: its label still focuses `buddy` (Alt+key)."""
        label = QLabel(text)
        label.setBuddy(buddy)
        form.addRow(label, field)

    def _free(self) -> QRect | None:
        screen = self.screen()
        return screen.availableGeometry() if screen is not None else None

    def _wanted(self) -> QSize:
        """The size showing every setting without scrolling (scroll bars' room included)."""
        body = self._body
        bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        margins = self._column.contentsMargins()
        spacing = self._column.spacing()
        title, buttons = self.title.sizeHint(), self._buttons.sizeHint()
        width = max(body.sizeHint().width() + bar, title.width(), buttons.width())
        height = title.height() + body.sizeHint().height() + buttons.height() + 2 * spacing
        return QSize(
            width + margins.left() + margins.right() + 2,
            height + margins.top() + margins.bottom() + 2,
        )

    def showEvent(self, event: QShowEvent) -> None:
        """Open at the size that shows everything, cut to the screen's free area, inside it."""
        free = self._free()
        wanted = self._wanted()
        if free is not None:
            # The window manager's frame (none on a bare X server) counts against the screen.
            edge = self.frameGeometry().size() - self.geometry().size()
            room = free.size() - edge
            self.setMaximumSize(room)
            self.setMinimumSize(min(wanted.width(), room.width()), min(240, room.height()))
            wanted = wanted.boundedTo(room)
            self.resize(wanted)
            frame = QRect(self.frameGeometry().topLeft(), wanted + edge)
            frame.moveLeft(max(free.left(), min(frame.left(), free.right() + 1 - frame.width())))
            frame.moveTop(max(free.top(), min(frame.top(), free.bottom() + 1 - frame.height())))
            self.move(frame.topLeft())
        super().showEvent(event)

    def result_settings(self) -> Settings:
        return replace(
            self._settings,
            voice=self.voice.isChecked(),
            listen=self.listen.isChecked(),
            push_to_talk=self.ptt.isChecked(),
            input_device=str(self.device.currentData() or ""),
            # A value left alone is saved as it was: the fields show it rounded (0.805 is 81 on
            # the slider), and pressing OK must not rewrite the file's 0.805 as 0.81.
            volume=_kept(
                self.volume.value(),
                _slider_volume(self._settings.volume),
                self._settings.volume,
                self.volume.value() / 100,
            ),
            rate=_kept(
                self.rate.value(),
                self._opened_rate,
                self._settings.rate,
                round(self.rate.value(), 2),
            ),
            theme=str(self.theme.currentData()),
            font_scale=_kept(
                self.font_scale.value(),
                self._opened_font_scale,
                self._settings.font_scale,
                round(self.font_scale.value(), 2),
            ),
            practice_mode=self.practice.isChecked(),
            recognizer=self.speech.choice,
            model_dir=self.speech.model_dir_text,
        )

    def accept(self) -> None:
        new = self.result_settings()
        if self._config_path is not None:
            try:
                save_changes(self._config_path, self._settings, new)  # not this run's flags
                later = self.speech.next_start_sentence()
                self.saved_message = f"Settings saved to {self._config_path}. {later}".strip()
            except (OSError, ConfigError) as exc:
                self.saved_message = f"Settings apply to this run only: could not save ({exc})."
        super().accept()
