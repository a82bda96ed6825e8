"""A first attempt and its retry, side by side from the turn the retry restarted at."""

from __future__ import annotations

from dataclasses import dataclass

from app.report.model import TurnView, outcome_words, turn_views
from app.report.verdict import AnswerNumbers, Verdict
from app.store import SessionRecord, Store, UnreadableSession

_PAGE = 100


@dataclass(frozen=True)
class Attempt:
    session: SessionRecord
    turns: tuple[TurnView, ...]  # from the pivot on
    shift_turn: int | None
    outcome: str
    #: The whole attempt's verdict (all its turns, not only those from the pivot).
    verdict: Verdict | None = None
    #: The seeker's answers in the whole attempt (None: those in `turns` are counted).
    answers: int | None = None

    @property
    def finished(self) -> bool:
        """Whether the attempt reached its close (False: it was ended early)."""
        return self.verdict is None or self.verdict.finished

    @property
    def stopped(self) -> str:
        """ "after 2 answers": how far an attempt that ended early went."""
        n = self.answers
        if n is None:
            n = sum(1 for t in self.turns if t.speaker == "seeker" and t.text.strip())
        return f"after {n} answer" + ("" if n == 1 else "s")

    @property
    def numbers(self) -> AnswerNumbers:
        """How the attempt's answers are named (the replay's "Answer N")."""
        return self.verdict.numbers if self.verdict is not None else AnswerNumbers()

    @property
    def shifted(self) -> bool:
        return self.shift_turn is not None

    @property
    def label(self) -> str:
        """ "■ Shifted at answer N", "● Stayed exploratory", "● No lasting shift (...)"..."""
        verdict = self.verdict or Verdict(self.shift_turn, (), True, True)
        return verdict.label


@dataclass(frozen=True)
class Comparison:
    pivot: int
    first: Attempt
    retry: Attempt

    @property
    def verdict(self) -> str:
        """The headline: never more than the two attempts show (an attempt ended early is said
        to have stopped, with how many answers it had, not to have kept anything)."""
        first, retry = self.first, self.retry
        if first.shifted and not retry.shifted:
            leaned = retry.verdict.leaned if retry.verdict else ()
            if not retry.finished:
                said = f"No shift before the retry stopped, {retry.stopped}"
                if leaned:
                    return f"{said}, though {retry.numbers.listed(leaned)} read as an interview."
                assert first.shift_turn is not None
                at = first.numbers.number(first.shift_turn)
                return f"{said}; the first attempt had shifted at answer {at}."
            if leaned:
                where = retry.numbers.listed(leaned)
                return f"The retry did not tip into an interview, though {where} read as one."
            if retry.verdict is not None and not retry.verdict.explored:
                return "The retry never tipped into an interview."
            return "The retry kept it a mutual exploration."
        if not first.shifted and retry.shifted:
            if not first.finished:
                return (
                    "The retry tipped into an interview; the first attempt had not before it "
                    f"stopped, {first.stopped}."
                )
            return "The retry tipped into an interview; the first attempt did not."
        if first.shifted and retry.shifted:
            assert first.shift_turn is not None
            assert retry.shift_turn is not None
            if retry.shift_turn > first.shift_turn:
                return "Both shifted, but the retry held out longer."
            return "Both attempts shifted into an interview."
        stops = [
            f"the {name} stopped {a.stopped}"
            for name, a in (("first attempt", first), ("retry", retry))
            if not a.finished
        ]
        if stops:
            return f"Neither attempt shifted before it ended ({' and '.join(stops)})."
        return "Neither attempt shifted."


def _attempt(store: Store, session: SessionRecord, pivot: int) -> Attempt:
    views = turn_views(store.turns(session.id), session.analysis)
    verdict = Verdict.of(
        ((v.index, v.speaker, v.frame) for v in views),
        session.shift_turn,
        session.status == "finished",
    )
    return Attempt(
        session=session,
        turns=tuple(v for v in views if v.index >= pivot),
        shift_turn=session.shift_turn,
        outcome=outcome_words(session, len(verdict.numbers.seeker)),
        verdict=verdict,
        answers=sum(1 for v in views if v.speaker == "seeker" and v.text.strip()),
    )


def retries_of(store: Store, session: SessionRecord) -> list[SessionRecord]:
    """Sessions retried from `session`, newest first.

    The store has no index on the link, so this walks the history newest first and stops at the
    parent: a retry always starts after its parent, so only newer sessions are read. A damaged
    row on the way (`UnreadableSession`) is passed over: it is no retry anyone can open.
    """
    found: list[SessionRecord] = []
    offset = 0
    while True:
        listed = store.listing(limit=_PAGE, offset=offset)
        page = [s for s in listed if not isinstance(s, UnreadableSession)]
        for s in page:
            if s.parent_session_id == session.id:
                found.append(s)
        if len(listed) < _PAGE or any(
            s.id == session.id or s.started_at < session.started_at for s in page
        ):
            return found
        offset += _PAGE


def compare(store: Store, first: SessionRecord, retry: SessionRecord) -> Comparison:
    pivot = retry.retry_from_turn or 0
    return Comparison(pivot, _attempt(store, first, pivot), _attempt(store, retry, pivot))
