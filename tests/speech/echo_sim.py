"""Open speakers, simulated sample by sample: the manager's line is played (and noted in an
:class:`EchoReference`, as the player does), the microphone hears it back ``latency_s`` later at
``coupling``, then the user's answer starts ``offset_s`` after the manager's last sample reached
the microphone (negative: over his last words). The detector (the product's :class:`Vad`, with
Silero when given) finds the answer; the clip it cuts is what the recognizer would get.

Shared by tests/speech/test_echo.py (a class of generated instances) and usable from a shell to
tune the gate without the live harness.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.speech import AudioClip, Vad
from app.speech.aec import EchoCanceller
from app.speech.echo import EchoReference
from app.speech.vad import SpeechEnded, SpeechStarted, VoiceProb

RATE = 16_000
#: The manager's line whose echo the simulations play.
MANAGER_LINE = "That's the short version. So, are you interested in the position?"


def spoken(text: str, voice: str, out: Path) -> AudioClip:
    """``text`` said by eSpeak NG (``voice``) at 16 kHz, trimmed to its sound."""
    from .conftest import espeak

    clip = AudioClip.from_wav(espeak(text, out, voice=voice, speed=170)).resampled(RATE)
    x = clip.to_float()
    loud = np.flatnonzero(np.abs(x) > 0.01)
    return AudioClip.from_samples(x[loud[0] : loud[-1] + 1], RATE)


STEP = RATE * 20 // 1000  # the microphone delivers 20 ms at a time


@dataclass
class EchoTrial:
    onset_found_s: float | None  # answer onset (at the mic) -> SpeechStarted, seconds
    clip: AudioClip | None  # the answer as cut by the detector
    answer_start_in_clip_s: float | None  # where the answer's first sample sits in the clip
    manager_in_clip_s: float  # seconds of the manager's voice (above -40 dBFS) in the clip
    #: his voice's last second at the microphone before the answer, after the canceller, in
    #: dB against before it (0.0 without a canceller; more negative is better)
    residue_db: float = 0.0
    latency_found_s: float | None = None  # the canceller's estimate of the echo path


def simulate(
    manager: AudioClip,
    answer: AudioClip,
    *,
    offset_s: float,
    latency_s: float = 0.12,
    coupling: float = 0.7,
    voice_prob: VoiceProb | None = None,
    lead_s: float = 1.0,
    cancel: bool = False,
    play_rate: int = RATE,
    room: float = 0.0,
    seed: int = 0,
) -> EchoTrial:
    """Play ``manager`` through open speakers and answer ``answer`` at ``offset_s``.

    ``cancel``: the echo canceller (:class:`EchoCanceller`) cleans the capture before the
    detector, as the microphone does. ``play_rate``: the rate the player writes (and notes) at,
    22,050 in the app; the microphone still hears the 16 kHz voice, so the canceller sees a
    different resampler than the one in the echo path. ``room``: a reverberant tail (a decaying
    random impulse response of about ``room`` seconds to -60 dB) after the direct sound."""
    m = manager.to_float()
    a = answer.to_float()
    lat = int(latency_s * RATE)
    lead = int(lead_s * RATE)
    m_end_mic = lead + lat + len(m)  # where the manager's last sample reaches the microphone
    a_start = m_end_mic + int(offset_s * RATE)
    total = max(a_start + len(a), m_end_mic) + RATE * 2
    echo_only = np.zeros(total, np.float32)
    path = m * coupling
    if room > 0:
        rng = np.random.default_rng(seed)
        taps = int(room * RATE)
        ir = rng.standard_normal(taps) * 10 ** (-3 * np.arange(taps) / taps) * 0.3 / np.sqrt(taps)
        ir[0] = 1.0
        path = np.convolve(path, ir)[: len(m)].astype(np.float32)
    echo_only[lead + lat : lead + lat + len(m)] = path
    heard = echo_only.copy()
    heard[a_start : a_start + len(a)] += a
    played = np.zeros(total, np.float32)
    played[lead : lead + len(m)] = m
    reference = EchoReference()
    canceller = EchoCanceller(reference) if cancel else None
    vad = Vad(voice_prob=voice_prob)
    mic = np.round(np.clip(heard, -1, 1) * 32767).astype(np.int16)
    out = np.round(np.clip(played, -1, 1) * 32767).astype(np.int16)
    if play_rate != RATE:
        fast = AudioClip.from_samples(played, RATE).resampled(play_rate).samples
    onset: float | None = None
    clip: AudioClip | None = None
    clip_end = 0
    cleaned: list[np.ndarray] = []
    fed = 0
    for i in range(0, total, STEP):
        now = i / RATE
        reference.note(out[i : i + STEP], at=now)
        if play_rate != RATE:
            a, b = i * play_rate // RATE, (i + STEP) * play_rate // RATE
            reference.stream(fast[a:b], now, play_rate)
        else:
            reference.stream(out[i : i + STEP], now, RATE)
        block = mic[i : i + STEP]
        if canceller is not None:
            block = canceller.process(block, (i + STEP) / RATE)
        cleaned.append(block)
        fed += len(block)  # cleaned sample k is capture sample k, up to 10 ms later
        vad.echo_gate.residue = canceller.gain if canceller is not None else 1.0
        for event in vad.feed(block, echo=reference.level(now)):
            if isinstance(event, SpeechStarted) and onset is None:
                onset = (i + STEP) / RATE - a_start / RATE
            elif isinstance(event, SpeechEnded) and clip is None:
                clip, clip_end = event.clip, fed
    residue = 0.0
    found = canceller.latency_s if canceller is not None else None
    if canceller is not None:
        got = np.concatenate(cleaned).astype(np.float64) / 32768
        lo, hi = max(lead + lat, m_end_mic - RATE), min(m_end_mic, a_start, len(got))
        before = echo_only[lo:hi].astype(np.float64)
        after = got[lo:hi]
        if len(before) and float(before @ before) > 0:
            residue = 10 * np.log10(max(float(after @ after), 1e-12) / float(before @ before))
    if clip is None:
        return EchoTrial(onset, None, None, 0.0, residue, found)
    clip_start = clip_end - len(clip.samples)
    frame = RATE // 100
    span = echo_only[clip_start:clip_end]
    n = len(span) // frame
    loud = np.sqrt((span[: n * frame].reshape(n, frame) ** 2).mean(axis=1)) > 0.01
    return EchoTrial(
        onset, clip, (a_start - clip_start) / RATE, float(loud.sum()) / 100, residue, found
    )
