"""`frameshift validate [PATH...] [--stats]`: check scenario files the way an author's editor
would, and say how big each one is."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from app.dialogue import Problem, expand_paths, load_scenario, validate_paths
from app.dialogue.lint import ScenarioStats, stats, warn_paths

#: Exit status when any file has a problem (the same as any other bad input).
EXIT_PROBLEMS = 2

#: The --stats columns: heading, field, and what it counts (for the legend).
_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("nodes", "nodes", "manager lines (one per node)"),
    ("variants", "variants", "phrasings over all nodes"),
    ("responsive", "responsive", "nodes whose branches depend on frame or cues"),
    ("topics", "topics", "knowledge topics"),
    ("answers", "answers", "knowledge answers"),
    ("pivotal", "pivotal", "pivotal moments"),
    ("outcomes", "outcomes", "distinct endings"),
    ("parts", "parts", "distinct things the manager can say (all pre-rendered)"),
)


#: Warnings of one kind shown before the rest are counted (a generated scenario of 2,300 nodes
#: printed 2,300 of the same warning: trial 8 H13).
WARNINGS_SHOWN = 5
_NAMES = re.compile(r"'[^']*'|\"[^\"]*\"|\d+")


def capped(warnings: Sequence[Problem]) -> list[str]:
    """The warnings to print: the first WARNINGS_SHOWN of each kind (the same sentence but
    for names and numbers), then one line counting the rest of that kind."""
    shown: list[str] = []
    counts: dict[str, int] = {}
    for warning in warnings:
        kind = _NAMES.sub("_", warning.message)
        counts[kind] = counts.get(kind, 0) + 1
        if counts[kind] <= WARNINGS_SHOWN:
            shown.append(str(warning))
    for kind, count in counts.items():
        if count > WARNINGS_SHOWN:
            first = next(w for w in warnings if _NAMES.sub("_", w.message) == kind)
            shown.append(
                f"... and {count - WARNINGS_SHOWN} more warnings like "
                f'"{first.message}" ({count} in all)'
            )
    return shown


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _stats_table(rows: list[ScenarioStats], stdout: TextIO) -> None:
    width = max([len("scenario"), *(len(r.id) for r in rows)])
    print("scenario".ljust(width) + "".join(f" {h:>10}" for h, _, _ in _COLUMNS), file=stdout)
    for row in rows:
        cells = []
        for _, field, _ in _COLUMNS:
            value = getattr(row, field)
            if field == "responsive":
                value = f"{value}/{row.branching}"
            cells.append(f" {value!s:>10}")
        print(row.id.ljust(width) + "".join(cells), file=stdout)
    for heading, _, meaning in _COLUMNS:
        print(f"  {heading}: {meaning}", file=stdout)


def run(
    paths: Sequence[str],
    stdout: TextIO,
    stderr: TextIO,
    *,
    default_dirs: Sequence[Path],
    show_stats: bool = False,
) -> int:
    """Validate `paths` (folders mean their *.yaml and *.yml), or `default_dirs` if none.

    Prints `file:line: what is wrong` per problem, then `file:line: warning: ...` per warning
    (warnings never fail), and a one-line summary; with `show_stats`, a table of each valid
    scenario's size and coverage. Returns 2 if anything is wrong, else 0. `stderr` is for
    failures of the command itself, which have none so far.
    """
    del stderr
    given = [Path(p) for p in paths]
    if not given:
        given = [d for d in default_dirs if d.is_dir()]
    files = expand_paths(given)
    problems = validate_paths(given)
    warnings = warn_paths(given)  # beside the errors too, and titles used twice
    for problem in problems:
        print(problem, file=stdout)
    for line in capped(warnings):
        print(line, file=stdout)
    if not files and not problems:
        print("no scenario files found", file=stdout)
        return EXIT_PROBLEMS
    if show_stats:
        broken = {p.file for p in problems}
        rows = [stats(load_scenario(f)) for f in files if str(f) not in broken]
        if rows:
            _stats_table(rows, stdout)
    noted = f" ({_plural(len(warnings), 'warning')})" if warnings else ""
    if problems:
        broken_count = len({p.file for p in problems})
        print(
            f"{_plural(len(problems), 'problem')} in {_plural(broken_count, 'file')}{noted}",
            file=stdout,
        )
        return EXIT_PROBLEMS
    print(f"{_plural(len(files), 'scenario')} OK{noted}", file=stdout)
    return 0
