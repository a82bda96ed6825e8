"""Text to speech with CMU Flite (Debian's ``flite``), whose Arctic voices sound more like a
recorded person than eSpeak's formant voices and render in a fraction of real time.

Each render runs the ``flite`` program once (no shared library state, nothing to crash the app);
``rate`` maps to its duration stretch, ``pitch`` moves the voice's mean F0 by up to half an octave
either way, and ``volume`` scales the samples.
"""

from __future__ import annotations

import shutil
import subprocess
import wave
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from app.speech.errors import EngineUnavailable, SpeechError
from app.speech.protocols import VoiceSettings
from app.speech.rendering import rendering

#: The rate (words per minute) at which Flite speaks with duration stretch 1.0.
NATURAL_RATE = 170
#: Longest a single line may take to render before it is treated as a failure.
RENDER_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class FliteVoiceSpec:
    """A Flite voice: its mean F0 in Hz and the eSpeak voice to use without Flite."""

    f0_hz: float
    fallback: str


#: Voices a persona may name as ``flite:<name>`` (all shipped in Debian's flite package).
VOICES: dict[str, FliteVoiceSpec] = {
    "slt": FliteVoiceSpec(167.0, "en-us+f3"),  # US English, female
    "rms": FliteVoiceSpec(100.0, "en-us"),  # US English, male
    "awb": FliteVoiceSpec(110.0, "en-gb-scotland"),  # Scottish English, male
    "kal16": FliteVoiceSpec(105.0, "en-us"),  # US English, male (diphone)
}


def _flite() -> str | None:
    return shutil.which("flite")


def _version(binary: str | None) -> str:
    if binary is None:
        return "missing"
    try:
        text = subprocess.run(
            [binary, "--version"], capture_output=True, text=True, timeout=5, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    words = text.split()
    return next((w.strip(",") for w in words if w.startswith("flite-")), "unknown")


class FliteTts:
    """A :class:`~app.speech.protocols.Voice` backed by the ``flite`` program."""

    def __init__(self) -> None:
        self._binary = _flite()
        self.engine_id = f"flite/{_version(self._binary)}"

    def available(self, name: str) -> bool:
        """Whether ``flite:<name>`` can render here."""
        return self._binary is not None and name in VOICES

    def fallback(self, settings: VoiceSettings) -> VoiceSettings:
        """The eSpeak NG settings that stand in for this voice where Flite is missing."""
        spec = VOICES.get(settings.voice)
        return replace(settings, voice=spec.fallback if spec else "en-us")

    def command(self, text: str, settings: VoiceSettings, out: Path) -> list[str]:
        """The ``flite`` command line for one render (public for tests)."""
        spec = VOICES.get(settings.voice)
        if spec is None:
            known = ", ".join(sorted(VOICES))
            raise EngineUnavailable(
                f"Flite has no voice called '{settings.voice}' (known: {known})."
            )
        if self._binary is None:
            raise EngineUnavailable("Flite is not installed (Debian/Ubuntu package 'flite').")
        stretch = NATURAL_RATE / max(80, min(400, settings.rate))
        cmd = [self._binary, "-voice", settings.voice, "--setf", f"duration_stretch={stretch:.3f}"]
        if settings.pitch != 50:
            f0 = spec.f0_hz * 2 ** ((max(0, min(99, settings.pitch)) - 50) / 100)
            cmd += ["--setf", f"int_f0_target_mean={f0:.1f}"]
        return [*cmd, "-t", text, "-o", str(out)]

    def render(self, text: str, settings: VoiceSettings, out: Path) -> Path:
        """Speak ``text`` into the WAV ``out`` (written atomically); returns ``out``."""
        out = Path(out)
        with rendering(text, out) as tmp:
            cmd = self.command(" ".join(text.split()), settings, tmp)
            try:
                done = subprocess.run(
                    cmd, capture_output=True, text=True, timeout=RENDER_TIMEOUT_S, check=False
                )
            except subprocess.TimeoutExpired as exc:
                raise SpeechError("Flite took too long on this line.") from exc
            except OSError as exc:
                raise EngineUnavailable(f"Flite could not run ({exc}).") from exc
            if done.returncode != 0:
                raise SpeechError(f"Flite failed on this line: {done.stderr.strip()[:200]}")
            _scale_volume(tmp, settings.volume)
        return out


def _scale_volume(path: Path, volume: float) -> None:
    """Scale a 16-bit WAV in place; refuse an empty one."""
    with wave.open(str(path), "rb") as wav:
        params = wav.getparams()
        frames = wav.readframes(params.nframes)
    if params.nframes == 0 or params.sampwidth != 2:
        raise SpeechError("Flite produced no usable audio for this line.")
    if volume >= 1.0:
        return
    samples = np.frombuffer(frames, dtype="<i2").astype(np.float32) * max(0.0, volume)
    with wave.open(str(path), "wb") as wav:
        wav.setparams(params)
        wav.writeframes(samples.astype("<i2").tobytes())


__all__ = ["NATURAL_RATE", "VOICES", "FliteTts", "FliteVoiceSpec"]
