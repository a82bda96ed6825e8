"""The words that lead from an answer to the seeker's question back to the scripted line.

A manager who has just told the seeker about their week does not say "Anyway." every time: what
fits depends on what was just said and what comes next.

- after a **deflection** ("I'd be guessing; Lena would know"): a short move on, or a small
  apology ("Sorry, I know that's not much help.");
- after an **answer** at the seeker's **first** question: nothing. There is no earlier thread
  to come back to ("So, where were we?") and nothing to cut short;
- after an answer, into a line that **asks about the seeker**: a hand back ("But enough
  about me.");
- after an answer, into an **ending**: only what can close ("Anyway, that's the short
  version.");
- after an answer, into a line that opens with **another question**: nothing. The answer
  closed the topic and the question starts the next one;
- after an answer, into a **statement**: a plain "Anyway." or "Right.". Never "So, where
  were we?" (the talk was nowhere else) or "But that's enough of that." (it brushes off
  the seeker's own question).

Every bridge is a part of its own, known in advance and pre-rendered like every other line
(`Scenario.manager_lines` lists `ALL`). A scenario may name its own `bridges`; they are then
used everywhere. The runner takes the least used bridge of the kind that fits, never the one it
said last.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from app.dialogue.words import SENTENCE_BREAK

#: After a deflection: move on, or own that it was not much help.
#: (Not "Okay, anyway.": after an answer he could not give it sounds as if the seeker had
#: agreed to something, session 19.)
AFTER_DEFLECTION: Final = ("Anyway.", "Sorry, I know that's not much help.", "But let's carry on.")
#: After an answer, before a line that asks about the seeker: hand the turn back.
TURN_BACKS: Final = (
    "But enough about me.",
    "Anyway, that's me.",
    "But I'd rather hear about you.",
)
#: After an answer, before an ending: words that can close a topic.
BEFORE_ENDING: Final = ("Anyway, that's the short version.", "Anyway.", "Okay, anyway.")
#: After an answer, before a line that opens with a statement. (Not "that's the short version":
#: it closes the talk, so only before an ending. Not "So, where were we?": the seeker's question
#: was the thread. Not "But that's enough of that.": it waves off what the seeker asked.)
AFTER_ANSWER: Final = ("Anyway.", "Right.")
#: No words at all: the knowledge answer closes its topic and the line goes on by itself.
NONE: Final[tuple[str, ...]] = ()
#: Every default bridge, each once: what is pre-rendered for a scenario without its own.
ALL: Final = tuple(
    dict.fromkeys((*AFTER_ANSWER, *TURN_BACKS, *AFTER_DEFLECTION, *BEFORE_ENDING, "Okay, anyway."))
)

#: A line's first sentence asks about the seeker: "What about you?", "Have you ...?".
_ABOUT_SEEKER: Final = re.compile(r"\b(you|your|yours|yourself)\b", re.IGNORECASE)


#: After a light "another time" to a private question: just move on.
AFTER_PRIVATE: Final = ("Anyway.", "But let's carry on.")


def _first_word(text: str) -> str:
    return text.split(maxsplit=1)[0].strip(",.!?").lower() if text.strip() else ""


def kind_of_join(
    *,
    deflected: bool,
    asks_seeker: bool,
    ending: bool,
    private: bool = False,
    first: bool = False,
    opens_question: bool = False,
) -> tuple[str, ...]:
    """The default bridges that fit between what was just said and the line that follows;
    `NONE` when no words fit (`first`: the seeker's first answer of the rehearsal;
    `opens_question`: the line's first sentence asks something)."""
    if private:
        return AFTER_PRIVATE
    if deflected:
        # before an ending, nothing that goes on ("But let's carry on." then "Good luck!")
        return AFTER_DEFLECTION[:2] if ending else AFTER_DEFLECTION
    if first:
        return NONE
    if ending:
        return BEFORE_ENDING
    if asks_seeker:
        return TURN_BACKS
    if opens_question:
        return NONE
    return AFTER_ANSWER


def first_sentence(line: str) -> str:
    """What is said first of a line: what a bridge leads into."""
    return SENTENCE_BREAK.split(line.strip(), maxsplit=1)[0]


def about_seeker(sentence: str) -> bool:
    """Whether a sentence is about the seeker ("What brings you here?")."""
    return _ABOUT_SEEKER.search(sentence) is not None


@dataclass
class BridgeTurns:
    """Which bridge to say next in one rehearsal: the least used of those that fit, never the
    one said last; ties drawn with the rehearsal's own random numbers (the same seed says the
    same bridges)."""

    rng: random.Random = field(default_factory=random.Random)
    uses: dict[str, int] = field(default_factory=dict)
    last: str | None = None

    def take(self, options: Sequence[str]) -> str:
        fresh = [b for b in options if b != self.last] or list(options)
        # "Anyway." then "Anyway, that's me." reads like a tic: another opening word if any
        other = [b for b in fresh if self.last is None or _first_word(b) != _first_word(self.last)]
        fresh = other or fresh
        order = {b: self.rng.random() for b in fresh}
        chosen = min(fresh, key=lambda b: (self.uses.get(b, 0), order[b]))
        self.uses[chosen] = self.uses.get(chosen, 0) + 1
        self.last = chosen
        return chosen
