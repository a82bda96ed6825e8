"""What the history screen, the replay, the exports and the progress chart read.

Each read is one statement under the connection's lock and comes back as records
(`records.py`), never as SQL rows. `Store` inherits these, so a store opened read-only
(`Store.open_read_only`) offers exactly them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, TypeVar

from app.store.connection import Connection
from app.store.errors import DamagedSession, DatabaseCorrupt, NoSuchSession, StoreError
from app.store.records import (
    MOMENTS,
    SessionRecord,
    TurnRecord,
    UnreadableSession,
    check,
)

_SESSION_SELECT = """
    SELECT s.*, (SELECT count(*) FROM turns AS t WHERE t.session_id = s.id) AS turn_count
    FROM sessions AS s
"""


_Record = TypeVar("_Record")


class HistoryQueries:
    """The reads of the history; `_conn` is the open connection (set by `Store`)."""

    _conn: Connection

    def session(self, session_id: int) -> SessionRecord:
        """One session; raises NoSuchSession (a StoreError) when it is not there."""
        with self._conn.read() as db:
            rows = list(db.query(_SESSION_SELECT + " WHERE s.id = ?", (session_id,)))
        if not rows:
            raise NoSuchSession(session_id)
        return self._records(SessionRecord.from_row, rows)[0]

    def turns(self, session_id: int) -> list[TurnRecord]:
        """The session's turns in the order they were said (empty for an unknown session)."""
        with self._conn.read() as db:
            rows = list(
                db.query("SELECT * FROM turns WHERE session_id = ? ORDER BY idx", (session_id,))
            )
        return self._records(TurnRecord.from_row, rows)

    def sessions(self, *, limit: int | None = None, offset: int = 0) -> list[SessionRecord]:
        """A page of the history, newest first."""
        return self._records(SessionRecord.from_row, self._page(limit, offset))

    def listing(
        self, *, limit: int | None = None, offset: int = 0
    ) -> list[SessionRecord | UnreadableSession]:
        """A page of the history as the lists show it (the History, `frameshift history`),
        newest first: a session whose row cannot be what was written is an
        `UnreadableSession` in its place (its id, the damage said, deleting it the way
        forward) instead of failing the whole page, as `sessions` does."""
        listed: list[SessionRecord | UnreadableSession] = []
        for row in self._page(limit, offset):
            try:
                listed.append(SessionRecord.from_row(row))
            except (ValueError, TypeError):  # the id is the rowid: always a whole number
                listed.append(UnreadableSession.from_row(row, self._conn.path))
        return listed

    def _page(self, limit: int | None, offset: int) -> list[Mapping[str, Any]]:
        """The rows of one page of sessions, newest first (`sessions` and `listing` read it)."""
        check(limit is None or limit >= 0, "limit must be 0 or more")
        check(offset >= 0, "offset must be 0 or more")
        with self._conn.read() as db:
            return list(
                db.query(
                    _SESSION_SELECT + " ORDER BY s.started_at DESC, s.id DESC LIMIT ? OFFSET ?",
                    (-1 if limit is None else limit, offset),
                )
            )

    def _records(
        self, build: Callable[[Mapping[str, Any]], _Record], rows: Iterable[Mapping[str, Any]]
    ) -> list[_Record]:
        """Rows as records; a row whose cell cannot be what was written (text where JSON or a
        number goes: an overwritten cell on pages SQLite still reads) is a damaged file, said
        as one, for the window and the commands alike."""
        records = []
        for row in rows:
            try:
                records.append(build(row))
            except (ValueError, TypeError) as exc:
                sid = row.get("session_id", row.get("id"))
                if isinstance(sid, int):
                    raise DamagedSession(self._conn.path, sid) from exc
                raise DatabaseCorrupt(self._conn.path) from exc
        return records

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
        return self._records(SessionRecord.from_row, rows)

    def progress(self) -> list[dict[str, Any]]:
        """Per finished session, oldest first: did it shift, how many curious questions.

        Keys: id, scenario_id, started_at, shifted (bool), seeker_questions (the stored count,
        `SessionRecord.curious_questions`; None until counted). Read from the
        `sessions_progress` index alone, so the History chart of 10,000 sessions costs
        milliseconds and never parses an analysis document.
        """
        counted = "curious_questions" if self._conn.has_question_counts else "NULL"
        # Only rows a chart can draw: a damaged row (a start that is no date, text where a
        # turn or a count goes) is left out; the History's list shows it as a labelled row.
        # Checked in SQL on the index's own columns, so the read stays on the index.
        with self._conn.read() as db:
            rows = db.execute(
                f"""
                SELECT id, scenario_id, started_at, shift_turn IS NOT NULL, {counted}
                FROM sessions WHERE status = 'finished'
                  AND typeof(started_at) IN ('real', 'integer') AND started_at BETWEEN ? AND ?
                  AND typeof(scenario_id) = 'text'
                  AND typeof(shift_turn) IN ('integer', 'null')
                  AND typeof({counted}) IN ('integer', 'null')
                ORDER BY started_at, id
                """,
                MOMENTS,
            ).fetchall()
        return [
            {
                "id": row[0],
                "scenario_id": row[1],
                "started_at": float(row[2]),
                "shifted": bool(row[3]),
                "seeker_questions": row[4],
            }
            for row in rows
        ]

    def uncounted_sessions(self, session_ids: Collection[int] | None = None) -> list[int]:
        """Finished sessions (of `session_ids`, or all) whose curious questions are not stored
        yet (legacy rows, or a session saved by a caller that did not count them), newest
        first: what the History counts after its first paint (`app.report.questions.Backfill`).
        Only sessions whose analysis counted questions (`metrics.questions.seeker.count`) need
        one; the others have no count to show. Each candidate's analysis is parsed, so the
        History asks about a slice at a time."""
        uncounted = "curious_questions IS NULL AND " if self._conn.has_question_counts else ""
        only, params = _only(session_ids)
        with self._conn.read() as db:
            rows = db.execute(
                f"""
                SELECT id FROM sessions AS s
                WHERE status = 'finished' AND {uncounted} analysis_json IS NOT NULL {only}
                  AND json_extract(
                    CASE WHEN json_valid(analysis_json) THEN analysis_json ELSE '{{}}' END,
                    '$.metrics.questions.seeker.count'
                  ) IS NOT NULL
                ORDER BY started_at DESC, id DESC
                """,
                params,
            ).fetchall()
        return [int(row[0]) for row in rows]

    def question_turns(
        self, session_ids: Collection[int] | None = None
    ) -> dict[int, list[tuple[int, str, list[dict[str, Any]]]]]:
        """Per finished session (those of `session_ids`, or all): its seeker turns whose
        analysis found a question, as (index, text, the analysis' cues for that turn), in turn
        order. Only those turns leave SQLite (json_each picks them): what
        `app.report.questions.curious_count` counts."""
        only, params = _only(session_ids)
        with self._conn.read() as db:
            rows = db.execute(
                f"""
                SELECT s.id, tr.idx, tr.text, json_extract(a.value, '$.cues')
                FROM sessions AS s, json_each(
                  CASE WHEN json_valid(s.analysis_json) THEN s.analysis_json ELSE '{{}}' END,
                  '$.turns'
                ) AS a
                CROSS JOIN turns AS tr
                  ON tr.session_id = s.id AND tr.idx = json_extract(a.value, '$.index')
                WHERE s.status = 'finished' {only}
                  AND json_extract(a.value, '$.speaker') = 'seeker'
                  AND a.value LIKE '%"seeker_question"%'
                ORDER BY s.id, tr.idx
                """,
                params,
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


def _only(session_ids: Collection[int] | None) -> tuple[str, tuple[str, ...]]:
    """A WHERE term (and its parameter) keeping the sessions `s` of `session_ids` (all when
    None): one JSON list, so a slice of any size is one statement."""
    if session_ids is None:
        return "", ()
    return "AND s.id IN (SELECT value FROM json_each(?))", (
        json.dumps([int(i) for i in session_ids]),
    )
