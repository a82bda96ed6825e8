"""The history screen with 3,000 and 10,000 sessions: from `window.show_history()` to painted.

For each size, seeds a temporary data dir as a history an older Frameshift wrote (schema 1:
finished sessions of ~10 turns with analysis metrics and no stored question counts), builds
the real window offscreen (which opens and migrates the store), then measures:

* `first_open`: the first `show_history()` to the table and the chart both painted, while the
  legacy rows still wait to be counted, and `first_open.counted_ms`, from the same call to the
  end of that one-time count (the chart then drawn with every count; the window stays
  responsive meanwhile: the longest gap between two event-loop turns is `longest_turn_ms`);
* `painted_ms`: RUNS more openings, the counts stored (what every later opening costs);
* `recount_ms`: in the same run, what the History did at every opening before the counts were
  stored (`bench/history.py: recount`, every session's question turns read and counted).

Prints one JSON object. Target: `painted_ms.median` under 300 ms at 10,000 sessions.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
from history import legacy_history, recount  # bench/history.py: the same histories
from PySide6.QtCore import QEvent, QObject

from app.bootstrap import build_window
from app.config import load_settings
from app.ui.app import ensure_qapp

SIZES = (3_000, 10_000)
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


def _stats(values: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(values), 1),
        "first": round(values[0], 1),
        "max": round(max(values), 1),
    }


def measure(folder: Path, sessions: int) -> dict[str, Any]:
    qapp = ensure_qapp()
    data = folder / str(sessions)
    data.mkdir()
    legacy, seed_ms = legacy_history(data, sessions)
    legacy.rename(data / "frameshift.db")
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

    def open_history() -> float:
        window.show_picker()
        qapp.processEvents()
        painted.seen.clear()
        start = time.perf_counter()
        window.show_history()
        deadline = start + 30
        while not all(id(w) in painted.seen for w in watched):
            qapp.processEvents()
            if time.perf_counter() > deadline:
                raise SystemExit("bench: the history screen never painted")
        return start

    start = open_history()
    first_ms = (time.perf_counter() - start) * 1000
    longest = 0.0
    last = time.perf_counter()
    while history.counting:
        qapp.processEvents()
        now = time.perf_counter()
        longest = max(longest, now - last)
        last = now
        if now > start + 120:
            raise SystemExit("bench: the legacy count never finished")
    counted_ms = (time.perf_counter() - start) * 1000
    charted = int((~np.isnan(history.chart.questions)).sum())
    runs = []
    for _ in range(RUNS):
        start = open_history()
        runs.append((time.perf_counter() - start) * 1000)
    assert window.store is not None
    recounts = []
    for _ in range(3):
        started = time.perf_counter()
        recount(window.store)
        recounts.append((time.perf_counter() - started) * 1000)
    result = {
        "sessions": sessions,
        "seed_ms": round(seed_ms),
        "first_open": {
            "painted_ms": round(first_ms, 1),
            "counted_ms": round(counted_ms, 1),
            "longest_turn_ms": round(longest * 1000, 1),
            "sessions_charted_with_a_count": charted,
        },
        "painted_ms": _stats(runs),
        "recount_ms": _stats(recounts),
        "rows_loaded": history.model.rowCount(),
        "sessions_counted": history.model.total,
        "chart_sessions": len(history.chart.share),
        "meets_target": statistics.median(runs) < TARGET_MS,
    }
    window.close()
    window.rehearsal.shutdown()
    window.store.close()
    return result


def main() -> None:
    load = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory() as tmp:
        sizes = {str(n): measure(Path(tmp), n) for n in SIZES}
    largest = sizes[str(max(SIZES))]
    print(
        json.dumps(
            {
                "bench": "history_gui",
                "turns_per_session": "about 10",
                "runs": RUNS,
                "show_history_to_painted_ms_median": largest["painted_ms"]["median"],
                "target_ms": TARGET_MS,
                "meets_target": largest["meets_target"],
                "sizes": sizes,
                "platform": os.environ["QT_QPA_PLATFORM"],
                "cpus": os.cpu_count(),
                "load_average_start": load,
                "load_average_end": [round(x, 2) for x in os.getloadavg()],
            }
        )
    )


if __name__ == "__main__":
    main()
