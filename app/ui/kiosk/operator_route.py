"""The operator's way into the kiosk and out again: the chord asks for the PIN (no PIN in demo
mode when none is set), the right PIN opens the operator screen, Back returns to the visitors
with whatever was saved, Quit leaves the kiosk. The shell (`shell.KioskWindow`) shows the pages
these signals name; what the operator screen's own buttons do is `operator_flow.OperatorFlow`."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.config import LoadedSettings, Settings
from app.session.kiosk import IdlePolicy, PinGate
from app.ui.kiosk.operator import OperatorScreen
from app.ui.kiosk.operator_flow import OperatorFlow
from app.ui.kiosk.pin_dialog import PinDialog


class OperatorRoute(QObject):
    """The PIN page, the operator screen and the settings the operator last saved (with what
    follows from them: the scenarios offered, the idle policy).

    Signals:
        page_wanted(QWidget): show this page (the PIN page, reset; or the operator screen).
        opened(): the operator screen was opened (the right PIN, or demo mode without one).
        left(): the operator went back, or cancelled the PIN: show the visitors' side again.
        quit(): the operator chose to leave the kiosk.
        settings_changed(): the operator saved new settings (see :attr:`settings`).
    """

    page_wanted = Signal(QWidget)
    opened = Signal()
    left = Signal()
    quit = Signal()
    settings_changed = Signal()

    def __init__(
        self,
        screen: OperatorScreen,
        loaded: LoadedSettings,
        scenarios: Sequence[Any],
        *,
        media_roots: Sequence[Path] | None = None,
        demo: bool = False,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.screen = screen
        self.demo = demo
        self._scenarios = list(scenarios)
        self.flow = OperatorFlow(screen, loaded.settings, loaded.path, media_roots, self)
        self.flow.settings_saved.connect(self._on_flow_settings_saved)
        self.pin_gate = PinGate(self.settings.kiosk.pin_hash, clock=clock)
        self.pin_page = PinDialog(self.pin_gate)
        self.pin_page.accepted.connect(self.open)
        self.pin_page.cancelled.connect(self.left)
        screen.back_requested.connect(self.left)
        screen.quit_requested.connect(self.quit)

    @property
    def settings(self) -> Settings:
        """The kiosk's settings (as the operator last saved them)."""
        return self.flow.settings

    @settings.setter
    def settings(self, settings: Settings) -> None:
        self.flow.settings = settings
        self.pin_gate.encoded = settings.kiosk.pin_hash

    @property
    def offered(self) -> list[Any]:
        """The scenarios a visitor may choose: those the operator chose, else all of them."""
        chosen = set(self.settings.kiosk.scenarios)
        return [s for s in self._scenarios if s.id in chosen] or list(self._scenarios)

    @property
    def idle_policy(self) -> IdlePolicy:
        k = self.settings.kiosk
        return IdlePolicy(float(k.idle_seconds), float(k.countdown_seconds))

    def request(self) -> None:
        """Ask for the PIN; in demo mode without a PIN, open at once."""
        if self.demo and not self.settings.kiosk.pin_hash:
            self.open()
            return
        self.pin_page.reset()
        self.page_wanted.emit(self.pin_page)

    def open(self) -> None:
        """Fill the operator screen with the settings and counts, and show it."""
        self.flow.open(self._scenarios)
        self.page_wanted.emit(self.screen)
        self.opened.emit()

    def _on_flow_settings_saved(self, new: Settings) -> None:
        self.pin_gate.encoded = new.kiosk.pin_hash
        self.settings_changed.emit()
