"""Plain-words text for the replay screen: what a cue means and why the talk tipped."""

from __future__ import annotations

import re
from typing import Final

from app.framing.model import CueMatch
from app.framing.vocabulary import CUE_SPECS, MANAGER_CUES, SEEKER_CUES

_CONTEXT_CHARS: Final = 40  # words quoted either side of a cue, within its sentence
_QUOTE_CHARS: Final = 100
_SPACES: Final = re.compile(r"[\s\x00-\x1f\x7f]+")
_SENTENCE_END: Final = re.compile(r"[.?!;\n]")


def explain_cue(cue: str) -> str:
    """What a cue means, in plain words (for legends and tooltips)."""
    if cue in SEEKER_CUES:
        return f"The seeker {SEEKER_CUES[cue]}."
    if cue in MANAGER_CUES:
        return f"The manager {MANAGER_CUES[cue]}."
    return f"{quote(cue)} is not a cue Frameshift knows."


def quote(text: str) -> str:
    """`text` in double quotes on one line, shortened so a sentence around it stays readable."""
    flat = _SPACES.sub(" ", text).strip()
    if len(flat) > _QUOTE_CHARS:
        flat = flat[: _QUOTE_CHARS - 1].rstrip() + "…"
    return f'"{flat}"'


def excerpt(text: str, start: int, end: int) -> str:
    """The words around `text[start:end]` within its sentence, marked with … where cut."""
    begin = 0
    for stop in _SENTENCE_END.finditer(text, 0, start):
        begin = stop.end()
    stop_after = _SENTENCE_END.search(text, end)
    finish = len(text) if stop_after is None else stop_after.end()
    head, tail = "", ""
    if start - begin > _CONTEXT_CHARS:
        space = text.find(" ", start - _CONTEXT_CHARS, start)
        begin, head = (space + 1, "…") if space != -1 else (start, "…")
    if finish - end > _CONTEXT_CHARS:
        space = text.rfind(" ", end, end + _CONTEXT_CHARS)
        finish, tail = (space, "…") if space != -1 else (end, "…")
    return head + text[begin:finish].strip() + tail


def explain_shift(cue: CueMatch, turn_text: str, question: str | None) -> str:
    """One sentence a coach would write about the turn where the talk tipped.

    `question` is the manager's commitment question the cue answered, if it answered one.
    """
    if cue.cue == "commitment" and question:
        return (
            f"Answering {quote(cue.text)} to {quote(question)} committed you to a job you knew "
            "little about, so the talk became an interview."
        )
    spec = CUE_SPECS.get(cue.cue)
    template = (
        spec.tip if spec is not None and spec.tip else "Saying {words} made the talk an interview."
    )
    return template.format(words=quote(excerpt(turn_text, cue.start, cue.end)))
