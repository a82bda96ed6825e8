"""A value loaded once per process, by whichever caller (or background thread) comes first.

The sentence encoder and the framing model both load this way: heavy, optional, and never
worth loading twice. A loader returns the value, or None and a sentence saying why not.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

#: Background loads still running when the process exits are waited for, at most this long.
EXIT_WAIT_S = 30.0
_RUNNING: set[threading.Thread] = set()
_RUNNING_LOCK = threading.Lock()


def finish_before_exit(thread: threading.Thread) -> threading.Thread:
    """Start ``thread`` (a daemon that loads a model) and have the process's exit wait for it.

    An exit while onnxruntime builds a session on a daemon thread aborts in the C++ runtime
    ("terminate called without an active exception", exit code 134: review 10 R26), e.g. a
    user quitting just after the window appears, or a test run ending with every test green.
    Daemon still, so nothing else (a test's thread-leak check, a join) waits for it."""
    with _RUNNING_LOCK:
        finished = [t for t in _RUNNING if t.ident is not None and not t.is_alive()]
        _RUNNING.difference_update(finished)
        _RUNNING.add(thread)
    thread.start()
    return thread


@atexit.register
def _wait_for_loads() -> None:
    with _RUNNING_LOCK:
        running = list(_RUNNING)
    for thread in running:
        thread.join(EXIT_WAIT_S)


class LoadOnce(Generic[T]):
    """``get()`` loads on first use and waits; ``in_background()`` starts it early."""

    def __init__(self, loader: Callable[[], tuple[T | None, str | None]], name: str) -> None:
        self._loader = loader
        self._name = name
        self._lock = threading.Lock()
        self.done = threading.Event()
        self.started = False
        self.value: T | None = None
        self.notice: str | None = None

    def load(self) -> None:
        with self._lock:
            if self.started:
                return
            self.started = True
        try:
            self.value, self.notice = self._loader()
        finally:
            self.done.set()

    @property
    def settled(self) -> bool:
        """The load has finished: ``value`` is final (None: unavailable, ``notice`` says why)."""
        return self.done.is_set()

    def get(self, wait: bool = True, *, start: bool = False) -> T | None:
        """The value, or None when unavailable (or, with ``wait=False``, not loaded yet; then
        ``start`` begins the load on a daemon thread, so a caller that never waits still gets
        the value later)."""
        if not wait:
            if start and not self.started:
                self.in_background()
            return self.value if self.done.is_set() else None
        self.load()
        self.done.wait()
        return self.value

    def in_background(self) -> threading.Thread:
        """Start loading on a daemon thread (a no-op once started)."""
        thread = threading.Thread(target=self.load, name=self._name, daemon=True)
        return finish_before_exit(thread)


__all__ = ["LoadOnce", "finish_before_exit"]
