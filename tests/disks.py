"""Real small disks for the tests of full and read-only storage: a size-limited tmpfs (needs
root or CAP_SYS_ADMIN; the test is skipped with the reason when mount is refused), remounted
read-only or writable, and filled until it says ENOSPC. The `tmpfs` fixture (tests/conftest.py)
mounts and unmounts them."""

from __future__ import annotations

import errno
import subprocess
from pathlib import Path
from typing import BinaryIO

import pytest


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False)


def mount_tmpfs(folder: Path, size: str) -> Path:
    """Mount a tmpfs of ``size`` (e.g. "512k") on ``folder`` (made if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    done = _run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder))
    if done.returncode != 0:
        pytest.skip(f"cannot mount a size-limited tmpfs here: {done.stderr.strip()}")
    return folder


def unmount(folder: Path) -> None:
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
            f.write(b"\0" * 65536)
        except OSError as exc:
            return exc
