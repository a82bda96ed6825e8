"""The voice cache on a data folder that cannot be written (trial6 F22): the real eSpeak NG
voice renders into a private temporary folder instead, one log line says so (no traceback),
and lines already cached in the folder are still played from there. Read-only and full disks
are real tmpfs mounts (needs root and mount rights; skipped with the reason otherwise)."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from app.speech import VoiceCache, VoiceSettings
from app.speech.errors import SpeechError
from app.speech.tts_pyttsx3 import Pyttsx3Voice
from app.speech.wavread import wav_is_whole
from tests.disks import fill, remount

LINES = (
    "Good to meet you.",
    "So, what brings you here tonight?",
    "Are you interested in the position?",
)


@pytest.fixture
def disk(tmpfs: Callable[[str], Path]) -> Path:
    """A 16 MB tmpfs of its own (unmounted after the test)."""
    return tmpfs("16m")


@pytest.mark.parametrize("how", ["read-only", "read-only, no cache folder yet", "full"])
def test_an_unwritable_cache_renders_elsewhere_with_one_log_line(
    disk: Path, how: str, caplog: pytest.LogCaptureFixture
) -> None:
    voice = Pyttsx3Voice()
    settings = VoiceSettings()
    cache_dir = disk / "data" / "cache"
    kept = None
    if how != "read-only, no cache folder yet":
        kept = VoiceCache(voice, cache_dir).get(LINES[0], settings)  # cached while writable
    if how == "full":
        fill(disk)
    else:
        remount(disk, "ro")
    cache = VoiceCache(voice, cache_dir)
    with caplog.at_level(logging.WARNING, logger="app.speech.cache"):
        paths = [cache.get(line, settings) for line in LINES]
        joined = cache.line(list(LINES[1:]), settings)
    assert all(wav_is_whole(p) for p in [*paths, joined])
    if kept is not None:
        assert paths[0] == kept  # a line already cached is played from the data folder
    assert cache.fallback_dir is not None
    for path in [*paths[1:], joined]:
        assert path.parent == cache.fallback_dir
    said = [r for r in caplog.records if r.name == "app.speech.cache"]
    assert len(said) == 1, [r.getMessage() for r in said]
    assert said[0].exc_info is None
    assert str(cache_dir) in said[0].getMessage()
    assert "Traceback" not in caplog.text


def test_a_full_disk_everywhere_is_a_sentence_not_a_hang(
    disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The temporary folder is often on the same full disk as the data folder: then no engine
    is asked to render (the pyttsx3 eSpeak driver would wait forever on a WAV it cannot write);
    the voice thread gets a SpeechError sentence and the captions carry on."""
    (disk / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(disk / "tmp"))
    voice = Pyttsx3Voice()
    settings = VoiceSettings()
    cache = VoiceCache(voice, disk / "data" / "cache")
    fill(disk)
    for line in LINES:  # before and after the fallback folder exists
        with pytest.raises(SpeechError, match="disk is full") as caught:
            cache.get(line, settings)
        assert "captions carry on" in str(caught.value)
    assert cache.renders == 0
