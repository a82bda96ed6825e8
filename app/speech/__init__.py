"""The speech layer: the manager's voice, the user's microphone, and offline recognition.

Small Protocols (:class:`Voice`, :class:`Recognizer`, :class:`Microphone`, :class:`Player`) with
one module per backend, Qt adapters for capture and playback, a worker that keeps engines off the
GUI thread, fakes for tests, and one factory (:mod:`app.speech.factory`) that builds them all.
Engine errors surface as :class:`SpeechError` subclasses carrying a sentence for the user.

Names are imported on first use, so ``import app.speech.<module>`` stays cheap at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.speech.audio import AudioClip
    from app.speech.cache import VoiceCache
    from app.speech.errors import (
        EngineUnavailable,
        MicrophoneUnavailable,
        ModelChecksumError,
        NoSpeechHeard,
        RecognitionTimeout,
        SpeechError,
    )
    from app.speech.fakes import (
        FakeMicrophone,
        FakePlayer,
        FakeRecognizer,
        FakeVoice,
        ScriptedClip,
    )
    from app.speech.microphone import QtMicrophone, input_devices
    from app.speech.player import QtPlayer
    from app.speech.protocols import (
        Microphone,
        Player,
        Recognizer,
        Transcript,
        Voice,
        VoiceSettings,
    )
    from app.speech.services import SpeechServices
    from app.speech.stt_whisper import WhisperRecognizer, verify_model
    from app.speech.tts_pyttsx3 import Pyttsx3Voice
    from app.speech.vad import Vad, VadConfig
    from app.speech.worker import SpeechWorker

_WHERE = {
    "AudioClip": "audio",
    "VoiceCache": "cache",
    "EngineUnavailable": "errors",
    "MicrophoneUnavailable": "errors",
    "ModelChecksumError": "errors",
    "NoSpeechHeard": "errors",
    "RecognitionTimeout": "errors",
    "SpeechError": "errors",
    "FakeMicrophone": "fakes",
    "FakePlayer": "fakes",
    "FakeRecognizer": "fakes",
    "FakeVoice": "fakes",
    "ScriptedClip": "fakes",
    "QtMicrophone": "microphone",
    "input_devices": "microphone",
    "QtPlayer": "player",
    "Microphone": "protocols",
    "Player": "protocols",
    "Recognizer": "protocols",
    "Transcript": "protocols",
    "Voice": "protocols",
    "VoiceSettings": "protocols",
    "SpeechServices": "services",
    "WhisperRecognizer": "stt_whisper",
    "verify_model": "stt_whisper",
    "Pyttsx3Voice": "tts_pyttsx3",
    "Vad": "vad",
    "VadConfig": "vad",
    "SpeechWorker": "worker",
}

__all__ = [
    "AudioClip",
    "EngineUnavailable",
    "FakeMicrophone",
    "FakePlayer",
    "FakeRecognizer",
    "FakeVoice",
    "Microphone",
    "MicrophoneUnavailable",
    "ModelChecksumError",
    "NoSpeechHeard",
    "Player",
    "Pyttsx3Voice",
    "QtMicrophone",
    "QtPlayer",
    "RecognitionTimeout",
    "Recognizer",
    "ScriptedClip",
    "SpeechError",
    "SpeechServices",
    "SpeechWorker",
    "Transcript",
    "Vad",
    "VadConfig",
    "Voice",
    "VoiceCache",
    "VoiceSettings",
    "WhisperRecognizer",
    "input_devices",
    "verify_model",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'app.speech' has no attribute {name!r}")
    value = getattr(import_module(f"app.speech.{module}"), name)
    globals()[name] = value
    return value
