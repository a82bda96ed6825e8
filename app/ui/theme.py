"""Themes (light, dark, high contrast) and font scaling, from the style sheets in assets/."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

import app

THEMES = ("light", "dark", "high_contrast")
BASE_POINT_SIZE = 11.0


def assets_dir() -> Path:
    """The assets folder: the source tree's when running from it, else the packaged copy."""
    package = Path(app.__file__).resolve().parent
    for candidate in (package.parent / "assets", package / "_content" / "assets"):
        if candidate.is_dir():
            return candidate
    return package.parent / "assets"


def _palette(theme: str) -> QPalette:
    colours = {
        "light": ("#fbfaf7", "#1d1f23", "#ffffff", "#1b5e52", "#ffffff", "#0b57a4"),
        "dark": ("#1e2126", "#e8e6e1", "#262a30", "#4fd1b0", "#0d1210", "#8cc8ff"),
        "high_contrast": ("#000000", "#ffffff", "#000000", "#ffff00", "#000000", "#00ffff"),
    }[theme]
    window, text, base, highlight, highlighted_text, link = (QColor(c) for c in colours)
    pal = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.Highlight, highlight),
        (QPalette.ColorRole.HighlightedText, highlighted_text),
        (QPalette.ColorRole.ToolTipBase, base),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.Link, link),
        (QPalette.ColorRole.LinkVisited, link),
        (QPalette.ColorRole.PlaceholderText, QColor("#8a8d92")),
    ):
        pal.setColor(role, colour)
    return pal


def apply_theme(qapp: QApplication, theme: str, font_scale: float = 1.0) -> None:
    """Apply a theme and a font scale to the whole application."""
    if theme not in THEMES:
        theme = "light"
    styles = assets_dir() / "styles"
    sheet = ""
    for name in ("base.qss", f"{theme}.qss"):
        path = styles / name
        if path.is_file():
            sheet += path.read_text(encoding="utf-8") + "\n"
    scale = max(0.5, min(3.0, font_scale))
    sheet = re.sub(r"(\d+(?:\.\d+)?)pt", lambda m: f"{float(m.group(1)) * scale:.1f}pt", sheet)
    qapp.setPalette(_palette(theme))
    font = QFont(qapp.font())
    font.setPointSizeF(BASE_POINT_SIZE * scale)
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)
    qapp.setProperty("frameshift_theme", theme)
