"""Conversation owns a turn from the answer to its stored row (no Qt, no window)."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from session_helpers import (  # the fixtures are used by name
    CountingStore,
    data_dir_fixture,  # noqa: F401
    scenario_fixture,  # noqa: F401
    store_fixture,  # noqa: F401
)

from app.dialogue import Scenario, installed_scenario_dirs, load_scenarios
from app.framing import Turn, analyze
from app.session import Conversation, Recordings, ResumeError, resume_point
from app.speech.audio import AudioClip
from app.testing.plans import load_plan


def _clip(seconds: float = 0.5) -> AudioClip:
    return AudioClip(bytes(2 * int(16_000 * seconds)), 16_000)


def _conv(scenario: Scenario, store: CountingStore, data_dir: Path, **kw: object) -> Conversation:
    return Conversation(scenario, store, recordings=Recordings(data_dir), **kw)  # type: ignore[arg-type]


def test_every_row_is_written_once_with_its_framing(
    scenario: Scenario, store: CountingStore, data_dir: Path
) -> None:
    conv = _conv(scenario, store, data_dir)
    conv.begin()
    conv.answer("I came to hear how people here got into data work")
    conv.answer("What would I be working on?")
    conv.end()
    sid = conv.session_id
    assert sid is not None
    rows = store.turns(sid)
    assert [r.speaker for r in rows] == ["manager", "seeker"] * 2 + ["manager"]
    assert set(store.row_writes.values()) == {1}, store.row_writes
    assert all(r.frame is not None for r in rows)  # manager rows framed when said, too


def test_the_stored_analysis_is_the_analyzer_s_own(
    scenario: Scenario, store: CountingStore, data_dir: Path
) -> None:
    conv = _conv(scenario, store, data_dir)
    conv.begin()
    conv.answer("Hi, thanks for making the time")
    conv.answer("Yes! I'd love the job.")
    analysis = conv.end()
    transcript = [Turn(t.speaker, t.text) for t in conv.turns]  # type: ignore[arg-type]
    assert analysis.to_dict() == analyze(transcript).to_dict()
    assert analysis.shift is not None
    assert analysis.shift.turn == 3
    session = store.session(conv.session_id or 0)
    assert session.analysis == analysis.to_dict()
    assert conv.outcome is not None
    assert session.outcome_label == conv.outcome.label


def test_a_clip_is_saved_through_recordings(
    scenario: Scenario, store: CountingStore, data_dir: Path
) -> None:
    conv = _conv(scenario, store, data_dir)
    conv.begin()
    conv.answer("Happy to be here", clip=_clip(0.5))
    sid = conv.session_id or 0
    row = store.turns(sid)[1]
    assert row.audio_path == f"audio/{sid}/001-seeker.wav"
    assert row.audio_path == str(Recordings(data_dir).path(sid, 1, "seeker").relative_to(data_dir))
    with wave.open(str(data_dir / row.audio_path), "rb") as w:
        assert w.getnframes() == 8_000


def test_a_wav_file_answer_is_copied(
    scenario: Scenario, store: CountingStore, data_dir: Path, tmp_path: Path
) -> None:
    source = _clip(0.25).to_wav(tmp_path / "answer.wav")
    conv = _conv(scenario, store, data_dir)
    conv.begin()
    conv.answer("Happy to be here", clip=source)
    rel = conv.turns[1].audio_path
    assert rel is not None
    assert (data_dir / rel).read_bytes() == source.read_bytes()


def test_a_voiced_line_is_written_once_with_its_audio(
    scenario: Scenario, store: CountingStore, data_dir: Path, tmp_path: Path
) -> None:
    conv = _conv(scenario, store, data_dir, voiced=True)
    conv.begin()
    sid = conv.session_id or 0
    assert store.turns(sid) == []  # the first line waits for its audio
    rendered = _clip(0.3).to_wav(tmp_path / "line.wav")
    conv.line_spoken(0, rendered)
    conv.line_spoken(0, rendered)  # a repeat changes nothing
    rows = store.turns(sid)
    assert [r.audio_path for r in rows] == [f"audio/{sid}/000-manager.wav"]
    conv.answer("Just curious about the team")  # the next line: no audio yet
    conv.end()
    assert [r.audio_path is None for r in store.turns(sid)] == [False, True, True]
    assert set(store.row_writes.values()) == {1}


def test_a_recording_that_cannot_be_saved_says_so_and_keeps_the_answer(
    scenario: Scenario, store: CountingStore, data_dir: Path
) -> None:
    notices: list[str] = []
    passing: list[str] = []
    conv = _conv(
        scenario, store, data_dir, on_notice=notices.append, on_passing_notice=passing.append
    )
    conv.begin()
    (data_dir / "audio").write_text("not a folder")  # the audio folder cannot be made
    conv.answer("Happy to be here", clip=_clip())
    assert conv.turns[1].audio_path is None
    assert store.turns(conv.session_id or 0)[1].text == "Happy to be here"
    # One answer's audio is a passing notice, not a saving failure held for the rehearsal.
    assert any(n.startswith("Your answer's audio could not be saved") for n in passing), passing
    assert notices == []


def test_resume_copies_the_turns_before_the_pivot(
    scenario: Scenario, store: CountingStore, data_dir: Path
) -> None:
    first = _conv(scenario, store, data_dir)
    first.begin()
    first.answer("Hello, I'm exploring data roles", clip=_clip())
    first.answer("Yes!")
    first.end()
    parent = first.session_id or 0
    pivot = 2  # "Are you interested in the position?"
    again = Conversation.resume(store, parent, pivot, scenarios=[scenario])
    line = again.begin()
    assert line.text == "Are you interested in the position?"
    assert [t.text for t in again.turns[:2]] == [t.text for t in first.turns[:2]]
    assert again.turns[1].audio_path == first.turns[1].audio_path
    again.answer("I'm not sure yet, what would the work involve?")
    analysis = again.end()
    session = store.session(again.session_id or 0)
    assert session.parent_session_id == parent
    assert session.retry_from_turn == pivot
    assert analysis.shift is None


def test_resume_refuses_with_a_sentence(scenario: Scenario, store: CountingStore) -> None:
    with pytest.raises(ResumeError, match=r"no session|There is no"):
        resume_point(store, 999, 0, [scenario])
    conv = Conversation(scenario, store)
    conv.begin()
    conv.answer("Hi")
    conv.end()
    with pytest.raises(ResumeError, match="start it from the beginning"):
        resume_point(store, conv.session_id or 0, 1, [scenario])  # a seeker turn
    with pytest.raises(ResumeError, match="start it from the beginning"):
        resume_point(store, conv.session_id or 0, 0, [])  # the scenario is gone


def test_without_a_store_the_conversation_still_runs(scenario: Scenario) -> None:
    conv = Conversation(scenario, None, voiced=True)
    conv.begin()
    conv.line_spoken(0, None)
    _analysis, line = conv.answer("Thanks for your time")
    assert line.text == "Are you interested in the position?"
    assert conv.end().turns


def test_a_retry_remembers_what_the_manager_said_before_its_pivot(
    scenario: Scenario, store: CountingStore, data_dir: Path
) -> None:
    """Review 11 R11: the retry's runner starts with the first attempt's earlier manager lines
    in its said-lines memory, so it never tells again an answer given before the pivot."""
    first = _conv(scenario, store, data_dir)
    first.begin()
    first.answer("Hello, I'm exploring data roles, what does your team do all day?")
    first.answer("Yes!")
    first.end()
    parent = first.session_id or 0
    earlier = [t.text for t in first.turns[:2] if t.speaker == "manager"]
    assert earlier
    again = Conversation.resume(store, parent, 2, scenarios=[scenario])
    again.begin()
    memory = " ".join(again.runner._spoken)
    for line in earlier:
        assert line.strip() in memory or all(part in memory for part in line.split(". ")), line


REPO = Path(__file__).resolve().parents[3]
PLANS = sorted((REPO / "dialogues").glob("*.plan.yaml"))


@pytest.mark.parametrize("plan_path", PLANS, ids=lambda p: p.name.split(".")[0])
def test_every_retry_remembers_every_line_before_its_pivot(
    plan_path: Path, store: CountingStore, data_dir: Path
) -> None:
    """The class of R11: every installed scenario, played by its plan's first case, retried
    from each of its manager turns: the retry's memory holds every manager line said before."""
    plan = load_plan(plan_path)
    scenarios, _ = load_scenarios(installed_scenario_dirs())
    scenario = next(s for s in scenarios if s.id == plan["scenario"])
    first = _conv(scenario, store, data_dir)
    first.begin()
    for text in plan["cases"][0]["answers"]:
        if first.finished or first.runner.finished:
            break
        first.answer(text)
    first.end()
    parent = first.session_id or 0
    pivots = [t.idx for t in store.turns(parent) if t.speaker == "manager" and t.idx > 0]
    checked = 0
    for pivot in pivots:
        if pivot == pivots[-1] and first.runner.finished:
            continue  # an ending is no place to retry from
        again = Conversation.resume(store, parent, pivot, scenarios=[scenario])
        again.begin()
        memory = " ".join(again.runner._spoken)
        for turn in store.turns(parent):
            if turn.speaker == "manager" and turn.idx < pivot:
                assert all(part.strip() in memory for part in turn.text.split(". ")), (
                    pivot,
                    turn.text,
                )
        checked += 1
    assert checked >= 2, pivots
