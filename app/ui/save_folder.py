"""Where a save dialog opens: the user's Documents folder when it exists, else their home.

Qt's own answer (QStandardPaths' Documents) names ~/Documents even where it was never made,
and a file dialog given a folder that does not exist opens in the working directory instead:
the terminal's folder, often a project tree (trial 8 H18, H34).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def save_folder() -> Path:
    """The first of Documents and home that is an existing folder (home if neither is)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    home = Path.home()
    for candidate in (Path(documents) if documents else None, home):
        if candidate is not None and candidate.is_dir():
            return candidate
    return home
