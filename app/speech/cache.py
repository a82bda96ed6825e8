"""Render-through cache of the manager's lines, keyed by everything that changes the audio.

The key is the engine and its version, the voice settings and the text, so a second engine (or an
upgraded one) is never served another's audio. A line said in several parts (a knowledge answer,
then the scripted line) is the parts' cached WAVs joined with a short pause: each part is
rendered once, and joining is a little numpy work at play time.
"""

from __future__ import annotations

import atexit
import errno
import hashlib
import logging
import os
import shutil
import tempfile
import threading
import wave
from collections.abc import Iterable, Sequence
from pathlib import Path

from app.speech.audio import AudioClip
from app.speech.errors import SpeechError
from app.speech.protocols import Voice, VoiceSettings
from app.speech.wavread import wav_is_whole

#: The pause between the parts of a line said in parts.
PART_PAUSE_S = 0.3
#: A temporary render or join file older than this was left by a killed process.
STALE_TEMP_S = 600.0
#: The system's ways of saying a folder cannot be written (read-only, no permission, full).
_UNWRITABLE = frozenset({errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT})

log = logging.getLogger(__name__)


def cache_key(text: str, settings: VoiceSettings, engine: str = "") -> str:
    raw = f"{engine}|{settings.voice}|{settings.rate}|{settings.pitch}|{settings.volume}|{text}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


#: A render needs this much free space: a full disk is found before an engine meets it (the
#: pyttsx3 eSpeak driver waits forever for a WAV it could not write).
MIN_FREE_BYTES = 8 * 1024 * 1024


def _check_room(folder: Path) -> None:
    """OSError(ENOSPC) when the disk holding `folder` has too little room for a render."""
    info = os.statvfs(folder)
    if info.f_bavail * info.f_frsize < MIN_FREE_BYTES:
        raise OSError(errno.ENOSPC, "the disk is (nearly) full", str(folder))


_FULL = (errno.ENOSPC, errno.EDQUOT)


class _NoRoomError(SpeechError):
    def __init__(self) -> None:
        super().__init__(
            "The disk is full, so the manager's lines cannot be voiced: the captions carry on. "
            "Free some space to hear him again."
        )


class VoiceCache:
    """Hands out a WAV per (engine, voice settings, text), rendering only on a miss.

    Files are written atomically by the voice, so a crash mid-render never leaves a half WAV
    that a later hit would play. ``renders`` and ``hits`` count what happened (tests, bench).
    """

    def __init__(self, voice: Voice, cache_dir: Path) -> None:
        self.voice = voice
        self.cache_dir = Path(cache_dir)
        #: Where renders go when `cache_dir` cannot be written (a read-only or full data
        #: folder): a private temporary folder, removed at exit; None until then. Lines
        #: already in `cache_dir` are still played from there.
        self.fallback_dir: Path | None = None
        self.renders = 0
        self.hits = 0
        self._lock = threading.Lock()
        self.sweep_temporary()

    def sweep_temporary(self, *, older_than_s: float = STALE_TEMP_S) -> int:
        """Remove half-made render and join files that a killed process left; returns how many."""
        import time

        removed = 0
        now = time.time()
        try:
            leftovers = [*self.cache_dir.glob(".render-*"), *self.cache_dir.glob(".join-*")]
        except OSError:
            return 0
        for path in leftovers:
            try:
                if now - path.lstat().st_mtime > older_than_s:
                    path.unlink()
                    removed += 1
            except OSError:
                continue
        return removed

    @property
    def engine(self) -> str:
        return self.voice.engine_id

    def path_for(self, text: str, settings: VoiceSettings) -> Path:
        """Where the line's WAV is (the cache folder, or the fallback folder when only that
        holds it) or, when neither does, where a render would put it."""
        name = f"{cache_key(text, settings, self.engine)}.wav"
        path = self.cache_dir / name
        if self.fallback_dir is None or wav_is_whole(path):
            return path
        return self.fallback_dir / name

    def _use_fallback(self, exc: OSError) -> None:
        """Render into a private temporary folder from now on (one log line, no traceback)."""
        folder = Path(tempfile.mkdtemp(prefix="frameshift-voice-"))
        atexit.register(shutil.rmtree, folder, True)
        log.warning(
            "The voice cache %s cannot be written (%s); lines are rendered into %s for this run.",
            self.cache_dir,
            exc.strerror or exc,
            folder,
        )
        self.fallback_dir = folder

    def get(self, text: str, settings: VoiceSettings) -> Path:
        """The WAV for ``text`` in ``settings``; renders it first if it is not cached."""
        with self._lock:
            path = self.path_for(text, settings)
            if wav_is_whole(path):  # a file cut short (crash, full disk) is rendered again
                self.hits += 1
                return path
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                _check_room(path.parent)
                self.voice.render(text, settings, path)
            except OSError as exc:
                if self.fallback_dir is not None or exc.errno not in _UNWRITABLE:
                    if exc.errno in _FULL:
                        raise _NoRoomError() from exc
                    raise
                try:  # the temporary folder is often on the same full disk
                    self._use_fallback(exc)
                    path = self.path_for(text, settings)
                    _check_room(path.parent)
                except OSError as again:
                    raise _NoRoomError() from again
                self.voice.render(text, settings, path)
            self.renders += 1
            return path

    def line(self, parts: Sequence[str] | str, settings: VoiceSettings) -> Path:
        """The WAV of a whole line: one part is :meth:`get`; several are joined with a pause."""
        said = [parts] if isinstance(parts, str) else [p for p in parts if p.strip()]
        if len(said) == 1:
            return self.get(said[0], settings)
        return self._join(said, [self.get(part, settings) for part in said], settings)

    def ready_line(self, parts: Sequence[str] | str, settings: VoiceSettings) -> Path | None:
        """The line's WAV when every part is cached already (joining them if need be), without
        waiting for the engine (a render in progress holds the lock); None otherwise. Safe from
        any thread: files are only ever replaced whole."""
        said = [parts] if isinstance(parts, str) else [p for p in parts if p.strip()]
        wavs = [self.path_for(part, settings) for part in said]
        if not wavs or not all(wav_is_whole(wav) for wav in wavs):
            return None
        return wavs[0] if len(wavs) == 1 else self._join(said, wavs, settings)

    def _join(self, said: Sequence[str], wavs: Sequence[Path], settings: VoiceSettings) -> Path:
        joined = self.path_for("\x1f".join(said), settings)
        if wav_is_whole(joined):
            return joined
        clip = _joined_pcm(wavs)
        if clip is None:  # parts in other formats: read, convert and join them
            with wave.open(str(wavs[0]), "rb") as w:
                rate = w.getframerate()
            pause = AudioClip(bytes(2 * int(rate * PART_PAUSE_S)), rate)
            clip = AudioClip.from_wav(wavs[0], rate=rate)
            for wav in wavs[1:]:
                clip = clip + pause + AudioClip.from_wav(wav, rate=rate)
        try:
            fd, tmp = tempfile.mkstemp(prefix=".join-", suffix=".wav", dir=joined.parent)
        except OSError as exc:
            if self.fallback_dir is not None or exc.errno not in _UNWRITABLE:
                raise
            with self._lock:
                if self.fallback_dir is None:
                    self._use_fallback(exc)
            joined = self.path_for("\x1f".join(said), settings)
            fd, tmp = tempfile.mkstemp(prefix=".join-", suffix=".wav", dir=joined.parent)
        os.close(fd)
        try:
            clip.to_wav(Path(tmp))
            os.replace(tmp, joined)
        finally:
            Path(tmp).unlink(missing_ok=True)
        return joined

    def prerender(self, lines: Iterable[str], settings: VoiceSettings) -> list[Path]:
        """Render every line (or part) not yet cached (a scenario's lines when it starts)."""
        return [self.get(line, settings) for line in dict.fromkeys(lines) if line.strip()]


def _joined_pcm(wavs: Sequence[Path]) -> AudioClip | None:
    """The parts joined with a pause by copying their frames, when all are 16-bit mono at one
    rate (every engine's cache files are): no decoding to floats, so a reply joined on the GUI
    thread costs a file copy, not a conversion. None when they differ."""
    frames: list[bytes] = []
    rate = 0
    for wav in wavs:
        with wave.open(str(wav), "rb") as w:
            if (
                w.getnchannels() != 1
                or w.getsampwidth() != 2
                or (rate and w.getframerate() != rate)
            ):
                return None
            rate = w.getframerate()
            frames.append(w.readframes(w.getnframes()))
    pause = bytes(2 * int(rate * PART_PAUSE_S))
    return AudioClip(pause.join(frames), rate)
