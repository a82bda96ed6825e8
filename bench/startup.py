"""Start-up time: process start → window painted, against a bare PySide6 window in the same run.

Each run is a fresh Python process (interpreter start and imports included, timed from the
moment the parent launches it), offscreen, on an empty data dir. Three probes, interleaved so
machine load affects them alike:

- ``bare``: a QApplication and an empty QMainWindow of the same size, nothing else;
- ``captions``: Frameshift through :mod:`app.bootstrap` (the one start-up path), first paint,
  then the store and scenarios attached and the first line on screen;
- ``voice``: the same with the real speech services built after the first paint (as
  ``frameshift`` does), up to the first manager audio playing.

Prints one JSON object. Target (issue 11): Frameshift's first paint within 2× the bare window's.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = int(os.environ.get("STARTUP_RUNS", "5"))

BARE = r"""
import json, sys, time
t0 = float(sys.argv[3])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
qapp = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(980, 700)
marks = {}

class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and "shown" not in marks:
            marks["shown"] = time.time() - t0
            print(json.dumps(marks), flush=True)
            QTimer.singleShot(0, qapp.quit)
        return False

f = Painted()
window.installEventFilter(f)
window.show()
qapp.exec()
"""

APP = r"""
import json, sys, time
t0 = float(sys.argv[3])  # wall clock when the parent launched this process
from PySide6.QtCore import QEvent, QObject, QTimer
from app.bootstrap import build_speech, build_window
from app.config import load_settings
from app.ui.app import after_first_paint

voice = sys.argv[2] == "1"
marks = {}
loaded = load_settings(overrides={"data_dir": sys.argv[1], "voice": voice})
window = build_window(loaded, deferred=True)
qapp = __import__("PySide6.QtWidgets", fromlist=["QApplication"]).QApplication.instance()
marks["modules"] = len(sys.modules)
services = []

class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and "shown" not in marks:
            marks["shown"] = time.time() - t0
            marks["modules_at_paint"] = len(sys.modules)
        return False

def on_attached():
    marks.setdefault("attached", time.time() - t0)
    if voice:
        speech, _ = build_speech(loaded.settings)
        services.append(speech)
        window.attach_speech(speech)
        speech.player.started.connect(on_audio)
    window.rehearsal.manager_line_shown.connect(on_line)
    marks["start_clicked"] = time.time() - t0
    window.picker.start_button.click()

def on_line(_i, _text):
    marks.setdefault("first_line", time.time() - t0)
    if not voice:
        finish()

def on_audio():
    marks.setdefault("first_audio", time.time() - t0)
    finish()

def finish():
    if marks.get("done"):
        return
    marks["done"] = 1
    print(json.dumps(marks), flush=True)
    window.rehearsal.shutdown()
    for s in services:
        s.stop()
    qapp.quit()

f = Painted()
window.installEventFilter(f)
window.attached.connect(lambda: QTimer.singleShot(0, on_attached))
window.show()
QTimer.singleShot(30000, finish)
qapp.exec()
"""


FAILED: list[str] = []


def _run(probe: str, voice: bool = False) -> dict[str, float]:
    """One probe in a fresh process; a run that crashes is counted (``failed_runs``), not timed."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as data:
        out = subprocess.run(
            [sys.executable, "-c", probe, data, "1" if voice else "0", repr(time.time())],
            capture_output=True,
            text=True,
            env=env,
            cwd=Path(__file__).resolve().parents[1],
            timeout=120,
            check=False,
        )
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0:
        FAILED.append(f"exit {out.returncode}: {out.stderr.strip().splitlines()[-1:]}")
    return json.loads(lines[-1]) if lines else {}


def main() -> None:
    result: dict[str, object] = {"benchmark": "startup", "runs": RUNS, "target_ratio": 2.0}
    runs: dict[str, list[dict[str, float]]] = {"bare": [], "captions": [], "voice": []}
    for _ in range(RUNS):  # interleaved, so load affects every probe alike
        runs["bare"].append(_run(BARE))
        runs["captions"].append(_run(APP))
        runs["voice"].append(_run(APP, voice=True))
    for label, done in runs.items():
        for key in ("shown", "attached", "first_line", "first_audio"):
            values = [r[key] for r in done if key in r]
            if values:
                result[f"{label}_{key}_s_median"] = round(statistics.median(values), 3)
                result[f"{label}_{key}_s_max"] = round(max(values), 3)
    modules = [r["modules_at_paint"] for r in runs["captions"] if "modules_at_paint" in r]
    if modules:
        result["modules_imported_at_first_paint"] = int(statistics.median(modules))
    bare = result.get("bare_shown_s_median")
    shown = result.get("captions_shown_s_median")
    if isinstance(bare, float) and isinstance(shown, float) and bare > 0:
        result["first_paint_ratio_to_bare"] = round(shown / bare, 2)
        result["target_met"] = shown / bare <= 2.0
    result["failed_runs"] = FAILED
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
