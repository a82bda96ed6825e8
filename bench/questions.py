"""Knowledge-matching benchmark: does the manager answer the question a seeker asked?

Run with `.venv/bin/python bench/questions.py [--words-only] [FOLDER]` (or `make bench`).
It reads every `*.questions.yaml` under FOLDER (default tests/data/questions/):

    scenario: connector-intro          # a scenario id: shipped, or a scenario file in FOLDER
    questions:
      - {text: "what does a typical week look like", topic: typical_week}
      - {text: "How's the parking?", topic: none}     # none: no topic should answer it

and answers each as the runner would: the questions the analyzer finds in the text, matched by the
same matcher (the shared sentence encoder when installed, word overlap otherwise), the best one
answered. Printed as one JSON document:

* `independent` (the held-out sets: every set but the `dev*` folders; the headline), `dev`
  (the `dev*` folders: the sets the matcher may be tuned on) and `all`:
* `on_topic`: share of questions whose answer is the one a person expects: the labelled topic,
  or a deflection (no topic) for a question labelled none. Target >= 0.85.
* `wrong_topic`: share answered with a topic other than the expected one (a deflection is
  better than a wrong answer). Target <= 0.05.
* `deflected_answerable`: share of questions with a topic that got a deflection instead.
* `match_ms`: p50 / p95 / max time to match one answer's questions (one encoder call plus
  the word scores), with the encoder's own time for one text and the machine's load average
  beside it (on a busy machine the model's share grows). Target p95 <= 10 ms.
* `told`: each scenario's labelled questions of one topic asked one after another in one
  rehearsal (the real runner): `new_brushed_off`, the share of questions asking something new
  of a topic already told that got a brush-off ("As I said, there's not much more to it than
  that.") instead of the topic (its answer, or a pointer back with its gist);
  `again_brushed_off` for the first question asked again word for word (`--no-told` skips it).
* the same per set (`dev` is the matcher author's own set, `dev-q3` and `dev-q4` independent
  writers' sets to tune on; the others are held out), the held-out ones in recognizer style
  (lowercase, no punctuation) versus written style, and the misses of the dev sets
  (`--misses all` adds the held-out ones: read them for classes only, never tune on their
  wording).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from app.dialogue import Scenario, expand_paths, load_scenario  # noqa: E402
from app.dialogue.choosing import choose  # noqa: E402
from app.dialogue.knowledge import (  # noqa: E402
    KnowledgeMatcher,
    TopicMatch,
    has_content,
    questions_in,
    shared_encoder,
)

DEFAULT_FOLDER = REPO / "tests" / "data" / "questions"
SUFFIX = ".questions.yaml"


def _scenarios(folder: Path) -> dict[str, Scenario]:
    """Shipped scenarios, then scenario files inside the question folder (the dev fixture)."""
    found: dict[str, Scenario] = {}
    candidates = expand_paths([REPO / "dialogues"])
    candidates += [p for p in sorted(folder.rglob("*.yaml")) if not p.name.endswith(SUFFIX)]
    for path in candidates:
        try:
            scenario = load_scenario(path)
        except Exception:  # a broken scenario is reported by `frameshift validate`, not here
            continue
        found.setdefault(scenario.id, scenario)
    return found


def _as_the_runner_hears_it(matcher: KnowledgeMatcher, text: str, scenario: Scenario) -> TopicMatch:
    """What the runner answers: the questions found in the answer (as the analyzer's
    seeker_question cues), the topic `choosing.choose` picks for them (the matcher's best,
    with who and what they ask about: a job request gets no topic); nothing if it finds none."""
    spans = [q for q in questions_in(text) if has_content(q)]
    if not spans:
        return TopicMatch(None, None, 0.0, matcher.method)
    choice = choose(matcher, spans, scenario)
    return replace(choice.found, topic=choice.topic)


def _told_again(
    scenario: Scenario, matcher: KnowledgeMatcher, asked: dict[str, list[str]], seed: int
) -> list[dict[str, Any]]:
    """Questions asked after their topic was told, in one rehearsal per topic: the topic's
    labelled questions asked one after another (the real runner, frame `exploration`). A
    question that asks something new of a topic already told gets the topic again (its
    answer, or a pointer back to what it said), never a brush-off ("As I said, there's not
    much more to it than that.") as if it had been asked before; a question asked again word
    for word may get one."""
    from app.dialogue import Runner
    from app.dialogue.asking import AGAIN_REPLIES

    out: list[dict[str, Any]] = []
    for topic, texts in sorted(asked.items()):
        distinct = list(dict.fromkeys(texts))[:4]
        if len(distinct) < 2:
            continue
        runner = Runner(scenario, seed=seed, matcher=matcher)
        for n, text in enumerate([*distinct, distinct[0]]):
            if runner.finished:
                break
            told = runner._told.get(topic, 0) > 0  # the bench reads the memory
            line = runner.advance("exploration", {"seeker_question"}, answer=text)
            if not told:
                continue
            out.append(
                {
                    "scenario": scenario.id,
                    "topic": topic,
                    "text": text,
                    "repeat": n == len(distinct),
                    "got": line.topic,
                    "brushed_off": any(p in AGAIN_REPLIES for p in line.parts),
                }
            )
    return out


def _told_summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    new = [r for r in rows if not r["repeat"]]
    again = [r for r in rows if r["repeat"]]
    return {
        "asked_new": len(new),
        "new_brushed_off": round(sum(r["brushed_off"] for r in new) / len(new), 3) if new else None,
        "new_on_topic": round(sum(r["got"] == r["topic"] for r in new) / len(new), 3)
        if new
        else None,
        "asked_again": len(again),
        "again_brushed_off": round(sum(r["brushed_off"] for r in again) / len(again), 3)
        if again
        else None,
    }


def _recognizer_style(text: str) -> bool:
    return text == text.lower() and not any(c in text for c in "?.!,")


def _summary(results: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(results)
    if not n:
        return {"questions": 0}
    on = sum(r["got"] == r["expected"] for r in results)
    wrong = sum(r["got"] is not None and r["got"] != r["expected"] for r in results)
    answerable = [r for r in results if r["expected"] is not None]
    deflected = sum(r["got"] is None for r in answerable)
    return {
        "questions": n,
        "on_topic": round(on / n, 3),
        "wrong_topic": round(wrong / n, 3),
        "deflected_answerable": round(deflected / len(answerable), 3) if answerable else None,
    }


def run(
    folder: Path, *, words_only: bool, misses: str = "dev", told_again: bool = True
) -> dict[str, Any]:
    encoder = None if words_only else shared_encoder(wait=True)
    scenarios = _scenarios(folder)
    matchers: dict[str, KnowledgeMatcher] = {}
    results: list[dict[str, Any]] = []
    told_rows: list[dict[str, Any]] = []
    #: (dev or independent, scenario) -> topic -> its labelled questions, over all the sets
    pooled: dict[tuple[str, str], dict[str, list[str]]] = {}
    problems: list[str] = []
    for path in sorted(folder.rglob("*" + SUFFIX)):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        scenario = scenarios.get(str(data.get("scenario")))
        if scenario is None or not scenario.knowledge.topics:
            problems.append(f"{path}: scenario '{data.get('scenario')}' has no knowledge topics")
            continue
        known = {t.id for t in scenario.knowledge.topics}
        if scenario.id not in matchers:
            matchers[scenario.id] = KnowledgeMatcher(scenario.knowledge, encoder)
        matcher = matchers[scenario.id]
        set_name = path.parent.name if path.parent != folder else path.stem
        group = "dev" if set_name.startswith("dev") else "independent"
        by_topic = pooled.setdefault((group, scenario.id), {})
        for item in data.get("questions") or ():
            if str(item.get("topic")) in known:
                by_topic.setdefault(str(item.get("topic")), []).append(str(item.get("text", "")))
        for item in data.get("questions") or ():
            label = str(item.get("topic"))
            expected = None if label == "none" else label
            if expected is not None and expected not in known:
                problems.append(f"{path}: '{item.get('text')}' is labelled unknown topic {label}")
                continue
            text = str(item.get("text", ""))
            found = _as_the_runner_hears_it(matcher, text, scenario)
            results.append(
                {
                    "set": path.parent.name if path.parent != folder else path.stem,
                    "scenario": scenario.id,
                    "text": text,
                    "expected": expected,
                    "got": found.topic,
                    "best": found.best,
                    "score": found.score,
                    "ms": found.ms,
                    "recognizer": _recognizer_style(text),
                }
            )
    if told_again:
        for (group, sid), by_topic in sorted(pooled.items()):
            rows = _told_again(scenarios[sid], matchers[sid], by_topic, seed=0)
            told_rows += [{"set": group, **r} for r in rows]
    times = sorted(r["ms"] for r in results if r["ms"])
    embed_ms = None
    if encoder is not None and results:  # the model's own share, to read match_ms against
        samples = []
        for r in results[:40]:
            started = time.perf_counter()
            encoder.encode([r["text"]])
            samples.append((time.perf_counter() - started) * 1000)
        embed_ms = round(statistics.median(samples), 3)
    independent = [r for r in results if not r["set"].startswith("dev")]
    dev = [r for r in results if r["set"].startswith("dev")]
    report: dict[str, Any] = {
        "method": "words" if encoder is None else "meaning",
        "independent": _summary(independent),
        "dev": _summary(dev),
        "all": _summary(results),
        "targets": {"on_topic": 0.85, "wrong_topic": 0.05, "match_ms_p95": 10},
        "match_ms": {
            "p50": round(statistics.median(times), 3) if times else None,
            "p95": round(times[int(0.95 * (len(times) - 1))], 3) if times else None,
            "max": round(times[-1], 3) if times else None,
            "encoder_p50_one_text": embed_ms,
            "load_average_1min": round(os.getloadavg()[0], 2),
        },
        "by_set": {
            name: _summary([r for r in results if r["set"] == name])
            for name in sorted({r["set"] for r in results})
        },
        "by_style": {  # of the held-out (independent) questions
            "recognizer": _summary([r for r in independent if r["recognizer"]]),
            "written": _summary([r for r in independent if not r["recognizer"]]),
        },
        "by_scenario": {
            sid: _summary([r for r in results if r["scenario"] == sid])
            for sid in sorted({r["scenario"] for r in results})
        },
        "misses": [
            {k: r[k] for k in ("set", "scenario", "text", "expected", "got", "best", "score")}
            for r in (results if misses == "all" else dev)
            if r["got"] != r["expected"]
        ][:80],
        "problems": problems,
    }
    if told_again:
        report["told"] = {
            "independent": _told_summary([r for r in told_rows if not r["set"].startswith("dev")]),
            "dev": _told_summary([r for r in told_rows if r["set"].startswith("dev")]),
            "brushed_off_new": [
                {k: r[k] for k in ("set", "scenario", "topic", "text")}
                for r in told_rows
                if r["brushed_off"]
                and not r["repeat"]
                and (misses == "all" or r["set"].startswith("dev"))
            ][:40],
        }
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--words-only", action="store_true", help="ignore the sentence encoder")
    parser.add_argument(
        "--misses", choices=("dev", "all"), default="dev", help="whose misses to list"
    )
    parser.add_argument(
        "--no-told", action="store_true", help="skip the questions asked of a topic already told"
    )
    args = parser.parse_args()
    report = run(
        args.folder, words_only=args.words_only, misses=args.misses, told_again=not args.no_told
    )
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
