"""Exports and the replay's data: self-contained HTML, JSON and CSV of one session.

Pure Python (no Qt), so the command line, the window and the kiosk share one implementation.
"""

from __future__ import annotations

from app.report.compare import Attempt, Comparison, compare, retries_of
from app.report.data import report_dict, to_csv, to_json
from app.report.delivery import (
    FILLERS,
    PACE_GUIDE,
    Delivery,
    TurnPace,
    count_fillers,
    measure_delivery,
    speech_seconds,
)
from app.report.exports import EXPORT_FORMATS, FORMATS, ExportFormat, export_format, render
from app.report.html import esc as html_escape
from app.report.html import highlight, render_html, timeline_svg
from app.report.model import (
    MetricLine,
    Report,
    ShiftInfo,
    TurnView,
    build_report,
    explain_metrics,
    pivot_manager_turn,
)
from app.report.paths import (
    ExportPathError,
    ExportTargetError,
    check_export_target,
    default_export_name,
    safe_export_path,
    sweep_partial_exports,
    write_atomically,
)
from app.report.timeline import running_scores

__all__ = [
    "EXPORT_FORMATS",
    "FILLERS",
    "FORMATS",
    "PACE_GUIDE",
    "Attempt",
    "Comparison",
    "Delivery",
    "ExportFormat",
    "ExportPathError",
    "ExportTargetError",
    "MetricLine",
    "Report",
    "ShiftInfo",
    "TurnPace",
    "TurnView",
    "build_report",
    "check_export_target",
    "compare",
    "count_fillers",
    "default_export_name",
    "explain_metrics",
    "export_format",
    "highlight",
    "html_escape",
    "measure_delivery",
    "pivot_manager_turn",
    "render",
    "render_html",
    "report_dict",
    "retries_of",
    "running_scores",
    "safe_export_path",
    "speech_seconds",
    "sweep_partial_exports",
    "timeline_svg",
    "to_csv",
    "to_json",
    "write_atomically",
]
