"""Kiosk rules that need no window: the operator PIN, the visitor's private folder, idle policy.

Kept free of Qt so each rule is tested on its own and the shell (app/ui/kiosk) stays a thin
layer. Why the shapes below:

- The PIN is stored as ``pbkdf2_sha256$iterations$salt_b64$hash_b64``: salted so two kiosks with
  the same PIN differ, slow so a copied config file does not give the PIN away in seconds, and
  self-describing so the iteration count can rise without breaking old hashes.
- Wrong PINs back off exponentially: a visitor poking at the keypad gets nowhere, an operator
  who mistypes once waits a second.
- Wrong-PIN back-off survives a restart: it is kept (wall-clock deadline, 0600) in the user's
  state folder, so pulling the plug does not buy a visitor fresh guesses.
- Each visitor's session lives in a private temp folder (mode 0700) used as the data dir of
  their store and audio; the reset closes the store and deletes the folder, so nothing a visitor
  said is left behind, whatever the code above it forgot to clean up. The kiosk holds an `flock`
  on the folder's `.owner` file while the visit lasts; the kernel drops it when the process dies,
  so a folder is "stale" exactly when nobody holds it, whatever PID was recorded (PIDs are reused
  after a reboot).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import secrets
import shutil
import stat
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Literal

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Linux or macOS
    fcntl = None  # type: ignore[assignment]

PIN_SCHEME = "pbkdf2_sha256"
PIN_ITERATIONS = 600_000
PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 12
SALT_BYTES = 16
BACKOFF_BASE_S = 1.0
BACKOFF_CAP_S = 300.0
FREE_ATTEMPTS = 1
VISIT_PREFIX = "frameshift-visit-"
OWNER_FILE = ".owner"
CRASH_LOG_NAME = "kiosk-errors.log"
BACKOFF_FILE = "kiosk-pin-backoff.json"
EXIT_OPERATOR_QUIT = 64
"""Exit status when the operator leaves the kiosk; the systemd unit does not restart on it."""

NO_PIN_MESSAGE = (
    "Kiosk mode needs an operator PIN, and none is set. Set one with "
    "'frameshift kiosk set-pin' (or 'python -m app kiosk set-pin'), then start the kiosk again. "
    "To try the kiosk without a PIN, start it with '--kiosk --kiosk-demo'."
)


class PinFormatError(ValueError):
    """A PIN that the keypad could not enter (not 4 to 12 digits)."""


# -- PIN hashing -------------------------------------------------------------------------------
def check_pin_format(pin: str) -> None:
    """Digits only, 4 to 12 of them: the operator types it on a touch keypad."""
    if not pin.isdigit() or not pin.isascii():
        raise PinFormatError("The PIN must be digits only (0-9).")
    if not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        raise PinFormatError(f"The PIN must have {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits.")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, *, iterations: int = PIN_ITERATIONS, salt: bytes | None = None) -> str:
    """The stored form of ``pin``; the PIN itself is never written anywhere."""
    check_pin_format(pin)
    if iterations < 1:
        raise ValueError("iterations must be positive")
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return f"{PIN_SCHEME}${iterations}${_b64(salt)}${_b64(digest)}"


def is_pin_hash(encoded: str) -> bool:
    """True when ``encoded`` looks like something :func:`hash_pin` produced."""
    try:
        _parse(encoded)
    except ValueError:
        return False
    return True


def _parse(encoded: str) -> tuple[int, bytes, bytes]:
    parts = encoded.split("$")
    if len(parts) != 4 or parts[0] != PIN_SCHEME:
        raise ValueError("not a pbkdf2_sha256 PIN hash")
    try:
        iterations = int(parts[1])
        salt = base64.b64decode(parts[2], validate=True)
        digest = base64.b64decode(parts[3], validate=True)
    except (ValueError, TypeError) as exc:
        raise ValueError("damaged PIN hash") from exc
    if iterations < 1 or not salt or not digest:
        raise ValueError("damaged PIN hash")
    return iterations, salt, digest


def verify_pin(pin: str, encoded: str) -> bool:
    """Constant-time check of ``pin`` against a stored hash; a damaged hash matches nothing."""
    try:
        iterations, salt, expected = _parse(encoded)
    except ValueError:
        return False
    actual = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return hmac.compare_digest(actual, expected)


@dataclass(frozen=True)
class PinResult:
    """The answer to one PIN attempt: accepted, or how long until the next try is heard."""

    ok: bool
    wait_s: float = 0.0

    @property
    def message(self) -> str:
        if self.ok:
            return ""
        if self.wait_s > 0:
            seconds = max(1, round(self.wait_s))
            return f"Wrong PIN. Try again in {seconds} second{'' if seconds == 1 else 's'}."
        return "Wrong PIN."


class PinGate:
    """Checks PINs with exponential back-off after wrong ones.

    During a back-off every attempt is refused without being checked (the right PIN too), so
    guessing costs time however fast the keypad is pressed. The failure count and the wait are
    kept on disk (``backoff_file``, by default in the user's state folder, 0600) and read back
    by the next gate, so restarting the kiosk does not reset them; ``persist=False`` keeps them
    in memory only.
    """

    def __init__(
        self,
        encoded: str,
        *,
        clock: Callable[[], float] = time.monotonic,
        backoff_file: Path | None = None,
        persist: bool = True,
    ) -> None:
        self.encoded = encoded
        self._clock = clock
        self.failures = 0
        self._locked_until = 0.0
        if persist and backoff_file is None:
            from app.config import state_dir

            backoff_file = state_dir() / BACKOFF_FILE
        self._file = backoff_file if persist else None
        self._load()

    def wait_s(self) -> float:
        """Seconds until the next attempt will be checked (0 when it would be now)."""
        return max(0.0, self._locked_until - self._clock())

    def attempt(self, pin: str) -> PinResult:
        wait = self.wait_s()
        if wait > 0:
            return PinResult(False, wait)
        if self.encoded and verify_pin(pin, self.encoded):
            self.failures = 0
            self._locked_until = 0.0
            self._save()
            return PinResult(True)
        self.failures += 1
        over = self.failures - FREE_ATTEMPTS
        delay = 0.0 if over <= 0 else min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2 ** (over - 1))
        self._locked_until = self._clock() + delay
        self._save()
        return PinResult(False, delay)

    def _load(self) -> None:
        if self._file is None:
            return
        try:
            data = json.loads(self._file.read_text(encoding="utf-8"))
            failures = int(data["failures"])
            until_wall = float(data["until"])
        except (OSError, ValueError, TypeError, KeyError):
            return
        self.failures = max(0, min(failures, 64))
        # Wall-clock on disk (the monotonic clock restarts with the machine); a clock moved
        # back cannot stretch the wait past the cap.
        remaining = min(BACKOFF_CAP_S, max(0.0, until_wall - time.time()))
        self._locked_until = self._clock() + remaining

    def _save(self) -> None:
        if self._file is None:
            return
        from app.config import write_private

        state = {"failures": self.failures, "until": time.time() + self.wait_s()}
        with contextlib.suppress(OSError):
            write_private(self._file, json.dumps(state), 0o600)


def start_problem(pin_hash: str, *, demo: bool) -> str | None:
    """Why the kiosk must not start (no usable PIN), or None when it may."""
    if demo:
        return None
    if not pin_hash:
        return NO_PIN_MESSAGE
    if not is_pin_hash(pin_hash):
        return (
            "The kiosk PIN in the config file is damaged (kiosk.pin_hash). Set it again with "
            "'frameshift kiosk set-pin'."
        )
    return None


# -- the visitor's private folder ---------------------------------------------------------------
_VISIT_LOCKS: dict[Path, int] = {}


def create_visit_dir(parent: Path | None = None) -> Path:
    """A fresh folder only this user can read, for one visitor's database and audio; this
    process holds its `.owner` lock until :func:`wipe_visit_dir`."""
    path = Path(tempfile.mkdtemp(prefix=VISIT_PREFIX, dir=parent))
    path.chmod(stat.S_IRWXU)
    fd = os.open(path / OWNER_FILE, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    os.write(fd, str(os.getpid()).encode("ascii"))
    _VISIT_LOCKS[path] = fd
    return path


def wipe_visit_dir(path: Path) -> list[Path]:
    """Delete a visitor's folder; returns whatever could not be deleted (empty when all went)."""
    if not path.name.startswith(VISIT_PREFIX):
        raise ValueError(f"{path} is not a visitor folder")  # never rmtree anything else
    shutil.rmtree(path, ignore_errors=True)
    fd = _VISIT_LOCKS.pop(path, None)
    if fd is not None:
        os.close(fd)
    if not path.exists():
        return []
    return [path, *sorted(path.rglob("*"))]


def stale_visit_dirs(parent: Path | None = None) -> list[Path]:
    """Visitor folders left by a crash or power cut (nobody holds their lock); the kiosk deletes
    them when it starts. Folders of a kiosk still running are left alone."""
    root = Path(parent) if parent is not None else Path(tempfile.gettempdir())
    try:
        candidates = sorted(p for p in root.glob(VISIT_PREFIX + "*") if p.is_dir())
    except OSError:
        return []
    return [p for p in candidates if _stale(p)]


def _stale(path: Path) -> bool:
    if path in _VISIT_LOCKS:
        return False
    try:
        if path.stat().st_uid != os.getuid():
            return False
        fd = os.open(path / OWNER_FILE, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return True  # no owner file: a folder cut short; ours to remove
    try:
        if fcntl is None:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # a live kiosk holds it
        return True
    finally:
        os.close(fd)


# -- idle policy --------------------------------------------------------------------------------
IdlePhase = Literal["active", "countdown", "reset"]


@dataclass(frozen=True)
class IdlePolicy:
    """After ``idle_s`` without input a countdown of ``countdown_s`` shows, then the reset."""

    idle_s: float
    countdown_s: float

    def phase(self, idle_for: float) -> IdlePhase:
        if idle_for < self.idle_s:
            return "active"
        if idle_for < self.idle_s + self.countdown_s:
            return "countdown"
        return "reset"

    def remaining_s(self, idle_for: float) -> int:
        """Whole seconds left on the countdown (what the visitor sees)."""
        left = self.idle_s + self.countdown_s - idle_for
        return max(0, int(left + 0.999))


# -- crash log ----------------------------------------------------------------------------------
def log_crash(
    data_dir: Path,
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    *,
    now: float | None = None,
) -> Path:
    """Append an unexpected error to the kiosk's log in the data dir.

    Only the exception type and the code locations are written, never the message: it could
    quote what a visitor said.
    """
    path = Path(data_dir) / CRASH_LOG_NAME
    stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(now))
    frames = "".join(
        f'  File "{f.filename}", line {f.lineno}, in {f.name}\n' for f in traceback.extract_tb(tb)
    )
    entry = f"--- {stamp} {exc_type.__module__}.{exc_type.__qualname__}\n{frames}"
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as fh:
        fh.write(entry)
    return path


__all__ = [
    "BACKOFF_FILE",
    "CRASH_LOG_NAME",
    "EXIT_OPERATOR_QUIT",
    "NO_PIN_MESSAGE",
    "IdlePolicy",
    "PinFormatError",
    "PinGate",
    "PinResult",
    "check_pin_format",
    "create_visit_dir",
    "hash_pin",
    "is_pin_hash",
    "log_crash",
    "stale_visit_dirs",
    "start_problem",
    "verify_pin",
    "wipe_visit_dir",
]
