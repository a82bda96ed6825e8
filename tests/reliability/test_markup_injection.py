"""Issue 13 item 10: scenario and user text is never rendered as rich text.

Markup goes into every authored field of a scenario (title, persona, context, every manager line,
coach notes, outcomes, knowledge answers) and into the typed answers; the real window is played
through every screen, and every label that shows any of that text must show it as text: plain
text format, or escaped inside the app's own rich text. No heading, image or link from a
scenario reaches a widget.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
MARK = "INJ"
MARKUP = f'<h1>{MARK}</h1><img src="file:///etc/hostname"><a href="https://evil.example">{MARK}</a>'
#: Authored prose: the fields a scenario shows to the user (never ids, links or settings).
PROSE = {"title", "context", "name", "role", "company", "say", "note", "alternative", "label"}
PROSE_LISTS = {"say", "answers", "deflect", "bridges"}


def _inject(node: Any, key: str = "") -> Any:
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "voice":
                out[k] = v
            else:
                out[k] = _inject(v, k)
        return out
    if isinstance(node, list):
        return [
            f"{v} {MARKUP}" if isinstance(v, str) and key in PROSE_LISTS else _inject(v, key)
            for v in node
        ]
    if isinstance(node, str) and key in PROSE | {"follow_up"}:
        return f"{node} {MARKUP}"
    return node


@pytest.fixture
def hostile_scenario(tmp_path: Path) -> Path:
    doc = yaml.safe_load((REPO / "dialogues" / "connector-intro.yaml").read_text())
    doc = _inject(doc)
    doc["id"] = "markup"
    doc["order"] = 1
    data = tmp_path / "data"
    (data / "dialogues").mkdir(parents=True)
    (data / "dialogues" / "markup.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True))
    return data


def _unsafe_labels(window: Any) -> list[str]:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import Qt as QtGui
    from PySide6.QtWidgets import QApplication, QLabel, QTextBrowser, QTextEdit

    found: list[str] = []
    widgets: list[Any] = [window, *QApplication.topLevelWidgets()]
    seen: set[int] = set()
    for top in widgets:
        for label in top.findChildren(QLabel):
            if id(label) in seen:
                continue
            seen.add(id(label))
            text = label.text()
            if MARK not in text:
                continue
            fmt = label.textFormat()
            rich = fmt == Qt.TextFormat.RichText or (
                fmt == Qt.TextFormat.AutoText and QtGui.mightBeRichText(text)
            )
            if rich and "<h1>" in text:
                found.append(f"{label.objectName() or type(label.parent()).__name__}: {text[:80]}")
        for box in [*top.findChildren(QTextBrowser), *top.findChildren(QTextEdit)]:
            if id(box) in seen:
                continue
            seen.add(id(box))
            if MARK in box.toPlainText() and "<h1>" not in box.toPlainText():
                found.append(f"{box.objectName()}: markup rendered in a text view")
    return found


def test_markup_in_every_authored_field_is_shown_as_text(
    qtbot: Any, hostile_scenario: Path
) -> None:
    from app.testing.driver import make_driver

    app = make_driver(qtbot, hostile_scenario, voice=False, listen=False)
    try:
        problems = _unsafe_labels(app.window)  # the picker
        line = app.start("markup")
        assert MARK in line
        problems += _unsafe_labels(app.window)
        for answer in (f"Hi {MARKUP}", "What does your team do?", "Yes!", "ok", "ok", "ok"):
            if app.window.current_screen != "conversation":
                break
            app.answer(answer)
            problems += _unsafe_labels(app.window)
        app.window.rehearsal.end_early() if app.window.current_screen == "conversation" else None
        app.wait_until(lambda: app.window.current_screen == "results", "the replay")
        problems += _unsafe_labels(app.window)
        app.window.show_history()
        problems += _unsafe_labels(app.window)
    finally:
        app.close()
    assert not problems, "\n".join(sorted(set(problems)))
