"""The framing timeline: one mark per turn, the running score as a curve, the shift marked.

Painted with QPainter so it is crisp at any size (the pieces: `timeline_paint.py`); marks differ
by shape (circle, square, dash) as well as colour so it reads in grey-scale too. This widget
holds the turns, the playback position and the keyboard selection, lays out the bands around
the plot from the text size, and takes clicks and keys.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.report.verdict import AnswerNumbers
from app.ui.replay.timeline_paint import (
    TimelineScale,
    TimelineTurn,
    paint_current,
    paint_curve,
    paint_mark,
    paint_playhead,
    paint_selection,
    paint_shift,
)

__all__ = ["FramingTimeline", "TimelineTurn", "running_scores"]


def running_scores(turns: Sequence[TimelineTurn]) -> list[float]:
    """Smoothed score per turn (the same curve the HTML export draws)."""
    from app.report.timeline import running_scores as report_running_scores

    return report_running_scores([t.speaker for t in turns], [t.score for t in turns])


class FramingTimeline(QWidget):
    """Turn marks, running score curve, shift marker and a "now" marker that moves in playback.

    `set_position` takes a fractional turn (2.5 is half-way from turn 3 to turn 4), so the
    marker glides along the curve while a line plays.

    Signals:
        turn_activated(int): the user clicked a mark or pressed Enter on the selected one.
    """

    turn_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replayTimeline")
        self.setAccessibleName("Framing timeline")
        self.setAccessibleDescription(
            "One mark per turn: circle for exploration, square for interview, dash for neutral. "
            "The curve is the running framing score; the flag marks where it shifted. "
            "Left and Right choose a turn, Enter plays it."
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._update_minimum_height()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._turns: list[TimelineTurn] = []
        self._scores: list[float] = []
        self._shift: int | None = None
        self._current: int | None = None
        self._position: float | None = None
        self._selected = 0

    # -- data -------------------------------------------------------------------------------
    def set_turns(self, turns: Sequence[TimelineTurn], shift: int | None) -> None:
        self._turns = list(turns)
        self._scores = running_scores(self._turns)
        self._shift = shift
        self._selected = min(self._selected, max(0, len(self._turns) - 1))
        self.update()

    def set_current(self, index: int | None) -> None:
        self._current = index
        if index is not None:
            self._selected = index
        self._position = None if index is None else float(index)
        self.update()

    def set_position(self, position: float | None) -> None:
        """The playback marker, in turns (fractional while a line plays); None hides it."""
        if position is not None and self._turns:
            position = max(0.0, min(float(len(self._turns) - 1), position))
        self._position = position
        self.update()

    @property
    def current(self) -> int | None:
        return self._current

    @property
    def position(self) -> float | None:
        return self._position

    @property
    def shift(self) -> int | None:
        return self._shift

    @property
    def selected(self) -> int:
        return self._selected

    def sizeHint(self) -> QSize:
        return QSize(640, self.minimumHeight() + 8)

    # -- geometry ---------------------------------------------------------------------------
    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        return font

    def _bands(self) -> tuple[float, float, float]:
        """The legend's height, the space above the plot (legend and shift flag) and below it
        (the playback marker), all from the text size so nothing is cut at a large font."""
        line = float(QFontMetricsF(self._small_font()).height())
        return line, 2 + line + max(22.0, line + 8), max(20.0, line + 4)

    def _update_minimum_height(self) -> None:
        _line, above, below = self._bands()
        self.setMinimumHeight(round(above + below + 70))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_minimum_height()
            self.updateGeometry()

    def _plot_rect(self) -> QRectF:
        _line, above, below = self._bands()
        left = 8.0 + QFontMetricsF(self._small_font()).horizontalAdvance("interview") + 12
        return QRectF(
            left,
            above,
            max(10.0, self.width() - left - 22),
            max(10.0, self.height() - above - below),
        )

    def _scale(self) -> TimelineScale:
        return TimelineScale(self._plot_rect(), len(self._turns))

    def _x(self, i: int) -> float:
        return self._scale().x(i)

    def index_at(self, x: float) -> int | None:
        return self._scale().index_at(x)

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        dark = pal.color(QPalette.ColorRole.Window).lightness() < 128
        text = pal.color(QPalette.ColorRole.WindowText)
        accent = pal.color(QPalette.ColorRole.Highlight)
        scale = self._scale()
        r = scale.plot
        grid = QColor(text)
        grid.setAlpha(70)
        p.setPen(QPen(grid, 1, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y()))
        p.setPen(text)
        p.setFont(self._small_font())
        line, _above, _below = self._bands()
        p.drawText(QPointF(2, r.top() + 4), "explore")
        p.drawText(QPointF(2, r.bottom()), "interview")
        if not self._turns:
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, "No turns yet")
            return
        p.drawText(
            QRectF(2, 2, self.width() - 4, line),
            Qt.AlignmentFlag.AlignLeft,
            "● exploration  ■ interview  – neutral  (filled: your answers)",
        )
        scores = self._scores
        paint_curve(p, scale, scores, QPen(text, 2))
        if self._shift is not None and 0 <= self._shift < len(self._turns):
            numbers = AnswerNumbers.of((i, t.speaker) for i, t in enumerate(self._turns))
            answer = numbers.number(self._shift)  # as the replay names it: "Answer N"
            paint_shift(p, scale, self._shift, self.width(), text, dark, answer)
        for i, t in enumerate(self._turns):
            paint_mark(p, scale, i, t, scores[i], text, dark)
        if self._current is not None and 0 <= self._current < len(self._turns):
            paint_current(p, scale, scores[self._current], self._current, accent)
        if self._position is not None:
            paint_playhead(p, scale, scores, self._position, accent, text)
        if self.hasFocus():
            paint_selection(p, scale, self._selected, accent)

    # -- input ------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        i = self.index_at(event.position().x())
        if i is not None:
            self._selected = i
            self.update()
            self.turn_activated.emit(i)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if not self._turns:
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self._selected = min(len(self._turns) - 1, self._selected + 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self._selected = max(0, self._selected - 1)
        elif key == Qt.Key.Key_Home:
            self._selected = 0
        elif key == Qt.Key.Key_End:
            self._selected = len(self._turns) - 1
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.turn_activated.emit(self._selected)
        else:
            super().keyPressEvent(event)
            return
        self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)
