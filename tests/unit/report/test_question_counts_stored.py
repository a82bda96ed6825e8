"""The History's question count is stored with each session, and it is the replay's count.

Generated conversations (the shipped scenarios x generated answers: typed or recognizer style,
0-3 questions, two in one sentence, requests, "I'm curious too.", some revised after the end
as an accurate transcript would) run through the real `Conversation` into a real Store: the
count stored at the end equals the replay's recount from the saved turns (`build_report`,
`count_questions`) for every session, and equals what the History's lazy count (`Backfill`)
makes from the same rows when the stored one is wiped. A history written by an older
Frameshift (schema 1) is counted once, to the same figures, and then never again.
"""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from app.dialogue import Scenario, expand_paths, load_scenario
from app.report import build_report
from app.report.questions import Backfill, count_questions, curious_in, progress
from app.session import Conversation
from app.store import Store
from tests.legacy_history import answer, as_version_1, save_uncounted

REPO = Path(__file__).resolve().parents[3]


def _scenarios() -> list[Scenario]:
    return [load_scenario(p) for p in expand_paths([REPO / "dialogues"])]


def _recount(store: Store, sid: int, data_dir: Path) -> int:
    report = build_report(store.session(sid), store.turns(sid), data_dir=data_dir)
    return count_questions((t.index, t.speaker, t.text, t.cues) for t in report.turns).curious


def test_counts_stored_at_the_end_equal_the_replays_recount(tmp_path: Path) -> None:
    rng = random.Random(812)
    scenarios = _scenarios()
    assert len(scenarios) >= 10
    stored: dict[int, int | None] = {}
    with Store(tmp_path / "frameshift.db") as store:
        for n in range(48):
            conv = Conversation(scenarios[n % len(scenarios)], store)
            conv.begin()
            for _ in range(rng.randint(1, 6)):
                if conv.reached_end:
                    break
                conv.answer(answer(rng))
            conv.end()
            seeker = [t.idx for t in conv.turns if t.speaker == "seeker"]
            if seeker and rng.random() < 0.3:  # the accurate transcript, after the end
                conv.revise_answer(rng.choice(seeker), answer(rng))
            assert conv.flush()
            assert conv.session_id is not None
            stored[conv.session_id] = store.session(conv.session_id).curious_questions
        recounted = {sid: _recount(store, sid, tmp_path) for sid in stored}
        assert stored == recounted
        assert store.uncounted_sessions() == []
        assert len(set(recounted.values())) >= 3  # the generator reaches 0, 1, 2+
        # The History's own count from the rows, when the stored figures are gone:
        store._db.execute("UPDATE sessions SET curious_questions = NULL")
        finished = store.uncounted_sessions()
        assert finished
        backfill = Backfill(store)
        while not backfill.done:
            backfill.step(7)
        assert backfill.counted == {sid: recounted[sid] for sid in finished}
        assert backfill.problem is None
        assert {sid: store.session(sid).curious_questions for sid in finished} == {
            sid: recounted[sid] for sid in finished
        }


def test_curious_in_needs_the_analysis_to_have_counted_questions() -> None:
    analysis = {
        "turns": [
            {
                "index": 1,
                "speaker": "seeker",
                "cues": [{"cue": "seeker_question", "start": 0, "end": 28}],
            }
        ],
        "metrics": {"questions": {"seeker": {"count": 1, "turns": [1]}}},
    }
    texts = {0: "Hello.", 1: "What does your team work on?"}
    assert curious_in(analysis, texts) == 1
    assert curious_in({**analysis, "metrics": {}}, texts) is None
    assert curious_in(analysis, {0: "Hello."}) == 0  # a turn not saved is not counted


@pytest.mark.parametrize("seed", range(4))
def test_an_old_history_is_counted_once_to_the_replays_figures(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    made = tmp_path / "made.db"
    with Store(made) as store:
        ids = save_uncounted(store, rng, rng.randint(20, 60))
    old = tmp_path / "frameshift.db"
    as_version_1(made, old)
    with Store(old) as store:
        finished = [store.session(sid) for sid in ids if store.session(sid).status == "finished"]
        expected = {s.id: _recount(store, s.id, tmp_path) for s in finished if s.analysis}
        charted = {r["id"]: r["seeker_questions"] for r in progress(store)}
        # Every finished session is charted; one saved without an analysis has no count.
        assert charted == {s.id: expected.get(s.id) for s in finished}
        assert len(expected) < len(finished)  # the generator makes both kinds
        assert store.uncounted_sessions() == []
    with closing(sqlite3.connect(old)) as raw:
        kept = dict(raw.execute("SELECT id, curious_questions FROM sessions").fetchall())
    assert {sid: kept[sid] for sid in expected} == expected
    with Store(old) as store:  # nothing left to count: the next opening only reads
        backfill = Backfill(store)  # (a session with no analysis is only looked at)
        assert set(backfill.pending) == {s.id for s in finished if not s.analysis}
        while not backfill.done:
            backfill.step(3)
        assert backfill.counted == {}
        assert {r["id"]: r["seeker_questions"] for r in progress(store)} == charted
