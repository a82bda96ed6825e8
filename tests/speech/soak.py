"""Spoken turns through the real window, over and over: the soak shared by the suite and
bench/soak.py.

Each turn waits until the app listens, plays an eSpeak NG answer into the private PulseAudio's
virtual microphone (real time, paplay), and waits for the manager's next line. A conversation
that ends is started again. A :class:`StallWatchdog` fails the run on any GUI-thread stall over
2 s and dumps every thread's stack if one happens; RSS is sampled after every turn.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

from app.speech import AudioClip

from .conftest import espeak
from .first_words import play
from .watchdog import StallWatchdog

#: Short, varied answers: the soak is about the loop, not the dialogue.
SOAK_ANSWERS = (
    "Yes, I would like that.",
    "Not really, but I could learn it.",
    "What does your team work on?",
    "Thanks, that is helpful.",
    "I am curious about the data platform.",
    "Mostly dashboards and reports.",
)
SCENARIO = "connector-intro"


@dataclass
class SoakResult:
    turns: int = 0
    conversations: int = 0
    unheard: int = 0  # answers after which no new line came within the timeout
    rss_mb: list[float] = field(default_factory=list)
    turn_s: list[float] = field(default_factory=list)
    watchdog: str = ""
    stalls: list[float] = field(default_factory=list)
    longest_gap_ms: float = 0.0
    #: what the window showed after each answer that got no reply (driver.story)
    unheard_stories: list[str] = field(default_factory=list)
    #: the player's stutters: times its device ran dry mid-line, and its longest feeding gap
    underruns: int = 0
    longest_feed_gap_ms: float = 0.0

    @property
    def rss_growth_mb(self) -> float:
        if len(self.rss_mb) < 4:
            return 0.0
        settle = len(self.rss_mb) // 4  # caches and models warm up in the first turns
        return round(self.rss_mb[-1] - self.rss_mb[settle], 1)


def answer_wavs(folder: Path) -> list[Path]:
    """The answers as 16 kHz WAVs with 200 ms of lead-in (paplay's stream start)."""
    out = []
    for i, text in enumerate(SOAK_ANSWERS):
        spoken = AudioClip.from_wav(espeak(text, folder / f"soak-{i}.wav", speed=175))
        padded = AudioClip(bytes(2 * 16_000 // 5)) + spoken
        out.append(padded.to_wav(folder / f"soak-{i}-padded.wav"))
    return out


def run_soak(
    app: Any,
    env: dict[str, str],
    folder: Path,
    turns: int,
    *,
    turn_timeout_s: float = 60.0,
    on_turn: Callable[[int], None] | None = None,
) -> SoakResult:
    """Drive ``turns`` spoken answers through ``app`` (a FrameshiftDriver with live audio)."""
    wavs = answer_wavs(folder)
    rehearsal = app.window.rehearsal
    result = SoakResult()
    watchdog = StallWatchdog(folder / "stall-dump.txt")
    process = psutil.Process()
    watchdog.start()
    try:
        while result.turns < turns:
            app.start(SCENARIO)
            result.conversations += 1
            conv = rehearsal.conversation
            while result.turns < turns and not conv.finished:
                app.qtbot.waitUntil(
                    lambda c=conv: rehearsal.awaiting_answer or c.finished,
                    timeout=int(turn_timeout_s * 1000),
                )
                if conv.finished:
                    break
                if not rehearsal.listening:
                    rehearsal.listen_now()
                before = len(conv.turns)
                began = time.monotonic()
                player = play(wavs[result.turns % len(wavs)], env)
                try:
                    app.qtbot.waitUntil(
                        lambda b=before, c=conv: len(c.turns) > b + 1 or c.finished,
                        timeout=int(turn_timeout_s * 1000),
                    )
                except Exception:
                    result.unheard += 1
                    said = SOAK_ANSWERS[result.turns % len(wavs)]
                    story = app.story("a reply", turn_timeout_s * 1000)
                    result.unheard_stories.append(f"turn {result.turns + 1}, {said!r}: {story}")
                finally:
                    player.wait(30)
                result.turns += 1
                result.turn_s.append(time.monotonic() - began)
                result.rss_mb.append(process.memory_info().rss / 2**20)
                if on_turn is not None:
                    on_turn(result.turns)
            if not conv.finished:
                rehearsal.end_early()
    finally:
        watchdog.stop()
    result.watchdog = watchdog.report()
    result.stalls = watchdog.stalls
    result.longest_gap_ms = round(watchdog.longest_gap_s * 1000, 1)
    result.underruns = int(getattr(app.player, "underruns", 0))
    result.longest_feed_gap_ms = round(getattr(app.player, "longest_feed_gap_s", 0.0) * 1000, 1)
    return result
