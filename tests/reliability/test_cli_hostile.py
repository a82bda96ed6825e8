"""Every command against a table of hostile arguments (issue 13, class 14).

Each command's every argument slot, and the global --data-dir/--config, gets each hostile value
in turn. For every run: exit 0 or 2, no crash log, no traceback, a bounded time. The count of
cases is printed (README's Reliability figures come from it).
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli.common import crash_dir
from app.cli.main import COMMANDS, main

LONG = "x" * 10_000
#: What a careless user or an attacker might type in any argument.
HOSTILE = [
    "",
    " ",
    "-",
    "--",
    "\x00",
    "a\x00b",
    "\x1b[2J\x1b]0;pwned\x07",
    "\udcff\udcfe",  # bytes the locale could not decode (surrogateescape)
    "💥 ünïcödé",
    LONG,
    "../../../../../../etc/passwd",
    "/dev/zero",
    "/dev/null",
    "/",
    "~",
    "*",
    "%s%n%x",
    "$(reboot)",
    "-1",
    "0",
    "1e309",
    "nan",
    "99999999999999999999999999",
    "FIFO",  # replaced by a named pipe
    "DIR",  # replaced by a folder
    "EMPTYFILE",  # replaced by an empty file
    "BINARY",  # replaced by a file of random bytes
]

#: Each command with its argument slots: argv before the slot, argv after it.
SLOTS: list[tuple[str, list[str], list[str]]] = [
    ("analyze", ["analyze"], []),
    ("transcribe", ["transcribe"], []),
    ("play", ["play"], ["--answer", "Hi"]),
    ("play", ["play", "connector-intro", "--answer"], []),
    ("play", ["play", "connector-intro", "--answer", "Hi", "--seed"], []),
    ("validate", ["validate"], []),
    ("scenarios", ["scenarios", "--data-dir"], []),
    ("history", ["history", "--limit"], []),
    ("history", ["history", "--data-dir"], []),
    ("delete", ["delete"], []),
    ("export", ["export"], []),
    ("export", ["export", "1", "--format"], []),
    ("export", ["export", "1", "-o"], []),
    ("kiosk", ["kiosk", "counts", "--data-dir"], []),
    ("kiosk", ["kiosk", "counts", "--csv", "--config"], []),
    ("history", ["history", "--config"], []),
    ("analyze", ["analyze", "-", "--config"], []),
]


def test_every_command_has_slots_in_the_sweep() -> None:
    """A new command must join the sweep (its name in SLOTS)."""
    assert {name for name, _, _ in SLOTS} == set(COMMANDS)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[Path]:
    """A data dir with one saved session, and the special files the table names."""
    data = tmp_path / "data"
    out, err = io.StringIO(), io.StringIO()
    assert main(["play", "connector-intro", "--answer", "Hi", "--data-dir", str(data)],
                stdout=out, stderr=err) == 0  # fmt: skip
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "dir").mkdir()
    (tmp_path / "empty").write_bytes(b"")
    (tmp_path / "binary").write_bytes(os.urandom(4096))
    return tmp_path


def _value(raw: str, world: Path) -> str:
    special = {"FIFO": "fifo", "DIR": "dir", "EMPTYFILE": "empty", "BINARY": "binary"}
    return str(world / special[raw]) if raw in special else raw


def test_every_command_against_every_hostile_argument(
    world: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(world)  # relative names ("-1", "~", "*") land in the test's folder
    data = world / "data"
    cases = 0
    slowest = 0.0
    failures: list[str] = []
    for name, before, after in SLOTS:
        for raw in HOSTILE:
            value = _value(raw, world)
            argv = [*before, value, *after]
            if "--data-dir" not in before:
                argv += ["--data-dir", str(data)]
            if "--config" not in before:
                argv += ["--config", str(world / "config.toml")]
            out, err = io.StringIO(), io.StringIO()
            started = time.monotonic()
            try:
                code = main(argv, stdin=io.StringIO(""), stdout=out, stderr=err)
            except SystemExit as exc:  # only argparse's --help/--version may exit
                code = int(exc.code or 0)
            took = time.monotonic() - started
            slowest = max(slowest, took)
            cases += 1
            text = err.getvalue() + capsys.readouterr().err
            where = f"{name} {before[1:]} {raw[:20]!r}"
            if code not in (0, 2):
                failures.append(f"{where}: exit {code}: {text[-300:]}")
            if "Traceback" in text or "went wrong inside" in text:
                failures.append(f"{where}: {text[-300:]}")
            if took > 30:
                failures.append(f"{where}: took {took:.1f} s")
    logs = list(crash_dir().iterdir()) if crash_dir().exists() else []
    assert not failures, "\n".join(failures)
    assert logs == []
    print(f"\n{cases} hostile command lines, slowest {slowest:.2f} s, 0 crash logs")
