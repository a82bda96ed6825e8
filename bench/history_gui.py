"""The history screen with 10,000 sessions: from `window.show_history()` to the screen painted.

Seeds a temporary data dir through the Store API (10,000 finished sessions of ~10 turns, with
analysis metrics), builds the real window offscreen, then measures several times the time from
calling `show_history()` to the history table and the progress chart both having painted.
Prints one JSON object. Target: median under 300 ms.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from history import seed_history  # bench/history.py: the same 10,000-session history
from PySide6.QtCore import QEvent, QObject

from app.bootstrap import build_window
from app.config import load_settings
from app.ui.app import ensure_qapp

SESSIONS = 10_000
RUNS = 7
TARGET_MS = 300.0


class _Painted(QObject):
    """Remembers which watched widgets have received a Paint event."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[int] = set()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen.add(id(obj))
        return False


def main() -> None:
    qapp = ensure_qapp()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        seed_ms = seed_history(data / "frameshift.db")
        loaded = load_settings(overrides={"data_dir": data}, environ={})
        window = build_window(loaded)
        window.resize(1000, 700)
        window.show()
        qapp.processEvents()
        history = window.history
        watched = [history.chart, history.table.viewport()]
        painted = _Painted()
        for w in watched:
            w.installEventFilter(painted)
        runs: list[float] = []
        for _ in range(RUNS):
            window.show_picker()
            qapp.processEvents()
            painted.seen.clear()
            start = time.perf_counter()
            window.show_history()
            deadline = start + 10
            while not all(id(w) in painted.seen for w in watched):
                qapp.processEvents()
                if time.perf_counter() > deadline:
                    raise SystemExit("bench: the history screen never painted")
            runs.append((time.perf_counter() - start) * 1000)
        rows = history.model.rowCount()
        total = history.model.total
        chart_points = len(history.chart.share)
        assert window.store is not None
        progress_start = time.perf_counter()
        window.store.progress()
        progress_ms = (time.perf_counter() - progress_start) * 1000
        window.close()
        window.rehearsal.shutdown()
        window.store.close()
    median = statistics.median(runs)
    print(
        json.dumps(
            {
                "bench": "history_gui",
                "sessions": SESSIONS,
                "turns_per_session": "about 10",
                "seed_ms": round(seed_ms),
                "runs": RUNS,
                "show_history_to_painted_ms_median": round(median, 1),
                "show_history_to_painted_ms_first": round(runs[0], 1),
                "show_history_to_painted_ms_max": round(max(runs), 1),
                "store_progress_ms": round(progress_ms, 1),
                "rows_loaded": rows,
                "sessions_counted": total,
                "chart_sessions": chart_points,
                "target_ms": TARGET_MS,
                "meets_target": median < TARGET_MS,
                "platform": os.environ["QT_QPA_PLATFORM"],
                "cpus": os.cpu_count(),
            }
        )
    )


if __name__ == "__main__":
    main()
