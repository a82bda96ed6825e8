"""The retry comparison's headline claims no more than the attempts show: an attempt ended early
is said to have stopped, after how many answers, never to have "kept it a mutual exploration".

Generated: (first shifted / not) x (retry shifted / not) x (retry finished / ended early) x
(first finished / ended early) x answers before the stop, each a real stored session read back
through `compare`, and the replay's comparison view showing the same headline."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from app.framing import Turn, analyze
from app.report import compare
from app.store import Store

MANAGER = (
    "Good to meet you, I'm Marcus. So what brings you here tonight?",
    "Nice. We build the pipelines that feed the hospital dashboards.",
    "So, are you interested in the position?",
    "Our group started three years ago when the new reporting rules came in.",
    "Anything else you'd like to know?",
)
CURIOUS = (
    "I came to hear how people here got into data work. What do you enjoy about it?",
    "Oh nice, what do the pipelines feed into?",
    "Maybe, I'm still learning what it involves. What does a normal week look like?",
    "How did the team change when the rules came in?",
    "Who else would you suggest I talk to?",
)
EAGER = "Yes, absolutely, sign me up. Can I get an interview?"


def _save(store: Store, *, shifts: bool, answers: int, finished: bool, at: float, **kw) -> int:  # type: ignore[no-untyped-def]
    """A session of `answers` answers (all curious, or eager from the second one on: `shifts`)."""
    said: list[tuple[str, str]] = []
    for i in range(answers):
        said.append(("manager", MANAGER[i]))
        said.append(("seeker", EAGER if shifts and i >= 1 else CURIOUS[i]))
    analysis = analyze([Turn(s, t) for s, t in said]).to_dict()  # type: ignore[arg-type]
    sid = store.create_session(
        scenario_id="connector-intro",
        scenario_title="Introduced to a hiring manager",
        persona="Marcus Okafor",
        mode="typed",
        started_at=at,
        **kw,
    )
    for idx, (speaker, text) in enumerate(said):
        a = analysis["turns"][idx]
        store.add_turn(
            sid,
            idx=idx,
            speaker=speaker,
            text=text,
            node_id=None,
            frame=a["frame"],
            score=a["score"],
            cues=a["cues"],
            started_at=at + idx,
            ended_at=at + idx + 1,
            audio_path=None,
        )
    store.finish_session(
        sid,
        status="finished" if finished else "incomplete",
        ended_at=at + 100,
        outcome_id="end" if finished else None,
        outcome_label="The end" if finished else None,
        outcome_kind="good" if finished else None,
        analysis=analysis,
    )
    return sid


CASES = list(
    itertools.product(
        (True, False),  # first shifted
        (True, False),  # retry shifted
        (True, False),  # retry finished
        (True, False),  # first finished
        (2, 3, 5),  # answers in an attempt that ended early
    )
)


@pytest.mark.parametrize(("first_shifts", "retry_shifts", "retry_done", "first_done", "n"), CASES)
def test_the_headline_claims_no_more_than_the_attempts_show(
    first_shifts: bool,
    retry_shifts: bool,
    retry_done: bool,
    first_done: bool,
    n: int,
    tmp_path: Path,
) -> None:
    with Store(tmp_path / "frameshift.db") as store:
        first_id = _save(
            store, shifts=first_shifts, answers=5 if first_done else n, finished=first_done,
            at=1_760_000_000.0,
        )  # fmt: skip
        retry_id = _save(
            store, shifts=retry_shifts, answers=5 if retry_done else n, finished=retry_done,
            at=1_760_000_500.0, parent_session_id=first_id, retry_from_turn=0,
        )  # fmt: skip
        comparison = compare(store, store.session(first_id), store.session(retry_id))
    first, retry = comparison.first, comparison.retry
    assert first.shifted == first_shifts
    assert retry.shifted == retry_shifts
    said = comparison.verdict
    plural = f"after {n} answers"
    if not retry_done and not retry_shifted(retry):
        # The retry stopped: nothing "kept", the stop and its answers named.
        assert "kept" not in said, said
        assert "never" not in said, said
        assert "stopped" in said, said
        assert plural in said, said
    if not first_done and not first_shifts:
        assert "stopped" in said, said
        assert plural in said, said
        assert "did not" not in said, said
    if retry_done and first_done:
        assert "stopped" not in said, said
    if first_shifts and not retry_shifts and retry_done:
        assert said.startswith("The retry"), said
    if retry_shifts and not first_shifts:
        assert said.startswith("The retry tipped into an interview"), said
    if retry_shifts and first_shifts:
        assert said.startswith("Both"), said
    if not retry_shifts and not first_shifts:
        assert said.startswith("Neither attempt shifted"), said
    if (retry_done and first_done) or (first_shifts and retry_shifts):
        assert "answer" not in said, said


def retry_shifted(attempt) -> bool:  # type: ignore[no-untyped-def]
    return bool(attempt.shifted)


@pytest.mark.parametrize("n", range(1, 6))
def test_the_count_is_worded_for_every_number(n: int, tmp_path: Path) -> None:
    with Store(tmp_path / "frameshift.db") as store:
        first_id = _save(store, shifts=True, answers=5, finished=True, at=1_760_000_000.0)
        retry_id = _save(
            store, shifts=False, answers=n, finished=False, at=1_760_000_500.0,
            parent_session_id=first_id, retry_from_turn=0,
        )  # fmt: skip
        said = compare(store, store.session(first_id), store.session(retry_id)).verdict
    assert said.startswith("No shift before the retry stopped, after "), said
    assert (f"after {n} answer," if n == 1 else f"after {n} answers") in said.replace(";", ","), (
        said
    )
    assert "kept" not in said


@pytest.mark.parametrize(("retry_done", "n"), [(True, 5), (False, 2), (False, 3)])
def test_the_replay_comparison_view_shows_the_same_headline(
    retry_done: bool, n: int, tmp_path: Path
) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.ui.replay.compare import ComparisonView

    _app = QApplication.instance() or QApplication([])
    with Store(tmp_path / "frameshift.db") as store:
        first_id = _save(store, shifts=True, answers=5, finished=True, at=1_760_000_000.0)
        retry_id = _save(
            store, shifts=False, answers=5 if retry_done else n, finished=retry_done,
            at=1_760_000_500.0, parent_session_id=first_id, retry_from_turn=0,
        )  # fmt: skip
        comparison = compare(store, store.session(first_id), store.session(retry_id))
    view = ComparisonView()
    view.show_comparison(comparison)
    shown = view.verdict.text()
    assert shown == comparison.verdict
    retry_column = view.summaries[1].text()
    if retry_done:
        assert shown == "The retry kept it a mutual exploration.", shown
    else:
        assert "Ended early" in retry_column
        assert "up to where it stopped" in retry_column
        assert shown.startswith(f"No shift before the retry stopped, after {n} answers"), shown
        assert "kept" not in shown
