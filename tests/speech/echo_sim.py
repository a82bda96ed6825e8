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


@dataclass
class StalledTrial:
    latencies_s: list[float]  # every latency the canceller took up (the first, then each move)
    residue_db: float  # his voice's last 1.5 s at the microphone after the canceller, vs before
    gaps: int  # times the device ran dry while he spoke


def simulate_stalled(
    manager: AudioClip,
    *,
    stall_p: float,
    stall_s: float,
    latency_s: float = 0.12,
    coupling: float = 0.7,
    seed: int = 0,
    keep_gaps: bool = True,
) -> StalledTrial:
    """His line played as the product's player plays it on a loaded machine: a GUI-thread tick
    every 10 ms, stalled ``stall_p`` of the time by up to ``stall_s``, topping up an 80 ms device
    buffer (its fill reported in 256-sample steps); the device runs dry when a tick comes too
    late and plays the next block within 16 ms of its write. The microphone hears what the
    device played, ``latency_s`` later; the reference gets each block as the player gives it
    (``keep_gaps=False``: as the stream before session 11 kept it, every gap under 0.1 s
    dropped). No answer: this measures how well his voice is taken out."""
    rng = np.random.default_rng(seed)
    lead = RATE  # a second of silence before him, as the player's idle stream
    played = np.zeros(lead + len(manager.samples) + RATE // 2, np.float32)
    played[lead : lead + len(manager.samples)] = manager.to_float()
    pcm = np.round(np.clip(played, -1, 1) * 32767).astype(np.int16)
    size, chunk = RATE * 80 // 1000, 256 * RATE // 22_050
    writes: list[tuple[float, float, bool, int, int]] = []  # (time, at, dry, start, n)
    device = np.zeros(len(pcm) + RATE * 30, np.float32)
    t, pos, busy, gaps = 0.0, 0, 0.0, 0
    m_lo, m_hi = 0.0, 0.0  # when his voice starts and ends leaving the device
    while pos < len(pcm):
        t += 0.01 + (rng.uniform(0, stall_s) if rng.random() < stall_p else 0.0)
        remaining = max(0, round((busy - t) * RATE))
        reported = remaining // chunk * chunk
        n = min(size - min(reported, size), len(pcm) - pos)
        if n <= 0:
            continue
        dry = reported <= 0
        if busy <= t:
            start = t + rng.uniform(0, chunk / RATE)
            gaps += lead <= pos < lead + len(manager.samples)
        else:
            start = busy
        k = round(start * RATE)
        device[k : k + n] = played[pos : pos + n]
        if pos <= lead < pos + n:
            m_lo = start + (lead - pos) / RATE
        end_m = lead + len(manager.samples)
        if pos < end_m <= pos + n:
            m_hi = start + (end_m - pos) / RATE
        writes.append((t, t + reported / RATE, dry, pos, n))
        busy, pos = start + n / RATE, pos + n
    total = round((busy + latency_s) * RATE) + RATE // 2
    lat = round(latency_s * RATE)
    heard = np.zeros(total, np.float32)
    heard[lat:] = device[: total - lat] * coupling
    mic = np.round(np.clip(heard, -1, 1) * 32767).astype(np.int16)
    reference = EchoReference(keep_s=30.0)
    canceller = EchoCanceller(reference)
    taken: list[float] = []
    cleaned: list[np.ndarray] = []
    w = 0
    for i in range(0, total, STEP):
        now = (i + STEP) / RATE
        while w < len(writes) and writes[w][0] <= now:
            _t, at, dry, p, n = writes[w]
            if keep_gaps:
                reference.stream(pcm[p : p + n], at, RATE, dry=dry)
            else:
                reference.stream(pcm[p : p + n], at, RATE)
            w += 1
        cleaned.append(canceller.process(mic[i : i + STEP], now))
        if canceller.latency_s is not None and (not taken or taken[-1] != canceller.latency_s):
            taken.append(canceller.latency_s)
    got = np.concatenate(cleaned).astype(np.float64) / 32768
    lo = max(round((m_lo + latency_s) * RATE), round((m_hi + latency_s - 1.5) * RATE))
    hi = min(round((m_hi + latency_s) * RATE), len(got))
    before = heard[lo:hi].astype(np.float64)
    after = got[lo:hi]
    residue = 10 * np.log10(max(float(after @ after), 1e-12) / max(float(before @ before), 1e-12))
    return StalledTrial(taken, residue, gaps)
