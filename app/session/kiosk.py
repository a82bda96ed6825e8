"""Kiosk rules that need no window: the operator PIN, the visitor's private folder, idle policy.

Kept free of Qt so each rule is tested on its own and the shell (app/ui/kiosk) stays a thin
layer. Why the shapes below:

- The PIN is stored as ``pbkdf2_sha256$iterations$salt_b64$hash_b64``: salted so two kiosks with
  the same PIN differ, slow so a copied config file does not give the PIN away in seconds, and
  self-describing so the iteration count can rise without breaking old hashes.
- Wrong PINs back off exponentially: a visitor poking at the keypad gets nowhere, an operator
  who mistypes once waits a second.
- Each visitor's session lives in a private temp folder (mode 0700) used as the data dir of
  their store and audio; the reset closes the store and deletes the folder, so nothing a visitor
  said is left behind, whatever the code above it forgot to clean up.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
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
            return f"Wrong PIN. Try again in {max(1, round(self.wait_s))} seconds."
        return "Wrong PIN."


class PinGate:
    """Checks PINs with exponential back-off after wrong ones.

    During a back-off every attempt is refused without being checked (the right PIN too), so
    guessing costs time however fast the keypad is pressed.
    """

    def __init__(self, encoded: str, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.encoded = encoded
        self._clock = clock
        self.failures = 0
        self._locked_until = 0.0

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
            return PinResult(True)
        self.failures += 1
        over = self.failures - FREE_ATTEMPTS
        delay = 0.0 if over <= 0 else min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2 ** (over - 1))
        self._locked_until = self._clock() + delay
        return PinResult(False, delay)


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
def create_visit_dir(parent: Path | None = None) -> Path:
    """A fresh folder only this user can read, for one visitor's database and audio."""
    path = Path(tempfile.mkdtemp(prefix=VISIT_PREFIX, dir=parent))
    path.chmod(stat.S_IRWXU)
    (path / OWNER_FILE).write_text(str(os.getpid()), encoding="ascii")
    return path


def wipe_visit_dir(path: Path) -> list[Path]:
    """Delete a visitor's folder; returns whatever could not be deleted (empty when all went)."""
    if not path.name.startswith(VISIT_PREFIX):
        raise ValueError(f"{path} is not a visitor folder")  # never rmtree anything else
    shutil.rmtree(path, ignore_errors=True)
    if not path.exists():
        return []
    return [path, *sorted(path.rglob("*"))]


def stale_visit_dirs(parent: Path | None = None) -> list[Path]:
    """Visitor folders left by a crash or power cut (their process is gone); the kiosk deletes
    them when it starts. Folders of a kiosk still running are left alone."""
    root = Path(parent) if parent is not None else Path(tempfile.gettempdir())
    try:
        candidates = sorted(p for p in root.glob(VISIT_PREFIX + "*") if p.is_dir())
    except OSError:
        return []
    return [p for p in candidates if _stale(p)]


def _stale(path: Path) -> bool:
    try:
        if path.stat().st_uid != os.getuid():
            return False
        pid = int((path / OWNER_FILE).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return True  # no readable owner: a folder cut short; ours to remove
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


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
    with path.open("a", encoding="utf-8") as fh:
        fh.write(entry)
    return path


__all__ = [
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
