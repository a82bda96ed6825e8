"""`frameshift kiosk set-pin` and `frameshift kiosk counts`: the booth operator's commands.

The PIN is read twice without echo (getpass) and only its salted hash is written to the config
file. The counts are numbers only, per scenario and hour; ``--csv`` writes them for a
spreadsheet.
"""

from __future__ import annotations

import argparse
import getpass as _getpass
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from app.cli.common import EXIT_BAD_INPUT, EXIT_OK, CliError
from app.config import LoadedSettings, Settings, load_settings, save_settings
from app.session.kiosk import PinFormatError, check_pin_format, hash_pin, start_problem
from app.store import StoreError
from app.store.counts import COUNTS_FILE, CSV_HEADER, Counts

ReadSecret = Callable[[str], str]


def arguments(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """The `kiosk` command's sub-commands."""
    ks = p.add_subparsers(dest="kiosk_command", metavar="KIOSK_COMMAND", required=True)
    ks.add_parser("set-pin", parents=[common], help="set the operator PIN (asked twice)")
    c = ks.add_parser("counts", parents=[common], help="show the anonymous counts")
    c.add_argument("--csv", action="store_true", help="write every hour and scenario as CSV")


def run(
    args: argparse.Namespace,
    loaded: LoadedSettings,
    stdout: TextIO,
    stderr: TextIO,
    *,
    read_secret: ReadSecret | None = None,
) -> int:
    if args.kiosk_command == "set-pin":
        return set_pin(loaded.path, stdout, read_secret or _getpass.getpass)
    if args.kiosk_command == "counts":
        return counts(loaded.settings, stdout, csv=args.csv)
    raise CliError(f"unknown kiosk command {args.kiosk_command!r}")


def set_pin(config_path: Path, stdout: TextIO, read_secret: ReadSecret) -> int:
    """Ask for the PIN twice, then store its hash (and nothing else new) in the config file."""
    pin = read_secret("New operator PIN (4-12 digits): ")
    try:
        check_pin_format(pin)
    except PinFormatError as exc:
        raise CliError(str(exc)) from exc
    if read_secret("The same PIN again: ") != pin:
        raise CliError("The two PINs differ; nothing was changed.")
    on_file = load_settings(config_path, environ={}).settings
    save_settings(
        replace(on_file, kiosk=replace(on_file.kiosk, pin_hash=hash_pin(pin))), config_path
    )
    stdout.write(
        f"The operator PIN was saved in {config_path} (as a salted hash, not the PIN itself).\n"
        "At the kiosk, press Ctrl+Alt+Shift+O and enter it to reach the operator screen.\n"
    )
    return EXIT_OK


def counts(settings: Settings, stdout: TextIO, *, csv: bool) -> int:
    path = settings.data_dir / COUNTS_FILE
    if not path.exists():
        if csv:
            stdout.write(",".join(CSV_HEADER) + "\n")
        else:
            stdout.write("No anonymous counts yet (kiosk.anonymous_counts may be off).\n")
        return EXIT_OK
    try:
        with Counts(path) as store:
            if csv:
                store.write_csv(stdout)
                return EXIT_OK
            totals = store.totals()
    except StoreError as exc:
        raise CliError(f"{exc.message} {exc.hint}".strip()) from exc
    if not totals:
        stdout.write("No anonymous counts yet.\n")
        return EXIT_OK
    width = max(len(s) for s in totals)
    stdout.write(f"{'scenario':<{width}}  sessions  exploration  interview  neutral  shifted\n")
    for scenario_id, t in sorted(totals.items()):
        stdout.write(
            f"{scenario_id:<{width}}  {t['sessions']:>8}  {t['exploration']:>11}  "
            f"{t['interview']:>9}  {t['neutral']:>7}  {t['shifted']:>7}\n"
        )
    return EXIT_OK


def check_start(settings: Settings, *, demo: bool, stderr: TextIO) -> int | None:
    """EXIT_BAD_INPUT (with the reason on stderr) when the kiosk must not start."""
    if not settings.kiosk.enabled:
        return None
    problem = start_problem(settings.kiosk.pin_hash, demo=demo)
    if problem is None:
        return None
    print(f"frameshift: {problem}", file=stderr)
    return EXIT_BAD_INPUT
