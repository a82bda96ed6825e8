"""Before the window leaves or closes a rehearsal with turns the history has not taken: one last
write attempt and, if that fails too, a choice: try again, save the transcript to a file, or
discard it. Nothing said is dropped without the user choosing it.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.config import Settings
from app.session import Conversation
from app.session.unsaved import export_transcript, mark_settled, needs_saving, retry_save
from app.ui.save_folder import save_folder

DIALOG_NAME = "unsavedTurnsDialog"
RETRY, EXPORT, DISCARD, CANCEL = "retry", "export", "discard", "cancel"


def ask(parent: QWidget | None, message: str, *, can_cancel: bool) -> str:
    """Show the choice; returns RETRY, EXPORT, DISCARD or CANCEL. Retry is the default."""
    box = QMessageBox(parent)
    box.setObjectName(DIALOG_NAME)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Not saved yet")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText("Part of this conversation could not be saved in your history.")
    box.setInformativeText(
        f"{message}\n\nTry again once that is put right (another Frameshift closed, space "
        "freed, the folder made writable), or save the transcript to a file you choose."
    )
    buttons = {
        RETRY: box.addButton("Try again", QMessageBox.ButtonRole.AcceptRole),
        EXPORT: box.addButton("Save transcript…", QMessageBox.ButtonRole.ActionRole),
        DISCARD: box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole),
    }
    if can_cancel:
        buttons[CANCEL] = box.addButton("Keep Frameshift open", QMessageBox.ButtonRole.RejectRole)
        box.setEscapeButton(buttons[CANCEL])
    for name, button in buttons.items():
        button.setObjectName(f"unsaved{name.capitalize()}Button")
    box.setDefaultButton(buttons[RETRY])
    box.exec()
    clicked = box.clickedButton()
    return next((name for name, b in buttons.items() if b is clicked), CANCEL)


def choose_export_path(parent: QWidget | None, conv: Conversation) -> Path | None:
    day = time.strftime("%Y-%m-%d")
    suggested = save_folder() / f"frameshift-transcript-{day}-{conv.scenario.id}.json"
    path, _ = QFileDialog.getSaveFileName(
        parent, "Save the transcript", str(suggested), "Transcript JSON (*.json)"
    )
    return Path(path) if path else None


def settle_unsaved(
    parent: QWidget | None, conv: Conversation, settings: Settings, *, can_cancel: bool
) -> bool:
    """Make sure nothing said is lost silently. True when the window may go on (saved,
    exported or discarded by choice); False when the user chose to keep rehearsing."""
    if not needs_saving(conv):
        return True
    if getattr(parent, "_kiosk_locked", False):
        # A kiosk visit is erased by design, and a kiosk must never offer a file dialog.
        return True
    saved, message = retry_save(conv, settings)
    while not saved:
        choice = ask(parent, message, can_cancel=can_cancel)
        if choice == CANCEL:
            return False
        if choice == DISCARD:
            mark_settled(conv)
            return True
        if choice == RETRY:
            saved, message = retry_save(conv, settings)
            continue
        path = choose_export_path(parent, conv)
        if path is None:
            continue
        try:
            export_transcript(conv, path)
        except OSError as exc:
            message = f"The transcript could not be saved to {path} ({exc.strerror or exc})."
            continue
        mark_settled(conv)
        return True
    return True
