"""`scenarios`, `history` and `delete`: read and tidy what is installed and stored."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any, TextIO

from app.cli.common import EXIT_BAD_INPUT, EXIT_OK, CliError, print_json, reading_history
from app.config import Settings
from app.dialogue import installed_scenario_dirs, load_scenarios
from app.session.storage import delete_session
from app.store import SessionRecord, Store, StoreError, UnreadableSession


def scenarios(args: argparse.Namespace, settings: Settings, stdout: TextIO, stderr: TextIO) -> int:
    found, problems = load_scenarios(installed_scenario_dirs(settings.extra_scenario_dirs()))
    for problem in problems:
        print(f"frameshift: skipped: {problem}", file=stderr)
    rows = [
        {
            "id": s.id,
            "title": s.title,
            "persona": s.persona.name,
            "role": s.persona.role,
            "company": s.persona.company,
            "difficulty": s.difficulty,
        }
        for s in found
    ]
    if args.json:
        print_json(rows, stdout)
    else:
        width = max((len(r["id"]) for r in rows), default=2)
        for r in rows:
            stdout.write(f"{r['id']:<{width}}  {r['title']} ({r['persona']}, {r['role']})\n")
    return EXIT_OK


def history(args: argparse.Namespace, settings: Settings, stdout: TextIO, stderr: TextIO) -> int:
    """The newest sessions; only reads, so a read-only data folder lists them too. A session
    whose row is damaged is listed as such (its id, and how to delete it), the others whole;
    then one line on stderr says so and the exit is 2."""
    with reading_history(settings.database_path) as store:  # a damaged file is said there
        sessions = [] if store is None else store.listing(limit=args.limit)
        rows = [_history_row(s, store) for s in sessions]
    if args.json:
        print_json(rows, stdout)
    elif not rows:
        stdout.write("No sessions yet.\n")
    for r in [] if args.json else rows:
        if r["damaged"]:
            when = r["started_at"] or "date unknown"
            stdout.write(f"{r['session_id']:>5}  {when}  {r['problem']}\n")
            continue
        title = f"{r['title']} · {r['retry']}" if r["retry"] else r["title"]  # an attempt again
        stdout.write(
            f"{r['session_id']:>5}  {r['started_at']}  {title}  {r['ended']}  {r['verdict']}\n"
        )
    damaged = [s for s in sessions if isinstance(s, UnreadableSession)]
    if not damaged:
        return EXIT_OK
    first = damaged[0].problem
    if len(damaged) == 1:
        print(f"frameshift: {first.message} {first.hint}", file=stderr)
    else:
        ids = ", ".join(str(s.id) for s in damaged)
        print(
            f"frameshift: sessions {ids} in the history file {first.path} are damaged and "
            "cannot be read. The rest of the history is not affected: `frameshift delete N` "
            "removes session N and its recordings.",
            file=stderr,
        )
    return EXIT_BAD_INPUT


def _history_row(
    s: SessionRecord | UnreadableSession, store: Store | None = None
) -> dict[str, Any]:
    """One session as `history` lists it (`damaged`: its row cannot be read, `problem` says
    so and how to delete it; its other fields are None, or what still reads)."""
    when = s.started_at
    row: dict[str, Any] = {
        "session_id": s.id,
        "started_at": None if when is None else _iso(when),
        "scenario": None,
        "title": s.scenario_title,
        "status": None,
        "outcome": None,
        "ended": None,
        "shift_turn": None,
        "shift_answer": None,
        "verdict": None,
        "turns": None,
        "retry": None,
        "retry_of": None,
        "damaged": isinstance(s, UnreadableSession),
    }
    if isinstance(s, UnreadableSession):
        named = f" ({s.scenario_title})" if s.scenario_title else ""
        row["problem"] = (
            f"Session {s.id}{named} could not be read (damaged in the history file): "
            f"`frameshift delete {s.id}` removes it."
        )
        return row
    from app.report.model import outcome_words, retry_words, stored_verdict

    verdict = stored_verdict(s, store)  # cut short: framed from its turns, as the replay does
    row.update(
        scenario=s.scenario_id,
        status=s.status,
        outcome=s.outcome_label,
        ended=outcome_words(s, len(verdict.numbers.seeker) if verdict else None),
        shift_turn=s.shift_turn,
        shift_answer=None
        if verdict is None or verdict.shift_turn is None
        else verdict.numbers.number(verdict.shift_turn),
        verdict=verdict.glance() if verdict is not None else "– Not analysed",
        turns=s.turn_count,
        retry=retry_words(s, verdict) or None,
        retry_of=s.parent_session_id,
    )
    return row


def _iso(started_at: float) -> str:
    return dt.datetime.fromtimestamp(started_at).isoformat(timespec="seconds")


def delete(args: argparse.Namespace, settings: Settings, stdout: TextIO, stderr: TextIO) -> int:
    """Delete one session's rows and recordings (also recordings a killed delete left)."""
    try:
        store, _message = Store.open_or_recover(settings.database_path)
    except StoreError as exc:
        raise CliError(f"{exc.message} {exc.hint}") from exc
    with store:
        try:
            delete_session(store, settings, args.session_id)
        except StoreError as exc:
            print(f"frameshift: {exc.message} {exc.hint}".rstrip(), file=stderr)
            return EXIT_BAD_INPUT
    stdout.write(f"Deleted session {args.session_id} and its recordings.\n")
    return EXIT_OK
