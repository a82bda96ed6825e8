"""Newcomer N12 (session 12): `frameshift validate` showed no warning of a file with an error (an
author fixed the errors, then met a second round), and two scenarios with one title (alike in
the picker and History) were not warned. Generated: a warned scenario x each kind of graph error;
titles used by two to four files, differing only in case and spacing, and distinct ones.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import CHAIN, MINIMAL

from app.cli.validate import run

CHAIN_WARNING = "warning: nodes 'hello' and 'middle' each have a single unconditional branch"

#: Graph errors (the file is a scenario, but not a sound one): name -> (old, new) in CHAIN. (A
#: schema error, an unknown cue say, leaves no scenario to check: only the title is warned.)
ERRORS = {
    "missing-target": ("        goto: poor_end\n", "        goto: nowhere\n"),
    "bad-start": ("start: hello", "start: missing_node"),
    "unreachable": (
        "  good_end:\n",
        '  island:\n    say: "Nobody gets here."\n    branches:\n      - goto: good_end\n'
        "  good_end:\n",
    ),
    "pivotal-without-coach": (
        '    coach: {note: "It tips here.", alternative: "I don\'t know yet."}\n',
        "",
    ),
}


def _run(paths: list[Path]) -> tuple[int, list[str]]:
    out, err = io.StringIO(), io.StringIO()
    status = run([str(p) for p in paths], out, err, default_dirs=[])
    assert err.getvalue() == ""
    return status, out.getvalue().splitlines()


@pytest.mark.parametrize("error", sorted(ERRORS))
def test_a_file_with_an_error_still_shows_its_warnings(error: str, tmp_path: Path) -> None:
    old, new = ERRORS[error]
    assert old in CHAIN
    path = tmp_path / "tiny.yaml"
    path.write_text(CHAIN.replace(old, new), encoding="utf-8")
    status, lines = _run([path])
    assert status == 2
    errors = [x for x in lines[:-1] if "warning:" not in x]
    warnings = [x for x in lines[:-1] if "warning:" in x]
    assert errors, lines  # the error is there ...
    assert all(x.startswith(f"{path}:") for x in errors)
    assert any(CHAIN_WARNING in x and x.startswith(f"{path}:") for x in warnings), (
        lines
    )  # ... and so is the warning
    assert lines[-1].endswith("(1 warning)") or "warnings)" in lines[-1]


def test_a_sound_file_keeps_its_warnings_and_a_clean_one_has_none(tmp_path: Path) -> None:
    warned, clean = tmp_path / "tiny.yaml", tmp_path / "other.yaml"
    warned.write_text(CHAIN, encoding="utf-8")
    clean.write_text(MINIMAL.replace("id: tiny", "id: other").replace("A tiny", "Another"), "utf-8")
    status, lines = _run([warned, clean])
    assert status == 0
    assert [x for x in lines if "warning:" in x and x.startswith(f"{clean}:")] == []
    assert any(CHAIN_WARNING in x for x in lines)


TITLES = ["A tiny scenario", "a TINY scenario", "  A  tiny   scenario ", "A Tiny Scenario"]


@pytest.mark.parametrize("count", [2, 3, 4])
def test_a_title_used_twice_is_warned_naming_both_files(count: int, tmp_path: Path) -> None:
    files = []
    for n in range(count):
        path = tmp_path / f"s{n}.yaml"
        text = MINIMAL.replace("id: tiny", f"id: s{n}").replace(
            "title: A tiny scenario", f'title: "{TITLES[n]}"'
        )
        path.write_text(text, encoding="utf-8")
        files.append(path)
    status, lines = _run(files)
    assert status == 0  # a warning never fails
    titled = [x for x in lines if "is also the title of" in x]
    assert len(titled) == count - 1
    for later in files[1:]:
        line = next(x for x in titled if x.startswith(f"{later}:"))
        assert str(files[0]) in line  # names both files
        assert ":2: warning:" in line  # at the title's line


def test_distinct_titles_are_not_warned(tmp_path: Path) -> None:
    files = []
    for n, title in enumerate(["Coffee with a recruiter", "Coffee with a recruiter 2", "Tea"]):
        path = tmp_path / f"s{n}.yaml"
        path.write_text(
            MINIMAL.replace("id: tiny", f"id: s{n}").replace("A tiny scenario", title), "utf-8"
        )
        files.append(path)
    status, lines = _run(files)
    assert status == 0
    assert not [x for x in lines if "is also the title of" in x]


def test_a_title_shared_with_a_broken_file_is_warned_too(tmp_path: Path) -> None:
    good, broken = tmp_path / "tiny.yaml", tmp_path / "copy.yaml"
    good.write_text(MINIMAL, encoding="utf-8")
    broken.write_text(
        MINIMAL.replace("id: tiny", "id: copy").replace("poor_end\n", "gone\n", 1), "utf-8"
    )
    status, lines = _run([good, broken])
    assert status == 2
    assert any(x.startswith(f"{broken}:") and str(good) in x and "title" in x for x in lines)
