"""The classes behind an independent adversary's findings, each tried with many instances.

- Any ValueError a parser raises (Python's 4,300-digit integer limit in JSON or TOML) is a
  sentence and exit 2, never a crash log.
- Environment variables give the same answer whatever their order.
- An id that ends in a newline (or any other control character) is refused, for every kind of id.
- Bidirectional formatting characters never reach a terminal.
- "Saved" means the recordings too: a lost recording makes `play` exit 2 and say which turn.
"""

from __future__ import annotations

import io
import itertools
import json
import shutil
import wave
from pathlib import Path

import numpy as np
import pytest

from app.cli.common import crash_dir, strip_controls
from app.cli.main import main

REPO = Path(__file__).resolve().parents[2]


def _run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        code = main(argv, stdin=io.StringIO(stdin), stdout=out, stderr=err)
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def _no_crash(code: int, err: str) -> None:
    assert code in (0, 2), err
    assert "Traceback" not in err, err
    assert "went wrong inside" not in err, err
    logs = list(crash_dir().iterdir()) if crash_dir().exists() else []
    assert logs == [], logs


@pytest.mark.parametrize("digits", [4301, 5000, 20_000, 100_000])
def test_huge_integers_in_a_transcript_are_a_sentence(tmp_path: Path, digits: int) -> None:
    number = "7" * digits
    payloads = [
        f'{{"turns":[{{"speaker":"manager","text":"hi"}}],"x":{number}}}',
        f'{{"turns":[{{"speaker":"manager","text":"hi","n":{number}}}]}}',
        f"[{number}]",
        f'{{"turns":[{{"speaker":"seeker","text":"hi"}}],"x":-{number}}}',
    ]
    for i, payload in enumerate(payloads):
        path = tmp_path / f"t{i}.json"
        path.write_text(payload)
        for argv, stdin in ((["analyze", str(path)], ""), (["analyze", "-"], payload + "\n")):
            code, _out, err = _run([*argv, "--data-dir", str(tmp_path / "d")], stdin)
            _no_crash(code, err)
            assert code == 2, err
            assert "number is too long" in err, err


@pytest.mark.parametrize("digits", [4301, 9000])
@pytest.mark.parametrize(
    "line",
    ["volume = {n}", "rate = -{n}", "[kiosk]\nidle_seconds = {n}", "x = [{n}]", "a = {{b = {n}}}"],
)
def test_huge_integers_in_the_config_are_a_sentence(tmp_path: Path, digits: int, line: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(line.format(n="1" * digits) + "\n")
    for command in (["scenarios"], ["history"], ["validate"]):
        code, _out, err = _run([*command, "--config", str(config), "--data-dir", str(tmp_path)])
        _no_crash(code, err)
        assert code == 2, err
        assert "number is too long" in err, err


ENV_SETS = [
    {"FRAMESHIFT_KIOSK": "x", "FRAMESHIFT_KIOSK_IDLE_SECONDS": "5"},
    {"FRAMESHIFT_KIOSK": "1", "FRAMESHIFT_KIOSK_ENABLED": "true", "FRAMESHIFT_VOLUME": "0.5"},
    {"FRAMESHIFT_KIOSK_IDLE_SECONDS": "-1", "FRAMESHIFT_VOLUME": "2"},
    {"FRAMESHIFT_THEME": "dark", "FRAMESHIFT_KIOSK_IDLE_SECONDS": "90"},
    {"FRAMESHIFT_KIOSK_": "x", "FRAMESHIFT_": "y", "FRAMESHIFT_KIOSK_IDLE_SECONDS": "30"},
]


@pytest.mark.parametrize("values", ENV_SETS, ids=range(len(ENV_SETS)))
def test_environment_variables_give_one_answer_in_any_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, values: dict[str, str]
) -> None:
    answers = set()
    for order in itertools.permutations(values):
        with monkeypatch.context() as m:
            for name in list(_frameshift_env()):
                m.delenv(name)
            for name in order:
                m.setenv(name, values[name])
            code, _out, err = _run(["scenarios", "--data-dir", str(tmp_path)])
        _no_crash(code, err)
        answers.add((code, err.strip()))
    assert len({code for code, _ in answers}) == 1, answers


def _frameshift_env() -> list[str]:
    import os

    return [name for name in os.environ if name.startswith("FRAMESHIFT_")]


ID_SPOTS = [
    ("id: connector-intro\n", "id: {bad}\n"),
    ("start: hello\n", "start: {bad}\n"),
    ("      id: send-resume\n", "      id: {bad}\n"),
    ("    - id: team\n", "    - id: {bad}\n"),
]


@pytest.mark.parametrize("tail", ["\\n", "\\r", "\\t", "\\x00", "\\x1b", " ", "\\u202e"])
@pytest.mark.parametrize(("plain", "hostile"), ID_SPOTS)
def test_ids_with_a_control_character_are_refused(
    tmp_path: Path, plain: str, hostile: str, tail: str
) -> None:
    source = (REPO / "dialogues" / "connector-intro.yaml").read_text(encoding="utf-8")
    value = plain.split(":", 1)[1].strip()
    bad = f'"{value}{tail}"'
    assert plain in source
    text = source.replace(plain, hostile.format(bad=bad), 1)
    if plain.startswith("start:"):
        text = text.replace("\n  hello:\n", f"\n  {bad}:\n", 1)
    path = tmp_path / "evil.yaml"
    path.write_text(text, encoding="utf-8")
    code, _out, err = _run(["validate", str(path), "--data-dir", str(tmp_path / "d")])
    _no_crash(code, err)
    assert code == 2, err


BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_bidirectional_controls_never_reach_a_terminal() -> None:
    rng = np.random.default_rng(7)
    alphabet = list("abc .,'\"\n\t") + list(BIDI) + ["\x1b", "\x07", "\x9b", "é", "💥"]
    for _ in range(500):
        text = "".join(rng.choice(alphabet, size=int(rng.integers(0, 40))))
        shown = strip_controls(text)
        assert not set(shown) & set(BIDI + "\x1b\x07\x9b"), repr(shown)
        assert {c for c in text if c not in BIDI + "\x1b\x07\x9b"} == set(shown)


def _wav(path: Path) -> Path:
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        pytest.skip("espeak-ng is not installed (apt-get install espeak-ng)")
    import subprocess

    subprocess.run([espeak, "-w", str(path), "Yes, I am very interested."], check=True)
    with wave.open(str(path)) as w:
        assert w.getnframes() > 0
    return path


@pytest.mark.speech
def test_a_lost_recording_is_not_called_saved(tmp_path: Path) -> None:
    """The audio folder cannot be made (a file is in its way): the text is saved, the command
    says which turn lost its recording and exits 2, and the JSON lists it."""
    answer = _wav(tmp_path / "answer.wav")
    for as_json in (False, True):
        data = tmp_path / f"data{as_json}"
        data.mkdir()
        (data / "audio").write_text("in the way")
        argv = ["play", "connector-intro", "--answer", str(answer), "--answer", "Yes!"]
        code, out, err = _run([*argv, "--data-dir", str(data), *(["--json"] if as_json else [])])
        _no_crash(code, err)
        assert code == 2
        assert "WITHOUT the recording of answer 1" in err  # turn 2: your first answer
        if as_json:
            assert json.loads(out)["lost_recordings"] == [1]
        else:
            assert "Saved as session" not in out
