"""Scoring the analyzer against a labelled corpus (tests/data/framing); shared by tests and bench.

Corpus answers are `{"manager", "answer", "frame", "cues"}` (the cues an answer must show);
conversations are transcripts with a labelled `shift` turn (or null) and a `note`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.framing.analyzer import analyze, analyze_answer
from app.framing.model import Turn
from app.framing.transcript import parse_transcript
from app.framing.vocabulary import FRAMES, Frame


@dataclass(frozen=True)
class LabelledAnswer:
    """One seeker answer with the frame and cues a careful reader gave it."""

    manager: str | None
    answer: str
    frame: Frame
    cues: tuple[str, ...]


@dataclass(frozen=True)
class LabelledConversation:
    """A whole transcript with the turn where it tipped (None: never)."""

    turns: tuple[Turn, ...]
    shift: int | None
    note: str


@dataclass(frozen=True)
class AnswerReport:
    """How the analyzer did on a set of answers."""

    accuracy: float
    macro_f1: float
    cue_recall: float
    wrong_frames: tuple[LabelledAnswer, ...]
    missed_cues: tuple[tuple[LabelledAnswer, tuple[str, ...]], ...]


def _lines(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_answers(path: Path) -> list[LabelledAnswer]:
    """Read a JSON Lines file of labelled answers."""
    items = []
    for raw in _lines(path):
        frame = str(raw["frame"])
        if frame not in FRAMES:
            raise ValueError(f"{path}: unknown frame {frame!r}")
        manager = raw.get("manager")
        cues = raw.get("cues", [])
        items.append(
            LabelledAnswer(
                manager=None if manager is None else str(manager),
                answer=str(raw["answer"]),
                frame=next(f for f in FRAMES if f == frame),
                cues=tuple(str(c) for c in cues) if isinstance(cues, list) else (),
            )
        )
    return items


def load_split(path: Path, split: str) -> list[LabelledAnswer]:
    """The items of an imported writer's file (tests/data/framing/hands) in one `split`:
    "train", "holdout" or "other_hand"."""
    raws = _lines(path)
    items = load_answers(path)
    return [item for raw, item in zip(raws, items, strict=True) if raw.get("split") == split]


_PUNCTUATION = re.compile(r"[^\w\s'’-]|(?<!\w)-|-(?!\w)")


def recognizer_style(text: str) -> str:
    """`text` as a speech recognizer writes it: lower case, no punctuation, no apostrophes."""
    plain = _PUNCTUATION.sub(" ", text.lower()).replace("'", "").replace("’", "")
    return " ".join(plain.split())


def recognizer_copy(items: Sequence[LabelledAnswer]) -> list[LabelledAnswer]:
    """The same answers (and manager lines) in recognizer style, same labels."""
    return [
        LabelledAnswer(
            manager=None if item.manager is None else recognizer_style(item.manager),
            answer=recognizer_style(item.answer),
            frame=item.frame,
            cues=item.cues,
        )
        for item in items
    ]


def load_conversations(path: Path) -> list[LabelledConversation]:
    """Read a JSON Lines file of labelled conversations."""
    conversations = []
    for raw in _lines(path):
        shift = raw.get("shift")
        conversations.append(
            LabelledConversation(
                turns=tuple(parse_transcript(raw)),
                shift=shift if isinstance(shift, int) else None,
                note=str(raw.get("note", "")),
            )
        )
    return conversations


def macro_f1(pairs: Sequence[tuple[str, str]]) -> float:
    """Mean F1 over the three frames, from (expected, predicted) pairs."""
    counts = Counter(pairs)
    scores = []
    for frame in FRAMES:
        tp = counts[(frame, frame)]
        fp = sum(n for (want, got), n in counts.items() if got == frame and want != frame)
        fn = sum(n for (want, got), n in counts.items() if want == frame and got != frame)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def evaluate_answers(items: Sequence[LabelledAnswer], *, rules_only: bool = False) -> AnswerReport:
    """Frame accuracy, macro-F1 and cue recall of `analyze_answer` on labelled answers."""
    pairs: list[tuple[str, str]] = []
    wrong: list[LabelledAnswer] = []
    missed: list[tuple[LabelledAnswer, tuple[str, ...]]] = []
    expected_cues = found_cues = 0
    for item in items:
        result = analyze_answer(item.manager, item.answer, rules_only=rules_only)
        pairs.append((item.frame, result.frame))
        if result.frame != item.frame:
            wrong.append(item)
        names = {cue.cue for cue in result.cues}
        absent = tuple(cue for cue in item.cues if cue not in names)
        expected_cues += len(item.cues)
        found_cues += len(item.cues) - len(absent)
        if absent:
            missed.append((item, absent))
    total = len(items)
    return AnswerReport(
        accuracy=(total - len(wrong)) / total if total else 0.0,
        macro_f1=macro_f1(pairs),
        cue_recall=found_cues / expected_cues if expected_cues else 1.0,
        wrong_frames=tuple(wrong),
        missed_cues=tuple(missed),
    )


def shift_accuracy(
    conversations: Sequence[LabelledConversation], *, rules_only: bool = False
) -> float:
    """Share of conversations whose detected shift turn (or None) equals the label."""
    if not conversations:
        return 0.0
    right = 0
    for conversation in conversations:
        shift = analyze(conversation.turns, rules_only=rules_only).shift
        right += (None if shift is None else shift.turn) == conversation.shift
    return right / len(conversations)
