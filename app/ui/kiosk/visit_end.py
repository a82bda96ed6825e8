"""A visit's end beyond its folder (:meth:`VisitManager.end` closes the visitor's store and
deletes it): what the visitor leaves on the screen and in the clipboard goes too, and an
unexpected error ends the visit (logged for the operator) rather than leave it half-broken."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QWidget

from app.session.kiosk import log_crash
from app.ui.kiosk.export_page import ReportExportPage

log = logging.getLogger("app.ui.kiosk.shell")


def forget_clipboard() -> None:
    """Empty the clipboard, the X selection and the find buffer: a visitor's copied words must
    not be pasted by the next one (trial 7 G39)."""
    clipboard = QApplication.clipboard()
    for mode in clipboard.Mode.Clipboard, clipboard.Mode.Selection, clipboard.Mode.FindBuffer:
        clipboard.clear(mode)


def forget_traces(overlay: QWidget, export_page: ReportExportPage) -> None:
    """The idle countdown, the report chosen for export and the clipboard."""
    overlay.hide()
    export_page.forget()
    forget_clipboard()


def log_unexpected(
    data_dir: Path, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """An unexpected error, in the data folder's crash log and the operator's log; the caller
    then goes back to the attract screen."""
    with contextlib.suppress(OSError):
        log_crash(data_dir, exc_type, exc, tb)
    log.error("unexpected %s in the kiosk; back to the attract screen", exc_type.__name__)
