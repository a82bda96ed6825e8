"""Text to speech with pyttsx3 (eSpeak NG on Linux, SAPI5 on Windows, NSSS on macOS).

pyttsx3 engines are not thread-safe, and eSpeak NG keeps one synthesis callback per process, so
every render in the process goes through one lock and one shared engine. The engine is created
lazily by the first thread that renders; :class:`SpeechWorker` keeps that to its TTS thread.
"""

from __future__ import annotations

import atexit
import gc
import logging
import os
import threading
import wave
import weakref
from pathlib import Path
from typing import Any

from app.speech.errors import EngineUnavailable, SpeechError
from app.speech.protocols import VoiceSettings
from app.speech.rendering import rendering

log = logging.getLogger(__name__)


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "unknown"


_ENGINE_LOCK = threading.Lock()
#: One engine per driver for the whole process, never destroyed: eSpeak NG has one global
#: synthesis callback, and a second engine (or the first one's destructor, run by the garbage
#: collector mid-render) re-registers or clears it and resets rate and voice to its defaults.
_ENGINES: dict[str | None, Any] = {}
_VOICES: weakref.WeakSet[Pyttsx3Voice] = weakref.WeakSet()


@atexit.register
def _release_engines() -> None:
    """Let the engines go while the interpreter is whole: pyttsx3's destructor needs modules
    that are already gone at final teardown, and would print an ignored exception there."""
    for voice in list(_VOICES):
        voice._engine = None
    _ENGINES.clear()
    gc.collect()


def _quiet_espeak_driver() -> None:
    """pyttsx3's eSpeak driver prints "Audio saved to ..." on stdout; send it to the log instead.

    stdout is where ``transcribe`` writes JSON Lines, so a stray print would corrupt it.
    """
    try:
        from pyttsx3.drivers import espeak as driver_module
    except Exception:  # other platforms, or eSpeak missing: nothing to silence
        return
    driver_module.print = lambda *args, **_kw: log.debug(" ".join(str(a) for a in args))


def _espeak_synchronize() -> None:
    """Wait until eSpeak NG's own synthesis thread is idle.

    pyttsx3 runs eSpeak in AUDIO_OUTPUT_RETRIEVAL mode, where synthesis and parameter changes go
    through eSpeak's FIFO in a thread of its own; without this, the next line's rate or voice
    sometimes applied too late (measured: 1 render in ~3 kept the previous rate).
    """
    try:
        from pyttsx3.drivers import _espeak
    except Exception:  # not eSpeak (SAPI5, NSSS): nothing to wait for
        return
    _espeak.Synchronize()


class Pyttsx3Voice:
    """A :class:`~app.speech.protocols.Voice` backed by pyttsx3.

    Rendering uses ``save_to_file`` and waits for the ``finished-utterance`` callback; a render
    that returns without it (the engine loop ended early) is an error, not a silent empty WAV.
    """

    def __init__(self, driver: str | None = None) -> None:
        self._driver = driver or ("espeak" if os.name == "posix" else None)
        self._engine: Any = None
        _VOICES.add(self)
        self._owner: int | None = None
        self._voices: dict[str, str] | None = None
        self.engine_id = f"pyttsx3-{self._driver or 'default'}/{_version('pyttsx3')}"

    def _voice_ids(self, engine: Any) -> dict[str, str]:
        """Every name a voice may be asked by (language code, id, short id, name) -> its id.

        eSpeak NG's SetVoiceByName does not take language codes such as "en-gb"; pyttsx3 then
        swallows the error and keeps the previous voice, so names are resolved here.
        """
        if self._voices is None:
            names: dict[str, str] = {}
            for v in engine.getProperty("voices"):
                ident = str(v.id)
                for key in (ident, ident.rsplit("/", 1)[-1], str(v.name)):
                    names.setdefault(key.lower(), ident)
                for lang in v.languages or []:
                    names.setdefault(str(lang).lower(), ident)
            self._voices = names
        return self._voices

    def _ensure_engine(self) -> Any:
        if self._engine is None:
            try:
                import pyttsx3

                _quiet_espeak_driver()
                if self._driver not in _ENGINES:
                    _ENGINES[self._driver] = pyttsx3.init(self._driver)
                self._engine = _ENGINES[self._driver]
            except Exception as exc:
                raise EngineUnavailable(
                    "The voice engine could not start; is eSpeak NG installed? "
                    f"({type(exc).__name__}: {exc})"
                ) from exc
            self._owner = threading.get_ident()
        return self._engine

    def render(self, text: str, settings: VoiceSettings, out: Path) -> Path:
        """Speak ``text`` into the WAV ``out`` (written atomically); returns ``out``."""
        out = Path(out)
        with rendering(text, out) as tmp:
            try:
                self._render_into(text, settings, tmp)
            except SpeechError:
                raise
            except Exception as exc:
                raise EngineUnavailable(
                    f"The voice engine failed to speak the line ({type(exc).__name__}: {exc})."
                ) from exc
        return out

    def _render_into(self, text: str, settings: VoiceSettings, tmp: Path) -> None:
        with _ENGINE_LOCK:
            engine = self._ensure_engine()
            _espeak_synchronize()
            self._apply(engine, settings)
            finished: list[bool] = []
            errors: list[BaseException] = []
            tokens = [
                engine.connect(
                    "finished-utterance",
                    lambda name=None, completed=True: finished.append(bool(completed)),
                ),
                engine.connect("error", lambda name=None, exception=None: errors.append(exception)),
            ]
            try:
                engine.save_to_file(text, str(tmp))
                engine.runAndWait()
                _espeak_synchronize()
            finally:
                for token in tokens:
                    engine.disconnect(token)
        if errors:
            raise EngineUnavailable(f"The voice engine reported an error: {errors[0]}.")
        # The eSpeak driver sometimes adds a stray completed=False after the real one.
        if not any(finished):
            raise EngineUnavailable("The voice engine stopped before finishing the line.")
        self._check_wav(tmp)

    def _apply(self, engine: Any, settings: VoiceSettings) -> None:
        # pyttsx3 queues property changes and swallows a bad voice name, so check it first.
        base, plus, variant = settings.voice.strip().partition("+")
        ident = self._voice_ids(engine).get(base.lower())
        if ident is None:
            raise SpeechError(f"The voice {settings.voice!r} is not installed.")
        # Set on the driver directly: engine.setProperty is queued behind the engine's busy
        # flag, and a fresh engine's queued values were seen not to reach eSpeak before the
        # utterance (every line came out at the driver's default 200 wpm).
        driver = getattr(getattr(engine, "proxy", None), "_driver", None)
        set_property = driver.setProperty if driver is not None else engine.setProperty
        set_property("voice", ident + plus + variant)
        _espeak_synchronize()  # a voice change resets rate and pitch once eSpeak applies it
        set_property("rate", int(settings.rate))
        set_property("volume", max(0.0, min(2.0, float(settings.volume))))
        try:
            set_property("pitch", int(settings.pitch))
        except (KeyError, ValueError):  # drivers without pitch (SAPI5)
            log.debug("this voice driver has no pitch control")
        _espeak_synchronize()

    @staticmethod
    def _check_wav(path: Path) -> None:
        try:
            with wave.open(str(path), "rb") as w:
                frames = w.getnframes()
        except (wave.Error, EOFError, OSError) as exc:
            raise EngineUnavailable("The voice engine wrote an unreadable audio file.") from exc
        if frames == 0:
            raise EngineUnavailable("The voice engine produced no audio for the line.")
