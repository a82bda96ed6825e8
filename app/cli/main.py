"""`frameshift` / `python -m app`: the window by default, and the sub-commands of DESIGN.md.

Every command takes the global options --data-dir and --config. Bad input exits with status 2 and
one line on stderr; a traceback is never shown to a user (they get a sentence and, for bugs, the
log file to attach).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from app import __version__
from app.config import ConfigError, LoadedSettings, load_settings

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class CliError(Exception):
    """Bad input from the command line; the message is shown as one line."""


def _global_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="folder for the database, recordings and caches (default: the platform's data dir)",
    )
    common.add_argument(
        "--config",
        type=Path,
        default=argparse.SUPPRESS,
        help="settings file to use (default: config.toml in the platform's config dir)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _global_options()
    parser = argparse.ArgumentParser(
        prog="frameshift",
        description="Rehearse networking conversations with a spoken hiring manager, offline.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"frameshift {__version__}")
    parser.add_argument("--kiosk", action="store_true", help="run as a career-fair kiosk")
    parser.add_argument(
        "--kiosk-demo",
        action="store_true",
        help="with --kiosk: run without an operator PIN (a demo; never at a real booth)",
    )
    parser.add_argument("--no-voice", action="store_true", help="captions only, no speech")
    parser.add_argument("--no-listen", action="store_true", help="typed answers only")
    parser.add_argument("--theme", choices=("light", "dark", "high_contrast"), help="colour theme")
    parser.add_argument("--font-scale", type=float, help="text size, 1.0 is normal")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("analyze", parents=[common], help="frame every turn of a transcript")
    p.add_argument("source", help="a transcript JSON file, or - for JSON Lines on stdin")

    p = sub.add_parser("transcribe", parents=[common], help="recognize speech in audio files")
    p.add_argument("audio", nargs="+", help="WAV files")
    p.add_argument("--model-dir", type=Path, help="another CTranslate2 Whisper model folder")

    p = sub.add_parser("play", parents=[common], help="a whole rehearsal without a window")
    p.add_argument("scenario", help="scenario id (see: frameshift scenarios)")
    p.add_argument(
        "--answer",
        action="append",
        default=[],
        metavar="TEXT_OR_WAV",
        help="an answer, in order; a .wav path is recognized like live speech",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--seed", type=int, default=0, help="chooses line variants (default 0)")

    p = sub.add_parser("validate", parents=[common], help="check scenario files")
    p.add_argument("paths", nargs="*", help="files or folders (default: installed scenarios)")

    p = sub.add_parser("scenarios", parents=[common], help="list installed scenarios")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("history", parents=[common], help="list past sessions")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=50)

    p = sub.add_parser("delete", parents=[common], help="delete a session and its audio")
    p.add_argument("session_id", type=int)

    from app.cli import kiosk

    kiosk.add_parser(sub, common)

    from app.cli.export import add_parser as add_export_parser

    add_export_parser(sub, common)
    return parser


def _settings(args: argparse.Namespace) -> LoadedSettings:
    overrides: dict[str, object] = {}
    if getattr(args, "data_dir", None):
        overrides["data_dir"] = args.data_dir
    if getattr(args, "no_voice", False):
        overrides["voice"] = False
    if getattr(args, "no_listen", False):
        overrides["listen"] = False
    if getattr(args, "theme", None):
        overrides["theme"] = args.theme
    if getattr(args, "font_scale", None):
        overrides["font_scale"] = args.font_scale
    loaded = load_settings(getattr(args, "config", None), overrides=overrides)
    if getattr(args, "kiosk", False):
        from dataclasses import replace

        loaded.settings = replace(
            loaded.settings, kiosk=replace(loaded.settings.kiosk, enabled=True)
        )
    return loaded


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed usage and the error
        return int(exc.code or 0)
    try:
        loaded = _settings(args)
        return _dispatch(args, loaded, stdin, stdout, stderr)
    except (CliError, ConfigError, _no_display_error()) as exc:
        print(f"frameshift: {exc}", file=stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        log = _write_crash_log(exc)
        print(
            f"frameshift: something went wrong inside Frameshift ({type(exc).__name__}: {exc}). "
            f"Details are in {log}; please include that file when you report it.",
            file=stderr,
        )
        return 1


def _no_display_error() -> type[Exception]:
    """The window's "no screen" error, without importing Qt for the other commands."""
    if "app.ui.app" in sys.modules:
        return sys.modules["app.ui.app"].NoDisplayError  # type: ignore[no-any-return]
    return CliError


def _write_crash_log(exc: BaseException) -> Path:
    import tempfile
    import time
    import traceback

    path = Path(tempfile.gettempdir()) / f"frameshift-crash-{int(time.time())}.log"
    try:
        path.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
    except OSError:
        return Path("(could not write the log)")
    return path


def _dispatch(
    args: argparse.Namespace,
    loaded: LoadedSettings,
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    for warning in loaded.warnings:
        print(f"frameshift: {warning}", file=stderr)
    settings = loaded.settings
    command = args.command
    if command is None:
        from app.cli.kiosk import check_start
        from app.ui.app import run_gui

        demo = bool(getattr(args, "kiosk_demo", False))
        refused = check_start(settings, demo=demo, stderr=stderr)
        if refused is not None:
            return refused
        return run_gui(loaded, kiosk_demo=demo)
    if command == "kiosk":
        from app.cli.kiosk import run as run_kiosk_command

        return run_kiosk_command(args, loaded, stdout, stderr)
    if command == "analyze":
        from app.cli.analyze import run as run_analyze

        return run_analyze(args.source, stdin, stdout, stderr)
    if command == "transcribe":
        from app.cli.transcribe import run as run_transcribe

        model = args.model_dir or (Path(settings.model_dir) if settings.model_dir else None)
        return run_transcribe(args.audio, stdout, stderr, model_dir=model)
    if command == "validate":
        from app.cli.validate import run as run_validate
        from app.dialogue import installed_scenario_dirs

        dirs = installed_scenario_dirs(settings.extra_scenario_dirs())
        return run_validate(args.paths, stdout, stderr, default_dirs=dirs)
    if command == "play":
        from app.cli.play import run as run_play

        return run_play(args, settings, stdout, stderr)
    if command == "export":
        from app.cli.export import run as run_export

        return run_export(args, settings, stdout, stderr)
    if command in ("scenarios", "history", "delete"):
        from app.cli import records

        handler = {
            "scenarios": records.scenarios,
            "history": records.history,
            "delete": records.delete,
        }[command]
        return handler(args, settings, stdout, stderr)
    raise CliError(f"unknown command {command!r}")  # argparse prevents this


def print_json(obj: object, stdout: TextIO, *, indent: int | None = 2) -> None:
    stdout.write(json.dumps(obj, indent=indent, ensure_ascii=False) + "\n")
