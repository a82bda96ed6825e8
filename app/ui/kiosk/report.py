"""What a visitor may take away: their own report, saved to a USB stick they plugged in.

No file dialog: the kiosk offers only the folders of mounted removable media (under
``/media/$USER`` and ``/run/media/$USER``), so a visitor cannot browse the machine. The report is
a small self-contained HTML page. (When app/report lands, its exporter can replace
:func:`write_report`; the shell only calls this module.)
"""

from __future__ import annotations

import getpass
import html
import os
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

FRAME_WORDS = {"exploration": "Exploration", "interview": "Interview", "neutral": "Neutral"}


def media_roots(user: str | None = None) -> list[Path]:
    """Where desktops mount USB sticks for ``user``: udisks2 uses /media/$USER on Debian and
    Ubuntu, /run/media/$USER elsewhere."""
    if user is None:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            return []
    return [Path("/media") / user, Path("/run/media") / user]


def removable_folders(roots: Sequence[Path] | None = None) -> list[Path]:
    """The mounted volumes a report can be written to (writable folders directly under a root)."""
    found: list[Path] = []
    for root in media_roots() if roots is None else roots:
        try:
            entries = sorted(root.iterdir())
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir() and os.access(entry, os.W_OK | os.X_OK):
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


def report_html(session: Any, turns: Sequence[Any]) -> str:
    """A self-contained page: every turn with its frame, the shift, and the outcome."""
    analysis = session.analysis or {}
    shift = analysis.get("shift")
    title = f"{session.scenario_title} — with {session.persona}"
    rows = []
    for t in turns:
        who = "You" if t.speaker == "seeker" else html.escape(session.persona)
        frame = FRAME_WORDS.get(t.frame or "", "") if t.speaker == "seeker" else ""
        marker = " (the shift)" if shift and shift.get("turn") == t.idx else ""
        rows.append(
            f"<tr><td>{t.idx + 1}</td><td>{who}</td><td>{html.escape(t.text)}</td>"
            f"<td>{frame}{marker}</td></tr>"
        )
    if shift:
        verdict = (
            f"The conversation tipped into an interview at turn {int(shift['turn']) + 1}: "
            f"{html.escape(str(shift.get('explanation', '')))}"
        )
    else:
        verdict = "The conversation stayed a mutual exploration."
    outcome = (
        f"<p>Outcome: {html.escape(session.outcome_label)}</p>" if session.outcome_label else ""
    )
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(session.started_at))
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}"
        "td{padding:.3em .6em;vertical-align:top;border-bottom:1px solid #ddd}</style>"
        f"</head><body><h1>{html.escape(title)}</h1><p>Rehearsed with Frameshift on {when}.</p>"
        f"{outcome}<p>{verdict}</p>"
        "<table><tr><th>#</th><th>Who</th><th>Said</th><th>Frame</th></tr>"
        + "".join(rows)
        + "</table></body></html>\n"
    )


def write_report(folder: Path, session: Any, turns: Sequence[Any]) -> Path:
    """Write the visitor's report into ``folder`` (a removable volume) and flush it to disk."""
    stamp = time.strftime("%Y%m%d-%H%M", time.localtime(session.started_at))
    path = unique_path(folder, f"frameshift-{safe_name(session.scenario_id)}-{stamp}.html")
    with path.open("x", encoding="utf-8") as fh:
        fh.write(report_html(session, turns))
        fh.flush()
        os.fsync(fh.fileno())  # a visitor pulls the stick out the moment they see "saved"
    return path
