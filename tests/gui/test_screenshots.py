"""Screenshots of every screen in the light, dark and high-contrast themes at 1280x800,
1366x768 and 1920x1080, from a real X server (Xvfb), each checked for clipped text, widgets
outside the window and contrast (tests/gui/screens/). `make screenshots` saves the set in
COMMITTED to docs/screens/ for the README and docs/design.md."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from app.config import THEMES

pytestmark = [pytest.mark.gui, pytest.mark.slow]

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SCREENS = (
    "picker",
    "conversation-speaking",
    "conversation-listening",
    "conversation-thinking",
    "replay-shift",
    "replay-noshift",
    "compare",
    "history",
    "settings",
    "kiosk-attract",
    "kiosk-visit",
    "kiosk-countdown",
    "kiosk-operator",
)
SIZES = ("1280x800", "1366x768", "1920x1080")
# Kept in git: every screen and theme at 1366x768 (the size people reported from); at the other
# two sizes the light theme of the screens whose layout changes most with size.
COMMITTED = {f"{s}-{t}-1366x768.png" for s in SCREENS for t in THEMES} | {
    f"{s}-light-{size}.png"
    for s in ("picker", "conversation-listening", "replay-shift")
    for size in ("1280x800", "1920x1080")
}


def _pixels(path: Path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_Grayscale8)
    assert not image.isNull(), path
    data = np.frombuffer(bytes(image.constBits()), dtype=np.uint8)
    return data.reshape(image.height(), image.bytesPerLine())[:, : image.width()].copy()


@pytest.fixture(scope="module")
def screens(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the capture under a private Xvfb display; the PNGs' folder."""
    if shutil.which("xvfb-run") is None:
        pytest.skip("Xvfb is not installed (make test installs the xvfb package)")
    out = tmp_path_factory.mktemp("screens")
    for size in SIZES:  # one X screen of each size: windows and the kiosk fill it as on a laptop
        env = dict(
            os.environ,
            FRAMESHIFT_SCREENS_OUT=str(out),
            FRAMESHIFT_SCREEN_SIZE=size,
            QT_QPA_PLATFORM="xcb",
        )
        cmd = [
            "xvfb-run", "-a", "-s", f"-screen 0 {size}x24",
            sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
            str(HERE / "screens" / "capture_screens.py"),
        ]  # fmt: skip
        result = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
        problems = "".join(p.read_text() for p in sorted(out.glob("problems-*.txt")))
        assert result.returncode == 0, problems + result.stdout[-3000:] + result.stderr[-2000:]
    save = os.environ.get("FRAMESHIFT_SAVE_SCREENS")
    if save:
        target = Path(save)
        target.mkdir(parents=True, exist_ok=True)
        for old in target.glob("*.png"):
            old.unlink()
        for name in sorted(COMMITTED):
            shutil.copy2(out / name, target / name)
    return out


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("screen", SCREENS)
def test_each_screen_is_captured_and_not_blank(
    qapp: object, screens: Path, screen: str, theme: str, size: str
) -> None:
    """Each screen in each theme and size is a real picture, not an empty frame; the
    window's screens fill the size asked for."""
    path = screens / f"{screen}-{theme}-{size}.png"
    assert path.is_file()
    px = _pixels(path)
    if screen != "settings":
        width, height = (int(v) for v in size.split("x"))
        assert px.shape == (height, width)
    calm = screen.startswith("kiosk-")  # full-screen pages: large type and a lot of quiet page
    assert px.std() > (8 if calm else 20)  # text and controls, not a flat colour
    assert len(np.unique(px)) > 8


def test_every_screen_passed_the_clipping_and_contrast_checks(screens: Path) -> None:
    """capture_screens.py wrote no problem (clipped text, widget off the window, low contrast)."""
    problems = "".join(p.read_text() for p in sorted(screens.glob("problems-*.txt")))
    assert problems.strip() == ""


def test_themes_really_differ(qapp: object, screens: Path) -> None:
    """Dark and high contrast are darker than light; high contrast has the most contrast."""
    light = _pixels(screens / "picker-light-1366x768.png")
    dark = _pixels(screens / "picker-dark-1366x768.png")
    contrast = _pixels(screens / "picker-high_contrast-1366x768.png")
    assert dark.mean() < light.mean() - 60
    assert contrast.mean() < light.mean() - 60
    extremes = lambda px: float(((px < 30) | (px > 225)).mean())  # noqa: E731
    assert extremes(contrast) > extremes(dark)
