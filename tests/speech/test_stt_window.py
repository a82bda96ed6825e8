"""Whisper can decode a window sized to the answer rather than a 30 s one (real Whisper base on
eSpeak): the product's cheap pass; the accurate pass stays in the full window (fewer errors in
noise, bench/speech.py ``@sized``)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.speech import AudioClip, WhisperRecognizer
from app.speech.audio import TARGET_RATE
from app.speech.scoring import corpus_wer
from app.speech.stt_whisper import (
    ACCURATE_BEAM_SIZE,
    FRAMES_PER_S,
    FULL_WINDOW_FRAMES,
    SIZED_TOKEN_CAP,
    WINDOW_MARGIN_S,
    WINDOW_MIN_S,
    WINDOW_STEP_S,
    sized_token_cap,
    trim_leading_quiet,
    window_frames,
)

from .conftest import ANSWERS, espeak

pytestmark = pytest.mark.speech

VOICES = ("en-us", "en-gb", "en-us+m3", "en-gb-x-rp+f2")


def test_the_window_holds_the_audio_and_its_margin_in_few_shapes() -> None:
    """Every length from nothing to 40 s: the window is an even number of frames, a whole number
    of steps, holds the audio plus the margin and the minimum (or is Whisper's full 30 s), and
    no more than one step beyond that; every step size up to 30 s is used, no other."""
    rng = np.random.default_rng(3)
    lengths = [0, 1, TARGET_RATE, 30 * TARGET_RATE, 40 * TARGET_RATE]
    lengths += [int(x) for x in rng.integers(0, 40 * TARGET_RATE, 2000)]
    step = WINDOW_STEP_S * FRAMES_PER_S
    shapes = set()
    for n in lengths:
        frames = window_frames(n)
        shapes.add(frames)
        needed = n * FRAMES_PER_S / TARGET_RATE + WINDOW_MARGIN_S * FRAMES_PER_S
        needed = max(needed, WINDOW_MIN_S * FRAMES_PER_S)
        assert frames % 2 == 0
        assert frames % step == 0
        assert frames == FULL_WINDOW_FRAMES or needed <= frames < needed + step
        assert frames <= FULL_WINDOW_FRAMES
    assert shapes == set(
        range(int(-(-WINDOW_MIN_S * FRAMES_PER_S // step) * step), 3001, int(step))
    )


@pytest.fixture(scope="module")
def base() -> WhisperRecognizer:
    rec = WhisperRecognizer(choice="accurate")
    rec.load()
    if rec.model_name != "base":
        pytest.skip(f"Whisper base is not available here: {rec.notice}")
    return rec


def _decode(rec: WhisperRecognizer, clip: AudioClip, window: bool, words: bool = False):
    rec.window = window
    try:
        return rec.transcribe_words(clip, words=words)
    finally:
        rec.window = False


def test_the_encoder_sees_the_sized_window_only_when_asked(
    base: WhisperRecognizer, espeak_dir: Path
) -> None:
    """Answers in four eSpeak voices, short and long: off (the product), every decode encodes
    Whisper's 30 s; on, the sized window, and the words are still mostly right (it is about 6x
    faster but errs more in noise and on harder voices: bench/speech.py ``@sized``)."""
    assert base.window is False
    sized = []
    shapes: list[int] = []
    encode = base._model.encode

    def spy(features):  # type: ignore[no-untyped-def]
        shapes.append(min(features.shape[-1], base._model.frames))
        return encode(features)

    base._model.encode = spy
    try:
        for i, text in enumerate(ANSWERS[:4]):
            voice = VOICES[i % len(VOICES)]
            if i % 2:  # a longer answer: two sentences
                text = f"{text} {ANSWERS[(i + 5) % len(ANSWERS)]}"
            clip = AudioClip.from_wav(espeak(text, espeak_dir / f"win-{i}.wav", voice))
            shapes.clear()
            _decode(base, clip, window=False)
            assert set(shapes) == {FULL_WINDOW_FRAMES}
            shapes.clear()
            heard, timed = _decode(base, clip, window=True, words=True)
            samples = trim_leading_quiet(clip.resampled().to_float())
            assert set(shapes) == {window_frames(len(samples))}  # a later seek: the same window
            assert shapes[0] < FULL_WINDOW_FRAMES
            assert timed  # word times come out too (streaming needs them)
            sized.append((text, heard.text))
    finally:
        del base._model.encode
    assert corpus_wer(sized) <= 0.15, sized


def test_an_answer_longer_than_a_window_is_decoded_whole(
    base: WhisperRecognizer, espeak_dir: Path
) -> None:
    """Over 30 s Whisper moves on window by window as before: the last sentence is heard."""
    parts = [
        AudioClip.from_wav(espeak(t, espeak_dir / f"long-{i}.wav")).resampled()
        for i, t in enumerate(ANSWERS)
    ]
    clip = parts[0]
    for part in parts[1:]:
        clip = clip + AudioClip(bytes(TARGET_RATE), TARGET_RATE) + part
    assert clip.duration_s > 30
    text = base.transcribe(clip).text
    assert corpus_wer([(" ".join(ANSWERS), text)]) <= 0.15, text
    assert corpus_wer([(ANSWERS[-1], " ".join(text.split()[-len(ANSWERS[-1].split()) :]))]) <= 0.3


def test_a_bounded_decode_stops_at_its_token_limit(
    recognizer: WhisperRecognizer, espeak_dir: Path
) -> None:
    """``max_new_tokens`` (the quick words' guard against a looping decode): real tiny.en on
    long eSpeak answers in two voices stops after about that many tokens (a token or two of
    leeway: the limit counts from the decoder's prompt), and hears the whole answer without it."""
    for i, voice in enumerate(("en-us", "en-gb")):
        text = f"{ANSWERS[i + 2]} {ANSWERS[i + 8]}"
        clip = AudioClip.from_wav(espeak(text, espeak_dir / f"bounded-{i}.wav", voice))
        whole = recognizer.transcribe(clip).text.split()
        recognizer.max_new_tokens = 6
        try:
            short = recognizer.transcribe(clip).text.split()
        finally:
            recognizer.max_new_tokens = None
        assert 1 <= len(short) <= 8 < len(whole), (short, whole)
        assert corpus_wer([(text, " ".join(whole))]) <= 0.25


def test_two_threads_decode_at_once_each_in_its_own_window(espeak_dir: Path) -> None:
    """``workers=2`` (the product: the pause's tail beside a streaming decode): real tiny.en
    decoding two answers at the same time from two threads, one in Whisper's 30 s window and
    one in a sized window, several times over: each thread's encoder sees its own window and
    each answer is heard."""
    import threading

    rec = WhisperRecognizer(choice="fast", workers=2)
    rec.load()
    clips = [
        AudioClip.from_wav(espeak(ANSWERS[i], espeak_dir / f"two-{i}.wav", VOICES[i]))
        for i in (0, 1)
    ]
    seen: list[tuple[int, int]] = []
    encode = rec._model.encode

    def spy(features):  # type: ignore[no-untyped-def]
        seen.append((threading.get_ident(), min(features.shape[-1], rec._model.frames)))
        return encode(features)

    rec._model.encode = spy
    heard: dict[int, list[str]] = {0: [], 1: []}
    idents: dict[int, int] = {}
    start = threading.Barrier(2)

    def decode(i: int) -> None:
        idents[i] = threading.get_ident()
        for _ in range(3):
            start.wait(30)
            heard[i].append(rec.transcribe(clips[i], window=bool(i)).text)

    threads = [threading.Thread(target=decode, args=(i,)) for i in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    del rec._model.encode
    full = {f for ident, f in seen if ident == idents[0]}
    sized = {f for ident, f in seen if ident == idents[1]}
    assert full == {FULL_WINDOW_FRAMES}
    assert sized
    assert max(sized) < FULL_WINDOW_FRAMES
    for i in (0, 1):
        assert len(heard[i]) == 3
        assert corpus_wer([(ANSWERS[i], h) for h in heard[i]]) <= 0.2, heard[i]


def test_a_cheap_decode_is_bounded_by_its_audio_and_never_retries(
    recognizer: WhisperRecognizer, espeak_dir: Path
) -> None:
    """The cheap pass (a sized window) decodes at temperature 0 with at most
    ``sized_token_cap`` tokens for its audio, so a looping decode ends in a fraction of a
    second instead of running to Whisper's limit and retrying at five temperatures (20 s+ for
    one provisional transcript at load); a full-window (accurate) decode keeps the fallback and
    searches more beams (it runs once the reply plays). Real tiny.en on every test answer in two
    voices: the cap never cuts a real answer (each is heard whole within it), and the model is
    asked exactly that."""
    asked: list[dict[str, object]] = []
    model = recognizer._model
    real = model.transcribe

    def spy(samples, **kwargs):  # type: ignore[no-untyped-def]
        asked.append({"n": len(samples), **kwargs})
        return real(samples, **kwargs)

    model.transcribe = spy
    try:
        for i, text in enumerate(ANSWERS):
            voice = VOICES[i % 2]
            clip = AudioClip.from_wav(espeak(text, espeak_dir / f"cap-{i}.wav", voice))
            cheap = recognizer.transcribe(clip, window=True).text
            accurate = recognizer.transcribe(clip, window=False).text
            assert corpus_wer([(accurate, cheap)]) <= 0.35, (text, cheap, accurate)
            assert len(cheap.split()) >= len(text.split()) - 3, (text, cheap)
    finally:
        model.transcribe = real
    cheap_calls, full_calls = asked[0::2], asked[1::2]
    for call in cheap_calls:
        assert call["temperature"] == 0.0
        assert call["max_new_tokens"] == sized_token_cap(int(call["n"]))  # type: ignore[arg-type]
        assert call["beam_size"] == recognizer.beam_size == 2
    for call in full_calls:
        assert "max_new_tokens" not in call
        assert call.get("temperature", (0.0, 0.2)) != 0.0
        assert call["beam_size"] == recognizer.accurate_beam_size == ACCURATE_BEAM_SIZE == 5


def test_the_cheap_token_cap_grows_with_the_audio() -> None:
    """Generous for speech (over 8 tokens a second at any length; fast speech is about 5),
    never above Whisper's own limit for a 20 s window, and growing with the audio."""
    lengths = sorted({0, 1, *range(0, 40 * TARGET_RATE, 3 * TARGET_RATE // 7)})
    caps = [sized_token_cap(n) for n in lengths]
    assert caps == sorted(caps)
    for n, cap in zip(lengths, caps, strict=True):
        assert cap >= 24 + 8 * n // TARGET_RATE
    assert sized_token_cap(20 * TARGET_RATE) <= SIZED_TOKEN_CAP + 4


def _short_lines(count: int, seed: int) -> list[str]:
    """Short spoken lines (1-2.5 s in eSpeak) from word banks: greetings, questions, replies."""
    import random

    rng = random.Random(seed)
    starts = ["Thanks for", "What brings you to", "How did you hear about", "Tell me about"]
    ends = ["the fair today", "coming by", "your team", "yourself", "us", "the role"]
    replies = ["Yes, absolutely.", "Not really.", "Maybe later.", "Sure, why not.", "I think so."]
    lines = []
    for _ in range(count):
        if rng.random() < 0.6:
            line = f"{rng.choice(starts)} {rng.choice(ends)}{rng.choice('.?')}"
        else:
            line = rng.choice(replies)
        lines.append(line)
    return lines


@pytest.mark.parametrize("choice", ["fast", "accurate"])
def test_a_short_answer_in_a_sized_window_is_not_heard_looped(
    choice: str, espeak_dir: Path
) -> None:
    """The cheap pass's class of loop: a 1-2.5 s answer in a window mostly padding came back
    two to five times over ("Tell me a little about yourself. Tell me a little about yourself.
    ..."), in about a quarter of short eSpeak clips with tiny.en in a 5 s window. Generated short
    lines in four voices at three rates, both models: (almost) never more words than were said,
    and the words mostly right."""
    rec = WhisperRecognizer(choice=choice, window=True)
    rec.load()
    if choice == "accurate" and rec.model_name != "base":
        pytest.skip(f"Whisper base is not available here: {rec.notice}")
    pairs = []
    looped = []
    lines = _short_lines(12, seed=len(choice))
    for i, line in enumerate(lines):
        for j, (voice, rate) in enumerate(
            [(v, r) for v in VOICES for r in (140, 190, 240)][i % 3 :: 3]
        ):
            wav = espeak(line, espeak_dir / f"short-{choice}-{i}-{j}.wav", voice, rate)
            heard = rec.transcribe(AudioClip.from_wav(wav)).text
            pairs.append((line, heard))
            if len(heard.split()) > len(line.split()) + 2:
                looped.append((voice, rate, line, heard))
    assert len(pairs) == 48
    assert len(looped) <= 2, looped
    assert corpus_wer(pairs) <= 0.3, pairs
