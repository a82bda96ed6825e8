"""Feeding a voice-activity detector up to a pause: shared by the end-of-turn tests."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from app.speech import AudioClip
from app.speech.audio import TARGET_RATE
from app.speech.vad import SilenceStarted, Vad


def pause_after(vad: Vad, sound: npt.NDArray[np.int16]) -> AudioClip:
    """Feed 0.5 s of quiet, ``sound`` (16 kHz int16) and quiet in 20 ms steps until the pause
    is announced; the clip its SilenceStarted carries."""
    events = vad.feed(np.zeros(TARGET_RATE // 2, dtype=np.int16)) + vad.feed(sound)
    for _ in range(20):
        events += vad.feed(np.zeros(TARGET_RATE // 50, dtype=np.int16))
        starts = [e for e in events if isinstance(e, SilenceStarted)]
        if starts:
            return starts[-1].clip
    raise AssertionError("no pause announced")
