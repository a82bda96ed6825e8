"""The store's own errors, and the one place where SQLite's errors are translated into them.

Every error that can reach a user carries a sentence saying what happened (`message`) and one
saying what to do about it (`hint`), so the GUI and the command line can show both and never a
traceback.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from pathlib import Path

DATA_DIR_HINT = "start Frameshift with --data-dir DIR"

# SQLite's primary result codes (extended codes keep these in their low byte).
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


class StoreError(Exception):
    """Something the history database could not do; `message` says what, `hint` what next."""

    def __init__(self, message: str, hint: str = "", *, path: Path | None = None) -> None:
        super().__init__(f"{message} {hint}".strip())
        self.message = message
        self.hint = hint
        self.path = path


class NoSuchSession(StoreError):  # noqa: N818 (public API name)
    """The caller named a session id that is not (or no longer) in the history."""

    def __init__(self, session_id: int) -> None:
        super().__init__(
            f"There is no session {session_id} in the history.",
            "List the saved sessions with `frameshift history`.",
        )
        self.session_id = session_id


class NoSuchHistory(StoreError):  # noqa: N818 (public API name)
    """There is no history file yet (nothing was ever saved in this data folder)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"There is no history in {path.parent} yet.",
            "Sessions are saved there once you rehearse.",
            path=path,
        )


class DatabaseLocked(StoreError):  # noqa: N818 (public API name)
    """Another process holds the write lock for longer than the busy timeout."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"Another program is using {path} (another Frameshift, or a tool that opened it).",
            "Close it, or start this one with --data-dir DIR.",
            path=path,
        )


#: Why a folder cannot be written, as `write_cause` finds it.
READ_ONLY, NO_PERMISSION, FULL, UNKNOWN = "read-only", "permission", "full", "unknown"


def _nearest_folder(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.is_dir():
            return candidate
    return path


def write_cause(path: Path, err: int | None = None) -> str:
    """Why `path` (a file or folder, or the nearest folder that exists) cannot be written:
    READ_ONLY (a read-only disk or mount), NO_PERMISSION, FULL or UNKNOWN. `err` is the errno
    the system gave, when it gave one; otherwise the file system is asked, writing nothing."""
    if err == errno.EROFS:
        return READ_ONLY
    if err in (errno.ENOSPC, errno.EDQUOT):
        return FULL
    folder = _nearest_folder(Path(path))
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return READ_ONLY
    except OSError:
        pass
    if err in (errno.EACCES, errno.EPERM):
        return NO_PERMISSION
    target = Path(path) if Path(path).exists() else folder
    if not os.access(target, os.W_OK) or (target != folder and not os.access(folder, os.W_OK)):
        return NO_PERMISSION
    if disk_full(folder):
        return FULL
    return UNKNOWN


def _folder_words(path: Path) -> str:
    return f"the data folder {path.parent}" if path.suffix else f"the data folder {path}"


class DatabaseReadOnly(StoreError):  # noqa: N818 (public API name)
    """The file, its folder or the whole disk cannot be written; `cause` says which
    (READ_ONLY, NO_PERMISSION or UNKNOWN) and the sentences differ by it."""

    def __init__(self, path: Path, err: int | None = None) -> None:
        self.cause = write_cause(Path(path), err)
        where = _folder_words(Path(path))
        if self.cause == READ_ONLY:
            message = f"Nothing can be saved: {where} is on a read-only disk."
            hint = (
                "Rehearsals still run but are not kept; start Frameshift with --data-dir DIR "
                "on a writable disk to keep them."
            )
        elif self.cause == NO_PERMISSION:
            message = f"Nothing can be saved: you have no permission to write in {where}."
            hint = "Give your user write access to it, or start Frameshift with --data-dir DIR."
        else:
            message = f"Frameshift cannot write to {path}."
            hint = "Make the file and its folder writable, or choose a writable --data-dir DIR."
        super().__init__(message, hint, path=path)


class DatabaseCorrupt(StoreError):  # noqa: N818 (public API name)
    """The file is not an SQLite database or its pages are damaged."""

    def __init__(self, path: Path, detail: str = "") -> None:
        said = f" (SQLite says: {detail})" if detail else ""
        super().__init__(
            f"The history file {path} is damaged and cannot be read{said}.",
            "Restart Frameshift: it keeps the damaged file aside and starts a fresh history "
            f"(or {DATA_DIR_HINT}).",
            path=path,
        )


class DamagedSession(DatabaseCorrupt):
    """One session's row cannot be what was written (a cell overwritten on pages SQLite still
    reads: bit rot, a torn write). The start's page check passes such a file, so a restart
    changes nothing: the way forward is deleting that session; the rest of the history reads."""

    def __init__(self, path: Path, session_id: int) -> None:
        StoreError.__init__(
            self,
            f"Session {session_id} in the history file {path} is damaged and cannot be read.",
            f"The rest of the history is not affected: Delete in History (or `frameshift "
            f"delete {session_id}`) removes that session and its recordings.",
            path=path,
        )
        self.session_id = session_id


class NotAFolder(StoreError):  # noqa: N818 (public API name)
    """Something of the wrong kind sits where the data folder or the history file should be: a
    file named like the data folder, or a folder named like the history file."""

    def __init__(self, path: Path, *, folder_is_file: bool) -> None:
        if folder_is_file:
            message = f"The data folder {path.parent} is a file, not a folder."
            hint = f"Move or rename that file, or {DATA_DIR_HINT}."
        else:
            message = f"The history file {path} is a folder, not a file."
            hint = f"Move or rename that folder, or {DATA_DIR_HINT}."
        super().__init__(message, hint, path=path)


def wrong_kind(path: Path) -> NotAFolder | None:
    """NotAFolder when the history file's folder (or one above it) is a file, or the history
    file is a folder; None when the path could be a history file. Only asks the file system."""
    path = Path(path)
    if path.is_dir():
        return NotAFolder(path, folder_is_file=False)
    for folder in path.parents:
        if folder.exists():
            return None if folder.is_dir() else NotAFolder(path, folder_is_file=True)
    return None


class DatabaseTooNew(StoreError):  # noqa: N818 (public API name)
    """The file's schema version is ahead of this build; touching it could lose data."""

    def __init__(self, path: Path, *, found: int, known: int) -> None:
        super().__init__(
            f"{path} was written by a newer Frameshift (schema {found}, this one knows {known}).",
            f"Update Frameshift, or {DATA_DIR_HINT} to keep a separate history for this one.",
            path=path,
        )
        self.found = found
        self.known = known


class DiskFull(StoreError):  # noqa: N818 (public API name)
    """The last write did not fit; it was rolled back, so retrying later is safe."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The disk holding {path} is full.",
            "Free some space; what you said so far is kept in memory and will be saved when "
            "you retry.",
            path=path,
        )


class SessionInUse(StoreError):  # noqa: N818 (public API name)
    """Another process is rehearsing this session right now."""

    def __init__(self, session_id: int) -> None:
        super().__init__(
            f"Session {session_id} is being rehearsed right now in another Frameshift.",
            "End that rehearsal first, then delete it.",
        )
        self.session_id = session_id


#: Below this many free bytes an I/O error is taken to be the disk filling up.
_NEARLY_FULL = 256 * 1024


def disk_full(path: Path) -> bool:
    """Whether the file system holding `path` (or its nearest existing folder) is full.

    SQLite reports a full disk while growing its `-shm` or journal as a plain "disk I/O
    error"; the free space says which it was.
    """
    folder = Path(path)
    for candidate in (folder, *folder.parents):
        try:
            info = os.statvfs(candidate)
        except OSError:
            continue
        return info.f_bavail * info.f_frsize < _NEARLY_FULL
    return False


def _primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def translate(exc: BaseException, path: Path) -> StoreError:
    """Map an sqlite3 or OS error to the StoreError a user should see.

    The result code decides when SQLite gave one; the message text is the fallback, because
    errors raised by hand (and by older Pythons) carry no code.
    """
    if isinstance(exc, StoreError):
        return exc
    code = _primary_code(exc) if isinstance(exc, sqlite3.Error) else None
    if isinstance(exc, OSError) or code == _SQLITE_CANTOPEN or "unable to open" in str(exc):
        kind = wrong_kind(path)  # "File exists" / "unable to open": a file where a folder goes
        if kind is not None:
            return kind
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return DiskFull(path)
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return DatabaseReadOnly(path, exc.errno)
        if exc.errno == errno.EIO and disk_full(path):
            return DiskFull(path)
        return StoreError(
            f"Frameshift could not use {path}: {exc.strerror or exc}.",
            f"Check the disk, or {DATA_DIR_HINT} to use another folder.",
            path=path,
        )
    text = str(exc)
    lowered = text.lower()
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in lowered:
        return DatabaseLocked(path)
    if code == _SQLITE_FULL or "disk is full" in lowered:
        return DiskFull(path)
    if code in (_SQLITE_READONLY, _SQLITE_CANTOPEN) or "readonly" in lowered:
        return DatabaseReadOnly(path)
    if "unable to open database" in lowered:
        return DatabaseReadOnly(path)
    if (
        code in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
        or "not a database" in lowered
        or "malformed" in lowered
    ):
        return DatabaseCorrupt(path, text)
    if isinstance(exc, sqlite3.ProgrammingError) and "closed" in lowered:
        return StoreError(
            "The history was already closed.",
            "Restart Frameshift; this is a bug worth reporting.",
            path=path,
        )
    if (code == _SQLITE_IOERR or "disk i/o error" in lowered) and disk_full(path):
        return DiskFull(path)
    if code == _SQLITE_IOERR:
        return StoreError(
            f"Frameshift could not read or write {path} ({text}).",
            f"Check the disk, then try again, or {DATA_DIR_HINT}.",
            path=path,
        )
    return StoreError(
        f"The history database at {path} failed: {text}.",
        f"Try again; if it keeps happening, {DATA_DIR_HINT} to use a fresh folder.",
        path=path,
    )


def folder_problem(folder: Path) -> StoreError | None:
    """Whether Frameshift can save in `folder` (created if missing): a small file is written,
    synced and removed. None when it can; else the error saying why, in the words of
    `DatabaseReadOnly` (read-only disk, no permission) or `DiskFull`."""
    folder = Path(folder)
    probe = folder / f".frameshift-write-test-{os.getpid()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        try:
            os.write(fd, bytes(64 * 1024))
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        cause = write_cause(folder, exc.errno)
        with contextlib.suppress(OSError):
            probe.unlink()
        if cause == FULL:
            return DiskFull(folder / "frameshift.db")
        return DatabaseReadOnly(folder / "frameshift.db", exc.errno)
    with contextlib.suppress(OSError):
        probe.unlink()
    if disk_full(folder):
        return DiskFull(folder / "frameshift.db")
    return None
