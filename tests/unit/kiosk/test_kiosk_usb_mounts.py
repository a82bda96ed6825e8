"""The kiosk's report goes only to mounted removable volumes (trial6 F16): a folder under
/media/$USER is a USB stick only when something is mounted on it; a plain folder, a symlink
(to a folder, or even to a real mount elsewhere) or a file is never offered, and a report is
written only where it says. Real tmpfs mounts (needs root; skipped with the reason otherwise)."""

from __future__ import annotations

import itertools
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.ui.kiosk.report import mount_points, removable_folders

NAMES = ("KINGSTON", "My Stick", "usb\tstick", "ÜSB-ß", "stick\\one")


@pytest.fixture
def mounter(tmp_path: Path) -> Iterator[list[Path]]:
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a tmpfs as a USB stick")
    mounted: list[Path] = []
    yield mounted
    for where in reversed(mounted):
        subprocess.run(["umount", "-l", str(where)], check=False)


def _mount(where: Path, mounted: list[Path]) -> None:
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.decode().strip()})")
    mounted.append(where)


def test_only_mount_points_are_sticks_whatever_else_is_planted(
    tmp_path: Path, mounter: list[Path]
) -> None:
    """Generated: every mix of a real stick, a plain folder, a link to a folder outside, a link
    to a real mount outside, a link to a real stick beside it, and a file."""
    outside = tmp_path / "outside"
    outside.mkdir()
    elsewhere_mount = tmp_path / "elsewhere-mount"
    _mount(elsewhere_mount, mounter)
    kinds = ("stick", "folder", "link-out", "link-mount", "link-stick", "file")
    for n, combo in enumerate(itertools.combinations_with_replacement(kinds, 3)):
        root = tmp_path / f"media{n}" / "visitor"
        root.mkdir(parents=True)
        expected: list[Path] = []
        for i, kind in enumerate(combo):
            entry = root / f"{NAMES[i % len(NAMES)]}-{i}"
            if kind == "stick":
                _mount(entry, mounter)
                expected.append(entry)
            elif kind == "folder":
                entry.mkdir()
            elif kind == "link-out":
                entry.symlink_to(outside, target_is_directory=True)
            elif kind == "link-mount":
                entry.symlink_to(elsewhere_mount, target_is_directory=True)
            elif kind == "link-stick":
                real = root / f"real-{i}"
                _mount(real, mounter)
                expected.append(real)
                entry.symlink_to(real, target_is_directory=True)
            else:
                entry.write_text("not a folder")
        found = removable_folders([root])
        assert sorted(found) == sorted(expected), (combo, found)
        assert all(not p.is_symlink() for p in found)


def test_a_root_that_is_a_symlink_out_offers_nothing(tmp_path: Path, mounter: list[Path]) -> None:
    """/media/<user> itself planted as a link: its mounted targets are not under the root."""
    real_root = tmp_path / "real-root"
    stick = real_root / "STICK"
    _mount(stick, mounter)
    link_root = tmp_path / "media" / "visitor"
    link_root.parent.mkdir()
    link_root.symlink_to(real_root, target_is_directory=True)
    assert removable_folders([link_root]) == []
    assert removable_folders([real_root]) == [stick]


@pytest.mark.parametrize("name", NAMES)
def test_mount_table_names_with_spaces_and_escapes_are_read(
    tmp_path: Path, mounter: list[Path], name: str
) -> None:
    where = tmp_path / "media" / name
    _mount(where, mounter)
    assert where in mount_points()
    assert removable_folders([where.parent]) == [where]


def test_no_readable_mount_table_offers_nothing(tmp_path: Path) -> None:
    root = tmp_path / "visitor"
    (root / "STICK").mkdir(parents=True)
    assert mount_points(tmp_path / "no-such-table") == set()
    assert removable_folders([root], mounts=set()) == []
