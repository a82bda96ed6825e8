"""The "still there?" overlay: a visible countdown before the visitor's session is erased.

Its colours are the theme's ``countdown_bg``/``countdown_text`` roles (assets/styles), checked
for contrast with the other theme roles; nothing here sets a colour."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.session.kiosk import IdlePolicy

IDLE_TICK_MS = 200
MARGIN_PX, SMALL_MARGIN_PX = 48, 16  # around the words; the smaller below SMALL_SCREEN_PX
SMALL_SCREEN_PX = 560  # a booth screen this short or narrow (800x600 at 150%: 533x400)


class CountdownOverlay(QWidget):
    """Covers the kiosk while the idle countdown runs; touching it keeps the session.

    Signals:
        cancelled(): the visitor touched the overlay.
    """

    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kioskCountdown")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.remaining = 0
        self.seconds = QLabel()
        self.seconds.setObjectName("kioskCountdownSeconds")
        self.seconds.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label = QLabel()
        self.label.setObjectName("kioskCountdownText")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN_PX, MARGIN_PX, MARGIN_PX, MARGIN_PX)
        layout.setSpacing(0)
        layout.addStretch(1)
        layout.addWidget(self.seconds)
        layout.addWidget(self.label)
        layout.addStretch(1)
        parent.installEventFilter(self)
        self.hide()

    def show_remaining(self, seconds: int) -> None:
        self.remaining = seconds
        unit = "second" if seconds == 1 else "seconds"
        self.label.setText(
            f"Still there?\n\nThis session will be erased in {seconds} {unit}.\n"
            "Touch the screen or press any key to keep going."
        )
        self.seconds.setText(str(seconds))
        self.setAccessibleDescription(self.label.text())
        if not self.isVisible():
            self.setGeometry(self.parentWidget().rect())  # type: ignore[union-attr]
            self._fit_margins()
            self.show()
            self.raise_()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.hide()
        self.cancelled.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
            self._fit_margins()
        return False

    def _fit_margins(self) -> None:
        """On a small screen the margins give way, so the countdown's words are never cut."""
        small = min(self.width(), self.height()) < SMALL_SCREEN_PX
        m = SMALL_MARGIN_PX if small else MARGIN_PX
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(m, m, m, m)


class IdleWatch(QObject):
    """Watches for a visitor who walked away: after ``policy().idle`` seconds without activity
    the countdown overlay shows over ``host``; when it runs out, ``expired`` is emitted.

    Signals:
        countdown_shown(int): the countdown is on screen (seconds left).
        countdown_cancelled(): activity during the countdown kept the session.
        expired(): the countdown ran out.
    """

    countdown_shown = Signal(int)
    countdown_cancelled = Signal()
    expired = Signal()

    def __init__(
        self,
        host: QWidget,
        policy: Callable[[], IdlePolicy],
        clock: Callable[[], float],
        watching: Callable[[], bool] = lambda: True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._watching = watching  # false: nobody to watch (the attract screen is up)
        self._policy = policy
        self._clock = clock
        self._last_activity = clock()
        self.overlay = CountdownOverlay(host)
        self.overlay.cancelled.connect(self.note_activity)
        self._timer = QTimer(self)
        self._timer.setInterval(IDLE_TICK_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        """Watch from now (a visit or the operator's pages began)."""
        self.note_activity()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.overlay.hide()

    def note_activity(self) -> None:
        self._last_activity = self._clock()
        if self.overlay.isVisible():
            self.overlay.hide()
            self.countdown_cancelled.emit()

    def check(self) -> None:
        """Show, update or act on the countdown (the timer calls this every tick)."""
        if not self._watching():
            self.stop()
            return
        idle_for = self._clock() - self._last_activity
        policy = self._policy()
        phase = policy.phase(idle_for)
        if phase == "active":
            self.overlay.hide()
        elif phase == "countdown":
            seconds = policy.remaining_s(idle_for)
            if not self.overlay.isVisible() or self.overlay.remaining != seconds:
                self.overlay.show_remaining(seconds)
                self.countdown_shown.emit(seconds)
        else:
            self.expired.emit()
