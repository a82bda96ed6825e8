"""The player counts its stutters: a GUI thread too busy to top the device up mid-line runs it
dry, and :attr:`QtPlayer.underruns` / ``longest_feed_gap_s`` say so (bench/soak.py reports them
under load). Through the private PulseAudio's null speakers."""

from __future__ import annotations

import time

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from app.speech import AudioClip, QtPlayer
from app.speech.player import AHEAD_MS, PLAY_RATE

pytestmark = pytest.mark.speech


def _tone(seconds: float) -> AudioClip:
    t = np.arange(int(seconds * PLAY_RATE)) / PLAY_RATE
    return AudioClip.from_samples((0.2 * np.sin(2 * np.pi * 220 * t)).astype(np.float32), PLAY_RATE)


@pytest.mark.parametrize("blocked_ms", [3 * AHEAD_MS, 6 * AHEAD_MS])
def test_a_blocked_gui_thread_mid_line_is_counted_as_a_stutter(
    qtbot: QtBot, pulse_mic: dict[str, str], blocked_ms: int
) -> None:
    player = QtPlayer()
    assert not player.silent
    with qtbot.waitSignal(player.started, timeout=2_000):
        player.play_clip(_tone(2.0))
    qtbot.wait(300)  # mid-line, fed every tick
    before = player.underruns
    time.sleep(blocked_ms / 1000)  # the GUI thread busy: no tick runs
    with qtbot.waitSignal(player.finished, timeout=10_000):
        pass
    assert player.underruns > before
    assert player.longest_feed_gap_s >= blocked_ms / 1000 * 0.9
