"""The picker's scenarios as calm cards: the title in bold, who you will meet and how hard it
is underneath in the muted colour, and a "Start here" tag on the first. The list item's text
stays plain ("title\\npersona · difficulty") for screen readers and tests; this only paints."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.ui.theme import current_colours

TAG_ROLE = Qt.ItemDataRole.UserRole + 1  # a short tag shown on the card ("Start here")
PAD, GAP, RADIUS = 12, 6, 10
Index = QModelIndex | QPersistentModelIndex


class Card(NamedTuple):
    """A card's text boxes, relative to the top-left corner of its text."""

    tag: QRect
    title: QRect
    title_flags: int
    rest: QRect
    rest_flags: int


class ScenarioCardDelegate(QStyledItemDelegate):
    """Paints each scenario as a rounded card; the current one in the accent colour."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    @staticmethod
    def _lines(index: Index) -> tuple[str, str]:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        title, _, rest = text.partition("\n")
        tag = str(index.data(TAG_ROLE) or "")
        if tag and rest.endswith(f" · {tag}"):
            rest = rest[: -len(f" · {tag}")]
        return title, rest

    @staticmethod
    def _bold(font: QFont) -> QFont:
        bold = QFont(font)
        bold.setWeight(QFont.Weight.DemiBold)
        return bold

    def _width(self) -> int:
        """The text's width inside a card (the card spans the viewport, less its margins)."""
        return max(40, self._view.viewport().width() - 2 * GAP - 2 * PAD)

    def _tag_width(self, font: QFont, index: Index) -> int:
        tag = str(index.data(TAG_ROLE) or "")
        return QFontMetrics(self._bold(font)).horizontalAdvance(tag) + 16 if tag else 0

    @staticmethod
    def _flags(metrics: QFontMetrics, text: str, width: int) -> int:
        """Wrap at spaces; a word wider than the card breaks anywhere rather than being cut."""
        flags = int(Qt.TextFlag.TextWordWrap)
        if any(metrics.horizontalAdvance(word) > width for word in text.split()):
            flags = int(Qt.TextFlag.TextWrapAnywhere)
        return flags

    def layout(self, font: QFont, index: Index) -> Card:
        """Where the tag, title and line below go in a card, from its top-left text corner.
        The tag sits at the title's right while the title keeps at least 12 average letters
        beside it; on a narrow card (large text) it takes its own line above the title."""
        title, rest = self._lines(index)
        width = self._width()
        bold, plain = QFontMetrics(self._bold(font)), QFontMetrics(font)
        tag_w = min(self._tag_width(font, index), width)
        tag_h = bold.height() if tag_w else 0
        beside = tag_w and width - tag_w - 8 >= 12 * bold.averageCharWidth()
        title_w = width - tag_w - 8 if beside else width
        title_top = 0 if beside or not tag_w else tag_h + 4
        flags = self._flags(bold, title, title_w)
        title_h = bold.boundingRect(QRect(0, 0, title_w, 100_000), flags, title).height()
        if beside:
            title_h = max(title_h, tag_h)
        rest_flags = self._flags(plain, rest, width)
        rest_h = plain.boundingRect(QRect(0, 0, width, 100_000), rest_flags, rest).height()
        rest_h = rest_h if rest else 0
        return Card(
            tag=QRect(width - tag_w, 0, tag_w, tag_h),
            title=QRect(0, title_top, title_w, title_h),
            title_flags=flags,
            rest=QRect(0, title_top + title_h + 4, width, rest_h),
            rest_flags=rest_flags,
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        card = self.layout(option.font, index)
        bottom = card.rest.bottom() + 1 if card.rest.height() else card.title.bottom() + 1
        return QSize(self._view.viewport().width(), max(48 + GAP, bottom + 2 * PAD + GAP))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        c = current_colours()
        state = option.state
        current = bool(state & QStyle.StateFlag.State_Selected)
        title, rest = self._lines(index)
        tag = str(index.data(TAG_ROLE) or "")
        layout = self.layout(option.font, index)
        card = option.rect.adjusted(GAP, GAP // 2, -GAP, -GAP // 2)
        fill, ink, sub = (
            (c.accent, c.on_accent, c.on_accent) if current else (c.surface, c.text, c.muted)
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        focused = current and self._view.hasFocus()
        painter.setPen(QPen(QColor(c.focus if focused else c.border), 3 if focused else 1))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(card.adjusted(1, 1, -1, -1), RADIUS, RADIUS)
        origin = card.topLeft() + QPoint(PAD, PAD)
        bold = self._bold(option.font)
        if tag:  # the tag, in the same ink as the title
            tag_box = layout.tag.translated(origin)
            painter.setPen(QPen(QColor(ink), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(tag_box, 8, 8)
            painter.setFont(bold)
            painter.drawText(tag_box, int(Qt.AlignmentFlag.AlignCenter), tag)
        painter.setFont(bold)
        painter.setPen(QColor(ink))
        painter.drawText(layout.title.translated(origin), layout.title_flags, title)
        if rest:
            painter.setFont(option.font)
            painter.setPen(QColor(sub))
            painter.drawText(layout.rest.translated(origin), layout.rest_flags, rest)
        painter.restore()


def make_card_list(view: QListWidget) -> QListWidget:
    """Turn a list widget into the card list."""
    view.setItemDelegate(ScenarioCardDelegate(view))
    view.setResizeMode(QListWidget.ResizeMode.Adjust)
    view.setUniformItemSizes(False)
    view.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setWordWrap(True)
    return view
