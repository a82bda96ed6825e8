"""A row of buttons that wraps onto the next line when the window is narrow (large text, the
kiosk's touch-size buttons, a small screen) instead of widening the window past the screen."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items left to right at their preferred size, wrapping onto as many lines as needed;
    with ``right=True`` each line ends at the right edge."""

    def __init__(
        self, parent: QWidget | None = None, spacing: int = 8, *, right: bool = False
    ) -> None:
        super().__init__(parent)
        self._right = right
        self._width = 0  # the width of the last geometry
        self._reported = 0  # the minimum height last reported
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # -- QLayout ----------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    # The wrapped height is reported as the minimum height for the width the layout has now,
    # not through height-for-width: a scroll area (the kiosk's pages) would otherwise size its
    # whole page from every widget's preferred height and scroll a page that fits.
    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)
        if rect.width() != self._width:
            self._width = rect.width()
            if self._height_for(self._width) != self._reported:
                self.invalidate()  # the parent asks minimumSize() again, for this width

    def sizeHint(self) -> QSize:
        width = sum(self._hint(i).width() + self._spacing for i in self._visible())
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), self.minimumSize().height())

    def minimumSize(self) -> QSize:
        size = QSize()
        for i in self._visible():
            size = size.expandedTo(self._items[i].minimumSize())
        m = self.contentsMargins()
        self._reported = self._height_for(self._width)
        return QSize(size.width() + m.left() + m.right(), self._reported)

    def _height_for(self, width: int) -> int:
        if width <= 0:  # not laid out yet: one line
            m = self.contentsMargins()
            tallest = max((self._hint(i).height() for i in self._visible()), default=0)
            return tallest + m.top() + m.bottom()
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    # -- layout -----------------------------------------------------------------------------
    def _visible(self) -> list[int]:
        return [i for i, item in enumerate(self._items) if not item.isEmpty()]

    def _hint(self, i: int) -> QSize:
        return self._items[i].sizeHint()

    def _size_in(self, i: int, room: int) -> QSize:
        """The item's size on a line ``room`` px wide: its preferred width, at most the room;
        a wrapping label as tall as its text needs at that width (never clipped)."""
        item = self._items[i]
        hint = item.sizeHint()
        width = max(1, min(hint.width(), room))
        if item.hasHeightForWidth():
            return QSize(width, max(hint.height(), item.heightForWidth(width)))
        return QSize(width, hint.height())

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        """Lay the items out in ``rect`` (or only measure); the height used."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        lines: list[list[int]] = [[]]
        used = 0
        for i in self._visible():
            w = self._hint(i).width()
            if lines[-1] and used + self._spacing + w > area.width():
                lines.append([])
                used = 0
            used += (self._spacing if lines[-1] else 0) + w
            lines[-1].append(i)
        y = area.top()
        for line in lines:
            if not line:
                continue
            height = max(self._size_in(i, area.width()).height() for i in line)
            if apply:
                self._place_line(line, area, y, height)
            y += height + self._spacing
        return y - self._spacing - area.top() + m.top() + m.bottom() if y > area.top() else 0

    def _place_line(self, line: list[int], area: QRect, y: int, height: int) -> None:
        widths = [self._size_in(i, area.width()).width() for i in line]
        used = sum(widths) + self._spacing * (len(line) - 1)
        x = area.left() + (max(0, area.width() - used) if self._right else 0)
        for i, w in zip(line, widths, strict=True):
            self._items[i].setGeometry(QRect(QPoint(x, y), QSize(w, height)))
            x += w + self._spacing
