"""The manager's line, always readable whole: with no speakers it is the only way to know what
was asked. A long line (or large text) first steps down the type scale; the box then grows
with the text up to the room the screen can give it, and scrolls past that. It never clips."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QWidget

from app.ui.a11y import named

FITS = ("", "smaller", "smallest")  # base.qss: QLabel#managerCaption[fit=...]
MIN_LINES = 3  # the box is never shorter than this many lines of the text (page scrolls then)


class CaptionBox(QScrollArea):
    """Holds :attr:`label` (object name ``managerCaption``); :meth:`fit` sizes the box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captionBox")
        self.label = named(
            QLabel(),
            "managerCaption",
            "What the other person says",
            "The caption of the line the other person is saying now.",
        )
        label = self.label
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # scenario text is never markup
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setWidget(label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the answer box keeps the focus
        self.viewport().setAutoFillBackground(False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._floor = 64

    def text_height(self, width: int) -> int:
        """The label's height for the whole text at ``width`` (padding and border included)."""
        return max(1, self.label.heightForWidth(max(1, width)))

    def _set_fit(self, fit: str) -> None:
        if self.label.property("fit") != fit:
            self.label.setProperty("fit", fit)
            self.label.style().unpolish(self.label)
            self.label.style().polish(self.label)

    def fit(self, width: int, step_down_above: int, room: int) -> None:
        """Lay the line out at ``width``: step the type down while it is taller than
        ``step_down_above``, then make the box as tall as the text, at most ``room`` (then it
        scrolls) and at least :data:`MIN_LINES` lines (the page around it scrolls then)."""
        for fit in FITS:
            self._set_fit(fit)
            if self.text_height(width) <= step_down_above:
                break
        # At the width left beside a scroll bar: a box sized for the full width that shows
        # one (a pass at a narrower width) would keep it, and the text would not all show.
        need = self.text_height(width - self.verticalScrollBar().sizeHint().width())
        m = self.label.contentsMargins()  # the style sheet's padding and border
        lines = self.label.fontMetrics().lineSpacing() * MIN_LINES
        # Three whole lines (a scrolling box shows no padding under them), or all of a short line.
        self._floor = need if need <= lines + m.top() + m.bottom() else lines + m.top()
        height = max(self._floor, min(need, room))
        if height < need:  # it scrolls: show whole lines, never a line's top half below
            step = self.label.fontMetrics().lineSpacing()
            whole = max(MIN_LINES, (height - m.top()) // step)
            height = m.top() + whole * step
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)
        self.label.updateGeometry()

    @property
    def floor(self) -> int:
        """The least height :meth:`fit` gives the box at its last width."""
        return self._floor

    @property
    def clipped(self) -> bool:
        """Whether part of the line is out of view right now (it can be scrolled to)."""
        bar = self.verticalScrollBar()
        return bar.maximum() > 0
