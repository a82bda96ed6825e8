"""The seeker's questions as the replay counts them: curiosity apart from requests.

The analyzer's question count takes in every question the seeker asked, "Could you refer me?"
and "What's the salary?" included. Those are requests: they ask to be judged, they do not
explore. So the figure shown splits them, from the cues each turn carries:

* a *request* is a sentence that asks for the job, a referral, an interview, the pay or other
  terms, as a question or not ("Could you refer me for the role?", "Please put me forward.",
  "Is remote work an option?"), or a question that commits ("When could I start?"), one per
  sentence;
* a *curious* question is every other question;
* a *follow-up* is a turn with a curious question that picks up what the manager had just said
  (the analyzer's follow-up cue inside a curious question, a content word of his line taken
  up in one, or a bare "tell me more" / "how so?" as the dialogue reads it,
  `asking.is_follow_up`; an echo of the manager's words in a request or in a statement is no
  follow-up).

This is the ONE count of "how many curious questions the seeker asked": the replay's
sentence, the JSON export's `analysis.metrics.questions` (`exported_metrics`) and the History
chart all read it, so the three never disagree (trial 7 G25: a turn with two question cues in
one sentence counted once here, twice in the analyzer's raw cue count). The chart reads it
stored: each session's count is made once, when it is saved (`curious_in`, passed to
`Store.finish_session`), or for a session saved without one, once, after the History's first
paint (`Backfill`), so opening the History never recounts thousands of conversations.

Pure Python: cues as the analysis JSON has them.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from app.dialogue.asking import is_follow_up
from app.framing.cues import content_stems

if TYPE_CHECKING:
    from app.store import Store, StoreError

REQUEST_CUES: Final = frozenset({"job_request", "pay_question", "commitment"})
#: A sentence and its closing marks (linear: one class, then its closers).
_SENTENCE: Final = re.compile(r"[^.?!]+[.?!]*")
_SENTENCE_END: Final = re.compile(r"[.?!]+(?=\s|$)")
#: A curiosity the seeker tells as his lasting or past state, not asked now: "I've always
#: wondered how...", "I always wondered...", "I've often been curious about...", "I wondered
#: about that" (a statement about himself). "I wonder how...", "I was wondering...", "I've been
#: wondering...", "I'm curious how..." ask now, and stay questions.
_TOLD_CURIOSITY: Final = re.compile(
    r"(?:\w+[,.]?\s+){0,3}?"  # "so", "honestly", "oh and"
    r"i(?:\s*['\u2019]?ve|\s+have|\s+had|\s*['\u2019]d)?\s+"
    r"(?:(?:always|often|long|sometimes|ever|never|really|just)\s+){0,2}"
    r"(?:wondered|been\s+(?:so\s+|really\s+|very\s+)?(?:curious|intrigued|fascinated))\b"
    r"|(?:\w+[,.]?\s+){0,3}?i\s+(?:always|often|sometimes)\s+(?:wonder|wondered)\b",
    re.I,
)
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
        # A sentence that also asks for the job or the pay counts as that request only; a turn
        # is listed as curious only when it adds a curious question to the count, so the count
        # and the answers named beside it ("1 curious question (answer 2)") always agree.
        added = len({_sentence_of(text, q) for q in mine} - {_sentence_of(text, q) for q in theirs})
        if added:
            curious += added
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


def curious_count(turns: Iterable[tuple[int, str, Sequence[Mapping[str, Any]]]]) -> int:
    """The seeker's curious questions over his (index, text, cues) turns: the number stored
    with each session (`Store.finish_session(curious_questions=)`) and drawn by the History
    chart. The manager's turns only matter to follow-ups, so the seeker's are enough."""
    return count_questions(
        ((index, "seeker", text, cues) for index, text, cues in turns), follow_ups=False
    ).curious


def curious_in(analysis: Mapping[str, Any], texts: Mapping[int, str]) -> int | None:
    """The count to store with a session as it is saved: its analysis (the JSON dict) over
    the saved turns' texts by index, exactly as the store's rows give them later
    (`Store.question_turns`); None when the analysis counted no questions (nothing to show)."""
    if count_of(analysis) is None:
        return None
    turns = analysis.get("turns")
    return curious_count(
        (int(t["index"]), texts[int(t["index"])], t.get("cues") or ())
        for t in (turns if isinstance(turns, list) else ())
        if isinstance(t, Mapping) and t.get("speaker") == "seeker" and t.get("index") in texts
    )


def count_of(analysis: Mapping[str, Any]) -> Any:
    """The analysis' own seeker question count (`metrics.questions.seeker.count`), the mark of
    an analysis that counted questions at all; None without one."""
    node: Any = analysis
    for key in ("metrics", "questions", "seeker", "count"):
        node = node.get(key) if isinstance(node, Mapping) else None
    return node


def count_sessions(store: Store, session_ids: Sequence[int]) -> dict[int, int]:
    """Count these finished sessions' curious questions from their stored turns (0 for one
    with no question turn); raises StoreError when the file cannot be read."""
    if not session_ids:
        return {}
    asked = store.question_turns(session_ids)
    return {sid: curious_count(asked.get(sid, ())) for sid in session_ids}


def progress(store: Store) -> list[dict[str, Any]]:
    """`Store.progress()` with every finished session's curious questions: those saved
    without a count are counted (and stored) first, all at once (`Backfill`)."""
    rows = store.progress()
    backfill = Backfill(store, rows, write_wait_s=None)  # no window: waits out a lock
    while not backfill.done:
        backfill.step(500)
    return with_counts(rows, backfill.counted)


def with_counts(rows: list[dict[str, Any]], counted: Mapping[int, int]) -> list[dict[str, Any]]:
    """`Store.progress()` rows for the History chart, in place: each finished session's stored
    count, or the one `counted` holds for a session counted but not stored (yet, or a
    read-only file); None for one still to count (`Backfill`) or with nothing to count."""
    if counted:
        for row in rows:
            if row["seeker_questions"] is None:
                row["seeker_questions"] = counted.get(row["id"])
    return rows


class Backfill:
    """Counts, a slice at a time, the sessions saved without a count (a history older than
    the stored counts, or a session another caller saved), newest first, and stores them.
    The History runs it after its first paint; once it is through, a history is never
    counted again. Counts the store refuses (a read-only or full disk) are kept in `counted`
    for this run, with `problem` saying why.

    The History calls it on the GUI thread, so by default its writes wait for no lock another
    process holds (`write_wait_s`, review 9 R5: the 5 s busy timeout froze the window): a
    refused write keeps its counts in memory (`counted` shows them) and is tried again on a
    later step, at most every `RETRY_S`, and the count is not `done` until they are stored;
    a lock that lasts `GIVE_UP_S` (the wait a blocking write had) is the `problem`, as it was.
    `write_wait_s=None` waits the store's busy timeout (`progress`: no window to keep).

    What is left to count comes from the chart's rows (`Store.progress()`, read anyway), so
    starting costs no read of its own; a slice asks the store which of its sessions have an
    analysis that counted questions (the others have no count to show)."""

    #: Counts are stored this many at a time (one transaction, one fsync), and at the end.
    SAVE_EVERY: Final = 500
    #: The History's writes wait this long for another process's lock (none).
    WRITE_WAIT_S: Final = 0.0
    #: A refused write is tried again on a step this long after the refusal, or later.
    RETRY_S: Final = 0.1
    #: A lock refusing the writes this long is reported (the old blocking write's wait).
    GIVE_UP_S: Final = 5.0

    def __init__(
        self,
        store: Store,
        rows: Sequence[Mapping[str, Any]] | None = None,
        *,
        write_wait_s: float | None = WRITE_WAIT_S,
    ) -> None:
        self.store = store
        rows = store.progress() if rows is None else rows
        self.pending: list[int] = [
            int(r["id"]) for r in reversed(rows) if r["seeker_questions"] is None
        ]
        self.counted: dict[int, int] = {}
        self.problem: StoreError | None = None
        self.write_wait_s = write_wait_s
        self._unsaved: dict[int, int] = {}
        self._locked_since: float | None = None  # the first refusal of a lock still held
        self._retry_at = 0.0

    @property
    def done(self) -> bool:
        """Every session counted, and every count stored (or refused for good: `problem`)."""
        return not self.pending and not self._unsaved

    def step(self, sessions: int) -> dict[int, int]:
        """Count the next `sessions` sessions; returns their counts. A read that fails raises
        StoreError (the pending list is kept); a refused write sets `problem`, or, when a lock
        refused it, is tried again on a later step."""
        ids = self.pending[:sessions]
        counts = count_sessions(self.store, self.store.uncounted_sessions(ids) if ids else [])
        del self.pending[: len(ids)]
        self.counted.update(counts)
        if self.problem is None:
            self._unsaved.update(counts)
        if self._unsaved and (len(self._unsaved) >= self.SAVE_EVERY or not self.pending):
            self._save()
        return counts

    def _save(self) -> None:
        from app.store import DatabaseLocked, StoreError

        now = time.monotonic()
        if now < self._retry_at:
            return
        try:
            if self.write_wait_s is None:
                self.store.set_question_counts(self._unsaved)
            else:
                with self.store.waiting_at_most(self.write_wait_s):
                    self.store.set_question_counts(self._unsaved)
        except DatabaseLocked as exc:
            if self.write_wait_s is not None:
                if self._locked_since is None:
                    self._locked_since = now
                if now - self._locked_since < self.GIVE_UP_S:
                    self._retry_at = now + self.RETRY_S
                    return  # kept: a later step tries again
            self.problem = exc
        except StoreError as exc:
            self.problem = exc
        self._locked_since = None
        self._unsaved = {}


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
    bare "I'm curious", nor a curiosity told as the seeker's own lasting or past state with
    no "?" ("I've always wondered how the night shift works.": a statement about himself,
    `_TOLD_CURIOSITY`)."""
    words = _asked_words(text, span)
    if "?" in words:
        return True
    if _told_curiosity(text, span):
        return False
    return len(words.split()) >= 4 or is_follow_up(words)


def _told_curiosity(text: str, span: tuple[int, int]) -> bool:
    """Whether the question at `span` is the curiosity its sentence tells ("Oh nice. I've
    long wondered how it works": the analyzer's span may start anywhere in "long wondered
    how"): the sentence opens with `_TOLD_CURIOSITY` and the span starts inside it or right
    after it (a question later in the sentence, "..., so how does it work", is asked)."""
    start = 0
    for end in _SENTENCE_END.finditer(text, 0, max(span[0], 0)):
        start = end.end()
    while start < len(text) and text[start].isspace():
        start += 1
    told = _TOLD_CURIOSITY.match(text, start)
    return told is not None and span[0] <= told.end() + 1


def _follows(question: str, heard: frozenset[str]) -> bool:
    """A question that asks him to go on ("tell me more"), refers back ("you mentioned"), or
    takes up a content word of what he had just said."""
    return (
        is_follow_up(question)
        or _MENTIONED.search(question) is not None
        or bool(content_stems(question) & heard)
    )
