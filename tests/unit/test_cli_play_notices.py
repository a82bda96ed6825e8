"""Trial 8 H16 (command line): `play` on a locked history printed the same "Another ... is
using" sentence once per refused write (7 times), each with a growing "(N unsaved turns kept
in memory.)". Generated streams of notices: each sentence is said once, whatever its count;
different sentences are each said."""

from __future__ import annotations

import random

import pytest

from app.cli.play import news

SENTENCES = [
    "Another program is using /d/frameshift.db (another Frameshift, or a tool that opened it). "
    "Close it, or start this one with --data-dir DIR.",
    "Nothing can be saved: the data folder /ro is on a read-only disk. Rehearsals still run.",
    "The disk holding /d/frameshift.db is full. Free some space.",
    "This session was deleted in another Frameshift.",
]


@pytest.mark.parametrize("seed", range(30))
def test_each_sentence_is_said_once_whatever_its_count(seed: int) -> None:
    rng = random.Random(seed)
    stream = []
    for _ in range(rng.randint(1, 40)):
        sentence = rng.choice(SENTENCES)
        if rng.random() < 0.7:
            n = rng.randint(1, 12)
            sentence += f" ({n} unsaved turn{'s' if n != 1 else ''} kept in memory.)"
        stream.append(sentence)
    said: set[str] = set()
    printed = [m for m in stream if news(m, said)]
    firsts = {next(m for m in stream if m.startswith(s)) for s in SENTENCES if any(
        m.startswith(s) for m in stream)}  # fmt: skip
    assert set(printed) == firsts
    assert len(printed) == len(firsts)
