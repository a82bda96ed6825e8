"""Where an export may be written: inside the folder the user (or kiosk operator) chose.

`safe_export_path` is also what the kiosk's "save my report to USB" uses, so a crafted name can
never write outside the stick: no "..", no absolute names, no symlink leading out.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

from app.store import SessionRecord

#: Hidden partial files: `.frameshift-<pid>-<n>.part`, swept when their process is gone.
_PART = re.compile(r"^\.frameshift-(\d+)-\d+\.part$")


class ExportPathError(ValueError):
    """The name would write outside the chosen folder, or is not a usable file name."""


class ExportTargetError(OSError):
    """The target exists and is not a regular file (a link, pipe, device or folder)."""


def safe_export_path(folder: Path, name: str) -> Path:
    """`folder/name`, resolved, refusing any name that escapes `folder`."""
    if not name or "\x00" in name or name.strip() in (".", ""):
        raise ExportPathError(f"{name!r} is not a file name")
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute():
        raise ExportPathError(f"{name!r} is an absolute path; give a name inside the folder")
    if PureWindowsPath(name).drive:
        raise ExportPathError(f"{name!r} names a drive; give a name inside the folder")
    parts = re.split(r"[\\/]", name)
    if any(p == ".." for p in parts):
        raise ExportPathError(f"{name!r} leads out of the folder")
    root = Path(folder).resolve()
    target = (root / name).resolve()
    if target == root or not target.is_relative_to(root):
        raise ExportPathError(f"{name!r} leads out of {root} (through a link)")
    return target


def default_export_name(session: SessionRecord, fmt: str) -> str:
    """A file name that sorts by date and says what is inside: no user text in it."""
    day = dt.datetime.fromtimestamp(session.started_at).strftime("%Y-%m-%d")
    scenario = re.sub(r"[^a-z0-9-]+", "-", session.scenario_id.lower()).strip("-") or "session"
    return f"frameshift-{day}-{scenario}-{session.id}.{fmt}"


def check_export_target(path: Path) -> None:
    """Refuse a target that is a symlink, FIFO, device or folder: an export replaces only a
    regular file (as root, replacing /dev/null or a planted link would do real harm)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISREG(info.st_mode):
        return
    kind = (
        "a symbolic link"
        if stat.S_ISLNK(info.st_mode)
        else "a folder"
        if stat.S_ISDIR(info.st_mode)
        else "a pipe"
        if stat.S_ISFIFO(info.st_mode)
        else "a device or socket"
    )
    raise ExportTargetError(errno.EEXIST, f"is {kind}, not a regular file; choose another name")


def sweep_partial_exports(folder: Path) -> list[Path]:
    """Remove partial exports that a killed process left in `folder`; returns what went."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _PART.match(entry.name)
        if not match or not entry.is_file(follow_symlinks=False):
            continue
        pid = int(match.group(1))
        if pid != os.getpid() and _alive(pid):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def write_atomically(path: Path, content: str) -> None:
    """Write via an unnamed temporary file and a rename: never half a report, never through a
    symlink or over a device, and a kill mid-write leaves nothing behind.

    Where the file system has no unnamed files (O_TMPFILE; e.g. a FAT USB stick), a hidden
    `.frameshift-<pid>-<n>.part` is used and the next export into that folder sweeps it.
    """
    path = Path(path)
    check_export_target(path)
    folder = path.parent
    sweep_partial_exports(folder)
    data = content.encode("utf-8")
    tmp = _link_unnamed(folder, data)
    if tmp is None:
        tmp = _write_named(folder, data)
    try:
        check_export_target(path)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.fsync(fd)


def _part_name(folder: Path) -> Path:
    for n in range(1000):
        candidate = folder / f".frameshift-{os.getpid()}-{n}.part"
        if not os.path.lexists(candidate):
            return candidate
    raise FileExistsError(errno.EEXIST, "too many partial exports", str(folder))


def _link_unnamed(folder: Path, data: bytes) -> Path | None:
    """Write `data` to an O_TMPFILE file and give it a name only once it is whole."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag:
        return None
    try:
        fd = os.open(folder, flag | os.O_WRONLY, 0o600)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
            return None
        raise
    try:
        _write_all(fd, data)
        name = _part_name(folder)
        try:
            os.link(f"/proc/self/fd/{fd}", name, follow_symlinks=True)
        except OSError:
            return None
        return name
    finally:
        os.close(fd)


def _write_named(folder: Path, data: bytes) -> Path:
    name = _part_name(folder)
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        _write_all(fd, data)
    except BaseException:
        os.close(fd)
        name.unlink(missing_ok=True)
        raise
    os.close(fd)
    return name
