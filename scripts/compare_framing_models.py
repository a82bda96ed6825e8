"""Compare framing model builds on the dev split only (the writers' held-out fifths).

    .venv/bin/python scripts/compare_framing_models.py DIR [DIR ...] [--reading H,T]

Each DIR holds a full set of model files (`scripts/build_framing_model.py --out DIR` then
`scripts/train_framing_heads.py --dir DIR`); `shipped` names app/framing/model_files. Prints, per
build, the hybrid's macro-F1 on the writers' held-out fifths (`"split": "holdout"` of every
writer-*.jsonl: never trained on, the split choices are made on), per writer, and on their
recognizer-style copy, with the model path's time on them. It never reads the team's held-out
set or an "other hand" set: those are reported once, by bench/framing.py, after the choice.
`--reading H,T`: the (opening, close) word pieces the framing layers read of a long answer
(default: `encoder.FRAMING_HEAD_TOKENS`, `FRAMING_TAIL_TOKENS`). `--latency`: instead, time the
model path of every dev turn the rules leave to the model on each build in turn, interleaved
(same turns, same moment: the ratio holds on a busy machine where absolute times do not).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from app.framing import analyze_answer, encoder, learned  # noqa: E402
from app.framing.evaluation import (  # noqa: E402
    LabelledAnswer,
    evaluate_answers,
    load_split,
    macro_f1,
    recognizer_copy,
)
from app.framing.learned import rules_decide  # noqa: E402
from app.framing.once import LoadOnce  # noqa: E402

HANDS = REPO / "tests" / "data" / "framing" / "hands"


def dev_items() -> dict[str, list[LabelledAnswer]]:
    """The held-out fifth of each training writer's bank (never an other-hand file)."""
    return {path.stem: load_split(path, "holdout") for path in sorted(HANDS.glob("writer-*.jsonl"))}


def _use(directory: Path) -> learned.FramingModel:
    model, notice = learned.load_or_notice(directory)
    if model is None:
        raise SystemExit(f"{directory}: {notice}")
    learned._SHARED = LoadOnce(lambda: (model, None), "trial-model")
    model.remember(False)
    return model


def measure(directory: Path, by_writer: dict[str, list[LabelledAnswer]]) -> dict[str, Any]:
    _use(directory)
    everything = [item for items in by_writer.values() for item in items]
    out: dict[str, Any] = {}
    pairs: list[tuple[str, str]] = []
    times: list[float] = []
    for name, items in by_writer.items():
        got = []
        for item in items:
            started = time.perf_counter()
            got.append(analyze_answer(item.manager, item.answer).frame)
            times.append((time.perf_counter() - started) * 1000)
        mine = list(zip([i.frame for i in items], got, strict=True))
        pairs += mine
        out[name] = round(macro_f1(mine), 4)
    out["dev"] = round(macro_f1(pairs), 4)
    out["dev_recognizer_copy"] = round(evaluate_answers(recognizer_copy(everything)).macro_f1, 4)
    out["items"] = len(everything)
    times.sort()
    out["turn_ms_p50_p95"] = [
        round(times[len(times) // 2], 3),
        round(times[int(len(times) * 0.95)], 3),
    ]
    return out


def latency(directories: list[Path], items: list[LabelledAnswer]) -> dict[str, Any]:
    """p50/p95 of `analyze_answer` per build on the turns the model decides, interleaved."""
    undecided = [
        item
        for item in items
        if not rules_decide(
            item.answer,
            [c.cue for c in analyze_answer(item.manager, item.answer, rules_only=True).cues],
        )
    ]
    models = [_use(directory) for directory in directories]
    times: list[list[float]] = [[] for _ in models]
    cpu: list[list[float]] = [[] for _ in models]
    for turn, item in enumerate(undecided):
        order = list(range(len(models)))
        for k in order if turn % 2 else order[::-1]:
            learned._SHARED = LoadOnce(lambda k=k: (models[k], None), "trial-model")  # type: ignore[misc]
            started, started_cpu = time.perf_counter(), time.thread_time()
            analyze_answer(item.manager, item.answer)
            times[k].append((time.perf_counter() - started) * 1000)
            cpu[k].append((time.thread_time() - started_cpu) * 1000)
    out: dict[str, Any] = {"turns": len(undecided)}
    for directory, wall, mine in zip(directories, times, cpu, strict=True):
        wall.sort()
        mine.sort()
        out[str(directory)] = {
            "p50_ms": round(wall[len(wall) // 2], 3),
            "p95_ms": round(wall[int(len(wall) * 0.95)], 3),
            # CPU time of the calling thread (onnxruntime runs on it: one intra-op thread):
            # what a turn costs when nothing else competes for the core
            "cpu_p50_ms": round(mine[len(mine) // 2], 3),
            "cpu_p95_ms": round(mine[int(len(mine) * 0.95)], 3),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--reading", help="H,T word pieces read of a long answer's two ends")
    parser.add_argument("--latency", action="store_true", help="interleaved model-path times")
    args = parser.parse_args()
    if args.reading:
        head, tail = (int(x) for x in args.reading.split(","))
        encoder.FRAMING_HEAD_TOKENS, encoder.FRAMING_TAIL_TOKENS = head, tail  # type: ignore[misc]
    by_writer = dev_items()
    report: dict[str, Any] = {"load_average_1min": round(os.getloadavg()[0], 2)}
    directories = [encoder.MODEL_DIR if raw == "shipped" else Path(raw) for raw in args.dirs]
    if args.latency:
        everything = [item for items in by_writer.values() for item in items]
        report["latency"] = latency(directories, everything)
    else:
        for raw, directory in zip(args.dirs, directories, strict=True):
            report[raw] = measure(directory, by_writer)
    report["reading"] = [encoder.FRAMING_HEAD_TOKENS, encoder.FRAMING_TAIL_TOKENS]
    print(json.dumps(report))


if __name__ == "__main__":
    main()
