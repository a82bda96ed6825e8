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

import numpy as np

from app.speech import AudioClip, Vad
from app.speech.echo import EchoReference
from app.speech.vad import SpeechEnded, SpeechStarted, VoiceProb

RATE = 16_000
STEP = RATE * 20 // 1000  # the microphone delivers 20 ms at a time


@dataclass
class EchoTrial:
    onset_found_s: float | None  # answer onset (at the mic) -> SpeechStarted, seconds
    clip: AudioClip | None  # the answer as cut by the detector
    answer_start_in_clip_s: float | None  # where the answer's first sample sits in the clip
    manager_in_clip_s: float  # seconds of the manager's voice (above -40 dBFS) in the clip


def simulate(
    manager: AudioClip,
    answer: AudioClip,
    *,
    offset_s: float,
    latency_s: float = 0.12,
    coupling: float = 0.7,
    voice_prob: VoiceProb | None = None,
    lead_s: float = 1.0,
) -> EchoTrial:
    """Play ``manager`` through open speakers and answer ``answer`` at ``offset_s``."""
    m = manager.to_float()
    a = answer.to_float()
    lat = int(latency_s * RATE)
    lead = int(lead_s * RATE)
    m_end_mic = lead + lat + len(m)  # where the manager's last sample reaches the microphone
    a_start = m_end_mic + int(offset_s * RATE)
    total = max(a_start + len(a), m_end_mic) + RATE * 2
    echo_only = np.zeros(total, np.float32)
    echo_only[lead + lat : lead + lat + len(m)] = m * coupling
    heard = echo_only.copy()
    heard[a_start : a_start + len(a)] += a
    played = np.zeros(total, np.float32)
    played[lead : lead + len(m)] = m
    reference = EchoReference()
    vad = Vad(voice_prob=voice_prob)
    mic = np.round(np.clip(heard, -1, 1) * 32767).astype(np.int16)
    out = np.round(np.clip(played, -1, 1) * 32767).astype(np.int16)
    onset: float | None = None
    clip: AudioClip | None = None
    clip_end = 0
    for i in range(0, total, STEP):
        now = i / RATE
        reference.note(out[i : i + STEP], at=now)
        for event in vad.feed(mic[i : i + STEP], echo=reference.level(now)):
            if isinstance(event, SpeechStarted) and onset is None:
                onset = (i + STEP) / RATE - a_start / RATE
            elif isinstance(event, SpeechEnded) and clip is None:
                clip, clip_end = event.clip, i + STEP
    if clip is None:
        return EchoTrial(onset, None, None, 0.0)
    clip_start = clip_end - len(clip.samples)
    frame = RATE // 100
    span = echo_only[clip_start:clip_end]
    n = len(span) // frame
    loud = np.sqrt((span[: n * frame].reshape(n, frame) ** 2).mean(axis=1)) > 0.01
    return EchoTrial(onset, clip, (a_start - clip_start) / RATE, float(loud.sum()) / 100)
