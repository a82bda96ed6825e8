"""What the history screen, the replay, the exports and the progress chart read.

Each read is one statement under the connection's lock and comes back as records
(`records.py`), never as SQL rows. `Store` inherits these, so a store opened read-only
(`Store.open_read_only`) offers exactly them.
"""

from __future__ import annotations

import json
from typing import Any

from app.store.connection import Connection
from app.store.errors import NoSuchSession, StoreError
from app.store.records import SessionRecord, TurnRecord, check

_SESSION_SELECT = """
    SELECT s.*, (SELECT count(*) FROM turns AS t WHERE t.session_id = s.id) AS turn_count
    FROM sessions AS s
"""


class HistoryQueries:
    """The reads of the history; `_conn` is the open connection (set by `Store`)."""

    _conn: Connection

    def session(self, session_id: int) -> SessionRecord:
        """One session; raises NoSuchSession (a StoreError) when it is not there."""
        with self._conn.read() as db:
            rows = list(db.query(_SESSION_SELECT + " WHERE s.id = ?", (session_id,)))
        if not rows:
            raise NoSuchSession(session_id)
        return SessionRecord.from_row(rows[0])

    def turns(self, session_id: int) -> list[TurnRecord]:
        """The session's turns in the order they were said (empty for an unknown session)."""
        with self._conn.read() as db:
            rows = list(
                db.query("SELECT * FROM turns WHERE session_id = ? ORDER BY idx", (session_id,))
            )
        return [TurnRecord.from_row(row) for row in rows]

    def sessions(self, *, limit: int | None = None, offset: int = 0) -> list[SessionRecord]:
        """A page of the history, newest first."""
        check(limit is None or limit >= 0, "limit must be 0 or more")
        check(offset >= 0, "offset must be 0 or more")
        with self._conn.read() as db:
            rows = list(
                db.query(
                    _SESSION_SELECT + " ORDER BY s.started_at DESC, s.id DESC LIMIT ? OFFSET ?",
                    (-1 if limit is None else limit, offset),
                )
            )
        return [SessionRecord.from_row(row) for row in rows]

    def count_sessions(self) -> int:
        """How many sessions the history holds."""
        with self._conn.read() as db:
            return int(db.execute("SELECT count(*) FROM sessions").fetchone()[0])

    def session_ids(self) -> set[int]:
        """Every session id in the history (to find recordings whose session is gone)."""
        with self._conn.read() as db:
            return {int(row[0]) for row in db.execute("SELECT id FROM sessions")}

    def interrupted_sessions(self) -> list[SessionRecord]:
        """Sessions a crash cut short (after `mark_interrupted`), newest first."""
        with self._conn.read() as db:
            rows = list(
                db.query(
                    _SESSION_SELECT
                    + " WHERE s.status = 'interrupted' ORDER BY s.started_at DESC, s.id DESC"
                )
            )
        return [SessionRecord.from_row(row) for row in rows]

    def progress(self) -> list[dict[str, Any]]:
        """Per finished session, oldest first: did it shift, how many questions did I ask.

        Keys: id, scenario_id, started_at, shifted (bool), seeker_questions (int | None, from
        the analysis' `metrics.questions.seeker.count` when present). Read in SQL, so the history
        chart never parses thousands of analysis documents in Python.
        """
        with self._conn.read() as db:
            rows = db.execute(
                """
                SELECT id, scenario_id, started_at, shift_turn IS NOT NULL,
                       json_extract(analysis_json, '$.metrics.questions.seeker.count')
                FROM sessions WHERE status = 'finished' ORDER BY started_at, id
                """
            ).fetchall()
        return [
            {
                "id": row[0],
                "scenario_id": row[1],
                "started_at": row[2],
                "shifted": bool(row[3]),
                "seeker_questions": row[4],
            }
            for row in rows
        ]

    def question_turns(self) -> dict[int, list[tuple[int, str, list[dict[str, Any]]]]]:
        """Per finished session: its seeker turns whose analysis found a question, as (index,
        text, the analysis' cues for that turn), in turn order. Only those turns leave SQLite
        (json_each picks them), so the History can count curious questions the way the replay
        does (`app.report.questions.progress`) for thousands of sessions."""
        with self._conn.read() as db:
            rows = db.execute(
                """
                SELECT s.id, tr.idx, tr.text, json_extract(a.value, '$.cues')
                FROM sessions AS s, json_each(
                  CASE WHEN json_valid(s.analysis_json) THEN s.analysis_json ELSE '{}' END,
                  '$.turns'
                ) AS a
                CROSS JOIN turns AS tr
                  ON tr.session_id = s.id AND tr.idx = json_extract(a.value, '$.index')
                WHERE s.status = 'finished'
                  AND json_extract(a.value, '$.speaker') = 'seeker'
                  AND a.value LIKE '%"seeker_question"%'
                ORDER BY s.id, tr.idx
                """
            ).fetchall()
        out: dict[int, list[tuple[int, str, list[dict[str, Any]]]]] = {}
        for session_id, idx, text, cues in rows:
            try:
                parsed = json.loads(cues) if cues else []
            except ValueError:
                parsed = []
            listed = [c for c in parsed if isinstance(c, dict)] if isinstance(parsed, list) else []
            out.setdefault(int(session_id), []).append((int(idx), str(text), listed))
        return out

    def integrity_check(self) -> str:
        """ "ok", or what SQLite found wrong (damaged pages, broken links between rows)."""
        try:
            with self._conn.read() as db:
                problems = [str(r[0]) for r in db.execute("PRAGMA integrity_check").fetchall()]
                if problems == ["ok"]:
                    problems = []
                for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall():
                    problems.append(f"row {rowid} of {table} points to a missing {parent} row")
        except StoreError as exc:
            return exc.message
        return "; ".join(problems) if problems else "ok"
