"""The command line: play, scenarios, history, delete and the window's entry, as users call them."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.main import main


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_play_saves_a_session_and_reports_the_shift(tmp_path: Path) -> None:
    """`play --json` runs a shipped story, saves every turn, and reports the analysis (the
    exact path depends on the scenario's content, so only its shape is checked here)."""
    answers = ["I came to hear how people got into data work", "Yes!", "Not really"]
    argv = ["play", "connector-intro", "--data-dir", str(tmp_path), "--json"]
    for a in [*answers, *(["ok"] * 30)]:
        argv += ["--answer", a]
    code, out, err = run(*argv)
    assert code == 0, err
    result = json.loads(out)
    assert result["saved"] is True
    assert result["scenario"] == "connector-intro"
    assert result["outcome"] != "incomplete"
    assert "shift" in result
    assert result["unused_answers"]  # the story ended before the answers did
    said = [t["text"] for t in result["transcript"] if t["speaker"] == "seeker"]
    assert said[: len(answers)] == answers
    code, out, _ = run("history", "--data-dir", str(tmp_path), "--json")
    rows = json.loads(out)
    assert [r["session_id"] for r in rows] == [result["session_id"]]
    assert rows[0]["turns"] == len(result["transcript"])


def test_play_stops_where_the_answers_run_out(tmp_path: Path) -> None:
    """Too few answers: the session ends there, saved as incomplete."""
    code, out, _ = run(
        "play", "alumni-call", "--data-dir", str(tmp_path), "--json", "--answer", "Hi Kenji"
    )
    assert code == 0
    result = json.loads(out)
    assert result["outcome"] == "incomplete"
    assert len(result["transcript"]) == 3


def test_delete_removes_the_session_and_its_audio(tmp_path: Path) -> None:
    """`delete ID` removes the row and the session's recordings folder."""
    run("play", "alumni-call", "--data-dir", str(tmp_path), "--answer", "Hello")
    audio = tmp_path / "audio" / "1"
    audio.mkdir(parents=True, exist_ok=True)
    (audio / "001-seeker.wav").write_bytes(b"RIFF")
    code, out, _ = run("delete", "1", "--data-dir", str(tmp_path))
    assert code == 0
    assert "Deleted session 1" in out
    assert not audio.exists()
    code, out, _ = run("history", "--data-dir", str(tmp_path), "--json")
    assert json.loads(out) == []


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["play", "no-such-scenario", "--answer", "hi"], "no scenario with id 'no-such-scenario'"),
        (["play", "alumni-call", "--answer", "missing.wav"], "missing.wav: no such audio file"),
        (["delete", "999"], "no session 999"),
    ],
)
def test_bad_input_is_one_line_and_status_2(tmp_path: Path, argv: list[str], fragment: str) -> None:
    """Unknown scenario, missing audio, unknown session: one sentence on stderr, exit 2."""
    code, _, err = run(*argv, "--data-dir", str(tmp_path))
    assert code == 2
    assert fragment in err.lower()
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_scenarios_lists_the_six_shipped_ones() -> None:
    """`scenarios --json` lists every shipped scenario with its persona."""
    code, out, _ = run("scenarios", "--json")
    assert code == 0
    ids = {row["id"] for row in json.loads(out)}
    assert {
        "connector-intro", "career-fair-booth", "coffee-referral",
        "director-informational", "alumni-call", "pushy-recruiter",
    } <= ids  # fmt: skip


def test_the_window_without_a_screen_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No display: a sentence pointing at xvfb-run, exit 2, not a Qt abort."""
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    code, _, err = run("--data-dir", str(tmp_path))
    assert code == 2
    assert "xvfb-run" in err


# -- issue 13 -----------------------------------------------------------------------------------
def _user_scenario(data: Path, title: str, scenario_id: str = "my-own") -> None:
    """A copy of a shipped scenario with another id and title, in the user's scenario folder."""
    import yaml

    source = Path(__file__).resolve().parents[2] / "dialogues" / "connector-intro.yaml"
    doc = yaml.safe_load(source.read_text())
    doc["id"] = scenario_id
    doc["title"] = title
    folder = data / "dialogues"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{scenario_id}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_item_11_terminal_escapes_in_titles_are_stripped_on_a_terminal(tmp_path: Path) -> None:
    """Generated over every C0/C1 control character: none reaches a terminal."""
    controls = [chr(c) for c in [*range(0, 9), *range(11, 32), *range(0x7F, 0xA0)]]
    title = "Evil " + "".join(f"\x1b]0;pwn{c}\x07" for c in controls) + "title"
    _user_scenario(tmp_path, title)
    out, err = _Terminal(), _Terminal()
    code = main(["scenarios", "--data-dir", str(tmp_path)], stdout=out, stderr=err)
    assert code == 0
    text = out.getvalue()
    assert "Evil" in text
    assert not any(c in text for c in controls)
    piped = io.StringIO()  # into a pipe or file the JSON keeps the title exactly (escaped)
    main(["scenarios", "--json", "--data-dir", str(tmp_path)], stdout=piped)
    assert title in [row["title"] for row in json.loads(piped.getvalue())]


def test_item_9_crash_log_is_private_in_the_state_dir_and_never_follows_a_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_settings: Path
) -> None:
    import tempfile

    from app.cli import main as cli_main
    from app.cli.common import crash_dir

    def boom(ctx: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setitem(
        cli_main.COMMANDS, "history", cli_main.Command("x", lambda p, c: None, boom)
    )
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    # the old predictable names in the shared temp folder, planted as links
    import time as _time

    planted = []
    for delta in range(-2, 3):
        name = Path(tempfile.gettempdir()) / f"frameshift-crash-{int(_time.time()) + delta}.log"
        if not name.exists():
            name.symlink_to(victim)
            planted.append(name)
    try:
        code, _, err = run("history", "--data-dir", str(tmp_path))
    finally:
        for name in planted:
            name.unlink()
    assert code == 1
    assert victim.read_text() == "keep"
    [log] = list(crash_dir().iterdir())
    assert str(log) in err
    assert str(log).startswith(str(isolated_settings))
    assert (log.stat().st_mode & 0o777) == 0o600
    assert (crash_dir().stat().st_mode & 0o777) == 0o700
    assert "RuntimeError: a bug" in log.read_text()
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["history", "--limit", "99999999999999999999999"],
        ["history", "--limit", "-5"],
        ["delete", "99999999999999999999999"],
        ["delete", "0"],
        ["export", "-1"],
        ["export", "18446744073709551616"],
        ["play", "connector-intro", "--seed", "-1", "--answer", "hi"],
        ["play", "connector-intro", "--seed", "1e400", "--answer", "hi"],
        ["--font-scale", "nan", "history"],
        ["--font-scale", "inf", "history"],
        ["--font-scale", "-1", "history"],
    ],
)
def test_item_14_numbers_out_of_any_range_are_a_usage_line(tmp_path: Path, argv: list[str]) -> None:
    code, _, err = run(*argv, "--data-dir", str(tmp_path))
    assert code == 2
    assert "Traceback" not in err
    assert "went wrong inside" not in err


def _frameshift(*argv: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "app", *argv], capture_output=True, timeout=60, **kwargs
    )


def test_item_14_output_into_a_closed_pipe_is_silent(tmp_path: Path) -> None:
    for n in range(3):
        _user_scenario(tmp_path, f"Scenario {n}", f"s-{n}")
    for argv in (["scenarios"], ["history"], ["analyze", "-"], ["--help"]):
        proc = subprocess.Popen(
            [sys.executable, "-m", "app", *argv, "--data-dir", str(tmp_path)]
            if argv != ["--help"]
            else [sys.executable, "-m", "app", "--help"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        proc.stdout.close()  # type: ignore[union-attr]  # the reader went away first
        _, err = proc.communicate(b'{"turns":[{"speaker":"seeker","text":"hi"}]}\n' * 50)
        assert proc.returncode in (0, 2), (argv, err)
        assert b"Traceback" not in err
        assert b"went wrong" not in err


def test_item_14_text_the_locale_cannot_encode_and_bytes_it_cannot_decode(tmp_path: Path) -> None:
    """An ASCII-only terminal, a file name that is not UTF-8, a title with an em dash."""
    import os

    _user_scenario(tmp_path, "Café — a title")
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    done = _frameshift("scenarios", "--data-dir", str(tmp_path), env=env)
    assert done.returncode == 0, done.stderr
    assert b"Caf" in done.stdout
    bad = os.fsencode(tmp_path) + b"/\xff\xfe.yaml"
    done = subprocess.run(
        [sys.executable.encode(), b"-m", b"app", b"validate", bad],
        capture_output=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr
    done = subprocess.run(
        [sys.executable.encode(), b"-m", b"app", b"play", b"\xff\xfe", b"--answer", b"\xff"],
        capture_output=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr


def test_item_14_a_config_given_as_a_fifo_is_a_sentence(tmp_path: Path) -> None:
    import os
    import time

    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)
    started = time.monotonic()
    code, _, err = run("history", "--config", str(fifo), "--data-dir", str(tmp_path))
    assert time.monotonic() - started < 5
    assert code == 2
    assert "not a regular file" in err


def _one_session(data: Path) -> int:
    code, out, _ = run(
        "play", "connector-intro", "--json", "--answer", "Hi", "--data-dir", str(data)
    )
    assert code == 0
    return int(json.loads(out)["session_id"])


def test_item_15_export_never_replaces_a_link_fifo_device_or_folder(tmp_path: Path) -> None:
    import os

    sid = _one_session(tmp_path / "d")
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    link = tmp_path / "link.html"
    link.symlink_to(victim)
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.html"
    folder.mkdir()
    for target, kind in ((link, "symbolic link"), (fifo, "pipe"), (folder, "folder")):
        code, _, err = run("export", str(sid), "-o", str(target), "--data-dir", str(tmp_path / "d"))
        assert code == 2, target
        assert kind in err
    assert link.is_symlink()
    assert victim.read_text() == "keep"
    assert fifo.is_fifo()
    code, _, err = run("export", str(sid), "-o", "/dev/null", "--data-dir", str(tmp_path / "d"))
    assert code == 2
    assert Path("/dev/null").is_char_device()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


_KILLED_EXPORT = """
import os, sys
from pathlib import Path
from app.report import paths
if sys.argv[2] == "named":
    paths._link_unnamed = lambda folder, data: None
real = paths._write_all
def die(fd, data):
    real(fd, data[: len(data) // 2])
    os.kill(os.getpid(), 9)
paths._write_all = die
paths.write_atomically(Path(sys.argv[1]), "the whole transcript " * 10000)
"""


def test_item_15_an_export_killed_half_way_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "out.html"
    for how in ("unnamed", "named"):
        done = _frameshift_code(_KILLED_EXPORT, str(target), how)
        assert done.returncode == -9
        assert not target.exists()
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    # O_TMPFILE leaves nothing at all; the named fallback leaves one that the next export sweeps
    assert len(leftovers) <= 1
    from app.report import write_atomically

    write_atomically(target, "next export")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.html"]


def _frameshift_code(code: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, timeout=60)


def test_item_19_a_typed_answer_ending_in_wav_and_a_silent_wav(tmp_path: Path) -> None:
    import wave

    code, out, err = run(
        "play", "connector-intro", "--json", "--answer", "I sent my demo as a .wav",
        "--data-dir", str(tmp_path),
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["transcript"][1]["text"] == "I sent my demo as a .wav"
    silent = tmp_path / "silent.wav"
    with wave.open(str(silent), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(b"\0\0" * 16000)
    code, _, err = run(
        "play", "connector-intro", "--answer", str(silent), "--data-dir", str(tmp_path)
    )
    assert code == 2
    assert "silent" in err
    code, out, _ = run("history", "--json", "--data-dir", str(tmp_path))
    assert len(json.loads(out)) == 1  # the refused WAV left no half-made session


# -- issue 11 item 5: one export registry, used by the command line -------------------------------
def test_every_registered_export_format_exports_through_the_command_line(tmp_path: Path) -> None:
    """Each EXPORT_FORMATS entry is complete (a renderer, a label, an extension) and reachable
    as `export --format NAME`; an unknown name lists exactly the registry's names."""
    from app.report import EXPORT_FORMATS, FORMATS

    sid = _one_session(tmp_path)
    assert tuple(EXPORT_FORMATS) == FORMATS
    for name, fmt in EXPORT_FORMATS.items():
        assert callable(fmt.renderer)
        assert fmt.label.strip()
        assert fmt.extension.isalnum()
        assert fmt.file_filter == f"{fmt.label} (*.{fmt.extension})"
        target = tmp_path / f"out.{fmt.extension}"
        code, _, err = run(
            "export", str(sid), "--format", name, "-o", str(target), "--data-dir", str(tmp_path)
        )
        assert code == 0, err
        assert target.stat().st_size > 0
    code, _, err = run("export", str(sid), "--format", "docx", "--data-dir", str(tmp_path))
    assert code == 2
    assert ", ".join(FORMATS) in err


def test_every_command_module_imports_common_never_main() -> None:
    """The command table breaks the cli/main import circle: no command module imports main."""
    import ast

    folder = Path(__file__).resolve().parents[2] / "app" / "cli"
    for path in folder.glob("*.py"):
        if path.name == "main.py":
            continue
        tree = ast.parse(path.read_text())
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | {
            a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names
        }
        assert "app.cli.main" not in imported, path.name


def test_item_5_kiosk_set_pin_keeps_the_file_and_makes_it_private(tmp_path: Path) -> None:
    """`kiosk set-pin` edits the config in place: comments, unknown keys and ~ paths stay; a
    0644 file becomes 0600 now that it holds the PIN hash."""
    from app.cli import kiosk as kiosk_cli
    from app.cli.main import _settings, build_parser
    from app.config import load_settings
    from app.session.kiosk import verify_pin

    config = tmp_path / "config.toml"
    original = "\n".join(
        [
            "# booth laptop",
            'data_dir = "~/booth"  # big disk',
            "mystery = 1",
            "[kiosk]",
            "idle_seconds = 90",
            "",
        ]
    )
    config.write_text(original)
    config.chmod(0o644)
    args = build_parser().parse_args(["--config", str(config), "kiosk", "set-pin"])
    answers = iter(["8642", "8642"])
    code = kiosk_cli.run(
        args, _settings(args), io.StringIO(), io.StringIO(), read_secret=lambda _p: next(answers)
    )
    assert code == 0
    text = config.read_text()
    for kept in ("# booth laptop", '"~/booth"  # big disk', "mystery = 1", "idle_seconds = 90"):
        assert kept in text
    assert (config.stat().st_mode & 0o777) == 0o600
    assert verify_pin("8642", load_settings(config, environ={}).settings.kiosk.pin_hash)
