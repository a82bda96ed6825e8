"""Issue 13 item 19: the smaller defects, each with the test that failed before its fix."""

from __future__ import annotations

import os
import time
import wave
from pathlib import Path
from typing import Any

import pytest

from app.dialogue import validate_file
from app.speech.cache import STALE_TEMP_S, VoiceCache
from app.speech.fakes import FakeVoice
from app.speech.protocols import VoiceSettings


def test_a_truncated_cached_line_is_rendered_again(tmp_path: Path) -> None:
    """Generated over every cut point of a cached WAV: a hit only when the file is whole."""
    voice = FakeVoice(seconds=0.05)
    cache = VoiceCache(voice, tmp_path)
    settings = VoiceSettings()
    path = cache.get("Hello there", settings)
    whole = path.read_bytes()
    for cut in range(0, len(whole), max(1, len(whole) // 40)):
        path.write_bytes(whole[:cut])
        renders = cache.renders
        again = cache.get("Hello there", settings)
        assert cache.renders == renders + 1, cut
        with wave.open(str(again), "rb") as w:
            assert w.getnframes() > 0
    hits = cache.hits
    cache.get("Hello there", settings)
    assert cache.hits == hits + 1


def test_renders_a_killed_process_left_are_swept(tmp_path: Path) -> None:
    old = [tmp_path / ".render-abc.wav", tmp_path / ".join-def.wav"]
    for p in old:
        p.write_bytes(b"RIFF")
        os.utime(p, (time.time() - STALE_TEMP_S - 5,) * 2)
    fresh = tmp_path / ".render-now.wav"  # another process may be rendering it right now
    fresh.write_bytes(b"RIFF")
    VoiceCache(FakeVoice(seconds=0.05), tmp_path)
    assert not any(p.exists() for p in old)
    assert fresh.exists()


@pytest.mark.parametrize(
    ("content", "said"),
    [("42\n", "a single number"), ("'hello'\n", "a single piece of text"), ("[1]\n", "a list")],
)
def test_validate_names_what_a_non_mapping_file_is(tmp_path: Path, content: str, said: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(content)
    [problem] = validate_file(path)
    assert problem.message.endswith(f"not {said}")


@pytest.fixture
def frameshift_settings(tmp_path: Path) -> dict[str, Any]:
    """This module's frameshift_app gets its own data_dir, as the docs say any setting can."""
    return {"data_dir": tmp_path / "my-data"}


def test_frameshift_app_takes_data_dir_like_any_setting(
    frameshift_app: Any, tmp_path: Path
) -> None:
    assert frameshift_app.settings.data_dir == tmp_path / "my-data"
    frameshift_app.start("connector-intro")
    assert (tmp_path / "my-data" / "frameshift.db").exists()
