"""A stand-in for DeepFilterNet3 the worker tests share: how much it was fed, by which call."""

from __future__ import annotations

from typing import ClassVar

import numpy as np


class CountingDenoiser:
    """Remembers how much it was fed and by which call; gives the audio back unchanged.
    `instances` lists every one made (a test clears it when it patches the class in)."""

    instances: ClassVar[list[CountingDenoiser]] = []

    def __init__(self) -> None:
        self.fed_samples = 0
        self.feeds: list[int] = []
        self._out: list[np.ndarray] = []
        CountingDenoiser.instances.append(self)

    def reset(self) -> None:
        self.fed_samples = 0
        self._out = []

    def feed(self, samples: np.ndarray) -> None:
        self.fed_samples += len(samples)
        self.feeds.append(len(samples))
        self._out.append(samples)

    def audio(self) -> np.ndarray:
        return np.concatenate(self._out) if self._out else np.zeros(0, np.float32)
