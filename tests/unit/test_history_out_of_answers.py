"""`frameshift play` given fewer answers than the talk needs is not "left before the
conversation's close" (newcomer report, session 19): the user did not leave, the given answers
ran out. `frameshift history` (text and --json) and the History window's Outcome column say
what happened, through the one helper (`report.model.outcome_words`); a conversation the user
ended early still says it was left. Every shipped scenario, cut after 1, 2 and 3 answers."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from app.cli.main import main
from app.dialogue import installed_scenario_dirs, load_scenarios
from app.report.model import ENDED_WHY

SCENARIOS = sorted(s.id for s in load_scenarios(installed_scenario_dirs())[0])
LEFT = ENDED_WHY["incomplete"][1]
RAN_OUT = ENDED_WHY["out_of_answers"][1]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("answers", [1, 2, 3])
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_play_that_ran_out_says_so(tmp_path: Path, scenario: str, answers: int) -> None:
    argv = ["play", scenario, "--data-dir", str(tmp_path), "--json"]
    for n in range(answers):
        argv += ["--answer", f"Could you tell me more about that, part {n + 1}?"]
    code, out, err = run(*argv)
    assert code == 0, err
    played = json.loads(out)
    if played["outcome"] != "incomplete":
        pytest.skip("the talk reached its close with these answers")
    code, out, err = run("history", "--data-dir", str(tmp_path), "--json")
    assert code == 0, err
    (row,) = json.loads(out)
    assert RAN_OUT in row["ended"], row["ended"]
    assert LEFT not in row["ended"]
    assert row["ended"].startswith(f"Stopped after {answers} answer")
    code, text, err = run("history", "--data-dir", str(tmp_path))
    assert code == 0, err
    assert RAN_OUT in " ".join(text.split()), text
    assert LEFT not in text


def test_the_window_column_and_a_user_ending_early(tmp_path: Path) -> None:
    """The History window's column reads the same helper; a user's own early end still
    says it was left."""
    from app.store import Store
    from app.ui.history_model import describe_status

    run("play", "alumni-call", "--data-dir", str(tmp_path), "--answer", "Hi Kenji")
    store = Store(tmp_path / "history.db") if (tmp_path / "history.db").exists() else None
    if store is None:
        from app.config import Settings
        from app.session.storage import open_store

        store, _ = open_store(Settings(data_dir=tmp_path))
    assert store is not None
    (s,) = store.sessions()
    assert s.status == "out_of_answers"
    assert RAN_OUT in describe_status(s)
    sid = store.create_session(
        scenario_id="alumni-call",
        scenario_title="x",
        persona="Kenji",
        mode="typed",
        started_at=s.started_at + 1,
    )
    store.finish_session(sid, status="incomplete", ended_at=s.started_at + 2)
    left = store.session(sid)
    assert LEFT in describe_status(left)
    store.close()
