"""A decode that loops to its end keeps the loop's first copy (`stt_whisper.loop_start`):
generated answers with and without a loop appended, in typed and recognizer style."""

from __future__ import annotations

import random

from app.speech.stt_whisper import loop_start

BANK = [
    "i",
    "have",
    "been",
    "a",
    "nurse",
    "for",
    "ten",
    "years",
    "and",
    "want",
    "to",
    "hear",
    "how",
    "you",
    "moved",
    "into",
    "informatics",
    "what",
    "brings",
    "you",
    "here",
    "today",
    "tell",
    "me",
    "about",
    "your",
    "team",
    "thanks",
    "for",
    "coming",
    "by",
    "honestly",
    "not",
    "sure",
    "yet",
    "the",
    "hardest",
    "part",
    "is",
    "getting",
    "clean",
    "numbers",
    "out",
    "of",
    "old",
    "systems",
]


def _answer(rng: random.Random) -> list[str]:
    words = [rng.choice(BANK) for _ in range(rng.randint(3, 30))]
    # no accidental loop at the end: the last two words differ from the two before them
    while len(words) >= 4 and words[-2:] == words[-4:-2]:
        words[-1] = rng.choice(BANK)
    return words


def _styled(words: list[str], rng: random.Random) -> list[str]:
    if rng.random() < 0.5:
        return words
    out = [w.capitalize() if i == 0 else w for i, w in enumerate(words)]
    out[-1] += rng.choice(".?!")
    return out


def test_a_loop_at_the_end_is_cut_after_its_first_copy() -> None:
    rng = random.Random(9)
    for _ in range(500):
        said = _answer(rng)
        phrase = said[-rng.randint(2, min(8, len(said))) :]
        copies = rng.randint(1, 4)
        tail = phrase[: rng.randint(0, len(phrase) - 1)]  # the token limit cuts the last copy
        heard = _styled(said + phrase * copies + tail, rng)
        keep = loop_start(heard)
        assert keep is not None
        # the repeats go; of what was said before them, at most words the loop repeats
        assert len(said) - 2 * len(phrase) < keep <= len(said), (heard, keep)
        # and what goes repeats the kept words' last `period` words, over and over
        norm = ["".join(c for c in w.lower() if c.isalnum()) for w in heard]
        assert any(
            all(norm[i] == norm[i - period] for i in range(keep, len(norm)))
            for period in range(2, keep + 1)
        ), (heard, keep)


def test_an_answer_without_a_loop_is_kept_whole() -> None:
    rng = random.Random(10)
    for _ in range(500):
        heard = _styled(_answer(rng), rng)
        assert loop_start(heard) is None, heard


def test_a_single_word_said_twice_is_not_a_loop() -> None:
    for heard in (["no", "no"], ["yes", "yes", "yes"], ["very", "very", "good"]):
        assert loop_start(heard) is None
