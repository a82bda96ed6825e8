"""The speech pieces one rehearsal uses, typed, built once by :mod:`app.speech.factory`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.speech.protocols import Microphone, Player

if TYPE_CHECKING:
    from app.speech.worker import SpeechWorker


@dataclass(frozen=True)
class SpeechServices:
    """The worker (voice + recognizer in their threads), the player and the microphone.

    Any piece may be None: without a worker the manager's lines are captions only, without a
    microphone answers are typed, without a player lines are timed silently. Built whole by
    :func:`app.speech.factory.make_speech` (real pieces, or fakes injected for tests) and handed
    to the window or kiosk once; never filled in by mutation.
    """

    worker: SpeechWorker | None = None
    player: Player | None = None
    microphone: Microphone | None = None

    @property
    def empty(self) -> bool:
        return self.worker is None and self.player is None and self.microphone is None

    def stop(self) -> None:
        """Join the worker's threads (call once, at exit)."""
        if self.worker is not None:
            self.worker.stop()


__all__ = ["SpeechServices"]
