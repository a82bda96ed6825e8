"""The command line: play, scenarios, history, delete and the window's entry, as users call them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from app.cli.main import main


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_play_saves_a_session_and_reports_the_shift(tmp_path: Path) -> None:
    """`play --json` runs a shipped story, saves every turn, and reports the analysis (the
    exact path depends on the scenario's content, so only its shape is checked here)."""
    answers = ["I came to hear how people got into data work", "Yes!", "Not really"]
    argv = ["play", "connector-intro", "--data-dir", str(tmp_path), "--json"]
    for a in [*answers, *(["ok"] * 30)]:
        argv += ["--answer", a]
    code, out, err = run(*argv)
    assert code == 0, err
    result = json.loads(out)
    assert result["saved"] is True
    assert result["scenario"] == "connector-intro"
    assert result["outcome"] != "incomplete"
    assert "shift" in result
    assert result["unused_answers"]  # the story ended before the answers did
    said = [t["text"] for t in result["transcript"] if t["speaker"] == "seeker"]
    assert said[: len(answers)] == answers
    code, out, _ = run("history", "--data-dir", str(tmp_path), "--json")
    rows = json.loads(out)
    assert [r["session_id"] for r in rows] == [result["session_id"]]
    assert rows[0]["turns"] == len(result["transcript"])


def test_play_stops_where_the_answers_run_out(tmp_path: Path) -> None:
    """Too few answers: the session ends there, saved as incomplete."""
    code, out, _ = run(
        "play", "alumni-call", "--data-dir", str(tmp_path), "--json", "--answer", "Hi Kenji"
    )
    assert code == 0
    result = json.loads(out)
    assert result["outcome"] == "incomplete"
    assert len(result["transcript"]) == 3


def test_delete_removes_the_session_and_its_audio(tmp_path: Path) -> None:
    """`delete ID` removes the row and the session's recordings folder."""
    run("play", "alumni-call", "--data-dir", str(tmp_path), "--answer", "Hello")
    audio = tmp_path / "audio" / "1"
    audio.mkdir(parents=True, exist_ok=True)
    (audio / "001-seeker.wav").write_bytes(b"RIFF")
    code, out, _ = run("delete", "1", "--data-dir", str(tmp_path))
    assert code == 0
    assert "Deleted session 1" in out
    assert not audio.exists()
    code, out, _ = run("history", "--data-dir", str(tmp_path), "--json")
    assert json.loads(out) == []


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["play", "no-such-scenario", "--answer", "hi"], "no scenario with id 'no-such-scenario'"),
        (["play", "alumni-call", "--answer", "missing.wav"], "missing.wav: no such audio file"),
        (["delete", "999"], "no session 999"),
    ],
)
def test_bad_input_is_one_line_and_status_2(tmp_path: Path, argv: list[str], fragment: str) -> None:
    """Unknown scenario, missing audio, unknown session: one sentence on stderr, exit 2."""
    code, _, err = run(*argv, "--data-dir", str(tmp_path))
    assert code == 2
    assert fragment in err.lower()
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_scenarios_lists_the_six_shipped_ones() -> None:
    """`scenarios --json` lists every shipped scenario with its persona."""
    code, out, _ = run("scenarios", "--json")
    assert code == 0
    ids = {row["id"] for row in json.loads(out)}
    assert {
        "connector-intro", "career-fair-booth", "coffee-referral",
        "director-informational", "alumni-call", "pushy-recruiter",
    } <= ids  # fmt: skip


def test_the_window_without_a_screen_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No display: a sentence pointing at xvfb-run, exit 2, not a Qt abort."""
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    code, _, err = run("--data-dir", str(tmp_path))
    assert code == 2
    assert "xvfb-run" in err
