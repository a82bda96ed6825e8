"""Settings > Recognition (newcomer report, session 18): the `recognizer` setting (Auto by the
machine's speed, Accurate = Whisper base, Fast = tiny.en) in the dialog. The combo shows the
saved choice; a change is saved to the file, and the next start builds its recognizer with it
(the speech factory and `frameshift transcribe` read the same setting)."""

from __future__ import annotations

import itertools
import tomllib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from app.config import Settings, load_settings
from app.speech.factory import make_recognizer
from app.ui.settings_dialog import SettingsDialog
from app.ui.settings_speech import (
    RECOGNITION_CHOICES,
    RECOGNITION_PLACE,
    recognition_label,
    recognizer_choices,
)

pytestmark = pytest.mark.gui

CHOICES = recognizer_choices()
ROOT = Path(__file__).resolve().parents[2]


def _combo(dialog: SettingsDialog) -> QComboBox:
    combo = dialog.findChild(QComboBox, "recognizerCombo")
    assert combo is not None
    return combo


def test_the_combo_offers_exactly_the_configs_choices_by_name(qtbot: QtBot) -> None:
    assert set(RECOGNITION_CHOICES) == set(CHOICES) == {"auto", "accurate", "fast"}
    dialog = SettingsDialog(Settings(), None)
    qtbot.addWidget(dialog)
    combo = _combo(dialog)
    shown = [combo.itemText(i) for i in range(combo.count())]
    assert shown == ["Auto", "Accurate", "Fast"]
    assert [combo.itemData(i) for i in range(combo.count())] == list(CHOICES)
    assert combo.accessibleName() == "Recognition"


@pytest.mark.parametrize("saved", CHOICES)
@pytest.mark.parametrize("other", ["", 'theme = "dark"\nmodel_dir = ""\n', "volume = 0.5\n"])
def test_the_combo_shows_the_saved_choice(
    qtbot: QtBot, tmp_path: Path, saved: str, other: str
) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'{other}recognizer = "{saved}"\n')
    dialog = SettingsDialog(load_settings(cfg, environ={}).settings, cfg)
    qtbot.addWidget(dialog)
    assert _combo(dialog).currentData() == saved
    assert _combo(dialog).currentText() == recognition_label(saved)
    dialog.accept()  # left alone: nothing rewritten, no sentence about the next start
    assert "Recognition" not in dialog.saved_message
    assert tomllib.loads(cfg.read_text())["recognizer"] == saved


@pytest.mark.parametrize(("before", "after"), list(itertools.permutations(CHOICES, 2)))
@pytest.mark.parametrize("in_file", [True, False])
def test_a_changed_choice_is_saved_and_used_by_the_next_start(
    qtbot: QtBot, tmp_path: Path, before: str, after: str, in_file: bool
) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'# mine\nrecognizer = "{before}"\n' if in_file else "# mine\n")
    opened = load_settings(
        cfg, environ={}, overrides=None if in_file else {"recognizer": before}
    ).settings
    dialog = SettingsDialog(opened, cfg)
    qtbot.addWidget(dialog)
    combo = _combo(dialog)
    combo.setCurrentIndex(combo.findData(after))
    dialog.accept()
    assert dialog.result_settings().recognizer == after
    assert tomllib.loads(cfg.read_text()).get("recognizer", "auto") == after  # auto: the default
    assert cfg.read_text().startswith("# mine\n")  # the file is edited, not rewritten
    assert f"Recognition: {recognition_label(after)}" in dialog.saved_message
    assert "next start" in dialog.saved_message
    restarted = load_settings(cfg, environ={}).settings
    assert restarted.recognizer == after
    recognizer = make_recognizer(restarted)  # what the next start listens with (not loaded)
    assert recognizer.choice == after  # type: ignore[attr-defined]


def test_the_window_keeps_the_new_choice(qtbot: QtBot, tmp_path: Path) -> None:
    """OK in the window's own Settings: its settings (and its rehearsal's) take the choice."""
    from app.ui.main_window import MainWindow
    from app.ui.window_actions import edit_settings

    cfg = tmp_path / "config.toml"
    cfg.write_text('recognizer = "auto"\n')
    window = MainWindow(load_settings(cfg, environ={}).settings, None, [], config_path=cfg)
    qtbot.addWidget(window)

    def choose_fast() -> None:
        dialog = window.findChild(SettingsDialog)
        assert dialog is not None
        _combo(dialog).setCurrentIndex(_combo(dialog).findData("fast"))
        dialog.accept()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, choose_fast)
    edit_settings(window)
    assert window.settings.recognizer == "fast"
    assert "Recognition: Fast" in window.status_label.text()
    assert load_settings(cfg, environ={}).settings.recognizer == "fast"


@pytest.mark.parametrize(
    ("module", "place"),
    [
        ("app/speech/stt_whisper.py", RECOGNITION_PLACE),
        ("app/speech/microphone.py", "Settings > Microphone"),
    ],
)
def test_sentences_that_ask_for_a_change_name_the_place(module: str, place: str) -> None:
    text = (ROOT / module).read_text()
    assert place in text
    assert 'set recognizer = "' not in text
    assert "input device in Settings" not in text
