"""Every thread that decodes, renders or loads speech models runs at a lower priority than the
GUI thread (app/speech/priority.py), so a busy machine starves the decodes, not the window."""

from __future__ import annotations

import sys
import threading
from concurrent.futures import Future
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.speech import AudioClip, FakeRecognizer, FakeVoice, QtMicrophone, SpeechWorker, Transcript
from app.speech.priority import BACKGROUND_NICE, lower_this_thread, thread_nice
from app.speech.protocols import VoiceSettings

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="threads have their own priority on Linux only"
)


def _in_thread(work: object) -> object:
    out: Future[object] = Future()
    thread = threading.Thread(target=lambda: out.set_result(work()))  # type: ignore[operator]
    thread.start()
    thread.join(10)
    return out.result(0)


def _main_nice() -> int:
    nice = thread_nice() if threading.current_thread() is threading.main_thread() else None
    assert nice is not None
    return nice


def _expected() -> int:
    return min(19, _main_nice() + BACKGROUND_NICE)


def test_a_lowered_thread_is_nicer_than_the_gui_thread_which_keeps_its_priority() -> None:
    before = _main_nice()

    def lowered() -> tuple[int | None, int | None]:
        return lower_this_thread(), thread_nice()

    assert _in_thread(lowered) == (_expected(), _expected())
    assert _main_nice() == before


def test_threads_started_by_a_lowered_thread_inherit_it_and_are_not_lowered_twice() -> None:
    """Native libraries start their worker threads from the thread that loads them (CTranslate2's
    OpenMP pool from the STT thread): those inherit the lower priority from the kernel."""

    def child_of_lowered() -> tuple[object, object]:
        lower_this_thread()
        inherited = _in_thread(thread_nice)
        again = _in_thread(lambda: (lower_this_thread(), thread_nice()))
        return inherited, again

    result = _in_thread(child_of_lowered)
    assert isinstance(result, tuple)
    inherited, again = result
    assert inherited == _expected()
    assert again == (_expected(), _expected())


class _NiceRecognizer(FakeRecognizer):
    def __init__(self) -> None:
        super().__init__(default="hello")
        self.nice: list[int | None] = []

    def load(self) -> None:
        self.nice.append(thread_nice())
        super().load()

    def transcribe(self, clip: AudioClip) -> Transcript:
        self.nice.append(thread_nice())
        return super().transcribe(clip)


class _NiceVoice(FakeVoice):
    def __init__(self) -> None:
        super().__init__(seconds=0.05)
        self.nice: list[int | None] = []

    def render(self, text: str, settings: VoiceSettings, out: Path) -> Path:
        self.nice.append(thread_nice())
        return super().render(text, settings, out)


def test_the_worker_decodes_and_renders_below_the_gui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    voice, rec = _NiceVoice(), _NiceRecognizer()
    worker = SpeechWorker(voice, rec, tmp_path / "cache", recognizer_timeout_s=5.0)
    try:
        with qtbot.waitSignal(worker.recognizer_ready, timeout=5_000):
            worker.load_recognizer()
        with qtbot.waitSignal(worker.transcribed, timeout=5_000):
            worker.request_transcribe(1, AudioClip(bytes(32_000)))
        with qtbot.waitSignal(worker.rendered, timeout=5_000):
            worker.request_render(2, "Hello there.", VoiceSettings(voice="en-us"))
    finally:
        worker.stop()
    assert rec.nice
    assert set(rec.nice) == {_expected()}
    assert voice.nice
    assert set(voice.nice) == {_expected()}


def test_the_microphones_end_of_turn_thread_runs_below_the_gui_thread(qtbot: QtBot) -> None:
    seen: list[int | None] = []

    def turn(clip: AudioClip) -> float:
        seen.append(thread_nice())
        return 0.9

    mic = QtMicrophone(end_of_turn=turn, prompt_after_s=None)
    try:
        assert mic._executor().submit(turn, AudioClip(bytes(3200))).result(10) == 0.9
    finally:
        mic.release()
    assert seen == [_expected()]


def test_the_endpoint_models_load_below_the_gui_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Silero, Smart Turn and tiny.en load on their own thread; its priority is set before the
    first model, so CTranslate2's worker thread for tiny.en inherits it."""
    from app.speech import endpoint, microphone

    seen: list[int | None] = []

    def built() -> None:
        seen.append(thread_nice())

    monkeypatch.setattr(endpoint, "SmartTurn", built)
    monkeypatch.setattr(endpoint, "SileroVoice", built)
    monkeypatch.setattr(microphone, "_quick_words", built)
    models = microphone.EndpointModels()
    assert models.wait(10)
    assert seen == [_expected()] * 3
