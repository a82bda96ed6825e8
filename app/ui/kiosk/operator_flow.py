"""What the operator's buttons do: save the settings (only what the operator changed), export
and clear the anonymous counts."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.config import Settings, load_settings, save_settings
from app.store import StoreError
from app.store.counts import Counts
from app.ui.kiosk.operator import OperatorScreen, describe_export
from app.ui.kiosk.report import removable_folders, unique_path


def save_operator_settings(config_path: Path, new: Settings) -> Settings:
    """Save what the operator changed into the config file, and nothing else.

    The file is read on its own (no environment, no command line), so a ``--kiosk`` flag or a
    ``--data-dir`` used for this run is not written into it by accident.
    """
    on_file = load_settings(config_path, environ={}).settings
    merged = replace(
        on_file,
        input_device=new.input_device,
        volume=new.volume,
        kiosk=replace(
            on_file.kiosk,
            scenarios=new.kiosk.scenarios,
            idle_seconds=new.kiosk.idle_seconds,
            countdown_seconds=new.kiosk.countdown_seconds,
            max_minutes=new.kiosk.max_minutes,
            anonymous_counts=new.kiosk.anonymous_counts,
        ),
    )
    save_settings(merged, config_path)
    return merged


class OperatorFlow(QObject):
    """Runs the operator screen's save, export and clear; the shell handles back and quit.

    Signals:
        settings_saved(object): the new Settings were written to the config file.
    """

    settings_saved = Signal(object)

    def __init__(
        self,
        screen: OperatorScreen,
        settings: Settings,
        config_path: Path,
        media_roots: Sequence[Path] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.screen = screen
        self.settings = settings
        self.config_path = config_path
        self.media_roots = media_roots
        screen.save_requested.connect(self._on_screen_save_requested)
        screen.export_requested.connect(self._on_screen_export_requested)
        screen.clear_counts_requested.connect(self._on_screen_clear_counts_requested)

    def open(self, scenarios: Sequence[Any]) -> None:
        """Fill the screen with the current settings and counts."""
        self.screen.load(self.settings, scenarios)
        self.refresh_counts()

    def refresh_counts(self) -> None:
        totals: dict[str, dict[str, int]] = {}
        try:
            with Counts.in_data_dir(self.settings.data_dir) as counts:
                totals = counts.totals()
        except (StoreError, OSError) as exc:
            self.screen.show_status(f"The counts could not be read ({exc}).")
        self.screen.show_counts(totals, enabled=self.settings.kiosk.anonymous_counts)

    def _on_screen_save_requested(self, new: Settings) -> None:
        try:
            save_operator_settings(self.config_path, new)
        except (OSError, ValueError) as exc:
            self.screen.show_status(f"The settings could not be saved ({exc}).")
            return
        self.settings = new
        self.settings_saved.emit(new)
        self.refresh_counts()
        self.screen.show_status(f"Saved to {self.config_path}.")

    def _on_screen_export_requested(self) -> None:
        folders = removable_folders(self.media_roots)
        folder = folders[0] if folders else self.settings.data_dir
        stamp = time.strftime("%Y%m%d-%H%M")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = unique_path(folder, f"frameshift-kiosk-counts-{stamp}.csv")
            with (
                Counts.in_data_dir(self.settings.data_dir) as counts,
                path.open("x", encoding="utf-8", newline="") as fh,
            ):
                rows = counts.write_csv(fh)
        except (OSError, StoreError) as exc:
            self.screen.show_status(f"The counts could not be exported ({exc}).")
            return
        self.screen.show_status(describe_export(path, rows))

    def _on_screen_clear_counts_requested(self) -> None:
        try:
            with Counts.in_data_dir(self.settings.data_dir) as counts:
                counts.clear()
        except (StoreError, OSError) as exc:
            self.screen.show_status(f"The counts could not be cleared ({exc}).")
        self.refresh_counts()
