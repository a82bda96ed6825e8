"""Histories with damaged rows, as bit rot or a torn write leaves them on pages SQLite still
reads: a cell holding what no write of Frameshift's could have put there (NULL in a NOT NULL
column, text where a number goes, a number or a blob where text goes, a date no clock gives,
JSON that does not parse or is of the wrong kind, a turn's cell likewise). The value is put
in through a loosened copy of the table's declaration (no types, no NOT NULL), so SQLite stores
it as given, then the declaration is put back: the file is byte for byte what such damage
leaves, readable pages and all. Shared by the store, command-line and History tests."""

from __future__ import annotations

import random
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from app.store import Store

BLOB = b"\xff\x00\xfe"
#: Bad values for each kind of column.
_TEXT = (BLOB, 7, 2.5)
_MOMENT = ("x1", "", BLOB, 1e300, -1e300, float("inf"), "2026-12-02T08:00:00")
_WHOLE = ("abc", "", 2.5, BLOB)

#: Session columns -> values that damage them (NOT NULL columns also take NULL).
SESSION_DAMAGE: dict[str, tuple[object, ...]] = {
    "scenario_id": (None, *_TEXT),
    "scenario_title": (None, *_TEXT),
    "persona": (None, *_TEXT),
    "mode": (None, *_TEXT),
    "status": (None, *_TEXT),
    "outcome_label": _TEXT,
    "outcome_id": _TEXT,
    "outcome_kind": _TEXT,
    "shift_cue": _TEXT,
    "started_at": (None, *_MOMENT),
    "ended_at": _MOMENT,
    "shift_turn": _WHOLE,
    "parent_session_id": _WHOLE,
    "retry_from_turn": _WHOLE,
    "curious_questions": _WHOLE,
    "analysis_json": ("{bad", '{"frame": "expl', "[1, 2]", "3", '"s"', "", BLOB, 7),
}
#: Analysis JSON that parses as an object but is not the shape the History's words read:
#: the store lists it; the History, which cannot describe it, lists it as damaged.
SHAPE_DAMAGE: dict[str, tuple[object, ...]] = {
    "analysis_json": ('{"turns": 5}', '{"turns": [{"index": "a"}]}', '{"turns": "abc"}'),
}
#: Turn columns -> values that damage them: the session's row still reads (it is listed),
#: opening it says it is damaged.
TURN_DAMAGE: dict[str, tuple[object, ...]] = {
    "text": (None, BLOB, 7),
    "speaker": (None, BLOB),
    "idx": ("x", 2.5),
    "cues_json": ("{bad", "[1]", "{}", "", None),
    "score": ("x", BLOB),
    "started_at": ("x",),
}


@dataclass(frozen=True)
class Damage:
    table: str  # "sessions" or "turns"
    column: str
    value: object

    def __str__(self) -> str:
        return f"{self.table}.{self.column}={self.value!r}"


def every_damage(*, shapes: bool = False) -> list[Damage]:
    """Each column x each of its bad values (with `shapes`, the analysis shapes too)."""
    out = [Damage("sessions", c, v) for c, vs in SESSION_DAMAGE.items() for v in vs]
    if shapes:
        out += [Damage("sessions", c, v) for c, vs in SHAPE_DAMAGE.items() for v in vs]
    return out + [Damage("turns", c, v) for c, vs in TURN_DAMAGE.items() for v in vs]


def history(db: Path, n: int, rng: random.Random) -> list[int]:
    """`n` finished sessions, two turns each, started a minute apart (so the list's order is
    known: newest first); some retried from an earlier one. Returns their ids, oldest first."""
    ids: list[int] = []
    with Store(db) as store:
        for k in range(n):
            parent = rng.choice(ids) if ids and rng.random() < 0.3 else None
            sid = store.create_session(
                scenario_id=f"scenario-{k}",
                scenario_title=f"Title {k} ✓",
                persona="P",
                mode=rng.choice(["typed", "voice"]),
                started_at=1.7e9 + 60 * k,
                parent_session_id=parent,
                retry_from_turn=1 if parent else None,
            )
            store.add_turn(sid, idx=0, speaker="manager", text=f"Hello {k}")
            store.add_turn(sid, idx=1, speaker="seeker", text=f"What do you do? {k}")
            shifted = rng.random() < 0.3
            analysis = {
                "turns": [{"index": 1, "speaker": "seeker", "frame": "exploration"}],
                "shift": {"turn": 1, "cue": "ask"} if shifted else None,
            }
            store.finish_session(
                sid,
                status="finished",
                ended_at=1.7e9 + 60 * k + 30,
                outcome_label=f"Outcome {k}",
                analysis=analysis,
                curious_questions=rng.randint(0, 3),
            )
            ids.append(sid)
    return ids


def damage(db: Path, sid: int, what: Damage) -> None:
    """Put `what` into session `sid`'s row (or its turn 1) as bit rot would."""
    row = sid
    with closing(sqlite3.connect(db)) as raw:
        if what.table == "turns":  # its second turn (the seeker's)
            (row,) = raw.execute(
                "SELECT id FROM turns WHERE session_id = ? AND idx = 1", (sid,)
            ).fetchone()
        raw.execute("PRAGMA writable_schema = ON")
        (sql,) = raw.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (what.table,)
        ).fetchone()
        loose = re.sub(r"\s+NOT NULL", "", sql)
        # every declared type but the rowid's: no affinity, so the value is stored as given
        loose = re.sub(r"^(\s+\w+) (TEXT|REAL|INTEGER)(?! PRIMARY KEY)", r"\1", loose, flags=re.M)
        raw.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (loose, what.table))
        raw.commit()
    with closing(sqlite3.connect(db)) as raw:
        raw.execute(f"UPDATE {what.table} SET {what.column} = ? WHERE id = ?", (what.value, row))
        raw.commit()
        raw.execute("PRAGMA writable_schema = ON")
        raw.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (sql, what.table))
        raw.commit()
    with closing(sqlite3.connect(db)) as raw:  # the file as damage leaves it: as declared
        (back,) = raw.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (what.table,)
        ).fetchone()
        assert back == sql
        (stored,) = raw.execute(
            f"SELECT typeof({what.column}) FROM {what.table} WHERE id = ?", (row,)
        ).fetchone()
        assert stored == _typeof(what.value), (what, stored)


def _typeof(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bytes):
        return "blob"
    if isinstance(value, str):
        return "text"
    return "integer" if isinstance(value, int) else "real"


def positions(n: int, rng: random.Random) -> list[int]:
    """Which of `n` sessions (by index, oldest first) to damage: the first, the last, the middle
    and some at random; one to three at once."""
    picks = {0, n - 1, n // 2}
    picks |= {rng.randrange(n) for _ in range(rng.randint(0, 2))}
    return sorted(rng.sample(sorted(picks), k=min(len(picks), rng.randint(1, 3))))
