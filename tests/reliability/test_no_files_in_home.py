"""Newcomer N15 (session 12): onnxruntime's official builds write a device id and a telemetry
queue to ``~/.cache/Microsoft/DeveloperTools/.onnxruntime`` as soon as they are imported, and the
kiosk promises it keeps nothing, the solo user privacy. The app's entry (``app.cli.main``) sets
onnxruntime's documented switch, ``ORT_DISABLE_TELEMETRY=1``, before anything can import it.

Generated over every model the product runs on onnxruntime (the framing sentence model, Silero
VAD, Smart Turn, all of them in one process) and the real ``frameshift analyze`` command: each in
a child process whose HOME and XDG folders are empty temporary ones, which afterwards hold
nothing. A control child that imports onnxruntime without the entry shows the build does write
there (otherwise the test would prove nothing).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

LOADERS = {
    "framing": "from app.framing.learned import load_model\nload_model()",
    "silero": "from app.speech.endpoint import SileroVoice\nSileroVoice()",
    "smart-turn": "from app.speech.endpoint import SmartTurn\nSmartTurn()",
}
LOADERS["all"] = "\n".join(LOADERS.values())


def _child(code: str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ORT_", "XDG_"))}
    env |= {
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / "xdg-cache"),
        "XDG_DATA_HOME": str(home / "xdg-data"),
        "XDG_CONFIG_HOME": str(home / "xdg-config"),
        "XDG_STATE_HOME": str(home / "xdg-state"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    argv = [sys.executable, "-c", code, *args] if code else [sys.executable, *args]
    return subprocess.run(
        argv, env=env, cwd=REPO, capture_output=True, text=True, timeout=300, check=False
    )


def _left(home: Path) -> list[str]:
    return sorted(str(p.relative_to(home)) for p in home.rglob("*"))


def test_the_build_writes_its_device_id_without_the_switch(tmp_path: Path) -> None:
    done = _child("import onnxruntime", tmp_path)
    assert done.returncode == 0, done.stderr
    if not any("Microsoft" in p for p in _left(tmp_path)):  # ~/.cache or $XDG_CACHE_HOME
        pytest.skip("this onnxruntime build keeps no device id: nothing to prevent")


@pytest.mark.parametrize("model", sorted(LOADERS))
def test_loading_a_model_after_the_entry_leaves_nothing_in_home(model: str, tmp_path: Path) -> None:
    code = "import app.cli.main\n" + LOADERS[model] + "\nprint('loaded')"
    done = _child(code, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "loaded" in done.stdout
    assert _left(tmp_path) == []


def test_the_analyze_command_leaves_nothing_in_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    transcript = tmp_path / "t.json"
    turns = [
        {"speaker": "manager", "text": "So what brings you here tonight?"},
        # not decided by the rules: the sentence model (onnxruntime) is loaded for it
        {"speaker": "seeker", "text": "I mostly do backend things these days"},
    ]
    transcript.write_text(json.dumps({"turns": turns}), encoding="utf-8")
    done = _child("", home, "-m", "app", "--data-dir", str(tmp_path / "data"), "analyze",
                  str(transcript))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert _left(home) == []
