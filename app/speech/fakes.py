"""Test doubles with the real classes' signals and timing habits (results arrive later, queued).

:class:`FakeMicrophone` hands out :class:`ScriptedClip` objects that carry the words "said", so
a :class:`FakeRecognizer` returns them without any model; a WAV path works too.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from app.speech.audio import TARGET_RATE, AudioClip
from app.speech.errors import SpeechError
from app.speech.protocols import Transcript, VoiceSettings


@dataclass(frozen=True)
class ScriptedClip(AudioClip):
    """An AudioClip that knows what was said in it (``text``) and where it came from."""

    text: str = ""
    source: str = ""


class FakeVoice:
    """Renders instantly: a short silent WAV, and a record of every line asked for."""

    engine_id = "fake/1"

    def __init__(self, *, seconds: float = 0.2, fail_with: str | None = None) -> None:
        self.seconds = seconds
        self.fail_with = fail_with
        self.lines: list[tuple[str, VoiceSettings]] = []
        self.threads: set[int] = set()

    def render(self, text: str, settings: VoiceSettings, out: Path) -> Path:
        self.threads.add(threading.get_ident())
        self.lines.append((text, settings))
        if self.fail_with is not None:
            raise SpeechError(self.fail_with)
        return AudioClip(bytes(2 * int(TARGET_RATE * self.seconds))).to_wav(Path(out))


class FakeRecognizer:
    """Returns scripted text: from a ScriptedClip, or a WAV path given to :meth:`script`.

    ``fail_with`` makes it raise a SpeechError with that sentence; ``hang_s`` makes it block
    (until :meth:`release`) like a stuck engine, to exercise timeouts.
    """

    def __init__(self, scripts: dict[str, str] | None = None, *, default: str = "") -> None:
        self.scripts = dict(scripts or {})
        self.default = default
        self.fail_with: str | None = None
        self.hang_s = 0.0
        self.calls: list[AudioClip] = []
        self._release = threading.Event()
        self.loaded = False

    def script(self, wav: str | Path, text: str) -> None:
        self.scripts[str(Path(wav).resolve())] = text

    def load(self) -> None:
        self.loaded = True

    def release(self) -> None:
        self._release.set()

    def transcribe(self, clip: AudioClip) -> Transcript:
        started = time.perf_counter()
        self.calls.append(clip)
        if self.hang_s:
            self._release.wait(self.hang_s)
        if self.fail_with is not None:
            raise SpeechError(self.fail_with)
        text = self.default
        if isinstance(clip, ScriptedClip):
            text = clip.text or self.scripts.get(clip.source, self.default)
        return Transcript(text, clip.duration_s, time.perf_counter() - started)


class FakeMicrophone(QObject):
    """Speaks on cue: :meth:`say` delivers an answer while listening (queued until then).

    Signals:
        level_changed(float): a rising then falling level around each answer.
        speech_started(): an answer began.
        silence_started(object): the answer's clip, just before it ends (as the real VAD does).
        speech_ended(object): a ScriptedClip with the words; listening stops.
        no_speech(): after :meth:`stay_silent`, at the next listen.
        failed(str): after :meth:`fail`, or at once when listening with ``unavailable`` set.
    """

    level_changed = Signal(float)
    speech_started = Signal()
    silence_started = Signal(object)
    speech_ended = Signal(object)
    no_speech = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listening = False
        self.unavailable: str | None = None
        self.starts = 0
        self.capturing = False
        self._queue: list[ScriptedClip | None] = []
        self._ptt_clip: ScriptedClip | None = None

    def open(self) -> bool:
        if self.unavailable is not None:
            message = self.unavailable
            QTimer.singleShot(0, lambda: self.failed.emit(message))
            return False
        self.capturing = True
        return True

    def start(self) -> None:
        self.starts += 1
        self.capturing = self.unavailable is None
        if self.unavailable is not None:
            message = self.unavailable
            QTimer.singleShot(0, lambda: self.failed.emit(message))
            return
        self.listening = True
        if self._queue:
            QTimer.singleShot(0, self._deliver)

    def stop(self) -> None:
        self.listening = False

    def release(self) -> None:
        self.listening = False
        self.capturing = False

    def continue_answer(self) -> bool:
        return False

    def push_to_talk(self, pressed: bool) -> None:
        if pressed:
            self.listening = True
            self.speech_started.emit()
        elif self.listening:
            self.listening = False
            clip = self._queue.pop(0) if self._queue else None
            self.speech_ended.emit(clip or ScriptedClip(bytes(3200)))

    def say(self, text_or_wav: str | Path) -> None:
        """The user answers: words, or a WAV file whose words the recognizer was scripted with."""
        path = Path(text_or_wav)
        if str(text_or_wav).lower().endswith(".wav") and path.is_file():
            base = AudioClip.from_wav(path)
            clip = ScriptedClip(base.pcm, base.sample_rate, source=str(path.resolve()))
        else:
            words = str(text_or_wav)
            seconds = max(0.5, 0.35 * len(words.split()))
            clip = ScriptedClip(bytes(2 * int(TARGET_RATE * seconds)), text=words)
        self._queue.append(clip)
        if self.listening:
            QTimer.singleShot(0, self._deliver)

    def stay_silent(self) -> None:
        """The next listen hears nobody for long: ``no_speech`` (listening goes on)."""
        self._queue.append(None)
        if self.listening:
            QTimer.singleShot(0, self._deliver)

    def fail(self, message: str = "The microphone was disconnected.") -> None:
        self.listening = False
        self.failed.emit(message)

    def _deliver(self) -> None:
        if not self.listening or not self._queue:
            return
        clip = self._queue.pop(0)
        if clip is None:
            self.no_speech.emit()  # a long silence: the real microphone keeps listening too
            return
        self.listening = False
        self.speech_started.emit()
        self.level_changed.emit(0.7)
        self.silence_started.emit(clip)
        self.level_changed.emit(0.0)
        self.speech_ended.emit(clip)


class FakePlayer(QObject):
    """Plays nothing: ``started`` and ``finished`` on the next event-loop turn.

    Signals:
        started(): playback began.
        finished(): the clip ended, or was stopped.
        failed(str): the file does not exist.
    """

    started = Signal()
    finished = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.played: list[Path] = []
        self.volume = 1.0
        self._token = 0
        self.playing = False

    def play(self, path: Path) -> None:
        self._token += 1
        token = self._token
        if not Path(path).is_file():
            QTimer.singleShot(0, lambda: self.failed.emit(f"{Path(path).name} is missing."))
            return
        self.played.append(Path(path))
        self.playing = True
        QTimer.singleShot(0, lambda: self._run(token))

    def stop(self) -> None:
        if self.playing:
            self._token += 1
            self.playing = False
            self.finished.emit()

    def fade_out(self, seconds: float = 0.08) -> None:
        self.stop()

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def _run(self, token: int) -> None:
        if token != self._token:
            return
        self.started.emit()
        self.playing = False
        self.finished.emit()


__all__ = ["FakeMicrophone", "FakePlayer", "FakeRecognizer", "FakeVoice", "ScriptedClip"]
