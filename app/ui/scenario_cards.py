"""The picker's scenarios as calm cards: the title in bold, who you will meet and how hard it
is underneath in the muted colour, and a "Start here" tag on the first. The list item's text
stays plain ("title\\npersona · difficulty") for screen readers and tests; this only paints."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.ui.theme import current_colours

TAG_ROLE = Qt.ItemDataRole.UserRole + 1  # a short tag shown on the card ("Start here")
PAD, GAP, RADIUS = 12, 6, 10
Index = QModelIndex | QPersistentModelIndex


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
        return max(160, self._view.viewport().width() - 2 * GAP - 2 * PAD)

    def _tag_width(self, font: QFont, index: Index) -> int:
        tag = str(index.data(TAG_ROLE) or "")
        return QFontMetrics(self._bold(font)).horizontalAdvance(tag) + 16 if tag else 0

    def _heights(self, font: QFont, index: Index) -> tuple[int, int]:
        title, rest = self._lines(index)
        flags = int(Qt.TextFlag.TextWordWrap)
        box = QRect(0, 0, self._width(), 100_000)
        tag_w = self._tag_width(font, index)
        title_box = QRect(0, 0, self._width() - (tag_w + 8 if tag_w else 0), 100_000)
        title_h = QFontMetrics(self._bold(font)).boundingRect(title_box, flags, title).height()
        rest_h = QFontMetrics(font).boundingRect(box, flags, rest).height() if rest else 0
        return title_h, rest_h

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        title_h, rest_h = self._heights(option.font, index)
        height = title_h + (rest_h + 4 if rest_h else 0) + 2 * PAD + GAP
        return QSize(self._view.viewport().width(), max(48 + GAP, height))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        c = current_colours()
        state = option.state
        current = bool(state & QStyle.StateFlag.State_Selected)
        title, rest = self._lines(index)
        tag = str(index.data(TAG_ROLE) or "")
        title_h, rest_h = self._heights(option.font, index)
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
        width = card.width() - 2 * PAD
        flags = int(Qt.TextFlag.TextWordWrap)
        bold = self._bold(option.font)
        top = card.top() + PAD
        if tag:  # the tag sits at the title's right, in the same ink
            tag_w = self._tag_width(option.font, index)
            tag_box = QRect(card.right() - PAD - tag_w, top, tag_w, QFontMetrics(bold).height())
            painter.setPen(QPen(QColor(ink), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(tag_box, 8, 8)
            painter.setFont(bold)
            painter.drawText(tag_box, int(Qt.AlignmentFlag.AlignCenter), tag)
            width -= tag_w + 8
        painter.setFont(bold)
        painter.setPen(QColor(ink))
        painter.drawText(QRect(card.left() + PAD, top, width, title_h), flags, title)
        if rest:
            painter.setFont(option.font)
            painter.setPen(QColor(sub))
            below = QRect(card.left() + PAD, top + title_h + 4, card.width() - 2 * PAD, rest_h)
            painter.drawText(below, flags, rest)
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
