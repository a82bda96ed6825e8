"""A fixed-size ring of 16 kHz int16 samples addressed by absolute sample index.

The microphone writes everything it hears into one ring for the whole rehearsal, so an answer can
be cut out from any moment still held (a pre-roll before the detected onset, a push-to-talk press)
without copying audio per frame.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


class RingBuffer:
    """The last ``capacity`` samples written; ``end`` is the absolute index after the newest."""

    def __init__(self, capacity: int) -> None:
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self._data = np.zeros(capacity, dtype=np.int16)
        self.end = 0

    @property
    def start(self) -> int:
        """The oldest absolute index still held."""
        return max(0, self.end - self.capacity)

    def write(self, samples: npt.NDArray[np.int16]) -> None:
        n = len(samples)
        if n == 0:
            return
        if n >= self.capacity:
            samples, self.end = samples[-self.capacity :], self.end + n - self.capacity
            n = self.capacity
        pos = self.end % self.capacity
        first = min(n, self.capacity - pos)
        self._data[pos : pos + first] = samples[:first]
        self._data[: n - first] = samples[first:]
        self.end += n

    def read(self, begin: int, stop: int | None = None) -> npt.NDArray[np.int16]:
        """Samples ``begin:stop`` by absolute index, clipped to what is still held."""
        stop = self.end if stop is None else min(stop, self.end)
        begin = max(begin, self.start)
        if stop <= begin:
            return np.zeros(0, dtype=np.int16)
        a, b = begin % self.capacity, stop % self.capacity
        if a < b or (b == 0 and stop - begin == self.capacity - a):
            return self._data[a : a + stop - begin].copy()
        return np.concatenate([self._data[a:], self._data[:b]])
