"""Layering rules that import-linter cannot express (it does not see inside PySide6)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "app"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize(
    "path",
    sorted(p for p in APP.rglob("*.py") if p.relative_to(APP).parts[0] not in ("ui", "testing")),
    ids=lambda p: str(p.relative_to(APP)),
)
def test_only_the_ui_layer_imports_qtwidgets(path: Path) -> None:
    """No module outside app/ui (and the test kit that drives it) imports QtWidgets."""
    assert not any(name.startswith("PySide6.QtWidgets") for name in _imports(path))
