"""The driver behind the ``frameshift_app`` fixture: the real window, scripted (or real) speech.

The window is built by :func:`app.bootstrap.build_window` and its speech by the one factory
(:func:`app.speech.factory.make_speech`) with fakes injected, exactly as ``frameshift`` builds
them, so every signal path (the speculative decode on a pause included) is the production one.

When a wait fails, the error tells the story: what was awaited and for how long, the last
manager line and whether ``start()``/``answer()`` already returned it, the rehearsal's phase,
the screen, and any banner showing.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QLabel

from app.bootstrap import build_speech, build_window, warm_framing_model
from app.config import LoadedSettings, Settings, load_settings
from app.speech.fakes import FakeMicrophone, FakePlayer, FakeRecognizer, FakeVoice
from app.speech.services import SpeechServices
from app.ui.main_window import MainWindow

DEFAULT_TIMEOUT_MS = 5_000
#: The only environment settings a driven window takes (the rest come from the test): which
#: recognizer, so ``FRAMESHIFT_RECOGNIZER=accurate`` runs the live tests with Whisper base
#: whatever the machine's speed (tests/conftest.py sets ``fast``, the timings' model).
DRIVER_ENVIRONMENT = ("FRAMESHIFT_RECOGNIZER",)
REAL_SPEECH_TIMEOUT_MS = 60_000


class WaitTimeoutError(AssertionError):
    """A driver wait ran out; the message says what the app was doing at the time."""


class FrameshiftDriver:
    """Plays a rehearsal through the window the way a user would.

    Attributes:
        window: the real :class:`MainWindow`.
        voice: the FakeVoice (``spoken_lines`` lists what it was asked to say), or the real one.
        recognizer, microphone, player: the speech pieces in use.
        settings: the Settings the window was built with.
    """

    def __init__(
        self,
        qtbot: Any,
        window: MainWindow,
        speech: SpeechServices,
        voice: Any,
        recognizer: Any,
        *,
        real_speech: bool,
    ) -> None:
        self.qtbot = qtbot
        self.window = window
        self.speech = speech
        self.voice = voice
        self.recognizer = recognizer
        self.microphone: Any = speech.microphone
        self.player: Any = speech.player
        self.real_speech = real_speech
        self.timeout_ms = REAL_SPEECH_TIMEOUT_MS if real_speech else DEFAULT_TIMEOUT_MS
        self._seen_lines = 0
        self._lines_shown = 0
        self._returned: list[str] = []  # lines start()/answer() gave back, in order
        window.rehearsal.manager_line_shown.connect(self._on_rehearsal_manager_line_shown)

    @property
    def settings(self) -> Settings:
        return self.window.settings

    @property
    def spoken_lines(self) -> list[str]:
        """Every line the voice was asked to render (pre-rendering included), in order."""
        lines = getattr(self.voice, "lines", [])
        return [text for text, _settings in lines]

    # -- the documented API -----------------------------------------------------------------
    def start(self, scenario_id: str) -> str:
        """Choose the scenario in the list, press Start, and wait for the first line."""
        w = self.window
        w.show_picker()
        if not w.picker.select(scenario_id):
            known = ", ".join(s.id for s in w.scenarios)
            raise LookupError(f"no scenario {scenario_id!r} in the list; installed: {known}")
        self._seen_lines = 0
        w.picker.start_button.click()
        return self._returning(self.wait_for_manager_line(what=f"the first line of {scenario_id}"))

    def manager_line(self) -> str:
        """The caption on screen now."""
        return self.window.conversation.caption.text()

    def wait_for_manager_line(self, timeout: int | None = None, *, what: str = "") -> str:
        """Wait until the manager has said a new line and the app waits for an answer (or the
        conversation is over), and return that line."""
        seen = self._seen_lines

        def ready() -> None:
            assert self._lines_shown > seen or self._done()
            rehearsal = self.window.rehearsal
            assert rehearsal.awaiting_answer or rehearsal.reading_last_line or self._done()

        self.wait_until(
            ready, what or "the manager's next line, then the app waiting for an answer", timeout
        )
        if self.window.rehearsal.reading_last_line:
            # a script does not wait out the last line's reading time: it ends as a reader
            # pressing End does (the same outcome)
            self.window.rehearsal.end_early()
            self.wait_until(self._done, "the end after the last line", timeout)
        self._seen_lines = self._lines_shown
        return self.manager_line()

    def answer(self, text_or_wav: str | Path, *, timeout: int | None = None) -> str:
        """Answer the current line: said into the (scripted) microphone when the app listens,
        typed into the answer box otherwise. Returns the manager's next line."""
        rehearsal = self.window.rehearsal
        self.wait_until(
            lambda: rehearsal.awaiting_answer, f"the app to await an answer to give {text_or_wav!r}"
        )
        before = len(rehearsal.conversation.turns) if rehearsal.conversation else 0
        is_wav = str(text_or_wav).lower().endswith(".wav")
        if self.microphone is not None and not isinstance(self.microphone, FakeMicrophone):
            raise TypeError(
                "with live_audio the app hears the sound server's microphone: play the answer "
                "into it (see tests/speech/pulse.py) and call wait_for_manager_line()"
            )
        if self.microphone is not None and self.settings.listen:
            self.microphone.say(text_or_wav)
            if not self.microphone.listening and not self.settings.push_to_talk:
                self.window.conversation.listen_button.click()
            elif self.settings.push_to_talk:
                self.window.conversation.listen_button.pressed.emit()
                self.window.conversation.listen_button.released.emit()
        else:
            if is_wav:
                raise ValueError("a WAV answer needs listening on (the typed box takes text)")
            box = self.window.conversation.answer
            box.setText(str(text_or_wav))
            self.window.conversation.send_button.click()

        def taken() -> None:
            conv = rehearsal.conversation
            assert (conv is not None and len(conv.turns) > before + 1) or self._done()

        self.wait_until(taken, f"the answer {text_or_wav!r} to be taken", timeout)
        line = self.wait_for_manager_line(timeout, what=f"the reply to {text_or_wav!r}")
        return self._returning(line)

    def finish(self, timeout: int | None = None) -> int:
        """End the conversation (if it has not ended) and wait for the results; the session id."""
        w = self.window
        if not self._done():
            w.conversation.end_button.click()
        conv = w.rehearsal.conversation
        self.wait_until(
            lambda: w.stack.currentWidget() is w.results or (conv is not None and conv.discarded),
            "the replay after the end",
            timeout,
        )
        if conv is not None and conv.discarded:  # the window keeps no rehearsal without one
            raise AssertionError("finish(): it ended before its first answer: nothing to replay")
        assert w.last_session_id is not None
        return w.last_session_id

    def open_replay(self) -> Any:
        """Show the results of the last session (the replay screen) and return that widget."""
        w = self.window
        if w.stack.currentWidget() is not w.results:
            if w.last_session_id is None:
                self.finish()
            else:
                w.show_results(w.last_session_id)
        return w.results

    def replace_speech(self, **pieces: Any) -> None:
        """Swap speech pieces (``player=...``) before a rehearsal, through the window's one
        hand-over point, as the bootstrap does when speech arrives."""
        self.speech = replace(self.speech, **pieces)
        self.microphone = self.speech.microphone
        self.player = self.speech.player
        self.window.attach_speech(self.speech)

    def close(self) -> None:
        """Close the window and stop every worker thread."""
        w = self.window
        w.close()
        w.shutdown()
        self.speech.stop()
        if w.store is not None:
            w.store.close()

    # -- waiting, with the story when it fails ----------------------------------------------
    def wait_until(self, check: Callable[[], Any], what: str, timeout: int | None = None) -> None:
        """``qtbot.waitUntil(check)``; on time-out a :class:`WaitTimeoutError` tells the story."""
        timeout = timeout or self.timeout_ms
        started = time.monotonic()
        try:
            self.qtbot.waitUntil(check, timeout=timeout)
        except WaitTimeoutError:
            raise
        except Exception as exc:
            # pytest-qt raises its own TimeoutError, EventLoopBot the built-in one
            if not isinstance(exc, TimeoutError) and type(exc).__name__ != "TimeoutError":
                raise
            waited = (time.monotonic() - started) * 1000
            raise WaitTimeoutError(self.story(what, waited)) from exc

    def story(self, what: str, waited_ms: float) -> str:
        """What the app was doing: for a failed wait, or a failed plan check."""
        w = self.window
        rehearsal = w._rehearsal
        lines = [f"Waited {waited_ms:.0f} ms for {what}."]
        caption = self.manager_line().strip()
        if caption:
            returned = caption in self._returned
            lines.append(
                f'Last manager line on screen: "{caption}" ('
                + ("already returned by start()/answer()" if returned else "not yet returned")
                + ")."
            )
        else:
            lines.append("No manager line on screen.")
        if rehearsal is None:
            lines.append("The window has no rehearsal yet (store and scenarios not attached).")
        else:
            conv = rehearsal.conversation
            turns = len(conv.turns) if conv is not None else 0
            state = "ended" if conv is not None and conv.finished else "running"
            lines.append(
                f"Phase: {rehearsal.phase.name}; conversation {state if conv else 'not started'}"
                f", {turns} turn(s) said."
            )
        page = w.stack.currentWidget()
        if page is not None:
            lines.append(f"Screen: {page.objectName() or type(page).__name__}.")
        banners = [
            label.text().strip()
            for label in w.findChildren(QLabel, "noticeBanner")
            if label.isVisible() and label.text().strip()
        ]
        status = w.status_label.text().strip()
        if status:
            banners.append(status)
        lines.append(
            "Banner: " + " | ".join(f'"{b}"' for b in banners) if banners else "No banner showing."
        )
        return "\n  ".join(lines)

    # -- internals --------------------------------------------------------------------------
    def _returning(self, line: str) -> str:
        self._returned.append(line.strip())
        return line

    def _on_rehearsal_manager_line_shown(self, _idx: int, _text: str) -> None:
        self._lines_shown += 1

    def _done(self) -> bool:
        conv = self.window.rehearsal.conversation
        return conv is not None and conv.finished


class EventLoopBot:
    """The few qtbot methods the driver uses, over the event loop: drive the real window from
    a script or a benchmark, outside pytest (``make_driver(EventLoopBot(), data_dir)``)."""

    def addWidget(self, widget: Any) -> None:
        self.widget = widget

    def waitExposed(self, widget: Any, timeout: int = 5_000) -> None:
        self.waitUntil(lambda: widget.isVisible(), timeout=timeout)

    def wait(self, ms: int) -> None:
        self.waitUntil(lambda: False, timeout=ms, raising=False)

    def waitUntil(
        self, check: Callable[[], Any], timeout: int = 5_000, *, raising: bool = True
    ) -> None:
        deadline = time.monotonic() + timeout / 1000
        while True:
            try:
                if check() is not False:
                    return
            except AssertionError:
                pass
            if time.monotonic() > deadline:
                if raising:
                    raise TimeoutError(f"waited {timeout} ms")
                return
            _run_event_loop(5)


def _run_event_loop(ms: int) -> None:
    """Run the event loop for ``ms``, sleeping while there is nothing to do (as the app's own
    loop does; a processEvents() spin would keep a core busy on the GUI thread)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def scripted_speech(
    settings: Settings | Path, *, real_engines: bool = False
) -> tuple[SpeechServices, Any, Any]:
    """Speech for tests and benchmarks, through the one factory: the real worker threads over an
    instant FakeVoice and a FakeRecognizer (or the real eSpeak voice and Whisper), a FakePlayer
    and a scripted FakeMicrophone. ``settings`` may be a cache dir (``settings.cache_dir``).
    Returns the services, the voice and the recognizer."""
    if isinstance(settings, Path):
        settings = replace(Settings(), data_dir=settings.parent)
    voice: Any
    recognizer: Any
    if real_engines:
        from app.speech.factory import make_recognizer, make_voice

        voice, recognizer = make_voice(settings), make_recognizer(settings)
    else:
        voice, recognizer = FakeVoice(seconds=0.05), FakeRecognizer()
    services, _notices = build_speech(
        settings,
        voice=voice,
        recognizer=recognizer,
        microphone=FakeMicrophone(),
        player=FakePlayer(),
        load_recognizer=real_engines,
    )
    return services, voice, recognizer


def make_driver(
    qtbot: Any,
    data_dir: Path,
    *,
    real_speech: bool = False,
    live_audio: bool = False,
    **overrides: Any,
) -> FrameshiftDriver:
    """Build the window for a test: temporary data dir, fast timers, scripted or real speech."""
    known = {f.name for f in fields(Settings)}
    unknown = set(overrides) - known
    if unknown:
        raise TypeError(f"unknown Frameshift settings: {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {"data_dir": data_dir, "end_silence_ms": 200}
    values.update(overrides)
    loaded: LoadedSettings = load_settings(
        data_dir.parent / "frameshift-test-config.toml",
        environ={k: os.environ[k] for k in DRIVER_ENVIRONMENT if k in os.environ},
        overrides=values,
    )
    settings = loaded.settings
    voice: Any
    recognizer: Any
    if live_audio:  # everything real: the sound server's default microphone and speakers
        speech, _notices = build_speech(settings)
        assert speech.worker is not None
        voice, recognizer = speech.worker.cache.voice, speech.worker.recognizer
        real_speech = True
    else:
        speech, voice, recognizer = scripted_speech(settings, real_engines=real_speech)
    window = build_window(loaded, speech=speech)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    if live_audio:  # as the app does after its first paint: the first answer never loads it
        warm_framing_model(window.show_status)
    return FrameshiftDriver(qtbot, window, speech, voice, recognizer, real_speech=real_speech)
