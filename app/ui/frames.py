"""How frames look: colour plus a shape and a word, so colour never carries meaning alone.
The colours are the theme's ``exploration``/``interview``/``neutral`` roles (app/ui/theme.py)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from app.ui.theme import THEME_COLOURS, current_colours


@dataclass(frozen=True)
class FrameStyle:
    label: str
    symbol: str  # shown in text next to the turn; the timeline draws the matching shape

    @property
    def role(self) -> str:
        return self.label.lower()

    @property
    def colour(self) -> str:
        return str(THEME_COLOURS["light"].roles()[self.role])

    @property
    def colour_dark(self) -> str:
        return str(THEME_COLOURS["dark"].roles()[self.role])


FRAME_STYLES: dict[str, FrameStyle] = {
    "exploration": FrameStyle("Exploration", "●"),
    "interview": FrameStyle("Interview", "■"),
    "neutral": FrameStyle("Neutral", "–"),
}


def frame_style(frame: str | None) -> FrameStyle:
    return FRAME_STYLES.get(frame or "neutral", FRAME_STYLES["neutral"])


def frame_colour(frame: str | None, *, dark: bool | None = None) -> QColor:
    """The frame's colour in the active theme. ``dark`` (from a widget's palette) only matters
    when the active theme's darkness disagrees with it (a widget with its own palette)."""
    colours = current_colours()
    if dark is not None and dark != colours.dark:
        colours = THEME_COLOURS["dark" if dark else "light"]
    return QColor(colours.roles()[frame_style(frame).role])
