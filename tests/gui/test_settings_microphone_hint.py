"""Settings › Microphone says when there is no microphone, and what to do (newcomer report,
session 19: the list just showed "System default"). Generated device lists: none at all (the
hint says so and to type meanwhile; the list says "None found"), some with the saved one
plugged in (no hint), some without it (the hint names it, it stays chosen, and OK keeps it)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from app.config import Settings
from app.ui import settings_dialog
from app.ui.microphone_row import NO_MICROPHONE, NOT_CONNECTED
from app.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.gui

NAMES = ("USB Mic", "Family 17h HD Audio Analog Stereo", "Headset <b>mic</b>", "Röde NT-USB")
LISTS = [NAMES[:n] for n in range(len(NAMES) + 1)]


@pytest.mark.parametrize("names", LISTS, ids=[f"{len(n)}-devices" for n in LISTS])
@pytest.mark.parametrize("saved", ["", "USB Mic", "Gone Mic"])
def test_the_microphone_row_says_what_is_there(
    qtbot: object,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    names: tuple[str, ...],
    saved: str,
) -> None:
    devices = [(f"id-{i}", n) for i, n in enumerate(names)]
    monkeypatch.setattr(settings_dialog, "_input_devices", lambda: devices)
    wanted = next((d for d, n in devices if n == saved), saved)  # saved by its id when listed
    settings = replace(Settings(), input_device=wanted, data_dir=tmp_path)
    dialog = SettingsDialog(settings, tmp_path / "config.toml")
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    hint = dialog.mic_hint
    shown = hint.isVisibleTo(dialog)
    listed = any(saved in (d, n) for d, n in devices)
    if not devices:
        assert shown
        assert hint.text() == NO_MICROPHONE
        assert "type your answers" in hint.text()
        assert dialog.device.itemText(0) == "None found"
    elif saved and not listed:
        assert shown
        assert hint.text() == NOT_CONNECTED.format(name=saved)
    else:
        assert not shown, hint.text()
    if saved:
        assert dialog.device.currentData() == wanted  # OK keeps the saved choice
        assert dialog.result_settings().input_device == wanted
