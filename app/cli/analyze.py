"""`frameshift analyze FILE|-`: transcript JSON in, Analysis JSON out.

A file gives one indented analysis; "-" reads JSON Lines (one transcript a line) from stdin and
writes one compact analysis a line, in order, flushed as each is done, so it can sit in a pipe.
Bad input stops with exit status 2 and one line on stderr naming the file or line; the analyses
already written stay written.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from app.cli.common import read_limited
from app.config import parse_problem
from app.framing import TranscriptError, analyze, parse_transcript

EXIT_OK = 0
EXIT_BAD_INPUT = 2
_PROG = "frameshift analyze"
#: A transcript file or one JSON line larger than this is refused, not read into memory.
MAX_INPUT_BYTES = 64_000_000


class _BadInputError(Exception):
    """One line of explanation for the user; `run` prints it and exits with status 2."""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _decode(text: str, *, with_line: bool) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        where = (
            f"line {error.lineno}, column {error.colno}" if with_line else f"column {error.colno}"
        )
        raise _BadInputError(f"invalid JSON: {error.msg} ({where})") from None
    except RecursionError:
        raise _BadInputError("invalid JSON: nested too deeply") from None
    except ValueError as error:  # e.g. an integer of more than 4,300 digits
        raise _BadInputError(f"invalid JSON: {parse_problem(error)}") from None


def _analysis(data: object) -> dict[str, Any]:
    try:
        return analyze(parse_transcript(data)).to_dict()
    except TranscriptError as error:
        raise _BadInputError(str(error)) from None


def _run_file(path: str, stdout: TextIO) -> None:
    try:
        text = read_limited(path, MAX_INPUT_BYTES).decode("utf-8")
    except OSError as error:
        raise _BadInputError(f"cannot read the file: {error.strerror or error}") from None
    except ValueError as error:
        if isinstance(error, UnicodeDecodeError):
            raise _BadInputError("the file is not UTF-8 text") from None
        raise _BadInputError("not a usable file name") from None
    stdout.write(json.dumps(_analysis(_decode(text, with_line=True)), indent=2) + "\n")
    stdout.flush()


def _run_lines(stdin: TextIO, stdout: TextIO) -> tuple[int, _BadInputError] | None:
    line_number = 0
    try:
        while True:
            line = stdin.readline(MAX_INPUT_BYTES + 1)
            if not line:
                break
            line_number += 1
            if len(line) > MAX_INPUT_BYTES:
                return line_number, _BadInputError(
                    f"the line is longer than {MAX_INPUT_BYTES // 1_000_000} MB"
                )
            if not line.strip():
                continue
            try:
                result = _analysis(_decode(line, with_line=False))
            except _BadInputError as error:
                return line_number, error
            stdout.write(json.dumps(result) + "\n")
            stdout.flush()
    except UnicodeDecodeError:
        return line_number + 1, _BadInputError("not UTF-8 text")
    return None


def run(source: str, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """Analyse `source` (a transcript file, or "-" for JSON Lines on stdin); return exit status."""
    if source == "-":
        failure = _run_lines(stdin, stdout)
        if failure is None:
            return EXIT_OK
        line_number, error = failure
        stderr.write(f"{_PROG}: line {line_number}: {_one_line(str(error))}\n")
        return EXIT_BAD_INPUT
    try:
        _run_file(source, stdout)
    except _BadInputError as error:
        stderr.write(f"{_PROG}: {_one_line(source)}: {_one_line(str(error))}\n")
        return EXIT_BAD_INPUT
    return EXIT_OK
