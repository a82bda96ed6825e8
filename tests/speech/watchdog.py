"""A main-thread stall watchdog: fails a soak on any GUI-thread stall over a limit, with a dump.

A GUI-thread timer beats every 50 ms and re-arms :func:`faulthandler.dump_traceback_later`. That
timer lives in C and needs no GIL, so even a deadlock in which the GUI thread holds the GIL (the
freeze this soak exists for) gets every thread's Python stack written to ``dump_path``. Stalls
shorter than the limit are measured too (the longest gap between beats).
"""

from __future__ import annotations

import faulthandler
import time
from pathlib import Path
from typing import IO

from PySide6.QtCore import QTimer


class StallWatchdog:
    """``start()``, run the soak, ``stop()``; then ``stalls`` (seconds) and ``dump`` (text)."""

    def __init__(self, dump_path: Path, limit_s: float = 2.0, beat_ms: int = 50) -> None:
        self.dump_path = Path(dump_path)
        self.limit_s = limit_s
        self.stalls: list[float] = []
        self.longest_gap_s = 0.0
        self.dump = ""
        self._file: IO[str] | None = None
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setInterval(beat_ms)
        self._timer.timeout.connect(self._beat)

    def start(self) -> None:
        self._file = self.dump_path.open("w+", encoding="utf-8")
        self._last = time.monotonic()
        self._arm()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        faulthandler.cancel_dump_traceback_later()
        if self._file is not None:
            self._file.flush()
            self._file.close()
            self._file = None
        self.dump = self.dump_path.read_text(encoding="utf-8", errors="replace")

    @property
    def ok(self) -> bool:
        return not self.stalls and not self.dump.strip()

    def report(self) -> str:
        if self.ok:
            return f"no stall (longest gap {self.longest_gap_s * 1000:.0f} ms)"
        stalls = ", ".join(f"{s:.1f} s" for s in self.stalls)
        return f"main thread stalled: {stalls}\n{self.dump}"

    def _arm(self) -> None:
        assert self._file is not None
        faulthandler.cancel_dump_traceback_later()
        faulthandler.dump_traceback_later(self.limit_s, repeat=False, file=self._file)

    def _beat(self) -> None:
        now = time.monotonic()
        gap = now - self._last
        self._last = now
        self.longest_gap_s = max(self.longest_gap_s, gap)
        if gap > self.limit_s:
            self.stalls.append(gap)
        self._arm()
