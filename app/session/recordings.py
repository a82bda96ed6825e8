"""Where a session's recordings live: the one module that knows ``audio/<sid>/<idx>-<speaker>.wav``.

The store keeps each turn's recording as a path relative to the data dir (so the data dir can
move); this module makes those paths, writes the files and removes them. Nothing else in the app
builds an audio path.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from typing import Protocol

#: The file that marks a session folder whose delete has begun.
DELETING_MARK = ".deleting"


class Clip(Protocol):
    """Anything that can write itself as a WAV (an ``app.speech.AudioClip``)."""

    def to_wav(self, path: Path) -> Path: ...


class RecordingError(OSError):
    """A recording could not be written; ``str()`` is a sentence, ``reason`` the system's word."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class Recordings:
    """The recordings under ``data_dir/audio``, one folder per session."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.root = self.data_dir / "audio"

    def folder(self, session_id: int) -> Path:
        return self.root / str(session_id)

    def path(self, session_id: int, idx: int, speaker: str) -> Path:
        """The recording of turn ``idx`` (absolute)."""
        return self.folder(session_id) / f"{idx:03d}-{speaker}.wav"

    def resolve(self, relative: str) -> Path:
        """The absolute path of a stored (relative) recording path."""
        return self.data_dir / relative

    def save(self, session_id: int, idx: int, speaker: str, source: Clip | Path) -> str:
        """Write ``source`` (a clip, or a WAV file to copy) as turn ``idx``'s recording and return
        the path to store. Raises :class:`RecordingError` with a sentence when it cannot."""
        target = self.path(session_id, idx, speaker)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(source, Path):
                if not target.exists():
                    shutil.copyfile(source, target)
            else:
                source.to_wav(target)
        except OSError as exc:
            with contextlib.suppress(OSError):  # never a 0-byte or half WAV left in the history
                target.unlink(missing_ok=True)
            reason = exc.strerror or str(exc)
            raise RecordingError(f"The recording could not be saved ({reason}).", reason) from exc
        return str(target.relative_to(self.data_dir))

    def remove(self, relative_paths: list[str], session_id: int | None = None) -> None:
        """Remove recordings by their stored paths, then the session's folder (or all folders)."""
        for rel in relative_paths:
            self.resolve(rel).unlink(missing_ok=True)
        folder = self.folder(session_id) if session_id is not None else self.root
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)

    def mark_deleting(self, session_id: int | None = None) -> None:
        """Mark a session's folder (or every folder) as being deleted, before its rows go, so a
        delete killed half-way leaves folders that the next start recognises and removes."""
        folders = [self.folder(session_id)] if session_id is not None else self._folders()
        for folder in folders:
            if folder.is_dir():
                with contextlib.suppress(OSError):
                    (folder / DELETING_MARK).touch()

    def unmark_deleting(self, session_id: int) -> None:
        with contextlib.suppress(OSError):
            (self.folder(session_id) / DELETING_MARK).unlink()

    def orphans(self, session_ids: set[int]) -> list[Path]:
        """Folders marked as being deleted whose session is no longer in the history."""
        return [
            p
            for p in self._folders()
            if int(p.name) not in session_ids and (p / DELETING_MARK).exists()
        ]

    def remove_orphans(self, session_ids: set[int]) -> list[Path]:
        """Remove :meth:`orphans`; returns what was removed."""
        found = self.orphans(session_ids)
        for folder in found:
            shutil.rmtree(folder, ignore_errors=True)
        return found

    def _folders(self) -> list[Path]:
        try:
            entries = list(self.root.iterdir())
        except OSError:
            return []
        return sorted(p for p in entries if p.name.isdigit() and p.is_dir() and not p.is_symlink())


__all__ = ["Clip", "RecordingError", "Recordings"]
