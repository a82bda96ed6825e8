"""Start-up time: process start → window painted, and → first manager line on screen.

Each run is a fresh Python process (interpreter start and imports included, timed from the
moment the parent launches it), offscreen, on an empty data dir, with the
real speech services started in the background exactly as `frameshift` does. Prints one JSON
object. Target: window shown in under 1 s on a 2-core machine.
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

RUNS = 5

PROBE = r"""
import json, os, sys, time
t0 = float(sys.argv[3])  # wall clock when the parent launched this process
from PySide6.QtCore import QEvent, QObject, QTimer
from app.config import load_settings
from app.ui.app import create_window, create_speech_services, ensure_qapp

marks = {}
qapp = ensure_qapp()
loaded = load_settings(overrides={"data_dir": sys.argv[1], "voice": sys.argv[2] == "1"})
from app.session import SpeechServices  # light: the Qt controller loads on first use
speech = SpeechServices()
window = create_window(loaded, speech=speech, deferred=True)
window.attached.connect(lambda: marks.setdefault("attached", time.time() - t0))

class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and "shown" not in marks:
            marks["shown"] = time.time() - t0
            window.attached.connect(lambda: QTimer.singleShot(0, after_paint))
        return False

def after_paint():
    if sys.argv[2] == "1":
        services, _ = create_speech_services(loaded.settings)
        speech.worker, speech.player, speech.microphone = (
            services.worker, services.player, services.microphone)
    window.rehearsal.manager_line_shown.connect(on_line)
    if speech.player is not None:
        speech.player.started.connect(on_audio)
    marks["start_clicked"] = time.time() - t0
    window.picker.start_button.click()

def on_line(_i, _text):
    marks.setdefault("first_line", time.time() - t0)
    if sys.argv[2] != "1":
        finish()

def on_audio():
    marks.setdefault("first_audio", time.time() - t0)
    finish()

def finish():
    if marks.get("done"):
        return
    marks["done"] = 1
    print(json.dumps(marks))
    window.rehearsal.shutdown()
    if speech.worker is not None:
        speech.worker.stop()
    qapp.quit()

f = Painted()
window.installEventFilter(f)
window.show()
QTimer.singleShot(30000, finish)
qapp.exec()
"""


def _run(voice: bool) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as data:
        out = subprocess.run(
            [sys.executable, "-c", PROBE, data, "1" if voice else "0", repr(time.time())],
            capture_output=True,
            text=True,
            env=env,
            cwd=Path(__file__).resolve().parents[1],
            timeout=120,
            check=True,
        )
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else {}


def main() -> None:
    result: dict[str, object] = {"benchmark": "startup", "runs": RUNS, "target_window_s": 1.0}
    for label, voice in (("captions", False), ("voice", True)):
        runs = [_run(voice) for _ in range(RUNS)]
        for key in ("shown", "attached", "first_line", "first_audio"):
            values = [r[key] for r in runs if key in r]
            if values:
                result[f"{label}_{key}_s_median"] = round(statistics.median(values), 3)
                result[f"{label}_{key}_s_max"] = round(max(values), 3)
    shown = result.get("captions_shown_s_median")
    result["window_target_met"] = isinstance(shown, float) and shown < 1.0
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
