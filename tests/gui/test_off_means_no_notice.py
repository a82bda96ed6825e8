"""What the user turned off is not reported missing (trial 8 H21): with the voice off, no "No
speakers found"; with listening off, no sentence about the recognizer on the picker."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import app.speech.factory as factory
from app.config import Settings
from app.speech.fakes import FakeMicrophone, FakeRecognizer, FakeVoice
from app.testing.driver import make_driver

pytestmark = pytest.mark.gui

SENTENCES = [
    "This machine decodes Whisper base slowly, so recognition uses the fast model.",
    "Whisper base is damaged in the cache; the fast model (tiny.en) listens instead.",
    "The speech model could not load (no space left on device); type your answers.",
]


class _SilentPlayer:
    silent = True
    echo = None


@pytest.mark.parametrize("voice", [True, False])
def test_no_speakers_is_said_only_when_the_voice_is_on(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, voice: bool
) -> None:
    monkeypatch.setattr(factory, "make_player", lambda settings: _SilentPlayer())
    settings = replace(Settings(), data_dir=tmp_path, voice=voice)
    services, notices = factory.make_speech(
        settings,
        voice=FakeVoice(seconds=0.01),
        recognizer=FakeRecognizer(),
        microphone=FakeMicrophone(),
        load_recognizer=False,
    )
    worker = services.worker
    assert worker is not None
    try:
        assert any("No speakers found" in n for n in notices) == voice
    finally:
        worker.stop()


@pytest.mark.parametrize("listen", [True, False])
@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_recognizer_sentence_shows_only_when_the_app_listens(
    qtbot: Any, tmp_path: Path, listen: bool, sentence: str
) -> None:
    app = make_driver(qtbot, tmp_path / "data", voice=False, listen=listen)
    try:
        worker = app.speech.worker
        assert worker is not None
        worker.recognizer_notice.emit(sentence)
        qtbot.wait(10)
        picker = app.window.picker
        assert (sentence in picker.notice.text()) == listen
    finally:
        app.close()
