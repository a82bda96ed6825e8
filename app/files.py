"""Opening a file the user named, safely: never blocking on a FIFO or device, refusing anything
but a regular file before reading a byte. Settings, scenario files and WAV answers all come in
this way; each caller words the refusal for its own kind of file."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


class NotARegularFileError(OSError):
    """The path is a pipe, socket or device (a folder is IsADirectoryError)."""


@contextmanager
def open_regular(path: str | Path) -> Iterator[tuple[BinaryIO, os.stat_result]]:
    """The open file and its stat, for reading. Raises FileNotFoundError and other OSErrors as
    ``os.open`` does, IsADirectoryError for a folder, NotARegularFileError for a pipe or device,
    and OSError(EINVAL) for a name no file can have (an embedded NUL)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except ValueError:
        raise OSError(errno.EINVAL, "not a usable file name", repr(str(path))) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFileError(
                errno.EINVAL, "not a regular file (a pipe or device?)", str(path)
            )
        with os.fdopen(os.dup(fd), "rb") as fh:
            yield fh, info
    finally:
        os.close(fd)


__all__ = ["NotARegularFileError", "open_regular"]
