"""The picker's words: its intro (true to how this run works: the voice on or off, answers out
loud or typed), the scenarios' order and the sentence about scenario files with problems."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.dialogue import Problem, Scenario

DIFFICULTY_WORDS = {"gentle": "Gentle", "moderate": "Moderate", "tough": "Tough"}
#: The picker's intro; {start} says how to begin (a mouse or touch), {ways} how the talk goes.
INTRO = (
    "Pick a conversation. {start} {ways} "
    "Afterwards you will see where the talk stayed a mutual exploration and where it turned "
    "into an interview."
)
START_HOW = {
    "desktop": "Double-click it or press Start conversation to begin.",
    "kiosk": "Tap one to read about it, then tap Start conversation (or double-tap it).",
}
#: How the other person's lines reach you: heard (the voice on, speakers) or read.
HEARD = {True: "The other person will speak", False: "The other person's lines are shown as text"}
#: How you answer: out loud or typed (listening on, a microphone), or typed only.
ANSWERED = {True: "answer out loud or type.", False: "type your answers."}
VOICE_OFF = " (the voice is off)"


def ways_words(voice: bool, listen: bool) -> str:
    """The intro's sentence on how this run's conversation works, e.g. with --no-voice: "The
    other person's lines are shown as text (the voice is off); answer out loud or type."."""
    return f"{HEARD[voice]}{'' if voice else VOICE_OFF}; {ANSWERED[listen]}"


def intro_words(start: str, voice: bool, listen: bool) -> str:
    """The whole intro: `start` a key of START_HOW."""
    return INTRO.format(start=START_HOW[start], ways=ways_words(voice, listen))


STORY_SCENARIO = "connector-intro"  # the story's scenario, first when no scenario sets `order`


def order_key(s: Scenario) -> tuple[int, float, int, int, str]:
    """Scenarios with an `order` first, by it; then the story's scenario; then by difficulty
    (gentle → tough, app.dialogue.DIFFICULTIES) and title."""
    from app.dialogue.model import DIFFICULTIES

    order = s.order
    rank = DIFFICULTIES.index(s.difficulty) if s.difficulty in DIFFICULTIES else len(DIFFICULTIES)
    return (
        0 if order is not None else 1,
        float(order) if order is not None else 0.0,
        0 if s.id == STORY_SCENARIO else 1,
        rank,
        s.title.lower(),
    )


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def problems_notice(problems: Sequence[Problem]) -> str:
    """The picker's sentence about scenario files with problems: an error hides its file's
    scenario, a warning does not (its scenario is listed), so each is counted as what it is."""
    errors = [p for p in problems if not p.warning]
    warnings = [p for p in problems if p.warning]
    parts = []
    if errors:
        files = len({p.file for p in errors})
        hidden = "it is" if files == 1 else "they are"
        parts.append(
            f"{_count(files, 'scenario file')} could not be loaded, so {hidden} not listed "
            f"({_count(len(errors), 'problem')})."
        )
    if warnings:
        files = len({p.file for p in warnings})
        parts.append(
            f"{_count(len(warnings), 'warning')} about {_count(files, 'listed scenario')}: "
            f"{'it is' if files == 1 else 'they are'} shown and can be rehearsed."
        )
    first = errors[0] if errors else warnings[0]
    return f"{' '.join(parts)} Run 'frameshift validate' for details. First: {first}"


def ordered(scenarios: Sequence[Scenario]) -> list[Scenario]:
    """The order the picker lists scenarios in; the first is the one to start with."""
    return sorted(scenarios, key=order_key)
