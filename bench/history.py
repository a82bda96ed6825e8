"""How fast the history screen opens on a large history: 10,000 sessions of ~10 turns each.

Prints one JSON object: the figures in milliseconds and the target (opening the history, i.e.
opening the store, counting and reading the first page of 200, under 300 ms).
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.store import Store

SESSIONS = 10_000
TURNS_PER_SESSION = 10
PAGE = 200
TARGET_MS = 300.0
REPEATS = 5

ANSWERS = [
    "what does a good first year look like on your team",
    "yes I am very interested in the position",
    "I have five years of experience leading projects like this",
    "how did you end up in this role",
    "honestly I am not sure yet whether it is the right fit",
]


def _analysis(rng: random.Random, n_turns: int) -> dict[str, Any]:
    turns = [
        {
            "index": i,
            "speaker": "manager" if i % 2 == 0 else "seeker",
            "frame": rng.choice(["exploration", "interview", "neutral"]),
            "score": round(rng.uniform(-1, 1), 3),
            "cues": [{"cue": "seeker_question", "text": "what does", "start": 0, "end": 9}],
        }
        for i in range(n_turns)
    ]
    shifted = rng.random() < 0.4
    return {
        "turns": turns,
        "shift": {"turn": 3, "cue": "commitment", "explanation": "Said yes early."}
        if shifted
        else None,
        "metrics": {
            "questions": {"seeker": {"count": rng.randint(0, 5), "turns": []}},
            "seeker_talk_share": rng.random(),
        },
    }


def seed_history(path: Path) -> float:
    """Fill a store with SESSIONS finished sessions (also used by bench/history_gui.py)."""
    rng = random.Random(7)
    start = time.perf_counter()
    t0 = 1_700_000_000.0
    with Store(path) as store:
        for chunk in range(0, SESSIONS, 500):
            with store.batch():
                for i in range(chunk, chunk + 500):
                    began = t0 + i * 600
                    sid = store.create_session(
                        scenario_id=f"scenario-{i % 6}",
                        scenario_title="Coffee with a hiring manager",
                        persona="Dana",
                        mode=rng.choice(["typed", "voice", "kiosk"]),
                        started_at=began,
                    )
                    n = TURNS_PER_SESSION + rng.randint(-2, 2)
                    for idx in range(n):
                        seeker = idx % 2 == 1
                        store.add_turn(
                            sid,
                            idx=idx,
                            speaker="seeker" if seeker else "manager",
                            text=rng.choice(ANSWERS) if seeker else "So, tell me about yourself.",
                            node_id=f"n{idx}",
                            frame="exploration" if seeker else None,
                            score=0.4 if seeker else None,
                            cues=[{"cue": "seeker_question", "text": "what", "start": 0, "end": 4}]
                            if seeker
                            else (),
                            started_at=began + idx * 20,
                            ended_at=began + idx * 20 + 15,
                            audio_path=f"audio/{sid}/{idx}.wav" if seeker else None,
                            recognizer_ms=480.0 if seeker else None,
                        )
                    store.finish_session(
                        sid,
                        status="finished" if rng.random() < 0.9 else "incomplete",
                        ended_at=began + n * 20,
                        outcome_id="coffee",
                        outcome_label="Invited back for coffee",
                        outcome_kind="good",
                        analysis=_analysis(rng, n),
                    )
    return (time.perf_counter() - start) * 1000


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "frameshift.db"
        seed_ms = seed_history(path)

        opens, pages, counts, progresses, history_opens = [], [], [], [], []
        for _ in range(REPEATS):
            start = time.perf_counter()
            store = Store(path)
            opens.append((time.perf_counter() - start) * 1000)
            count = store.count_sessions()
            first = store.sessions(limit=PAGE)
            history_opens.append((time.perf_counter() - start) * 1000)
            pages.append(_ms(partial(store.sessions, limit=PAGE)))
            counts.append(_ms(store.count_sessions))
            progresses.append(_ms(store.progress))
            store.close()
        if count != SESSIONS or len(first) != PAGE:
            raise SystemExit(f"bench: expected {SESSIONS} sessions, found {count}")

        history_open_ms = statistics.median(history_opens)
        print(
            json.dumps(
                {
                    "bench": "history",
                    "sessions": SESSIONS,
                    "turns_per_session": TURNS_PER_SESSION,
                    "db_mb": round(path.stat().st_size / 1e6, 1),
                    "seed_ms": round(seed_ms),
                    "open_store_ms": round(statistics.median(opens), 2),
                    "sessions_limit_200_ms": round(statistics.median(pages), 2),
                    "count_sessions_ms": round(statistics.median(counts), 2),
                    "progress_ms": round(statistics.median(progresses), 2),
                    "history_open_ms": round(history_open_ms, 2),
                    "first_history_open_ms": round(history_opens[0], 2),
                    "target_history_open_ms": TARGET_MS,
                    "meets_target": history_open_ms < TARGET_MS,
                    "repeats": REPEATS,
                }
            )
        )


if __name__ == "__main__":
    main()
