"""Rows as small frozen dataclasses, so nothing above the store sees SQL or JSON text; and the
checks a value passes before it is written into a row."""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MODES = frozenset({"typed", "voice", "kiosk"})
STATUSES = frozenset({"active", "finished", "incomplete", "interrupted"})
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
        raw = row["analysis_json"]
        return cls(
            id=row["id"],
            scenario_id=row["scenario_id"],
            scenario_title=row["scenario_title"],
            persona=row["persona"],
            mode=row["mode"],
            started_at=float(row["started_at"]),  # text here: a damaged cell (ValueError)
            ended_at=row["ended_at"],
            outcome_id=row["outcome_id"],
            outcome_label=row["outcome_label"],
            outcome_kind=row["outcome_kind"],
            status=row["status"],
            shift_turn=row["shift_turn"],
            shift_cue=row["shift_cue"],
            analysis=json.loads(raw) if raw is not None else None,
            parent_session_id=row["parent_session_id"],
            retry_from_turn=row["retry_from_turn"],
            turn_count=row["turn_count"],
            curious_questions=row.get("curious_questions"),
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
        return cls(
            id=row["id"],
            session_id=row["session_id"],
            idx=row["idx"],
            speaker=row["speaker"],
            node_id=row["node_id"],
            text=row["text"],
            frame=row["frame"],
            score=row["score"],
            cues=json.loads(row["cues_json"]),
            started_at=row["started_at"],
            ended_at=row["ended_at"],
            audio_path=row["audio_path"] if recording_parts(row["audio_path"]) else None,
            recognizer_ms=row["recognizer_ms"],
        )
