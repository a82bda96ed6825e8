"""A row of buttons that wraps onto the next line when the window is narrow (large text, the
kiosk's touch-size buttons, a small screen) instead of widening the window past the screen."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items left to right at their preferred size, wrapping onto as many lines as needed."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
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

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        width = sum(self._hint(i).width() + self._spacing for i in self._visible())
        height = max((self._hint(i).height() for i in self._visible()), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for i in self._visible():
            size = size.expandedTo(self._items[i].minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # -- layout -----------------------------------------------------------------------------
    def _visible(self) -> list[int]:
        return [i for i, item in enumerate(self._items) if not item.isEmpty()]

    def _hint(self, i: int) -> QSize:
        return self._items[i].sizeHint()

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
            height = max(self._hint(i).height() for i in line)
            if apply:
                self._place_line(line, area, y, height)
            y += height + self._spacing
        return y - self._spacing - area.top() + m.top() + m.bottom() if y > area.top() else 0

    def _place_line(self, line: list[int], area: QRect, y: int, height: int) -> None:
        x = area.left()
        for i in line:
            w = min(self._hint(i).width(), area.width())
            self._items[i].setGeometry(QRect(QPoint(x, y), QSize(w, height)))
            x += w + self._spacing
