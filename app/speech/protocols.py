"""The small interfaces the rest of the app codes against; real engines and fakes both fit them.

Four pieces: :class:`Voice` (text to a WAV), :class:`Recognizer` (a clip to text),
:class:`Microphone` (capture with end-of-answer detection) and :class:`Player` (play a WAV).
:mod:`app.speech.factory` builds the real ones from the settings; :mod:`app.speech.fakes` has
test doubles with the same signals. Signals are Qt signals (``SignalInstance`` on an object).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from app.dialogue.model import VoiceSettings
from app.speech.audio import AudioClip


@dataclass(frozen=True)
class Transcript:
    """What the recognizer heard: text, how much audio, and how long decoding took."""

    text: str
    audio_s: float
    elapsed_s: float


@runtime_checkable
class Voice(Protocol):
    """Text to speech: render one line to a WAV file, blocking.

    ``engine_id`` names the engine and its version ("pyttsx3/2.91"): the voice cache keys on it,
    so two engines (or two versions of one) never share audio.
    """

    @property
    def engine_id(self) -> str: ...

    def render(self, text: str, settings: VoiceSettings, out: Path) -> Path: ...


@runtime_checkable
class Recognizer(Protocol):
    """Speech to text: transcribe one clip, blocking."""

    def transcribe(self, clip: AudioClip) -> Transcript: ...


@runtime_checkable
class Microphone(Protocol):
    """Capture from the chosen input, with the end of an answer detected.

    Signals (emitted in the thread that created it):
        level_changed(float): the live input level, 0..1.
        speech_started(): the user began speaking.
        silence_started(object): a pause began; the AudioClip so far (for a speculative decode).
        speech_ended(object): the answer's AudioClip; listening stops.
        no_speech(): listening gave up hearing nobody.
        failed(str): the device failed; a sentence for the user.
    """

    level_changed: Any
    speech_started: Any
    silence_started: Any
    speech_ended: Any
    no_speech: Any
    failed: Any

    @property
    def listening(self) -> bool: ...

    def open(self) -> bool:
        """Capture from now on without waiting for an answer (the rehearsal's start), so an
        answer begun over the first line is heard (``speech_started``: a barge-in). False, with
        a ``failed`` sentence, when the device cannot open."""
        ...

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def push_to_talk(self, pressed: bool) -> None: ...

    def release(self) -> None:
        """Close the device at the end of a rehearsal (start() opens it again)."""

    def continue_answer(self) -> bool:
        """The speech just started continues the last answer: the next clip holds both."""
        return False


@runtime_checkable
class Player(Protocol):
    """Plays one WAV at a time.

    Signals:
        started(): playback began.
        finished(): the clip ended, or was stopped.
        failed(str): the clip could not be played; a sentence for the user.
    """

    started: Any
    finished: Any
    failed: Any

    def play(self, path: Path) -> None: ...

    def stop(self) -> None: ...

    def fade_out(self, seconds: float = 0.08) -> None:
        """Fade the line out (the user started answering over it); ``finished`` follows."""

    def set_volume(self, volume: float) -> None: ...


__all__ = ["Microphone", "Player", "Recognizer", "Transcript", "Voice", "VoiceSettings"]
