"""One rehearsal as plain Python: the runner, the framing analyzer and the store, turn by turn.

The Qt controller (:mod:`app.session.rehearsal`) and the window-less ``play`` command both drive
this class, so a typed, spoken or scripted rehearsal takes exactly the same path.

Every turn is written to the store the moment it happens. If the store refuses a write (a full
disk, a locked file), the turn is kept in memory, the caller is told in a sentence, and the write
is retried before the next one, so nothing the user said is lost.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from app.dialogue import ManagerLine, Outcome, Runner, Scenario
from app.framing import Analysis, Turn, TurnAnalysis, analyze, analyze_answer
from app.store import DatabaseLocked, DatabaseReadOnly, DiskFull, Store, StoreError


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
        return [c.__dict__.copy() for c in self.analysis.cues]


class Conversation:
    """Runs one scenario from its start (or from a pivotal node, for "try again from here")."""

    def __init__(
        self,
        scenario: Scenario,
        store: Store | None,
        *,
        mode: str = "typed",
        seed: int | None = None,
        start: str | None = None,
        prior: Sequence[TurnData] = (),
        parent_session_id: int | None = None,
        clock: Callable[[], float] = time.time,
        on_notice: Callable[[str], None] | None = None,
    ) -> None:
        self.scenario = scenario
        self.store = store
        self.mode = mode
        self._clock = clock
        self._on_notice = on_notice or (lambda _msg: None)
        self._pending: deque[Callable[[], None]] = deque()  # writes the store refused
        self.runner = Runner(scenario, seed=seed, start=start)
        self.turns: list[TurnData] = []
        self.session_id: int | None = None
        self.status = "active"
        self.analysis: Analysis | None = None
        self._parent_session_id = parent_session_id
        self._retry_from = len(prior) if prior else None
        self._prior = list(prior)

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
                create()
            except (DiskFull, DatabaseLocked, DatabaseReadOnly):
                # A fault that can pass: the session row and every turn after it wait in
                # memory, in order, and are written by the next write or flush() that succeeds.
                self._write(create)
            except StoreError as exc:
                self._notice(f"{exc.message} {exc.hint}".strip())
                self.store = None
        for prior in self._prior:
            self._record(
                TurnData(
                    idx=len(self.turns),
                    speaker=prior.speaker,
                    text=prior.text,
                    node_id=prior.node_id,
                    analysis=prior.analysis,
                    started_at=prior.started_at,
                    ended_at=prior.ended_at,
                    audio_path=prior.audio_path,
                )
            )
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
        audio_path: str | None = None,
        started_at: float | None = None,
        ended_at: float | None = None,
        recognizer_ms: float | None = None,
    ) -> tuple[TurnAnalysis, ManagerLine]:
        """Score the answer in the context of the line before it, save it, and move on."""
        if self.finished or self.runner.finished:
            raise RuntimeError("this conversation has already ended")
        text = text.strip()
        result = analyze_answer(self.last_manager_line, text)
        now = self._clock()
        self._record(
            TurnData(
                idx=len(self.turns),
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
        line = self.runner.advance(result.frame, {c.cue for c in result.cues})
        return result, self._say(line)

    def set_audio(self, idx: int, audio_path: str) -> None:
        """Attach a rendered manager line's WAV to its turn (it is rendered after the caption)."""
        self.turns[idx].audio_path = audio_path
        if self.store is not None:
            store = self.store
            self._write(lambda: store.set_turn_audio(self._sid(), idx, audio_path))

    def end(self, status: str | None = None) -> Analysis:
        """Finish: analyse the whole transcript and store it with the outcome."""
        if status is None:
            status = "finished" if self.runner.finished else "incomplete"
        self.status = status
        analysis = analyze([Turn(t.speaker, t.text) for t in self.turns])  # type: ignore[arg-type]
        self.analysis = analysis
        outcome = self.runner.outcome if self.runner.finished else None
        if self.store is not None:
            store = self.store

            def write() -> None:
                sid = self._sid()
                for t, ta in zip(self.turns, analysis.turns, strict=True):
                    store.update_turn_analysis(
                        sid, t.idx, frame=ta.frame, score=ta.score, cues=ta.to_dict()["cues"]
                    )
                store.finish_session(
                    sid,
                    status=status,
                    ended_at=self._clock(),
                    outcome_id=outcome.id if outcome else None,
                    outcome_label=outcome.label if outcome else None,
                    outcome_kind=outcome.kind if outcome else None,
                    analysis=analysis.to_dict(),
                )

            self._write(write)
        return analysis

    def flush(self) -> bool:
        """Retry writes the store refused earlier; True when nothing is left pending."""
        self._write(None)
        return len(self._pending) == 0

    @property
    def unsaved(self) -> int:
        return len(self._pending)

    # -- internals -------------------------------------------------------------------------
    def _say(self, line: ManagerLine) -> ManagerLine:
        now = self._clock()
        self._record(
            TurnData(
                idx=len(self.turns),
                speaker="manager",
                text=line.text,
                node_id=line.node_id,
                started_at=now,
                ended_at=now,
            )
        )
        return line

    def _record(self, turn: TurnData) -> None:
        self.turns.append(turn)
        if self.store is None:
            return
        store = self.store
        analysis = turn.analysis

        def write() -> None:
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

    def _write(self, call: Callable[[], None] | None) -> None:
        if call is not None:
            self._pending.append(call)
        while self._pending:
            try:
                self._pending[0]()
            except StoreError as exc:
                self._notice(
                    f"{exc.message} {exc.hint} ({len(self._pending)} unsaved turn"
                    f"{'s' if len(self._pending) != 1 else ''} kept in memory.)"
                )
                return
            self._pending.popleft()

    def _notice(self, message: str) -> None:
        self._on_notice(message)
