"""Images the style sheet names by file (``image: url(...)``): a check mark in a theme's colour.

Qt's style sheets load images from files, so each is drawn into a folder of this process's
own, in the temporary directory, removed at exit; a folder a crashed run left is removed by the
next run, and a folder something removed meanwhile is made again at the same path.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

#: A check mark, drawn in a theme's colour: a styled check box indicator draws only its
#: rule (fill, border, image), never the style's own tick, so the sheet gives it this one.
TICK_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">'
    '<path d="M3.4 8.3 L6.7 11.6 L12.7 4.6" fill="none" stroke="{colour}" stroke-width="2.6" '
    'stroke-linecap="round" stroke-linejoin="round"/></svg>'
)
_images: list[Path] = []  # the folder of drawn images, made once per process
#: The folders' prefix; the owning process id follows it, so a later run can tell a crashed
#: run's folder (its process gone) from a live one's.
IMAGES_PREFIX = "frameshift-styles-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True


def _sweep_orphans(temp: Path) -> None:
    """Remove the image folders of runs that ended without their atexit (killed, crashed): a
    kiosk restarted by its service for weeks would otherwise gather one per crash."""
    for folder in temp.glob(IMAGES_PREFIX + "*"):
        pid = folder.name[len(IMAGES_PREFIX) :].split("-", 1)[0]
        try:
            mine = folder.is_dir() and folder.stat().st_uid == os.getuid()
        except OSError:
            continue
        if mine and pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _image_folder() -> Path:
    """This process's folder of drawn images, made again at the same path when something removed
    it (a /tmp clean-up during a weeks-long kiosk run), so the urls of sheets already applied stay
    good; a folder at that path that is not ours is never written into: a new one is made."""
    if _images:
        folder = _images[0]
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
            if folder.stat().st_uid == os.getuid():
                return folder
        except OSError:
            pass
        _images.clear()
    temp = Path(tempfile.gettempdir())
    _sweep_orphans(temp)
    folder = Path(tempfile.mkdtemp(prefix=f"{IMAGES_PREFIX}{os.getpid()}-", dir=temp))
    atexit.register(shutil.rmtree, folder, True)
    _images.append(folder)
    return folder


def tick_image(colour: str) -> Path:
    """An SVG file of :data:`TICK_SVG` in ``colour`` (a "#rrggbb" role), for ``image: url()``;
    written again whenever it is missing."""
    path = _image_folder() / f"tick-{colour.lstrip('#').lower()}.svg"
    if not path.is_file():
        path.write_text(TICK_SVG.format(colour=colour), encoding="utf-8")
    return path
