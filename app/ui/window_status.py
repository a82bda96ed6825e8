"""The main window's status bar: one sentence about what just happened on the screen shown.
It goes when that screen does, and on the conversation (which has its own notice banner) the
bar shows only while it has a sentence."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMainWindow, QWidget

from app.ui.page_stack import PageStack
from app.ui.status_line import StatusLine


class ScreenStatus:
    """The status bar of ``window`` over its screens (``stack``); ``current`` names the screen
    shown without building any ("picker", "conversation", ...)."""

    def __init__(self, window: QMainWindow, stack: PageStack, current: Callable[[], str]) -> None:
        self.label = StatusLine()  # two lines tall: the screens above never move
        self._bar = window.statusBar()
        self._bar.addWidget(self.label, 1)
        self._stack = stack
        self._current = current
        self._said_on: QWidget | None = None  # the screen the sentence is about

    def say(self, text: str) -> None:
        """A sentence about the screen shown now."""
        self.label.setText(text)
        self._said_on = self._stack.currentWidget()
        self.show_or_hide()

    def screen_changed(self) -> None:
        """Another screen: a sentence about the last one ("All sessions ... deleted") goes."""
        if self._stack.currentWidget() is not self._said_on:
            self.label.setText("")
        self.show_or_hide()

    def show_or_hide(self) -> None:
        """The conversation has its own notice banner: there the empty two-line status bar
        only took room from the answer box (trial 7 G16/G29: a dead band above the kiosk's
        bar), so it shows only when it has something to say."""
        talking = self._current() == "conversation"  # never builds the screen (start-up)
        self._bar.setVisible(not talking or bool(self.label.text()))
