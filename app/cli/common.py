"""What every sub-command shares: exit codes, the one-line error, safe output, argument types.

Sub-command modules import this module, never `app.cli.main`, so the command table in main can
import them lazily without an import circle.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from app.config import LoadedSettings, Settings, state_dir

if TYPE_CHECKING:
    from app.store import Store

EXIT_OK = 0
EXIT_BAD_INPUT = 2
#: The largest id SQLite can store; anything above is no session at all.
MAX_ID = 2**63 - 1

# C0 and C1 control characters except tab and newline: what a terminal would act on; and the
# bidirectional formatting characters, which reorder what the reader sees ("Trojan Source").
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class CliError(Exception):
    """Bad input from the command line; the message is shown as one line."""


@dataclass
class Context:
    """One run of one command: its arguments, settings and streams."""

    args: argparse.Namespace
    loaded: LoadedSettings
    stdin: TextIO
    stdout: TextIO
    stderr: TextIO

    @property
    def settings(self) -> Settings:
        return self.loaded.settings


def print_json(obj: object, stdout: TextIO, *, indent: int | None = 2) -> None:
    stdout.write(json.dumps(obj, indent=indent, ensure_ascii=False) + "\n")


def strip_controls(text: str) -> str:
    """`text` without the control characters a terminal would obey (escape sequences, bells)."""
    return _CONTROL.sub("", text)


class TerminalWriter:
    """A text stream for a terminal: control characters in what is written are dropped, so a
    scenario title cannot move the cursor, retitle the window or hide text."""

    def __init__(self, target: TextIO) -> None:
        self._target = target

    def write(self, text: str) -> int:
        return self._target.write(strip_controls(text))

    def flush(self) -> None:
        self._target.flush()

    def isatty(self) -> bool:
        return True

    def __getattr__(self, name: str) -> object:
        return getattr(self._target, name)


def for_terminal(stream: TextIO) -> TextIO:
    """`stream` itself, or a TerminalWriter around it when it is a terminal."""
    try:
        tty = stream.isatty()
    except (ValueError, OSError):
        tty = False
    return TerminalWriter(stream) if tty else stream  # type: ignore[return-value]


def bounded_int(low: int, high: int, what: str = "a whole number") -> Callable[[str], int]:
    """An argparse type: a whole number in [low, high], else a one-line usage error."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip(), 10)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is out of range ({low} to {high})")
        return value

    parse.__name__ = what
    return parse


def session_id_type() -> Callable[[str], int]:
    return bounded_int(1, MAX_ID, "a session id (a whole number from 1)")


def read_limited(path: str | Path, limit: int) -> bytes:
    """A file's bytes, at most `limit` of them: a device that never ends (/dev/zero) or a huge
    file is refused rather than read into memory, and a FIFO without a writer does not hang.

    Raises OSError (with a sentence as strerror) or ValueError for an impossible name.
    """
    import errno
    import fcntl
    import stat

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder, not a file")
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise OSError(errno.EFBIG, f"is larger than {limit // 1_000_000} MB")
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)  # a FIFO's writer may be slow
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise OSError(errno.EFBIG, f"is larger than {limit // 1_000_000} MB")
        return b"".join(chunks)
    finally:
        os.close(fd)


@contextlib.contextmanager
def reading_history(path: Path) -> Iterator[Store | None]:
    """The history at `path` opened read-only for a command that only reads (history, export):
    None when nothing was ever saved there. Whatever is wrong with it (a file where the data
    folder goes, a folder where the file goes, damaged pages, a damaged row, locked, too new)
    leaves as a CliError: the sentence and the way forward the window gives, never a traceback.
    """
    from app.store import DatabaseCorrupt, NoSuchHistory, Store, StoreError, wrong_kind

    problem = wrong_kind(path)
    if problem is not None:
        raise CliError(f"{problem.message} {problem.hint}")
    try:
        try:
            store = Store.open_read_only(path)
        except NoSuchHistory:
            yield None
            return
        with store:
            if not store.pages_readable():  # the window's start-up check
                raise DatabaseCorrupt(path)
            try:
                yield store
            except (ValueError, TypeError, OverflowError) as exc:
                # A damaged row: text where JSON or a number was written (the body only reads
                # rows and formats them, so these errors can only come from what was read).
                raise DatabaseCorrupt(path) from exc
    except StoreError as exc:
        raise CliError(f"{exc.message} {exc.hint}") from exc


def crash_dir() -> Path:
    return state_dir() / "crash"


def write_crash_log(exc: BaseException) -> Path | None:
    """The traceback in a new file of the user's own state folder (0600, never through a link).

    Returns None when no log could be written.
    """
    folder = crash_dir()
    text = "".join(traceback.format_exception(exc))
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        folder.chmod(0o700)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        for n in range(100):
            path = (
                folder / f"frameshift-crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{n}.log"
            )
            try:
                fd = os.open(path, flags, 0o600)
            except FileExistsError:
                continue
            with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as fh:
                fh.write(text)
            return path
    except OSError:
        return None
    return None


def safe_stream(stream: TextIO) -> None:
    """Let a real stdout/stderr print any text (surrogates from undecodable bytes included)."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and stream in (sys.stdout, sys.stderr, sys.__stdout__):
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="backslashreplace")
