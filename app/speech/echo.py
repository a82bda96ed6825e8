"""What the app itself is playing, so the microphone can tell the manager's voice from an answer.

The player notes the level of every block it hands to the sound device, with the time it was
handed over (:class:`EchoReference`). While that voice may still be in the air, the detector only
counts a frame as the user's speech when it is clearly louder than the manager's voice would be
at the microphone (:class:`EchoGate`): a gate, not an echo canceller. How loud the voice arrives
(the coupling) is learnt while the manager talks: it falls towards zero with headphones, so
barge-in gets easy; it stays high with open speakers, so the manager never answers himself.

For an echo canceller (:mod:`app.speech.aec`, off in the product) the reference also keeps the
samples, once one asks (:attr:`EchoReference.wants_samples`), as one
16 kHz stream laid out as the device plays them (:meth:`EchoReference.stream`): back to back
while the device has something queued, and after a gap only when it ran dry (the GUI thread fed
it late); the gate can judge speech against what the canceller leaves of his voice
(:attr:`EchoGate.residue`; 1.0, the plain gate, by default).
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
#: The rate the reference's samples are kept at (the microphone's).
STREAM_RATE = 16_000


class EchoReference:
    """A short history of (monotonic time, RMS) for the blocks the player wrote to the device,
    and the samples themselves at 16 kHz (:meth:`stream`, :meth:`samples`) for the echo
    canceller (:mod:`app.speech.aec`): one continuous stream as the device plays it."""

    #: A block whose time is further than this from where the stream's last block ended, though
    #: the device had not run dry (a clock that jumped, a new device), starts the stream afresh
    #: at its own time.
    SNAP_S = 0.1

    def __init__(self, keep_s: float = 5.0) -> None:
        self._blocks: deque[tuple[float, float]] = deque()
        self._keep_s = keep_s
        self._lock = threading.Lock()
        self._keep_n = int(keep_s * STREAM_RATE)
        self._pcm = np.zeros(self._keep_n, np.int16)  # a ring: absolute index k at k % keep_n
        self._origin: float | None = None  # monotonic time of absolute index 0
        self._end = 0  # absolute index after the last sample written
        self._resampler: object | None = None
        self._resampler_rate = 0
        self.streaming = False  # samples have been noted (the canceller has something)
        #: an echo canceller uses this reference: the player hands it every sample (stream)
        self.wants_samples = False
        #: (time, seconds) of every time the stream started afresh (the device ran dry): benches
        self.snaps: deque[tuple[float, float]] = deque(maxlen=100)
        #: (time, seconds) of every silence kept where the device ran dry: benches
        self.gaps: deque[tuple[float, float]] = deque(maxlen=1000)

    def stream(
        self, samples: npt.NDArray[np.int16], at: float, rate: int, *, dry: bool = False
    ) -> None:
        """Everything the player wrote to the device (its lines and the silence between them),
        ``samples`` at ``rate``, written at monotonic ``at`` (the time plus what the device still
        held). Kept at 16 kHz, where the device plays them: right after the previous block while
        the device still held something (``at`` then only says so within the device buffer's
        granularity, about +-10 ms: the samples follow on exactly), and at ``at`` when it had
        run ``dry`` (it played silence meanwhile: the gap is kept, never less than none).
        Before session 11 every gap under SNAP_S was dropped, so each underrun (20-100 ms when a
        loaded GUI thread fed the device late) moved the rest of the stream that much early
        against the microphone, and the echo canceller's latency wandered 16-124 ms."""
        if rate != STREAM_RATE:
            from app.speech.aec import SpeexResampler, available

            if not available():
                return
            if self._resampler is None or self._resampler_rate != rate:
                self._resampler = SpeexResampler(rate, STREAM_RATE)
                self._resampler_rate = rate
            assert isinstance(self._resampler, SpeexResampler)
            held = self._resampler.latency  # output samples that are the last block's tail
            x = self._resampler.process(samples)
        else:
            held, x = 0, samples.astype(np.int16, copy=False)
        held = min(held, len(x))
        with self._lock:
            if self._origin is None:  # (the first output samples are the filter's delay)
                self._origin = at - held / STREAM_RATE
            want = round((at - self._origin) * STREAM_RATE)  # where this block's first sample goes
            follows = self._end + held  # ... if it follows the last one
            jump = (dry and want > follows) or abs(want - follows) > self.SNAP_S * STREAM_RATE
            if jump:  # the device played silence (or a clock jumped): the block starts at ``at``
                (self.gaps if dry and want > follows else self.snaps).append(
                    (at, (want - follows) / STREAM_RATE)
                )
                self._put(self._end, x[:held])  # the last block's tail, where it was playing
                if want > follows:
                    self._zero(follows, min(want, follows + self._keep_n))
                self._end, x = want, x[held:]
            self._put(self._end, x)
            self._end += len(x)
            self.streaming = True

    def samples(self, at: float, n: int) -> npt.NDArray[np.int16]:
        """The ``n`` samples (16 kHz) that left the device from ``at`` on; zeros where nothing
        was written (or kept)."""
        out = np.zeros(n, np.int16)
        with self._lock:
            if self._origin is None:
                return out
            start = round((at - self._origin) * STREAM_RATE)
            lo, hi = max(start, self._end - self._keep_n), min(start + n, self._end)
            if hi > lo:
                idx = np.arange(lo, hi) % self._keep_n
                out[lo - start : hi - start] = self._pcm[idx]
        return out

    def _put(self, start: int, x: npt.NDArray[np.int16]) -> None:
        if len(x) > self._keep_n:
            start, x = start + len(x) - self._keep_n, x[-self._keep_n :]
        idx = (np.arange(len(x)) + start) % self._keep_n
        self._pcm[idx] = x

    def _zero(self, lo: int, hi: int) -> None:
        if hi > lo:
            self._pcm[np.arange(lo, hi) % self._keep_n] = 0

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
        #: How much of his voice the echo canceller leaves in the audio (an amplitude ratio;
        #: 1.0 without one, or before it has converged): what counts as speech is judged
        #: against that residue (:meth:`threshold`), what is left out of an answer's pre-roll
        #: against all of his voice (:meth:`is_echo`).
        self.residue = 1.0

    def learn(self, mic_level: float, echo: float, *, user_speaking: bool) -> None:
        """Track the coupling: rises fast to the loudest echo heard, falls slowly.

        A frame far louder than the echo could be (the user talking over the manager) teaches
        nothing, so an answer never raises the bar for the next one.
        """
        if echo < 0.01 or user_speaking:
            return
        ratio = mic_level / (echo * self.residue)
        if ratio > self.coupling * 4 and ratio > 0.05:
            return
        rate = 0.2 if ratio > self.coupling else 0.03
        self.coupling += rate * (ratio - self.coupling)

    def threshold(self, echo: float) -> float:
        """What is left of his voice could make a frame this loud at most."""
        return self.margin * self.coupling * echo * self.residue if echo > 0 else 0.0

    def is_echo(self, mic_level: float, echo: float) -> bool:
        """The frame is no louder than the app's own voice could make it before cancelling:
        kept out of an answer's pre-roll (his residue, which the recognizer would hear as
        words), up to the quiet before the answer's own first sound (:class:`EchoTrace`)."""
        return echo > 0 and mic_level <= self.margin * self.coupling * echo


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
