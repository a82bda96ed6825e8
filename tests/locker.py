"""Another process holding a history's write lock, as a second Frameshift or `frameshift delete`
mid-transaction would: shared by the tests of what the app does while a write is refused."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
sys.stdin.readline()
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
print("released", flush=True)
"""


class Locker:
    """Takes ``db``'s write lock when told (:meth:`take`) and holds it ``hold`` seconds. The
    process is started at construction, so forking is not counted where a test times the app."""

    def __init__(self, db: Path, hold: float) -> None:
        self.hold = hold
        self.proc = subprocess.Popen(
            [sys.executable, "-c", LOCKER, str(db), str(hold)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.locked = threading.Event()
        self.released = threading.Event()
        self.taken: float | None = None
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.strip() == "locked":
                self.locked.set()
            elif line.strip() == "released":
                self.released.set()

    def take(self, qtbot: Any = None) -> None:
        """Lock now and return once locked; with ``qtbot``, wait through the event loop."""
        assert self.proc.stdin is not None
        self.proc.stdin.write("lock\n")
        self.proc.stdin.flush()
        if qtbot is not None:
            qtbot.waitUntil(self.locked.is_set, timeout=30_000)
        else:
            assert self.locked.wait(30), "the other process could not take the lock"
        self.taken = time.monotonic()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()
