"""What the replay, the exports and the command line say about the whole conversation, in
words that agree with the frames and the shift the analyzer computed.

One declaration of the verdict, so no screen can say "you kept it a mutual exploration from
start to finish" while a turn on the timeline is an interview square:

* shifted: the analyzer's shift turn, nothing else, is where it "became an interview";
* no shift, but some answers read as interviews (one pitch is absorbed; a second tips it):
  "no lasting shift", naming those turns;
* no shift and no interview-framed answer: "no shift", and "a mutual exploration" only when at
  least one answer explored (all-neutral answers never made it an interview, nor mutual).

Pure Python; `Verdict.of` takes plain (index, speaker, frame) facts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

#: Where a coached answer stands relative to the shift.
AT_SHIFT: Final = "at"
BEFORE_SHIFT: Final = "before"
AFTER_SHIFT: Final = "after"
NO_SHIFT: Final = "none"


def turn_list(turns: Sequence[int], cap: int = 6) -> str:
    """1-based turn numbers in words, the one way the replay says them: "turn 2", "turns 2
    and 5", "turns 2, 5 and 7"; past `cap` turns, the first `cap` and "…"."""
    shown = [str(t + 1) for t in turns[:cap]]
    if not shown:
        return ""
    if len(turns) > cap:
        return "turns " + ", ".join(shown) + "…"
    if len(shown) == 1:
        return f"turn {shown[0]}"
    return "turns " + ", ".join(shown[:-1]) + " and " + shown[-1]


@dataclass(frozen=True)
class Verdict:
    """The whole conversation's verdict.

    `shift_turn` is the analyzer's shift (None when it never tipped); `leaned` the seeker's
    interview-framed answers that did not tip it (all of them when there is no shift, those
    before the shift otherwise); `explored` whether any seeker answer was framed exploration;
    `finished` whether the conversation reached its close.
    """

    shift_turn: int | None
    leaned: tuple[int, ...]
    explored: bool
    finished: bool

    @classmethod
    def of(
        cls, turns: Iterable[tuple[int, str, str]], shift_turn: int | None, finished: bool = True
    ) -> Verdict:
        seeker = [(i, frame) for i, speaker, frame in turns if speaker == "seeker"]
        leaned = tuple(
            i
            for i, frame in seeker
            if frame == "interview" and (shift_turn is None or i < shift_turn)
        )
        explored = any(frame == "exploration" for _i, frame in seeker)
        return cls(shift_turn, leaned, explored, finished)

    @classmethod
    def from_analysis(
        cls, analysis: Mapping[str, Any] | None, shift_turn: int | None, finished: bool = True
    ) -> Verdict:
        """From the stored Analysis JSON (a session record's `analysis`): its turns' frames."""
        turns = (analysis or {}).get("turns") or ()
        facts = (
            (int(t.get("index", -1)), str(t.get("speaker", "")), str(t.get("frame", "")))
            for t in turns
            if isinstance(t, Mapping)
        )
        return cls.of(facts, shift_turn, finished)

    @property
    def label(self) -> str:
        """A few words for a column or a side-by-side summary."""
        if self.shift_turn is not None:
            return f"■ Shifted at turn {self.shift_turn + 1}"
        if self.leaned:
            return f"● No lasting shift ({turn_list(self.leaned)} read as interview)"
        if not self.finished:
            return "● No shift up to where it stopped"
        return "● Stayed exploratory" if self.explored else "● Never an interview"

    def position(self, turn: int) -> str:
        """Where an interview-framed answer stands: at, before or after the shift, or none."""
        if self.shift_turn is None:
            return NO_SHIFT
        if turn == self.shift_turn:
            return AT_SHIFT
        return BEFORE_SHIFT if turn < self.shift_turn else AFTER_SHIFT

    @property
    def headline(self) -> str:
        """A card's title: "It shifted", "No lasting shift", "No shift" or "Not finished"."""
        if self.shift_turn is not None:
            return "Where it shifted"
        if not self.finished:
            return "Not finished"
        return "No lasting shift" if self.leaned else "No shift"

    def glance(self) -> str:
        """One short sentence for the summary line, with its symbol (■ interview, ● not)."""
        if self.shift_turn is not None:
            return f"■ It shifted into an interview at turn {self.shift_turn + 1}."
        if self.leaned:
            where = turn_list(self.leaned)
            return f"● No lasting shift, though {where} read as an interview."
        if not self.finished:
            return "● No shift up to where it stopped."
        if self.explored:
            return "● It stayed a mutual exploration."
        return "● It never became an interview."

    def sentence(self, *, asked_curious: bool = False) -> str:
        """The no-shift card's text (the shift card quotes the analyzer's explanation instead).

        `asked_curious`: the seeker asked at least one curious question (not a request)."""
        if self.shift_turn is not None:
            return f"It shifted into an interview at turn {self.shift_turn + 1}."
        stop = "up to where it stopped" if not self.finished else "by the end"
        if self.leaned:
            where = turn_list(self.leaned)
            verb = "reads" if len(self.leaned) == 1 else "read"
            return (
                f"{where[0].upper()}{where[1:]} {verb} as an interview answer (see the coaching "
                f"there), but the conversation had not tipped into an interview {stop}: a lone "
                "pitch is absorbed; a second one, a yes to the job, a request or a pay question "
                "tips it."
            )
        if not self.finished:
            return (
                "This conversation stopped before its close; up to there it had not shifted "
                "into an interview."
            )
        if self.explored:
            why = (
                "curious questions, honest answers, no rush to sell yourself."
                if asked_curious
                else "honest answers, no rush to sell yourself."
            )
            return f"You kept it a mutual exploration from start to finish: {why}"
        return (
            "It never became an interview, but none of your answers explored either: asking "
            "about their work is what makes it mutual."
        )
