"""The models that decide when an answer has begun and when it is over, on onnxruntime alone.

* :class:`SileroVoice`: Silero VAD v6 (the ONNX faster-whisper ships), run frame by frame on
  32 ms frames with its recurrent state kept between calls: the probability that a frame is speech.
* :class:`SmartTurn`: the Smart Turn v3.2 end-of-turn classifier (an 8 M-parameter Whisper-tiny
  encoder, BSD-2, bundled in ``app/speech/model_files`` with its licence and SHA-256): the last
  8 s of an answer in, the probability that the speaker has finished out. It hears intonation
  and grammar, so "I'd like to... hmm" keeps the turn open where a fixed hang-over would close it.

Both load once, from files in the installed app (nothing is downloaded), and fail with a
:class:`~app.speech.errors.EngineUnavailable` sentence; the detector then falls back to energy and
the fixed hang-over. The log-mel features are a numpy port of ``transformers``'
WhisperFeatureExtractor (Apache-2.0), as vendored in pipecat's ``_whisper_features.py`` (BSD-2).
"""

from __future__ import annotations

import hashlib
import json
import threading
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from app.speech.audio import TARGET_RATE, AudioClip
from app.speech.errors import EngineUnavailable

MODEL_DIR = Path(__file__).with_name("model_files")
SMART_TURN_FILE = "smart-turn-v3.2-cpu.onnx"
SILERO_FRAME = 512  # samples at 16 kHz: 32 ms, the frame Silero v5/v6 is trained on
_SILERO_CONTEXT = 64


def _session(path: Path, threads: int = 1) -> Any:
    try:
        import onnxruntime as ort
    except ImportError as exc:
        raise EngineUnavailable("onnxruntime is not installed.") from exc
    opts = ort.SessionOptions()
    opts.inter_op_num_threads = 1
    opts.intra_op_num_threads = threads
    opts.log_severity_level = 4
    try:
        return ort.InferenceSession(
            str(path), sess_options=opts, providers=["CPUExecutionProvider"]
        )
    except Exception as exc:
        raise EngineUnavailable(f"The model {path.name} could not be loaded ({exc}).") from exc


def silero_path() -> Path:
    try:
        import faster_whisper
    except ImportError as exc:
        raise EngineUnavailable(
            "faster-whisper (which ships Silero VAD) is not installed."
        ) from exc
    path = Path(faster_whisper.__file__).with_name("assets") / "silero_vad_v6.onnx"
    if not path.is_file():
        raise EngineUnavailable(f"Silero VAD is missing from faster-whisper ({path}).")
    return path


class SileroVoice:
    """Streaming Silero VAD: call with each 512-sample int16 frame, in order."""

    def __init__(self, path: Path | None = None) -> None:
        self._session = _session(path or silero_path())
        self.reset()

    def reset(self) -> None:
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(_SILERO_CONTEXT, dtype=np.float32)

    def __call__(self, frame: npt.NDArray[np.int16]) -> float:
        x = frame.astype(np.float32) / 32768.0
        if len(x) != SILERO_FRAME:
            x = np.resize(x, SILERO_FRAME) if len(x) else np.zeros(SILERO_FRAME, np.float32)
        window = np.concatenate([self._context, x])[None, :]
        prob, self._h, self._c = self._session.run(
            None, {"input": window, "h": self._h, "c": self._c}
        )
        self._context = x[-_SILERO_CONTEXT:]
        return float(np.asarray(prob).reshape(-1)[0])


# -- Smart Turn ---------------------------------------------------------------------------------
_N_FFT, _HOP, _N_MELS, _SECONDS = 400, 160, 80, 8


def _hz_to_mel(freq: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    mels = 3.0 * freq / 200.0
    log = freq >= 1000.0
    mels[log] = 15.0 + np.log(freq[log] / 1000.0) * (27.0 / np.log(6.4))
    return mels


def _mel_to_hz(mels: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    freq = 200.0 * mels / 3.0
    log = mels >= 15.0
    freq[log] = 1000.0 * np.exp((np.log(6.4) / 27.0) * (mels[log] - 15.0))
    return freq


@cache
def _mel_filters() -> npt.NDArray[np.float64]:
    """Slaney-normalised triangular filters, (n_fft/2+1, 80), as Whisper's extractor builds."""
    edges = np.array([0.0, TARGET_RATE / 2.0])
    mel_min, mel_max = _hz_to_mel(edges.copy())
    filter_freqs = _mel_to_hz(np.linspace(mel_min, mel_max, _N_MELS + 2))
    fft_freqs = np.linspace(0, TARGET_RATE // 2, _N_FFT // 2 + 1)
    diff = np.diff(filter_freqs)
    slopes = filter_freqs[None, :] - fft_freqs[:, None]
    down = -slopes[:, :-2] / diff[:-1]
    up = slopes[:, 2:] / diff[1:]
    filters = np.maximum(0.0, np.minimum(down, up))
    filters *= (2.0 / (filter_freqs[2 : _N_MELS + 2] - filter_freqs[:_N_MELS]))[None, :]
    return filters


def log_mel_8s(audio: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """Whisper log-mel features (80 x 800) of exactly 8 s of 16 kHz audio, waveform-normalised."""
    n = TARGET_RATE * _SECONDS
    x = np.asarray(audio, dtype=np.float32)[:n]
    x = np.pad(x, (0, n - len(x)))
    x = (x - x.mean()) / np.sqrt(x.var() + 1e-7)
    padded = np.pad(x.astype(np.float64), (_N_FFT // 2, _N_FFT // 2), mode="reflect")
    window = np.hanning(_N_FFT + 1)[:-1]
    frames = np.lib.stride_tricks.sliding_window_view(padded, _N_FFT)[::_HOP]
    power = np.abs(np.fft.rfft(frames * window, axis=-1)) ** 2
    mel = np.maximum(1e-10, _mel_filters().T @ power.T)
    log = np.log10(mel)[:, :-1]
    log = np.maximum(log, log.max() - 8.0)
    out: npt.NDArray[np.float32] = ((log + 4.0) / 4.0).astype(np.float32)
    return out


def _check_sha256(path: Path) -> None:
    manifest = json.loads((MODEL_DIR / "manifest.json").read_text(encoding="utf-8"))
    want = manifest[path.name]["sha256"]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != want:
        raise EngineUnavailable(
            f"The end-of-turn model {path.name} is damaged (checksum mismatch); reinstall the app."
        )


class SmartTurn:
    """Smart Turn v3.2: ``probability(clip)`` that the speaker has finished their turn."""

    def __init__(self, path: Path | None = None, threads: int = 1) -> None:
        path = path or MODEL_DIR / SMART_TURN_FILE
        if not path.is_file():
            raise EngineUnavailable(f"The end-of-turn model is missing ({path}).")
        _check_sha256(path)
        self._session = _session(path, threads)
        self._lock = threading.Lock()

    def probability(self, clip: AudioClip) -> float:
        audio = clip.resampled(TARGET_RATE).to_float()
        n = TARGET_RATE * _SECONDS
        audio = audio[-n:] if len(audio) > n else np.pad(audio, (n - len(audio), 0))
        features = log_mel_8s(audio)[None, :, :]
        with self._lock:
            out = self._session.run(None, {"input_features": features})
        return float(np.asarray(out[0]).reshape(-1)[0])

    def __call__(self, clip: AudioClip) -> float:
        return self.probability(clip)
