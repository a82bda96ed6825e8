"""Rows as small frozen dataclasses, so nothing above the store sees SQL or JSON text; and the
checks a value passes before it is written into a row."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.store.errors import DamagedSession

MODES = frozenset({"typed", "voice", "kiosk"})
#: "out_of_answers": `frameshift play` (or a test plan) was given fewer answers than the talk
#: needed, so it stopped there; "incomplete": the user ended it early.
STATUSES = frozenset({"active", "finished", "incomplete", "interrupted", "out_of_answers"})
SPEAKERS = frozenset({"manager", "seeker"})
FRAMES = frozenset({"exploration", "interview", "neutral"})


def check(ok: bool, what: str) -> None:
    """Reject a bad argument before it reaches SQL: these are bugs in the caller, not user input."""
    if not ok:
        raise ValueError(what)


def check_one_of(value: str | None, allowed: frozenset[str], name: str) -> None:
    if value is not None:
        check(value in allowed, f"{name} must be one of {sorted(allowed)}, not {value!r}")


#: The only shape a stored recording path has: ``audio/<session>/<idx>-<speaker>.wav``, as
#: ``app.session.recordings.Recordings.save`` writes it (``\\`` accepted: a Windows-written
#: history). ASCII digits only, and bounded, so no other file can be named by a row.
RECORDING_PATH = re.compile(r"audio[/\\]([0-9]{1,18})[/\\]([0-9]{3,9})-(seeker|manager)\.wav")


def recording_parts(audio_path: object) -> tuple[int, int, str] | None:
    """``(session, idx, speaker)`` of a stored recording path, or None when it is not one (any
    other path, "..", absolute, NUL, too long, not a string): such a row has no recording."""
    if not isinstance(audio_path, str):
        return None
    m = RECORDING_PATH.fullmatch(audio_path)
    if m is None:
        return None
    session, idx = int(m.group(1)), int(m.group(2))
    if m.group(1) != str(session) or m.group(2) != f"{idx:03d}":  # only the name save() writes
        return None
    return session, idx, m.group(3)


def recording_file(
    data_dir: Path, audio_path: object, session_id: int | None = None
) -> Path | None:
    """The file of a stored recording path, or None when the row has no recording: the path is
    not of :func:`recording_parts`'s shape, not of ``session_id`` when given, or not a regular
    file whose real path is that very name inside the real ``data_dir/audio`` (a symlinked
    session folder or file, a missing file). The one place where a stored path becomes a file:
    the report's readers, the replay and ``app.session.recordings`` (delete) all go through it.
    """
    parts = recording_parts(audio_path)
    if parts is None or (session_id is not None and parts[0] != session_id):
        return None
    sid, idx, speaker = parts
    root = Path(data_dir) / "audio"
    path = root / str(sid) / f"{idx:03d}-{speaker}.wav"
    try:
        expected = root.resolve(strict=True) / str(sid) / path.name
        real = path.resolve(strict=True)
        if real != expected or not stat.S_ISREG(os.lstat(real).st_mode):
            return None
    except (OSError, RuntimeError, ValueError):
        return None
    return path


def check_audio_path(audio_path: str | None) -> None:
    if audio_path is not None:
        check(
            recording_parts(audio_path) is not None,
            "audio_path must be audio/<session>/<idx>-(seeker|manager).wav relative to the "
            f"data dir, not {audio_path!r}",
        )


def to_json(value: Any) -> str:
    """A JSON column's text: compact, UTF-8 as is, no NaN (SQLite's json functions refuse it)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _damaged(key: str, value: object) -> ValueError:
    return ValueError(f"{key} holds {type(value).__name__} {str(value)[:40]!r}")


def _text(row: Mapping[str, Any], key: str, *, null: bool = False) -> Any:
    """A TEXT cell: SQLite keeps what was written as text (a number written there is stored
    as its text), so anything else (a number, a blob, NULL in a NOT NULL column) is damage."""
    value = row[key]
    if isinstance(value, str) or (null and value is None):
        return value
    raise _damaged(key, value)


def _whole(row: Mapping[str, Any], key: str, *, null: bool = False) -> Any:
    """An INTEGER cell (text such as "3" was stored as 3: anything else is damage)."""
    value = row[key]
    if (isinstance(value, int) and not isinstance(value, bool)) or (null and value is None):
        return value
    raise _damaged(key, value)


def _number(row: Mapping[str, Any], key: str, *, null: bool = True) -> Any:
    """A REAL cell: a finite number, or NULL where NULL may be written."""
    value = row[key]
    if null and value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    raise _damaged(key, value)


#: The wall-clock times a session may have started (`time.time()` when written): from 1970
#: to a day before the year 10000, so every reader can show it as a local date (the
#: History's date, the CLI's ISO time, the chart's axis). `HistoryQueries.progress` keeps
#: the chart's rows to it in SQL.
MOMENTS = (0.0, 253_402_214_400.0)


def _moment(row: Mapping[str, Any], key: str, *, null: bool = False) -> Any:
    """A wall-clock time within `MOMENTS` that is a date here."""
    value = _number(row, key, null=null)
    if value is not None:
        try:
            if not MOMENTS[0] <= value <= MOMENTS[1]:
                raise ValueError(value)
            dt.datetime.fromtimestamp(value)
        except (OverflowError, OSError, ValueError) as exc:
            raise _damaged(key, value) from exc
    return value


def _json(row: Mapping[str, Any], key: str, kind: type, *, null: bool = False) -> Any:
    """A JSON cell (`to_json` wrote it): text that parses as a `kind` (an object or a list)."""
    raw = _text(row, key, null=null)
    if raw is None:
        return None
    try:
        value = json.loads(raw)  # a broken cell: ValueError
    except RecursionError as exc:  # nested deeper than the parser goes: no JSON we wrote
        raise _damaged(key, raw[:40]) from exc
    if not isinstance(value, kind):
        raise _damaged(key, value)
    return value


def session_moment(row: Mapping[str, Any]) -> float | None:
    """A session row's start when its cell still reads as a date (a damaged row is listed by
    its id and, when this survives, its date)."""
    try:
        return _moment(row, "started_at")  # type: ignore[no-any-return]
    except (KeyError, ValueError):
        return None


@dataclass(frozen=True, slots=True)
class UnreadableSession:
    """A session listed by its id whose row cannot be what was written (a cell overwritten on
    pages SQLite still reads): the History and `frameshift history` show it as one labelled
    row, never failing the whole list; `problem` says so and that deleting it is the way
    forward. `started_at` and `scenario_title` are given when those cells still read."""

    id: int
    problem: DamagedSession
    started_at: float | None = None
    scenario_title: str | None = None

    @classmethod
    def from_row(cls, row: Mapping[str, Any], path: Path) -> UnreadableSession:
        title = row.get("scenario_title")
        return cls(
            id=int(row["id"]),
            problem=DamagedSession(path, int(row["id"])),
            started_at=session_moment(row),
            scenario_title=title if isinstance(title, str) and title.strip() else None,
        )


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """One rehearsal; `analysis` is the framing Analysis JSON, None until the session ends."""

    id: int
    scenario_id: str
    scenario_title: str
    persona: str
    mode: str
    started_at: float
    ended_at: float | None
    outcome_id: str | None
    outcome_label: str | None
    outcome_kind: str | None
    status: str
    shift_turn: int | None
    shift_cue: str | None
    analysis: dict[str, Any] | None
    parent_session_id: int | None
    retry_from_turn: int | None
    turn_count: int
    #: The seeker's curious questions as `app.report.questions` counts them, stored when the
    #: session ended; None until counted (a legacy row, an unfinished session).
    curious_questions: int | None = None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> SessionRecord:
        """Build from a `sessions` row plus a `turn_count` column (a file older than the
        question counts, read as it is, has no `curious_questions` column)."""
        counted = row.get("curious_questions")  # a version-1 file has no such column
        if counted is not None:
            counted = _whole(row, "curious_questions")
        return cls(
            id=_whole(row, "id"),
            scenario_id=_text(row, "scenario_id"),
            scenario_title=_text(row, "scenario_title"),
            persona=_text(row, "persona"),
            mode=_text(row, "mode"),
            started_at=_moment(row, "started_at"),
            ended_at=_moment(row, "ended_at", null=True),
            outcome_id=_text(row, "outcome_id", null=True),
            outcome_label=_text(row, "outcome_label", null=True),
            outcome_kind=_text(row, "outcome_kind", null=True),
            status=_text(row, "status"),
            shift_turn=_whole(row, "shift_turn", null=True),
            shift_cue=_text(row, "shift_cue", null=True),
            analysis=_json(row, "analysis_json", dict, null=True),
            parent_session_id=_whole(row, "parent_session_id", null=True),
            retry_from_turn=_whole(row, "retry_from_turn", null=True),
            turn_count=_whole(row, "turn_count"),
            curious_questions=counted,
        )


@dataclass(frozen=True, slots=True)
class TurnRecord:
    """One line said in a session; `audio_path` is relative to the data dir, None when the row
    holds none or anything but a recording's path (see :func:`recording_parts`)."""

    id: int
    session_id: int
    idx: int
    speaker: str
    node_id: str | None
    text: str
    frame: str | None
    score: float | None
    cues: list[dict[str, Any]]
    started_at: float | None
    ended_at: float | None
    audio_path: str | None
    recognizer_ms: float | None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> TurnRecord:
        """Build from a `turns` row."""
        cues = _json(row, "cues_json", list)
        if not all(isinstance(c, dict) for c in cues):
            raise _damaged("cues_json", cues)
        return cls(
            id=_whole(row, "id"),
            session_id=_whole(row, "session_id"),
            idx=_whole(row, "idx"),
            speaker=_text(row, "speaker"),
            node_id=_text(row, "node_id", null=True),
            text=_text(row, "text"),
            frame=_text(row, "frame", null=True),
            score=_number(row, "score"),
            cues=cues,
            started_at=_number(row, "started_at"),
            ended_at=_number(row, "ended_at"),
            audio_path=row["audio_path"] if recording_parts(row["audio_path"]) else None,
            recognizer_ms=_number(row, "recognizer_ms"),
        )
