"""Suite-wide set-up: headless Qt, isolated settings and data, and no leaked threads."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

# Under pytest-xdist each worker gets its own temp folder (and its subprocesses, by TMPDIR), so a
# test that checks what it left in the temp folder (the kiosk's erased visit) never sees another
# worker's files appear there at the same time.
if os.environ.get("PYTEST_XDIST_WORKER"):
    _worker_tmp = (
        Path(tempfile.gettempdir()) / f"frameshift-tests-{os.environ['PYTEST_XDIST_WORKER']}"
    )
    _worker_tmp.mkdir(exist_ok=True)
    os.environ["TMPDIR"] = str(_worker_tmp)
    tempfile.tempdir = str(_worker_tmp)

import threading
from collections.abc import Callable, Iterator

import pytest

REPO = Path(__file__).resolve().parents[1]


def pytest_configure(config: pytest.Config) -> None:
    """Qt Multimedia's "no PipeWire, using PulseAudio" notice is filtered as the app filters it,
    whichever test happens to touch audio first."""
    from app.speech.qtaudio import quiet_qt_multimedia

    quiet_qt_multimedia()


@pytest.fixture(autouse=True)
def isolated_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets fresh config, data and cache dirs; the user's real ones are never read."""
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    for name in list(os.environ):
        if name.startswith("FRAMESHIFT_") and name != "FRAMESHIFT_SPEECH_TESTDATA":
            monkeypatch.delenv(name)
    monkeypatch.setenv("FRAMESHIFT_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("FRAMESHIFT_DATA_DIR", str(home / "data"))
    # Window and loop tests decode with tiny.en, as their timings were set with; Whisper base
    # (the product's default) is tested in tests/speech/test_stt_models.py.
    monkeypatch.setenv("FRAMESHIFT_RECOGNIZER", "fast")
    return home


@pytest.fixture(scope="session")
def sound_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str] | None]:
    """One private PulseAudio (null speakers, a virtual microphone), started by the first test
    that asks for it (every test under tests/speech does, see its conftest) and kept to the end.

    Qt Multimedia binds to the sound server once per process, so it must exist before the first
    test touches real audio devices; tests elsewhere use the fakes and never start it. None when
    PulseAudio is not installed.
    """
    from speech.pulse import pulse_installed, virtual_microphone

    if not pulse_installed():
        yield None
        return
    saved = {k: os.environ.get(k) for k in ("XDG_RUNTIME_DIR", "PULSE_RUNTIME_PATH", "HOME")}
    saved_server = os.environ.pop("PULSE_SERVER", None)
    with virtual_microphone(tmp_path_factory.mktemp("pulse")) as env:
        for key in saved:
            os.environ[key] = env[key]
        try:
            yield env
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
            if saved_server is not None:
                os.environ["PULSE_SERVER"] = saved_server


@pytest.fixture(autouse=True)
def no_leaked_threads() -> Iterator[None]:
    """Fail a test that leaves a Python thread (QThreads included) running behind it."""
    before = {t.ident for t in threading.enumerate()}
    yield
    leaked = []
    for t in threading.enumerate():
        if t.ident in before or not t.is_alive() or t.daemon:
            continue
        t.join(timeout=5)
        if t.is_alive():
            leaked.append(t.name)
    assert not leaked, f"threads left running: {leaked}"


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """Mount a tmpfs of the given size (e.g. "512k") and return its folder; unmounted after.
    Skipped with the reason where mounting is refused (tests/disks.py)."""
    from tests.disks import mount_tmpfs, unmount

    mounted: list[Path] = []

    def mount(size: str) -> Path:
        mounted.append(mount_tmpfs(tmp_path / f"tmpfs{len(mounted)}", size))
        return mounted[-1]

    yield mount
    for folder in reversed(mounted):
        unmount(folder)
