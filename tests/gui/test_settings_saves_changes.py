"""Trial 8 H28 through the real dialog: a run started with --no-voice --no-listen --theme and
FRAMESHIFT_DATA_DIR; the user ticks only "Practice mode" and presses OK. The file then holds
its old settings plus practice_mode, none of the run's flags or environment."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.config import load_settings
from app.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.gui

FLAG_SETS = [
    {"voice": False, "listen": False},
    {"voice": False, "listen": False, "theme": "dark", "font_scale": 1.3},
    {"theme": "high_contrast"},
]


@pytest.mark.parametrize("flags", FLAG_SETS, ids=lambda f: "+".join(f))
@pytest.mark.parametrize("with_env", [True, False])
def test_ok_saves_the_ticked_box_and_not_the_flags(
    qtbot: QtBot, tmp_path: Path, flags: dict[str, object], with_env: bool
) -> None:
    cfg = tmp_path / "ok.toml"
    cfg.write_text('theme = "light"\n# my comment\nunknown_thing = 3\nschema = 1\n')
    environ = {"FRAMESHIFT_DATA_DIR": str(tmp_path / "cli")} if with_env else {}
    opened = load_settings(cfg, environ=environ, overrides=flags).settings
    dialog = SettingsDialog(opened, cfg)
    qtbot.addWidget(dialog)
    dialog.practice.setChecked(True)
    dialog.accept()
    assert dialog.saved_message.startswith("Settings saved")
    saved = tomllib.loads(cfg.read_text())
    assert saved == {"theme": "light", "unknown_thing": 3, "schema": 1, "practice_mode": True}
