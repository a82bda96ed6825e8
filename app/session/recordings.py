"""Where a session's recordings live: the one module that knows ``audio/<sid>/<idx>-<speaker>.wav``.

The store keeps each turn's recording as a path relative to the data dir (so the data dir can
move); this module makes those paths, writes the files and removes them. Nothing else in the app
builds an audio path, and every reader turns a stored path into a file only through
:meth:`Recordings.resolve`: a history is data from outside (a shared data folder, a restored
backup), so a stored path is a recording only when it has the one shape ``save`` writes and is a
regular file inside ``audio/`` (no symlink on the way). Anything else is "no recording" to every
reader and is never unlinked.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from typing import Protocol

from app.store.records import recording_file

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

    def resolve(self, relative: str | None, session_id: int | None = None) -> Path | None:
        """The file of a stored recording path, or None when it is not a recording (see
        :func:`app.store.records.recording_file`: only ``save``'s shape, a regular file inside
        ``audio/``, no symlink; of ``session_id`` when given)."""
        return recording_file(self.data_dir, relative, session_id)

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
        return target.relative_to(self.data_dir).as_posix()

    def remove(self, relative_paths: list[str], session_id: int | None = None) -> None:
        """Remove recordings by their stored paths, then the session's folder (or all folders).

        Only what :meth:`resolve` accepts is unlinked, and with a ``session_id`` only that
        session's own files: a retry's copied turns name its parent's recordings, which stay
        with the parent. A symlinked folder is unlinked, never followed."""
        for rel in relative_paths:
            path = self.resolve(rel, session_id)
            if path is not None:
                with contextlib.suppress(OSError):
                    path.unlink(missing_ok=True)
        if session_id is not None:
            _remove_tree(self.folder(session_id))
        elif self.root.is_symlink():  # the user's audio/ elsewhere: empty it, keep the link
            for folder in self._entries():
                _remove_tree(folder)
        else:
            _remove_tree(self.root)

    def mark_deleting(self, session_id: int | None = None) -> None:
        """Mark a session's folder (or every folder) as being deleted, before its rows go, so a
        delete killed half-way leaves folders that the next start recognises and removes."""
        folders = [self.folder(session_id)] if session_id is not None else self._folders()
        for folder in folders:
            if folder.is_dir() and not folder.is_symlink():  # never write through a link
                with contextlib.suppress(OSError):
                    (folder / DELETING_MARK).touch()

    def unmark_deleting(self, session_id: int) -> None:
        folder = self.folder(session_id)
        if not folder.is_symlink():
            with contextlib.suppress(OSError):
                (folder / DELETING_MARK).unlink()

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

    def _entries(self) -> list[Path]:
        try:
            return list(self.root.iterdir())
        except OSError:
            return []

    def _folders(self) -> list[Path]:
        return sorted(
            p
            for p in self._entries()
            if p.name.isascii() and p.name.isdigit() and p.is_dir() and not p.is_symlink()
        )


def _remove_tree(folder: Path) -> None:
    """Remove a folder and what is in it; a symlink is removed itself, its target left alone
    (``shutil.rmtree`` unlinks symlinks inside the tree without following them)."""
    with contextlib.suppress(OSError):
        if folder.is_symlink():
            folder.unlink()
        elif folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)


__all__ = ["Clip", "RecordingError", "Recordings"]
