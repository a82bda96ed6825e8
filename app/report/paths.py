"""Where an export may be written: inside the folder the user (or kiosk operator) chose.

`safe_export_path` is also what the kiosk's "save my report to USB" uses, so a crafted name can
never write outside the stick: no "..", no absolute names, no symlink leading out.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from pathlib import Path, PurePosixPath, PureWindowsPath

from app.store import SessionRecord

FORMATS = ("html", "json", "csv")


class ExportPathError(ValueError):
    """The name would write outside the chosen folder, or is not a usable file name."""


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


def write_atomically(path: Path, content: str) -> None:
    """Write via a temporary file and rename: never half a report, never through a symlink."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".frameshift-", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
