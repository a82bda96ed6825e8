"""What a typed answer may hold: anything a person writes (any script, emoji, joiners), never
the invisible controls a paste can carry. Terminal colour codes (ESC [ 31 m), other C0 and C1
control characters and the bidi embeddings/overrides/isolates that reorder the letters drawn
around them (U+202A-202E, U+2066-2069: "evil" shown as "live") are removed before the answer
is shown or stored; a tab or line break becomes a space."""

from __future__ import annotations

import re

_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]")
_SPACE = re.compile(r"[\t\n\v\f\r\x85\u2028\u2029]")
_DROP = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean_typed(text: str) -> str:
    """``text`` without control characters or bidi overrides, spaces where lines broke."""
    text = _ANSI.sub("", text)
    text = _SPACE.sub(" ", text)
    return _DROP.sub("", text).strip()
