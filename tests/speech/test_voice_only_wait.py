"""Sure, finished words that only the voice holds (issue 15, session 17): the product's detector
(``make_microphone``'s VadConfig, the wait on: ``factory.VOICE_ONLY_WAIT_MS`` is None, off, until
a held-out run says it cuts no more) ends the pause after the voice-only wait when Whisper
gave the last word at least ``VOICE_ONLY_P`` and the last sentence is a whole clause
(``VOICE_ONLY_WORDS`` words or more), even though the voice did not fall: Piper says "I came
tonight to learn how people here got into data work." without a falling voice, and it waited
the 1.2 s unsure wait (session 15's turn-gap p95). A short sentence ("I was the first. | person
in my family..."), a less sure last word, a doubted one, words unsure by themselves keep the
unsure wait; a falling voice keeps the finished wait.

Generated: long and short finished sentences from parts, crossed with last-word probabilities
and pauses; a seeded sample (a few hundred detector runs, seconds)."""

from __future__ import annotations

import functools
import itertools
import random
from dataclasses import replace

import numpy as np
import pytest

from app.speech import AudioClip
from app.speech.audio import TARGET_RATE
from app.speech.quickwords import Heard
from app.speech.vad import SpeechEnded, Vad, VadConfig, VadEvent

from .pauses import pause_after

pytestmark = pytest.mark.speech

RATE = TARGET_RATE


class _Settings:
    input_device = ""
    end_silence_ms = 550
    max_answer_s = 30.0


#: The voice-only wait the tests use: the product's (factory.VOICE_ONLY_WAIT_MS) when it sets
#: one, else the candidate measured in session 17 (bench/endpointing.py "_vo600_w10").
VOICE_ONLY_MS = 600


@functools.cache
def _product_config() -> VadConfig:
    """The product's detector (make_microphone's VadConfig) with the voice-only wait on."""
    from app.speech import factory

    config = factory.make_microphone(_Settings()).vad.config  # type: ignore[arg-type,attr-defined]
    return replace(
        config, text_voice_only_ms=getattr(factory, "VOICE_ONLY_WAIT_MS", None) or VOICE_ONLY_MS
    )


#: Whole clauses of 10+ words: an opening, a middle, an end.
OPENINGS = ["I came tonight to learn", "I moved into analytics to understand",
            "Honestly, I wanted to find out", "I spent the last two years working out",
            "My manager asked me to look at"]  # fmt: skip
MIDDLES = ["how people here", "why the small teams", "what the nurses on the ward",
           "where our best customers"]  # fmt: skip
ENDS = ["got into data work.", "ended up in this field.", "really needed from us.",
        "kept coming back."]  # fmt: skip
#: Short finished sentences (under 10 words in the last one), alone or after a long one.
SHORT = ["I was the first.", "That makes sense.", "I studied engineering.", "Not yet.",
         "My experience taught me a lot.", "I worked with the finance team."]  # fmt: skip
SURE = [0.9, 0.93, 0.97, 0.99]
LESS_SURE = [0.7, 0.8, 0.89]  # over text_sure_p: finished words, not doubted


def _long_sentences(n: int, seed: int) -> list[str]:
    grid = list(itertools.product(OPENINGS, MIDDLES, ENDS))
    return [" ".join(parts) for parts in random.Random(seed).sample(grid, n)]


def _pause(vad: Vad, seed: int) -> AudioClip:
    rng = np.random.default_rng(seed)
    t = np.arange(int(rng.uniform(0.8, 2.0) * RATE)) / RATE
    tone = 0.2 * 32767 * np.sin(2 * np.pi * rng.uniform(100, 250) * t)
    return pause_after(vad, tone.astype(np.int16))


def _ended_ms(vad: Vad, events: list[VadEvent], cap_ms: int = 4000) -> int | None:
    if any(isinstance(e, SpeechEnded) for e in events):
        return vad.pause_ms or 0
    while vad.pause_ms < cap_ms:
        ms = vad.pause_ms
        if any(isinstance(e, SpeechEnded) for e in vad.feed(np.zeros(RATE // 50, np.int16))):
            return ms + 20
    return None


def _ends_after(text: str, p: float, goes_on: bool, seed: int) -> int | None:
    config = _product_config()
    vad = Vad(config, ask_end_of_turn=True, continues=lambda _c: goes_on)
    clip = _pause(vad, seed)
    said = Heard(text, p, continues=goes_on, falls=not goes_on)
    return _ended_ms(vad, vad.hint_text(clip, said))


def _near(ended: int | None, wait: int) -> bool:
    return ended is not None and wait - 100 <= ended <= wait + 100


LONG = _long_sentences(16, seed=17)
LONG_CASES = [(t, p, seed) for seed, (t, p) in enumerate(itertools.product(LONG, SURE))]


def test_the_product_narrows_the_voice_only_wait() -> None:
    """Whatever the wait: only a sure last word of a whole clause takes it."""
    from app.speech import factory

    config = _product_config()
    assert config.text_voice_only_ms is not None
    assert config.text_finished_ms <= config.text_voice_only_ms < config.text_unsure_ms
    assert config.text_voice_only_p >= factory.VOICE_ONLY_P >= 0.9
    assert config.text_voice_only_words >= factory.VOICE_ONLY_WORDS >= 10


@pytest.mark.parametrize("chunk", range(4))
def test_a_sure_whole_clause_the_voice_alone_holds_ends_at_the_voice_only_wait(chunk: int) -> None:
    """16 long sentences x 4 sure last words: the voice going on, the voice-only wait (was the
    1.2 s unsure wait); the voice falling, the finished wait."""
    config = _product_config()
    wait = config.text_voice_only_ms  # None before session 17: the unsure wait, 1.2 s
    wrong = []
    for text, p, seed in LONG_CASES[chunk::4]:
        ended = _ends_after(text, p, True, seed)
        if wait is None or not _near(ended, wait):
            wrong.append((text, p, ended))
        fell = _ends_after(text, p, False, seed)
        if not _near(fell, config.text_finished_ms):
            wrong.append((text, p, fell, "fell"))
    assert not wrong, f"{len(wrong)}: {wrong[:5]}"


def test_a_short_sentence_or_a_less_sure_last_word_keeps_the_unsure_wait() -> None:
    """The voice going on after a short last sentence ("I was the first." may open "... person
    in my family to go to college"), alone or after a long one, or after a long one whose last
    word Whisper was less sure of: the unsure wait, as before."""
    config = _product_config()
    rng = random.Random(5)
    cases = [(s, p) for s in SHORT for p in SURE]
    cases += [(f"{rng.choice(LONG)} {s}", rng.choice(SURE)) for s in SHORT for _ in range(3)]
    cases += [(t, p) for t in LONG[:12] for p in LESS_SURE]
    wrong = []
    for seed, (text, p) in enumerate(cases):
        ended = _ends_after(text, p, True, seed)
        if not _near(ended, config.text_unsure_ms):
            wrong.append((text, p, ended))
    assert not wrong, f"{len(wrong)} of {len(cases)}: {wrong[:5]}"
