"""The main window's status bar: one sentence about what just happened on the screen shown.
It goes when that screen does, and on the screens with a message line of their own (the
conversation's notice banner, the replay's line above its buttons) the bar shows only while it
has a sentence."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMainWindow, QWidget

from app.ui.page_stack import PageStack
from app.ui.status_line import StatusLine

#: Screens that say their own messages: an empty two-line bar there is only a dead band at the
#: window's foot (the replay lost 53 px at 1280x800 to it, under its own action bar).
OWN_MESSAGES = frozenset({"conversation", "results"})


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
        self._quiet_when_empty = False  # a booth visitor's window: see only_when_saying

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

    def only_when_saying(self) -> None:
        """On every screen, show the bar only with a sentence (the kiosk: on a 600 px booth
        screen the empty bar was a 53 px dead band above the visit's own buttons)."""
        self._quiet_when_empty = True
        self.show_or_hide()

    def show_or_hide(self) -> None:
        """The conversation has its own notice banner and the replay its own message line:
        there the empty two-line status bar only took room from the screen (trial 7 G16/G29:
        a dead band above the kiosk's bar), so it shows only when it has something to say."""
        own = self._quiet_when_empty or self._current() in OWN_MESSAGES  # builds no screen
        self._bar.setVisible(not own or bool(self.label.text()))
