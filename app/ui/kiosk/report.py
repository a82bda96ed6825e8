"""What a visitor may take away: their own report, saved to a USB stick they plugged in.

No file dialog: the kiosk offers only the folders of mounted removable media (mount points,
per ``/proc/self/mounts``, directly under ``/media/$USER`` and ``/run/media/$USER``; never a
plain folder or a symlink there), so a visitor cannot browse the machine. The report is
app/report's self-contained HTML page, written through its ``safe_export_path``.
"""

from __future__ import annotations

import getpass
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def media_roots(user: str | None = None) -> list[Path]:
    """Where desktops mount USB sticks for ``user``: udisks2 uses /media/$USER on Debian and
    Ubuntu, /run/media/$USER elsewhere."""
    if user is None:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            return []
    return [Path("/media") / user, Path("/run/media") / user]


def _unescape(field: str) -> str:
    """A /proc/mounts field: spaces, tabs, newlines and backslashes are octal escapes."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def mount_points(table: Path = Path("/proc/self/mounts")) -> set[Path]:
    """Every folder something is mounted on (empty when the table cannot be read: then no
    folder counts as a USB stick)."""
    try:
        text = table.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return set()
    points: set[Path] = set()
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 2:
            points.add(Path(_unescape(fields[1])))
    return points


def removable_folders(
    roots: Sequence[Path] | None = None, mounts: set[Path] | None = None
) -> list[Path]:
    """The mounted volumes a report can be written to: writable folders directly under a
    root that are themselves mount points (a plain folder or a symlink planted there is not a
    USB stick, and nothing is followed out of the root)."""
    mounted = mount_points() if mounts is None else mounts
    found: list[Path] = []
    for root in media_roots() if roots is None else roots:
        try:
            entries = sorted(root.iterdir())
        except OSError:
            continue
        for entry in entries:
            try:
                if (
                    not entry.is_symlink()
                    and entry.is_dir()
                    and Path(os.path.realpath(entry)) == entry.absolute()
                    and entry.absolute() in mounted
                    and os.access(entry, os.W_OK | os.X_OK)
                ):
                    found.append(entry)
            except OSError:
                continue
    return found


def safe_name(text: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")
    return slug[:60] or "report"


def unique_path(folder: Path, name: str) -> Path:
    """``folder/name``, or ``name-2``, ``name-3``... so a report never overwrites another."""
    base = Path(safe_name(Path(name).stem))
    suffix = Path(name).suffix or ".html"
    candidate = folder / f"{base}{suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{base}-{n}{suffix}"
        n += 1
    return candidate


def write_report(folder: Path, session: Any, turns: Sequence[Any], *, scenario: Any = None) -> Path:
    """Write the visitor's report (app.report's self-contained HTML) into ``folder``, a
    removable volume, under a new name: an earlier visitor's report is never overwritten."""
    from app.report import (
        build_report,
        default_export_name,
        render_html,
        safe_export_path,
        write_atomically,
    )

    # No data_dir: the recordings stay out of the report (and are erased with the visit).
    html_text = render_html(build_report(session, turns, scenario=scenario, data_dir=None))
    name = Path(default_export_name(session, "html"))
    target = safe_export_path(folder, name.name)
    n = 2
    while target.exists():
        target = safe_export_path(folder, f"{name.stem}-{n}{name.suffix}")
        n += 1
    write_atomically(target, html_text)
    return target
