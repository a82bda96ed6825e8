"""Start-up: the QApplication, the store, the scenarios, the window, then speech in the background.

The window is shown before anything slow happens: speech engines and the recognizer model load
in their worker threads after the first paint.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from app.config import LoadedSettings, Settings
from app.ui.main_window import MainWindow
from app.ui.theme import apply_theme

if TYPE_CHECKING:
    from app.session import SpeechServices


def ensure_qapp(argv: list[str] | None = None) -> QApplication:
    qapp = QApplication.instance()
    if isinstance(qapp, QApplication):
        return qapp
    from app.speech.qtaudio import quiet_qt_multimedia

    quiet_qt_multimedia()  # before the first audio device query prints its PipeWire notice
    qapp = QApplication(argv if argv is not None else sys.argv[:1])
    qapp.setApplicationName("Frameshift")
    qapp.setOrganizationName("Frameshift")
    qapp.setDesktopFileName("frameshift")
    return qapp


def create_window(
    loaded: LoadedSettings,
    *,
    speech: SpeechServices | None = None,
    deferred: bool = False,
) -> MainWindow:
    """Build the window over a freshly opened store and the installed scenarios.

    With ``deferred`` the window is returned empty (a "Loading" picker) and fills itself on the
    first turn of the event loop, so it can be painted before the domain is even imported.
    """
    settings = loaded.settings
    qapp = ensure_qapp()
    apply_theme(qapp, settings.theme, settings.font_scale)
    window = MainWindow(settings, None, [], speech=speech, config_path=loaded.path, loading=True)
    window.settings_changed.connect(lambda s: apply_theme(qapp, s.theme, s.font_scale))
    if deferred:
        _after_first_paint(window, lambda: load_into(window, loaded))
    else:
        load_into(window, loaded)
    return window


class _FirstPaint(QObject):
    """Runs a callback once, on the event-loop turn after the window's first paint."""

    def __init__(self, window: MainWindow, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._callback: Callable[[], None] | None = callback
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            QTimer.singleShot(0, callback)
        return False


def _after_first_paint(window: MainWindow, callback: Callable[[], None]) -> None:
    _FirstPaint(window, callback)


def load_into(window: MainWindow, loaded: LoadedSettings) -> None:
    """Open the store and read the scenarios, then attach both to the window."""
    from app.dialogue import installed_scenario_dirs, load_scenarios
    from app.session.storage import open_store

    settings = loaded.settings
    store, notices = open_store(settings)
    scenarios, problems = load_scenarios(installed_scenario_dirs(settings.extra_scenario_dirs()))
    if settings.kiosk.enabled and settings.kiosk.scenarios:
        chosen = set(settings.kiosk.scenarios)
        scenarios = [s for s in scenarios if s.id in chosen] or scenarios
    window.attach(store, scenarios, problems=problems, startup_notices=[*loaded.warnings, *notices])


def create_speech_services(settings: Settings) -> tuple[SpeechServices, list[str]]:
    """The real voice, recognizer, player and microphone; each may be missing, with a reason."""
    from app.session import SpeechServices
    from app.speech.services import build_services

    bundle, notices = build_services(settings)
    return SpeechServices(bundle.worker, bundle.player, bundle.microphone), notices


def load_speech_into(speech: SpeechServices, settings: Settings) -> list[str]:
    """Create the real speech pieces into ``speech``, the holder the window already shares."""
    services, notices = create_speech_services(settings)
    speech.worker, speech.player, speech.microphone = (
        services.worker,
        services.player,
        services.microphone,
    )
    return notices


class NoDisplayError(RuntimeError):
    """There is no screen to open a window on; the message says what to do."""


def has_display() -> bool:
    """A window can be shown: a display server, or a Qt platform chosen explicitly."""
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(
    loaded: LoadedSettings,
    *,
    on_shown: Callable[[MainWindow], None] | None = None,
    kiosk_demo: bool = False,
) -> int:
    if not has_display():
        raise NoDisplayError(
            "No screen to show Frameshift on (DISPLAY and WAYLAND_DISPLAY are not set). Start it "
            "from a desktop session, or on a headless machine under a virtual screen: "
            "xvfb-run -a frameshift. The command-line tools (frameshift --help) need no screen."
        )
    if loaded.settings.kiosk.enabled:
        from app.ui.kiosk import run_kiosk

        return run_kiosk(loaded, demo=kiosk_demo)
    from app.session import SpeechServices

    qapp = ensure_qapp()
    speech = SpeechServices()
    window = create_window(loaded, speech=speech, deferred=True)
    window.show()

    def start_speech() -> None:
        notices = load_speech_into(speech, loaded.settings)
        if notices:
            window.show_status(" ".join(notices))

    QTimer.singleShot(0, start_speech)
    if on_shown is not None:
        QTimer.singleShot(0, lambda: on_shown(window))
    code = qapp.exec()
    window.shutdown()
    if speech.worker is not None:
        speech.worker.stop()
    if window.store is not None:
        window.store.close()
    return code
