"""Settings' speech-recognition rows: Recognition (the `recognizer` setting: Auto, Accurate,
Fast) and the recognizer model folder (`model_dir`).

The choices are the config's own (`Settings.recognizer`, its rule in app.config); this module
only names them for people. The recognizer is built when Frameshift starts (the speech
factory's `make_recognizer`, the same choice `frameshift transcribe` and `play --answer WAV`
use), so a changed choice is used from the next start, and OK says so."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.config import Settings
from app.ui.a11y import named

#: Where the recognizer is chosen, for sentences that tell the user to change it.
RECOGNITION_PLACE = "Settings > Recognition"

#: Each `recognizer` choice's name on screen and what it means.
RECOGNITION_CHOICES: dict[str, tuple[str, str]] = {
    "auto": (
        "Auto",
        "Whisper base, or the fast tiny.en when this computer decodes base too slowly "
        "(timed once, at the first start).",
    ),
    "accurate": ("Accurate", "Whisper base on any computer: fewer misheard words, slower."),
    "fast": ("Fast", "Whisper tiny.en: quickest, for slow computers; more misheard words."),
}


def recognizer_choices() -> tuple[str, ...]:
    """The values the config file accepts for `recognizer` (its rule in app.config)."""
    rule = next(f for f in fields(Settings) if f.name == "recognizer").metadata["rule"]
    return tuple(rule.choices)


def recognition_label(choice: str) -> str:
    """A `recognizer` value's name on screen ("Auto", "Accurate", "Fast")."""
    return RECOGNITION_CHOICES.get(choice, (choice, ""))[0]


class SpeechRows:
    """The Recognition combo and the model-folder row, added to a settings form."""

    def __init__(self, settings: Settings, parent: QWidget) -> None:
        self._parent = parent
        self._opened = settings.recognizer
        self.recognizer = named(
            QComboBox(),
            "recognizerCombo",
            "Recognition",
            "Which speech model hears your answers; used from the next start of Frameshift.",
        )
        for choice in recognizer_choices():
            label, meaning = RECOGNITION_CHOICES.get(choice, (choice, ""))
            self.recognizer.addItem(label, choice)
            self.recognizer.setItemData(
                self.recognizer.count() - 1, meaning, Qt.ItemDataRole.ToolTipRole
            )
        self.recognizer.setCurrentIndex(max(0, self.recognizer.findData(settings.recognizer)))
        self.model_dir = named(
            QLineEdit(settings.model_dir),
            "modelDirEdit",
            "Recognizer model folder",
            "A CTranslate2 Whisper model folder; empty uses the bundled models, as "
            f"{RECOGNITION_PLACE} chooses (a folder here is used whatever it says).",
        )
        # Short, so it fits beside its label at text size 3 on a small screen; the tooltip
        # says which models.
        self.model_dir.setPlaceholderText("Bundled Whisper")
        self.browse = named(QPushButton("Browse…"), "modelDirBrowse", "Choose model folder")
        self.browse.clicked.connect(self._browse)
        self.model_row = QHBoxLayout()
        self.model_row.addWidget(self.model_dir, 1)
        self.model_row.addWidget(self.browse)

    def add_to(self, form: QFormLayout) -> None:
        form.addRow("Re&cognition:", self.recognizer)
        label = QLabel("Recognizer &model:")
        label.setBuddy(self.model_dir)  # the row is two widgets: Alt+M still focuses the box
        form.addRow(label, self.model_row)

    def fit_placeholder(self) -> None:
        """Wide enough for the whole placeholder, which says what an empty folder means."""
        hint = self.model_dir.placeholderText()
        self.model_dir.setMinimumWidth(self.model_dir.fontMetrics().horizontalAdvance(hint) + 32)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self._parent, "Choose a Whisper model folder")
        if folder:
            self.model_dir.setText(folder)

    @property
    def choice(self) -> str:
        return str(self.recognizer.currentData())

    @property
    def changed_recognition(self) -> bool:
        return self.choice != self._opened

    @property
    def model_dir_text(self) -> str:
        """The model folder as typed (empty: the bundled model)."""
        return self.model_dir.text().strip()

    def next_start_sentence(self) -> str:
        """Said after saving when Recognition changed: when it takes effect."""
        if not self.changed_recognition:
            return ""
        return f"Recognition: {recognition_label(self.choice)} from the next start of Frameshift."
