"""Themes and font scaling. Each theme's colour roles are declared once, here; the style sheet
(assets/styles/*.qss) names roles as ``@role`` and is filled in from them, and the contrast of
every text/background and icon/background pair (`app/ui/contrast.py`) is checked by
tests/unit/ui/test_theme_contrast.py. The theme names themselves are :data:`app.config.THEMES`
(one list for settings, CLI and UI)."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

import app
from app.config import THEMES
from app.ui.fonts import add_fallbacks
from app.ui.style_images import tick_image

BASE_POINT_SIZE = 11.0
# The type scale (pt at font scale 1.0) and the spacing scale (px); docs/design.md explains them.
TYPE_SCALE = {
    "small": 9.5,
    "body": 11.0,
    "lead": 13.0,
    "heading": 15.0,
    "title": 18.0,
    "line": 20.0,
    "display": 28.0,
}
SPACING = (4, 8, 12, 16, 24, 32)


@dataclass(frozen=True)
class ThemeColours:
    """The colour roles of one theme. Text roles pair with the background they sit on."""

    label: str
    dark: bool
    window: str  # the page background
    surface: str  # cards, lists, inputs
    text: str  # body text, on window and surface
    muted: str  # secondary text (persona role, hints), on window and surface
    border: str  # input and card outlines (a UI component: 3:1 against window)
    accent: str  # the default button and selection background
    on_accent: str  # text on accent
    focus: str  # the focus ring, on window
    link: str
    line_bg: str  # the manager's current line (the big card)
    line_text: str
    manager_bubble: str  # the manager's bubbles in the exchange
    manager_bubble_text: str
    you_bubble: str  # your bubbles
    you_bubble_text: str
    banner_bg: str  # a notice belonging to the moment
    banner_text: str
    banner_border: str
    avatar_bg: str  # the persona's initials
    avatar_text: str
    level: str  # the live microphone level bar, on surface
    listening: str  # the "listening…" dot and word, on window
    icon: str  # icons (playback, etc.) drawn on window or surface
    countdown_bg: str  # the kiosk's "Still there?" countdown
    countdown_text: str
    shift_bg: str  # the replay's shift explanation
    good_bg: str  # the replay's kept-exploration explanation and coach card
    exploration: str  # frame marks (icons: 3:1 against surface)
    interview: str
    neutral: str
    disabled_text: str  # exempt from WCAG contrast; kept readable anyway

    def roles(self) -> dict[str, str]:
        skip = ("label", "dark")
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in skip}


THEME_COLOURS: dict[str, ThemeColours] = {
    "light": ThemeColours(
        label="Light",
        dark=False,
        window="#f6f5f1",
        surface="#ffffff",
        text="#1d1f23",
        muted="#555a61",
        border="#80868d",
        accent="#1b5e52",
        on_accent="#ffffff",
        focus="#0b57a4",
        link="#0b57a4",
        line_bg="#ffffff",
        line_text="#14161a",
        manager_bubble="#e9eef5",
        manager_bubble_text="#1d1f23",
        you_bubble="#dcefe8",
        you_bubble_text="#1d1f23",
        banner_bg="#fff4d6",
        banner_text="#3d2f00",
        banner_border="#c99a1d",
        avatar_bg="#1b5e52",
        avatar_text="#ffffff",
        level="#1b7f6b",
        listening="#b3261e",
        icon="#2b2f36",
        countdown_bg="#b3261e",
        countdown_text="#ffffff",
        shift_bg="#fdeceb",
        good_bg="#eaf3ee",
        exploration="#1b7f6b",
        interview="#b3261e",
        neutral="#6b6f76",
        disabled_text="#80858b",
    ),
    "dark": ThemeColours(
        label="Dark",
        dark=True,
        window="#1b1e23",
        surface="#262a30",
        text="#ebe9e4",
        muted="#b4b8be",
        border="#7a808a",
        accent="#4fd1b0",
        on_accent="#0d1210",
        focus="#8cc8ff",
        link="#8cc8ff",
        line_bg="#262a30",
        line_text="#f4f2ee",
        manager_bubble="#2c3440",
        manager_bubble_text="#ebe9e4",
        you_bubble="#21392f",
        you_bubble_text="#ebe9e4",
        banner_bg="#4a3b10",
        banner_text="#fff1c7",
        banner_border="#c99a1d",
        avatar_bg="#4fd1b0",
        avatar_text="#0d1210",
        level="#4fd1b0",
        listening="#ff8a80",
        icon="#ebe9e4",
        countdown_bg="#ffcc66",
        countdown_text="#1b1e23",
        shift_bg="#3e2624",
        good_bg="#233329",
        exploration="#4fd1b0",
        interview="#ff8a80",
        neutral="#b0b4ba",
        disabled_text="#80858d",
    ),
    "high_contrast": ThemeColours(
        label="High contrast",
        dark=True,
        window="#000000",
        surface="#000000",
        text="#ffffff",
        muted="#ffffff",
        border="#ffffff",
        accent="#ffff00",
        on_accent="#000000",
        focus="#ffff00",
        link="#00ffff",
        line_bg="#000000",
        line_text="#ffffff",
        manager_bubble="#000000",
        manager_bubble_text="#ffffff",
        you_bubble="#000000",
        you_bubble_text="#ffff00",
        banner_bg="#ffff00",
        banner_text="#000000",
        banner_border="#ffffff",
        avatar_bg="#ffff00",
        avatar_text="#000000",
        level="#ffff00",
        listening="#00ffff",
        icon="#ffffff",
        countdown_bg="#ffff00",
        countdown_text="#000000",
        shift_bg="#000000",
        good_bg="#000000",
        exploration="#00ff9c",
        interview="#ff7070",
        neutral="#ffffff",
        disabled_text="#a0a0a0",
    ),
}
if set(THEME_COLOURS) != set(THEMES):  # one list of names; a theme without roles fails loudly
    raise RuntimeError(f"theme colours {sorted(THEME_COLOURS)} do not match THEMES {THEMES}")


def theme_colours(theme: str | None = None) -> ThemeColours:
    """A theme's roles; without a name, the theme the application shows now."""
    if theme is None:
        qapp = QApplication.instance()
        theme = str(qapp.property("frameshift_theme") or "light") if qapp else "light"
    return THEME_COLOURS.get(theme, THEME_COLOURS["light"])


def current_colours() -> ThemeColours:
    """The active theme's roles (for widgets that paint: timeline, icons, kiosk countdown)."""
    return theme_colours(None)


def assets_dir() -> Path:
    """The assets folder: the source tree's when running from it, else the packaged copy."""
    package = Path(app.__file__).resolve().parent
    for candidate in (package.parent / "assets", package / "_content" / "assets"):
        if candidate.is_dir():
            return candidate
    return package.parent / "assets"


def _palette(c: ThemeColours) -> QPalette:
    pal = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, c.window),
        (QPalette.ColorRole.WindowText, c.text),
        (QPalette.ColorRole.Base, c.surface),
        (QPalette.ColorRole.AlternateBase, c.window),
        (QPalette.ColorRole.Text, c.text),
        (QPalette.ColorRole.Button, c.surface),
        (QPalette.ColorRole.ButtonText, c.text),
        (QPalette.ColorRole.Highlight, c.accent),
        (QPalette.ColorRole.HighlightedText, c.on_accent),
        (QPalette.ColorRole.ToolTipBase, c.surface),
        (QPalette.ColorRole.ToolTipText, c.text),
        (QPalette.ColorRole.Link, c.link),
        (QPalette.ColorRole.LinkVisited, c.link),
        (QPalette.ColorRole.PlaceholderText, c.muted),
    ):
        pal.setColor(role, QColor(colour))
    for role, colour in (
        (QPalette.ColorRole.WindowText, c.disabled_text),
        (QPalette.ColorRole.Text, c.disabled_text),
        (QPalette.ColorRole.ButtonText, c.disabled_text),
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return pal


def style_sheet(theme: str, font_scale: float = 1.0) -> str:
    """The application style sheet: base.qss (layout, type) and colours.qss with ``@role``
    filled in from the theme, plus the theme's own file if it has one (thicker borders).
    ``@tick_<role>`` is a check mark in that role's colour (an image file, see `tick_image`)."""
    colours = theme_colours(theme)
    roles = colours.roles()
    styles = assets_dir() / "styles"
    sheet = ""
    for name in ("base.qss", "colours.qss", f"{theme}.qss"):
        path = styles / name
        if path.is_file():
            sheet += path.read_text(encoding="utf-8") + "\n"

    def role(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("tick_") and name[5:] in roles:
            return '"' + tick_image(roles[name[5:]]).as_posix() + '"'
        if name not in roles:
            raise KeyError(f"style sheet names an unknown colour role @{name}")
        return roles[name]

    sheet = re.sub(r"/\*.*?\*/", "", sheet, flags=re.DOTALL)
    sheet = re.sub(r"@([a-z_]+)", role, sheet)
    scale = max(0.5, min(3.0, font_scale))
    return re.sub(r"(\d+(?:\.\d+)?)pt", lambda m: f"{float(m.group(1)) * scale:.1f}pt", sheet)


def apply_theme(qapp: QApplication, theme: str, font_scale: float = 1.0) -> None:
    """Apply a theme and a font scale to the whole application."""
    if theme not in THEME_COLOURS:
        theme = "light"
    scale = max(0.5, min(3.0, font_scale))
    qapp.setProperty("frameshift_theme", theme)
    qapp.setPalette(_palette(THEME_COLOURS[theme]))
    font = QFont(qapp.font())
    font.setPointSizeF(BASE_POINT_SIZE * scale)
    add_fallbacks(font)  # emoji and CJK from installed fallback fonts, not boxes (ui/fonts.py)
    qapp.setFont(font)
    qapp.setStyleSheet(style_sheet(theme, scale))
