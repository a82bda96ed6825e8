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

from app.speech.audio import frame_levels, rms

#: How long a played block may still reach the microphone (device latency plus room echo).
ECHO_WINDOW_S = 0.6
#: For this long after a block is heard it may reach the microphone at full level (the output
#: and capture latency of the sound system).
ECHO_HOLD_S = 0.25
#: After the hold, its echo dies away by 60 dB in this long (a room's reverberation time): so
#: an answer that starts right after the manager's last word is heard within a few tens of
#: milliseconds of the gate opening, not after the whole window.
ECHO_DECAY_S = 0.3


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
        """The loudest echo of what was played that may still be in the air at ``at``: each
        block heard within ``window_s`` before, at full level for ``ECHO_HOLD_S``, then dying
        away (``ECHO_DECAY_S`` per 60 dB). 0.0 when nothing was played."""
        at = time.monotonic() if at is None else at
        with self._lock:
            aged = [(at - t, lv) for t, lv in self._blocks if at - window_s <= t <= at + 0.05]
        return max((lv * _decay(age) for age, lv in aged), default=0.0)


def _decay(age: float) -> float:
    """How much of a block's level may still arrive ``age`` seconds after it was heard."""
    if age <= ECHO_HOLD_S:
        return 1.0
    return float(10.0 ** (-3.0 * (age - ECHO_HOLD_S) / ECHO_DECAY_S))


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

    def is_echo(self, mic_level: float, echo: float) -> bool:
        """The frame is no louder than the app's own voice could make it: not the user's."""
        return echo > 0 and mic_level <= self.threshold(echo)


class EchoTrace:
    """Where in the capture stream (absolute sample indices) the gate heard only the app's own
    voice, so an answer's pre-roll can leave it out: a word said right after the manager stops
    is cut out with half a second before it, and on open speakers that half second is his last
    words, which the recognizer would otherwise take for the start of the answer."""

    def __init__(self, keep: int = 256) -> None:
        self._spans: deque[tuple[int, int]] = deque(maxlen=keep)

    def note(self, start: int, end: int) -> None:
        """Samples ``start:end`` were the echo alone."""
        if self._spans and self._spans[-1][1] == start:
            self._spans[-1] = (self._spans[-1][0], end)
        else:
            self._spans.append((start, end))

    def mute(self, samples: npt.NDArray[np.int16], first: int, until: int) -> npt.NDArray[np.int16]:
        """``samples`` (absolute index ``first`` on) with the echo-only spans before ``until``
        silenced, with 5 ms ramps (no clicks). A copy when anything changes."""
        out = samples
        ramp_n = 80
        until = min(until, first + self._last_dip(samples[: max(0, until - first)]))
        for a, b in self._spans:
            a, b = max(a, first), min(b, until, first + len(samples))
            if b <= a:
                continue
            if out is samples:
                out = samples.astype(np.float32)
            lo, hi = a - first, b - first
            out[lo:hi] = 0.0
            r = min(ramp_n, len(out) - hi)
            if r > 0:  # fade the next sound in rather than starting on a step
                out[hi : hi + r] *= np.linspace(0.0, 1.0, r, dtype=np.float32)
        if out is samples:
            return samples
        return np.round(out).astype(np.int16)

    @staticmethod
    def _last_dip(before: npt.NDArray[np.int16], quiet: float = 0.004, frame: int = 160) -> int:
        """Where the sound leading into the onset began: after the last quiet 10 ms frame.
        What follows it is the answer's own start (its first, soft syllable), echo or not, so
        only what comes before is ever silenced. ``len(before)`` when there is no dip."""
        n = len(before) // frame
        if n == 0:
            return len(before)
        levels = frame_levels(before[len(before) - n * frame :], frame)
        dips = np.flatnonzero(levels < quiet)
        if not dips.size:
            return len(before)
        return len(before) - n * frame + (int(dips[-1]) + 1) * frame
