"""`export SESSION_ID --format html|json|csv [-o FILE]`: one session as a file to keep or share.

Without -o (or with -o -) the export goes to stdout, so it can be piped. An unknown session or a
path that cannot be written exits 2 with one line on stderr.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from app.cli.main import EXIT_OK, CliError
from app.config import Settings
from app.dialogue import Scenario, installed_scenario_dirs, load_scenarios
from app.report import build_report, render, write_atomically
from app.session.storage import open_store
from app.store import NoSuchSession, StoreError


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """The `export` sub-command's arguments (called from build_parser)."""
    p = sub.add_parser(
        "export",
        parents=[common],
        help="export a session as HTML, JSON or CSV",
    )
    p.add_argument("session_id", type=int, help="a session id (see: frameshift history)")
    p.add_argument("--format", choices=("html", "json", "csv"), default="html")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: - for stdout)")


def _scenario(settings: Settings, scenario_id: str) -> Scenario | None:
    """The session's scenario, for the coach's alternative; None if it is gone or broken."""
    found, _problems = load_scenarios(installed_scenario_dirs(settings.extra_scenario_dirs()))
    return next((s for s in found if s.id == scenario_id), None)


def run(args: argparse.Namespace, settings: Settings, stdout: TextIO, stderr: TextIO) -> int:
    store, notices = open_store(settings)
    if store is None:
        raise CliError(" ".join(notices))
    with store:
        try:
            session = store.session(args.session_id)
            turns = store.turns(args.session_id)
        except NoSuchSession as exc:
            raise CliError(f"no session {args.session_id} (see: frameshift history)") from exc
        except StoreError as exc:
            raise CliError(exc.message) from exc
    report = build_report(
        session,
        turns,
        scenario=_scenario(settings, session.scenario_id),
        data_dir=settings.data_dir,
    )
    text = render(report, args.format)
    output = args.output
    if output in (None, "-"):
        stdout.write(text)
        return EXIT_OK
    path = Path(output)
    try:
        if path.is_dir():
            raise IsADirectoryError(21, "is a folder")
        write_atomically(path, text)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise CliError(f"cannot write {path}: {reason}") from exc
    print(f"Wrote {path}", file=stderr)
    return EXIT_OK
