"""Whisper's doubt of the last word at a pause (issue 15, session 8): doubted words that end a
sentence, said with a clear final pitch fall, wait less than unsure ones; and the quick words'
tail starts in a gap between words, never mid-word. Generated instances of each class."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from app.speech import AudioClip
from app.speech.audio import TARGET_RATE, frame_levels
from app.speech.endwords import judge
from app.speech.quickwords import GAP_FRAMES, TAIL_MAX_S, TAIL_S, Heard, tail_start
from app.speech.vad import SpeechEnded, Vad, VadConfig, VadEvent

from .pauses import pause_after

RATE = TARGET_RATE

FINISHED = ["Thanks a lot.", "I studied engineering.", "That makes sense.", "Not yet.",
            "I was working as an analyst.", "It was hard, but I learned a lot."]  # fmt: skip
UNFINISHED = ["I would like to...", "I have been working as a", "What I enjoy most is",
              "Not really, but I,"]  # fmt: skip
UNSURE = ["I think so.", "When I started.", "I'd like that."]
DOUBTS = [0.05, 0.2, 0.4, 0.55, 0.69]  # last-word probabilities under VadConfig.text_sure_p


def _pause(vad: Vad) -> AudioClip:
    """Quiet, a 1 s tone (energy VAD) and quiet until the pause is announced; its clip."""
    t = np.arange(RATE) / RATE
    return pause_after(vad, (0.2 * 32767 * np.sin(2 * np.pi * 200 * t)).astype(np.int16))


def _ended_ms(vad: Vad, events: list[VadEvent], cap_ms: int = 4000) -> int | None:
    """The pause's length when the answer ended (feeding quiet from here), or None by cap_ms."""
    if any(isinstance(e, SpeechEnded) for e in events):
        return vad.pause_ms or 0
    while vad.pause_ms < cap_ms:
        ms = vad.pause_ms
        if any(isinstance(e, SpeechEnded) for e in vad.feed(np.zeros(RATE // 50, np.int16))):
            return ms + 20
    return None


@pytest.mark.parametrize(
    ("quick", "whole"), list(itertools.product(FINISHED[:4], [*FINISHED, *UNFINISHED, *UNSURE]))
)
def test_a_doubt_with_a_clear_fall_waits_less_whatever_a_sure_look_adds(
    quick: str, whole: str
) -> None:
    """The quick words heard a finished sentence but doubted its last word (any doubt under
    text_sure_p), the voice fell clearly; then the whole answer's decode (a plain str: sure)
    comes: finished words keep the doubt's shorter wait (its doubt is still the only reason to
    wait), words that stop mid-sentence hold the pause to the cap, words unsure by themselves
    wait the unsure wait. Without the fall every doubt waits the unsure wait, as in session 7."""
    for p, falls in itertools.product(DOUBTS, (True, False)):
        config = VadConfig(use_text=True)
        vad = Vad(config, ask_end_of_turn=True, continues=lambda _clip: False)
        clip = _pause(vad)
        events = vad.hint_text(clip, Heard(quick, p, continues=False, falls=falls), tail=True)
        events += vad.hint_text(clip, whole)
        ended = _ended_ms(vad, events)
        said = judge(whole)
        if said == "unfinished":
            assert ended is None or ended >= config.end_silence_max_ms - 100, (p, ended)
            continue
        assert config.text_doubt_fall_ms is not None
        wait = config.text_doubt_fall_ms if falls and said == "finished" else config.text_unsure_ms
        assert ended is not None, (p, falls)
        assert wait - 100 <= ended <= wait + 100, (p, falls, ended)


@pytest.mark.parametrize("text", FINISHED)
def test_only_a_doubt_alone_waits_less(text: str) -> None:
    """Doubted finished words said with a clear fall, then a second look at the same pause: a
    second doubt keeps the shorter wait; a loop or sure words said with a voice that goes on
    (evidence, not doubt) wait the unsure wait."""
    from app.speech.quickwords import heard
    from app.speech.streaming import HeardWord

    loop = heard([HeardWord(w, 0.0, 0.0, 0.9) for w in ("not real, " * 8).split()])
    assert loop.looped
    config = VadConfig(use_text=True)
    assert config.text_doubt_fall_ms is not None
    for p in DOUBTS:
        seconds = [  # (a Heard is a str: equal texts are one dict key, so a list)
            (Heard(text, p, continues=False, falls=True), config.text_doubt_fall_ms),
            (loop, config.text_unsure_ms),
            (Heard(text, 0.99, continues=True, falls=False), config.text_unsure_ms),
        ]
        for second, wait in seconds:
            vad = Vad(config, ask_end_of_turn=True, continues=lambda _clip: False)
            clip = _pause(vad)
            events = vad.hint_text(clip, Heard(text, p, continues=False, falls=True), tail=True)
            events += vad.hint_text(clip, second)
            ended = _ended_ms(vad, events)
            assert ended is not None
            assert wait - 100 <= ended <= wait + 100, (p, str(second), ended)


@pytest.mark.parametrize("text", FINISHED)
def test_doubted_words_said_with_a_clear_fall_wait_less_than_unsure_ones(text: str) -> None:
    """Finished words whose last word Whisper doubts, said with a clear final fall
    (Heard.falls): the pause ends after text_doubt_fall_ms, for every doubt and several waits;
    without the fall, with a voice that goes on, or with the option off: the unsure wait; sure
    words end after the finished wait whatever the fall says."""
    for p, fall_ms in itertools.product([*DOUBTS, 0.95], (400, 600, 800, None)):
        for falls, goes_on in ((True, False), (False, False), (False, True)):
            config = VadConfig(use_text=True, text_doubt_fall_ms=fall_ms)
            vad = Vad(config, ask_end_of_turn=True)
            clip = _pause(vad)
            heard = Heard(text, p, continues=goes_on, falls=falls)
            ended = _ended_ms(vad, vad.hint_text(clip, heard, tail=True))
            assert ended is not None
            if goes_on:
                wait = config.text_unsure_ms
            elif p >= config.text_sure_p:
                wait = config.text_finished_ms
            elif falls and fall_ms is not None:
                wait = fall_ms
            else:
                wait = config.text_unsure_ms
            assert wait - 100 <= ended <= wait + 100, (p, fall_ms, falls, goes_on, ended)


def _speech(rng: np.random.Generator, seconds: float) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Generated 'words': voiced bursts (random pitch, length 120-500 ms, with 20-50 ms stop
    closures inside some) separated by gaps of 80-300 ms, in room noise; the (start, end)
    samples of each gap."""
    x: list[np.ndarray] = []
    gaps = []
    n = 0
    while n < seconds * RATE:
        length = int(rng.uniform(0.12, 0.5) * RATE)
        t = np.arange(length) / RATE
        word = 0.2 * np.sin(2 * np.pi * rng.uniform(90, 260) * t) * np.hanning(length) ** 0.3
        if length > 0.3 * RATE and rng.random() < 0.7:  # a stop closure inside the word
            at = int(rng.uniform(0.3, 0.6) * length)
            word[at : at + int(rng.uniform(0.02, 0.05) * RATE)] *= 0.02
        gap = int(rng.uniform(0.08, 0.3) * RATE)
        x += [word, np.zeros(gap)]
        gaps.append((n + length, n + length + gap))
        n += length + gap
    out = np.concatenate(x)
    out += rng.normal(0, 10 ** (rng.uniform(-62, -46) / 20), len(out))
    return (np.clip(out, -1, 1) * 32767).astype(np.int16), gaps


@pytest.mark.parametrize("seed", range(40))
def test_the_quick_words_tail_starts_in_a_gap_between_words(seed: int) -> None:
    """Generated answers of 1-12 s: a clip longer than TAIL_MAX_S is cut between TAIL_MAX_S and
    TAIL_S before its end, inside a gap between words (never inside a word or at one of its stop
    closures) whenever that stretch holds a whole gap; a shorter clip is decoded whole."""
    rng = np.random.default_rng(seed)
    x, gaps = _speech(rng, float(rng.uniform(1.0, 12.0)))
    start = tail_start(x)
    n = len(x)
    if n <= TAIL_MAX_S * RATE:
        assert start == 0
        return
    lo, hi = n - int(TAIL_MAX_S * RATE), n - int(TAIL_S * RATE)
    assert lo <= start <= hi
    span = GAP_FRAMES * RATE // 100  # the quietest run must fit inside a gap
    whole = [(a, b) for a, b in gaps if a >= lo and b <= hi and b - a >= span]
    if whole:
        assert any(a <= start < b for a, b in gaps), (seed, start, whole)
    levels = frame_levels(x[start - 80 : start + 80], 160)
    assert float(levels.max()) < 0.02, (seed, start)


def test_a_fixed_cut_would_start_mid_word_where_the_gap_cut_does_not() -> None:
    """The class the change is for: over the generated answers, the session-7 cut (the last
    TAIL_S, wherever it falls) lands inside a word in most of them; the gap cut in none."""
    fixed_inside = gap_inside = total = 0
    for seed in range(40):
        x, gaps = _speech(np.random.default_rng(seed), 8.0)
        total += 1
        fixed = len(x) - int(TAIL_S * RATE)
        fixed_inside += not any(a <= fixed < b for a, b in gaps)
        gap_inside += not any(a <= tail_start(x) < b for a, b in gaps)
    assert gap_inside == 0
    assert fixed_inside > total // 3
