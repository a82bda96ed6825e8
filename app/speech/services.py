"""Builds the real speech pieces from the user's settings; what cannot work is reported."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.speech.microphone import QtMicrophone
from app.speech.player import QtPlayer
from app.speech.stt_whisper import WhisperRecognizer
from app.speech.tts_pyttsx3 import Pyttsx3Voice
from app.speech.vad import VadConfig
from app.speech.worker import SpeechWorker


@dataclass
class SpeechBundle:
    """The worker (voice + recognizer threads), the player and the microphone."""

    worker: SpeechWorker | None = None
    player: QtPlayer | None = None
    microphone: QtMicrophone | None = None


def build_services(settings: Any) -> tuple[SpeechBundle, list[str]]:
    """Create the speech services for ``settings`` (an app.config.Settings) in the GUI thread.

    The model loads in the STT thread right away (``recognizer_ready``/``recognizer_failed``), and
    the microphone's pauses feed the worker's speculative decode.
    """
    notices: list[str] = []
    model_dir = Path(settings.model_dir).expanduser() if settings.model_dir else None
    worker = SpeechWorker(
        Pyttsx3Voice(),
        WhisperRecognizer(model_dir),
        Path(settings.cache_dir) / "voice",
        recognizer_timeout_s=float(settings.recognizer_timeout_s),
    )
    worker.load_recognizer()
    player = QtPlayer(volume=float(settings.volume))
    if player.silent:
        notices.append("No speakers found: the manager's lines are shown as captions only.")
    microphone = QtMicrophone(
        settings.input_device,
        VadConfig(
            end_silence_ms=int(settings.end_silence_ms), max_speech_s=float(settings.max_answer_s)
        ),
    )
    microphone.silence_started.connect(worker.speculate)
    return SpeechBundle(worker, player, microphone), notices
