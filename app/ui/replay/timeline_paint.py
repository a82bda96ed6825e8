"""How the framing timeline draws its pieces: where a turn sits (`TimelineScale`), a turn's
mark, the shift's flag and the playback markers. Shape as well as colour tells the frames
apart (circle, square, dash) so it reads in grey-scale too; the widget
(`timeline.FramingTimeline`) owns the data, the layout bands and the input."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from app.ui.frames import frame_colour, frame_style


@dataclass(frozen=True)
class TimelineTurn:
    speaker: str
    frame: str
    score: float


@dataclass(frozen=True)
class TimelineScale:
    """Turn i of `count` at x, a score from -1 (interview) to 1 (explore) at y, in `plot`."""

    plot: QRectF
    count: int

    def x(self, i: int) -> float:
        r = self.plot
        n = max(1, self.count - 1)
        return r.left() + r.width() * (i / n if self.count > 1 else 0.5)

    def y(self, score: float) -> float:
        return self.plot.center().y() - score * self.plot.height() / 2

    def point_at(self, scores: Sequence[float], position: float) -> tuple[float, float]:
        """Where a fractional turn position (2.5: half-way from turn 3 to 4) lies on the curve."""
        i = int(position)
        frac = position - i
        x0, y0 = self.x(i), self.y(scores[i])
        if frac <= 0 or i + 1 >= self.count:
            return x0, y0
        x1, y1 = self.x(i + 1), self.y(scores[i + 1])
        return x0 + (x1 - x0) * frac, y0 + (y1 - y0) * frac

    def index_at(self, x: float) -> int | None:
        """The turn whose mark is nearest to x (None without turns)."""
        if self.count == 0:
            return None
        return min(range(self.count), key=lambda i: abs(self.x(i) - x))


def paint_curve(p: QPainter, scale: TimelineScale, scores: Sequence[float], pen: QPen) -> None:
    """The running score as one line through every turn."""
    path = QPainterPath(QPointF(scale.x(0), scale.y(scores[0])))
    for i, s in enumerate(scores[1:], start=1):
        path.lineTo(scale.x(i), scale.y(s))
    p.setPen(pen)
    p.drawPath(path)


def paint_shift(
    p: QPainter,
    scale: TimelineScale,
    shift: int,
    width: float,
    text: QColor,
    dark: bool,
    answer: int | None = None,
) -> None:
    """The shift: a line with a flag (shape, not only colour) and "shift: answer N" beside it,
    on whichever side fits in `width`."""
    r = scale.plot
    x = scale.x(shift)
    red = frame_colour("interview", dark=dark)
    p.setPen(QPen(red, 2.5, Qt.PenStyle.SolidLine))
    p.drawLine(QPointF(x, r.top() - 20), QPointF(x, r.bottom() + 6))
    flag = QPainterPath(QPointF(x, r.top() - 20))
    flag.lineTo(x + 12, r.top() - 16)
    flag.lineTo(x, r.top() - 12)
    flag.closeSubpath()
    p.fillPath(flag, red)
    label = f"shift: answer {answer if answer is not None else shift // 2 + 1}"
    label_width = p.fontMetrics().horizontalAdvance(label)
    lx = x + 16 if x + 16 + label_width < width else x - 16 - label_width
    bold = p.font()
    bold.setBold(True)
    p.setFont(bold)
    p.setPen(text)
    p.drawText(QPointF(lx, r.top() - 10), label)
    bold.setBold(False)
    p.setFont(bold)


def paint_mark(
    p: QPainter,
    scale: TimelineScale,
    i: int,
    turn: TimelineTurn,
    score: float,
    outline: QColor,
    dark: bool,
) -> None:
    """One turn: the frame's shape, filled for the seeker's answers, outlined for the manager."""
    x, y = scale.x(i), scale.y(score)
    colour = frame_colour(turn.frame, dark=dark)
    size = 7.0 if turn.speaker == "seeker" else 5.0
    p.setPen(QPen(outline, 1))
    p.setBrush(colour if turn.speaker == "seeker" else Qt.BrushStyle.NoBrush)
    symbol = frame_style(turn.frame).symbol
    if turn.speaker == "manager":
        p.setPen(QPen(colour, 2))
    if symbol == "■":
        p.drawRect(QRectF(x - size, y - size, 2 * size, 2 * size))
    elif symbol == "●":
        p.drawEllipse(QPointF(x, y), size, size)
    else:
        p.drawRect(QRectF(x - size, y - 2, 2 * size, 4))


def paint_current(p: QPainter, scale: TimelineScale, score: float, i: int, accent: QColor) -> None:
    """A ring round the current turn's mark."""
    p.setPen(QPen(accent, 3))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QPointF(scale.x(i), scale.y(score)), 12, 12)


def paint_playhead(
    p: QPainter,
    scale: TimelineScale,
    scores: Sequence[float],
    position: float,
    accent: QColor,
    text: QColor,
) -> None:
    """The playback marker: a triangle under the plot and a diamond gliding along the curve."""
    r = scale.plot
    x, y = scale.point_at(scores, position)
    p.setPen(QPen(accent, 2))
    p.drawLine(QPointF(x, r.bottom() + 8), QPointF(x, y + 14))
    tri = QPainterPath(QPointF(x, r.bottom() + 6))
    tri.lineTo(x - 7, r.bottom() + 18)
    tri.lineTo(x + 7, r.bottom() + 18)
    tri.closeSubpath()
    p.fillPath(tri, accent)
    p.setBrush(accent)
    p.setPen(QPen(text, 1))
    diamond = QPainterPath(QPointF(x, y - 6))
    for dx, dy in ((6, 0), (0, 6), (-6, 0)):
        diamond.lineTo(x + dx, y + dy)
    diamond.closeSubpath()
    p.drawPath(diamond)


def paint_selection(p: QPainter, scale: TimelineScale, i: int, colour: QColor) -> None:
    """The keyboard's selected turn (with focus): a dotted box round its column."""
    r = scale.plot
    x = scale.x(i)
    p.setPen(QPen(colour, 2, Qt.PenStyle.DotLine))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(x - 11, r.top() - 4, 22, r.height() + 8))
