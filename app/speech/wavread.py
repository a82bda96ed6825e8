"""Reading a WAV file that may lie: every header field is checked against the file itself.

Python's `wave` refuses float and WAVE_FORMAT_EXTENSIBLE files (common: most editors write
24-bit or float by default) and believes every length in the header. This reader walks the RIFF
chunks itself, in bounded time and memory:

- only a regular file is opened (a FIFO, folder or device is refused without blocking);
- chunk sizes are clamped to what the file holds, the number of chunks is capped;
- channels, rate and sample width must be plausible; the frame size is computed, not trusted;
- PCM 8/16/24/32-bit and IEEE float 32/64-bit, plain or "extensible", are converted;
- a file longer than `max_seconds` is refused before its samples are read.
"""

from __future__ import annotations

import errno
import os
import struct
from pathlib import Path

import numpy as np
import numpy.typing as npt

from app.files import NotARegularFileError, open_regular
from app.speech.errors import SpeechError

#: Longest audio a file may hold unless the caller says otherwise (the recognizer's own cap).
DEFAULT_MAX_SECONDS = 600.0
MAX_CHANNELS = 32
RATE_RANGE = (1_000, 384_000)
MAX_CHUNKS = 10_000

_PCM = 1
_FLOAT = 3
_EXTENSIBLE = 0xFFFE


class WavError(SpeechError):
    """The file is not a WAV this reader can use; ``str()`` says why in a sentence."""


def read_wav(
    path: Path, *, max_seconds: float = DEFAULT_MAX_SECONDS
) -> tuple[npt.NDArray[np.float32], int]:
    """The file's audio as mono float32 in -1..1 and its sample rate; WavError if unusable."""
    path = Path(path)
    name = str(path)
    try:
        with open_regular(path) as (fh, info):
            return _parse(fh, info.st_size, name, max_seconds)
    except FileNotFoundError:
        raise WavError(f"The audio file {name} does not exist.") from None
    except IsADirectoryError:
        raise WavError(f"{name} is a folder, not a WAV file.") from None
    except NotARegularFileError:
        raise WavError(
            f"{name} is not a regular file (a pipe or device?); give a WAV file."
        ) from None
    except OSError as exc:
        if exc.errno == errno.EINVAL and exc.strerror == "not a usable file name":
            raise WavError(f"{name!r} is not a usable file name.") from None
        raise WavError(f"{name} cannot be read ({exc.strerror or exc}).") from None


def _parse(
    fh: object, size: int, name: str, max_seconds: float
) -> tuple[npt.NDArray[np.float32], int]:
    read = fh.read  # type: ignore[attr-defined]
    seek = fh.seek  # type: ignore[attr-defined]
    head = read(12)
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        raise WavError(f"{name} is not a readable PCM WAV file (no RIFF/WAVE header).")
    fmt: tuple[int, int, int, int] | None = None
    pos = 12
    for _ in range(MAX_CHUNKS):
        header = read(8)
        if len(header) < 8:
            break
        chunk_id, declared = header[:4], struct.unpack("<I", header[4:])[0]
        body = pos + 8
        available = max(0, size - body)
        length = min(declared, available)
        if chunk_id == b"fmt ":
            fmt = _format(read(min(length, 64)), name)
        elif chunk_id == b"data":
            if fmt is None:
                raise WavError(f"{name} has its audio before its format; it cannot be read.")
            return _samples(fh, length, fmt, name, max_seconds)
        pos = body + length + (length & 1)
        if pos >= size:
            break
        seek(pos)
    raise WavError(f"{name} holds no audio (no data chunk).")


def _format(raw: bytes, name: str) -> tuple[int, int, int, int]:
    """(kind, channels, rate, bits) from a fmt chunk, each checked."""
    if len(raw) < 16:
        raise WavError(f"{name} has a damaged format header.")
    tag, channels, rate, _byte_rate, _align, bits = struct.unpack("<HHIIHH", raw[:16])
    if tag == _EXTENSIBLE:
        if len(raw) < 26:
            raise WavError(f"{name} has a damaged format header.")
        tag = struct.unpack("<H", raw[24:26])[0]
    if tag not in (_PCM, _FLOAT):
        raise WavError(f"{name} is compressed (format {tag}); save it as PCM or float WAV.")
    if not 1 <= channels <= MAX_CHANNELS:
        raise WavError(f"{name} says it has {channels} channels, which cannot be right.")
    if not RATE_RANGE[0] <= rate <= RATE_RANGE[1]:
        raise WavError(f"{name} says its sample rate is {rate} Hz, which cannot be right.")
    allowed = (8, 16, 24, 32) if tag == _PCM else (32, 64)
    if bits not in allowed:
        raise WavError(f"{name} uses {bits}-bit samples, which cannot be read.")
    return tag, channels, rate, bits


def _samples(
    fh: object, length: int, fmt: tuple[int, int, int, int], name: str, max_seconds: float
) -> tuple[npt.NDArray[np.float32], int]:
    kind, channels, rate, bits = fmt
    frame = channels * bits // 8
    frames = length // frame
    if frames / rate > max_seconds:
        raise WavError(
            f"{name} is {frames / rate:.0f} s long; at most {max_seconds:.0f} s can be used."
        )
    raw = fh.read(frames * frame)  # type: ignore[attr-defined]
    frames = len(raw) // frame
    raw = raw[: frames * frame]
    data = _decode(raw, kind, bits)
    if channels > 1:
        data = data.reshape(-1, channels).mean(axis=1, dtype=np.float32)
    return np.ascontiguousarray(data, dtype=np.float32), rate


def _decode(raw: bytes, kind: int, bits: int) -> npt.NDArray[np.float32]:
    if kind == _FLOAT:
        dtype = "<f4" if bits == 32 else "<f8"
        values = np.frombuffer(raw, dtype=dtype).astype(np.float32)
        values = np.nan_to_num(values, nan=0.0, posinf=1.0, neginf=-1.0)
        return np.clip(values, -1.0, 1.0).astype(np.float32)
    if bits == 8:
        return (np.frombuffer(raw, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
    if bits == 16:
        return np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    if bits == 24:
        b = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        v = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)
        v = np.where(v >= 1 << 23, v - (1 << 24), v)
        return (v.astype(np.float32) / float(1 << 23)).astype(np.float32)
    return (np.frombuffer(raw, dtype="<i4").astype(np.float64) / 2**31).astype(np.float32)


def wav_is_whole(path: Path) -> bool:
    """True when `path` is a WAV whose audio is all there (its data chunk is as long as its
    header says and not empty): a cached file cut short by a crash or a full disk is not."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
            if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
                return False
            size = os.fstat(fh.fileno()).st_size
            pos = 12
            for _ in range(MAX_CHUNKS):
                header = fh.read(8)
                if len(header) < 8:
                    return False
                declared = int(struct.unpack("<I", header[4:])[0])
                if header[:4] == b"data":
                    return 0 < declared <= size - pos - 8
                pos += 8 + declared + (declared & 1)
                if pos >= size:
                    return False
                fh.seek(pos)
    except OSError:
        return False
    return False
