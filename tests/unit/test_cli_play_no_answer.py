"""`frameshift play SCENARIO` with no --answer is a usage error: one line naming --answer,
exit 2, and no session written (it saved an empty "incomplete" session into History).

Generated: every shipped scenario (and an unknown one) x the other flags x a fresh data folder
or one that already holds a history."""

from __future__ import annotations

import io
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "report"))
from report_helpers import seed_session

from app.cli.main import main
from app.dialogue import load_scenario
from app.store import Store

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = sorted(
    load_scenario(p).id
    for p in (REPO / "dialogues").glob("*.yaml")
    if not p.name.endswith(".plan.yaml")
)
FLAGS = ((), ("--json",), ("--seed", "3"), ("--json", "--seed", "7"))


def _sessions(db: Path) -> int | None:
    if not db.exists():
        return None
    with closing(sqlite3.connect(db)) as raw:
        return int(raw.execute("SELECT COUNT(*) FROM sessions").fetchone()[0])


@pytest.mark.parametrize("history", [False, True])
@pytest.mark.parametrize("flags", FLAGS, ids=" ".join)
@pytest.mark.parametrize("scenario", [*SCENARIOS, "no-such-story"])
def test_play_without_an_answer_is_a_usage_error(
    tmp_path: Path, scenario: str, flags: tuple[str, ...], history: bool
) -> None:
    db = tmp_path / "frameshift.db"
    if history:
        with Store(db) as store:
            seed_session(store, tmp_path)
    before = _sessions(db)
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["play", scenario, *flags, "--data-dir", str(tmp_path)],
        stdin=io.StringIO(""),
        stdout=out,
        stderr=err,
    )
    assert code == 2, (out.getvalue(), err.getvalue())
    lines = err.getvalue().strip().splitlines()
    assert len(lines) == 1, err.getvalue()
    assert "--answer" in lines[0]
    assert lines[0].startswith("frameshift: play needs --answer")
    assert out.getvalue() == ""  # no transcript, no "Saved as session N", no JSON
    assert _sessions(db) == before  # nothing saved (no database made where there was none)
    assert not (tmp_path / "audio").exists() or history


def test_play_with_an_answer_still_plays(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["play", SCENARIOS[0], "--answer", "Hi, I came to learn about the work.",
         "--data-dir", str(tmp_path)],
        stdin=io.StringIO(""), stdout=out, stderr=err,
    )  # fmt: skip
    assert code == 0, err.getvalue()
    assert _sessions(tmp_path / "frameshift.db") == 1
