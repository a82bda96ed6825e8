"""Kiosk mode for career fairs: `frameshift --kiosk` (see docs/kiosk.md).

A frameless full-screen shell around the normal rehearsal window, with an attract screen
between visitors, an idle reset that erases everything a visitor said, an operator screen
behind a PIN, and no way out for a visitor.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.config import LoadedSettings
from app.session.kiosk import start_problem
from app.ui.kiosk.shell import KioskWindow, save_operator_settings

__all__ = ["KioskWindow", "create_kiosk", "run_kiosk", "save_operator_settings"]


def create_kiosk(
    loaded: LoadedSettings,
    *,
    speech: Any,
    demo: bool = False,
    visit_parent: Path | None = None,
    media_roots: Sequence[Path] | None = None,
    **kwargs: Any,
) -> KioskWindow:
    """Build the kiosk over the installed scenarios (not yet shown: call ``start()``)."""
    from app.dialogue import installed_scenario_dirs, load_scenarios
    from app.ui.app import ensure_qapp
    from app.ui.theme import apply_theme

    settings = loaded.settings
    qapp = ensure_qapp()
    apply_theme(qapp, settings.theme, settings.font_scale)
    scenarios, _problems = load_scenarios(installed_scenario_dirs(settings.extra_scenario_dirs()))
    return KioskWindow(
        loaded,
        scenarios,
        speech=speech,
        demo=demo,
        visit_parent=visit_parent,
        media_roots=media_roots,
        **kwargs,
    )


def run_kiosk(loaded: LoadedSettings, *, demo: bool = False) -> int:
    """The kiosk's event loop; refuses to start without an operator PIN (unless ``demo``)."""
    from PySide6.QtCore import QTimer

    from app.session import SpeechServices
    from app.ui.app import ensure_qapp, load_speech_into

    problem = start_problem(loaded.settings.kiosk.pin_hash, demo=demo)
    if problem:
        print(f"frameshift: {problem}", file=sys.stderr)
        return 2
    qapp = ensure_qapp()
    qapp.setQuitOnLastWindowClosed(False)
    speech = SpeechServices()
    kiosk = create_kiosk(loaded, speech=speech, demo=demo)
    kiosk.quit_requested.connect(qapp.exit)
    kiosk.start()

    def start_speech() -> None:
        load_speech_into(speech, loaded.settings)
        if speech.player is not None:
            speech.player.set_volume(loaded.settings.volume)
        if kiosk.visit is None:
            kiosk.show_attract()  # starts listening for "hello" now that there is a microphone

    QTimer.singleShot(0, start_speech)
    code = qapp.exec()
    kiosk.shutdown()
    if speech.worker is not None:
        speech.worker.stop()
    return code
