"""How fast the history screen opens on a large history: 3,000 and 10,000 sessions of ~10 turns.

Prints one JSON object: the figures in milliseconds and the target (opening the history, i.e.
opening the store, counting, reading the first page of 200 and the chart's rows with their
curious-question counts, under 300 ms at 10,000 sessions).

Each size is seeded as a history an older Frameshift wrote (schema 1, no stored counts), then:
`migrate_ms` opens it (migration 2: the count column and the chart's index);
`questions.recount_ms` is what the History did at EVERY opening before the counts were stored
(every session's question turns read and counted, `count_questions`), measured in the same run
as `questions.backfill_ms`, the one-time count of the legacy rows after the first paint
(`Backfill`, stored), and `questions.stored_read_ms`, the chart's rows read with their stored
counts afterwards. `history_open_ms` is the whole opening as it is now (stored counts),
`history_open_recount_ms` the same with the old recount in place of the stored read.
"""

from __future__ import annotations

import json
import os
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

from app.report.questions import Backfill, count_questions, curious_in, with_counts
from app.store import Store
from tests.legacy_history import as_version_1

SESSIONS = 10_000
SIZES = (3_000, 10_000)
RECOUNT_REPEATS = 3
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


def seed_history(path: Path, sessions: int = SESSIONS, *, counted: bool = True) -> float:
    """Fill a store with `sessions` sessions, 90% finished (also used by bench/history_gui.py);
    `counted` False saves them without their question counts, as a legacy history's rows are
    after migration. Returns the milliseconds it took."""
    rng = random.Random(7)
    start = time.perf_counter()
    t0 = 1_700_000_000.0
    with Store(path) as store:
        for chunk in range(0, sessions, 500):
            with store.batch():
                for i in range(chunk, min(chunk + 500, sessions)):
                    began = t0 + i * 600
                    sid = store.create_session(
                        scenario_id=f"scenario-{i % 6}",
                        scenario_title="Coffee with a hiring manager",
                        persona="Dana",
                        mode=rng.choice(["typed", "voice", "kiosk"]),
                        started_at=began,
                    )
                    n = TURNS_PER_SESSION + rng.randint(-2, 2)
                    texts = {}
                    for idx in range(n):
                        seeker = idx % 2 == 1
                        texts[idx] = (
                            rng.choice(ANSWERS) if seeker else "So, tell me about yourself."
                        )
                        store.add_turn(
                            sid,
                            idx=idx,
                            speaker="seeker" if seeker else "manager",
                            text=texts[idx],
                            node_id=f"n{idx}",
                            frame="exploration" if seeker else None,
                            score=0.4 if seeker else None,
                            cues=[{"cue": "seeker_question", "text": "what", "start": 0, "end": 4}]
                            if seeker
                            else (),
                            started_at=began + idx * 20,
                            ended_at=began + idx * 20 + 15,
                            audio_path=f"audio/{sid}/{idx:03d}-seeker.wav" if seeker else None,
                            recognizer_ms=480.0 if seeker else None,
                        )
                    analysis = _analysis(rng, n)
                    store.finish_session(
                        sid,
                        status="finished" if rng.random() < 0.9 else "incomplete",
                        ended_at=began + n * 20,
                        outcome_id="coffee",
                        outcome_label="Invited back for coffee",
                        outcome_kind="good",
                        analysis=analysis,
                        curious_questions=curious_in(analysis, texts) if counted else None,
                    )
    return (time.perf_counter() - start) * 1000


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def recount(store: Store) -> list[dict[str, Any]]:
    """The History's chart rows as it made them at every opening before the counts were
    stored: every finished session's question turns read and counted."""
    rows = store.progress()
    asked = store.question_turns()
    for row in rows:
        turns = asked.get(row["id"], ())
        row["seeker_questions"] = count_questions(
            ((index, "seeker", text, cues) for index, text, cues in turns), follow_ups=False
        ).curious
    return rows


def legacy_history(folder: Path, sessions: int) -> tuple[Path, float]:
    """A schema-1 file of `sessions` sessions (no stored counts) and its seeding time."""
    made = folder / f"made-{sessions}.db"
    seed_ms = seed_history(made, sessions, counted=False)
    path = folder / f"legacy-{sessions}.db"
    as_version_1(made, path)
    made.unlink()
    return path, seed_ms


def measure(folder: Path, sessions: int) -> dict[str, Any]:
    path, seed_ms = legacy_history(folder, sessions)
    start = time.perf_counter()
    store = Store(path)  # migration 2
    migrate_ms = (time.perf_counter() - start) * 1000
    recounts = [_ms(partial(recount, store)) for _ in range(RECOUNT_REPEATS)]
    start = time.perf_counter()
    backfill = Backfill(store)
    while not backfill.done:
        backfill.step(25)  # the History's slice
    backfill_ms = (time.perf_counter() - start) * 1000
    counted = len(backfill.counted)
    if backfill.problem is not None:
        raise SystemExit(f"bench: counts not stored: {backfill.problem.message}")
    before = recount(store)
    after = with_counts(store.progress(), {})
    if [r["seeker_questions"] for r in before] != [r["seeker_questions"] for r in after]:
        raise SystemExit("bench: the stored counts differ from the recount")
    store.close()

    opens, pages, counts, progresses, history_opens, recount_opens = [], [], [], [], [], []
    for _ in range(REPEATS):
        start = time.perf_counter()
        store = Store(path)
        opens.append((time.perf_counter() - start) * 1000)
        count = store.count_sessions()
        first = store.sessions(limit=PAGE)
        rows = store.progress()  # the chart's rows, as the History reads them
        Backfill(store, rows).step(5)  # nothing left to count
        with_counts(rows, {})
        history_opens.append((time.perf_counter() - start) * 1000)
        pages.append(_ms(partial(store.sessions, limit=PAGE)))
        counts.append(_ms(store.count_sessions))
        progresses.append(_ms(store.progress))
        store.close()
    for _ in range(RECOUNT_REPEATS):
        start = time.perf_counter()
        store = Store(path)
        store.count_sessions()
        store.sessions(limit=PAGE)
        recount(store)
        recount_opens.append((time.perf_counter() - start) * 1000)
        store.close()
    if count != sessions or len(first) != PAGE:
        raise SystemExit(f"bench: expected {sessions} sessions, found {count}")
    history_open_ms = statistics.median(history_opens)
    return {
        "sessions": sessions,
        "db_mb": round(path.stat().st_size / 1e6, 1),
        "seed_ms": round(seed_ms),
        "migrate_ms": round(migrate_ms, 1),
        "questions": {
            "sessions_counted": counted,
            "recount_ms": round(statistics.median(recounts), 1),
            "backfill_ms": round(backfill_ms, 1),
            "stored_read_ms": round(statistics.median(progresses), 2),
        },
        "open_store_ms": round(statistics.median(opens), 2),
        "sessions_limit_200_ms": round(statistics.median(pages), 2),
        "count_sessions_ms": round(statistics.median(counts), 2),
        "history_open_ms": round(history_open_ms, 2),
        "first_history_open_ms": round(history_opens[0], 2),
        "history_open_recount_ms": round(statistics.median(recount_opens), 1),
        "meets_target": history_open_ms < TARGET_MS,
    }


def main() -> None:
    load = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory() as tmp:
        sizes = {str(n): measure(Path(tmp), n) for n in SIZES}
    largest = sizes[str(max(SIZES))]
    print(
        json.dumps(
            {
                "bench": "history",
                "turns_per_session": TURNS_PER_SESSION,
                "target_history_open_ms": TARGET_MS,
                "history_open_ms": largest["history_open_ms"],
                "meets_target": largest["meets_target"],
                "sizes": sizes,
                "repeats": REPEATS,
                "recount_repeats": RECOUNT_REPEATS,
                "load_average_start": load,
                "load_average_end": [round(x, 2) for x in os.getloadavg()],
            }
        )
    )


if __name__ == "__main__":
    main()
