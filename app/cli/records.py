"""`scenarios`, `history` and `delete`: read and tidy what is installed and stored."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any, TextIO

from app.cli.common import EXIT_BAD_INPUT, EXIT_OK, CliError, print_json, reading_history
from app.config import Settings
from app.dialogue import installed_scenario_dirs, load_scenarios
from app.session.storage import delete_session
from app.store import Store, StoreError


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
    """The newest sessions; only reads, so a read-only data folder lists them too."""
    with reading_history(settings.database_path) as store:  # a damaged row is said there
        sessions = [] if store is None else store.sessions(limit=args.limit)
        rows: list[dict[str, Any]] = [
            {
                "session_id": s.id,
                "started_at": dt.datetime.fromtimestamp(s.started_at).isoformat(timespec="seconds"),
                "scenario": s.scenario_id,
                "title": s.scenario_title,
                "status": s.status,
                "outcome": s.outcome_label,
                "shift_turn": s.shift_turn,
                "turns": s.turn_count,
            }
            for s in sessions
        ]
    if args.json:
        print_json(rows, stdout)
        return EXIT_OK
    if not rows:
        stdout.write("No sessions yet.\n")
    for r in rows:
        shift = "no shift" if r["shift_turn"] is None else f"shifted at turn {r['shift_turn'] + 1}"
        outcome = r["outcome"] or r["status"]
        stdout.write(
            f"{r['session_id']:>5}  {r['started_at']}  {r['title']}  {outcome}  ({shift})\n"
        )
    return EXIT_OK


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
