"""Trial 8 H18 + H34: "Save transcript…" and "Export…" opened in the working directory (the
repo the app was started from): Qt named ~/Documents, which did not exist, and its dialog fell
back to the cwd. Both dialogs x each home layout: the suggested file sits in a folder that
exists, Documents when there is one, else home, never the working directory."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from app.ui.replay.export_dialog import choose_export_path as choose_export
from app.ui.unsaved_dialog import choose_export_path as choose_transcript

pytestmark = pytest.mark.gui

SESSION = SimpleNamespace(
    id=7, scenario_id="connector-intro", scenario_title="Connector", started_at=1_764_662_400.0
)
DIALOGS: dict[str, Callable[[QWidget], object]] = {
    "save transcript": lambda w: choose_transcript(
        w,
        SimpleNamespace(scenario=SimpleNamespace(id="connector-intro")),  # type: ignore[arg-type]
    ),
    "export": lambda w: choose_export(w, SESSION),  # type: ignore[arg-type]
}
LAYOUTS = ["documents", "no-documents", "documents-is-a-file"]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("dialog", sorted(DIALOGS))
def test_a_save_dialog_opens_in_documents_or_home_never_the_cwd(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dialog: str,
    layout: str,
) -> None:
    home, cwd = tmp_path / "home", tmp_path / "project"
    home.mkdir()
    cwd.mkdir()
    if layout == "documents":
        (home / "Documents").mkdir()
    elif layout == "documents-is-a-file":
        (home / "Documents").write_text("x")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(cwd)
    asked: list[str] = []

    def record(_parent: object, _title: str, where: str, _filters: str) -> tuple[str, str]:
        asked.append(where)
        return "", ""  # cancelled

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(record))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert DIALOGS[dialog](parent) is None
    folder = Path(asked[0]).parent
    assert folder.is_dir(), folder
    assert folder == (home / "Documents" if layout == "documents" else home)
    assert Path(os.getcwd()) != folder
