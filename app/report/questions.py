"""The seeker's questions as the replay counts them: curiosity apart from requests.

The analyzer's question count takes in every question the seeker asked, "Could you refer me?"
and "What's the salary?" included. Those are requests: they ask to be judged, they do not
explore. So the figure shown splits them, from the cues each turn carries:

* a *request* is a question whose words hold a request cue (job request, pay question,
  commitment: "Could you refer me for the role?", "When could I start?");
* a *curious* question is every other question;
* a *follow-up* is a turn with a curious question that picks up what the manager had just said
  (the analyzer's follow-up cue inside a curious question, a content word of his line taken
  up in one, or a bare "tell me more" / "how so?" as the dialogue reads it,
  `asking.is_follow_up`; an echo of the manager's words in a request or in a statement is no
  follow-up).

Pure Python: cues as the analysis JSON has them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from app.dialogue.asking import is_follow_up
from app.framing.cues import content_stems

REQUEST_CUES: Final = frozenset({"job_request", "pay_question", "commitment"})
#: A back reference that picks up the manager's words wherever it stands ("you mentioned").
_MENTIONED: Final = re.compile(r"\byou\s+(?:mentioned|said|were\s+saying|talked\s+about)\b", re.I)


@dataclass(frozen=True)
class QuestionCount:
    curious: int
    curious_turns: tuple[int, ...]
    requests: int
    request_turns: tuple[int, ...]
    follow_up_turns: tuple[int, ...]

    @property
    def follow_up_ratio(self) -> float:
        return len(self.follow_up_turns) / len(self.curious_turns) if self.curious_turns else 0.0


def _span(cue: Mapping[str, Any]) -> tuple[int, int]:
    try:
        return int(cue.get("start", 0)), int(cue.get("end", 0))
    except (TypeError, ValueError):
        return 0, 0


def _inside(span: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1] and span[0] < span[1]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def count_questions(
    turns: Iterable[tuple[int, str, str, Sequence[Mapping[str, Any]]]],
) -> QuestionCount:
    """Count the seeker's curious questions and requests over (index, speaker, text, cues)
    turns, in order (a manager turn gives the words a follow-up may pick up)."""
    curious = requests = 0
    curious_turns: list[int] = []
    request_turns: list[int] = []
    follow_ups: list[int] = []
    heard: frozenset[str] = frozenset()
    for index, speaker, text, cues in turns:
        if speaker != "seeker":
            heard = content_stems(text)
            continue
        asked = [_span(c) for c in cues if c.get("cue") == "seeker_question"]
        wants = [_span(c) for c in cues if c.get("cue") in REQUEST_CUES]
        echoes = [_span(c) for c in cues if c.get("cue") == "follow_up_question"]
        mine = [q for q in asked if not any(_overlaps(q, w) for w in wants)]
        asking_for = len(asked) - len(mine)
        if asking_for:
            requests += asking_for
            request_turns.append(index)
        if mine:
            curious += len(mine)
            curious_turns.append(index)
            if any(_follows(text[a:b], heard) for a, b in mine) or any(
                _inside(e, q) for e in echoes for q in mine
            ):
                follow_ups.append(index)
        heard = frozenset()
    return QuestionCount(
        curious, tuple(curious_turns), requests, tuple(request_turns), tuple(follow_ups)
    )


def _follows(question: str, heard: frozenset[str]) -> bool:
    """A question that asks him to go on ("tell me more"), refers back ("you mentioned"), or
    takes up a content word of what he had just said."""
    return (
        is_follow_up(question)
        or _MENTIONED.search(question) is not None
        or bool(content_stems(question) & heard)
    )
