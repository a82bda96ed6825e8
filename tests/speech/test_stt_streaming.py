"""Decoding while the user speaks: LocalAgreement's prefix logic on generated hypotheses, and the
answer stream on real audio with the real recognizer and DeepFilterNet3."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.speech import AudioClip, WhisperRecognizer
from app.speech.audio import TARGET_RATE
from app.speech.denoise import ATTENUATION_LIMIT_DB, Denoiser, denoise
from app.speech.protocols import Transcript
from app.speech.scoring import corpus_wer, normalize_text
from app.speech.streaming import (
    TAIL_MIN_S,
    AnswerStream,
    HeardWord,
    LocalAgreement,
    agreed_prefix,
    word_key,
)

from .conftest import ANSWERS, espeak

WORDS = st.sampled_from(["we", "ship", "Data", "data,", "team", "um", "week.", "I'm", "five"])


@given(st.lists(WORDS, max_size=8), st.lists(WORDS, max_size=8))
def test_agreed_prefix_is_the_longest_shared_start(a: list[str], b: list[str]) -> None:
    n = agreed_prefix(a, b)
    assert n <= min(len(a), len(b))
    assert [word_key(w) for w in a[:n]] == [word_key(w) for w in b[:n]]
    if n < min(len(a), len(b)):
        assert word_key(a[n]) != word_key(b[n])
    assert agreed_prefix(b, a) == n


@settings(max_examples=300)
@given(
    truth=st.lists(WORDS, min_size=1, max_size=12),
    cuts=st.lists(st.integers(0, 12), min_size=1, max_size=10),
    noise=st.lists(st.lists(WORDS, max_size=3), min_size=10, max_size=10),
    settle=st.lists(st.integers(0, 15), min_size=10, max_size=10),
    forced=st.booleans(),
)
def test_committed_words_are_what_two_decodes_agreed_on(
    truth: list[str], cuts: list[int], noise: list[list[str]], settle: list[int], forced: bool
) -> None:
    """Hypotheses = the truth heard so far plus a garbled tail (what Whisper does at the edge of a
    growing clip), or (``forced``) the committed words then that. The text is always the newest
    hypothesis; every newly committed word sat at the same place in two consecutive hypotheses
    and within ``settled``; with forced decodes the committed words only grow; with noise-free
    growth only the truth is committed."""
    agreement = LocalAgreement()
    previous: list[str] | None = None
    heard = 0
    for cut, tail, settled in zip(sorted(cuts), noise, settle, strict=False):
        heard = max(heard, min(cut, len(truth)))
        hypothesis = truth[:heard] + tail
        if forced:
            done = agreement.committed
            hypothesis = done + hypothesis[agreed_prefix(done, hypothesis) :]
        before = list(agreement.committed)
        newly = agreement.update(hypothesis, settled)
        assert [word_key(w) for w in agreement.text.split()] == [word_key(w) for w in hypothesis]
        k = len(agreement.committed)
        if newly:
            assert previous is not None
            assert k <= settled
            assert [word_key(w) for w in previous[:k]] == [word_key(w) for w in hypothesis[:k]]
        if forced:
            assert agreement.committed[: len(before)] == before
        previous = hypothesis
    if all(not t for t in noise):
        assert truth[: len(agreement.committed)] == agreement.committed


def test_two_identical_decodes_commit_everything_and_reset_forgets() -> None:
    agreement = LocalAgreement()
    assert agreement.update(["I", "have", "been"]) == []
    assert agreement.committed == []
    assert agreement.text == "I have been"
    assert agreement.update(["I", "have", "been", "working"]) == ["I", "have", "been"]
    assert agreement.tentative == ["working"]
    # The next decode starts with the committed words (forced): only its tail is compared.
    assert agreement.update(["I", "have", "been", "working", "as"]) == ["working"]
    assert agreement.committed_text == "I have been working"
    agreement.reset()
    assert agreement.text == ""
    assert agreement.update(["Hi"]) == []


def test_a_decode_that_hears_committed_words_differently_takes_them_back() -> None:
    agreement = LocalAgreement()
    agreement.update(["we", "shipped", "three"])
    agreement.update(["we", "shipped", "three", "releases"])
    assert agreement.committed == ["we", "shipped", "three"]
    agreement.update(["We", "ship", "three", "releases", "last"])  # not forced: heard anew
    assert agreement.committed == ["we"]
    assert agreement.text == "we ship three releases last"


@pytest.mark.speech
def test_streaming_an_answer_commits_its_start_and_ends_with_the_tail(
    recognizer: WhisperRecognizer, espeak_dir
) -> None:
    """Real tiny.en on eSpeak answers fed every second: committed words are the start of the
    final text, the final decode forces them, and the result is as good as one whole decode."""
    stream = AnswerStream(recognizer)
    pairs_stream, pairs_whole, committed_any = [], [], 0
    for i, text in enumerate(ANSWERS[:2]):
        clip = AudioClip.from_wav(espeak(text, espeak_dir / f"stream-{i}.wav")).resampled()
        stream.reset()
        step = TARGET_RATE * 2  # bytes a second
        for end in range(step, len(clip.pcm), step):
            partial = stream.step(AudioClip(clip.pcm[:end], TARGET_RATE))
            assert partial is not None
            assert partial.startswith(stream.committed_text)
        committed = stream.committed_text
        committed_any += bool(committed)
        final = stream.decode(clip).text
        assert normalize_text(final)[: len(normalize_text(committed))] == normalize_text(committed)
        pairs_stream.append((text, final))
        pairs_whole.append((text, recognizer.transcribe(clip).text))
    assert committed_any >= 1
    assert corpus_wer(pairs_stream) <= corpus_wer(pairs_whole) + 0.05, pairs_stream


@pytest.mark.speech
def test_a_clip_that_does_not_continue_the_answer_starts_a_new_one(
    recognizer: WhisperRecognizer, espeak_dir
) -> None:
    stream = AnswerStream(recognizer)
    a = AudioClip.from_wav(espeak(ANSWERS[1], espeak_dir / "new-a.wav")).resampled()
    b = AudioClip.from_wav(espeak(ANSWERS[4], espeak_dir / "new-b.wav")).resampled()
    # Growing, then whole twice: two passes over the same audio agree, so words are committed
    # whatever the recognizer makes of the growing ones ("I've been" / "I have been").
    for end in (32_000, 64_000, 96_000, len(a.pcm), len(a.pcm)):
        stream.step(AudioClip(a.pcm[:end], TARGET_RATE))
    assert stream.committed_text
    text = stream.decode(b).text
    assert stream.committed_text == ""
    assert corpus_wer([(ANSWERS[4], text)]) <= 0.2


def _pink(n: int, seed: int) -> np.ndarray:
    spectrum = np.fft.rfft(np.random.default_rng(seed).standard_normal(n))
    spectrum /= np.sqrt(np.maximum(np.arange(len(spectrum)), 1))
    out = np.fft.irfft(spectrum, n)
    return (out / np.sqrt(np.mean(out**2))).astype(np.float32)


def _db(x: np.ndarray) -> float:
    return float(20 * np.log10(np.sqrt(np.mean(x.astype(np.float64) ** 2)) + 1e-12))


@pytest.mark.speech
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_denoising_lowers_noise_by_at_most_its_limit_and_keeps_speech(
    seed: int, espeak_dir
) -> None:
    """Real DeepFilterNet3 on eSpeak speech in pink noise (12-15 dB SNR): noise alone drops by a
    few dB up to the 12 dB limit, the speech stays (level within 3 dB), lengths are kept, and
    feeding it in 0.3 s pieces gives the same audio as all at once."""
    rng = np.random.default_rng(seed)
    speech = AudioClip.from_wav(espeak(ANSWERS[seed], espeak_dir / f"dn-{seed}.wav")).resampled()
    x = speech.to_float()
    lead = TARGET_RATE  # one second of noise alone first
    x = np.concatenate([np.zeros(lead, np.float32), x])
    level = float(np.sqrt(np.mean(x[np.abs(x) > 0.02] ** 2)))
    snr = float(rng.uniform(12, 15))
    noisy = x + _pink(len(x), seed) * level / 10 ** (snr / 20)
    whole = denoise(noisy)
    assert len(whole) == len(noisy)
    drop = _db(noisy[lead // 2 : lead]) - _db(whole[lead // 2 : lead])
    assert 3.0 <= drop <= ATTENUATION_LIMIT_DB + 1.5, drop
    assert abs(_db(whole[lead:]) - _db(noisy[lead:])) <= 3.0
    d = Denoiser()
    piece = int(0.3 * TARGET_RATE)
    for start in range(0, len(noisy), piece):
        d.feed(noisy[start : start + piece])
    pieces = d.audio()
    d.close()
    assert len(noisy) - TARGET_RATE // 50 <= len(pieces) <= len(noisy)
    n = min(len(pieces), len(whole))
    assert np.corrcoef(pieces[:n], whole[:n])[0, 1] > 0.99


class _Scripted:
    """A PrefixRecognizer that hears a known timeline of words (its times as given) and records
    what each decode was asked: the audio's length, prefix, context and window."""

    def __init__(
        self, words: list[tuple[str, float, float]], total: float, drop_anchor: bool = False
    ) -> None:
        self.words = words  # (word, start s, end s) into the answer's audio
        self.total = total  # the answer's length (s)
        self.drop_anchor = drop_anchor
        self.calls: list[dict[str, object]] = []

    def _heard(self, clip: AudioClip, offset: float) -> list[tuple[str, float, float]]:
        end = offset + clip.duration_s
        return [(w, a, b) for w, a, b in self.words if a >= offset - 0.02 and b <= end]

    def transcribe_words(self, clip, prefix=None, *, words=True, context=None, window=None):  # type: ignore[no-untyped-def]
        heard = self._heard(clip, 0.0)
        text = " ".join(w for w, _a, _b in heard)
        d = clip.duration_s
        timed = [HeardWord(w, d - b, d - a) for w, a, b in heard]
        self.calls.append({"d": d, "prefix": prefix, "context": context, "window": window})
        return Transcript(text, d, 0.0), timed

    def transcribe(self, clip, prefix=None, *, context=None, window=None):  # type: ignore[no-untyped-def]
        offset = self.total - clip.duration_s  # a tail: the audio ends where the answer ends
        self.calls.append({"d": clip.duration_s, "prefix": prefix, "context": context})
        said = [w for w, _a, _b in self._heard(clip, offset)]
        if self.drop_anchor and offset > 1e-3:  # Whisper skipped the tail's window as silence
            said = []
        return Transcript(" ".join(said), clip.duration_s, 0.0)


TIMELINE = st.lists(
    st.tuples(WORDS, st.floats(0.05, 0.6), st.floats(0.0, 0.3)), min_size=1, max_size=14
)


@settings(max_examples=300, deadline=None)
@given(
    timeline=TIMELINE,
    steps=st.integers(1, 6),
    drop=st.booleans(),
    twice=st.booleans(),
    settled=st.booleans(),
)
def test_the_end_decodes_only_the_tail_and_keeps_every_word(
    timeline: list[tuple[str, float, float]], steps: int, drop: bool, twice: bool, settled: bool
) -> None:
    """Generated answers (word lengths and gaps, 1-14 words) decoded as they grow (each clip
    once or twice): the end's decode gets the audio from just before the last known word (the
    committed ones or, with ``settled_anchor``, the newest decode's settled ones when they
    reach further) that starts TAIL_MIN_S or more before the end (none of the words before it,
    all after: at least TAIL_MIN_S of audio), forces it and the next as its prefix with the
    earlier known ones as context, in a sized window; with no such word (a short answer) the
    whole answer is decoded. The text is every word once, in order, even when the decoder
    gives nothing back for the tail (then the whole answer is decoded)."""
    words, t = [], 0.3
    for w, length, gap in timeline:
        words.append((w, t, t + length))
        t += length + gap
    total = t + 0.5
    rec = _Scripted(words, total, drop_anchor=drop)
    stream = AnswerStream(rec, tail=True, settled_anchor=settled)  # type: ignore[arg-type]
    rate = TARGET_RATE
    for k in range(1, steps + 1):  # twice: the same audio again commits the words heard
        end = min(total, k * total / steps)
        for _ in range(2 if twice else 1):
            stream.step(AudioClip(bytes(int(end * rate) * 2), rate))
    clip = AudioClip(bytes(int(total * rate) * 2), rate)
    text = stream.decode(clip).text
    assert [word_key(w) for w in text.split()] == [word_key(w) for w, _a, _b in words]
    committed = stream._known()[0]
    if not settled:
        assert committed == stream.agreement.committed
    starts = stream._known()[1]
    latest = clip.duration_s - TAIL_MIN_S
    early = [i for i in range(1, len(committed)) if starts[i] <= latest]
    tried = [c for c in rec.calls if "window" not in c]  # the end's decodes (transcribe)
    if not early or drop:
        assert stream.tail_decodes == 0
        assert tried[-1]["d"] == clip.duration_s  # the whole answer
        return
    assert stream.tail_decodes == 1
    assert len(tried) == 1
    last = tried[0]
    k = early[-1]
    assert last["prefix"] == " ".join(committed[k : k + 2])
    assert last["context"] == (" ".join(committed[:k]) or None)
    assert float(last["d"]) >= TAIL_MIN_S - 1e-3  # type: ignore[arg-type]
    start = total - float(last["d"])  # type: ignore[arg-type]
    assert start <= words[k][1] + 1e-3  # the first forced word is all there
    assert start >= min(words[k - 1][2], words[k][1]) - 1e-3  # nothing before it


@pytest.mark.speech
def test_the_tail_decode_hears_what_the_whole_decode_hears(
    recognizer: WhisperRecognizer, espeak_dir
) -> None:
    """Real tiny.en on eSpeak answers of one to three sentences (3-15 s, three voices) streamed
    every second and a half: the end's tail decode (its last TAIL_MIN_S or more, sized window,
    the words before as context) gives the same words as decoding the whole answer again (sized
    window) for most answers, is about as good, and the encoder saw less than Whisper's 30 s."""
    from app.speech.stt_whisper import FULL_WINDOW_FRAMES

    voices = ("en-us", "en-gb", "en-us+m3")
    tail_pairs, whole_pairs, tails, same = [], [], 0, 0
    shapes: list[int] = []
    encode = recognizer._model.encode

    def spy(features):  # type: ignore[no-untyped-def]
        shapes.append(min(features.shape[-1], recognizer._model.frames))
        return encode(features)

    answers = [(1,), (4, 9), (2, 7), (0, 5, 11), (3,), (8, 6), (10, 1, 2)]
    for i, parts in enumerate(answers):
        text = " ".join(ANSWERS[p] for p in parts)
        wav = espeak(text, espeak_dir / f"tail-{i}.wav", voices[i % len(voices)])
        clip = AudioClip.from_wav(wav).resampled()
        stream = AnswerStream(recognizer, tail=True, settled_anchor=True, window=True)
        step = 3 * TARGET_RATE  # bytes of 1.5 s
        for end in range(step, len(clip.pcm), step):
            stream.step(AudioClip(clip.pcm[:end], TARGET_RATE))
        shapes.clear()
        recognizer._model.encode = spy
        try:
            heard = stream.decode(clip).text
        finally:
            del recognizer._model.encode
        assert stream.tail_decodes == 0 or max(shapes) < FULL_WINDOW_FRAMES
        tails += stream.tail_decodes
        stream.tail = False
        whole = stream.decode(clip).text
        tail_pairs.append((text, heard))
        whole_pairs.append((text, whole))
        same += normalize_text(heard) == normalize_text(whole)
    assert tails >= 4
    assert same * 2 >= len(answers), (tail_pairs, whole_pairs)
    assert corpus_wer(tail_pairs) <= corpus_wer(whole_pairs) + 0.05, (tail_pairs, whole_pairs)


def _voiced(
    words: list[tuple[str, float, float]], total: float, snr_db: float | None = None
) -> AudioClip:
    """The answer's audio: a 180 Hz tone while each word is said, silence elsewhere, and with
    ``snr_db`` pink noise that many dB under the tone throughout (a loud hall)."""
    rate = TARGET_RATE
    samples = np.zeros(int(total * rate), dtype=np.float32)
    for _w, a, b in words:
        i, j = int(a * rate), int(b * rate)
        samples[i:j] = 0.3 * np.sin(2 * np.pi * 180 * np.arange(j - i) / rate)
    if snr_db is not None:
        white = np.random.default_rng(len(words)).standard_normal(len(samples) + rate)
        spectrum = np.fft.rfft(white)
        spectrum /= np.sqrt(np.arange(1, len(spectrum) + 1))  # 1/f power: pink
        pink = np.fft.irfft(spectrum)[: len(samples)]
        pink *= (0.3 / np.sqrt(2)) / np.sqrt(np.mean(pink**2)) / 10 ** (snr_db / 20)
        samples = samples + pink.astype(np.float32)
    return AudioClip((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes(), rate)


@settings(max_examples=200, deadline=None)
@given(
    timeline=st.lists(
        st.tuples(WORDS, st.floats(0.2, 0.6), st.floats(0.05, 0.3)), min_size=8, max_size=20
    ),
    silence=st.sampled_from([0.2, 0.7, 1.2, 1.8, 2.5]),
    steps=st.integers(2, 6),
    snr_db=st.sampled_from([None, 40.0]),
)
def test_the_tail_holds_tail_min_s_of_speech_whatever_silence_ends_the_clip(
    timeline: list[tuple[str, float, float]], silence: float, steps: int, snr_db: float | None
) -> None:
    """reviewer-sp (session 7): TAIL_MIN_S was counted back from the clip's end, but the end's
    clip carries the end-of-turn silence (0.2 s after finished words, up to the 2.5 s cap after
    unfinished ones), so a tail could hold only 0.5 s of speech, the regime that misheard.
    Generated answers (8-20 words, tones where the words are), trailing silences, in silence or
    a quiet room's pink noise 40 dB under the voice: a tail decode's audio holds at least
    TAIL_MIN_S before the voice ends, and every word once. NOT in louder noise: pink noise
    12-25 dB under the voice swells in the pause past the level rule (measured 0.15-0.65 s
    late, never later than the clip's end as before); the VAD's own pause onset would be the
    right source for where the voice ended (not done)."""
    words, t = [], 0.3
    for w, length, gap in timeline:
        words.append((w, t, t + length))
        t += length + gap
    spoken_end = words[-1][2]
    total = spoken_end + silence
    rec = _Scripted(words, total)
    stream = AnswerStream(rec, tail=True)  # type: ignore[arg-type]
    whole = _voiced(words, total, snr_db)
    for k in range(1, steps + 1):  # the answer heard as it grows, each clip twice (commits)
        end = min(spoken_end, k * spoken_end / steps)
        part = AudioClip(whole.pcm[: int(end * TARGET_RATE) * 2], TARGET_RATE)
        stream.step(part)
        stream.step(part)
    text = stream.decode(whole).text
    assert [word_key(w) for w in text.split()] == [word_key(w) for w, _a, _b in words]
    if stream.tail_decodes:
        d = float(rec.calls[-1]["d"])  # type: ignore[arg-type]
        assert d - silence >= TAIL_MIN_S - 0.03, (d, silence, snr_db)
