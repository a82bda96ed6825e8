"""The test driver's window takes its recognizer from FRAMESHIFT_RECOGNIZER (so live tests can be
run with Whisper base or tiny.en whatever the machine's speed), and nothing else from the
environment; a setting the test passes wins over the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.speech.factory import make_recognizer
from app.testing.driver import make_driver

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("choice", ["accurate", "fast", "auto"])
def test_the_recognizer_variable_chooses_the_windows_recognizer(
    qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, choice: str
) -> None:
    monkeypatch.setenv("FRAMESHIFT_RECOGNIZER", choice)
    monkeypatch.setenv("FRAMESHIFT_END_SILENCE_MS", "1500")  # not for the driver to take
    app = make_driver(qtbot, tmp_path / "data", voice=False, listen=False)
    try:
        settings = app.window.settings
        assert settings.recognizer == choice
        assert getattr(make_recognizer(settings), "choice", None) == choice
        assert settings.end_silence_ms == 200  # the driver's own, not the environment's
    finally:
        app.close()


def test_a_recognizer_the_test_names_wins_over_the_variable(
    qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRAMESHIFT_RECOGNIZER", "accurate")
    app = make_driver(qtbot, tmp_path / "data", voice=False, listen=False, recognizer="fast")
    try:
        assert app.window.settings.recognizer == "fast"
    finally:
        app.close()


def test_without_the_variable_the_machine_decides(
    qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FRAMESHIFT_RECOGNIZER", raising=False)
    app = make_driver(qtbot, tmp_path / "data", voice=False, listen=False)
    try:
        assert app.window.settings.recognizer == "auto"
    finally:
        app.close()
