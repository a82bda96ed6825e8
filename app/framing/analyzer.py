"""The analyzer's entry points: a whole conversation, or one answer in context.

A seeker's turn is read against the manager's line just before it: "yes" means commitment only
when that line asked for commitment. Work is linear in the number of turns and bounded per turn
(see `cues.analyzed_part`), so it is fast enough to run after every spoken answer.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.framing.cues import manager_cues, seeker_cues
from app.framing.learned import hybrid, rules_decide, shared_model
from app.framing.metrics import conversation_metrics
from app.framing.model import Analysis, CueMatch, Turn, TurnAnalysis
from app.framing.scoring import frame_and_score
from app.framing.shift import detect_shift


def _analyze_turn(
    index: int,
    turn: Turn,
    before: Turn | None,
    before_cues: frozenset[str],
    rules_only: bool,
    wait_for_model: bool = True,
) -> TurnAnalysis:
    cues: tuple[CueMatch, ...]
    if turn.speaker == "manager":
        cues = manager_cues(turn.text)
        frame, score = frame_and_score(turn.speaker, cues)
    else:
        manager_line = before.text if before is not None and before.speaker == "manager" else None
        context = before_cues if manager_line is not None else frozenset()
        cues = seeker_cues(turn.text, manager_line, context)
        frame, score = frame_and_score(turn.speaker, cues)
        if not rules_only and not rules_decide(turn.text, [cue.cue for cue in cues]):
            # Loaded once, when the first turn needs it; without waiting, the rules decide
            # until it is there (and its load is started if nobody started it).
            model = shared_model(wait_for_model, start=True)
            if model is not None:
                frame, score, cues = hybrid(
                    model, turn.text, (frame, score, cues), context, manager_line
                )
    return TurnAnalysis(index=index, speaker=turn.speaker, frame=frame, score=score, cues=cues)


def analyze(
    turns: Sequence[Turn], *, rules_only: bool = False, wait_for_model: bool = True
) -> Analysis:
    """Frame every turn, find where the seeker tipped the talk into an interview, and measure it.

    Seeker turns the rules cannot decide go to the bundled sentence model (`learned`), loaded
    once when the first such turn comes, unless `load_model_in_background` started it earlier;
    without the model files, or with `rules_only`, the rules alone decide. Manager turns never
    wait for the model. With `wait_for_model=False` nothing waits for it either: until it has
    loaded, the rules decide every turn (`learned.model_settled` says when that is over).
    """
    analyses: list[TurnAnalysis] = []
    before: Turn | None = None
    before_cues: frozenset[str] = frozenset()
    for index, turn in enumerate(turns):
        analysis = _analyze_turn(index, turn, before, before_cues, rules_only, wait_for_model)
        analyses.append(analysis)
        before, before_cues = turn, frozenset(cue.cue for cue in analysis.cues)
    return Analysis(
        turns=tuple(analyses),
        shift=detect_shift(turns, analyses),
        metrics=conversation_metrics(turns, analyses),
    )


def analyze_answer(
    manager_line: str | None,
    answer: str,
    *,
    rules_only: bool = False,
    wait_for_model: bool = True,
) -> TurnAnalysis:
    """One seeker answer in the context of the manager's line before it.

    The result equals the last turn of `analyze` on the two-turn transcript, so its `index` is
    1 after a manager line and 0 without one. `wait_for_model=False` (a GUI thread) never waits
    for the sentence model's load: the rules decide until it is there.
    """
    turns = [Turn("seeker", answer)]
    if manager_line is not None:
        turns.insert(0, Turn("manager", manager_line))
    before: Turn | None = None
    before_cues: frozenset[str] = frozenset()
    if manager_line is not None:
        before = turns[0]
        before_cues = frozenset(cue.cue for cue in manager_cues(manager_line))
    return _analyze_turn(len(turns) - 1, turns[-1], before, before_cues, rules_only, wait_for_model)
