"""Export the shown session: a save dialog whose file type follows the extension chosen, and
the checked, atomic write behind it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

if TYPE_CHECKING:
    from app.report import Report
    from app.store import SessionRecord

EXPORT_FILTERS = {
    "html": "Web page, with recordings (*.html)",
    "json": "JSON (*.json)",
    "csv": "Spreadsheet CSV (*.csv)",
}


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
    from app.report import default_export_name

    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or str(Path.home())
    suggested = Path(folder) / default_export_name(session, "html")
    path, chosen = QFileDialog.getSaveFileName(
        parent, "Export this session", str(suggested), ";;".join(EXPORT_FILTERS.values())
    )
    if not path:
        return None
    target = Path(path)
    fmt = target.suffix.lower().lstrip(".")
    if fmt not in EXPORT_FILTERS:
        fmt = next((k for k, v in EXPORT_FILTERS.items() if v == chosen), "html")
        target = target.with_name(f"{target.name}.{fmt}")
    return target, fmt
