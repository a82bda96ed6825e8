"""The driver behind the ``frameshift_app`` fixture: the real window, scripted (or real) speech."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop

from app.config import LoadedSettings, Settings, load_settings
from app.session import SpeechServices
from app.speech import (
    FakeMicrophone,
    FakePlayer,
    FakeRecognizer,
    FakeVoice,
    Pyttsx3Voice,
    SpeechWorker,
    WhisperRecognizer,
)
from app.ui.app import create_window
from app.ui.main_window import MainWindow

DEFAULT_TIMEOUT_MS = 5_000
REAL_SPEECH_TIMEOUT_MS = 60_000


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
        self.player = speech.player
        self.real_speech = real_speech
        self.timeout_ms = REAL_SPEECH_TIMEOUT_MS if real_speech else DEFAULT_TIMEOUT_MS
        self._seen_lines = 0
        self._lines_shown = 0
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
        return self.wait_for_manager_line()

    def manager_line(self) -> str:
        """The caption on screen now."""
        return self.window.conversation.caption.text()

    def wait_for_manager_line(self, timeout: int | None = None) -> str:
        """Wait until the manager has said a new line and the app waits for an answer (or the
        conversation is over), and return that line."""
        timeout = timeout or self.timeout_ms
        seen = self._seen_lines

        def ready() -> None:
            assert self._lines_shown > seen or self._done()
            assert self.window.rehearsal.awaiting_answer or self._done()

        self.qtbot.waitUntil(ready, timeout=timeout)
        self._seen_lines = self._lines_shown
        return self.manager_line()

    def answer(self, text_or_wav: str | Path, *, timeout: int | None = None) -> str:
        """Answer the current line: said into the (scripted) microphone when the app listens,
        typed into the answer box otherwise. Returns the manager's next line."""
        timeout = timeout or self.timeout_ms
        self.qtbot.waitUntil(lambda: self.window.rehearsal.awaiting_answer, timeout=timeout)
        rehearsal = self.window.rehearsal
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

        self.qtbot.waitUntil(taken, timeout=timeout)
        return self.wait_for_manager_line(timeout)

    def finish(self, timeout: int | None = None) -> int:
        """End the conversation (if it has not ended) and wait for the results; the session id."""
        timeout = timeout or self.timeout_ms
        w = self.window
        if not self._done():
            w.conversation.end_button.click()
        self.qtbot.waitUntil(lambda: w.stack.currentWidget() is w.results, timeout=timeout)
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

    def close(self) -> None:
        """Close the window and stop every worker thread."""
        w = self.window
        w.close()
        w.shutdown()
        worker = self.speech.worker
        if worker is not None:
            worker.stop()
        if w.store is not None:
            w.store.close()

    # -- internals --------------------------------------------------------------------------
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
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def scripted_speech(
    cache_dir: Path, *, real_engines: bool = False
) -> tuple[SpeechServices, Any, Any]:
    """Speech for tests and benchmarks: the real worker threads over an instant FakeVoice and a
    FakeRecognizer (or the real eSpeak voice and Whisper), a FakePlayer and a scripted
    FakeMicrophone. Returns the services, the voice and the recognizer."""
    voice: Any
    recognizer: Any
    if real_engines:
        voice, recognizer = Pyttsx3Voice(), WhisperRecognizer()
    else:
        voice, recognizer = FakeVoice(seconds=0.05), FakeRecognizer()
    worker = SpeechWorker(voice, recognizer, cache_dir / "voice")
    if real_engines:
        worker.load_recognizer()
    services = SpeechServices(worker=worker, player=FakePlayer(), microphone=FakeMicrophone())
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
        data_dir.parent / "frameshift-test-config.toml", environ={}, overrides=values
    )
    settings = loaded.settings
    voice: Any
    recognizer: Any
    if live_audio:  # everything real: the sound server's default microphone and speakers
        from app.speech.services import build_services

        bundle, _notices = build_services(settings)
        assert bundle.worker is not None
        voice, recognizer = bundle.worker.cache.voice, bundle.worker.recognizer
        speech = SpeechServices(bundle.worker, bundle.player, bundle.microphone)
        real_speech = True
    else:
        speech, voice, recognizer = scripted_speech(settings.cache_dir, real_engines=real_speech)
    window = create_window(loaded, speech=speech)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return FrameshiftDriver(qtbot, window, speech, voice, recognizer, real_speech=real_speech)
