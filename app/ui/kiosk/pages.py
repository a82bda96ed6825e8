"""The kiosk's pages, one at a time, each in a scroll area that scrolls down only: a page taller
than a small screen scrolls instead of pushing the window out of full screen, and every page is
laid out at the screen's width, so nothing is cut off at the right edge on the first paint."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QStackedWidget, QWidget


class PageStack(QStackedWidget):
    """Pages shown by :meth:`show_page`; :attr:`current_page` is the one on screen."""

    def __init__(self, first: QWidget, *more: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scrolls: dict[int, QScrollArea] = {}
        for page in (first, *more):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(page)
            self._scrolls[id(page)] = scroll
            self.addWidget(scroll)
        self._first = first

    @property
    def current_page(self) -> QWidget:
        scroll = self.currentWidget()
        page = scroll.widget() if isinstance(scroll, QScrollArea) else None
        return page if page is not None else self._first

    def show_page(self, page: QWidget) -> None:
        self.setCurrentWidget(self._scrolls[id(page)])
