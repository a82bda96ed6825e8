"""The seeker's questions as the replay counts them: curiosity apart from requests.

The analyzer's question count takes in every question the seeker asked, "Could you refer me?"
and "What's the salary?" included. Those are requests: they ask to be judged, they do not
explore. So the figure shown splits them, from the cues each turn carries:

* a *request* is a sentence that asks for the job, a referral, an interview or the pay,
  as a question or not ("Could you refer me for the role?", "Please put me forward."), or a
  question that commits ("When could I start?"), one per sentence;
* a *curious* question is every other question;
* a *follow-up* is a turn with a curious question that picks up what the manager had just said
  (the analyzer's follow-up cue inside a curious question, a content word of his line taken
  up in one, or a bare "tell me more" / "how so?" as the dialogue reads it,
  `asking.is_follow_up`; an echo of the manager's words in a request or in a statement is no
  follow-up).

This is the ONE count of "how many curious questions the seeker asked": the replay's
sentence, the JSON export's `analysis.metrics.questions` (`exported_metrics`) and the History
chart (`progress`, over the store's question turns) all read it, so the three never disagree
(trial 7 G25: a turn with two question cues in one sentence counted once here, twice in the
analyzer's raw cue count).

Pure Python: cues as the analysis JSON has them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from app.dialogue.asking import is_follow_up
from app.framing.cues import content_stems

if TYPE_CHECKING:
    from app.store import Store

REQUEST_CUES: Final = frozenset({"job_request", "pay_question", "commitment"})
#: A sentence and its closing marks (linear: one class, then its closers).
_SENTENCE: Final = re.compile(r"[^.?!]+[.?!]*")
_SENTENCE_END: Final = re.compile(r"[.?!]+(?=\s|$)")
#: A back reference that picks up the manager's words wherever it stands ("you mentioned").
_MENTIONED: Final = re.compile(r"\byou\s+(?:mentioned|said|were\s+saying|talked\s+about)\b", re.I)


@dataclass(frozen=True)
class QuestionCount:
    curious: int
    curious_turns: tuple[int, ...]
    requests: int
    request_turns: tuple[int, ...]
    follow_up_turns: tuple[int, ...]
    #: The manager's questions: his sentences that end with "?".
    theirs: int = 0
    their_turns: tuple[int, ...] = ()

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
    *,
    follow_ups: bool = True,
) -> QuestionCount:
    """Count the seeker's curious questions and requests over (index, speaker, text, cues)
    turns, in order (a manager turn gives the words a follow-up may pick up); `follow_ups`
    False skips finding follow-ups (the counts are the same, `follow_up_turns` empty)."""
    curious = requests = 0
    curious_turns: list[int] = []
    request_turns: list[int] = []
    followed: list[int] = []
    heard: frozenset[str] = frozenset()
    manager_asked = 0
    manager_turns: list[int] = []
    for index, speaker, text, cues in turns:
        if speaker != "seeker":
            heard = content_stems(text) if follow_ups else frozenset()
            asked_here = sum(1 for m in _SENTENCE.finditer(text) if m.group().endswith("?"))
            manager_asked += asked_here
            if asked_here:
                manager_turns.append(index)
            continue
        asked = [_span(c) for c in cues if c.get("cue") == "seeker_question"]
        wants = [_span(c) for c in cues if c.get("cue") in REQUEST_CUES]
        echoes = [_span(c) for c in cues if c.get("cue") == "follow_up_question"]
        asked = [q for q in asked if _counts(text, q)]
        mine = [q for q in asked if not any(_overlaps(q, w) for w in wants)]
        theirs = [q for q in asked if q not in mine]
        # A request is asked or stated ("Please put me forward."): every sentence with a
        # request for the job or the pay, and every question that commits ("When can I start?").
        stated = [_span(c) for c in cues if c.get("cue") in ("job_request", "pay_question")]
        asking_for = len({_sentence_of(text, q) for q in theirs + stated})
        if asking_for:
            requests += asking_for
            request_turns.append(index)
        if mine:
            curious += len(
                {_sentence_of(text, q) for q in mine} - {_sentence_of(text, q) for q in theirs}
            )
            curious_turns.append(index)
            if follow_ups and (
                any(_follows(_asked_words(text, q), heard) for q in mine)
                or any(_inside(e, q) for e in echoes for q in mine)
            ):
                followed.append(index)
        heard = frozenset()
    return QuestionCount(
        curious,
        tuple(curious_turns),
        requests,
        tuple(request_turns),
        tuple(followed),
        manager_asked,
        tuple(manager_turns),
    )


def exported_metrics(
    metrics: Mapping[str, Any], turns: Iterable[tuple[int, str, str, Sequence[Mapping[str, Any]]]]
) -> dict[str, Any]:
    """The analysis metrics as an export writes them: `questions` counted as the replay counts
    them (the seeker's curious questions, requests apart; the manager's "?" sentences), the
    rest as analysed. The shape stays the analysis contract's ({count, turns} per speaker)."""
    out = dict(metrics)
    if "questions" in out:
        counted = count_questions(turns)
        out["questions"] = {
            "seeker": {"count": counted.curious, "turns": list(counted.curious_turns)},
            "manager": {"count": counted.theirs, "turns": list(counted.their_turns)},
        }
    return out


def progress(store: Store) -> list[dict[str, Any]]:
    """`Store.progress()` with each finished session's `seeker_questions` counted as the
    replay counts them (None when the session has no analysis), for the History chart."""
    rows = store.progress()
    asked = store.question_turns()
    for row in rows:
        if row["seeker_questions"] is None:
            continue
        turns = asked.get(row["id"], ())
        row["seeker_questions"] = count_questions(
            ((index, "seeker", text, cues) for index, text, cues in turns), follow_ups=False
        ).curious
    return rows


def _sentence_of(text: str, span: tuple[int, int]) -> int:
    """Which sentence of the turn a question is in: "What's the team like, and how big is
    it?" is one question, as a person counts it; two sentences are two."""
    return len(_SENTENCE_END.findall(text, 0, max(span[0], span[1] - 1)))


def _asked_words(text: str, span: tuple[int, int]) -> str:
    """The question's words to the end of its sentence (the analyzer's span may stop short:
    "That's cool. I'd" of "... I'd be curious what tools you use.")."""
    end = _SENTENCE_END.search(text, max(span[0], span[1] - 1))
    return text[span[0] : end.end() if end else len(text)]


def _counts(text: str, span: tuple[int, int]) -> bool:
    """A question a person would count: it ends with "?", or has four words or more ("I
    was wondering what the team works on"), or asks him to go on ("tell me more"); not a
    bare "I'm curious"."""
    words = _asked_words(text, span)
    return "?" in words or len(words.split()) >= 4 or is_follow_up(words)


def _follows(question: str, heard: frozenset[str]) -> bool:
    """A question that asks him to go on ("tell me more"), refers back ("you mentioned"), or
    takes up a content word of what he had just said."""
    return (
        is_follow_up(question)
        or _MENTIONED.search(question) is not None
        or bool(content_stems(question) & heard)
    )
