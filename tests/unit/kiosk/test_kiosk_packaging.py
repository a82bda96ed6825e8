"""The shipped systemd unit and autostart file start the kiosk and restart it sensibly."""

from __future__ import annotations

import configparser
from pathlib import Path

from app.session.kiosk import EXIT_OPERATOR_QUIT

PACKAGING = Path(__file__).resolve().parents[3] / "packaging"


def _ini(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def test_systemd_unit_restarts_always_but_not_after_operator_quit() -> None:
    """Restart=always, --kiosk in ExecStart, and the quit / no-PIN statuses stop the loop."""
    unit = _ini(PACKAGING / "frameshift-kiosk.service")
    service = unit["Service"]
    assert service["Restart"] == "always"
    assert "--kiosk" in service["ExecStart"].split()
    assert "--kiosk-demo" not in service["ExecStart"]
    assert set(service["RestartPreventExitStatus"].split()) == {"2", str(EXIT_OPERATOR_QUIT)}
    assert unit["Install"]["WantedBy"] == "graphical-session.target"


def test_autostart_desktop_file_runs_the_kiosk() -> None:
    """The autostart entry is an Application that runs `frameshift --kiosk`."""
    entry = _ini(PACKAGING / "frameshift-kiosk.desktop")["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "frameshift --kiosk"
    assert entry["Terminal"] == "false"
