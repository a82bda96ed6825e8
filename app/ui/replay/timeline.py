"""The framing timeline: one mark per turn, the running score as a curve, the shift marked.

Painted with QPainter so it is crisp at any size; marks differ by shape (circle, square, dash)
as well as colour so it reads in grey-scale too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.ui.frames import frame_colour, frame_style


@dataclass(frozen=True)
class TimelineTurn:
    speaker: str
    frame: str
    score: float


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

    def _x(self, i: int) -> float:
        r = self._plot_rect()
        n = max(1, len(self._turns) - 1)
        return r.left() + r.width() * (i / n if len(self._turns) > 1 else 0.5)

    def _y(self, score: float) -> float:
        r = self._plot_rect()
        return r.center().y() - score * r.height() / 2

    def _point_at(self, position: float) -> tuple[float, float]:
        """Where a fractional turn position lies on the score curve."""
        i = int(position)
        frac = position - i
        x0, y0 = self._x(i), self._y(self._scores[i])
        if frac <= 0 or i + 1 >= len(self._turns):
            return x0, y0
        x1, y1 = self._x(i + 1), self._y(self._scores[i + 1])
        return x0 + (x1 - x0) * frac, y0 + (y1 - y0) * frac

    def index_at(self, x: float) -> int | None:
        if not self._turns:
            return None
        return min(range(len(self._turns)), key=lambda i: abs(self._x(i) - x))

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        dark = pal.color(QPalette.ColorRole.Window).lightness() < 128
        text = pal.color(QPalette.ColorRole.WindowText)
        r = self._plot_rect()
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
        # running score curve
        path = QPainterPath(QPointF(self._x(0), self._y(self._scores[0])))
        for i, s in enumerate(self._scores[1:], start=1):
            path.lineTo(self._x(i), self._y(s))
        p.setPen(QPen(text, 2))
        p.drawPath(path)
        # shift marker: a flag (shape, not only colour) and a label
        if self._shift is not None and 0 <= self._shift < len(self._turns):
            x = self._x(self._shift)
            red = frame_colour("interview", dark=dark)
            p.setPen(QPen(red, 2.5, Qt.PenStyle.SolidLine))
            p.drawLine(QPointF(x, r.top() - 20), QPointF(x, r.bottom() + 6))
            flag = QPainterPath(QPointF(x, r.top() - 20))
            flag.lineTo(x + 12, r.top() - 16)
            flag.lineTo(x, r.top() - 12)
            flag.closeSubpath()
            p.fillPath(flag, red)
            label = f"shift: turn {self._shift + 1}"
            width = p.fontMetrics().horizontalAdvance(label)
            lx = x + 16 if x + 16 + width < self.width() else x - 16 - width
            bold = p.font()
            bold.setBold(True)
            p.setFont(bold)
            p.setPen(text)
            p.drawText(QPointF(lx, r.top() - 10), label)
            bold.setBold(False)
            p.setFont(bold)
        # marks
        for i, t in enumerate(self._turns):
            self._draw_mark(p, i, t, dark)
        # the "now" marker: a ring on the current mark, a triangle gliding along the curve
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        if self._current is not None and 0 <= self._current < len(self._turns):
            cx, cy = self._x(self._current), self._y(self._scores[self._current])
            p.setPen(QPen(accent, 3))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(QPointF(cx, cy), 12, 12)
        if self._position is not None:
            x, y = self._point_at(self._position)
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
        if self.hasFocus() and self._turns:
            x = self._x(self._selected)
            p.setPen(
                QPen(self.palette().color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DotLine)
            )
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(x - 11, r.top() - 4, 22, r.height() + 8))

    def _draw_mark(self, p: QPainter, i: int, t: TimelineTurn, dark: bool) -> None:
        x = self._x(i)
        y = self._y(self._scores[i])
        colour = frame_colour(t.frame, dark=dark)
        size = 7.0 if t.speaker == "seeker" else 5.0
        p.setPen(QPen(self.palette().color(QPalette.ColorRole.WindowText), 1))
        p.setBrush(colour if t.speaker == "seeker" else Qt.BrushStyle.NoBrush)
        symbol = frame_style(t.frame).symbol
        if t.speaker == "manager":
            p.setPen(QPen(colour, 2))
        if symbol == "■":
            p.drawRect(QRectF(x - size, y - size, 2 * size, 2 * size))
        elif symbol == "●":
            p.drawEllipse(QPointF(x, y), size, size)
        else:
            p.drawRect(QRectF(x - size, y - 2, 2 * size, 4))

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
