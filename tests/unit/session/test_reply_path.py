"""The reply path (issue 15, turn gap): a pre-rendered line plays at once, without a round trip
through the voice thread (which may be busy rendering another line for seconds), and the copy
kept with the session is made after the first sample is out."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from session_helpers import (  # the fixtures are used by name
    data_dir_fixture,  # noqa: F401
    scenario_fixture,  # noqa: F401
    store_fixture,  # noqa: F401
)

from app.config import Settings
from app.dialogue import Scenario
from app.dialogue.model import VoiceSettings
from app.session import Phase, Rehearsal
from app.speech.cache import VoiceCache
from app.speech.factory import make_speech
from app.speech.fakes import FakeMicrophone, FakePlayer, FakeRecognizer, FakeVoice

pytestmark = pytest.mark.gui

PARTS = (
    ("We mostly build data pipelines.",),
    ("Good question.", "We mostly build data pipelines.", "Anyway."),
    ("One.", "Two.", "Three.", "Four."),
)


@pytest.mark.parametrize("parts", PARTS)
def test_ready_line_is_the_cached_line_and_never_renders(tmp_path: Path, parts: tuple) -> None:
    voice = FakeVoice(seconds=0.05)
    cache = VoiceCache(voice, tmp_path / "voice")
    settings = VoiceSettings()
    assert cache.ready_line(parts, settings) is None  # nothing cached: the engine must render
    assert voice.lines == []
    cache.prerender(parts[:-1], settings)
    assert cache.ready_line(parts, settings) is None  # a part is still missing
    cache.prerender(parts, settings)
    rendered = len(voice.lines)
    ready = cache.ready_line(parts, settings)
    assert ready is not None
    assert ready == cache.line(parts, settings)
    assert len(voice.lines) == rendered


class SlowVoice(FakeVoice):
    """Renders lines it has not seen only when released: the voice thread is busy meanwhile."""

    def __init__(self) -> None:
        super().__init__(seconds=0.05)
        self.release = threading.Event()
        self.busy = threading.Event()

    def render(self, text: str, settings: Any, out: Path) -> Path:
        if text.startswith("SLOW"):
            self.busy.set()
            self.release.wait(20)
        return super().render(text, settings, out)


def test_a_prerendered_reply_plays_while_the_voice_thread_is_busy(
    qtbot: Any, scenario: Scenario, data_dir: Path
) -> None:
    settings = replace(Settings(), data_dir=data_dir, listen=False)
    voice = SlowVoice()
    speech, _notices = make_speech(
        settings,
        voice=voice,
        recognizer=FakeRecognizer(),
        microphone=FakeMicrophone(),
        player=FakePlayer(),
        load_recognizer=False,
    )
    assert speech.worker is not None
    rehearsal = Rehearsal(settings, None, speech)
    try:
        rehearsal.start(scenario)
        qtbot.waitUntil(lambda: rehearsal.phase is Phase.WAITING, timeout=10_000)
        qtbot.waitUntil(lambda: speech.worker.prerender_backlog == 0, timeout=10_000)
        # The voice thread now renders a long line nobody needs yet...
        speech.worker.request_prerender(["SLOW line for later."], rehearsal._voice_settings())
        assert voice.busy.wait(10)
        player = speech.player
        assert isinstance(player, FakePlayer)
        played = len(player.played)
        rehearsal.submit_text("What does your team work on?")
        # ...and the reply, pre-rendered, is handed to the player at once (within the call,
        # while the voice thread is still held: no waiting behind it).
        assert len(player.played) == played + 1
        assert not voice.release.is_set()
    finally:
        voice.release.set()
        rehearsal.shutdown()
        speech.stop()


@pytest.mark.parametrize("rates", [(16_000,) * 3, (22_050,) * 4, (16_000, 22_050, 16_000)])
def test_joined_parts_are_the_parts_with_a_pause_between(tmp_path: Path, rates: tuple) -> None:
    """Parts cached as 16-bit mono WAVs at one rate are joined by copying their frames (no
    conversion on the GUI thread): sample for sample the parts with silence between; parts at
    different rates are converted to the first one's rate and joined the same way."""
    import wave

    import numpy as np

    from app.speech import AudioClip
    from app.speech.cache import PART_PAUSE_S

    rng = np.random.default_rng(len(rates))
    cache = VoiceCache(FakeVoice(seconds=0.05), tmp_path / "voice")
    settings = VoiceSettings()
    cache.cache_dir.mkdir(parents=True, exist_ok=True)
    parts = [f"Part {i} of the line." for i in range(len(rates))]
    clips = []
    for part, rate in zip(parts, rates, strict=True):
        samples = rng.integers(-20_000, 20_000, int(rate * rng.uniform(0.2, 1.5)), np.int16)
        clip = AudioClip(samples.tobytes(), rate)
        clip.to_wav(cache.path_for(part, settings))
        clips.append(clip)
    joined = cache.ready_line(parts, settings)
    assert joined is not None
    with wave.open(str(joined), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, rates[0])
        pcm = w.readframes(w.getnframes())
    pause = bytes(2 * int(rates[0] * PART_PAUSE_S))
    if len(set(rates)) == 1:
        assert pcm == pause.join(c.pcm for c in clips)
    else:
        expected = clips[0]
        for clip in clips[1:]:
            expected = expected + AudioClip(pause, rates[0]) + clip.resampled(rates[0])
        assert len(pcm) == len(expected.pcm)


ANSWERS = ["What does your team work on?", "Interesting, how did you start?", "Thanks!"]


def _ready_rehearsal(
    qtbot: Any, scenario: Scenario, data_dir: Path, player: FakePlayer
) -> tuple[Rehearsal, Any]:
    """A typed rehearsal over ``player`` (instant fake voice), started, its first line said and
    every line pre-rendered; the caller shuts it down."""
    settings = replace(Settings(), data_dir=data_dir, listen=False)
    speech, _notices = make_speech(
        settings,
        voice=FakeVoice(seconds=0.05),
        recognizer=FakeRecognizer(),
        microphone=FakeMicrophone(),
        player=player,
        load_recognizer=False,
    )
    assert speech.worker is not None
    rehearsal = Rehearsal(settings, None, speech)
    rehearsal.start(scenario)
    qtbot.waitUntil(lambda: rehearsal.phase is Phase.WAITING, timeout=10_000)
    qtbot.waitUntil(lambda: speech.worker.prerender_backlog == 0, timeout=10_000)
    return rehearsal, speech


def test_a_prerendered_reply_plays_before_the_screen_shows_the_answer_and_the_line(
    qtbot: Any, scenario: Scenario, data_dir: Path
) -> None:
    """Every turn of a rehearsal (typed answers, pre-rendered lines): the reply is handed to
    the player before ``answer_recorded`` and ``manager_line_shown`` reach the screen (their
    widgets never delay its first sample), and the screen still hears the answer first, then
    the line."""
    rehearsal, speech = _ready_rehearsal(qtbot, scenario, data_dir, FakePlayer())
    player = speech.player
    assert isinstance(player, FakePlayer)
    seen: list[tuple[str, int]] = []
    rehearsal.answer_recorded.connect(lambda *_a: seen.append(("answer", len(player.played))))
    rehearsal.manager_line_shown.connect(lambda *_a: seen.append(("line", len(player.played))))
    try:
        checked = 0
        for text in ANSWERS:
            conv = rehearsal.conversation
            if conv is None or conv.finished or not rehearsal.awaiting_answer:
                break
            seen.clear()
            played = len(player.played)
            assert rehearsal.submit_text(text)
            if conv.finished:
                break
            assert [kind for kind, _n in seen] == ["answer", "line"]
            if len(player.played) == played + 1:  # the reply was pre-rendered
                assert all(n == played + 1 for _kind, n in seen), seen
                checked += 1
            qtbot.waitUntil(lambda: rehearsal.phase is not Phase.SPEAKING, timeout=10_000)
        assert checked >= 1
    finally:
        rehearsal.shutdown()
        speech.stop()


class FailingPlayer(FakePlayer):
    """Fails inside play(), as QtPlayer does for a WAV it cannot read."""

    def play(self, path: Path) -> None:
        self.played.append(Path(path))
        self.failed.emit(f"{Path(path).name} could not be read.")


def test_a_reply_that_cannot_play_is_shown_before_it_counts_as_done(
    qtbot: Any, scenario: Scenario, data_dir: Path
) -> None:
    """Every turn, a player that fails inside play(): the screen hears the answer, then the
    line, and only then is the line done (the notice, the next phase or the end)."""
    rehearsal, speech = _ready_rehearsal(qtbot, scenario, data_dir, FailingPlayer())
    seen: list[str] = []
    rehearsal.answer_recorded.connect(lambda *_a: seen.append("answer"))
    rehearsal.manager_line_shown.connect(lambda *_a: seen.append("line"))
    rehearsal.manager_line_done.connect(lambda: seen.append("done"))
    rehearsal.notice.connect(lambda _m: seen.append("notice"))
    try:
        turns = 0
        for text in ANSWERS:
            conv = rehearsal.conversation
            if conv is None or conv.finished or not rehearsal.awaiting_answer:
                break
            seen.clear()
            assert rehearsal.submit_text(text)
            qtbot.waitUntil(lambda: "done" in seen or rehearsal.phase is Phase.ENDED, timeout=9_000)
            assert seen[:2] == ["answer", "line"], seen
            turns += 1
        assert turns >= 1
    finally:
        rehearsal.shutdown()
        speech.stop()
