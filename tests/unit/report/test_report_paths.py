"""safe_export_path keeps every export inside the folder that was chosen."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.report import ExportPathError, safe_export_path, write_atomically


def test_plain_names_and_subfolders_inside_are_allowed(tmp_path: Path) -> None:
    """A file name, or a name in a subfolder of the chosen folder, resolves inside it."""
    assert safe_export_path(tmp_path, "report.html") == tmp_path.resolve() / "report.html"
    assert safe_export_path(tmp_path, "sub/r.csv") == tmp_path.resolve() / "sub" / "r.csv"


@pytest.mark.parametrize(
    "name",
    ["../escape.html", "a/../../escape.html", "..", "/etc/passwd", "", ".", "C:\\x.html", "a\x00b"],
)
def test_names_leading_out_are_refused(tmp_path: Path, name: str) -> None:
    """Parent references, absolute paths, drives, empty and NUL names are refused."""
    with pytest.raises(ExportPathError):
        safe_export_path(tmp_path / "usb", name)


def test_symlinks_out_of_the_folder_are_refused(tmp_path: Path) -> None:
    """A link inside the folder that points outside it (file or folder) is refused."""
    usb = tmp_path / "usb"
    outside = tmp_path / "home"
    usb.mkdir()
    outside.mkdir()
    (usb / "report.html").symlink_to(outside / "victim.html")
    (usb / "docs").symlink_to(outside)
    with pytest.raises(ExportPathError):
        safe_export_path(usb, "report.html")
    with pytest.raises(ExportPathError):
        safe_export_path(usb, "docs/r.html")


def test_atomic_write_refuses_a_link_and_neither_follows_nor_replaces_it(tmp_path: Path) -> None:
    """Writing over an existing symlink is refused (issue 13 item 15): link and target kept."""
    from app.report import ExportTargetError

    target = tmp_path / "target.txt"
    target.write_text("keep")
    link = tmp_path / "out.txt"
    link.symlink_to(target)
    with pytest.raises(ExportTargetError, match="symbolic link"):
        write_atomically(link, "new")
    assert target.read_text() == "keep"
    assert link.is_symlink()
    assert not list(tmp_path.glob(".frameshift-*"))
