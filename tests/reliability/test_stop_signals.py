"""A stop from outside (SIGTERM, SIGHUP, SIGINT) ends Frameshift like a quit, not a kill.

Trial 11 (newcomer): a kiosk stopped with SIGTERM mid-visit left the visitor's database, with
their words, in its temp folder until the kiosk next started. Each case here starts the real app
in a child process (the CLI's own settings, the real window or kiosk shell), waits until it is
shown (and, in the kiosk, a visit is under way), sends the signal, and checks what is left.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.session.kiosk import VISIT_PREFIX
from app.ui.stop_signals import exit_code

REPO = Path(__file__).resolve().parents[2]

CHILD = r"""
import sys
from app.bootstrap import run
from app.cli.main import _settings, build_parser

args = build_parser().parse_args(sys.argv[1:])

from PySide6.QtCore import QTimer

def report(window, tries=200):
    if window.store is None and tries:  # the window opens its store after the first paint
        QTimer.singleShot(50, lambda: report(window, tries - 1))
    else:
        print("shown", window.store is not None, flush=True)

def shown(shell):
    if hasattr(shell, "start_visit"):  # the kiosk: a visitor arrives
        report(shell.start_visit())
    else:
        report(shell)

sys.exit(run(_settings(args), kiosk_demo=args.kiosk_demo, on_shown=shown))
"""


def _start(tmp_path: Path, kiosk: bool) -> subprocess.Popen[bytes]:
    argv = ["--no-voice", "--no-listen", "--data-dir", str(tmp_path / "data")]
    if kiosk:
        argv += ["--kiosk", "--kiosk-demo"]
    temp = tmp_path / "tmp"
    temp.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(temp),  # the kiosk's visit folders
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "FRAMESHIFT_CONFIG": str(tmp_path / "config" / "none.toml"),
    }
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, *argv],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _visits(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "tmp").glob(VISIT_PREFIX + "*"))


@pytest.mark.parametrize("kiosk", [True, False], ids=["kiosk", "window"])
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=str)
def test_a_stop_signal_quits_cleanly(tmp_path: Path, kiosk: bool, sig: signal.Signals) -> None:
    child = _start(tmp_path, kiosk)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        if not line.startswith(b"shown True"):
            child.kill()  # before reading its stderr, which stays open while it runs
            pytest.fail(f"not shown: {line!r} {child.communicate(timeout=30)[1][-2000:]!r}")
        if kiosk:
            visits = _visits(tmp_path)
            assert len(visits) == 1
            assert (visits[0] / "frameshift.db").exists()
        time.sleep(0.3)  # inside the event loop, idle
        child.send_signal(sig)
        _out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=10)
    assert child.returncode == exit_code(sig), err.decode(errors="replace")[-2000:]
    assert b"Traceback" not in err, err.decode(errors="replace")[-2000:]
    if kiosk:
        assert _visits(tmp_path) == []  # the visitor's words went with the visit
    else:
        data = tmp_path / "data"
        assert (data / "frameshift.db").exists()
        assert not (data / "frameshift.db-wal").exists()  # the store was closed, not dropped


def test_exit_codes_follow_the_shell() -> None:
    assert exit_code(signal.SIGTERM) == 0
    assert exit_code(signal.SIGINT) == 130
    assert exit_code(signal.SIGHUP) == 129
