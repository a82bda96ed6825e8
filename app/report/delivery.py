"""Delivery: speaking pace from the recorded answers and filler words counted in their text.

Pace is words per minute of *speech*: each voice answer's WAV is measured with numpy, leading
and trailing silence trimmed, so a long pause before answering does not count as slow speech.
Fillers are counted in the recognized text, so they are only as complete as the recognizer
kept them.
"""

from __future__ import annotations

import re
import wave
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import numpy as np

from app.speech.audio import voiced_span
from app.store import TurnRecord
from app.store.records import recording_file

#: The usual guidance for a comfortable conversational pace, in words per minute.
PACE_GUIDE: Final = (100, 165)
FILLERS: Final = ("um", "uh", "like", "you know")


_WORD: Final = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# "like" is a verb or preposition after these ("I'd like", "sounds like"), not a filler.
_LIKE_NOT_FILLER: Final = _wordset(
    "i you we they he she it would 'd i'd you'd we'd they'd do does did don't didn't to really "
    "also not look looks looked sound sounds sounded seem seems feel feels felt something "
    "anything nothing things more most much just"
)
# "like" before these without a comma is a preposition: "projects like this one".
_LIKE_OBJECT: Final = _wordset(
    "this that these those a an the my your his her our their it him them me us what how when"
)
# "like" closing a "what ... like" question is a preposition: "What's the client like to work
# for?", "whats a normal day like" (the question word within a few words, no comma or sentence
# end between).
_WHAT_LIKE: Final = _wordset("what what's whats what're")
_WHAT_LIKE_SPAN: Final = 8
# "you know" is a real question after these ("do you know", "if you know").
_YOU_KNOW_NOT_FILLER: Final = _wordset("do did don't didn't if would could what how")


def speech_seconds(path: Path) -> float | None:
    """Seconds from the first to the last voiced 20 ms frame; None if the file is unreadable."""
    try:
        with wave.open(str(path), "rb") as w:
            rate = w.getframerate()
            width = w.getsampwidth()
            channels = w.getnchannels()
            raw = w.readframes(w.getnframes())
    except (OSError, wave.Error, EOFError):
        return None
    if rate <= 0 or width not in (1, 2, 4) or channels < 1:
        return None
    if width == 1:
        samples = (np.frombuffer(raw, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
    elif width == 2:
        samples = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    else:
        samples = np.frombuffer(raw, dtype="<i4").astype(np.float32) / 2147483648.0
    usable = len(samples) - len(samples) % channels
    mono = samples[:usable].reshape(-1, channels).mean(axis=1)
    span = voiced_span(mono, rate)
    return 0.0 if span is None else span[1] - span[0]


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def _asks_what_like(text: str, matches: list[re.Match[str]], i: int) -> bool:
    """The "like" at word ``i`` ends a "what ... like" question begun a few words before."""
    for j in range(i - 1, max(-1, i - 1 - _WHAT_LIKE_SPAN), -1):
        if any(mark in text[matches[j].end() : matches[j + 1].start()] for mark in ",.!?;:"):
            return False
        if matches[j].group().lower().replace("’", "'") in _WHAT_LIKE:
            return True
    return False


def count_fillers(text: str) -> dict[str, int]:
    """How often each filler of FILLERS occurs in `text` (zero counts included).

    "like" counts unless it is plainly a verb or preposition: after "I'd", "sounds", ... or
    before "this", "a", "my", ... without a comma setting it off ("projects like this one").
    """
    matches = list(_WORD.finditer(text))
    words = [m.group().lower().replace("’", "'") for m in matches]
    counts = dict.fromkeys(FILLERS, 0)
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if word in ("um", "umm", "uhm"):
            counts["um"] += 1
        elif word in ("uh", "uhh", "er", "erm"):
            counts["uh"] += 1
        elif word == "like" and before not in _LIKE_NOT_FILLER:
            set_off = text[matches[i].end() : matches[i].end() + 1] == "," or text[
                : matches[i].start()
            ].rstrip().endswith(",")
            if not _asks_what_like(text, matches, i) and (set_off or after not in _LIKE_OBJECT):
                counts["like"] += 1
        elif word == "you" and after == "know" and before not in _YOU_KNOW_NOT_FILLER:
            counts["you know"] += 1
    return counts


@dataclass(frozen=True)
class TurnPace:
    """One voice answer: its words, the seconds of speech in its WAV, and the pace."""

    turn: int
    words: int
    speech_s: float
    wpm: float | None


@dataclass(frozen=True)
class Delivery:
    """How the answers were delivered; `wpm` is None when no voice answer had speech in it."""

    paces: tuple[TurnPace, ...] = ()
    words: int = 0
    speech_s: float = 0.0
    wpm: float | None = None
    fillers: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FILLERS, 0))
    filler_turns: tuple[int, ...] = ()
    voice_answers: int = 0
    typed_answers: int = 0

    @property
    def filler_total(self) -> int:
        return sum(self.fillers.values())

    @property
    def fastest(self) -> TurnPace | None:
        rated = [p for p in self.paces if p.wpm is not None]
        return max(rated, key=lambda p: p.wpm or 0.0) if rated else None

    def to_dict(self) -> dict[str, object]:
        return {
            "wpm": None if self.wpm is None else round(self.wpm, 1),
            "pace_guide_wpm": list(PACE_GUIDE),
            "speech_s": round(self.speech_s, 2),
            "words_spoken": self.words,
            "voice_answers": self.voice_answers,
            "typed_answers": self.typed_answers,
            "turns": [
                {
                    "turn": p.turn,
                    "words": p.words,
                    "speech_s": round(p.speech_s, 2),
                    "wpm": None if p.wpm is None else round(p.wpm, 1),
                }
                for p in self.paces
            ],
            "fillers": dict(self.fillers),
            "filler_turns": list(self.filler_turns),
        }


def measure_delivery(turns: Sequence[TurnRecord], data_dir: Path | None) -> Delivery:
    """Pace of the seeker's voice answers (audio in `data_dir`) and fillers in all answers."""
    paces: list[TurnPace] = []
    fillers = dict.fromkeys(FILLERS, 0)
    filler_turns: list[int] = []
    typed = 0
    for t in turns:
        if t.speaker != "seeker":
            continue
        found = count_fillers(t.text)
        if any(found.values()):
            filler_turns.append(t.idx)
            for name, n in found.items():
                fillers[name] += n
        if not t.audio_path or data_dir is None:
            typed += 1
            continue
        path = recording_file(data_dir, t.audio_path)
        seconds = speech_seconds(path) if path is not None else None
        if seconds is None:
            typed += 1
            continue
        words = count_words(t.text)
        wpm = words / seconds * 60 if seconds >= 0.3 and words else None
        paces.append(TurnPace(t.idx, words, seconds, wpm))
    rated = [p for p in paces if p.wpm is not None]
    words = sum(p.words for p in rated)
    speech_s = sum(p.speech_s for p in rated)
    return Delivery(
        paces=tuple(paces),
        words=words,
        speech_s=speech_s,
        wpm=words / speech_s * 60 if rated and speech_s else None,
        fillers=fillers,
        filler_turns=tuple(filler_turns),
        voice_answers=len(paces),
        typed_answers=typed,
    )
