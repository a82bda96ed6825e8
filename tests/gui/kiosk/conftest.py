"""The kiosk shell on a temporary data dir with scripted speech, as a booth would run it."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

from app.bootstrap import build_kiosk
from app.config import KioskSettings, load_settings
from app.session import SpeechServices
from app.session.kiosk import hash_pin
from app.speech import FakeMicrophone, FakeRecognizer, FakeVoice
from app.testing.driver import FrameshiftDriver, scripted_speech
from app.ui.kiosk import KioskWindow
from app.ui.kiosk.operator import OperatorScreen

PIN = "2468"
FAST_PIN_HASH = hash_pin(PIN, iterations=1_000)  # the real default is slow on purpose


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Booth:
    """A running kiosk and what it was built with."""

    qtbot: Any
    kiosk: KioskWindow
    speech: SpeechServices
    voice: FakeVoice
    recognizer: FakeRecognizer
    config_path: Path
    data_dir: Path
    media_root: Path
    test_microphones: list[FakeMicrophone]
    sticks: list[Path] = field(default_factory=list)

    def plug_stick(self, name: str) -> Path:
        """A USB stick as the kiosk sees one: a small tmpfs mounted at media_root/name
        (unmounted at the end of the test; needs root, skipped with the reason otherwise)."""
        stick = self.media_root / name
        stick.mkdir()
        if os.geteuid() != 0:
            pytest.skip("a USB stick is a mount point: mounting a tmpfs needs root")
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(stick)],
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs as a USB stick ({done.stderr.decode().strip()})")
        self.sticks.append(stick)
        return stick

    def visitor(self) -> FrameshiftDriver:
        """Tap the attract screen and return a driver for the visitor's window."""
        k = self.kiosk
        if k.visit is None:
            self.qtbot.mouseClick(k.attract.start_button, _left())
        assert k.visit is not None
        return FrameshiftDriver(
            self.qtbot, k.visit.window, self.speech, self.voice, self.recognizer, real_speech=False
        )


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


@pytest.fixture
def make_booth(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., Booth]]:
    """Build (and afterwards tear down) kiosks; keyword arguments are KioskSettings fields."""
    built: list[Booth] = []

    def make(*, listen: bool = True, demo: bool = False, clock: Any = None, **kiosk: Any) -> Booth:
        config_path = tmp_path / "config.toml"
        data_dir = tmp_path / "data"
        loaded = load_settings(
            config_path,
            environ={},
            overrides={"data_dir": data_dir, "end_silence_ms": 200, "listen": listen},
        )
        values: dict[str, Any] = {"enabled": True, "pin_hash": FAST_PIN_HASH}
        values.update(kiosk)
        loaded.settings = replace(loaded.settings, kiosk=KioskSettings(**values))
        speech, voice, recognizer = scripted_speech(loaded.settings.cache_dir)
        media_root = tmp_path / "media" / "visitor"
        media_root.mkdir(parents=True)
        mics: list[FakeMicrophone] = []

        def fake_mic(_device: str) -> FakeMicrophone:
            mics.append(FakeMicrophone())
            return mics[-1]

        operator = OperatorScreen(
            devices=lambda: [("usb-mic", "USB microphone")], microphone_factory=fake_mic
        )
        kiosk_window = build_kiosk(
            loaded,
            speech=speech,
            demo=demo,
            media_roots=[media_root],
            operator_screen=operator,
            **({"clock": clock} if clock is not None else {}),
        )
        qtbot.addWidget(kiosk_window)
        kiosk_window.start()
        qtbot.waitExposed(kiosk_window)
        booth = Booth(
            qtbot,
            kiosk_window,
            speech,
            voice,
            recognizer,
            config_path,
            data_dir,
            media_root,
            mics,
        )
        built.append(booth)
        return booth

    yield make
    for booth in built:
        for stick in booth.sticks:
            subprocess.run(["umount", "-l", str(stick)], check=False)
        booth.kiosk.shutdown()
        booth.kiosk.close()
        assert booth.speech.worker is not None
        booth.speech.worker.stop()
