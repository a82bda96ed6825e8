"""`frameshift` / `python -m app`: the window by default, and the sub-commands in `COMMANDS`.

Every command takes the global options --data-dir and --config. Bad input exits with status 2 and
one line on stderr; a traceback is never shown to a user (they get a sentence and, for bugs, the
crash log in their own state folder to attach). A new command is one `Command` entry below: its
help, its arguments and a `run(ctx)` that imports its module only when that command runs.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

from app import __version__
from app.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    CliError,
    Context,
    bounded_int,
    for_terminal,
    print_json,
    safe_stream,
    session_id_type,
    write_crash_log,
)
from app.config import THEMES, ConfigError, LoadedSettings, load_settings

#: onnxruntime's official builds (1.2x on) keep a device id and a queue of telemetry events in
#: ~/.cache/Microsoft/DeveloperTools/.onnxruntime from the moment the module is imported, and
#: send them to Microsoft. Its documented switch (Privacy.md, "Disabling Telemetry"), read when it
#: initialises, prevents the uploader, the events and the identifier. Set here, at the one entry
#: of every command, the window and the kiosk, before any of them can import it; child processes
#: inherit it. Forced, not a default: the app promises to keep nothing outside its data folder.
os.environ["ORT_DISABLE_TELEMETRY"] = "1"

__all__ = [
    "COMMANDS",
    "EXIT_BAD_INPUT",
    "EXIT_OK",
    "CliError",
    "build_parser",
    "main",
    "print_json",
]


@dataclass(frozen=True)
class Command:
    """One sub-command: its help line, its arguments, and what runs it."""

    help: str
    arguments: Callable[[argparse.ArgumentParser, argparse.ArgumentParser], None]
    run: Callable[[Context], int]


# -- the commands --------------------------------------------------------------------------
def _analyze_args(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    p.add_argument("source", help="a transcript JSON file, or - for JSON Lines on stdin")


def _analyze(ctx: Context) -> int:
    from app.cli.analyze import run

    return run(ctx.args.source, ctx.stdin, ctx.stdout, ctx.stderr)


def _transcribe_args(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    p.add_argument("audio", nargs="+", help="WAV files")
    p.add_argument("--model-dir", type=Path, help="another CTranslate2 Whisper model folder")


def _transcribe(ctx: Context) -> int:
    from app.cli.transcribe import run

    settings = ctx.settings
    model = ctx.args.model_dir or (Path(settings.model_dir) if settings.model_dir else None)
    return run(ctx.args.audio, ctx.stdout, ctx.stderr, model_dir=model, choice=settings.recognizer)


def _play_args(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    p.add_argument("scenario", help="scenario id (see: frameshift scenarios)")
    p.add_argument(
        "--answer",
        action="append",
        default=[],
        metavar="TEXT_OR_WAV",
        help="an answer, in order; an existing .wav file is recognized like live speech",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument(
        "--seed",
        type=bounded_int(0, 2**32 - 1),
        default=0,
        help="chooses line variants (default 0)",
    )


def _play(ctx: Context) -> int:
    from app.cli.play import run

    return run(ctx.args, ctx.settings, ctx.stdout, ctx.stderr)


def _validate_args(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", help="files or folders (default: installed scenarios)")
    p.add_argument("--stats", action="store_true", help="print each scenario's size and coverage")


def _validate(ctx: Context) -> int:
    from app.cli.validate import run
    from app.dialogue import installed_scenario_dirs

    dirs = installed_scenario_dirs(ctx.settings.extra_scenario_dirs())
    return run(ctx.args.paths, ctx.stdout, ctx.stderr, default_dirs=dirs, show_stats=ctx.args.stats)


def _json_flag(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true")


def _history_args(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=bounded_int(1, 1_000_000), default=50)


def _delete_args(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    p.add_argument("session_id", type=session_id_type())


def _records(name: str) -> Callable[[Context], int]:
    def run(ctx: Context) -> int:
        from app.cli import records

        handler = getattr(records, name)
        return int(handler(ctx.args, ctx.settings, ctx.stdout, ctx.stderr))

    return run


def _export_args(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    from app.cli.export import arguments

    arguments(p)


def _export(ctx: Context) -> int:
    from app.cli.export import run

    return run(ctx.args, ctx.settings, ctx.stdout, ctx.stderr)


def _kiosk_args(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    from app.cli.kiosk import arguments

    arguments(p, common)


def _kiosk(ctx: Context) -> int:
    from app.cli.kiosk import run

    return run(ctx.args, ctx.loaded, ctx.stdout, ctx.stderr)


COMMANDS: dict[str, Command] = {
    "analyze": Command("frame every turn of a transcript", _analyze_args, _analyze),
    "transcribe": Command("recognize speech in audio files", _transcribe_args, _transcribe),
    "play": Command("a whole rehearsal without a window", _play_args, _play),
    "validate": Command("check scenario files", _validate_args, _validate),
    "scenarios": Command("list installed scenarios", _json_flag, _records("scenarios")),
    "history": Command("list past sessions", _history_args, _records("history")),
    "delete": Command("delete a session and its audio", _delete_args, _records("delete")),
    "kiosk": Command("set up a career-fair kiosk", _kiosk_args, _kiosk),
    "export": Command("export a session as HTML, JSON or CSV", _export_args, _export),
}


# -- parsing -------------------------------------------------------------------------------
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
    parser.add_argument("--theme", choices=THEMES, help="colour theme")
    parser.add_argument("--font-scale", type=float, help="text size, 1.0 is normal")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, command in COMMANDS.items():
        p = sub.add_parser(name, parents=[common], help=command.help)
        command.arguments(p, common)
    return parser


def _settings(args: argparse.Namespace) -> LoadedSettings:
    overrides: dict[str, object] = {}
    if getattr(args, "data_dir", None) is not None:
        overrides["data_dir"] = args.data_dir
    if getattr(args, "no_voice", False):
        overrides["voice"] = False
    if getattr(args, "no_listen", False):
        overrides["listen"] = False
    if getattr(args, "theme", None):
        overrides["theme"] = args.theme
    if getattr(args, "font_scale", None) is not None:
        overrides["font_scale"] = args.font_scale
    config = getattr(args, "config", None)
    loaded = load_settings(
        config,
        overrides=overrides,
        named=config is not None,
        lenient=args.command is None and not getattr(args, "kiosk", False),  # see load_settings
    )
    if getattr(args, "kiosk", False):
        loaded.settings = replace(
            loaded.settings, kiosk=replace(loaded.settings.kiosk, enabled=True)
        )
    return loaded


# -- running -------------------------------------------------------------------------------
def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    real_stdout = stdout is None
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    for stream in (stdout, stderr):
        safe_stream(stream)
    stdout, stderr = for_terminal(stdout), for_terminal(stderr)
    try:
        return _main(argv, stdin, stdout, stderr)
    except BrokenPipeError:
        # The reader went away (`frameshift history | head -1`): nothing more can be said.
        if real_stdout:
            _silence_stdout()
        return EXIT_BAD_INPUT


def _main(argv: Sequence[str] | None, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    parser = build_parser()
    if any("\x00" in arg for arg in (sys.argv[1:] if argv is None else argv)):
        print(
            "frameshift: an argument contains a NUL character, which no name can hold", file=stderr
        )
        return EXIT_BAD_INPUT
    try:  # usage, errors, --help and --version go to the streams this run was given
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed usage and the error
        return int(exc.code or 0)
    try:
        loaded = _settings(args)
        for warning in loaded.warnings:
            print(f"frameshift: {warning}", file=stderr)
        ctx = Context(args, loaded, stdin, stdout, stderr)
        if args.command is None:
            return _window(ctx)
        code = COMMANDS[args.command].run(ctx)
        stdout.flush()
        return code
    except (CliError, ConfigError, _no_display_error()) as exc:
        print(f"frameshift: {' '.join(str(exc).split())}", file=stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        raise
    except OSError as exc:  # the system refused a path the user gave (too long, no access...)
        name = str(exc.filename or "")
        shown = name if len(name) <= 80 else name[:77] + "..."
        where = f" {shown}:" if shown else ""
        print(f"frameshift: cannot use{where} {exc.strerror or exc}", file=stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:
        log = write_crash_log(exc)
        where = (
            f"Details are in {log}; please include that file when you report it."
            if log is not None
            else "No log could be written."
        )
        print(
            f"frameshift: something went wrong inside Frameshift ({type(exc).__name__}). {where}",
            file=stderr,
        )
        return 1


def _window(ctx: Context) -> int:
    from app.cli.kiosk import check_start

    demo = bool(getattr(ctx.args, "kiosk_demo", False))
    refused = check_start(ctx.settings, demo=demo, stderr=ctx.stderr)
    if refused is not None:
        return refused
    from app.bootstrap import run

    return run(ctx.loaded, kiosk_demo=demo)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _no_display_error() -> type[Exception]:
    """The window's "no screen" error, without importing Qt for the other commands."""
    if "app.ui.app" in sys.modules:
        return sys.modules["app.ui.app"].NoDisplayError  # type: ignore[no-any-return]
    return CliError
