"""`frameshift validate [PATH...]`: check scenario files the way an author's editor would."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from app.dialogue import expand_paths, validate_paths

#: Exit status when any file has a problem (the same as any other bad input).
EXIT_PROBLEMS = 2


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def run(
    paths: Sequence[str], stdout: TextIO, stderr: TextIO, *, default_dirs: Sequence[Path]
) -> int:
    """Validate `paths` (folders mean their *.yaml and *.yml), or `default_dirs` if none.

    Prints `file:line: what is wrong` per problem and a one-line summary; returns 2 if anything
    is wrong, else 0. `stderr` is for failures of the command itself, which have none so far.
    """
    del stderr
    given = [Path(p) for p in paths]
    if not given:
        given = [d for d in default_dirs if d.is_dir()]
    files = expand_paths(given)
    problems = validate_paths(given)
    for problem in problems:
        print(problem, file=stdout)
    if not files and not problems:
        print("no scenario files found", file=stdout)
        return EXIT_PROBLEMS
    if problems:
        broken = len({p.file for p in problems})
        print(
            f"{_plural(len(problems), 'problem')} in {_plural(broken, 'file')}",
            file=stdout,
        )
        return EXIT_PROBLEMS
    print(f"{_plural(len(files), 'scenario')} OK", file=stdout)
    return 0
