"""The exchange as chat bubbles: the manager on the left, you on the right. A QListWidget keeps
the items (their text is what a screen reader and the tests read: "Them: …" / "You: …"); this
delegate only paints them."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QListWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.ui.frames import frame_colour, frame_style
from app.ui.theme import current_colours

SPEAKER_ROLE = Qt.ItemDataRole.UserRole  # "manager" or the answer's frame
BODY_ROLE = Qt.ItemDataRole.UserRole + 1  # the words alone, without "Them:"/"You:"
LABEL_ROLE = Qt.ItemDataRole.UserRole + 2  # True: show the frame label under the answer
PAD_X, PAD_Y, GAP, RADIUS, SHARE = 14, 10, 8, 14, 0.72

Index = QModelIndex | QPersistentModelIndex


class BubbleDelegate(QStyledItemDelegate):
    """Paints each item of the exchange as a rounded bubble, wrapping its words."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    def _max_text_width(self) -> int:
        width = self._view.viewport().width()
        return max(120, int(width * SHARE) - 2 * PAD_X)

    @staticmethod
    def _label(index: Index) -> str:
        if not index.data(LABEL_ROLE):
            return ""
        style = frame_style(str(index.data(SPEAKER_ROLE)))
        return f"{style.symbol} {style.label}"

    def _small(self, font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.86))
        return small

    def _text_rect(self, font: QFont, index: Index) -> QRect:
        text = str(index.data(BODY_ROLE) or index.data(Qt.ItemDataRole.DisplayRole) or "")
        flags = int(Qt.TextFlag.TextWordWrap)
        box = QRect(0, 0, self._max_text_width(), 100_000)
        return QFontMetrics(font).boundingRect(box, flags, text)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        rect = self._text_rect(option.font, index)
        height = rect.height() + 2 * PAD_Y + GAP
        if self._label(index):
            height += QFontMetrics(self._small(option.font)).height() + 4
        return QSize(self._view.viewport().width(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        colours = current_colours()
        mine = index.data(SPEAKER_ROLE) != "manager"
        text = str(index.data(BODY_ROLE) or "")
        label = self._label(index)
        text_rect = self._text_rect(option.font, index)
        small = self._small(option.font)
        width = text_rect.width()
        if label:
            width = max(width, QFontMetrics(small).horizontalAdvance(label))
        outer = option.rect
        bubble = QRect(0, 0, width + 2 * PAD_X, outer.height() - GAP)
        left = outer.right() - bubble.width() - 4 if mine else outer.left() + 4
        bubble.moveTopLeft(outer.topLeft())
        bubble.moveLeft(left)
        bubble.moveTop(outer.top() + GAP // 2)
        fill = colours.you_bubble if mine else colours.manager_bubble
        ink = colours.you_bubble_text if mine else colours.manager_bubble_text

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        state = option.state
        focused = bool(state & QStyle.StateFlag.State_Selected) and self._view.hasFocus()
        outline = QColor(colours.focus if focused else colours.border)
        painter.setPen(QPen(outline, 3 if focused else 1))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(bubble.adjusted(1, 1, -1, -1), RADIUS, RADIUS)
        painter.setPen(QColor(ink))
        painter.setFont(option.font)
        body = QRect(bubble.left() + PAD_X, bubble.top() + PAD_Y, width, text_rect.height())
        painter.drawText(body, int(Qt.TextFlag.TextWordWrap), text)
        if label:
            painter.setFont(small)
            symbol, word = label.split(" ", 1)
            metrics = QFontMetrics(small)
            tag = QRect(body.left(), body.bottom() + 4, width, metrics.height())
            painter.setPen(frame_colour(str(index.data(SPEAKER_ROLE))))  # the shape: 3:1 role
            painter.drawText(tag, int(Qt.AlignmentFlag.AlignLeft), symbol)
            painter.setPen(QColor(ink))  # the word: text contrast
            tag.setLeft(tag.left() + metrics.horizontalAdvance(symbol + " "))
            painter.drawText(tag, int(Qt.AlignmentFlag.AlignLeft), word)
        painter.restore()


def make_exchange_list(view: QListWidget, parent: QWidget | None = None) -> QListWidget:
    """Turn a list widget into the bubble exchange (no selection colours, smooth scrolling)."""
    view.setItemDelegate(BubbleDelegate(view))
    view.setResizeMode(QListWidget.ResizeMode.Adjust)
    view.setUniformItemSizes(False)
    view.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
    view.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setWordWrap(True)
    return view
