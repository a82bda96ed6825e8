"""A private PulseAudio with a virtual microphone, so QAudioSource hears what a test plays.

Recipe (works as root or a normal user, no system daemon touched):

1. Point ``XDG_RUNTIME_DIR``, ``PULSE_RUNTIME_PATH``, ``HOME`` at a fresh temp dir, and unset
   ``PULSE_SERVER``, so the daemon and every client use a private socket.
2. ``pulseaudio -n --daemonize=yes --exit-idle-time=-1 --system=false
   --load=module-native-protocol-unix`` (``-n`` skips the user's default.pa).
3. ``pactl load-module module-null-sink sink_name=fs_sink``, then
   ``pactl load-module module-virtual-source source_name=fs_mic master=fs_sink.monitor`` and
   ``pactl set-default-source fs_mic``. (Qt does not list monitor sources, and
   module-pipe-source loses audio with QAudioSource; the virtual source works.)
4. ``paplay -d fs_sink answer.wav`` is now heard by anything recording from ``fs_mic``.
5. ``pulseaudio --kill`` with the same environment tears it down.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SINK = "fs_sink"
SOURCE = "fs_mic"
SPEAKERS = "fs_speakers"


def pulse_env(runtime: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PULSE_SERVER"}
    env.update(
        XDG_RUNTIME_DIR=str(runtime),
        PULSE_RUNTIME_PATH=str(runtime / "pulse"),
        HOME=str(runtime),
    )
    return env


def pulse_installed() -> bool:
    return all(shutil.which(tool) for tool in ("pulseaudio", "pactl", "paplay"))


@contextmanager
def virtual_microphone(runtime: Path) -> Iterator[dict[str, str]]:
    """Run a private PulseAudio with ``fs_mic`` as default source; yield its client env."""
    runtime.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o700)
    env = pulse_env(runtime)
    subprocess.run(
        [
            "pulseaudio", "-n", "--daemonize=yes", "--exit-idle-time=-1", "--system=false",
            "--load=module-native-protocol-unix", f"--log-target=file:{runtime / 'pulse.log'}",
        ],
        env=env, check=True, timeout=20, capture_output=True,
    )  # fmt: skip
    pid: int | None = None
    try:
        for _ in range(100):
            if subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode == 0:
                break
            time.sleep(0.05)
        for args in (
            ["load-module", "module-null-sink", f"sink_name={SINK}"],
            [
                "load-module",
                "module-virtual-source",
                f"source_name={SOURCE}",
                f"master={SINK}.monitor",
            ],
            ["load-module", "module-null-sink", f"sink_name={SPEAKERS}"],
            ["set-default-source", SOURCE],
            # The app's own voice goes to separate (null) speakers, as with headphones, so the
            # microphone hears only the answers a test plays into fs_sink.
            ["set-default-sink", SPEAKERS],
        ):
            subprocess.run(["pactl", *args], env=env, check=True, timeout=10, capture_output=True)
        pid_file = runtime / "pulse" / "pid"
        pid = int(pid_file.read_text().split()[0]) if pid_file.is_file() else None
        yield env
    finally:
        subprocess.run(["pulseaudio", "--kill"], env=env, timeout=10, capture_output=True)
        _wait_gone(pid)


def _wait_gone(pid: int | None, timeout_s: float = 5.0) -> None:
    """Make sure our daemon (and only ours, by pid) has exited; SIGTERM it if --kill did not."""
    if pid is None:
        return
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        if Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z":
            return  # exited; its reaper is not us
        time.sleep(0.05)
    os.kill(pid, signal.SIGTERM)


def play_into_mic(wav: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """Start playing ``wav`` into the null sink (heard on ``fs_mic``); returns the process."""
    return subprocess.Popen(["paplay", "-d", SINK, str(wav)], env=env)


@contextmanager
def answer_into_mic(
    qtbot: Any, mic: Any, wav: Path, env: dict[str, str], timeout_ms: int
) -> Iterator[Any]:
    """Start ``mic`` (a QtMicrophone), let it settle, play ``wav`` into it and wait for its
    ``speech_ended``; yields the signal blocker (``.args[0]`` is the answer). The player is
    stopped when the block ends, before the caller releases the microphone."""
    mic.start()
    qtbot.wait(400)
    player = play_into_mic(wav, env)
    try:
        with qtbot.waitSignal(mic.speech_ended, timeout=timeout_ms) as blocker:
            pass
        yield blocker
    finally:
        player.wait(10)
