"""The style sheet's tick images survive what a weeks-long kiosk run meets (review 14 R12).

`tick_image` draws each check mark into this process's folder in the temporary directory. A
/tmp clean-up can remove that folder while the app runs: every later style sheet (a theme or
text size chosen in Settings) then raised FileNotFoundError and widgets made later had no tick.
A run killed before its atexit left its folder behind, one per crash.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import THEMES
from app.ui import style_images
from app.ui.theme import style_sheet


@pytest.fixture
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(style_images.tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(style_images, "_images", [])
    return tmp_path


def _urls(sheet: str) -> list[Path]:
    """The image files a style sheet names."""
    return [Path(part.split('"', 1)[0]) for part in sheet.split('url("')[1:]]


@pytest.mark.parametrize("removals", [1, 2, 5])
@pytest.mark.parametrize("theme", THEMES)
def test_a_removed_folder_is_drawn_again(private_temp: Path, theme: str, removals: int) -> None:
    first = _urls(style_sheet(theme))
    assert first
    assert all(p.is_file() for p in first)
    for n in range(removals):
        shutil.rmtree(first[0].parent)
        other = THEMES[(THEMES.index(theme) + n + 1) % len(THEMES)]
        again = _urls(style_sheet(other, 1.0 + 0.25 * n))  # raised FileNotFoundError before
        assert again
        assert all(p.is_file() for p in again)
        assert again[0].parent == first[0].parent  # the applied sheets' urls stay good
        assert all(p.is_file() for p in _urls(style_sheet(theme)))


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.mark.parametrize("crashed", [1, 3, 8])
def test_a_crashed_runs_folders_are_swept_and_live_ones_kept(
    private_temp: Path, crashed: int
) -> None:
    dead = [
        private_temp / f"{style_images.IMAGES_PREFIX}{_dead_pid()}-x{i}" for i in range(crashed)
    ]
    live = private_temp / f"{style_images.IMAGES_PREFIX}{os.getppid()}-live"
    other = private_temp / "frameshift-something-else"
    for folder in [*dead, live, other]:
        folder.mkdir()
        (folder / "tick-000000.svg").write_text("<svg/>", encoding="utf-8")
    urls = _urls(style_sheet("light"))
    assert all(p.is_file() for p in urls)
    assert not any(folder.exists() for folder in dead)
    assert live.is_dir()
    assert other.is_dir()
    assert urls[0].parent.name.startswith(f"{style_images.IMAGES_PREFIX}{os.getpid()}-")
