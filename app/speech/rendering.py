"""Where every voice engine writes a line: a hidden temporary WAV beside the target, moved into
place only when the engine finished it, and removed whatever happens otherwise (so a crash or a
killed render leaves no half-written file in the cache; stale ``.render-*`` files are swept by
the cache)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.speech.errors import SpeechError


@contextmanager
def rendering(text: str, out: Path) -> Iterator[Path]:
    """Refuse an empty line, then yield the temporary WAV to write ``text`` into; when the block
    ends without an error it atomically becomes ``out``."""
    if not text.strip():
        raise SpeechError("There is nothing to say: the line is empty.")
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(suffix=".wav", dir=out.parent, prefix=".render-")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)


__all__ = ["rendering"]
