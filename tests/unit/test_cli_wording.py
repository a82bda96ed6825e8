"""The command line says one thing one way: every command that takes a session id words a
missing session (or a missing history) the same, in one sentence with a way forward."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "report"))
from report_helpers import seed_session

from app.cli.main import main
from app.store import Store

COMMANDS = (("export", "{id}", "--format", "json"), ("delete", "{id}"))


def _run(tmp_path: Path, argv: tuple[str, ...], session_id: int) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    args = [a.format(id=session_id) for a in argv] + ["--data-dir", str(tmp_path)]
    code = main(args, stdin=io.StringIO(""), stdout=out, stderr=err)
    return code, err.getvalue()


@pytest.mark.parametrize("session_id", [2, 5, 99, 12345])
@pytest.mark.parametrize("with_history", [True, False])
def test_a_missing_session_is_worded_the_same_by_every_command(
    tmp_path: Path, session_id: int, with_history: bool
) -> None:
    if with_history:
        with Store(tmp_path / "frameshift.db") as store:
            seed_session(store, tmp_path)  # session 1 exists; the ones asked for do not
    said = set()
    for argv in COMMANDS:
        code, err = _run(tmp_path, argv, session_id)
        assert code == 2, (argv, err)
        assert len(err.strip().splitlines()) == 1, err
        assert "Traceback" not in err
        said.add(err.split(":", 1)[1].strip() if err.startswith("frameshift:") else err.strip())
    assert len(said) == 1, said
    (sentence,) = said
    if with_history:
        assert sentence.startswith(f"There is no session {session_id} in the history."), sentence
    assert "frameshift history" in sentence or not with_history, sentence
