"""Framing analyzer benchmark: accuracy on the labelled corpus and speed, as one JSON object.

Run with `.venv/bin/python bench/framing.py` (or `make bench`). Targets: macro-F1 >= 0.90,
shift accuracy >= 0.90, under 1 ms per turn, and linear time (`linearity` near 1.0).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from itertools import cycle, islice
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from app.framing import Turn, analyze, analyze_answer  # noqa: E402
from app.framing.evaluation import (  # noqa: E402
    evaluate_answers,
    load_answers,
    load_conversations,
    shift_accuracy,
)

DATA = REPO / "tests" / "data" / "framing"
RUNS = 7


def _median_seconds(work: Callable[[], object], repeat: int = 1) -> float:
    """Median over RUNS of the time for one call of `work`, each run averaging `repeat` calls."""
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        for _ in range(repeat):
            work()
        times.append((time.perf_counter() - started) / repeat)
    return statistics.median(times)


def main() -> None:
    dev = load_answers(DATA / "answers.jsonl")
    holdout = load_answers(DATA / "answers_holdout.jsonl")
    conversations = load_conversations(DATA / "conversations.jsonl")
    dev_report, holdout_report = evaluate_answers(dev), evaluate_answers(holdout)

    corpus_turns: list[Turn] = [turn for c in conversations for turn in c.turns]
    totals_ms = {}
    for size in (10, 100, 1000):
        turns = list(islice(cycle(corpus_turns), size))
        repeat = 1000 // size
        totals_ms[size] = _median_seconds(lambda turns=turns: analyze(turns), repeat) * 1000
    per_answer_ms = (
        _median_seconds(lambda: [analyze_answer(i.manager, i.answer) for i in dev])
        * 1000
        / len(dev)
    )
    print(
        json.dumps(
            {
                "benchmark": "framing",
                "dev": {
                    "items": len(dev),
                    "accuracy": round(dev_report.accuracy, 4),
                    "macro_f1": round(dev_report.macro_f1, 4),
                    "cue_recall": round(dev_report.cue_recall, 4),
                },
                "holdout": {
                    "items": len(holdout),
                    "accuracy": round(holdout_report.accuracy, 4),
                    "macro_f1": round(holdout_report.macro_f1, 4),
                    "cue_recall": round(holdout_report.cue_recall, 4),
                },
                "shift_accuracy": round(shift_accuracy(conversations), 4),
                "conversations": len(conversations),
                "per_turn_ms": round(totals_ms[1000] / 1000, 4),
                "per_answer_ms": round(per_answer_ms, 4),
                "total_ms": {str(size): round(ms, 3) for size, ms in totals_ms.items()},
                "linearity": round(totals_ms[1000] / totals_ms[10] / 100, 3),
                "runs": RUNS,
                "targets": {"macro_f1": 0.90, "shift_accuracy": 0.90, "per_turn_ms": 1.0},
            }
        )
    )


if __name__ == "__main__":
    main()
