"""Export the shown session: a save dialog whose file type follows the extension chosen, and
the checked, atomic write behind it. The formats come from one registry,
:data:`app.report.EXPORT_FORMATS`, so a new format shows up here with no change."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

from app.ui.save_folder import save_folder

if TYPE_CHECKING:
    from app.report import Report
    from app.store import SessionRecord


def export_report(report: Report, path: Path, fmt: str) -> Path:
    """Write ``report`` as ``fmt`` to ``path`` (checked by safe_export_path); the path written."""
    from app.report import render, safe_export_path, write_atomically

    target = safe_export_path(path.parent, path.name)
    write_atomically(target, render(report, fmt))
    return target


def choose_export_path(parent: QWidget, session: SessionRecord) -> tuple[Path, str] | None:
    """Ask where to save; the path and the format, or None when the user cancelled.

    A name without a known extension gets the one of the filter chosen.
    """
    from app.report import EXPORT_FORMATS, default_export_name

    suggested = save_folder() / default_export_name(session, "html")
    filters = ";;".join(f.file_filter for f in EXPORT_FORMATS.values())
    path, chosen = QFileDialog.getSaveFileName(
        parent, "Export this session", str(suggested), filters
    )
    if not path:
        return None
    target = Path(path)
    by_extension = {f.extension: name for name, f in EXPORT_FORMATS.items()}
    fmt = by_extension.get(target.suffix.lower().lstrip("."))
    if fmt is None:  # no known extension: the chosen filter's (the first one's if none)
        fmt = next((n for n, f in EXPORT_FORMATS.items() if f.file_filter == chosen), None)
        fmt = fmt or next(iter(EXPORT_FORMATS))
        target = target.with_name(f"{target.name}.{EXPORT_FORMATS[fmt].extension}")
    return target, fmt


def export_interactively(
    parent: QWidget, session: SessionRecord, report: Report
) -> tuple[str, Path | None]:
    """Ask where, then write: a sentence for the status line and the path written (None when
    cancelled or refused)."""
    from app.report import ExportPathError

    chosen = choose_export_path(parent, session)
    if chosen is None:
        return "", None
    target, fmt = chosen
    try:
        written = export_report(report, target, fmt)
    except (OSError, ExportPathError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        return f"Could not export to {target}: {reason}", None
    return f"Saved {written.name} in {written.parent}.", written
