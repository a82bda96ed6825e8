"""A stop request from outside (SIGTERM, SIGHUP, SIGINT) ends the event loop like a quit.

Python's default SIGTERM kills the process on the spot: no ``shutdown()``, so a kiosk stopped
mid-visit (``systemctl stop``, a logout, ``kill``) left the visitor's database and words in its
temp folder until the next start, and a window left its store unclosed. Python runs a signal's
handler only between bytecodes, which never happens while Qt's event loop waits in C++; so the
signal's C handler writes a byte to a socket (``signal.set_wakeup_fd``) that a
:class:`QSocketNotifier` watches, and the loop wakes, runs the handler, and exits with the code
below. What follows ``exec()`` (the kiosk erasing the visit, the window closing its store) then
runs as on any quit.
"""

from __future__ import annotations

import signal
import socket
from types import FrameType

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier

STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


def exit_code(signum: int) -> int:
    """0 for SIGTERM (a polite stop: systemd's own, which must not count as a failure);
    128 + the signal's number otherwise, as a shell reports it (130 for Ctrl+C)."""
    return 0 if signum == signal.SIGTERM else 128 + signum


class StopSignals(QObject):
    """While installed, each of :data:`STOP_SIGNALS` makes ``qapp.exec()`` return."""

    def __init__(self, qapp: QCoreApplication) -> None:
        super().__init__(qapp)
        self.qapp = qapp
        self.received: int | None = None
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._write.fileno())
        self._previous = {sig: signal.signal(sig, self._handle) for sig in STOP_SIGNALS}
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._wake)

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        self.received = signum  # only noted: Qt is told from the notifier's slot

    def _wake(self) -> None:
        try:
            while self._read.recv(64):
                pass
        except (BlockingIOError, InterruptedError):
            pass
        if self.received is not None:
            self.qapp.exit(exit_code(self.received))  # every running event loop returns

    def uninstall(self) -> None:
        """Give the signals back to whoever had them (tests install and remove it)."""
        self._notifier.setEnabled(False)
        for sig, previous in self._previous.items():
            signal.signal(sig, previous)
        signal.set_wakeup_fd(self._previous_fd)
        self._read.close()
        self._write.close()


__all__ = ["STOP_SIGNALS", "StopSignals", "exit_code"]
