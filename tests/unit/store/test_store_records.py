"""Round trips, queries and deletes through the public Store API."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from store_helpers import analysis, new_session

from app.store import NoSuchSession, SessionRecord, Store, StoreError, TurnRecord


def test_session_and_turns_round_trip(store: Store) -> None:
    """Everything written comes back as the same values, JSON columns parsed."""
    sid = new_session(store, mode="typed", started_at=100.5)
    cues = [{"cue": "seeker_question", "text": "what does", "start": 0, "end": 9}]
    store.add_turn(sid, idx=0, speaker="manager", text="Hi there.", node_id="start")
    tid = store.add_turn(
        sid,
        idx=1,
        speaker="seeker",
        text="what does a good year look like",
        node_id="start",
        frame="exploration",
        score=0.75,
        cues=cues,
        started_at=101.0,
        ended_at=104.5,
        audio_path="audio/1/001-seeker.wav",
        recognizer_ms=480.0,
    )
    store.finish_session(
        sid,
        status="finished",
        ended_at=200.0,
        outcome_id="coffee",
        outcome_label="Invited back",
        outcome_kind="good",
        analysis=analysis(shift_turn=1),
    )

    record = store.session(sid)
    assert record == SessionRecord(
        id=sid,
        scenario_id="coffee-chat",
        scenario_title="Coffee with a hiring manager",
        persona="Dana",
        mode="typed",
        started_at=100.5,
        ended_at=200.0,
        outcome_id="coffee",
        outcome_label="Invited back",
        outcome_kind="good",
        status="finished",
        shift_turn=1,
        shift_cue="premature_commitment",
        analysis=analysis(shift_turn=1),
        parent_session_id=None,
        retry_from_turn=None,
        turn_count=2,
    )
    turns = store.turns(sid)
    assert [t.idx for t in turns] == [0, 1]
    assert turns[1] == TurnRecord(
        id=tid,
        session_id=sid,
        idx=1,
        speaker="seeker",
        node_id="start",
        text="what does a good year look like",
        frame="exploration",
        score=0.75,
        cues=cues,
        started_at=101.0,
        ended_at=104.5,
        audio_path="audio/1/001-seeker.wav",
        recognizer_ms=480.0,
    )
    assert turns[0].cues == []
    assert turns[0].frame is None


def test_new_session_is_active_without_analysis(store: Store) -> None:
    """A session just created is "active", has no analysis, shift or turns."""
    record = store.session(new_session(store))
    assert (record.status, record.analysis, record.shift_turn, record.turn_count) == (
        "active",
        None,
        None,
        0,
    )


def test_finish_without_shift_leaves_shift_columns_empty(store: Store) -> None:
    """An analysis whose shift is null stores NULL shift_turn and shift_cue."""
    sid = new_session(store)
    store.finish_session(sid, status="incomplete", ended_at=5.0, analysis=analysis(None))
    record = store.session(sid)
    assert (record.status, record.shift_turn, record.shift_cue) == ("incomplete", None, None)
    assert record.analysis is not None
    assert record.analysis["shift"] is None


def test_update_turn_analysis_replaces_frame_score_and_cues(store: Store) -> None:
    """The whole-transcript pass overwrites a turn's frame, score and cues in place."""
    sid = new_session(store)
    store.add_turn(sid, idx=0, speaker="seeker", text="yes", frame="neutral", score=0.0)
    cues = [{"cue": "premature_commitment", "text": "yes", "start": 0, "end": 3}]
    store.update_turn_analysis(sid, 0, frame="interview", score=-0.8, cues=cues)
    turn = store.turns(sid)[0]
    assert (turn.frame, turn.score, turn.cues) == ("interview", -0.8, cues)


def test_set_turn_audio_attaches_a_late_recording(store: Store) -> None:
    """A manager line's WAV rendered after the turn was saved can be attached later."""
    sid = new_session(store)
    store.add_turn(sid, idx=0, speaker="manager", text="Hello.")
    store.set_turn_audio(sid, 0, f"audio/{sid}/000-manager.wav")
    assert store.turns(sid)[0].audio_path == f"audio/{sid}/000-manager.wav"


def test_unknown_session_and_turn_raise_clear_store_errors(store: Store) -> None:
    """Missing ids raise StoreError sentences naming the id, not sqlite errors."""
    with pytest.raises(NoSuchSession, match="no session 42"):
        store.session(42)
    with pytest.raises(NoSuchSession):
        store.add_turn(42, idx=0, speaker="seeker", text="hi")
    with pytest.raises(NoSuchSession):
        store.finish_session(42, status="finished", ended_at=1.0)
    with pytest.raises(NoSuchSession):
        store.delete_session(42)
    with pytest.raises(NoSuchSession):
        new_session(store, parent_session_id=42)
    sid = new_session(store)
    with pytest.raises(StoreError, match="has no turn 3"):
        store.update_turn_analysis(sid, 3, frame="neutral", score=0.0, cues=[])
    assert store.turns(42) == []


def test_duplicate_turn_index_is_refused_and_keeps_the_first(store: Store) -> None:
    """UNIQUE(session_id, idx): a second turn 0 is refused and the first one stays."""
    sid = new_session(store)
    store.add_turn(sid, idx=0, speaker="manager", text="first")
    with pytest.raises(StoreError, match="already has a turn 0"):
        store.add_turn(sid, idx=0, speaker="manager", text="second")
    assert [t.text for t in store.turns(sid)] == ["first"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s, sid: new_session(s, mode="phone"), "mode must be one of"),
        (lambda s, sid: s.add_turn(sid, idx=0, speaker="bot", text="x"), "speaker must be"),
        (lambda s, sid: s.add_turn(sid, idx=0, speaker="seeker", text="x", frame="odd"), "frame"),
        (lambda s, sid: s.add_turn(sid, idx=-1, speaker="seeker", text="x"), "idx must be"),
        (
            lambda s, sid: s.add_turn(sid, idx=0, speaker="seeker", text="x", audio_path="/a.wav"),
            "relative to the data dir",
        ),
        (lambda s, sid: s.finish_session(sid, status="active", ended_at=1.0), "cannot have"),
        (lambda s, sid: s.finish_session(sid, status="done", ended_at=1.0), "status must be"),
    ],
)
def test_impossible_values_are_rejected_before_any_write(
    store: Store, call: Callable[[Store, int], object], message: str
) -> None:
    """Values outside the documented enumerations raise ValueError and write nothing."""
    sid = new_session(store)
    with pytest.raises(ValueError, match=message):
        call(store, sid)
    assert store.turns(sid) == []
    assert store.count_sessions() == 1


def test_sessions_are_newest_first_and_page_with_offset(store: Store) -> None:
    """sessions() orders by started_at descending and pages with limit/offset."""
    ids = [new_session(store, started_at=float(t)) for t in (30, 10, 20, 40)]
    newest_first = [ids[3], ids[0], ids[2], ids[1]]
    assert [s.id for s in store.sessions()] == newest_first
    assert [s.id for s in store.sessions(limit=2)] == newest_first[:2]
    assert [s.id for s in store.sessions(limit=2, offset=2)] == newest_first[2:]
    assert store.sessions(limit=5, offset=10) == []
    assert store.count_sessions() == 4


def test_turn_count_counts_each_sessions_own_turns(store: Store) -> None:
    """turn_count in the history list is per session."""
    a, b = new_session(store, started_at=1.0), new_session(store, started_at=2.0)
    for i in range(3):
        store.add_turn(a, idx=i, speaker="manager", text=str(i))
    store.add_turn(b, idx=0, speaker="manager", text="x")
    assert {s.id: s.turn_count for s in store.sessions()} == {a: 3, b: 1}


def test_progress_lists_finished_sessions_oldest_first(store: Store) -> None:
    """progress() gives shifted and the STORED question count per finished session, oldest
    first; a session saved without a count is listed by uncounted_sessions() (newest first)
    when its analysis counted questions, and set_question_counts() fills it."""
    late = new_session(store, started_at=300.0)
    early = new_session(store, started_at=100.0)
    bare = new_session(store, started_at=200.0)
    unfinished = new_session(store, started_at=50.0)
    store.finish_session(late, status="finished", ended_at=1.0, analysis=analysis(None, 4))
    store.finish_session(
        early, status="finished", ended_at=1.0, analysis=analysis(2, 1), curious_questions=3
    )
    store.finish_session(bare, status="finished", ended_at=1.0, analysis=analysis(None, None))
    store.finish_session(unfinished, status="incomplete", ended_at=1.0, analysis=analysis())
    rows = store.progress()
    assert [(r["id"], r["shifted"], r["seeker_questions"]) for r in rows] == [
        (early, True, 3),  # the stored count, not the analysis' raw 1
        (bare, False, None),
        (late, False, None),  # not counted yet
    ]
    assert rows[0]["started_at"] == 100.0
    assert store.uncounted_sessions() == [late]  # bare's analysis counted no questions
    store.set_question_counts({late: 2, early: 9})  # early's stored count is kept
    assert [r["seeker_questions"] for r in store.progress()] == [3, None, 2]
    assert store.uncounted_sessions() == []
    assert store.session(late).curious_questions == 2


def test_a_write_to_the_turns_clears_the_stored_count(store: Store) -> None:
    """The count is made from the turns: changing them makes the session uncounted again,
    so a stale count is never shown; finishing again stores the new one."""
    sid = new_session(store)
    store.add_turn(sid, idx=0, speaker="seeker", text="What do you do?")
    store.finish_session(
        sid, status="finished", ended_at=1.0, analysis=analysis(), curious_questions=1
    )
    store.update_turn_analysis(sid, 0, frame="exploration", score=0.5, cues=[], text="Why?")
    assert store.session(sid).curious_questions is None
    assert store.uncounted_sessions() == [sid]
    store.finish_session(
        sid, status="finished", ended_at=2.0, analysis=analysis(), curious_questions=1
    )
    store.add_turn(sid, idx=1, speaker="manager", text="Because.")
    assert store.uncounted_sessions() == [sid]
    with pytest.raises(ValueError):
        store.finish_session(sid, status="finished", ended_at=2.0, curious_questions=-1)
    with pytest.raises(ValueError):
        store.set_question_counts({sid: -2})


def test_mark_interrupted_turns_active_sessions_into_interrupted(
    store: Store, db_path: Path
) -> None:
    """Leftover "active" sessions become "interrupted", ended at their last saved turn."""
    crashed = new_session(store, started_at=10.0)
    store.add_turn(crashed, idx=0, speaker="manager", text="Hi", started_at=11.0, ended_at=12.0)
    done = new_session(store, started_at=20.0)
    store.finish_session(done, status="finished", ended_at=30.0)
    assert store.mark_interrupted() == 0  # its own live session is not "interrupted"
    store.close()  # the rehearsing Store goes away without finishing: a crash
    store = Store(db_path)
    assert store.interrupted_sessions() == []
    assert store.mark_interrupted() == 1
    assert store.mark_interrupted() == 0
    [record] = store.interrupted_sessions()
    assert (record.id, record.status, record.ended_at) == (crashed, "interrupted", 12.0)
    assert store.session(done).status == "finished"
    store.close()


def test_delete_session_cascades_and_returns_audio_paths(store: Store, db_path: Path) -> None:
    """Deleting a session removes its turns, returns their audio, and unlinks its retries."""
    sid = new_session(store)
    store.add_turn(
        sid, idx=0, speaker="manager", text="Hi", audio_path=f"audio/{sid}/000-manager.wav"
    )
    store.add_turn(
        sid, idx=1, speaker="seeker", text="Hello", audio_path=f"audio/{sid}/001-seeker.wav"
    )
    store.add_turn(sid, idx=2, speaker="seeker", text="typed")
    retry = new_session(store, parent_session_id=sid, retry_from_turn=1)
    store.add_turn(retry, idx=0, speaker="manager", text="Hi")
    assert store.session(retry).parent_session_id == sid

    assert store.delete_session(sid) == [
        f"audio/{sid}/000-manager.wav",
        f"audio/{sid}/001-seeker.wav",
    ]

    with closing(sqlite3.connect(db_path)) as raw:
        left = raw.execute("SELECT count(*) FROM turns WHERE session_id = ?", (sid,)).fetchone()
    assert left == (0,)
    kept = store.session(retry)
    assert (kept.parent_session_id, kept.retry_from_turn, kept.turn_count) == (None, 1, 1)


def test_delete_all_empties_history_and_scrubs_the_files(store: Store, db_path: Path) -> None:
    """After delete_all nothing said can be read back, not even from the raw file or WAL."""
    secret = "my salary at Initech was ninety-one thousand"
    for _n in range(3):
        sid = new_session(store)
        store.add_turn(
            sid, idx=0, speaker="seeker", text=secret, audio_path=f"audio/{sid}/000-seeker.wav"
        )
    assert store.delete_all() == [f"audio/{sid}/000-seeker.wav" for sid in (1, 2, 3)]
    assert store.count_sessions() == 0
    for file in db_path.parent.iterdir():
        assert secret.encode() not in file.read_bytes(), file.name


def test_batch_rolls_back_every_write_when_it_fails(store: Store) -> None:
    """A failing batch() leaves none of its writes behind."""

    def half_done_import() -> None:
        with store.batch():
            new_session(store)
            raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        half_done_import()
    assert store.count_sessions() == 0


def test_store_can_be_used_from_a_worker_thread(store: Store) -> None:
    """The app's database thread may differ from the one that opened the store."""
    sid = new_session(store)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            store.add_turn(sid, idx=0, speaker="manager", text="from a thread")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert errors == []
    assert store.turns(sid)[0].text == "from a thread"


def test_closed_store_raises_a_store_error(db_path: Path) -> None:
    """Using a store after close() is a StoreError sentence, and close() twice is harmless."""
    store = Store(db_path)
    store.close()
    store.close()
    with pytest.raises(StoreError, match="already closed"):
        store.count_sessions()
