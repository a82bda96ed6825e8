"""JSON and CSV exports: the transcript and analysis contracts (docs/architecture.md) and more."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from app.report.delivery import count_fillers, count_words
from app.report.model import Report
from app.report.questions import exported_metrics

EXPORT_VERSION = 1

CSV_COLUMNS = (
    "session_id",
    "turn",
    "speaker",
    "text",
    "frame",
    "score",
    "cues",
    "cue_words",
    "shift",
    "words",
    "wpm",
    "fillers",
    "audio_path",
    "answer",  # "Answer N" as the replay names it (seeker rows; last, so columns stay put)
)


def _iso(ts: float | None) -> str | None:
    return None if ts is None else dt.datetime.fromtimestamp(ts).isoformat(timespec="seconds")


def session_fields(report: Report) -> dict[str, Any]:
    s = report.session
    return {
        "id": s.id,
        "scenario_id": s.scenario_id,
        "scenario_title": s.scenario_title,
        "persona": s.persona,
        "mode": s.mode,
        "status": s.status,
        "started_at": _iso(s.started_at),
        "ended_at": _iso(s.ended_at),
        "outcome_id": s.outcome_id,
        "outcome_label": s.outcome_label,
        "outcome_kind": s.outcome_kind,
        "shift_turn": s.shift_turn,
        # The shift's answer as the replay names it ("Answer N": the N-th of your answers).
        "shift_answer": None if s.shift_turn is None else report.numbers.number(s.shift_turn),
        "parent_session_id": s.parent_session_id,
        "retry_from_turn": s.retry_from_turn,
    }


def report_dict(report: Report) -> dict[str, Any]:
    """One JSON document: session, transcript, analysis, coach and delivery."""
    shift = report.shift
    return {
        "frameshift_export": EXPORT_VERSION,
        "session": session_fields(report),
        "transcript": report.transcript(),
        "analysis": {
            "turns": report.analysis.get("turns", []),
            "shift": report.analysis.get("shift"),
            "metrics": exported_metrics(
                report.analysis.get("metrics", {}),
                ((t.index, t.speaker, t.text, t.cues) for t in report.turns),
            ),
        },
        "coach": None
        if shift is None
        else {
            "pivot_turn": shift.pivot_turn,
            "alternative": shift.alternative,
            "note": shift.coach_note,
        },
        "coaching": [
            {**c.to_dict(), "answer": report.numbers.number(c.turn)} for c in report.coaching
        ],
        "metrics_explained": [
            {
                "key": m.key,
                "text": m.text,
                "turns": list(m.turns),
                "answers": [report.numbers.number(t) for t in m.turns],
            }
            for m in report.metrics
        ],
        "delivery": report.delivery.to_dict(),
    }


def to_json(report: Report) -> str:
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False) + "\n"


#: A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """User text made inert for spreadsheets: a leading apostrophe before a formula start."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def to_csv(report: Report) -> str:
    """One row per turn (the csv module quotes commas, quotes and newlines in the text; text
    that a spreadsheet would run as a formula gets a leading apostrophe)."""
    paces = {p.turn: p for p in report.delivery.paces}
    shift_turn = report.shift.turn if report.shift else None
    numbers = report.numbers
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for t in report.turns:
        pace = paces.get(t.index)
        fillers = count_fillers(t.text) if t.speaker == "seeker" else {}
        writer.writerow(
            [
                report.session.id,
                t.index,
                t.speaker,
                _cell(t.text),
                t.frame,
                f"{t.score:.3f}",
                ";".join(sorted({str(c.get("cue")) for c in t.cues})),
                _cell(";".join(str(c.get("text", "")) for c in t.cues)),
                "yes" if t.index == shift_turn else "",
                count_words(t.text),
                "" if pace is None or pace.wpm is None else f"{pace.wpm:.0f}",
                sum(fillers.values()) if fillers else "",
                t.audio_path or "",
                numbers.number(t.index) if t.speaker == "seeker" else "",
            ]
        )
    return buf.getvalue()
