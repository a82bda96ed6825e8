"""The replay's playback bar: first, previous, play/pause, next, last, jump to the shift, and
where playback is. When the row has no room for the words (large text, the kiosk's touch-size
buttons, a small screen) the buttons wrap onto another row; only a button wider than the
whole row shows its icon alone (the word stays its accessible name and tooltip).

The icons are painted in the theme's ``icon`` colour role, so they show in every theme: the
style's stock media pixmaps are black and vanish on the dark and high-contrast themes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPixmap,
)
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

from app.ui.a11y import named
from app.ui.flow import FlowLayout

ICON_PX = 64  # painted large, scaled down by Qt: sharp at any font scale

# Each glyph is drawn in a 1x1 box: triangles pointing right ("play"), left, bars...
_GLYPHS: dict[str, tuple[tuple[str, float, float, float, float], ...]] = {
    # (shape, x, y, w, h); "tr" right-pointing triangle, "tl" left-pointing, "bar" rectangle,
    # "td" down-pointing triangle
    "play": (("tr", 0.22, 0.12, 0.62, 0.76),),
    "pause": (("bar", 0.22, 0.14, 0.2, 0.72), ("bar", 0.58, 0.14, 0.2, 0.72)),
    "first": (("bar", 0.14, 0.16, 0.12, 0.68), ("tl", 0.3, 0.16, 0.56, 0.68)),
    "previous": (("tl", 0.08, 0.2, 0.42, 0.6), ("tl", 0.5, 0.2, 0.42, 0.6)),
    "next": (("tr", 0.08, 0.2, 0.42, 0.6), ("tr", 0.5, 0.2, 0.42, 0.6)),
    "last": (("tr", 0.14, 0.16, 0.56, 0.68), ("bar", 0.74, 0.16, 0.12, 0.68)),
    "shift": (("bar", 0.42, 0.08, 0.16, 0.42), ("td", 0.18, 0.48, 0.64, 0.44)),
}


def glyph_icon(kind: str, colour: QColor) -> QIcon:
    """A flat media icon (``play``, ``pause``, ``first``, ``previous``, ``next``, ``last``,
    ``shift``) in ``colour``."""
    pix = QPixmap(ICON_PX, ICON_PX)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    for shape, x, y, w, h in _GLYPHS[kind]:
        r = QRectF(x * ICON_PX, y * ICON_PX, w * ICON_PX, h * ICON_PX)
        if shape == "bar":
            p.drawRect(r)
            continue
        points = {
            "tr": (r.topLeft(), QPointF(r.right(), r.center().y()), r.bottomLeft()),
            "tl": (r.topRight(), QPointF(r.left(), r.center().y()), r.bottomRight()),
            "td": (r.topLeft(), r.topRight(), QPointF(r.center().x(), r.bottom())),
        }[shape]
        path = QPainterPath(points[0])
        for pt in points[1:]:
            path.lineTo(pt)
        path.closeSubpath()
        p.drawPath(path)
    p.end()
    return QIcon(pix)


class GlyphButton(QPushButton):
    """A push button that drops its word, keeping its icon, when squeezed below its size."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    @property
    def compact(self) -> bool:
        """The word does not fit: only the icon is drawn."""
        return self.width() < self.sizeHint().width()

    def minimumSizeHint(self) -> QSize:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        icon = self.iconSize()
        contents = QSize(icon.width() + 8, max(icon.height(), self.fontMetrics().height()))
        return self.style().sizeFromContents(
            QStyle.ContentsType.CT_PushButton, option, contents, self
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.compact:
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)


class LineLabel(QLabel):
    """A plain-text label that asks for its whole text on one line and wraps only when the
    row is narrower than that (a wrapping QLabel's own size hint is a narrow column: "Turn 1
    of 11 · Marcus Okafor" took three lines beside the buttons with the row half empty)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # shows the persona's name

    def sizeHint(self) -> QSize:
        m = self.contentsMargins()
        line = self.fontMetrics().horizontalAdvance(self.text()) + 2
        width = line + m.left() + m.right() + 2 * self.margin()
        return QSize(width, self.heightForWidth(width))


class PlaybackControls(QWidget):
    """The row of playback buttons and the "Answer N of M" label.

    Signals:
        first_requested(), previous_requested(), toggle_requested(), next_requested(),
        last_requested(), shift_requested(): the matching button was pressed.
    """

    first_requested = Signal()
    previous_requested = Signal()
    toggle_requested = Signal()
    next_requested = Signal()
    last_requested = Signal()
    shift_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replayControls")
        self._playing = False

        def control(text: str, name: str, accessible: str, tip: str) -> QPushButton:
            return named(GlyphButton(text), name, accessible, tip, tip)

        self.first_button = control("First", "firstTurnButton", "First turn", "First turn (Home)")
        self.prev_button = control(
            "Previous", "previousTurnButton", "Previous turn", "Previous turn (Left)"
        )
        self.play_button = control("Play", "playButton", "Play", "Play / pause (Space)")
        self.next_button = control("Next", "nextTurnButton", "Next turn", "Next turn (Right)")
        self.last_button = control("Last", "lastTurnButton", "Last turn", "Last turn (End)")
        self.shift_button = control(
            "Jump to the shift", "jumpToShiftButton", "Jump to the shift", "Jump to the shift (S)"
        )
        self.now_label = named(LineLabel(), "replayPosition", "Current turn")
        for button, signal in (
            (self.first_button, self.first_requested),
            (self.prev_button, self.previous_requested),
            (self.play_button, self.toggle_requested),
            (self.next_button, self.next_requested),
            (self.last_button, self.last_requested),
            (self.shift_button, self.shift_requested),
        ):
            button.clicked.connect(signal)
        # Buttons keep their words and wrap onto a second row when the row is too narrow
        # (trial 7 G26: at 1.5 on 1024x600 they were icons only); only a button wider than
        # the whole row falls back to its icon.
        row = FlowLayout(self)
        for b in (self.first_button, self.prev_button, self.play_button, self.next_button):
            row.addWidget(b)
        row.addWidget(self.last_button)
        row.addWidget(self.shift_button)
        row.addWidget(self.now_label)
        self.now_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("Answer 88 of 88"))
        self._paint_icons()

    @property
    def buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.first_button,
            self.prev_button,
            self.play_button,
            self.next_button,
            self.last_button,
            self.shift_button,
        )

    def set_playing(self, playing: bool) -> None:
        self._playing = playing
        word = "Pause" if playing else "Play"
        self.play_button.setText(word)
        self.play_button.setAccessibleName(word)
        self._paint_icons()

    def icon_colour(self) -> QColor:
        """The colour the icons are painted in: the theme's ``icon`` role (its contrast with
        the theme's backgrounds is checked by tests/unit/ui/test_theme_contrast.py)."""
        from app.ui.theme import current_colours

        return QColor(current_colours().icon)

    def _paint_icons(self) -> None:
        colour = self.icon_colour()
        for button, kind in zip(
            self.buttons,
            ("first", "previous", "pause" if self._playing else "play", "next", "last", "shift"),
            strict=True,
        ):
            button.ensurePolished()  # the style sheet's text size (the kiosk's is larger)
            size = button.fontMetrics().height()
            button.setIcon(glyph_icon(kind, colour))
            button.setIconSize(QSize(size, size))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.StyleChange,
            QEvent.Type.FontChange,
        ):
            self._paint_icons()
