"""The speech layer: the manager's voice, the user's microphone, and offline recognition.

Small Protocols (:class:`Voice`, :class:`Recognizer`) with one module per backend, Qt adapters
for capture and playback, a worker that keeps engines off the GUI thread, and fakes for tests.
Engine errors surface as :class:`SpeechError` subclasses carrying a sentence for the user.
"""

from __future__ import annotations

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
from app.speech.fakes import FakeMicrophone, FakePlayer, FakeRecognizer, FakeVoice, ScriptedClip
from app.speech.microphone import QtMicrophone, input_devices
from app.speech.player import QtPlayer
from app.speech.protocols import Recognizer, Transcript, Voice, VoiceSettings
from app.speech.stt_whisper import WhisperRecognizer, verify_model
from app.speech.tts_pyttsx3 import Pyttsx3Voice
from app.speech.vad import Vad, VadConfig
from app.speech.worker import SpeechWorker

__all__ = [
    "AudioClip",
    "EngineUnavailable",
    "FakeMicrophone",
    "FakePlayer",
    "FakeRecognizer",
    "FakeVoice",
    "MicrophoneUnavailable",
    "ModelChecksumError",
    "NoSpeechHeard",
    "Pyttsx3Voice",
    "QtMicrophone",
    "QtPlayer",
    "RecognitionTimeout",
    "Recognizer",
    "ScriptedClip",
    "SpeechError",
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
