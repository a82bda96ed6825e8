"""The one start-up path: settings in, a painted window (or kiosk) out, the rest after the paint.

``frameshift`` (:func:`run`), the kiosk and the test driver (:func:`build_window`) all start here:

1. a QApplication and the theme (:func:`app.ui.app.ensure_qapp`);
2. the window, empty, with a "Loading" picker: only the modules the first screen needs are
   imported before it is painted;
3. after the first paint: the store and the scenarios (:func:`load_domain`), attached to the
   window; then the speech services (:func:`app.speech.factory.make_speech`), handed over once.

Layering: this module sits above ``app.ui`` and below ``app.testing`` and ``app.cli``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.config import LoadedSettings, Settings
from app.ui.app import NoDisplayError, after_first_paint, ensure_qapp, has_display

if TYPE_CHECKING:
    from app.dialogue import Problem, Scenario
    from app.speech.services import SpeechServices
    from app.store import Store
    from app.ui.kiosk import KioskWindow
    from app.ui.main_window import MainWindow


@dataclass
class Domain:
    """What the window needs besides Qt: the store (None when history is off), the scenarios,
    problems found in scenario files, and sentences for the start-up banner."""

    store: Store | None
    scenarios: list[Scenario]
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def load_domain(
    loaded: LoadedSettings, *, with_store: bool = True, offered_only: bool = True
) -> Domain:
    """Open the store and read the installed scenarios (a kiosk window: only those it offers)."""
    from app.dialogue import installed_scenario_dirs, load_scenarios

    settings = loaded.settings
    store: Store | None = None
    notices: list[str] = list(loaded.warnings)
    if with_store:
        from app.session.storage import open_store

        store, opened = open_store(settings)
        notices += opened
    scenarios, problems = load_scenarios(installed_scenario_dirs(settings.extra_scenario_dirs()))
    if offered_only and settings.kiosk.enabled and settings.kiosk.scenarios:
        chosen = set(settings.kiosk.scenarios)
        scenarios = [s for s in scenarios if s.id in chosen] or scenarios
    return Domain(store, list(scenarios), list(problems), notices)


def build_speech(settings: Settings, **pieces: Any) -> tuple[SpeechServices, list[str]]:
    """The speech services through the one factory (``pieces`` inject fakes: voice=...)."""
    from app.speech.factory import make_speech

    return make_speech(settings, **pieces)


def build_window(
    loaded: LoadedSettings,
    *,
    speech: SpeechServices | None = None,
    deferred: bool = False,
) -> MainWindow:
    """The main window over the store and scenarios.

    With ``deferred`` it is returned empty (a "Loading" picker) and fills itself on the event-loop
    turn after its first paint, so it is painted before the domain is even imported.
    """
    from app.ui.main_window import MainWindow
    from app.ui.theme import apply_theme

    settings = loaded.settings
    qapp = ensure_qapp()
    apply_theme(qapp, settings.theme, settings.font_scale)
    window = MainWindow(settings, None, [], speech=speech, config_path=loaded.path, loading=True)
    window.settings_changed.connect(lambda s: apply_theme(qapp, s.theme, s.font_scale))

    def attach() -> None:
        domain = load_domain(loaded)
        window.attach(
            domain.store,
            domain.scenarios,
            problems=domain.problems,
            startup_notices=domain.notices,
        )

    if deferred:
        after_first_paint(window, attach)
    else:
        attach()
    return window


def build_kiosk(
    loaded: LoadedSettings,
    *,
    speech: SpeechServices | None = None,
    demo: bool = False,
    **options: Any,
) -> KioskWindow:
    """The kiosk shell over the installed scenarios (not yet shown: call ``start()``)."""
    from app.speech.services import SpeechServices
    from app.ui.kiosk import KioskWindow
    from app.ui.theme import apply_theme

    settings = loaded.settings
    qapp = ensure_qapp()
    apply_theme(qapp, settings.theme, settings.font_scale)
    # Each visit has its own store; the operator screen chooses among all the scenarios.
    domain = load_domain(loaded, with_store=False, offered_only=False)
    return KioskWindow(
        loaded, domain.scenarios, speech=speech or SpeechServices(), demo=demo, **options
    )


def warm_framing_model(show: Callable[[str], None] | None = None) -> None:
    """Load the framing sentence model on a daemon thread (after the first paint), so the first
    answer never waits for it; when it cannot load, ``show`` gets the sentence saying that
    framing runs on its rules alone."""
    from PySide6.QtCore import QTimer

    from app.framing.learned import load_model_in_background, model_notice

    thread = load_model_in_background()

    def check() -> None:
        if thread.is_alive():
            QTimer.singleShot(250, check)
            return
        notice = model_notice()
        if notice and show is not None:
            show(notice)

    QTimer.singleShot(250, check)


def run(
    loaded: LoadedSettings,
    *,
    kiosk_demo: bool = False,
    on_shown: Callable[[Any], None] | None = None,  # the window, or the kiosk shell
    speech_pieces: Sequence[tuple[str, Any]] = (),
) -> int:
    """``frameshift``: the window (or the kiosk), its event loop, and a clean exit."""
    from PySide6.QtCore import QTimer

    if not has_display():
        raise NoDisplayError(
            "No screen to show Frameshift on (DISPLAY and WAYLAND_DISPLAY are not set). Start it "
            "from a desktop session, or on a headless machine under a virtual screen: "
            "xvfb-run -a frameshift. The command-line tools (frameshift --help) need no screen."
        )
    from app.ui.stop_signals import StopSignals

    settings = loaded.settings
    qapp = ensure_qapp()
    if settings.kiosk.enabled:
        from app.session.kiosk import start_problem

        problem = start_problem(settings.kiosk.pin_hash, demo=kiosk_demo)
        if problem:
            import sys

            print(f"frameshift: {problem}", file=sys.stderr)
            return 2
    stop_signals = StopSignals(qapp)  # SIGTERM/SIGHUP/SIGINT: the shutdown below still runs
    services: list[SpeechServices] = []
    if settings.kiosk.enabled:
        qapp.setQuitOnLastWindowClosed(False)
        kiosk = build_kiosk(loaded, demo=kiosk_demo)
        kiosk.quit_requested.connect(qapp.exit)
        kiosk.start()

        def kiosk_speech() -> None:
            speech, _notices = build_speech(settings, **dict(speech_pieces))
            services.append(speech)
            kiosk.speech = speech
            if kiosk.visit is None:
                kiosk.show_attract()  # listens for "hello" now that there is a microphone

        QTimer.singleShot(0, kiosk_speech)
        QTimer.singleShot(0, warm_framing_model)
        if on_shown is not None:
            QTimer.singleShot(0, lambda: on_shown(kiosk))
        code = qapp.exec()
        kiosk.shutdown()
    else:
        window = build_window(loaded, deferred=True)
        window.show()

        def window_speech() -> None:
            speech, notices = build_speech(settings, **dict(speech_pieces))
            services.append(speech)
            window.attach_speech(speech)
            if notices:
                window.show_status(" ".join(notices))

        after_first_paint(window, window_speech)
        after_first_paint(window, lambda: warm_framing_model(window.show_status))
        if on_shown is not None:
            QTimer.singleShot(0, lambda: on_shown(window))
        code = qapp.exec()
        window.shutdown()
        if window.store is not None:
            window.store.close()
    for speech in services:
        speech.stop()
    stop_signals.uninstall()
    return code


__all__ = [
    "Domain",
    "build_kiosk",
    "build_speech",
    "build_window",
    "load_domain",
    "run",
    "warm_framing_model",
]
