"""One rehearsal as plain Python: the runner, the framing analyzer, the recordings and the store.

The Qt adapter (:mod:`app.session.rehearsal`) and the window-less ``play`` command both drive this
class, so a typed, spoken or scripted rehearsal takes exactly the same path. A turn is owned here
from the answer to its stored row:

1. :meth:`Conversation.answer` frames the answer (once, in the context of the line before it),
   saves its recording through :class:`~app.session.recordings.Recordings`, writes the row, asks
   the runner for the next line and records that line too.
2. A manager line is written when it is said; in a *voiced* conversation its row waits until the
   line's audio is known (:meth:`Conversation.line_spoken`), so every row is written once, whole.
3. :meth:`Conversation.revise_answer` puts a spoken answer's accurate transcript (the recognizer's
   second pass, ready while the reply plays) in place of the provisional one the reply was made
   from: reframed in the context of the same line, the row updated, and after the end the whole
   analysis too. The dialogue already moved on; the record shows the accurate words.
4. A conversation made with ``wait_for_model=False`` (the window's) never waits for the framing
   sentence model's load: until it is there the rules decide each answer (the dialogue branches
   on that), and :meth:`Conversation.frame_again`, called once the model is loaded, frames
   those answers again and updates their rows (and the end's analysis) as a revision does.
5. :meth:`Conversation.end` assembles the whole-conversation analysis from the per-turn analyses
   already made (nothing is framed twice) and stores it with the outcome.

If the store refuses a write (a full disk, a locked file), the write is kept in memory, the caller
is told in a sentence, and it is retried before the next one, so nothing the user said is lost.
A conversation on the GUI thread (``write_wait_s``) waits only that long for a lock another
process holds; the refused write waits in memory and :meth:`Conversation.retry` (the rehearsal's
timer) writes it once the lock is gone. Such a lock is announced only once it has lasted
`LOCK_QUIET_S`, the busy timeout every write used to wait out in silence.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.dialogue import ManagerLine, Outcome, Runner, Scenario
from app.framing import Analysis, Turn, TurnAnalysis, analyze, analyze_answer
from app.framing.learned import model_settled
from app.framing.metrics import conversation_metrics
from app.framing.shift import detect_shift
from app.session.recordings import Clip, RecordingError, Recordings
from app.store import (
    DatabaseLocked,
    DatabaseReadOnly,
    DiskFull,
    NoSuchSession,
    Store,
    StoreError,
    TurnRecord,
)
from app.store.connection import DEFAULT_BUSY_TIMEOUT_S

#: How long a lock another process holds on the history is retried quietly before the user is
#: told (the busy timeout each write used to wait, freezing the window, before saying so).
LOCK_QUIET_S = DEFAULT_BUSY_TIMEOUT_S


@dataclass
class TurnData:
    """A turn as the conversation knows it, whether or not it reached the disk yet."""

    idx: int
    speaker: str
    text: str
    node_id: str | None = None
    analysis: TurnAnalysis | None = None
    started_at: float | None = None
    ended_at: float | None = None
    audio_path: str | None = None
    recognizer_ms: float | None = None

    def cues_json(self) -> list[dict[str, Any]]:
        if self.analysis is None:
            return []
        return [c.to_dict() for c in self.analysis.cues]

    @classmethod
    def from_record(cls, record: TurnRecord) -> TurnData:
        """A stored turn, its framing typed again (None when it was never framed)."""
        analysis = None
        if record.frame:
            analysis = TurnAnalysis.from_dict(
                {
                    "index": record.idx,
                    "speaker": record.speaker,
                    "frame": record.frame,
                    "score": record.score or 0.0,
                    "cues": record.cues,
                }
            )
        return cls(
            idx=record.idx,
            speaker=record.speaker,
            text=record.text,
            node_id=record.node_id,
            analysis=analysis,
            started_at=record.started_at,
            ended_at=record.ended_at,
            audio_path=record.audio_path,
            recognizer_ms=record.recognizer_ms,
        )


class ResumeError(ValueError):
    """A session cannot be resumed; ``str()`` is a sentence for the user."""


@dataclass(frozen=True)
class ResumePoint:
    """Where "try again from here" restarts: a scenario node, with every turn before it kept."""

    scenario: Scenario
    start: str
    prior: tuple[TurnData, ...]
    parent_session_id: int


def resume_point(
    store: Store, session_id: int, turn: int, scenarios: Sequence[Scenario]
) -> ResumePoint:
    """The point to restart session ``session_id`` at its manager turn ``turn``."""
    changed = "This session's scenario has changed; start it from the beginning."
    try:
        session = store.session(session_id)
        records = store.turns(session_id)
    except StoreError as exc:
        raise ResumeError(f"{exc.message} {exc.hint}".strip()) from exc
    scenario = next((s for s in scenarios if s.id == session.scenario_id), None)
    pivot = next((t for t in records if t.idx == turn), None)
    if scenario is None or pivot is None or pivot.speaker != "manager":
        raise ResumeError(changed)
    if pivot.node_id is None or pivot.node_id not in scenario.nodes:
        raise ResumeError(changed)
    prior = tuple(TurnData.from_record(t) for t in records if t.idx < turn)
    return ResumePoint(scenario, pivot.node_id, prior, session_id)


def _manager_analysis(idx: int, text: str) -> TurnAnalysis:
    """A manager line framed on its own (its cues do not depend on what came before)."""
    return replace(analyze([Turn("manager", text)]).turns[0], index=idx)


class Conversation:
    """Runs one scenario from its start (or from a pivotal node, for "try again from here")."""

    def __init__(
        self,
        scenario: Scenario,
        store: Store | None,
        *,
        recordings: Recordings | None = None,
        voiced: bool = False,
        mode: str = "typed",
        seed: int | None = None,
        start: str | None = None,
        prior: Sequence[TurnData] = (),
        parent_session_id: int | None = None,
        clock: Callable[[], float] = time.time,
        on_notice: Callable[[str], None] | None = None,
        on_passing_notice: Callable[[str], None] | None = None,
        wait_for_model: bool = True,
        write_wait_s: float | None = None,
        on_refused: Callable[[Conversation], None] | None = None,
        keep_unanswered: bool = True,
    ) -> None:
        self.scenario = scenario
        self.store = store
        self.recordings = recordings
        self.voiced = voiced
        self.mode = mode
        self._clock = clock
        #: Told each refused write (a sentence), and "" once everything kept was written.
        self._on_notice = on_notice or (lambda _msg: None)
        #: Told of a failure that concerns one answer only (its audio not saved); default: as
        #: ``on_notice``.
        self._on_passing_notice = on_passing_notice or self._on_notice
        self._failing = False
        self._pending: deque[Callable[[], None]] = deque()  # writes the store refused
        self._held: TurnData | None = None  # a voiced manager line waiting for its audio
        self.runner = Runner(scenario, seed=seed, start=start)
        if parent_session_id is not None and store is not None:
            self._say_again(store, parent_session_id, len(prior))
        self.turns: list[TurnData] = []
        #: Turns whose recording could not be kept (full disk...): index -> the reason.
        self.lost_recordings: dict[int, str] = {}
        self.session_id: int | None = None
        self.status = "active"
        #: False (the window): a rehearsal ended with no answer at all is not kept in the
        #: history (an empty session only clutters it); `discarded` says it was forgotten.
        self._keep_unanswered = keep_unanswered
        self.discarded = False
        self.analysis: Analysis | None = None
        self._parent_session_id = parent_session_id
        self._retry_from = len(prior) if prior else None
        self._prior = list(prior)
        self._prompts: dict[int, str] = {}  # answer index -> the line it answered (for revising)
        #: Once ended: the status, the outcome and when (a revision after the end re-stores them).
        self._ended: tuple[str, Outcome | None, float] | None = None
        #: False: answers are framed without waiting for the sentence model's load (a GUI
        #: thread); those framed before it was there are in ``_unframed`` for `frame_again`.
        self._wait_for_model = wait_for_model
        self._unframed: set[int] = set()
        #: None: each write waits the store's busy timeout for another process's lock (the
        #: CLI); else at most this long, and a refused write waits in memory for `retry`.
        self._write_wait_s = write_wait_s
        self._locked_since: float | None = None  # a lock is refusing writes, quietly, since
        self._told = ""  # the last failure said
        #: Recordings that came before the session row could be written: saved with their row.
        self._late_audio: dict[int, tuple[str, Clip | Path]] = {}
        #: Told when the store refused a write (kept in memory): who retries arranges it.
        self._on_refused = on_refused or (lambda _conv: None)

    def _say_again(self, store: Store, parent: int, turn: int) -> None:
        """A retry starts on the words the first attempt heard at its pivot, not another
        phrasing of that line (the runner's seed is new). A store that cannot say: any."""
        try:
            turns = store.turns(parent)
        except StoreError:
            return
        pivot = next((t for t in turns if t.idx == turn), None)
        if pivot is not None and pivot.speaker == "manager":
            # the lines said before it too: the retry never retells an answer already given
            before = [t.text for t in turns if t.idx < turn and t.speaker == "manager"]
            self.runner.say_again(pivot.text, before=before)

    @classmethod
    def resume(
        cls,
        store: Store,
        session_id: int,
        turn: int,
        *,
        scenarios: Sequence[Scenario],
        **options: Any,
    ) -> Conversation:
        """A new conversation that restarts ``session_id`` at its manager turn ``turn`` with the
        turns before it copied (not begun yet: call :meth:`begin`). Raises ResumeError."""
        point = resume_point(store, session_id, turn, scenarios)
        return cls.from_point(point, store, **options)

    @classmethod
    def from_point(cls, point: ResumePoint, store: Store | None, **options: Any) -> Conversation:
        return cls(
            point.scenario,
            store,
            start=point.start,
            prior=point.prior,
            parent_session_id=point.parent_session_id,
            **options,
        )

    # -- lifecycle -------------------------------------------------------------------------
    def begin(self) -> ManagerLine:
        """Create the session row, copy any earlier turns (retry), and give the first line."""
        started = self._clock()
        if self.store is not None:
            store = self.store

            def create() -> None:
                self.session_id = store.create_session(
                    scenario_id=self.scenario.id,
                    scenario_title=self.scenario.title,
                    persona=self.scenario.persona.name,
                    mode=self.mode,
                    started_at=started,
                    parent_session_id=self._parent_session_id,
                    retry_from_turn=self._retry_from,
                )

            try:
                self._attempt(create)
            except (DiskFull, DatabaseLocked, DatabaseReadOnly):
                # A fault that can pass: the session row and every turn after it wait in
                # memory, in order, and are written by the next write or flush() that succeeds.
                self._write(create)
            except StoreError as exc:
                self._notice(f"{exc.message} {exc.hint}".strip())
                self.store = None
        for prior in self._prior:
            idx = len(self.turns)
            analysis = prior.analysis
            if analysis is None and prior.speaker == "manager":
                analysis = _manager_analysis(idx, prior.text)
            elif analysis is not None:
                analysis = replace(analysis, index=idx)
            self._record(replace(prior, idx=idx, analysis=analysis))
        return self._say(self.runner.line())

    @property
    def finished(self) -> bool:
        return self.status != "active"

    @property
    def reached_end(self) -> bool:
        return self.runner.finished

    @property
    def outcome(self) -> Outcome | None:
        return self.runner.outcome

    @property
    def last_manager_line(self) -> str | None:
        for turn in reversed(self.turns):
            if turn.speaker == "manager":
                return turn.text
        return None

    def current_line(self) -> ManagerLine:
        return self.runner.line()

    def answer(
        self,
        text: str,
        *,
        clip: Clip | Path | None = None,
        audio_path: str | None = None,
        started_at: float | None = None,
        ended_at: float | None = None,
        recognizer_ms: float | None = None,
    ) -> tuple[TurnAnalysis, ManagerLine]:
        """Frame the answer in the context of the line before it, save it (with its recording:
        ``clip``, an AudioClip or a WAV file, or ``audio_path``, one already stored), and move on.
        Returns the answer's analysis and the manager's next line (already recorded)."""
        if self.finished or self.runner.finished:
            raise RuntimeError("this conversation has already ended")
        self._release_held()
        text = text.strip()
        idx = len(self.turns)
        prompt = self.runner.line().prompt
        self._prompts[idx] = prompt
        result = self._frame(idx, text)
        if clip is not None:
            audio_path = self._save_recording(idx, "seeker", clip) or audio_path
        now = self._clock()
        self._record(
            TurnData(
                idx=idx,
                speaker="seeker",
                text=text,
                node_id=self.runner.current.id,
                analysis=result,
                started_at=started_at if started_at is not None else now,
                ended_at=ended_at if ended_at is not None else now,
                audio_path=audio_path,
                recognizer_ms=recognizer_ms,
            )
        )
        line = self.runner.advance(result.frame, {c.cue for c in result.cues}, answer=text)
        return result, self._say(line)

    def revise_answer(self, idx: int, text: str) -> TurnAnalysis | None:
        """Answer ``idx``'s accurate transcript replaces the provisional one: framed again in the
        context of the line it answered, stored (text, frame, cues; after :meth:`end` the whole
        analysis too). Returns the new analysis, or None when nothing changed (the same words,
        empty text, or no such answer). The dialogue is not replayed."""
        text = text.strip()
        if not 0 <= idx < len(self.turns) or idx not in self._prompts or not text:
            return None
        turn = self.turns[idx]
        if turn.speaker != "seeker" or text == turn.text:
            return None
        analysis = self._frame(idx, text)
        self.turns[idx] = replace(turn, text=text, analysis=analysis)
        self._store_analysis(idx, analysis, text=text)
        if self._ended is not None:
            self.analysis = self._whole_analysis()
            self._store_end(*self._ended, self.analysis)
        return analysis

    @property
    def awaiting_model(self) -> bool:
        """Some answers were framed by the rules alone while the sentence model loaded."""
        return bool(self._unframed)

    def frame_again(self) -> list[int] | None:
        """Once the sentence model has loaded: the answers framed without it are framed again in
        the context of their lines, and those whose frame, score or cues changed are stored
        (after :meth:`end`, the whole analysis too). Returns their indexes; None while the model
        is still loading (nothing done). The dialogue is not replayed."""
        if not self._unframed:
            return []
        if not model_settled():
            return None
        changed: list[int] = []
        for idx in sorted(self._unframed):
            turn = self.turns[idx]
            analysis = self._frame(idx, turn.text)
            if analysis != turn.analysis:
                self.turns[idx] = replace(turn, analysis=analysis)
                self._store_analysis(idx, analysis)
                changed.append(idx)
        self._unframed.clear()
        if changed and self._ended is not None:
            self.analysis = self._whole_analysis()
            self._store_end(*self._ended, self.analysis)
        return changed

    def line_spoken(self, idx: int, wav: Path | None) -> None:
        """The voice has rendered manager turn ``idx`` (``wav``) or could not (None): keep the
        audio with the session and write the row. Late or repeated calls change nothing."""
        held = self._held
        if held is None or held.idx != idx:
            return
        if wav is not None:
            held.audio_path = self._save_recording(idx, "manager", wav)
        self._release_held()

    def end(self, status: str | None = None) -> Analysis:
        """Finish: the whole-conversation analysis, stored with the outcome."""
        self._release_held()
        if status is None:
            status = "finished" if self.runner.finished else "incomplete"
        self.status = status
        analysis = self._whole_analysis()
        self.analysis = analysis
        outcome = self.runner.outcome if self.runner.finished else None
        self._ended = (status, outcome, self._clock())
        if not self._keep_unanswered and self.answers == 0 and self._discard():
            return analysis
        self._store_end(*self._ended, analysis)
        return analysis

    @property
    def answers(self) -> int:
        """How many answers the session holds (a retry's copied ones included)."""
        return sum(1 for t in self.turns if t.speaker == "seeker")

    def _discard(self) -> bool:
        """Forget a session with no answer: its rows, its recordings and any write still
        waiting. False (it is then ended as any other) when the history refuses the delete."""
        store, sid = self.store, self.session_id
        if store is not None and sid is not None:
            try:
                if self.recordings is not None:
                    self.recordings.mark_deleting(sid)
                paths = store.delete_session(sid)
            except StoreError:
                if self.recordings is not None:
                    self.recordings.unmark_deleting(sid)
                return False
            if self.recordings is not None:
                self.recordings.remove(paths, sid)
        self._pending.clear()
        self._late_audio.clear()
        self.session_id = None
        self.discarded = True
        return True

    def _store_end(
        self, status: str, outcome: Outcome | None, ended_at: float, analysis: Analysis
    ) -> None:
        if self.store is None:
            return
        from app.report.questions import curious_in  # the one count; loaded at the end only

        store = self.store
        whole = analysis.to_dict()
        # Stored with the session so the History never recounts it.
        curious = curious_in(whole, {t.idx: t.text for t in self.turns})

        def write() -> None:
            store.finish_session(
                self._sid(),
                status=status,
                ended_at=ended_at,
                outcome_id=outcome.id if outcome else None,
                outcome_label=outcome.label if outcome else None,
                outcome_kind=outcome.kind if outcome else None,
                analysis=whole,
                curious_questions=curious,
            )

        self._write(write)

    def flush(self) -> bool:
        """Retry writes the store refused earlier; True when nothing is left pending. Each
        waits the store's whole busy timeout for a lock (the user asked to try again)."""
        self._release_held()
        self._write(None, patient=True)
        return len(self._pending) == 0

    def retry(self) -> bool:
        """Retry the writes the store refused (not a voiced line still waiting for its audio),
        waiting at most ``write_wait_s`` for a lock; True when none is left pending."""
        self._write(None)
        return not self._pending

    @property
    def saving_quietly(self) -> bool:
        """Writes wait for a lock that has not lasted long enough to be announced."""
        return bool(self._pending) and self._locked_since is not None and not self._failing

    @property
    def unsaved(self) -> int:
        return len(self._pending) + (1 if self._held is not None else 0)

    # -- internals -------------------------------------------------------------------------
    def _frame(self, idx: int, text: str) -> TurnAnalysis:
        """Answer ``idx`` framed in the context of the line it answered; remembered for
        :meth:`frame_again` when the sentence model was not there to be asked."""
        prompt = self._prompts[idx]
        if self._wait_for_model:
            return replace(analyze_answer(prompt, text), index=idx)
        settled = model_settled()  # asked first: a load ending meanwhile only means one more look
        result = replace(analyze_answer(prompt, text, wait_for_model=False), index=idx)
        if settled:
            self._unframed.discard(idx)
        else:
            self._unframed.add(idx)
        return result

    def _store_analysis(self, idx: int, analysis: TurnAnalysis, *, text: str | None = None) -> None:
        if self.store is None:
            return
        store = self.store

        def write() -> None:
            store.update_turn_analysis(
                self._sid(),
                idx,
                frame=analysis.frame,
                score=analysis.score,
                cues=[c.to_dict() for c in analysis.cues],
                text=text,
            )

        self._write(write)

    def _whole_analysis(self) -> Analysis:
        """Shift and metrics over the turn analyses made as each turn was said."""
        framing = [Turn(t.speaker, t.text) for t in self.turns]  # type: ignore[arg-type]
        analyses = [t.analysis for t in self.turns]
        if any(a is None for a in analyses):  # a turn stored before it was framed
            return analyze(framing, wait_for_model=self._wait_for_model)
        typed = [a for a in analyses if a is not None]
        return Analysis(
            turns=tuple(typed),
            shift=detect_shift(framing, typed),
            metrics=conversation_metrics(framing, typed),
        )

    def _say(self, line: ManagerLine) -> ManagerLine:
        self._release_held()
        now = self._clock()
        idx = len(self.turns)
        turn = TurnData(
            idx=idx,
            speaker="manager",
            text=line.text,
            node_id=line.node_id,
            analysis=_manager_analysis(idx, line.text),
            started_at=now,
            ended_at=now,
        )
        if self.voiced:
            self.turns.append(turn)
            self._held = turn
        else:
            self._record(turn)
        return line

    def _release_held(self) -> None:
        held, self._held = self._held, None
        if held is not None:
            self._write_row(held)

    def _save_recording(self, idx: int, speaker: str, source: Clip | Path) -> str | None:
        if self.recordings is None or self.store is None:
            return None
        if self.session_id is None and self._pending:
            self._write(None)  # the session row may go in now
            if self.session_id is None and self._pending and self.store is not None:
                # Still refused (a locked file): the audio is saved when its row is written.
                self._late_audio[idx] = (speaker, source)
                return None
        if self.session_id is None:
            return None
        try:
            self.store.session(self.session_id)  # never a recording for a deleted session
        except NoSuchSession:
            self._session_deleted()
            return None
        except StoreError:
            pass  # locked or busy: the file is kept and its row waits with the others
        return self._keep_recording(self.session_id, idx, speaker, source)

    def _keep_recording(
        self, session_id: int, idx: int, speaker: str, source: Clip | Path
    ) -> str | None:
        assert self.recordings is not None
        try:
            return self.recordings.save(session_id, idx, speaker, source)
        except RecordingError as exc:
            if speaker == "seeker":
                self.lost_recordings[idx] = exc.reason
                self._on_passing_notice(f"Your answer's audio could not be saved ({exc.reason}).")
            return None

    def _record(self, turn: TurnData) -> None:
        self.turns.append(turn)
        self._write_row(turn)

    def _write_row(self, turn: TurnData) -> None:
        if self.store is None:
            return
        store = self.store
        analysis = turn.analysis

        def write() -> None:
            late = self._late_audio.pop(turn.idx, None)
            if late is not None:  # the session row is in now: keep the recording with it
                sid, (speaker, source) = self._sid(), late
                turn.audio_path = self._keep_recording(sid, turn.idx, speaker, source)
            store.add_turn(
                self._sid(),
                idx=turn.idx,
                speaker=turn.speaker,
                text=turn.text,
                node_id=turn.node_id,
                frame=analysis.frame if analysis else None,
                score=analysis.score if analysis else None,
                cues=turn.cues_json(),
                started_at=turn.started_at,
                ended_at=turn.ended_at,
                audio_path=turn.audio_path,
                recognizer_ms=turn.recognizer_ms,
            )

        self._write(write)

    def _sid(self) -> int:
        """The session's id; writes run in order, so the session row was written first."""
        assert self.session_id is not None
        return self.session_id

    def _write(self, call: Callable[[], None] | None, *, patient: bool = False) -> None:
        if call is not None:
            self._pending.append(call)
        while self._pending:
            try:
                self._attempt(self._pending[0], patient)
            except NoSuchSession:
                self._session_deleted()
                return
            except StoreError as exc:
                quiet = not patient and self._quiet_lock(exc)
                self._on_refused(self)
                if quiet:
                    return
                told = (
                    f"{exc.message} {exc.hint} ({len(self._pending)} unsaved turn"
                    f"{'s' if len(self._pending) != 1 else ''} kept in memory.)"
                )
                if not (self._failing and told == self._told):  # a retry's same news: once
                    self._notice(told)
                self._told = told
                self._failing = True
                return
            self._pending.popleft()
        self._locked_since = None
        if self._failing:  # everything kept is written now: the failure is over
            self._failing = False
            self._notice("")

    def _attempt(self, call: Callable[[], None], patient: bool = False) -> None:
        """One write, waiting for another process's lock at most ``write_wait_s`` if set (and
        not ``patient``: then the store's busy timeout)."""
        store = self.store
        if self._write_wait_s is None or store is None or patient:
            call()
            return
        with store.waiting_at_most(self._write_wait_s):
            call()

    def _quiet_lock(self, exc: StoreError) -> bool:
        """A lock refused a quick write: kept quiet until it has lasted `LOCK_QUIET_S` (the
        retry comes from `retry`); True when the user is not to be told yet."""
        if self._write_wait_s is None or not isinstance(exc, DatabaseLocked):
            self._locked_since = None
            return False
        now = time.monotonic()
        if self._locked_since is None:
            self._locked_since = now
        return not self._failing and now - self._locked_since < LOCK_QUIET_S

    def _session_deleted(self) -> None:
        """Deleted by another Frameshift (one that could not see this session was live): stop
        writing into a session that is gone, so no recording reappears for it; everything said
        stays in memory for the end's retry or export."""
        self._pending.clear()
        self._late_audio.clear()
        self.store = None
        self.session_id = None
        self._notice(
            "This session was deleted in another Frameshift; what you say now is kept in "
            "memory, and you can save it again at the end."
        )

    def _notice(self, message: str) -> None:
        self._on_notice(message)
