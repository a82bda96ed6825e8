"""docs/testing.md lists the widget object names testers rely on; keep it true both ways."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "testing.md"
UI = REPO / "app" / "ui"


def _documented() -> set[str]:
    text = DOC.read_text(encoding="utf-8")
    table = text.split("## Widget names", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"`([a-z][A-Za-z]+)`", table))


def _in_source() -> set[str]:
    source = "\n".join(p.read_text(encoding="utf-8") for p in UI.rglob("*.py"))
    return set(re.findall(r"\"([a-z][A-Za-z]+(?:Button|List|Input|Caption|Timeline))\"", source))


def test_every_documented_name_exists_in_the_ui() -> None:
    """No name in the testing guide is a typo or a widget that was removed."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in UI.rglob("*.py"))
    missing = sorted(n for n in _documented() if f'"{n}"' not in source)
    assert missing == []


def test_every_button_list_and_input_is_documented() -> None:
    """A new button, list or input in the window gets its name into the testing guide."""
    undocumented = sorted(_in_source() - _documented())
    assert undocumented == []
