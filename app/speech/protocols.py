"""The small interfaces the rest of the app codes against; real engines and fakes both fit them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

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
    """Text to speech: render one line to a WAV file, blocking."""

    def render(self, text: str, settings: VoiceSettings, out: Path) -> Path: ...


@runtime_checkable
class Recognizer(Protocol):
    """Speech to text: transcribe one clip, blocking."""

    def transcribe(self, clip: AudioClip) -> Transcript: ...


__all__ = ["Recognizer", "Transcript", "Voice", "VoiceSettings"]
