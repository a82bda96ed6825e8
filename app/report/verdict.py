"""What the replay, the exports and the command line say about the whole conversation, in
words that agree with the frames and the shift the analyzer computed.

One declaration of the verdict, so no screen can say "you kept it a mutual exploration from
start to finish" while a turn on the timeline is an interview square:

* shifted: the analyzer's shift turn, nothing else, is where it "became an interview";
* no shift, but some answers read as interviews (one pitch is absorbed; a second tips it):
  "no lasting shift", naming those answers;
* no shift and no interview-framed answer: "no shift", and "a mutual exploration" only when at
  least one answer explored (all-neutral answers never made it an interview, nor mutual).

Answers are named by one numbering, :class:`AnswerNumbers` ("Answer N": the N-th of the
user's answers, the manager's lines not counted), everywhere a session is shown.

Pure Python; `Verdict.of` takes plain (index, speaker, frame) facts.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

#: Where a coached answer stands relative to the shift.
AT_SHIFT: Final = "at"
BEFORE_SHIFT: Final = "before"
AFTER_SHIFT: Final = "after"
NO_SHIFT: Final = "none"


@dataclass(frozen=True)
class AnswerNumbers:
    """The one numbering of the user's answers, used by the replay, the exports, the History
    detail and the command line: "Answer N" is the session's N-th seeker turn (the manager's
    lines are never counted). A manager line takes the number of the answer that follows it
    ("the line before answer N").

    `seeker` holds the session's seeker turn indices; without them (old data), turns are taken
    to alternate from the manager's opening line, as every conversation does."""

    seeker: tuple[int, ...] = ()

    @classmethod
    def of(cls, turns: Iterable[tuple[int, str]]) -> AnswerNumbers:
        """From (turn index, speaker) facts."""
        return cls(tuple(sorted(i for i, speaker in turns if speaker == "seeker")))

    def number(self, turn: int) -> int:
        """N for the answer at turn index `turn` (for a manager line: the next answer's)."""
        if not self.seeker:
            return turn // 2 + 1
        return bisect_left(self.seeker, turn) + 1

    def name(self, turn: int) -> str:
        """ "Answer N", the one way an answer is named."""
        return f"Answer {self.number(turn)}"

    def listed(self, turns: Sequence[int], cap: int = 6) -> str:
        """Answers in words, mid-sentence: "answer 2", "answers 2 and 5", "answers 2, 5 and
        7"; past `cap` answers, the first `cap` and "…"."""
        shown = [str(self.number(t)) for t in turns[:cap]]
        if not shown:
            return ""
        if len(turns) > cap:
            return "answers " + ", ".join(shown) + "…"
        if len(shown) == 1:
            return f"answer {shown[0]}"
        return "answers " + ", ".join(shown[:-1]) + " and " + shown[-1]


def answer_numbers(turns: Iterable[Any]) -> AnswerNumbers:
    """The numbering of any turns with `.index` (or `.idx`) and `.speaker`."""
    return AnswerNumbers.of(
        (int(getattr(t, "index", getattr(t, "idx", -1))), str(t.speaker)) for t in turns
    )


@dataclass(frozen=True)
class Verdict:
    """The whole conversation's verdict.

    `shift_turn` is the analyzer's shift (None when it never tipped); `leaned` the seeker's
    interview-framed answers that did not tip it (all of them when there is no shift, those
    before the shift otherwise); `explored` whether any seeker answer was framed exploration;
    `finished` whether the conversation reached its close; `numbers` names its answers.
    """

    shift_turn: int | None
    leaned: tuple[int, ...]
    explored: bool
    finished: bool
    numbers: AnswerNumbers = field(default_factory=AnswerNumbers)

    @classmethod
    def of(
        cls, turns: Iterable[tuple[int, str, str]], shift_turn: int | None, finished: bool = True
    ) -> Verdict:
        seeker = [(i, frame) for i, speaker, frame in turns if speaker == "seeker"]
        numbers = AnswerNumbers.of((i, "seeker") for i, _frame in seeker)
        leaned = tuple(
            i
            for i, frame in seeker
            if frame == "interview" and (shift_turn is None or i < shift_turn)
        )
        explored = any(frame == "exploration" for _i, frame in seeker)
        return cls(shift_turn, leaned, explored, finished, numbers)

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
            return f"■ Shifted at answer {self.numbers.number(self.shift_turn)}"
        if self.leaned:
            return f"● No lasting shift ({self.numbers.listed(self.leaned)} read as interview)"
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
            return (
                f"■ It shifted into an interview at answer {self.numbers.number(self.shift_turn)}."
            )
        if self.leaned:
            where = self.numbers.listed(self.leaned)
            return f"● No lasting shift, though {where} read as an interview."
        if not self.finished:
            return "● No shift up to where it stopped."
        if self.explored:
            return "● It stayed a mutual exploration."
        return "● It never became an interview."

    def placed_later(self, shift_cue: str | None = None) -> str:
        """The shift card's sentence when an earlier answer already read as an interview: why
        the shift is placed where it is (app/framing/shift.py: a lone pitch is absorbed and
        the second tips it; a yes to the job, a request or a pay question tips it at once),
        naming the earlier answers. Empty when there is no shift or no such answer."""
        if self.shift_turn is None or not self.leaned:
            return ""
        where = self.numbers.listed(self.leaned)
        one = len(self.leaned) == 1
        at = self.numbers.number(self.shift_turn)
        if shift_cue == "self_promotion":
            why = "a lone pitch is absorbed and the second one tips it"
            there = "your second pitch"
        else:
            why = "only a yes to the job, a request, a pay question or a second pitch tips it"
            there = "where that came"
        return (
            f"{where[0].upper()}{where[1:]} already {'reads' if one else 'read'} as an "
            f"interview answer, but on {'its' if one else 'their'} own "
            f"{'it' if one else 'they'} did not tip the talk ({why}): the shift is placed at "
            f"answer {at}, {there}."
        )

    def sentence(self, *, asked_curious: bool = False) -> str:
        """The no-shift card's text (the shift card quotes the analyzer's explanation instead).

        `asked_curious`: the seeker asked at least one curious question (not a request)."""
        if self.shift_turn is not None:
            return f"It shifted into an interview at answer {self.numbers.number(self.shift_turn)}."
        stop = "up to where it stopped" if not self.finished else "by the end"
        if self.leaned:
            where = self.numbers.listed(self.leaned)
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
