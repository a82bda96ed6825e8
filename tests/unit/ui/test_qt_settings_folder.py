"""Qt's own settings file (the file dialog's history, QtProject.conf) lives in Frameshift's config
folder, not in ~/.config: README "Where your data lives" promises nothing is written outside the
four folders. Found by a newcomer in session 19 (~/.config/QtProject.conf after an export)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.ui.app import keep_qt_settings_in

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("name", ["QtProject", "Frameshift", "anything"])
def test_qt_settings_are_written_in_the_given_folder(
    qapp: object, tmp_path: Path, name: str
) -> None:
    folder = tmp_path / "config" / "frameshift"
    keep_qt_settings_in(folder)
    settings = QSettings(QSettings.Scope.UserScope, name)
    settings.setValue("history", ["file:///tmp"])
    settings.sync()
    assert settings.status() == QSettings.Status.NoError
    written = Path(settings.fileName())
    assert written.is_file()
    assert folder in written.parents


def test_the_app_keeps_them_in_its_config_folder(tmp_path: Path) -> None:
    """`ensure_qapp`, which every window and the kiosk start through, sets the folder."""
    import os
    import subprocess
    import sys

    code = (
        "from app.ui.app import ensure_qapp; ensure_qapp();"
        "from PySide6.QtCore import QSettings;"
        "print(QSettings(QSettings.Scope.UserScope, 'QtProject').fileName())"
    )
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "xdg"), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    written = Path(out.stdout.strip().splitlines()[-1])
    assert tmp_path / "xdg" / "frameshift" in written.parents, written
