"""Many rehearsals in one process through the real window: does anything pile up?

Plays scripted sessions back to back in one MainWindow (like a kiosk that never restarts),
with the fake voice, microphone and recognizer from app.speech.fakes, through the same driver the
``frameshift_app`` fixture uses. Prints ONE JSON object: resident memory after the warm-up and
at the end, open file descriptors and OS threads before and after, and the time per session.

    python bench/load.py [SESSIONS]     # default 1,000 (50 of them warm-up)

The history growing to 10,000 sessions is measured separately by bench/history.py (store) and
bench/history_gui.py (the history screen).
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psutil
from PySide6.QtCore import QCoreApplication, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from app.testing.driver import EventLoopBot, FrameshiftDriver, make_driver

SESSIONS = 1_000
WARMUP = 50
SCENARIOS = ("coffee-referral", "connector-intro", "alumni-call", "career-fair-booth")
ANSWERS = (
    "Thanks for making time, how did you get into this work?",
    "What surprised you most about it?",
    "Yes!",
    "Who else do you think I should talk to?",
    "I have five years of experience leading projects like this",
    "What advice would you give someone in my position?",
)
MAX_ANSWERS = 8


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else -1


def snapshot(proc: psutil.Process) -> dict[str, int]:
    gc.collect()
    QCoreApplication.processEvents()
    return {
        "rss_bytes": proc.memory_info().rss,
        "fds": open_fds(),
        "os_threads": proc.num_threads(),
        "python_threads": threading.active_count(),
    }


def play_one(app: FrameshiftDriver, n: int) -> int:
    """One whole rehearsal, spoken answers through the scripted microphone; the session id."""
    app.start(SCENARIOS[n % len(SCENARIOS)])
    conv = app.window.rehearsal.conversation
    for i in range(MAX_ANSWERS):
        if conv is None or conv.finished:
            break
        app.answer(ANSWERS[(n + i) % len(ANSWERS)])
    sid = app.finish()
    # The fakes record every call for tests to inspect (the recognizer keeps each answer's PCM,
    # about 0.5 MB a session); a long run forgets them so only the app's own memory is measured.
    app.recognizer.calls.clear()
    app.voice.lines.clear()
    if app.player is not None:
        app.player.played.clear()
    return sid


def run(sessions: int, warmup: int, data_dir: Path, bot: Any = None) -> dict[str, Any]:
    """Play ``sessions`` rehearsals in one window; the figures as a dict."""
    proc = psutil.Process()
    app = make_driver(bot or EventLoopBot(), data_dir)
    try:
        before = snapshot(proc)
        times: list[float] = []
        warm: dict[str, int] = before
        ids: set[int] = set()
        for n in range(sessions):
            started = time.perf_counter()
            ids.add(play_one(app, n))
            times.append(time.perf_counter() - started)
            if n + 1 == warmup:
                warm = snapshot(proc)
        after = snapshot(proc)
        store = app.window.store
        saved = store.count_sessions() if store is not None else 0
    finally:
        app.close()
    QCoreApplication.processEvents()
    closed = snapshot(proc)
    measured = times[warmup:] or times
    return {
        "sessions": sessions,
        "warmup_sessions": warmup,
        "sessions_saved": saved,
        "distinct_session_ids": len(ids),
        "rss_mb_before": round(before["rss_bytes"] / 2**20, 1),
        "rss_mb_after_warmup": round(warm["rss_bytes"] / 2**20, 1),
        "rss_mb_end": round(after["rss_bytes"] / 2**20, 1),
        "rss_growth_mb_after_warmup": round((after["rss_bytes"] - warm["rss_bytes"]) / 2**20, 1),
        "fds_before": before["fds"],
        "fds_after_warmup": warm["fds"],
        "fds_end": after["fds"],
        "fds_after_close": closed["fds"],
        "os_threads_before": before["os_threads"],
        "os_threads_after_warmup": warm["os_threads"],
        "os_threads_end": after["os_threads"],
        "python_threads_before": before["python_threads"],
        "python_threads_end": after["python_threads"],
        "ms_per_session_median": round(statistics.median(measured) * 1000, 1),
        "ms_per_session_p95": round(
            sorted(measured)[max(0, int(len(measured) * 0.95) - 1)] * 1000, 1
        ),
        "seconds_total": round(sum(times), 1),
    }


def _quiet_offscreen(mode: QtMsgType, _context: Any, message: str) -> None:
    """Drop the offscreen platform's harmless size-hint note (pyproject ignores it too)."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def main() -> None:
    qInstallMessageHandler(_quiet_offscreen)
    sessions = int(sys.argv[1]) if len(sys.argv) > 1 else SESSIONS
    warmup = min(WARMUP, max(1, sessions // 10))
    qapp = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="frameshift-load-") as tmp:
        figures = run(sessions, warmup, Path(tmp) / "data")
    del qapp
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
