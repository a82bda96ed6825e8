"""The sentence model's readings of ~600 corpus texts stay what they were (framing path).

The int8 encoder quantizes each layer's input with one scale per tensor (its minimum and
maximum), so a change in the last float bit of one state (another onnxruntime kernel for an
Add + LayerNormalization, another fusion, another onnxruntime version) now and then moves a
rounding, and about one text in a hundred comes out with states up to ~0.5 apart and other
probabilities (session 19: skipping onnxruntime's SkipLayerNormalization fusion changed 2 frames
and ~20 cues of 14,150 labelled answers; the golden vectors, read by the general layers only,
moved by up to 0.002). A speed change that claims the model decides as before must keep this
snapshot.

`model_snapshot.jsonl` holds, for every 24th text of the labelled sets (in file order when the
snapshot was written) and for 48 long texts (six answers joined: the 38-piece reading), the
framing judgement without a manager line: frame, cue, evidence span and the three
probabilities. After new model files or an onnxruntime upgrade, compare the decisions on the
corpus (bench/framing.py) and rewrite it with
`python -m tests.unit.framing.test_framing_encoder_decisions`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.framing.learned import FramingModel, shared_model
from tests.unit.framing.framing_helpers import DATA

SNAPSHOT = DATA / "model_snapshot.jsonl"
EVERY = 24
LONG_TEXTS = 48
#: Probabilities kept to this many decimals; a moved rounding moves them by ~0.01-0.1, the same
#: arithmetic on another CPU (uint8 or exact int8 kernels) by nothing.
DECIMALS = 4
TOLERANCE = 2e-4


def _corpus_texts() -> list[str]:
    texts = []
    files = [*sorted(DATA.glob("answers*.jsonl")), *sorted((DATA / "hands").glob("*.jsonl"))]
    files += sorted((DATA / "class_sets").glob("*.jsonl"))
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                raw = json.loads(line)
                texts.append(str(raw.get("answer", raw.get("text"))))
    return texts


def snapshot_texts() -> list[str]:
    """What the snapshot reads: every `EVERY`th labelled text and `LONG_TEXTS` joined ones."""
    texts = _corpus_texts()
    long = [" ".join(texts[i : i + 6]) for i in range(0, 6 * LONG_TEXTS * 7, 6 * 7)]
    return texts[::EVERY] + long


def reading(model: FramingModel, text: str) -> dict[str, Any]:
    judged = model._judge(text, frozenset())  # uncached: the snapshot times nothing
    return {
        "text": text,
        "frame": judged.frame,
        "cue": judged.cue,
        "span": [judged.start, judged.end],
        "probabilities": {k: round(v, DECIMALS) for k, v in judged.probabilities.items()},
    }


def _model() -> FramingModel:
    model = shared_model()
    if model is None:
        pytest.skip("the sentence model is not installed")
    return model


def test_snapshot_covers_short_and_long_readings() -> None:
    rows = [json.loads(line) for line in SNAPSHOT.read_text(encoding="utf-8").splitlines()]
    model = _model()
    pieces = [len(model.encoder.token_states(r["text"], framing=True).spans) for r in rows]
    assert len(rows) >= 500
    assert sum(n == 38 for n in pieces) >= LONG_TEXTS
    assert sum(n <= 12 for n in pieces) >= 100
    assert {r["frame"] for r in rows} == {"exploration", "interview", "neutral"}


def test_the_model_reads_the_snapshot_texts_as_before() -> None:
    model = _model()
    rows = [json.loads(line) for line in SNAPSHOT.read_text(encoding="utf-8").splitlines()]
    moved = []
    for row in rows:
        now = reading(model, row["text"])
        same = (now["frame"], now["cue"], now["span"]) == (row["frame"], row["cue"], row["span"])
        near = all(
            abs(now["probabilities"][k] - v) <= TOLERANCE for k, v in row["probabilities"].items()
        )
        if not (same and near):
            moved.append((row["text"][:60], row["probabilities"], now["probabilities"]))
    assert not moved, (
        f"{len(moved)} of {len(rows)} readings moved (the model decides otherwise: see this "
        f"file's docstring); first: {moved[:3]}"
    )


def write_snapshot(path: Path = SNAPSHOT) -> int:
    model = _model()
    rows = [reading(model, text) for text in snapshot_texts()]
    path.write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
    )
    return len(rows)


if __name__ == "__main__":
    print(f"{write_snapshot()} readings written to {SNAPSHOT}")
