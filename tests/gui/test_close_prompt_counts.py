"""The close prompt words every count in agreement: "Your 1 answer so far is saved; you can
review it in History", "Your 2 answers ... are saved; ... review them", "1 turn could not be
saved" (it said "review them" of one answer and "turn(s)"). Generated over counts 0..25 of
answers and of unsaved turns, with and without a typed draft, and through the real dialog."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from app.ui.close_prompt import ask_end_conversation, close_detail

COUNTS = range(26)


def _agrees(text: str) -> None:
    assert "(s)" not in text, text
    for n, noun in re.findall(r"\b(\d+) (answers?|turns?)\b", text):
        assert noun.endswith("s") == (int(n) != 1), text
    if re.search(r"\b1 answer\b", text):
        assert "so far is saved" in text, text
        assert "review it in History" in text, text
    if re.search(r"\b([02-9]|\d\d+) answers\b", text):
        assert "so far are saved" in text, text
        assert "review them in History" in text, text


@pytest.mark.parametrize("draft", ["", "I was going to ask about the team"])
@pytest.mark.parametrize("answered", COUNTS)
def test_the_answers_so_far_are_counted_in_agreement(answered: int, draft: str) -> None:
    text = close_detail(answered=answered, draft=draft)
    _agrees(text)
    if answered:
        assert text.startswith(f"Your {answered} answer"), text
    else:
        assert text.startswith("It stays in History, marked unfinished."), text
    assert ("is not kept if you close" in text) == bool(draft)


@pytest.mark.parametrize("answered", [0, 1, 2, 7])
@pytest.mark.parametrize("unsaved", COUNTS[1:])
def test_the_unsaved_turns_are_counted_in_agreement(unsaved: int, answered: int) -> None:
    text = close_detail(answered=answered, unsaved=unsaved)
    _agrees(text)
    noun = "turn" if unsaved == 1 else "turns"
    assert text.startswith(f"{unsaved} {noun} could not be saved yet and will be lost."), text


@pytest.mark.parametrize(("answered", "unsaved"), [(0, 0), (1, 0), (2, 0), (25, 0), (3, 1), (3, 2)])
def test_the_dialog_shows_the_agreeing_words(
    qapp: QApplication, answered: int, unsaved: int
) -> None:
    parent = QWidget()
    seen: list[str] = []

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, poll)
            return
        seen.append(box.informativeText())
        keep = box.findChild(QPushButton, "closeKeepButton")
        assert keep is not None
        keep.click()

    QTimer.singleShot(0, poll)
    assert ask_end_conversation(parent, answered=answered, unsaved=unsaved) is False
    (text,) = seen
    assert text == close_detail(answered=answered, unsaved=unsaved)
    _agrees(text)
    parent.deleteLater()
