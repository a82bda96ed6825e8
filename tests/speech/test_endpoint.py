"""The end-of-answer models on real audio: Silero VAD frame by frame, Smart Turn v3.2, and the
detector using them (eSpeak NG speech made at test time)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from app.speech import AudioClip
from app.speech.endpoint import SILERO_FRAME, SileroVoice, SmartTurn, log_mel_8s
from app.speech.vad import SpeechEnded, SpeechStarted, TurnCheck, Vad

from .conftest import espeak

RATE = 16_000


@pytest.fixture(scope="module")
def sentence(espeak_dir: Path) -> AudioClip:
    return AudioClip.from_wav(espeak("I would love to hear about your work", espeak_dir / "ep.wav"))


def test_silero_hears_speech_and_not_room_tone(sentence: AudioClip) -> None:
    silero = SileroVoice()
    x = sentence.samples
    speech = [
        silero(x[i : i + SILERO_FRAME]) for i in range(0, len(x) - SILERO_FRAME, SILERO_FRAME)
    ]
    silero.reset()
    rng = np.random.default_rng(0)
    hum = (rng.normal(0, 0.003, RATE * 2) * 32768).astype(np.int16)
    quiet = [
        silero(hum[i : i + SILERO_FRAME]) for i in range(0, len(hum) - SILERO_FRAME, SILERO_FRAME)
    ]
    assert np.mean(np.array(speech) > 0.5) > 0.5
    assert max(quiet) < 0.5


def test_smart_turn_gives_a_probability_from_the_bundled_checked_model(sentence: AudioClip) -> None:
    model = SmartTurn()
    p = model(sentence + AudioClip(bytes(2 * RATE // 5)))
    assert 0.0 <= p <= 1.0
    assert log_mel_8s(sentence.to_float()).shape == (80, 800)


def test_detector_with_both_models_takes_one_whole_answer(sentence: AudioClip) -> None:
    vad = Vad(voice_prob=SileroVoice(), end_of_turn=SmartTurn())
    clip = AudioClip(bytes(RATE)) + sentence + AudioClip(bytes(RATE * 4))
    events = []
    for i in range(0, len(clip.pcm), 640):
        events.extend(vad.feed(clip.pcm[i : i + 640]))
    assert sum(isinstance(e, SpeechStarted) for e in events) == 1
    ended = [e for e in events if isinstance(e, SpeechEnded)]
    assert len(ended) == 1
    assert ended[0].clip.duration_s >= sentence.duration_s * 0.8


# -- ask mode: the detector asks, the model answers later (the microphone's worker thread) -------
class _Memo:
    """The real Smart Turn, remembered per clip, so two runs over the same audio get the same
    probability for the same question."""

    def __init__(self) -> None:
        self.model = SmartTurn()
        self.seen: dict[bytes, float] = {}

    def __call__(self, clip: AudioClip) -> float:
        if clip.pcm not in self.seen:
            self.seen[clip.pcm] = self.model(clip)
        return self.seen[clip.pcm]


def _ends_in_place(clip: AudioClip, model: _Memo) -> list[int]:
    vad = Vad(voice_prob=SileroVoice(), end_of_turn=model)
    out = []
    for i in range(0, len(clip.pcm), 640):
        if any(isinstance(e, SpeechEnded) for e in vad.feed(clip.pcm[i : i + 640])):
            out.append(i + 640)
    return out


def _ends_asked(clip: AudioClip, model: _Memo, latency_chunks: int) -> list[int]:
    """Answers each TurnCheck ``latency_chunks`` 20 ms chunks after it was asked."""
    vad = Vad(voice_prob=SileroVoice(), ask_end_of_turn=True)
    waiting: list[tuple[int, TurnCheck]] = []
    out = []
    for k, i in enumerate(range(0, len(clip.pcm), 640)):
        events = vad.feed(clip.pcm[i : i + 640])
        waiting += [(k + latency_chunks, e) for e in events if isinstance(e, TurnCheck)]
        for due, check in [w for w in waiting if w[0] <= k]:
            waiting.remove((due, check))
            events += vad.turn_verdict(check.look, model(check.clip))
        if any(isinstance(e, SpeechEnded) for e in events):
            out.append(i + 640)
    return out


@pytest.mark.slow
def test_asking_the_model_later_ends_the_same_turns_only_later(espeak_dir: Path) -> None:
    """Generated answers (voices x sentences x pauses, finished or not): a detector that asks and
    gets the answer after 0-480 ms ends only turns the in-place one ends, later by the wait."""
    rng = np.random.default_rng(15)
    model = _Memo()
    texts = [
        ("I would like to", "understand the team first."),
        ("Not really, but I", "could learn it quickly."),
        ("What I enjoy most is", "finding out why things break."),
    ]
    for n, (voice, (a, b)) in enumerate((v, t) for v in ("en-us", "en-gb+f3") for t in texts):
        pause = int(rng.integers(300, 1300))
        ssml = f'<speak>{a} <break time="{pause}ms"/> {b}</speak>'
        wav = espeak_dir / f"ask-{n}.wav"
        subprocess.run(
            ["espeak-ng", "-m", "-v", voice, "-w", str(wav), ssml], check=True, timeout=30
        )
        spoken = AudioClip.from_wav(wav).resampled(RATE)
        clip = AudioClip(bytes(RATE)) + spoken + AudioClip(bytes(RATE * 4))
        expected = _ends_in_place(clip, model)
        latency = int(rng.integers(0, 25))  # 0..480 ms in 20 ms chunks
        got = _ends_asked(clip, model, latency)
        # Every end the asking detector makes, the in-place one made too, later by the wait (the
        # answer lands on a chunk boundary: up to one 32 ms frame more). It may make fewer: a
        # "finished" that arrives after the words resumed is dropped (a cut avoided).
        assert got, (voice, a, pause, latency)
        assert len(got) <= len(expected), (voice, a, pause, latency)
        for late in got:
            assert any(
                0 <= (late - early) / 2 - latency * 320 <= RATE * 0.064 for early in expected
            ), (voice, a, pause, latency, got, expected)
        assert (got[-1] - expected[-1]) / 2 - latency * 320 <= RATE * 0.064


def _loud(x: np.ndarray) -> np.ndarray:
    """Indices of the 10 ms frames of ``x`` louder than -40 dBFS."""
    n = len(x) // 160
    frames = x[: n * 160].astype(np.float32).reshape(n, 160) / 32768
    return np.flatnonzero(np.sqrt((frames**2).mean(axis=1)) > 0.01) * 160


def test_an_answer_that_comes_after_the_speaker_went_on_is_ignored(espeak_dir: Path) -> None:
    """A pause long enough for a look, then more words: "finished" said about the pause, but
    arriving once the words have resumed, must not cut the answer."""
    a = AudioClip.from_wav(espeak("I would like to", espeak_dir / "stale-a.wav")).resampled(RATE)
    b = AudioClip.from_wav(espeak("understand the team", espeak_dir / "stale-b.wav"))
    gap = AudioClip(bytes(2 * RATE * 9 // 10))
    clip = AudioClip(bytes(RATE)) + a + gap + b.resampled(RATE) + AudioClip(bytes(2 * RATE * 4))
    loud = _loud(clip.samples)
    resume = int(loud[np.flatnonzero(np.diff(loud) > RATE // 2)[0] + 1])  # first loud after gap
    vad = Vad(voice_prob=SileroVoice(), ask_end_of_turn=True)
    asked: list[TurnCheck] = []
    ended_at = []
    for i in range(0, len(clip.pcm), 640):
        events = vad.feed(clip.pcm[i : i + 640])
        if i // 2 < resume + RATE // 5:
            asked += [e for e in events if isinstance(e, TurnCheck)]  # held: answered late
        elif asked:
            for check in asked:  # the answers about the pause arrive now, words resumed
                assert vad.turn_verdict(check.look, 1.0) == []
            asked = []
        ended_at += [i // 2 for e in events if isinstance(e, SpeechEnded)]
    # The late "finished" did not cut; nobody answers later looks, so the 2.5 s cap ends it.
    assert len(ended_at) == 1
    assert ended_at[0] >= int(loud[-1]) + RATE * 2


def test_the_cap_ends_a_pause_while_the_model_has_not_answered(sentence: AudioClip) -> None:
    vad = Vad(voice_prob=SileroVoice(), ask_end_of_turn=True)
    clip = AudioClip(bytes(RATE)) + sentence.resampled(RATE) + AudioClip(bytes(2 * RATE * 4))
    events = []
    for i in range(0, len(clip.pcm), 640):
        events.extend(vad.feed(clip.pcm[i : i + 640]))  # nobody ever answers
    ended = [e for e in events if isinstance(e, SpeechEnded)]
    assert [e.reason for e in ended] == ["end_of_turn"]
    assert sum(isinstance(e, TurnCheck) for e in events) == 1  # one look at a time
