"""HTML, JSON and CSV exports of a stored session, and the `export` command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from report_helpers import EVIL, seed_session

from app.cli.main import main
from app.dialogue import find_scenario, installed_scenario_dirs
from app.report import Report, build_report, render
from app.store import Store


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def session_id(data_dir: Path) -> int:
    with Store(data_dir / "frameshift.db") as store:
        return seed_session(store, data_dir)


@pytest.fixture
def report(data_dir: Path, session_id: int) -> Report:
    with Store(data_dir / "frameshift.db") as store:
        session, turns = store.session(session_id), store.turns(session_id)
    scenario = find_scenario("connector-intro", installed_scenario_dirs())
    return build_report(session, turns, scenario=scenario, data_dir=data_dir)


def test_report_finds_the_shift_its_words_and_the_coach(report: Report) -> None:
    """The eager "Yes!" is the shift, "Yes" the words, and the scenario's coach the alternative."""
    assert report.shift is not None
    assert report.shift.turn == 5
    assert [w["text"] for w in report.shift.words] == ["Yes"]
    assert report.shift.pivot_turn == 4
    assert report.shift.alternative is not None
    assert "I don't know yet" in report.shift.alternative
    keys = [m.key for m in report.metrics]
    assert keys[:4] == ["questions", "follow_ups", "talk_share", "longest"]
    assert {"pace", "fillers"} <= set(keys)


def test_json_export_has_the_design_contracts(report: Report) -> None:
    """JSON: transcript {"turns":[{speaker,text}]}, the analysis contract, and session fields."""
    doc = json.loads(render(report, "json"))
    assert doc["transcript"]["turns"][3] == {"speaker": "seeker", "text": EVIL}
    assert set(doc["analysis"]) == {"turns", "shift", "metrics"}
    assert doc["analysis"]["shift"]["turn"] == 5
    assert doc["analysis"]["turns"][5]["frame"] == "interview"
    assert doc["session"]["scenario_id"] == "connector-intro"
    assert doc["session"]["outcome_label"] == "Turned into an interview"
    assert doc["coach"]["pivot_turn"] == 4
    assert doc["delivery"]["voice_answers"] == 2


def test_csv_export_has_one_row_per_turn(report: Report) -> None:
    """CSV: a header and one row per turn; commas, quotes and markup survive the round trip."""
    rows = list(csv.DictReader(io.StringIO(render(report, "csv"))))
    assert len(rows) == len(report.turns) == 8
    assert rows[3]["text"] == EVIL
    assert rows[5]["shift"] == "yes"
    assert rows[5]["cues"] == "commitment"
    assert rows[1]["wpm"] == "170"
    assert rows[1]["fillers"] == "2"


def test_csv_cells_cannot_run_as_spreadsheet_formulas(data_dir: Path) -> None:
    """An answer that starts like a formula is written with a leading apostrophe."""
    from app.report.data import _cell

    for hostile in ('=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)"):
        assert _cell(hostile) == "'" + hostile
    assert _cell("I'm curious, what does the team do?") == "I'm curious, what does the team do?"


def test_html_export_is_self_contained_and_escaped(report: Report) -> None:
    """HTML: inline SVG, WAVs as data: URIs, no external fetches, hostile text escaped."""
    page = render(report, "html")
    assert "<svg" in page
    assert page.count('src="data:audio/wav;base64,') == 6  # 4 manager lines, 2 voice answers
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '" onmouseover="x' not in page
    assert "&quot; onmouseover=&quot;x" in page
    assert "Content-Security-Policy" in page
    assert "What you could have said" in page
    assert '<mark class="shift">Yes</mark>' in page


def test_cli_exports_to_stdout_and_to_a_file(
    data_dir: Path, session_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`export ID --format json` prints JSON; `-o FILE` writes the file."""
    assert main(["export", str(session_id), "--format", "json", "--data-dir", str(data_dir)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["session"]["id"] == session_id
    out = tmp_path / "r.html"
    code = main(
        ["export", str(session_id), "--format", "html", "-o", str(out), "--data-dir", str(data_dir)]
    )
    assert code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "999", "--format", "csv"], "no session 999"),
        (["export", "{sid}", "-o", "{tmp}/missing/dir/r.html"], "cannot write"),
        (["export", "{sid}", "-o", "{tmp}"], "cannot write"),
    ],
)
def test_cli_errors_exit_2_with_one_line(
    data_dir: Path,
    session_id: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    """An unknown session or an unwritable -o path: status 2 and one line on stderr."""
    argv = [a.format(sid=session_id, tmp=tmp_path) for a in args]
    assert main([*argv, "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err
