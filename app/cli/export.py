"""`export SESSION_ID [--format NAME] [-o FILE]`: one session as a file to keep or share.

The formats are `app.report.EXPORT_FORMATS`. Without -o (or with -o -) the export goes to
stdout, so it can be piped. An unknown session, an unknown format, or a target that is not a
regular file (a link, pipe, device or folder) exits 2 with one line on stderr; the history is
only read, so a read-only data folder exports as well as any.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from app.cli.common import EXIT_OK, CliError, reading_history, session_id_type
from app.config import Settings
from app.dialogue import Scenario, installed_scenario_dirs, load_scenarios
from app.report import FORMATS, build_report, export_format, write_atomically
from app.store import NoSuchSession


def arguments(p: argparse.ArgumentParser) -> None:
    """The `export` sub-command's arguments."""
    p.add_argument(
        "session_id", type=session_id_type(), help="a session id (see: frameshift history)"
    )
    p.add_argument("--format", default="html", metavar="FORMAT", help="html (default), json, csv")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: - for stdout)")


def _scenario(settings: Settings, scenario_id: str) -> Scenario | None:
    """The session's scenario, for the coach's alternative; None if it is gone or broken."""
    found, _problems = load_scenarios(installed_scenario_dirs(settings.extra_scenario_dirs()))
    return next((s for s in found if s.id == scenario_id), None)


def run(args: argparse.Namespace, settings: Settings, stdout: TextIO, stderr: TextIO) -> int:
    try:
        renderer = export_format(args.format).renderer
    except ValueError:
        raise CliError(
            f"{args.format!r} is not an export format; choose one of {', '.join(FORMATS)}"
        ) from None
    with reading_history(settings.database_path) as store:
        try:
            if store is None:  # nothing saved yet: no such session either, said as `delete` does
                raise NoSuchSession(args.session_id)
            session = store.session(args.session_id)
            turns = store.turns(args.session_id)
        except NoSuchSession as exc:
            raise CliError(f"{exc.message} {exc.hint}") from None
        report = build_report(  # inside: what a damaged row breaks is said as damage
            session,
            turns,
            scenario=_scenario(settings, session.scenario_id),
            data_dir=settings.data_dir,
        )
        text = renderer(report)
    output = args.output
    if output in (None, "-"):
        stdout.write(text)
        return EXIT_OK
    path = Path(output)
    try:
        write_atomically(path, text)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise CliError(f"cannot write {path}: {reason}") from exc
    print(f"Wrote {path}", file=stderr)
    return EXIT_OK
