"""The speech layer's own exceptions: every engine error is translated into one of these.

Each carries a sentence the GUI can show as is; the engine's exception stays on ``__cause__`` for
the log, so a user never sees a traceback.
"""

from __future__ import annotations


class SpeechError(Exception):
    """Base class: something in speech failed; ``str(error)`` is a sentence for the user."""


class EngineUnavailable(SpeechError):  # noqa: N818 (public API name)
    """A speech engine (eSpeak NG, the Whisper model, an audio backend) cannot be used here."""


class NoSpeechHeard(SpeechError):  # noqa: N818 (public API name)
    """The microphone listened but nobody spoke, or the recognizer heard no words."""


class MicrophoneUnavailable(SpeechError):  # noqa: N818 (public API name)
    """No input device, access refused, or the device went away while listening."""


class RecognitionTimeout(SpeechError):  # noqa: N818 (public API name)
    """The recognizer took longer than the configured limit."""


class ModelChecksumError(SpeechError):
    """The bundled model's files do not match the checksum pinned in the code."""
