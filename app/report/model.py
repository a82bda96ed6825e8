"""Everything the replay screen and the exports show about one session, gathered once.

The replay screen (Qt) and the HTML/JSON/CSV exports (plain text) read the same `Report`, so the
words a user sees in the window and in the file they take away are the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.dialogue import Scenario
from app.framing import Analysis
from app.report.coaching import Coaching, Said, coach
from app.report.delivery import PACE_GUIDE, Delivery, measure_delivery
from app.report.questions import count_questions
from app.report.verdict import AnswerNumbers, Verdict, answer_numbers
from app.store import SessionRecord, Store, TurnRecord


@dataclass(frozen=True)
class TurnView:
    """One turn as the replay shows it: frame and score from the analysis when there is one."""

    index: int
    speaker: str
    text: str
    frame: str
    score: float
    cues: tuple[dict[str, Any], ...]
    audio_path: str | None


@dataclass(frozen=True)
class ShiftInfo:
    """Where the talk tipped, why, and what the scenario's coach would have said instead."""

    turn: int
    cue: str
    explanation: str
    words: tuple[dict[str, Any], ...]  # the cues of `cue` in that turn: what to highlight
    pivot_turn: int | None  # the manager line before it: where "try again" restarts
    alternative: str | None
    coach_note: str | None


@dataclass(frozen=True)
class MetricLine:
    """A metric in plain words, with the turns it comes from (the replay links to them)."""

    key: str
    text: str
    turns: tuple[int, ...] = ()


@dataclass(frozen=True)
class Report:
    session: SessionRecord
    turns: tuple[TurnView, ...]
    analysis: dict[str, Any]
    shift: ShiftInfo | None
    metrics: tuple[MetricLine, ...]
    delivery: Delivery
    data_dir: Path | None
    #: Every interview-framed answer: its words quoted and what could have been said instead.
    coaching: tuple[Coaching, ...] = ()

    @property
    def finished(self) -> bool:
        """False for a session that ended early, was interrupted or is still going: its
        verdict covers only what was said, and the replay says so."""
        return self.session.status == "finished"

    @property
    def outcome_text(self) -> str:
        """The outcome, or how and why the conversation stopped (as the History says it)."""
        return outcome_words(self.session, len(self.numbers.seeker))

    @property
    def verdict(self) -> Verdict:
        """The whole conversation's verdict, true to the frames and the shift shown."""
        return Verdict.of(
            ((t.index, t.speaker, t.frame) for t in self.turns),
            self.shift.turn if self.shift is not None else None,
            self.finished,
        )

    @property
    def numbers(self) -> AnswerNumbers:
        """How this session's answers are named ("Answer N"), everywhere it is shown."""
        return answer_numbers(self.turns)

    @property
    def asked_curious(self) -> bool:
        """The seeker asked at least one curious question (requests are not counted)."""
        return count_questions((t.index, t.speaker, t.text, t.cues) for t in self.turns).curious > 0

    def transcript(self) -> dict[str, Any]:
        """The transcript JSON contract (docs/architecture.md, "Contracts")."""
        return {"turns": [{"speaker": t.speaker, "text": t.text} for t in self.turns]}


#: Why a conversation without an outcome stopped, by its stored status: the History's row,
#: the replay's and the exports' "Outcome", all from here.
ENDED_WHY = {
    "incomplete": ("Ended early", "left before the conversation's close"),
    "out_of_answers": (
        "Stopped",
        "the answers given to frameshift play ran out before the conversation's close",
    ),
    "interrupted": ("Cut short", "the app closed mid-conversation"),
    "active": ("In progress", "still going"),
}


def outcome_words(session: SessionRecord, answers: int | None = None) -> str:
    """The scenario's outcome; for a conversation that stopped before its close, that it did
    and why ("Ended early after 2 answers: left before the conversation's close")."""
    if session.outcome_label:
        return session.outcome_label
    if session.status not in ENDED_WHY:
        return session.status.replace("_", " ").capitalize()
    what, why = ENDED_WHY[session.status]
    if answers is not None and session.status != "active":
        what += f" after {answers} answer{'' if answers == 1 else 's'}"
    return f"{what}: {why}"


def retry_words(session: SessionRecord, verdict: Verdict | None = None) -> str:
    """ "Tried again from answer 2" for a session begun with "Try again from here" (it kept the
    first attempt's turns before that answer), so the History and `frameshift history` tell
    attempts apart; "" for a first attempt."""
    if session.retry_from_turn is None:  # from its opening line (nothing copied), or none
        return "Tried again from answer 1" if session.parent_session_id is not None else ""
    numbers = verdict.numbers if verdict is not None else AnswerNumbers()
    return f"Tried again from answer {numbers.number(session.retry_from_turn)}"


def session_verdict(
    session: SessionRecord, turns: Sequence[TurnRecord] | None = None
) -> Verdict | None:
    """The verdict the session's replay shows (`Report.verdict`): from its stored analysis, or
    for a session cut short without one, from its `turns` framed as `build_report` frames
    them. None when there is nothing to go on (no analysis, no turns given)."""
    analysis = session.analysis
    if analysis is None:
        if not turns:
            return None
        analysis = unfinished_analysis(turns)
    typed = typed_analysis(analysis)
    shift = typed.shift.turn if typed is not None and typed.shift is not None else None
    return Verdict.from_analysis(analysis, shift, session.status == "finished")


def stored_verdict(session: SessionRecord, store: Store | None) -> Verdict | None:
    """`session_verdict`, reading a cut-short session's turns from `store` when no
    analysis was stored; a session whose turns cannot be read has none."""
    from app.store import StoreError

    turns = None
    if session.analysis is None and store is not None:
        try:
            turns = store.turns(session.id)
        except StoreError:
            turns = None
    return session_verdict(session, turns)


def typed_analysis(analysis: dict[str, Any] | None) -> Analysis | None:
    """The stored Analysis JSON as typed values; None when there is none or it is malformed."""
    if not analysis:
        return None
    try:
        return Analysis.from_dict(analysis)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def turn_views(turns: Sequence[TurnRecord], analysis: dict[str, Any] | None) -> list[TurnView]:
    """Turns with the whole-conversation analysis laid over them where it covers them."""
    typed = typed_analysis(analysis)
    by_index = {ta.index: ta for ta in typed.turns} if typed is not None else {}
    out = []
    for t in turns:
        ta = by_index.get(t.idx)
        out.append(
            TurnView(
                index=t.idx,
                speaker=t.speaker,
                text=t.text,
                frame=ta.frame if ta is not None else (t.frame or "neutral"),
                score=ta.score if ta is not None else float(t.score or 0.0),
                cues=tuple(c.to_dict() for c in ta.cues) if ta is not None else tuple(t.cues),
                audio_path=t.audio_path,
            )
        )
    return out


def pivot_manager_turn(turns: Sequence[TurnRecord | TurnView], shift_turn: int) -> int | None:
    """The manager line just before the shift: where "try again from here" restarts."""
    for t in reversed(turns):
        idx = t.idx if isinstance(t, TurnRecord) else t.index
        if idx < shift_turn and t.speaker == "manager":
            return idx
    return None


def shift_info(
    analysis: dict[str, Any] | None,
    turns: Sequence[TurnRecord],
    scenario: Scenario | None,
) -> ShiftInfo | None:
    typed = typed_analysis(analysis)
    shift = typed.shift if typed is not None else None
    if shift is None:
        return None
    turn_idx, cue = shift.turn, shift.cue
    views = {v.index: v for v in turn_views(turns, analysis)}
    said = views.get(turn_idx)
    words = tuple(c for c in (said.cues if said else ()) if c.get("cue") == cue)
    pivot = pivot_manager_turn(turns, turn_idx)
    alternative = note = None
    if scenario is not None and pivot is not None:
        node_id = next((t.node_id for t in turns if t.idx == pivot), None)
        node = scenario.nodes.get(node_id or "")
        if node is not None and node.coach is not None and node.coach.about(cue):
            alternative, note = node.coach.alternative, node.coach.note
    return ShiftInfo(
        turn=turn_idx,
        cue=cue,
        explanation=shift.explanation,
        words=words,
        pivot_turn=pivot,
        alternative=alternative,
        coach_note=note,
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def explain_metrics(
    metrics: dict[str, Any], delivery: Delivery, views: Sequence[TurnView] = ()
) -> list[MetricLine]:
    """The analysis metrics and the delivery figures as sentences a user can act on. The
    seeker's questions are counted from the turns' cues, curiosity apart from requests
    (`questions.count_questions`)."""
    lines: list[MetricLine] = []
    numbers = answer_numbers(views)
    turn_list = numbers.listed
    questions = metrics.get("questions") or {}
    if questions:
        counted = count_questions((t.index, t.speaker, t.text, t.cues) for t in views)
        asked, my_turns = counted.curious, counted.curious_turns
        where = f" ({turn_list(my_turns)})" if my_turns else ""
        advice = (
            " Asking about them and their work is what keeps it a two-way exploration."
            if asked < 2
            else " Questions like these keep it a two-way exploration."
        )
        lines.append(
            MetricLine(
                "questions",
                f"You asked {_plural(asked, 'curious question')}{where}; they asked "
                f"{counted.theirs}.{advice}",
                my_turns,
            )
        )
        follow = counted.follow_up_turns
        if my_turns:
            lines.append(
                MetricLine(
                    "follow_ups",
                    f"{round(counted.follow_up_ratio * 100)}% of your answers with a curious "
                    "question followed up on what they had just said"
                    + (f" ({turn_list(follow)})." if follow else "."),
                    follow,
                )
            )
        if counted.requests:
            lines.append(
                MetricLine(
                    "requests",
                    f"You made {_plural(counted.requests, 'request')} for the job, a referral, "
                    f"an interview, the pay or other terms ({turn_list(counted.request_turns)}). "
                    "They are "
                    "not counted as questions: a request asks to be judged, it does not explore.",
                    counted.request_turns,
                )
            )
    share = metrics.get("seeker_talk_share")
    if isinstance(share, int | float):
        pct = round(float(share) * 100)
        judgement = (
            "a balanced share" if 30 <= pct <= 55 else "more than half: it may feel like a pitch"
        )
        if pct < 30:
            judgement = "on the quiet side: share a little more about yourself"
        lines.append(MetricLine("talk_share", f"You did {pct}% of the talking ({judgement})."))
    longest = metrics.get("longest_seeker_monologue") or {}
    if longest.get("words") and longest.get("turn") is not None:
        turn = int(longest["turn"])
        lines.append(
            MetricLine(
                "longest",
                f"Your longest stretch was {_plural(int(longest['words']), 'word')} "
                f"(answer {numbers.number(turn)}).",
                (turn,),
            )
        )
    low, high = PACE_GUIDE
    if delivery.wpm is not None:
        wpm = round(delivery.wpm)
        verdict = "comfortable" if low <= wpm <= high else ("fast" if wpm > high else "slow")
        fastest = delivery.fastest
        turns: tuple[int, ...] = (fastest.turn,) if fastest else ()
        extra = (
            f" Fastest: answer {numbers.number(fastest.turn)} at {round(fastest.wpm or 0)} wpm."
            if fastest and len(delivery.paces) > 1
            else ""
        )
        lines.append(
            MetricLine(
                "pace",
                f"Speaking pace: {wpm} words per minute over "
                f"{_plural(delivery.voice_answers, 'spoken answer')} — {verdict} "
                f"(about {low}–{high} is easy to follow).{extra}",
                turns,
            )
        )
    elif delivery.voice_answers == 0:
        lines.append(
            MetricLine("pace", "Speaking pace: no spoken answers to measure (typed answers).")
        )
    total = delivery.filler_total
    if total:
        named = ", ".join(f"“{k}” ×{n}" for k, n in delivery.fillers.items() if n)
        lines.append(
            MetricLine(
                "fillers",
                f"Filler words: {named} ({turn_list(delivery.filler_turns)}). Counted in the "
                "recognized text, so fillers the recognizer dropped are not counted.",
                delivery.filler_turns,
            )
        )
    else:
        lines.append(
            MetricLine(
                "fillers",
                "No filler words (um, uh, like, you know) in your answers' text. The recognizer "
                "may drop some, so listen back too.",
            )
        )
    return lines


def unfinished_analysis(turns: Sequence[TurnRecord]) -> dict[str, Any]:
    """The whole-conversation analysis a session never stored (it was interrupted): shift and
    every metric over the turns saved, from each turn's stored framing when it has one."""
    from app.framing import Analysis, Turn, TurnAnalysis, analyze
    from app.framing.metrics import conversation_metrics
    from app.framing.shift import detect_shift

    if not turns:
        return {}
    framing = [Turn(t.speaker, t.text) for t in turns]  # type: ignore[arg-type]
    if not all(t.frame for t in turns):
        return analyze(framing).to_dict()
    typed = [
        TurnAnalysis.from_dict(
            {
                "index": i,
                "speaker": t.speaker,
                "frame": t.frame,
                "score": t.score or 0.0,
                "cues": t.cues,
            }
        )
        for i, t in enumerate(turns)
    ]
    whole = Analysis(
        turns=tuple(typed),
        shift=detect_shift(framing, typed),
        metrics=conversation_metrics(framing, typed),
    )
    return whole.to_dict()


def build_report(
    session: SessionRecord,
    turns: Sequence[TurnRecord],
    *,
    scenario: Scenario | None = None,
    data_dir: Path | None = None,
) -> Report:
    """Gather one session for the replay and the exports (reads audio only to measure pace)."""
    analysis = dict(session.analysis or unfinished_analysis(turns))
    views = turn_views(turns, analysis)
    delivery = measure_delivery(turns, data_dir)
    nodes = {t.idx: t.node_id for t in turns}
    shift = shift_info(analysis, turns, scenario)
    coaching = tuple(
        coach(
            [Said(v.index, v.speaker, v.text, v.frame, v.cues, nodes.get(v.index)) for v in views],
            scenario,
            shift.turn if shift is not None else None,
        )
    )
    at_shift = next((c for c in coaching if shift is not None and c.turn == shift.turn), None)
    if shift is not None and shift.alternative is None and at_shift is not None:
        shift = replace(shift, alternative=at_shift.alternative)  # composed for that moment
    return Report(
        session=session,
        turns=tuple(views),
        analysis=analysis,
        coaching=coaching,
        shift=shift,
        metrics=tuple(explain_metrics(analysis.get("metrics") or {}, delivery, views)),
        delivery=delivery,
        data_dir=data_dir,
    )
