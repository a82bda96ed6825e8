"""Screenshots of every screen in the light, dark and high-contrast themes, from a real X
server (Xvfb). `make screenshots` saves them to docs/screens/ for the README."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

pytestmark = [pytest.mark.gui, pytest.mark.slow]

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SCREENS = ("picker", "conversation", "results", "compare", "history")
THEMES = ("light", "dark", "high_contrast")


def _pixels(path: Path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_Grayscale8)
    assert not image.isNull(), path
    data = np.frombuffer(bytes(image.constBits()), dtype=np.uint8)
    return data.reshape(image.height(), image.bytesPerLine())[:, : image.width()].copy()


@pytest.fixture(scope="module")
def screens(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the capture under a private Xvfb display; the PNGs' folder."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (make test installs the xvfb package)")
    out = Path(os.environ.get("FRAMESHIFT_SAVE_SCREENS") or tmp_path_factory.mktemp("screens"))
    env = dict(os.environ, FRAMESHIFT_SCREENS_OUT=str(out), QT_QPA_PLATFORM="xcb")
    cmd = [
        "xvfb-run", "-a", "-s", "-screen 0 1280x900x24",
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
        str(HERE / "screens" / "capture_screens.py"),
    ]  # fmt: skip
    result = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("screen", SCREENS)
def test_each_screen_is_captured_and_not_blank(
    qapp: object, screens: Path, screen: str, theme: str
) -> None:
    """Each screen in each theme is a real picture of the window, not an empty frame."""
    path = screens / f"{screen}-{theme}.png"
    assert path.is_file()
    px = _pixels(path)
    assert px.shape[0] >= 600
    assert px.shape[1] >= 900
    assert px.std() > 20  # text and controls, not a flat colour
    assert len(np.unique(px)) > 8


def test_themes_really_differ(qapp: object, screens: Path) -> None:
    """Dark and high contrast are darker than light; high contrast has the most contrast."""
    light = _pixels(screens / "picker-light.png")
    dark = _pixels(screens / "picker-dark.png")
    contrast = _pixels(screens / "picker-high_contrast.png")
    assert dark.mean() < light.mean() - 60
    assert contrast.mean() < light.mean() - 60
    extremes = lambda px: float(((px < 30) | (px > 225)).mean())  # noqa: E731
    assert extremes(contrast) > extremes(dark)
