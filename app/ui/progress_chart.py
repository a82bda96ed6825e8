"""The history's progress chart: the share of sessions that never shifted into an interview
(rolling) and the questions asked per session, painted; averaged into as many points as the
chart has pixels, so 10,000 sessions draw as fast as ten. Sessions are evenly spaced, so the
axis under them names the date of the session at each label (as many labels as fit)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.ui.frames import frame_colour

if TYPE_CHECKING:
    import numpy as np

ROLLING = 5


def progress_series(rows: Sequence[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    """Per finished session, oldest first: the share of the last ROLLING sessions that did not
    shift (0..1), and the questions asked (NaN when the analysis did not count them)."""
    import numpy as np  # loaded with the history, not at start-up

    kept = np.fromiter((not r["shifted"] for r in rows), dtype=float, count=len(rows))
    sums = np.cumsum(np.concatenate(([0.0], kept)))
    ends = np.arange(1, len(rows) + 1)
    starts = np.maximum(0, ends - ROLLING)
    share = (sums[ends] - sums[starts]) / (ends - starts) if len(rows) else kept
    questions = np.fromiter(
        (np.nan if r["seeker_questions"] is None else r["seeker_questions"] for r in rows),
        dtype=float,
        count=len(rows),
    )
    return share, questions


def _buckets(values: np.ndarray, n: int) -> np.ndarray:
    """At most `n` points: the mean of each run of values (ignoring NaN), so 10,000 sessions
    draw as many points as the chart has pixels."""
    import numpy as np

    if len(values) <= n:
        return values
    edges = np.linspace(0, len(values), n + 1).astype(int)
    out = np.empty(n)
    for i in range(n):
        chunk = values[edges[i] : edges[i + 1]]
        finite = chunk[~np.isnan(chunk)]
        out[i] = finite.mean() if finite.size else np.nan
    return out


def _day(when: dt.datetime) -> str:
    return f"{when.day} {when:%b}"


def axis_dates(started_at: Sequence[float], count: int) -> list[tuple[float, str]]:
    """Up to `count` labels for the sessions' axis: (where, 0..1 along it, the date of the
    session there). Dates in local time: the day and month, the time of day when every session
    was on one day (the first label also says which), the month and year when they span years.
    A label that would say what the one before it says is left out."""
    n = len(started_at)
    if n == 0 or count < 1:
        return []
    when = [dt.datetime.fromtimestamp(t) for t in started_at]
    if n == 1:
        return [(0.5, f"{_day(when[0])}, {when[0]:%H:%M}")]
    first, last = when[0], when[-1]
    same_day = first.date() == last.date()
    same_year = first.year == last.year

    def shown(at: dt.datetime) -> str:  # what changes from label to label
        if same_day:
            return f"{at:%H:%M}"
        return _day(at) if same_year else f"{at:%b %Y}"

    def label(i: int, at: dt.datetime) -> str:
        return f"{_day(at)}, {at:%H:%M}" if same_day and i == 0 else shown(at)

    slots = min(n, count)
    if slots == 1:
        return [(0.0, label(0, first))]
    picks = sorted({round(k * (n - 1) / (slots - 1)) for k in range(slots)})
    labels: list[tuple[float, str]] = []
    last_shown = ""
    for i in picks:
        if labels and shown(when[i]) == last_shown:
            continue
        last_shown = shown(when[i])
        labels.append((i / (n - 1), label(i, when[i])))
    return labels


def date_span(started_at: Sequence[float]) -> str:
    """ "from 3 Nov to 2 Dec" (with years when they differ), "on 2 Dec", or "" for none."""
    if len(started_at) == 0:
        return ""
    first = dt.datetime.fromtimestamp(started_at[0])
    last = dt.datetime.fromtimestamp(started_at[-1])
    if first.date() == last.date():
        return f"on {_day(first)}"
    if first.year == last.year:
        return f"from {_day(first)} to {_day(last)}"
    return f"from {_day(first)} {first.year} to {_day(last)} {last.year}"


def kept_words(n: int, share: float) -> str:
    """How the last ROLLING (or all ``n``) sessions went, in counts, never "0% did not":
    "of the last 5, 3 stayed a mutual exploration and 2 shifted into an interview"."""
    k = min(n, ROLLING)
    kept = round(share * k)
    which = f"of the last {k}, " if n > k else ""
    if kept >= k:
        return f"{which}{'both' if k == 2 else f'all {k}'} stayed a mutual exploration"
    if kept <= 0:
        return f"{which}{'both' if k == 2 else f'all {k}'} shifted into an interview"
    return f"{which}{kept} stayed a mutual exploration and {k - kept} shifted into an interview"


class ProgressChart(QWidget):
    """Progress over sessions: the rolling share that never shifted (line, circles) above the
    curious questions asked per session (bars: counted as the replay counts them,
    `app.report.questions`). Painted; shapes and labels, not colour, tell them apart.

    Signals:
        (none)
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressChart")
        self.setAccessibleName("Progress over sessions")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Empty until set_progress: numpy loads with the history, not before the first paint.
        self._share: Any = ()
        self._questions: Any = ()
        self._started: list[float] = []

    def minimumSizeHint(self) -> QSize:
        # The legend, the two halves with a line between them for their labels, and the dates.
        return QSize(200, max(180, 11 * self.fontMetrics().height()))

    def sizeHint(self) -> QSize:
        return QSize(640, self.minimumSizeHint().height() + 20)

    def set_progress(self, rows: Sequence[dict[str, Any]]) -> None:
        self._share, self._questions = progress_series(rows)
        self._started = [float(r["started_at"]) for r in rows]
        self.setAccessibleDescription(self.summary())
        self.setToolTip(self.summary())
        self.update()

    @property
    def share(self) -> np.ndarray:
        import numpy as np

        return np.asarray(self._share, dtype=float)

    @property
    def questions(self) -> np.ndarray:
        import numpy as np

        return np.asarray(self._questions, dtype=float)

    def summary(self) -> str:
        import numpy as np

        n = len(self._share)
        if n == 0:
            return "No finished sessions yet: the chart fills in as you rehearse."
        recent = self._questions[-ROLLING:]
        asked = recent[~np.isnan(recent)]
        span = date_span(self._started)
        if n == 1:
            kept = (
                "stayed a mutual exploration"
                if self._share[-1] >= 1
                else "shifted into an interview"
            )
            text = f"The chart shows your one finished session, {span}: it {kept}"
            if asked.size:
                many = "s" if asked[-1] != 1 else ""
                text += f" and you asked {asked[-1]:.0f} curious question{many}"
            return text + "."
        text = f"The chart shows your {n} finished sessions, {span}: " + kept_words(
            n, self._share[-1]
        )
        if asked.size:
            text += f" and you asked {asked.mean():.1f} curious questions a session"
        return text + "."

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        dark = pal.color(QPalette.ColorRole.Window).lightness() < 128
        text = pal.color(QPalette.ColorRole.WindowText)
        font = p.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        p.setFont(font)
        fm = p.fontMetrics()
        left = 8.0 + fm.horizontalAdvance("100%") + 6
        right = self.width() - 8.0
        top = fm.height() + fm.ascent() / 2 + 8.0  # the legend, then room for "100%" above the line
        if len(self._share) == 0:
            p.setPen(text)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.summary())
            return
        axis = fm.height() + 6.0  # the dates under the bars
        gap = fm.height() + 8.0  # "0%" of the line and the bars' top label never touch
        room = self.height() - top - gap - axis - 6
        upper = QRectF(left, top, right - left, room * 0.55)
        lower = QRectF(left, upper.bottom() + gap, right - left, room * 0.45)
        p.setPen(text)
        p.drawText(
            QPointF(2, fm.ascent() + 2),
            f"● Did not shift, share of the last {min(len(self._share), ROLLING)}"
            "      ▮ Curious questions you asked",
        )
        grid = QColor(text)
        grid.setAlpha(60)
        p.setPen(QPen(grid, 1, Qt.PenStyle.DashLine))
        for frac in (0.0, 0.5, 1.0):
            y = upper.bottom() - frac * upper.height()
            p.drawLine(QPointF(upper.left(), y), QPointF(upper.right(), y))
        p.setPen(text)
        for frac, label in ((1.0, "100%"), (0.0, "0%")):
            p.drawText(QPointF(4, upper.bottom() - frac * upper.height() + fm.ascent() / 2), label)

        width = max(1, int(upper.width()))
        share = _buckets(self._share, width // 3)
        n = len(share)

        def x(i: int, rect: QRectF, count: int) -> float:
            return rect.left() + (rect.width() * i / (count - 1) if count > 1 else rect.width() / 2)

        path = QPainterPath()
        for i, v in enumerate(share):
            pt = QPointF(x(i, upper, n), upper.bottom() - float(v) * upper.height())
            if i == 0:
                path.moveTo(pt)
            else:
                path.lineTo(pt)
        good = frame_colour("exploration", dark=dark)
        p.setPen(QPen(good, 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        if n <= 60:
            p.setBrush(good)
            p.setPen(QPen(text, 1))
            for i, v in enumerate(share):
                p.drawEllipse(QPointF(x(i, upper, n), upper.bottom() - v * upper.height()), 3, 3)

        import numpy as np

        questions = _buckets(self._questions, max(1, width // 4))
        finite = questions[~np.isnan(questions)]
        top_q = max(1.0, float(finite.max()) if finite.size else 1.0)
        m = len(questions)
        bar = max(1.0, min(14.0, lower.width() / max(1, m) * 0.7))
        lower = lower.adjusted(bar / 2, 0, -bar / 2, 0)  # bars stay inside the chart
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(text)
        for i, q in enumerate(questions):
            if np.isnan(q):
                continue
            h = lower.height() * float(q) / top_q
            cx = x(i, lower, m)
            p.drawRect(QRectF(cx - bar / 2, lower.bottom() - h, bar, h))
        p.setPen(text)
        p.drawText(QPointF(4, lower.top() + fm.ascent()), f"{top_q:.0f}")
        p.drawText(QPointF(4, lower.bottom()), "0")
        self._paint_dates(p, upper.left(), upper.right(), self.height() - fm.descent() - 2)

    def _paint_dates(self, p: QPainter, left: float, right: float, baseline: float) -> None:
        """The dates of the sessions under the chart, as many as fit without touching."""
        fm = p.fontMetrics()
        widest = fm.horizontalAdvance("28 Sep, 00:00") + 24
        count = max(1, int((right - left) // widest) + 1)
        placed: list[tuple[float, float, str]] = []  # (start, end, text)
        for frac, text in axis_dates(self._started, count):
            width = fm.horizontalAdvance(text)
            x = left + frac * (right - left)
            if frac <= 0.0:
                start = x
            elif frac >= 1.0:
                start = x - width
            else:
                start = x - width / 2
            start = max(2.0, min(self.width() - 2.0 - width, start))
            placed.append((start, start + width, text))
        # Sessions sit at whole positions, so two labels may still come close: the first and
        # the last always show, a label in between only with room on both sides.
        kept = placed[:1]
        for i, (start, end, text) in enumerate(placed[1:], start=1):
            last = i == len(placed) - 1
            if last:
                while len(kept) > 1 and kept[-1][1] + 8 > start:
                    kept.pop()
                if kept[-1][1] + 8 > start:
                    continue
            elif start < kept[-1][1] + 8 or end + 8 > placed[-1][0]:
                continue
            kept.append((start, end, text))
        for start, _end, text in kept:
            p.drawText(QPointF(start, baseline), text)
