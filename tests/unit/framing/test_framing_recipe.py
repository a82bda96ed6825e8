"""The shipped framing model's recipe is declared once (scripts/framing_recipe.py), and both build
scripts, the Makefile target and the manifest carry it.

Until session 20 the scripts trained on writers c1, c2, c4, c5, c6 by default, while the shipped
framing layers were fine-tuned on c1..c16 and the shipped heads trained on c1..c22 with L2 1e-4:
`make framing-model` could not rebuild what ships. The fine-tune script needs torch (build venv
only), so it is imported here over stand-ins for torch, safetensors and onnx, and stopped at the
point it has chosen its training items.
"""

from __future__ import annotations

import importlib.util
import json
import random
import re
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.framing.encoder import MODEL_DIR
from app.framing.evaluation import load_answers, load_split
from tests.unit.framing.framing_helpers import DATA

REPO = Path(__file__).resolve().parents[3]
SCRIPTS = REPO / "scripts"
_RECIPE_FLAGS = ("--writers", "--l2", "--epochs", "--depth")


class _StopError(Exception):
    """Raised by the stand-in `training_items`: the script has chosen its writers."""


def _recipe() -> types.ModuleType:
    sys.path.insert(0, str(SCRIPTS))
    import framing_recipe

    return framing_recipe


def _heads_script() -> types.ModuleType:
    sys.path.insert(0, str(SCRIPTS))
    import train_framing_heads

    return train_framing_heads


def _stand_ins() -> dict[str, types.ModuleType]:
    """Just enough of torch, safetensors and onnx for the build scripts' module level."""
    torch = types.ModuleType("torch")
    torch.nn = types.SimpleNamespace(Module=object)  # type: ignore[attr-defined]
    torch.Tensor = object  # type: ignore[attr-defined]
    safetensors = types.ModuleType("safetensors")
    numpy_io = types.ModuleType("safetensors.numpy")
    numpy_io.save_file = lambda *a, **k: None  # type: ignore[attr-defined]
    onnx = types.ModuleType("onnx")
    for name in ("TensorProto", "helper", "numpy_helper"):
        setattr(onnx, name, types.SimpleNamespace())
    return {"torch": torch, "safetensors": safetensors, "safetensors.numpy": numpy_io, "onnx": onnx}


@pytest.fixture
def build_modules(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    before = set(sys.modules)
    absent = {n for n in ("torch", "safetensors", "onnx") if importlib.util.find_spec(n) is None}
    for name, module in _stand_ins().items():
        if name.split(".")[0] in absent:
            monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.delitem(sys.modules, "build_framing_model", raising=False)
    yield
    for name in set(sys.modules) - before:
        if name == "build_framing_model":
            del sys.modules[name]


def _finetune_script() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(
        "finetune_under_test", SCRIPTS / "finetune_framing_encoder.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _writers_chosen(
    monkeypatch: pytest.MonkeyPatch,
    script: types.ModuleType,
    heads: types.ModuleType,
    argv: list[str],
) -> tuple[str, ...]:
    seen: list[tuple[str, ...]] = []

    def stand_in(writers: Any = None) -> list[Any]:
        seen.append(tuple(writers) if writers is not None else ("<none given>",))
        raise _StopError

    monkeypatch.setattr(heads, "training_items", stand_in)
    monkeypatch.setattr(sys, "argv", ["script", *argv])
    with pytest.raises(_StopError):
        script.main()
    return seen[0]


def test_the_recipe_is_the_shipped_one() -> None:
    recipe = _recipe()
    finetune = tuple(f"writer-c{n}" for n in (1, 2, *range(4, 17)))
    heads = tuple(f"writer-c{n}" for n in (1, 2, *range(4, 23)))
    assert finetune == recipe.FINETUNE_WRITERS
    assert heads == recipe.HEADS_WRITERS
    assert recipe.HEADS_L2 == 1e-4
    assert (recipe.FINETUNE_EPOCHS, recipe.FINETUNE_DEPTH) == (4, 4)
    # Training writers only: an other-hand set (c3 is one) is never trained on.
    hands = {p.stem for p in (DATA / "hands").glob("writer-*.jsonl")}
    assert set(recipe.FINETUNE_WRITERS) <= set(recipe.HEADS_WRITERS) <= hands


def test_the_heads_script_trains_the_recipe_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    recipe, heads = _recipe(), _heads_script()
    monkeypatch.setattr(heads, "L2", heads.L2)
    assert heads.L2 == recipe.HEADS_L2
    assert _writers_chosen(monkeypatch, heads, heads, []) == recipe.HEADS_WRITERS
    assert heads.L2 == recipe.HEADS_L2


def test_the_finetune_script_trains_the_recipe_by_default(
    monkeypatch: pytest.MonkeyPatch, build_modules: None
) -> None:
    recipe, heads = _recipe(), _heads_script()
    script = _finetune_script()
    assert _writers_chosen(monkeypatch, script, heads, []) == recipe.FINETUNE_WRITERS
    assert (script.EPOCHS, script.DEPTH) == (recipe.FINETUNE_EPOCHS, recipe.FINETUNE_DEPTH)


def _subsets() -> list[tuple[str, ...]]:
    writers = sorted(p.stem for p in (DATA / "hands").glob("writer-*.jsonl"))
    rng = random.Random(20)
    cases = [(w,) for w in writers]
    cases += [tuple(rng.sample(writers, rng.randint(2, len(writers)))) for _ in range(20)]
    return cases


@pytest.mark.parametrize("writers", _subsets(), ids=lambda w: "+".join(w)[:60])
def test_trial_writers_reach_both_scripts(
    monkeypatch: pytest.MonkeyPatch, build_modules: None, writers: tuple[str, ...]
) -> None:
    heads = _heads_script()
    typed = ",".join(w.removeprefix("writer-") if i % 2 else w for i, w in enumerate(writers))
    assert _writers_chosen(monkeypatch, heads, heads, ["--writers", typed]) == writers
    script = _finetune_script()
    assert _writers_chosen(monkeypatch, script, heads, ["--writers", typed]) == writers


@pytest.mark.parametrize("writers", [w[:4] for w in _subsets()[::3]], ids=lambda w: "+".join(w))
def test_training_items_are_the_dev_set_and_those_writers_train_fifths(
    writers: tuple[str, ...],
) -> None:
    heads = _heads_script()
    items = heads.training_items(writers)
    team = load_answers(DATA / "answers.jsonl")
    assert items[: len(team)] == team
    fifths = [
        (i.manager, i.answer)
        for p in sorted((DATA / "hands").glob("writer-*.jsonl"))
        if p.stem in writers
        for i in load_split(p, "train")
    ]
    # In file order, each writer's train fifth: relabelled in place or dropped, never added to.
    taught = iter(fifths)
    kept = [(i.manager, i.answer) for i in items[len(team) :]]
    assert all(pair in taught for pair in kept)
    assert len(fifths) - len(kept) <= sum(heads.RELABELLED.values())


@pytest.mark.parametrize(
    "name", ["writer-c3", "other-hand-c3", "writer-c99", "c3", "writer-o34", "other-hand-o19"]
)
def test_a_writer_not_to_train_on_is_a_clear_error(name: str) -> None:
    heads = _heads_script()
    with pytest.raises(SystemExit, match=r"no such training writer .*" + re.escape(name)):
        heads.training_items(("writer-c1", name if "-" in name else f"writer-{name}"))


def test_the_makefile_passes_no_recipe_flags() -> None:
    """The recipe lives in one place: `make framing-model` runs the scripts' defaults."""
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    target = text.split("\nframing-model:", 1)[1].split("\n\n", 1)[0]
    runs = [line for line in target.splitlines() if "scripts/" in line]
    assert len(runs) == 3, target
    assert not [line for line in runs if any(flag in line for flag in _RECIPE_FLAGS)]


def test_the_shipped_manifest_records_the_recipe() -> None:
    recipe = _recipe()
    manifest = json.loads((MODEL_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["recipe"] == recipe.manifest_recipe()
    assert manifest["heads"]["writers"] == list(recipe.HEADS_WRITERS)
    assert manifest["heads"]["l2"] == recipe.HEADS_L2
    assert "lost" not in json.dumps(manifest["heads"])


def test_every_build_writes_the_recipe_into_its_manifest(
    build_modules: None, tmp_path: Path
) -> None:
    sys.path.insert(0, str(SCRIPTS))
    import build_framing_model

    (tmp_path / "heads.json").write_text("{}\n", encoding="utf-8")
    build_framing_model.write_manifest({"sentences": 1}, tmp_path)
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["recipe"] == _recipe().manifest_recipe()
    assert set(manifest["files"]) == {"heads.json"}
