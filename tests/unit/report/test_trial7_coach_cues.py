"""Trial 7 G9: an author's coach note is shown only for the answers it is about.

A node's `coach` may name the seeker cues its note speaks to (`cues: [pay_question]` for a
note about naming a salary). When the answer's deciding cue is not among them, the replay
composes its own alternative, as at a node without a note. Checked over every shipped scenario
node with a note x every seeker cue, through the shift panel (`shift_info`) and the per-turn
coaching (`coach`), and the validator's words for a wrong `cues:`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.dialogue import load_scenario
from app.framing import Turn, analyze
from app.framing.vocabulary import INTERVIEW_CUES, SEEKER_CUES
from app.report.coaching import Said, coach
from app.report.model import shift_info
from app.store.records import TurnRecord

REPO = Path(__file__).resolve().parents[3]
SCENARIOS = [
    load_scenario(p)
    for p in sorted((REPO / "dialogues").glob("*.yaml"))
    if not p.name.endswith(".plan.yaml")
]
NOTED = [(s, n) for s in SCENARIOS for n in s.nodes.values() if n.coach is not None]
ANSWER = "Honestly I'm the strongest candidate you'll meet this week, I deliver."


def _turns(line: str, node_id: str) -> list[TurnRecord]:
    said = [("manager", line, node_id), ("seeker", ANSWER, None)]
    return [
        TurnRecord(i, 1, i, who, node, text, None, None, [], None, None, None, None)
        for i, (who, text, node) in enumerate(said)
    ]


@pytest.fixture(scope="module")
def analysis() -> dict[str, object]:
    return analyze(
        [Turn("manager", "So, tell me about yourself."), Turn("seeker", ANSWER)]
    ).to_dict()


def test_the_shipped_notes_are_there() -> None:
    assert len(NOTED) >= 30
    assert sum(bool(n.coach.cues) for _, n in NOTED if n.coach) >= 30


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_every_noted_node_x_every_cue_shows_the_note_only_for_its_cues(
    scenario: object, analysis: dict[str, object]
) -> None:
    for node in scenario.nodes.values():  # type: ignore[attr-defined]
        note = node.coach
        if note is None:
            continue
        line = node.lines[0]
        for cue in sorted(SEEKER_CUES):
            fits = not note.cues or cue in note.cues
            # The shift panel at the manager line just before the shift.
            stored = dict(analysis, shift={"turn": 1, "cue": cue, "explanation": "It tipped."})
            shift = shift_info(stored, _turns(line, node.id), scenario)  # type: ignore[arg-type]
            assert shift is not None
            assert (shift.coach_note == note.note) is fits, (scenario, node.id, cue)
            assert (shift.alternative == note.alternative) is fits, (node.id, cue)
            if not fits:
                assert shift.coach_note is None
                assert shift.alternative is None  # build_report composes one for the moment
            # The per-turn coaching: the answer's deciding cue is its strongest interview cue.
            cues = [{"cue": cue, "text": ANSWER[:8], "start": 0, "end": 8}]
            said = [
                Said(0, "manager", line, "neutral", (), node.id),
                Said(1, "seeker", ANSWER, "interview", cues, None),
            ]
            (tip,) = coach(said, scenario, 1)  # type: ignore[arg-type]
            deciding = cue if cue in INTERVIEW_CUES else "interview"
            authored = not note.cues or deciding in note.cues
            assert (tip.source == "author") is authored, (node.id, cue)
            assert (tip.note == note.note) is authored
            if not authored:
                assert tip.alternative
                assert tip.alternative != note.alternative


def test_the_trial_case_a_pitch_at_the_recruiters_salary_note() -> None:
    brett = next(s for s in SCENARIOS if s.id == "pushy-recruiter")
    note = brett.nodes["rec_pitch"].coach
    assert note is not None
    assert "salary" in note.note
    assert note.cues == frozenset({"pay_question"})
    assert not note.about("self_promotion")
    assert note.about("pay_question")
