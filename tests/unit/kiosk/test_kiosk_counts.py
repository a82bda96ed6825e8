"""Anonymous counts: numbers per scenario and hour, in their own file, exported as CSV."""

from __future__ import annotations

import csv
import io
import sqlite3
import time
from pathlib import Path

import pytest

from app.store.counts import COUNTS_FILE, CSV_HEADER, Counts, frame_counts, hour_of


def test_rehearsals_add_up_per_scenario_and_hour(tmp_path: Path) -> None:
    """Two rehearsals in one hour share a row; another hour gets its own."""
    t = time.mktime((2025, 3, 4, 10, 15, 0, 0, 0, -1))
    with Counts.in_data_dir(tmp_path) as counts:
        counts.record("alumni-call", {"exploration": 2, "interview": 1}, shifted=True, when=t)
        counts.record("alumni-call", {"exploration": 3}, shifted=False, when=t + 600)
        counts.record("alumni-call", {"neutral": 1}, shifted=False, when=t + 3600)
        rows = counts.rows()
    assert (tmp_path / COUNTS_FILE).is_file()
    assert [r.as_tuple() for r in rows] == [
        (hour_of(t), "alumni-call", 2, 5, 1, 0, 1),
        (hour_of(t + 3600), "alumni-call", 1, 0, 0, 1, 0),
    ]


def test_totals_and_csv(tmp_path: Path) -> None:
    """Totals sum over hours; the CSV has the header and one line per row."""
    with Counts.in_data_dir(tmp_path) as counts:
        counts.record("a", {"interview": 2}, shifted=True)
        counts.record("b", {"exploration": 1}, shifted=False)
        totals = counts.totals()
        out = io.StringIO()
        written = counts.write_csv(out)
    assert totals["a"] == {
        "sessions": 1,
        "exploration": 0,
        "interview": 2,
        "neutral": 0,
        "shifted": 1,
    }
    lines = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(lines[0]) == CSV_HEADER
    assert written == 2
    assert len(lines) == 3


def test_counts_hold_numbers_only(tmp_path: Path) -> None:
    """The table has no column that could hold a visitor's words."""
    with Counts.in_data_dir(tmp_path) as counts:
        counts.record("a", {"exploration": 1}, shifted=False)
    conn = sqlite3.connect(tmp_path / COUNTS_FILE)
    columns = {row[1]: row[2] for row in conn.execute("PRAGMA table_info(counts)")}
    conn.close()
    assert set(columns) == set(CSV_HEADER)
    assert {k for k, v in columns.items() if v == "TEXT"} == {"hour", "scenario_id"}


def test_bad_frames_are_rejected(tmp_path: Path) -> None:
    """Unknown frame names and negative counts are caller bugs."""
    with Counts.in_data_dir(tmp_path) as counts:
        with pytest.raises(ValueError, match="unknown frames"):
            counts.record("a", {"chat": 1}, shifted=False)
        with pytest.raises(ValueError, match="negative"):
            counts.record("a", {"interview": -1}, shifted=False)
        assert counts.rows() == []


def test_frame_counts_ignores_non_frames() -> None:
    """frame_counts counts the three frames and skips None or anything else."""
    assert frame_counts(["exploration", "interview", None, "exploration", "x"]) == {
        "exploration": 2,
        "interview": 1,
        "neutral": 0,
    }


def test_clear_empties_the_counts(tmp_path: Path) -> None:
    """The operator's Clear removes every row."""
    with Counts.in_data_dir(tmp_path) as counts:
        counts.record("a", {}, shifted=False)
        counts.clear()
        assert counts.rows() == []
