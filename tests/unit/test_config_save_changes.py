"""Trial 8 H28: saving Settings (only "Practice mode" changed) wrote this run's --no-voice,
--no-listen and FRAMESHIFT_DATA_DIR into config.toml, so every later plain start was silent,
deaf and in another data folder. Now only what the user changed in the dialog is saved.
Generated: random flags and environment for the run x random changes in the dialog; the file
afterwards holds exactly its old settings plus the changed ones (comments, unknown keys kept)."""

from __future__ import annotations

import random
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from app.config import load_settings, save_changes

#: What the Settings dialog can change, each with a value different from the default.
DIALOG: dict[str, object] = {
    "voice": False,
    "listen": False,
    "push_to_talk": True,
    "volume": 0.5,
    "rate": 1.2,
    "theme": "high_contrast",
    "font_scale": 1.5,
    "practice_mode": True,
}
FLAGS: dict[str, object] = {"voice": False, "listen": False, "theme": "dark", "font_scale": 1.3}
FILE = '# my comment\ntheme = "light"\nunknown_thing = 3\nschema = 1\n'


@pytest.mark.parametrize("seed", range(60))
def test_only_what_the_user_changed_is_saved(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    cfg = tmp_path / "config.toml"
    cfg.write_text(FILE)
    flags = {k: v for k, v in FLAGS.items() if rng.random() < 0.5}
    environ = {"FRAMESHIFT_DATA_DIR": str(tmp_path / "elsewhere")} if rng.random() < 0.7 else {}
    opened = load_settings(cfg, environ=environ, overrides=flags).settings
    changed = {k: v for k, v in DIALOG.items() if rng.random() < 0.3 and getattr(opened, k) != v}
    save_changes(cfg, opened, replace(opened, **changed))
    text = cfg.read_text()
    assert "# my comment" in text
    assert "unknown_thing = 3" in text
    saved = tomllib.loads(text)
    want = {"theme": "light", "unknown_thing": 3, "schema": 1, **changed}
    assert saved == pytest.approx(want), (flags, environ, changed)
