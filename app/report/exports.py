"""The export formats, declared once: `EXPORT_FORMATS[name] = (renderer, label, extension)`.

The command line (`frameshift export --format`), the window's export dialog and the kiosk all
read this table, so a new format is one entry here and its renderer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from app.report.data import to_csv, to_json
from app.report.html import render_html
from app.report.model import Report


class ExportFormat(NamedTuple):
    """One way to write a session: how, what a file dialog calls it, and its file extension."""

    renderer: Callable[[Report], str]
    label: str
    extension: str

    @property
    def file_filter(self) -> str:
        """The Qt file-dialog filter, e.g. "JSON (*.json)"."""
        return f"{self.label} (*.{self.extension})"


EXPORT_FORMATS: dict[str, ExportFormat] = {
    "html": ExportFormat(render_html, "Web page, with recordings", "html"),
    "json": ExportFormat(to_json, "JSON", "json"),
    "csv": ExportFormat(to_csv, "Spreadsheet CSV", "csv"),
}

#: The format names, in the order dialogs and help list them.
FORMATS = tuple(EXPORT_FORMATS)


def export_format(name: str) -> ExportFormat:
    """The format called `name`; ValueError naming the choices when there is none."""
    try:
        return EXPORT_FORMATS[name]
    except KeyError:
        raise ValueError(
            f"unknown export format {name!r}; choose one of {', '.join(FORMATS)}"
        ) from None


def render(report: Report, fmt: str) -> str:
    """The report in the format called `fmt`."""
    return export_format(fmt).renderer(report)
