"""`frameshift analyze`: files, JSON Lines on stdin, and one-line errors with exit status 2."""

from __future__ import annotations

import io
import json
from pathlib import Path

from app.cli.analyze import run

SEED = {
    "turns": [
        {"speaker": "manager", "text": "Are you interested in the position?"},
        {"speaker": "seeker", "text": "Yes!"},
    ]
}
CALM = {"turns": [{"speaker": "manager", "text": "Coffee?"}, {"speaker": "seeker", "text": "yes"}]}


class FlushCountingIO(io.StringIO):
    """A stdout that records what had been written at each flush."""

    def __init__(self) -> None:
        super().__init__()
        self.flushed: list[str] = []

    def flush(self) -> None:
        self.flushed.append(self.getvalue())
        super().flush()


def _run(source: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(source, io.StringIO(stdin), out, err)
    return status, out.getvalue(), err.getvalue()


def test_file_gives_one_indented_analysis(tmp_path: Path) -> None:
    """A transcript file prints one indented analysis with the shift at the "Yes!"."""
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(SEED), encoding="utf-8")
    status, out, err = _run(str(path))
    assert (status, err) == (0, "")
    assert out.startswith("{\n  ")
    assert json.loads(out)["shift"]["turn"] == 1


def test_stdin_json_lines_in_order_one_per_line() -> None:
    """JSON Lines in give JSON Lines out, in order, blank lines skipped, flushed per line."""
    lines = "\n".join([json.dumps(SEED), "", "   ", json.dumps(CALM), json.dumps(SEED)]) + "\n"
    out = FlushCountingIO()
    status = run("-", io.StringIO(lines), out, io.StringIO())
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert status == 0
    assert [r["shift"] is not None for r in results] == [True, False, True]
    assert [flushed.count("\n") for flushed in out.flushed] == [1, 2, 3]


def test_bad_json_line_exits_2_with_one_line() -> None:
    """Invalid JSON on line 3 names the line and column; earlier analyses stay written."""
    lines = json.dumps(SEED) + "\n\n" + '{"turns": [1 2]}\n' + json.dumps(SEED) + "\n"
    status, out, err = _run("-", lines)
    assert status == 2
    assert err == "frameshift analyze: line 3: invalid JSON: Expecting ',' delimiter (column 14)\n"
    assert len(out.splitlines()) == 1


def test_unknown_speaker_in_file_exits_2(tmp_path: Path) -> None:
    """A turn with an unknown speaker is a one-line error naming the file and turn."""
    path = tmp_path / "bob.json"
    path.write_text('{"turns": [{"speaker": "bob", "text": "hi"}]}', encoding="utf-8")
    status, out, err = _run(str(path))
    assert (status, out) == (2, "")
    assert err == (
        f"frameshift analyze: {path}: turn 0: unknown speaker 'bob' (expected manager or seeker)\n"
    )


def test_bad_json_file_names_line_and_column(tmp_path: Path) -> None:
    """Invalid JSON in a file names the file, line and column on one line."""
    path = tmp_path / "broken.json"
    path.write_text('{\n  "turns": [\n}', encoding="utf-8")
    status, _, err = _run(str(path))
    assert status == 2
    assert err.startswith(f"frameshift analyze: {path}: invalid JSON: ")
    assert "(line 3, column 1)" in err
    assert err.count("\n") == 1


def test_missing_file_exits_2(tmp_path: Path) -> None:
    """A missing file is a one-line error, not a traceback."""
    missing = tmp_path / "nope.json"
    status, _, err = _run(str(missing))
    assert status == 2
    assert (
        err == f"frameshift analyze: {missing}: cannot read the file: No such file or directory\n"
    )


def test_deeply_nested_json_is_bad_input() -> None:
    """JSON nested beyond the parser's limits is reported, not crashed on."""
    status, _, err = _run("-", "[" * 100_000 + "\n")
    assert status == 2
    assert err.startswith("frameshift analyze: line 1: invalid JSON")


def test_empty_stdin_is_fine() -> None:
    """No transcripts in, nothing out, success."""
    assert _run("-", "") == (0, "", "")
