"""The analyzer against the labelled corpus: frames, cues and shift turns."""

from __future__ import annotations

import json

import pytest
from framing_helpers import CONVERSATIONS, DEV, HOLDOUT

from app.framing import CUE_NAMES, FRAMES
from app.framing.evaluation import (
    evaluate_answers,
    load_answers,
    load_conversations,
    shift_accuracy,
)
from app.framing.vocabulary import SEEKER_CUES


def test_dev_corpus_is_big_varied_and_well_formed() -> None:
    """The dev set has 240+ answers, every seeker cue and frame, and half in recognizer style."""
    items = load_answers(DEV)
    assert len(items) >= 240
    assert {item.frame for item in items} == set(FRAMES)
    assert {cue for item in items for cue in item.cues} == set(SEEKER_CUES)
    assert all(set(item.cues) <= CUE_NAMES for item in items)
    plain = [
        i for i in items if i.answer == i.answer.lower() and not any(c in i.answer for c in ".,?!")
    ]
    assert len(plain) * 2 >= len(items)


def test_holdout_corpus_is_big_enough() -> None:
    """The holdout set has at least 60 answers covering all three frames."""
    items = load_answers(HOLDOUT)
    assert len(items) >= 60
    assert {item.frame for item in items} == set(FRAMES)


def test_dev_macro_f1() -> None:
    """Frames on the dev set reach macro-F1 0.90."""
    report = evaluate_answers(load_answers(DEV))
    assert report.macro_f1 >= 0.90, [i.answer for i in report.wrong_frames]


def test_holdout_macro_f1() -> None:
    """Frames on the untuned holdout set reach macro-F1 0.85."""
    report = evaluate_answers(load_answers(HOLDOUT))
    assert report.macro_f1 >= 0.85, [i.answer for i in report.wrong_frames]


def test_every_dev_answer_shows_its_labelled_cues() -> None:
    """Per item, every cue the dev label requires is found."""
    report = evaluate_answers(load_answers(DEV))
    assert report.missed_cues == (), [(i.answer, m) for i, m in report.missed_cues]


def test_holdout_cue_recall() -> None:
    """On the holdout set at least 85% of labelled cues are found."""
    assert evaluate_answers(load_answers(HOLDOUT)).cue_recall >= 0.85


def test_conversations_are_well_formed() -> None:
    """14+ conversations of 6-14 turns; each labelled shift points at a seeker turn."""
    conversations = load_conversations(CONVERSATIONS)
    assert len(conversations) >= 14
    for conversation in conversations:
        assert 6 <= len(conversation.turns) <= 14, conversation.note
        if conversation.shift is not None:
            assert conversation.turns[conversation.shift].speaker == "seeker", conversation.note
    assert any("seed story" in c.note.lower() for c in conversations)


def test_shift_accuracy() -> None:
    """The detected shift turn matches the label in 90% of conversations."""
    assert shift_accuracy(load_conversations(CONVERSATIONS)) >= 0.90


@pytest.mark.parametrize("path", [DEV, HOLDOUT, CONVERSATIONS], ids=lambda p: p.name)
def test_corpus_files_are_json_lines(path: object) -> None:
    """Every non-blank line of every corpus file is one JSON object."""
    with open(str(path), encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            assert isinstance(json.loads(line), dict), f"line {number}"
