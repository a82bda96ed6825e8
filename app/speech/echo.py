"""What the app itself is playing, so the microphone can tell the manager's voice from an answer.

The player notes the level of every block it hands to the sound device, with the time it was
handed over (:class:`EchoReference`). While that voice may still be in the air, the detector only
counts a frame as the user's speech when it is clearly louder than the manager's voice would be
at the microphone (:class:`EchoGate`): a gate, not an echo canceller. How loud the voice arrives
(the coupling) is learnt while the manager talks: it falls towards zero with headphones, so
barge-in gets easy; it stays high with open speakers, so the manager never answers himself.
"""

from __future__ import annotations

import threading
import time
from collections import deque

import numpy as np
import numpy.typing as npt

from app.speech.audio import rms

#: How long a played block may still reach the microphone (device latency plus room echo).
ECHO_WINDOW_S = 0.6


class EchoReference:
    """A short history of (monotonic time, RMS) for the blocks the player wrote to the device."""

    def __init__(self, keep_s: float = 5.0) -> None:
        self._blocks: deque[tuple[float, float]] = deque()
        self._keep_s = keep_s
        self._lock = threading.Lock()

    def note(self, samples: npt.NDArray[np.generic], at: float | None = None) -> None:
        """The player handed ``samples`` (int16 or float) to the device at ``at``."""
        at = time.monotonic() if at is None else at
        with self._lock:
            self._blocks.append((at, rms(samples)))
            while self._blocks and self._blocks[0][0] < at - self._keep_s:
                self._blocks.popleft()

    def level(self, at: float | None = None, window_s: float = ECHO_WINDOW_S) -> float:
        """The loudest block written within ``window_s`` before ``at`` (0.0 when nothing)."""
        at = time.monotonic() if at is None else at
        with self._lock:
            levels = [lv for t, lv in self._blocks if at - window_s <= t <= at + 0.05]
        return max(levels, default=0.0)


class EchoGate:
    """Learns how loud the manager's voice reaches the microphone; says what counts as speech.

    ``threshold(echo)`` is the level a microphone frame must exceed to be the user rather than
    the echo of a reference at level ``echo``: ``margin`` (about +8 dB) over the learnt coupling.
    """

    def __init__(self, margin: float = 2.5, initial_coupling: float = 1.0) -> None:
        self.margin = margin
        self.coupling = initial_coupling

    def learn(self, mic_level: float, echo: float, *, user_speaking: bool) -> None:
        """Track the coupling: rises fast to the loudest echo heard, falls slowly.

        A frame far louder than the echo could be (the user talking over the manager) teaches
        nothing, so an answer never raises the bar for the next one.
        """
        if echo < 0.01 or user_speaking:
            return
        ratio = mic_level / echo
        if ratio > self.coupling * 4 and ratio > 0.05:
            return
        rate = 0.2 if ratio > self.coupling else 0.03
        self.coupling += rate * (ratio - self.coupling)

    def threshold(self, echo: float) -> float:
        return self.margin * self.coupling * echo if echo > 0 else 0.0
