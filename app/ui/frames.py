"""How frames look: colour plus a shape and a word, so colour never carries meaning alone."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor


@dataclass(frozen=True)
class FrameStyle:
    label: str
    symbol: str  # shown in text next to the turn; the timeline draws the matching shape
    colour: str
    colour_dark: str


FRAME_STYLES: dict[str, FrameStyle] = {
    "exploration": FrameStyle("Exploration", "●", "#1b7f6b", "#4fd1b0"),
    "interview": FrameStyle("Interview", "■", "#b3261e", "#ff8a80"),
    "neutral": FrameStyle("Neutral", "–", "#6b6f76", "#b0b4ba"),
}


def frame_style(frame: str | None) -> FrameStyle:
    return FRAME_STYLES.get(frame or "neutral", FRAME_STYLES["neutral"])


def frame_colour(frame: str | None, *, dark: bool = False) -> QColor:
    style = frame_style(frame)
    return QColor(style.colour_dark if dark else style.colour)
