"""The main window's ways from screen to screen outside a conversation: the picker's Start,
History and Settings buttons and the window-wide keys, Ctrl+H (history) and Ctrl+Q (quit).
A booth visitor reaches only Start (:meth:`WindowMenu.lock`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QShortcut

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class WindowMenu:
    """Wires ``window``'s picker and window-wide keys to the window's own actions."""

    def __init__(self, window: MainWindow) -> None:
        picker = self._picker = window.picker
        picker.start_requested.connect(window.start_scenario)
        picker.history_requested.connect(window.show_history)
        picker.settings_requested.connect(window._on_picker_settings_requested)
        self.history = QShortcut(QKeySequence("Ctrl+H"), window, window.show_history)
        self.quit = QShortcut(QKeySequence.StandardKey.Quit, window, window.request_close)

    def lock(self) -> None:
        """No history, settings or quit (a booth visitor's window: app/ui/kiosk)."""
        for button in (self._picker.history_button, self._picker.settings_button):
            button.hide()
        self.quit.setEnabled(False)
        self.history.setEnabled(False)
