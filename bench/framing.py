"""Framing benchmark: accuracy of rules alone and of the hybrid, speed and memory, as one JSON.

Run with `.venv/bin/python bench/framing.py` (or `make bench`). Both analyzers run in the same
process on the same sets:

* `dev`: the team's tuning set (trained on); `holdout`: the team's held-out set and its
  recognizer-style copy; `hands_holdout`: the independent writers' held-out split;
  `other_hand_<writer>`: each set by a writer whose items are never trained or tuned on
  (tests/data/framing/hands/other-hand-*.jsonl: c3, o2 ... o12), reported side by side.
* `class_sets`: per set of tests/data/framing/class_sets (written by independent hands for one
  class each: pay and terms asked in any wording, yes/no questions about the work one would
  do, wishes to join) and per kind, the lines the rules alone and the hybrid read right.
* context checks, shift accuracy on the team's conversations.
* speed: the rules path per turn, the model path per turn (p50/p95 over the turns the model
  decides), `analyze` of 10/100/1000 turns (linearity near 1.0), model load time and the
  resident memory the model adds (measured in a fresh process); per-turn CPU time by the
  number of tokens the framing layers read (`by_tokens`), and whether the weights ran as int8
  (`weights`: `encoder.signed_weights`, on CPUs where that is exact) or as stored.
* `--against DIR`: only this: the shipped model files against another directory's (a trial
  build, `scripts/build_framing_model.py --out DIR`), both loaded in this process and read in
  alternation, best of `BEST_OF` CPU times a turn, on the dev set's model turns and on long
  answers (`LONG_JOIN` dev answers joined, 42 of 45 read at 38 pieces): p50 / p95 each, their
  ratios, the load average, and how many of those texts the two read differently (frame, cue
  or evidence span). Two copies of the same files gave ratios of 0.987-0.995 (session 19).
* `--baseline DIR`: the model path's speed and the memory probe of another checkout (e.g. a
  `git worktree` of the previous commit) and of this one, in fresh processes taking turns
  (`PAIRED_ROUNDS` rounds), so that both are measured under the same load (`paired`).

Targets: held-out macro-F1 >= 0.96 (recognizer copy within 0.02), other hand >= 0.92,
p95 <= 5 ms a turn (model path), load <= 1 s, added RSS <= 80 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from itertools import cycle, islice
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from app.framing import Turn, analyze, analyze_answer  # noqa: E402
from app.framing.encoder import MODEL_DIR, EncoderUnavailableError  # noqa: E402
from app.framing.evaluation import (  # noqa: E402
    LabelledAnswer,
    evaluate_answers,
    load_answers,
    load_conversations,
    load_split,
    recognizer_copy,
    shift_accuracy,
)
from app.framing.learned import FramingModel, load_model, rules_decide, shared_model  # noqa: E402

DATA = REPO / "tests" / "data" / "framing"
RUNS = 7
PAIRED_ROUNDS = 3
#: `--against`: each turn's CPU time is the best of this many readings (a shared machine makes
#: some readings slow, never one fast), the two model directories taking turns.
BEST_OF = 5
#: `--against`: long answers are this many consecutive dev answers joined (the framing layers
#: read the 38 pieces of their opening and close: the slowest turns).
LONG_JOIN = 6
#: Upper bounds of the token-count buckets of `by_tokens` (the framing reading is at most 38).
TOKEN_BUCKETS = (9, 19, 29, 34, 38)
#: The model path's timing with another checkout's `app` (sys.path first, imported before this
#: file's own, so that its `from app...` imports resolve to that checkout's modules).
_SPEED_PROBE = """
import importlib.util, json, sys
sys.path.insert(0, {repo!r})
import app.framing, app.framing.evaluation, app.framing.learned
spec = importlib.util.spec_from_file_location("framing_bench", {bench!r})
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)
assert app.framing.__file__.startswith({repo!r}), app.framing.__file__
print(json.dumps(bench._model_path_ms(bench._model_items())))
"""
_MEMORY_PROBE = """
import json, sys, time, psutil
sys.path.insert(0, {repo!r})
import app.framing
from app.framing import analyze_answer
analyze_answer("How are you?", "Fine, thanks.", rules_only=True)
before = psutil.Process().memory_info().rss
started = time.perf_counter()
from app.framing.learned import shared_model
model = shared_model()
loaded = time.perf_counter() - started
for text in ["What does a normal week look like?", "word " * 400, "I'll take anything you have"]:
    analyze_answer("Tell me about your team.", text)
after = psutil.Process().memory_info().rss
print(json.dumps({{"load_s": loaded, "added_rss_mb": (after - before) / 2**20,
                   "available": model is not None}}))
"""


def _median_seconds(work: Callable[[], object], repeat: int = 1) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        for _ in range(repeat):
            work()
        times.append((time.perf_counter() - started) / repeat)
    return statistics.median(times)


def _report(items: Sequence[LabelledAnswer]) -> dict[str, Any]:
    out: dict[str, Any] = {"items": len(items)}
    for name, rules_only in (("rules", True), ("hybrid", False)):
        report = evaluate_answers(items, rules_only=rules_only)
        out[name] = {
            "accuracy": round(report.accuracy, 4),
            "macro_f1": round(report.macro_f1, 4),
            "cue_recall": round(report.cue_recall, 4),
        }
    return out


def _hands(split: str, other: bool) -> list[LabelledAnswer]:
    items: list[LabelledAnswer] = []
    for path in sorted((DATA / "hands").glob("*.jsonl")):
        if path.name.startswith("other-hand") == other:
            items.extend(load_split(path, split))
    return items


def _other_hands() -> dict[str, list[LabelledAnswer]]:
    """Each never-trained "other hand" set by name: other-hand-c3.jsonl -> other_hand_c3."""
    return {
        "other_hand_" + path.stem.removeprefix("other-hand-"): load_split(path, "other_hand")
        for path in sorted((DATA / "hands").glob("other-hand-*.jsonl"))
    }


#: Each class set's kinds and what a right reading gives them (tests/data/framing/class_sets:
#: p1, p2 pay and terms asked beside the same words about the work; q1, q2 yes/no questions
#: about the work one would do beside ones asking for a place or terms; j1, j2 wishes to join
#: beside near misses: curiosity, joining an event, a past or someone else's wish; k1, k2
#: (session 15) pay asked without pay words, one's own candidacy's status, a long pitch, an
#: understated wish to join, each beside near misses, and a plain decline beside a not-now that
#: waits on learning more; k3, k4, k5 (sessions 16-17) a story after small talk beside a pitch
#: volunteered after a remark, leaving beside telling what one runs, pay asked after the
#: business's figures beside asking about the figures, other people's money beside one's own
#: asked roundabout, curiosity as a statement beside eager slang; b1, b2 (session 17) one's own
#: pay asked in any wording beside other people's money, a volunteered achievement at work beside
#: deeds in life). True: an interview; False: anything but an interview; a frame's name: exactly
#: that frame.
CLASS_KINDS: dict[str, bool | str] = {
    "terms": True,
    "ask": True,
    "work": False,
    "join": True,
    "near": False,
    "money": True,
    "money_near": False,
    "status": True,
    "status_near": False,
    "pitch": True,
    "story": False,
    "mild_join": True,
    "mild_near": False,
    "decline": "neutral",
    "conditional": "exploration",
    "story_short": False,
    "pitch_short": True,
    "leaving": "neutral",
    "pitch_run": True,
    "money_fig": True,
    "fig_near": False,
    "money_other": False,
    "money_self": True,
    "curious": "exploration",
    "eager": True,
    "own_pay": True,
    "other_money": False,
    "own_deeds": True,
    "life_deeds": False,
}


def _read_right(kind: str, frame: str) -> bool:
    """Whether `frame` is the right reading of a line of `kind` (`CLASS_KINDS`)."""
    wanted = CLASS_KINDS[kind]
    if isinstance(wanted, str):
        return frame == wanted
    return (frame == "interview") == wanted


def _class_sets() -> dict[str, Any]:
    """Per class set and kind: how many of its lines the rules alone and the hybrid read right
    (`CLASS_KINDS`: an interview, anything but one, or one frame), and the share of "terms"
    lines whose pay question the hybrid names."""
    report: dict[str, Any] = {}
    for path in sorted((DATA / "class_sets").glob("*.jsonl")):
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        kinds: dict[str, dict[str, int]] = {}
        for line in lines:
            counts = kinds.setdefault(line["kind"], {"lines": 0, "rules": 0, "hybrid": 0})
            counts["lines"] += 1
            for name, rules_only in (("rules", True), ("hybrid", False)):
                result = analyze_answer(line["prev"], line["text"], rules_only=rules_only)
                counts[name] += _read_right(line["kind"], result.frame)
                if line["kind"] == "terms" and not rules_only:
                    named = any(cue.cue == "pay_question" for cue in result.cues)
                    counts["hybrid_pay_named"] = counts.get("hybrid_pay_named", 0) + named
        report[path.stem] = kinds
    return report


def _context_checks() -> dict[str, bool]:
    pitch = (
        "I have ten years of experience in logistics and I led a team of forty. "
        "I cut delivery costs by a third, I rebuilt the routing system, I trained every new "
        "dispatcher myself and I was top performer three years running. "
    ) * 6
    return {
        "yes_please_to_coffee_neutral": analyze_answer(
            "Would you like a coffee?", "Yes please"
        ).frame
        == "neutral",
        "yes_to_interest_question_interview": analyze_answer(
            "Are you interested in the position?", "Yes!"
        ).frame
        == "interview",
        "long_pitch_interview": analyze_answer("So what brings you here?", pitch).frame
        == "interview",
    }


def _model_path_ms(items: Sequence[LabelledAnswer]) -> dict[str, Any]:
    undecided = []
    for item in items:
        rules = analyze_answer(item.manager, item.answer, rules_only=True)
        if not rules_decide(item.answer, [c.cue for c in rules.cues]):
            undecided.append(item)
    model = shared_model()
    assert model is not None
    times, cpu, tokens = [], [], []
    for item in undecided:
        model.forget()  # time the model, not its per-text cache
        tokens.append(len(model.encoder.token_states(item.answer, framing=True).spans))
        started, started_cpu = time.perf_counter(), time.process_time()
        analyze_answer(item.manager, item.answer)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    by_tokens = {}
    low = 0
    for high in TOKEN_BUCKETS:
        bucket = sorted(c for c, t in zip(cpu, tokens, strict=True) if low <= t <= high)
        if bucket:
            by_tokens[f"{low}-{high}"] = {
                "turns": len(bucket),
                "cpu_p50_ms": round(bucket[len(bucket) // 2], 3),
                "cpu_p95_ms": round(bucket[int(len(bucket) * 0.95)], 3),
            }
        low = high + 1
    signed = getattr(model.encoder, "signed_parts", set())
    times.sort()
    cpu.sort()
    return {
        "weights": "int8 (u8 x s8 kernels)" if signed else "uint8 as stored (u8 x u8 kernels)",
        "turns": len(times),
        "p50_ms": round(times[len(times) // 2], 3),
        "p95_ms": round(times[int(len(times) * 0.95)], 3),
        "max_ms": round(times[-1], 3),
        # CPU time of the process (all its threads): what a turn costs when no other
        # program competes for the cores; wall time above includes waiting for them.
        "cpu_p50_ms": round(cpu[len(cpu) // 2], 3),
        "cpu_p95_ms": round(cpu[int(len(cpu) * 0.95)], 3),
        # tokens the framing layers read per turn (long answers: opening + close)
        "tokens_p50": int(statistics.median(tokens)),
        "tokens_p95": sorted(tokens)[int(len(tokens) * 0.95)],
        "tokens_max": max(tokens),
        # CPU time per turn by the tokens read: what drives the tail
        "by_tokens": by_tokens,
    }


def _model_items() -> list[LabelledAnswer]:
    """The answers whose model path is timed: dev, held-out and the writers' sets."""
    dev = load_answers(DATA / "answers.jsonl")
    holdout = load_answers(DATA / "answers_holdout.jsonl")
    return dev + holdout + _hands("holdout", other=False) + _hands("train", other=False)


def _probe(script: str) -> dict[str, Any]:
    """Run `script` in a fresh interpreter and read the JSON it prints."""
    done = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _memory(repo: Path) -> dict[str, Any]:
    return _probe(_MEMORY_PROBE.format(repo=str(repo)))


def _paired(baseline: Path) -> dict[str, Any]:
    """Speed and memory of `baseline`'s code and of this checkout's, taking turns."""
    keys = ("p50_ms", "p95_ms", "cpu_p50_ms", "cpu_p95_ms")
    runs: dict[str, list[dict[str, Any]]] = {"baseline": [], "this": []}
    for _ in range(PAIRED_ROUNDS):
        for name, repo in (("baseline", baseline), ("this", REPO)):
            speed = _probe(_SPEED_PROBE.format(repo=str(repo), bench=str(Path(__file__))))
            memory = _memory(repo)
            runs[name].append(
                {
                    **{key: speed[key] for key in keys},
                    "weights": speed.get("weights", "uint8 as stored (u8 x u8 kernels)"),
                    "load_s": round(memory["load_s"], 3),
                    "added_rss_mb": round(memory["added_rss_mb"], 1),
                    "load_average_1min": round(os.getloadavg()[0], 2),
                }
            )
    medians = {
        name: {
            key: round(statistics.median(run[key] for run in rows), 3)
            for key in (*keys, "load_s", "added_rss_mb")
        }
        for name, rows in runs.items()
    }
    return {"baseline": str(baseline), "rounds": runs, "medians": medians}


def _best_cpu_ms(models: dict[str, FramingModel], texts: Sequence[str]) -> dict[str, Any]:
    best = {name: [float("inf")] * len(texts) for name in models}
    order = list(models.items())
    for run in range(BEST_OF):
        for i, text in enumerate(texts):
            for name, model in order if (run + i) % 2 else order[::-1]:
                started = time.process_time()
                model._judge(text, frozenset())  # uncached: the encoder and the heads
                best[name][i] = min(best[name][i], (time.process_time() - started) * 1000)
    out: dict[str, Any] = {"texts": len(texts)}
    for name, times in best.items():
        times.sort()
        out[name] = {
            "cpu_p50_ms": round(times[len(times) // 2], 3),
            "cpu_p95_ms": round(times[int(len(times) * 0.95)], 3),
        }
    first, second = models
    for key in ("cpu_p50_ms", "cpu_p95_ms"):
        out[f"ratio_{key.removeprefix('cpu_').removesuffix('_ms')}"] = round(
            out[second][key] / out[first][key], 3
        )
    return out


def _against(other: Path) -> dict[str, Any]:
    """The shipped model files against `other`'s, in one process (see `--against`)."""
    try:
        models = {"shipped": load_model(MODEL_DIR), "other": load_model(other)}
    except EncoderUnavailableError as error:
        raise SystemExit(f"--against {other}: {error}") from None
    dev = load_answers(DATA / "answers.jsonl")
    turns = [
        item.answer
        for item in dev
        if not rules_decide(
            item.answer,
            [c.cue for c in analyze_answer(item.manager, item.answer, rules_only=True).cues],
        )
    ]
    answers = [item.answer for item in dev]
    long = [
        " ".join(answers[i : i + LONG_JOIN])
        for i in range(0, len(answers) - LONG_JOIN + 1, LONG_JOIN)
    ]
    readings = {
        name: [
            (j.frame, j.cue, j.start, j.end)
            for j in (model._judge(text, frozenset()) for text in turns + long)
        ]
        for name, model in models.items()
    }
    load_before = os.getloadavg()
    dev_ms, long_ms = _best_cpu_ms(models, turns), _best_cpu_ms(models, long)
    return {
        "against": str(other),
        "best_of": BEST_OF,
        "dev_model_turns": dev_ms,
        "long_answers": long_ms,
        "readings_differ": sum(
            a != b for a, b in zip(readings["shipped"], readings["other"], strict=True)
        ),
        "readings": len(turns) + len(long),
        "load_average_1min": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--baseline",
        type=Path,
        help="another checkout whose model-path speed and memory to measure beside this one's",
    )
    parser.add_argument(
        "--against",
        type=Path,
        help="only compare the shipped model files with this directory's: speed and readings",
    )
    args = parser.parse_args()
    if args.against:
        print(json.dumps(_against(args.against.resolve())))
        return
    memory = _memory(REPO)
    model = shared_model()
    if model is None:
        raise SystemExit("the framing model is not available; run `make framing-model`")
    dev = load_answers(DATA / "answers.jsonl")
    holdout = load_answers(DATA / "answers_holdout.jsonl")
    conversations = load_conversations(DATA / "conversations.jsonl")
    holdout_report = _report(holdout)
    asr_report = _report(recognizer_copy(holdout))
    sets = {
        "dev": _report(dev),
        "holdout": holdout_report,
        "holdout_recognizer_copy": asr_report,
        "hands_holdout": _report(_hands("holdout", other=False)),
        **{name: _report(items) for name, items in _other_hands().items()},
    }
    corpus_turns: list[Turn] = [turn for c in conversations for turn in c.turns]
    totals_ms = {}
    for size in (10, 100, 1000):
        turns = list(islice(cycle(corpus_turns), size))

        def whole(turns: list[Turn] = turns) -> object:
            return analyze(turns)

        model.remember(False)  # the per-text cache would make repeated turns free
        totals_ms[size] = _median_seconds(whole, 1000 // size) * 1000
        model.remember(True)
    rules_ms = (
        _median_seconds(lambda: [analyze_answer(i.manager, i.answer, rules_only=True) for i in dev])
        * 1000
        / len(dev)
    )
    paired = _paired(args.baseline.resolve()) if args.baseline else None
    print(
        json.dumps(
            {
                "benchmark": "framing",
                **sets,
                "holdout_recognizer_gap": round(
                    holdout_report["hybrid"]["macro_f1"] - asr_report["hybrid"]["macro_f1"], 4
                ),
                "class_sets": _class_sets(),
                "context": _context_checks(),
                "shift_accuracy": {
                    "rules": round(shift_accuracy(conversations, rules_only=True), 4),
                    "hybrid": round(shift_accuracy(conversations), 4),
                },
                "conversations": len(conversations),
                "rules_path_ms_per_turn": round(rules_ms, 4),
                "model_path": _model_path_ms(_model_items()),
                "analyze_total_ms": {str(n): round(ms, 3) for n, ms in totals_ms.items()},
                "linearity": round(totals_ms[1000] / totals_ms[10] / 100, 3),
                "model_load_s": round(memory["load_s"], 3),
                "model_added_rss_mb": round(memory["added_rss_mb"], 1),
                "runs": RUNS,
                **({"paired": paired} if paired else {}),
                "load_average_1min": round(os.getloadavg()[0], 2),
                "targets": {
                    "holdout_macro_f1": 0.96,
                    "recognizer_gap": 0.02,
                    "other_hand_macro_f1": 0.92,
                    "model_p95_ms": 5.0,
                    "load_s": 1.0,
                    "added_rss_mb": 80,
                },
            }
        )
    )


if __name__ == "__main__":
    main()
