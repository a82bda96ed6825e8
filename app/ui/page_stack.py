"""Screens shown one at a time, each in a scroll area that scrolls down only: a screen taller
than a small screen (large text on a 1024x600 netbook, or the kiosk's) scrolls instead of
growing the window past the screen's edge, and every screen is laid out at the window's width,
so nothing is cut off at the right edge on the first paint. The desktop window and the kiosk
both use it; a screen that scrolls by itself (the conversation's fitting page) goes in as it is.

``currentWidget()`` and ``setCurrentWidget()`` speak of the screens, not of their scroll areas,
so callers never see the wrapping."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QStackedWidget, QWidget


class PageStack(QStackedWidget):
    """Pages shown by :meth:`show_page`; :attr:`current_page` is the one on screen."""

    def __init__(self, *pages: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._holders: dict[int, QWidget] = {}
        for page in pages:
            self.add_page(page)

    def add_page(self, page: QWidget, *, scroll: bool = True) -> QWidget:
        holder: QWidget = page
        if scroll:
            area = QScrollArea()
            area.setWidgetResizable(True)
            area.setFrameShape(QScrollArea.Shape.NoFrame)
            area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            area.setWidget(page)
            holder = area
        self._holders[id(page)] = holder
        self.addWidget(holder)
        return page

    @property
    def current_page(self) -> QWidget:
        """The page on screen (the first one added before any is shown)."""
        holder = QStackedWidget.currentWidget(self)
        if isinstance(holder, QScrollArea) and id(holder) not in self._holders:
            holder = holder.widget()  # a wrapped page
        if holder is None:
            raise LookupError("no page has been added")
        return holder

    def show_page(self, page: QWidget) -> None:
        QStackedWidget.setCurrentWidget(self, self._holders[id(page)])

    def currentWidget(self) -> QWidget | None:
        return self.current_page if self.count() else None

    def setCurrentWidget(self, page: QWidget) -> None:
        self.show_page(page)
