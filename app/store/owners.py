"""Which sessions a live process is rehearsing right now.

The process that creates a session holds an exclusive `flock` on `<database>-owners/<id>.lock`
until the session ends or the process dies; the kernel drops the lock the moment the process is
gone (SIGKILL and power cuts included), so unlike a recorded PID it cannot be fooled by a PID
reused after a reboot. Start-up recovery marks "interrupted" only sessions nobody holds, and a
delete refuses a session another process is still rehearsing.

Best effort by design: where locks cannot be taken (no `fcntl`, a full or read-only disk) the
store behaves as before and treats every session as unowned.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Linux or macOS
    fcntl = None  # type: ignore[assignment]


class Owners:
    """The session locks beside one database file."""

    def __init__(self, database: Path) -> None:
        self.folder = Path(f"{database}-owners")
        self._held: dict[int, int] = {}

    def _file(self, session_id: int) -> Path:
        return self.folder / f"{int(session_id)}.lock"

    def claim(self, session_id: int) -> bool:
        """Hold session `session_id` for this Store; False when no lock could be taken."""
        if fcntl is None or session_id in self._held:
            return session_id in self._held
        try:
            self.folder.mkdir(mode=0o700, exist_ok=True)
            fd = os.open(
                self._file(session_id), os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600
            )
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._held[session_id] = fd
        return True

    def release(self, session_id: int) -> None:
        fd = self._held.pop(session_id, None)
        if fd is None:
            return
        with contextlib.suppress(OSError):
            self._file(session_id).unlink()
        os.close(fd)

    def release_all(self) -> None:
        for session_id in list(self._held):
            self.release(session_id)

    def holds(self, session_id: int) -> bool:
        return session_id in self._held

    def owned_elsewhere(self, session_id: int) -> bool:
        """Whether another Store (in this or another process) holds the session now."""
        if fcntl is None or session_id in self._held:
            return False
        try:
            fd = os.open(self._file(session_id), os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        finally:
            os.close(fd)
        return False

    def forget(self, session_id: int) -> None:
        """Remove the lock file of a session nobody holds (after recovery or a delete)."""
        if session_id not in self._held:
            with contextlib.suppress(OSError):
                self._file(session_id).unlink()

    def tidy(self) -> None:
        """Remove the lock folder when no lock is left in it."""
        with contextlib.suppress(OSError):
            self.folder.rmdir()
