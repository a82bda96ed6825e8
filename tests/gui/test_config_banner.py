"""Trial 8 H27: a bad value in config.toml kept the desktop window from opening at all. Now it
opens on the defaults for the bad settings, and the picker's start-up notice names every one.
A real window from the real start-up path (`bootstrap.build_window`) over a real config file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.bootstrap import build_window
from app.config import Settings, load_settings

pytestmark = pytest.mark.gui

BAD = 'theme = "purple"\nfont_scale = 9\nvolume = "loud"\nbogus_key = 1\npractice_mode = true\n'


def test_the_window_opens_and_names_every_bad_setting(qtbot: QtBot, tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(BAD + f'data_dir = "{tmp_path / "data"}"\n')
    loaded = load_settings(cfg, environ={}, lenient=True)
    window = build_window(loaded)
    qtbot.addWidget(window)
    window.show()
    notice = window.picker.notice
    qtbot.waitUntil(notice.isVisible, timeout=10_000)
    text = notice.text()
    for words in ("theme: 'purple'", "font_scale: 9", "volume: 'loud'", "'bogus_key'"):
        assert words in text, text
    assert text.startswith("3 setting problems")
    assert window.settings.theme == Settings().theme
    assert window.settings.practice_mode is True  # the good settings still hold
    window.close()
