"""Anonymous kiosk counts: how many rehearsals, how they were framed, per scenario and hour.

Only numbers, never words: a booth operator may keep these (``kiosk.anonymous_counts``) while
everything a visitor said is wiped. They live in their own SQLite file next to, not inside, the
history database, so a reset can never touch them and they can never hold a transcript.
"""

from __future__ import annotations

import csv
import sqlite3
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from sqlite_utils import Database

from app.store.errors import StoreError, translate

COUNTS_FILE = "kiosk-counts.db"
FRAME_COLUMNS = ("exploration", "interview", "neutral")
CSV_HEADER = ("hour", "scenario_id", "sessions", *FRAME_COLUMNS, "shifted")
_TABLE = "counts"


@dataclass(frozen=True)
class CountRow:
    """One scenario in one hour (``hour`` is local time, ``YYYY-MM-DD HH:00``)."""

    hour: str
    scenario_id: str
    sessions: int
    exploration: int
    interview: int
    neutral: int
    shifted: int

    def as_tuple(self) -> tuple[str, str, int, int, int, int, int]:
        return (
            self.hour,
            self.scenario_id,
            self.sessions,
            self.exploration,
            self.interview,
            self.neutral,
            self.shifted,
        )


def hour_of(when: float) -> str:
    return time.strftime("%Y-%m-%d %H:00", time.localtime(when))


class Counts:
    """The counts file; every method raises only StoreError subclasses."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except (sqlite3.Error, OSError) as exc:
            raise translate(exc, self.path) from exc
        self._db = Database(conn, execute_plugins=False)
        try:
            self._db.execute(
                f"CREATE TABLE IF NOT EXISTS {_TABLE} ("
                " hour TEXT NOT NULL, scenario_id TEXT NOT NULL,"
                " sessions INTEGER NOT NULL DEFAULT 0,"
                " exploration INTEGER NOT NULL DEFAULT 0,"
                " interview INTEGER NOT NULL DEFAULT 0,"
                " neutral INTEGER NOT NULL DEFAULT 0,"
                " shifted INTEGER NOT NULL DEFAULT 0,"
                " PRIMARY KEY (hour, scenario_id))"
            )
        except sqlite3.Error as exc:
            conn.close()
            raise translate(exc, self.path) from exc

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> Counts:
        return cls(Path(data_dir) / COUNTS_FILE)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Counts:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def record(
        self,
        scenario_id: str,
        frames: Mapping[str, int],
        *,
        shifted: bool,
        when: float | None = None,
    ) -> None:
        """Add one rehearsal: its seeker turns per frame and whether it tipped into an interview."""
        unknown = set(frames) - set(FRAME_COLUMNS)
        if unknown:
            raise ValueError(f"unknown frames: {sorted(unknown)}")
        if any(int(n) < 0 for n in frames.values()):
            raise ValueError("frame counts cannot be negative")
        hour = hour_of(time.time() if when is None else when)
        values = [int(frames.get(f, 0)) for f in FRAME_COLUMNS]
        try:
            self._db.execute(
                f"INSERT INTO {_TABLE} (hour, scenario_id, sessions, exploration, interview,"
                " neutral, shifted) VALUES (?, ?, 1, ?, ?, ?, ?)"
                " ON CONFLICT (hour, scenario_id) DO UPDATE SET"
                " sessions = sessions + 1,"
                " exploration = exploration + excluded.exploration,"
                " interview = interview + excluded.interview,"
                " neutral = neutral + excluded.neutral,"
                " shifted = shifted + excluded.shifted",
                [hour, scenario_id, *values, 1 if shifted else 0],
            )
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from exc

    def rows(self) -> list[CountRow]:
        """Every hour and scenario, oldest first."""
        try:
            cursor = self._db.execute(
                f"SELECT {', '.join(CSV_HEADER)} FROM {_TABLE} ORDER BY hour, scenario_id"
            )
            return [CountRow(*row) for row in cursor.fetchall()]
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from exc

    def totals(self) -> dict[str, dict[str, int]]:
        """Per scenario: sessions, frames and shifts over all hours."""
        out: dict[str, dict[str, int]] = {}
        for row in self.rows():
            t = out.setdefault(
                row.scenario_id, {k: 0 for k in ("sessions", *FRAME_COLUMNS, "shifted")}
            )
            t["sessions"] += row.sessions
            t["exploration"] += row.exploration
            t["interview"] += row.interview
            t["neutral"] += row.neutral
            t["shifted"] += row.shifted
        return out

    def write_csv(self, out: TextIO) -> int:
        """Write every row as CSV with a header; returns the number of data rows."""
        rows = self.rows()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        for row in rows:
            writer.writerow(row.as_tuple())
        return len(rows)

    def clear(self) -> None:
        try:
            self._db.execute(f"DELETE FROM {_TABLE}")
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from exc


def frame_counts(frames: list[Any]) -> dict[str, int]:
    """Count frame names (``"exploration"``...), ignoring anything that is not one."""
    out = dict.fromkeys(FRAME_COLUMNS, 0)
    for frame in frames:
        if frame in out:
            out[frame] += 1
    return out


__all__ = ["COUNTS_FILE", "CSV_HEADER", "CountRow", "Counts", "StoreError", "frame_counts"]
