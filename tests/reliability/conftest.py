"""Fixtures for the reliability tests: a size-limited folder, a real scenario."""

from __future__ import annotations

import errno
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import pytest

from app.dialogue import Scenario, load_scenario

REPO = Path(__file__).resolve().parents[2]
SCENARIO_FILE = REPO / "dialogues" / "coffee-referral.yaml"


@pytest.fixture
def scenario() -> Scenario:
    """A shipped scenario with enough turns to fill a disk half-way through."""
    return load_scenario(SCENARIO_FILE)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False)


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """Mount a tmpfs of the given size (e.g. "512k") and return its folder; unmounted after.

    Needs root (or CAP_SYS_ADMIN); the test is skipped with the reason when mount is refused.
    """
    mounted: list[Path] = []

    def mount(size: str) -> Path:
        folder = tmp_path / f"tmpfs{len(mounted)}"
        folder.mkdir()
        done = _run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder))
        if done.returncode != 0:
            pytest.skip(f"cannot mount a size-limited tmpfs here: {done.stderr.strip()}")
        mounted.append(folder)
        return folder

    yield mount
    for folder in reversed(mounted):
        if _run("umount", str(folder)).returncode != 0:
            _run("umount", "-l", str(folder))


def remount(folder: Path, mode: str) -> None:
    """Make a mounted tmpfs read-only ("ro") or writable again ("rw")."""
    done = _run("mount", "-o", f"remount,{mode}", str(folder))
    assert done.returncode == 0, done.stderr


def fill(folder: Path) -> Path:
    """Fill the file system holding ``folder`` until it says ENOSPC; returns the filler file."""
    filler = folder / "filler.bin"
    with filler.open("wb", buffering=0) as f:
        error = _write_until_refused(f)
    assert error.errno == errno.ENOSPC, error
    return filler


def _write_until_refused(f: BinaryIO) -> OSError:
    while True:
        try:
            f.write(b"\0" * 4096)
        except OSError as exc:
            return exc
