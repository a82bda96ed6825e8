"""The History with many cut-short sessions: from `window.show_history()` to painted.

A session the app closed mid-conversation (a crash: "interrupted") has no stored analysis, so
the History frames it from its turns when it lists it (`report.model.stored_verdict`: a store
read and `unfinished_analysis` per row). This seeds N such sessions of ~10 turns (their turns'
frames stored, as the app stores them; `--unframed` without, so the analyzer runs on each),
opens the real window offscreen and times RUNS openings of the History to the table
painted, for each N. The table loads a page of rows (`history_model.PAGE`) at a time, so
the cost should stop growing past one page. Prints one JSON object; target: under 1 s at 500.

    python bench/history_cut_short.py [--sizes 100,250,500,1000,2000] [--unframed]
"""

from __future__ import annotations

import argparse
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

from history_gui import _Painted  # bench/history_gui.py: the same paint watch

from app.bootstrap import build_window
from app.config import load_settings
from app.store import Store
from app.ui.app import ensure_qapp
from app.ui.history_model import PAGE

RUNS = 5
TARGET_MS = 1000.0
LINES = ("So, tell me about yourself.", "What brings you here today?", "Interesting, go on.")
ANSWERS = (
    "I'd love to hear how you got into this work.",
    "Are you hiring? I could start next month.",
    "What does a normal week look like for your team?",
)


def seed(path: Path, sessions: int, *, framed: bool) -> float:
    """`sessions` conversations left "active" (the store marks them interrupted on open)."""
    start = time.perf_counter()
    t0 = 1_700_000_000.0
    with Store(path) as store:
        for chunk in range(0, sessions, 500):
            with store.batch():
                for i in range(chunk, min(chunk + 500, sessions)):
                    began = t0 + i * 600
                    sid = store.create_session(
                        scenario_id="alumni-call",
                        scenario_title="A phone call with an alum",
                        persona="Kenji",
                        mode="typed",
                        started_at=began,
                    )
                    for idx in range(8 + i % 5):
                        seeker = idx % 2 == 1
                        store.add_turn(
                            sid,
                            idx=idx,
                            speaker="seeker" if seeker else "manager",
                            text=(ANSWERS if seeker else LINES)[(i + idx) % 3],
                            frame=("interview" if idx == 3 else "exploration") if framed else None,
                            score=0.4 if framed else None,
                            started_at=began + idx * 20,
                            ended_at=began + idx * 20 + 15,
                        )
    return (time.perf_counter() - start) * 1000


def measure(folder: Path, sessions: int, *, framed: bool) -> dict[str, Any]:
    qapp = ensure_qapp()
    data = folder / str(sessions)
    data.mkdir()
    seed_ms = seed(data / "frameshift.db", sessions, framed=framed)
    window = build_window(load_settings(overrides={"data_dir": data}, environ={}))
    window.resize(1000, 700)
    window.show()
    qapp.processEvents()
    history = window.history
    watched = [history.table.viewport()]  # no finished session: the chart is not shown
    painted = _Painted()
    for w in watched:
        w.installEventFilter(painted)
    runs = []
    for _ in range(RUNS):
        window.show_picker()
        qapp.processEvents()
        painted.seen.clear()
        start = time.perf_counter()
        window.show_history()
        while not all(id(w) in painted.seen for w in watched):
            qapp.processEvents()
            if time.perf_counter() > start + 60:
                raise SystemExit("bench: the history screen never painted")
        runs.append((time.perf_counter() - start) * 1000)
    assert window.store is not None
    result = {
        "sessions": sessions,
        "seed_ms": round(seed_ms),
        "painted_ms": {"median": round(statistics.median(runs), 1), "first": round(runs[0], 1)},
        "rows_loaded": history.model.rowCount(),
        "interrupted": sum(1 for s in window.store.sessions() if s.status == "interrupted"),
    }
    window.close()
    window.rehearsal.shutdown()
    window.store.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,250,500,1000,2000")
    parser.add_argument("--unframed", action="store_true", help="turns without stored frames")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        rows = [measure(Path(tmp), n, framed=not args.unframed) for n in sizes]
    at = {r["sessions"]: r["painted_ms"]["median"] for r in rows}
    print(
        json.dumps(
            {
                "bench": "history_cut_short",
                "framed_turns": not args.unframed,
                "page": PAGE,
                "runs": RUNS,
                "sizes": rows,
                "target_ms_at_500": TARGET_MS,
                "meets_target": at.get(500, 0.0) < TARGET_MS,
                "cpus": os.cpu_count(),
                "load_average": list(os.getloadavg()),
            }
        )
    )


if __name__ == "__main__":
    main()
