"""Generated histories for the question-count tests: sessions with real analyses (typed and
recognizer-style answers, 0-3 questions, two in one sentence, requests beside them), saved
through the Store API as a caller that does not count them would; and the same history
written into a file of the schema before the counts were stored (version 1), as a user who
ran an older Frameshift has it."""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlite_utils import Database

from app.framing import Analysis, Turn, analyze
from app.store import MIGRATIONS, Store, migrate

MANAGER = (
    "Good to meet you. So what brings you here tonight?",
    "We build the pipelines that feed the hospital dashboards.",
    "Most of my week goes on planning the next release with the clinics.",
    "So, are you interested in the position?",
    "It took me a while to find where I fit. Any questions?",
)
STATEMENTS = (
    "I came to hear how people got into data work.",
    "i've been doing marketing analytics for five years",
    "That sounds like a lot of plumbing.",
    "Honestly I'm not sure yet.",
    "I'm curious too.",
)
QUESTIONS = (
    "What does your team work on?",
    "what does a typical week look like for you",
    "How did you end up managing a platform team, did you plan it?",
    "how do the clinics use the dashboards",
    "What's the hardest part of the job?",
    "and who decides what gets built next",
    "What tools do you use, and how big is the team?",
    "is there anyone else you think i should talk to",
    "Tell me more.",
    "I'm curious what the team does day to day",
)
REQUESTS = (
    "Could you refer me for the role?",
    "what's the salary",
    "Please put me forward.",
    "When could I start?",
)

#: The version-1 columns, in order: what an older Frameshift wrote.
V1_SESSION_COLUMNS = (
    "id, scenario_id, scenario_title, persona, mode, started_at, ended_at, outcome_id, "
    "outcome_label, outcome_kind, status, shift_turn, shift_cue, analysis_json, "
    "parent_session_id, retry_from_turn"
)
V1_TURN_COLUMNS = (
    "id, session_id, idx, speaker, node_id, text, frame, score, cues_json, started_at, "
    "ended_at, audio_path, recognizer_ms"
)


def answer(rng: random.Random) -> str:
    parts = [rng.choice(STATEMENTS)] if rng.random() < 0.6 else []
    parts += rng.sample(QUESTIONS, rng.randint(0, 3))
    if rng.random() < 0.2:
        parts.append(rng.choice(REQUESTS))
    rng.shuffle(parts)
    sep = ", " if rng.random() < 0.3 else " "
    return sep.join(parts) or "Right."


def script(rng: random.Random) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for _ in range(rng.randint(1, 5)):
        out.append(("manager", rng.choice(MANAGER)))
        out.append(("seeker", answer(rng)))
    return out


def add_said(store: Store, sid: int, said: list[tuple[str, str]]) -> Analysis:
    """Store `said` ((speaker, text) in order) as session `sid`'s turns, each framed by the
    analyzer over the whole talk; the analysis."""
    result = analyze([Turn(speaker, text) for speaker, text in said])  # type: ignore[arg-type]
    for idx, ((speaker, text), turn) in enumerate(zip(said, result.turns, strict=True)):
        store.add_turn(
            sid,
            idx=idx,
            speaker=speaker,
            text=text,
            frame=turn.frame,
            score=turn.score,
            cues=[c.to_dict() for c in turn.cues],
        )
    return result


def save_uncounted(store: Store, rng: random.Random, n: int, *, t0: float = 1.76e9) -> list[int]:
    """`n` sessions with real analyses, saved without a question count (most finished, some
    ended early, one in ten with no analysis); their ids, oldest first."""
    ids = []
    for i in range(n):
        said = script(rng)
        sid = store.create_session(
            scenario_id="connector-intro",
            scenario_title="Introduced to a hiring manager",
            persona="Marcus",
            mode=rng.choice(["typed", "voice", "kiosk"]),
            started_at=t0 + i * 600,
        )
        result = add_said(store, sid, said)
        store.finish_session(
            sid,
            status="finished" if rng.random() < 0.85 else "incomplete",
            ended_at=t0 + i * 600 + 300,
            analysis=result.to_dict() if rng.random() < 0.9 else None,
        )
        ids.append(sid)
    return ids


def as_version_1(source: Path, target: Path) -> None:
    """Write `source`'s sessions and turns into a new file at schema version 1 (the schema
    before question counts were stored), row for row."""
    with Database(target) as db:
        migrate(db, target, MIGRATIONS[:1])
    with closing(sqlite3.connect(target, isolation_level=None)) as raw:
        raw.execute("ATTACH DATABASE ? AS src", (str(source),))
        raw.execute("BEGIN")
        raw.execute(
            f"INSERT INTO sessions ({V1_SESSION_COLUMNS}) "
            f"SELECT {V1_SESSION_COLUMNS} FROM src.sessions"
        )
        raw.execute(
            f"INSERT INTO turns ({V1_TURN_COLUMNS}) SELECT {V1_TURN_COLUMNS} FROM src.turns"
        )
        raw.execute("COMMIT")
        raw.execute("DETACH DATABASE src")
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 1


def rows(path: Path, table: str, columns: str) -> list[tuple[object, ...]]:
    """Every row of `table` (those columns), by id: to compare a file before and after."""
    with closing(sqlite3.connect(path)) as raw:
        return raw.execute(f"SELECT {columns} FROM {table} ORDER BY id").fetchall()
