"""The recipe of the shipped framing model, declared once (`make framing-model` builds it).

`scripts/finetune_framing_encoder.py` and `scripts/train_framing_heads.py` take their defaults
from here, and every build writes `manifest_recipe()` into app/framing/model_files/manifest.json,
so the manifest says how its files were made. A trial build (`--writers`, `--l2`, `--epochs`)
records what it actually used in the manifest's "heads" report; this recipe is what ships.

The shipped files were made in two sessions:

- framing layers (framing-top-int8.onnx): session 9's fine-tune, `finetune_framing_encoder.py
  --writers c1,c2,c4..c16` (the "train" fifths of those 15 writers + the team's dev set), 4
  epochs, the framing path reading 4 layers of which the top 2 are trained (shipped in session 13);
- heads (heads.json): session 11's `train_framing_heads.py --writers c1,c2,c4..c22 --l2 1e-4`
  over that encoder, thresholds chosen out of fold (0.55 / 0.6), shipped in session 13.

writer-c3 is an other-hand set (other-hand-c3.jsonl), never trained on; writers added after
session 11 (c23 onwards) are not in the shipped recipe: adding them is a new model, measured
before it ships.
"""

from __future__ import annotations


def _writers(*numbers: int) -> tuple[str, ...]:
    return tuple(f"writer-c{n}" for n in numbers)


#: The writers whose "train" fifths the encoder's framing layers were fine-tuned on (session 9).
FINETUNE_WRITERS: tuple[str, ...] = _writers(1, 2, *range(4, 17))
#: The fine-tune's epochs and the layers the framing path reads (the top `TRAINED_LAYERS` of
#: them fine-tuned; `finetune_framing_encoder.py`).
FINETUNE_EPOCHS = 4
FINETUNE_DEPTH = 4
#: The writers whose "train" fifths the heads were trained on (session 11), and their L2.
HEADS_WRITERS: tuple[str, ...] = _writers(1, 2, *range(4, 23))
HEADS_L2 = 1e-4


def _span(writers: tuple[str, ...]) -> str:
    return ",".join(name.removeprefix("writer-") for name in writers)


def manifest_recipe() -> dict[str, object]:
    """The recipe as the manifest records it."""
    return {
        "declared_in": "scripts/framing_recipe.py (make framing-model)",
        "finetune": {
            "writers": _span(FINETUNE_WRITERS),
            "epochs": FINETUNE_EPOCHS,
            "depth": FINETUNE_DEPTH,
        },
        "heads": {"writers": _span(HEADS_WRITERS), "l2": HEADS_L2},
    }
