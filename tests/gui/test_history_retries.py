"""A retry ("Try again from here") is marked in the History and `frameshift history`
(newcomer report, session 19: attempts could not be told apart). Sessions built as
`Conversation.resume` builds them, retried from each of their manager lines, and the first
attempts beside them: every retry's Scenario column and tooltip say "Tried again from answer
N" (N the answer it redid, the replay's numbering), a first attempt says nothing of the kind;
the command's text and JSON say the same."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from app.cli.main import main
from app.config import Settings
from app.session.conversation import Conversation
from app.session.storage import open_store
from app.testing.driver import FrameshiftDriver
from app.ui.history_model import describe
from tests.gui.shipped import shipped_scenarios

pytestmark = pytest.mark.gui

ANSWERS = ("Hi, how did you get into this?", "What is a normal week like?", "Thanks a lot.")


def _first_and_retries(data: Path, scenario_id: str) -> list[tuple[int, int | None]]:
    """A first attempt of three answers, and a retry from each of its manager lines before an
    answer: (session id, the answer number retried from, None for the first)."""
    scenario = next(s for s in shipped_scenarios() if s.id == scenario_id)
    store, _ = open_store(Settings(data_dir=data))
    assert store is not None
    conv = Conversation(scenario, store)
    conv.begin()
    for a in ANSWERS:
        if conv.reached_end:
            break
        conv.answer(a)
    conv.end()
    assert conv.session_id is not None
    made: list[tuple[int, int | None]] = [(conv.session_id, None)]
    manager = [t.idx for t in conv.turns if t.speaker == "manager"]
    for n, idx in enumerate(manager, start=1):
        if not any(t.idx > idx and t.speaker == "seeker" for t in conv.turns):
            continue
        retry = Conversation.resume(store, conv.session_id, idx, scenarios=[scenario])
        retry.begin()
        if not retry.reached_end:
            retry.answer("Could you tell me more about the team?")
        retry.end()
        assert retry.session_id is not None
        made.append((retry.session_id, n))
    store.close()
    return made


@pytest.mark.parametrize("scenario", [s.id for s in shipped_scenarios()][:4])
def test_retries_are_marked(tmp_path: Path, scenario: str) -> None:
    data = tmp_path / "d"
    made = _first_and_retries(data, scenario)
    assert len(made) >= 2
    store, _ = open_store(Settings(data_dir=data))
    assert store is not None
    by_id = {s.id: s for s in store.sessions()}
    for sid, n in made:
        _when, title, _outcome, _framing, tip = describe(by_id[sid], store)
        if n is None:
            assert "Tried again" not in title
            assert "Tried again" not in tip
        else:
            assert title.endswith(f"Tried again from answer {n}"), title
            assert tip.startswith(f"Tried again from answer {n}."), tip
    store.close()
    out, err = io.StringIO(), io.StringIO()
    assert main(["history", "--data-dir", str(data), "--json"], stdout=out, stderr=err) == 0
    rows = {r["session_id"]: r for r in json.loads(out.getvalue())}
    text = io.StringIO()
    assert main(["history", "--data-dir", str(data)], stdout=text, stderr=err) == 0
    lines = {int(line.split()[0]): line for line in text.getvalue().splitlines()}
    for sid, n in made:
        if n is None:
            assert rows[sid]["retry"] is None
            assert "Tried again" not in lines[sid]
        else:
            assert rows[sid]["retry"] == f"Tried again from answer {n}"
            assert rows[sid]["retry_of"] == made[0][0]
            assert f"Tried again from answer {n}" in lines[sid]


def test_the_window_lists_a_retry_as_one(frameshift_app: FrameshiftDriver) -> None:
    """Through the window: a rehearsal, then Try again from its second answer's line."""
    app = frameshift_app
    app.start("alumni-call")
    for a in ANSWERS[:2]:
        app.answer(a)
    app.window.rehearsal.end_early()
    app.wait_until(lambda: app.window.current_screen == "results", "the replay")
    first = app.window.last_session_id
    assert first is not None
    turns = app.window.store.turns(first)  # type: ignore[union-attr]
    pivot = [t.idx for t in turns if t.speaker == "manager"][1]
    app.window.retry_from(first, pivot)
    app.answer("Could you tell me more about the team?")
    app.window.rehearsal.end_early()
    app.wait_until(lambda: app.window.last_session_id != first, "the retry's replay")
    app.window.show_history()
    model = app.window.history.table.model()
    titles = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert sum("Tried again from answer 2" in t for t in titles) == 1, titles
    assert sum("Tried again" not in t for t in titles) == 1, titles
