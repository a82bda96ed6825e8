"""Rehearsal, the Qt adapter: its phases, speech through the one factory, lines said in parts."""

from __future__ import annotations

import wave
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from session_helpers import (  # the fixtures are used by name
    CountingStore,
    data_dir_fixture,  # noqa: F401
    scenario_fixture,  # noqa: F401
    store_fixture,  # noqa: F401
)

from app.config import Settings
from app.dialogue import Scenario
from app.dialogue.model import VoiceSettings
from app.session import Phase, Rehearsal
from app.speech.cache import PART_PAUSE_S, VoiceCache
from app.speech.factory import make_speech
from app.speech.fakes import FakeMicrophone, FakePlayer, FakeRecognizer, FakeVoice
from app.speech.services import SpeechServices

pytestmark = pytest.mark.gui


def _settings(data_dir: Path, **kw: Any) -> Settings:
    return replace(Settings(), data_dir=data_dir, **kw)


def _speech(settings: Settings, voice: FakeVoice | None = None) -> SpeechServices:
    services, _notices = make_speech(
        settings,
        voice=voice or FakeVoice(seconds=0.05),
        recognizer=FakeRecognizer(),
        microphone=FakeMicrophone(),
        player=FakePlayer(),
        load_recognizer=False,
    )
    return services


@pytest.fixture
def phases() -> list[Phase]:
    return []


def _rehearsal(
    qtbot: Any, settings: Settings, store: Any, speech: SpeechServices | None, seen: list[Phase]
) -> Rehearsal:
    r = Rehearsal(settings, store, speech)
    r.phase_changed.connect(seen.append)
    return r


def test_a_typed_rehearsal_moves_through_its_phases(
    qtbot: Any, scenario: Scenario, store: CountingStore, data_dir: Path, phases: list[Phase]
) -> None:
    r = _rehearsal(qtbot, _settings(data_dir), store, None, phases)
    assert r.phase is Phase.IDLE
    r.start(scenario)
    qtbot.waitUntil(lambda: r.phase is Phase.WAITING)
    assert r.awaiting_answer
    assert not r.listening
    assert r.submit_text("I'd like to hear about your work")
    qtbot.waitUntil(lambda: r.phase is Phase.WAITING and len(r.conversation.turns) == 3)
    with qtbot.waitSignal(r.ended, timeout=5_000):
        r.submit_text("Yes!")
    assert r.phase is Phase.ENDED
    assert phases == [Phase.SPEAKING, Phase.WAITING] * 2 + [Phase.SPEAKING, Phase.ENDED]
    assert set(store.row_writes.values()) == {1}


def test_a_spoken_rehearsal_listens_thinks_and_takes_the_fast_path(
    qtbot: Any, scenario: Scenario, store: CountingStore, data_dir: Path, phases: list[Phase]
) -> None:
    settings = _settings(data_dir)
    speech = _speech(settings)
    r = _rehearsal(qtbot, settings, store, speech, phases)
    r.start(scenario)
    qtbot.waitUntil(lambda: r.phase is Phase.LISTENING)
    assert isinstance(speech.microphone, FakeMicrophone)
    speech.microphone.say("I came to hear how your team works")
    qtbot.waitUntil(lambda: r.conversation is not None and len(r.conversation.turns) == 3)
    qtbot.waitUntil(lambda: r.phase is Phase.LISTENING)
    assert phases[:5] == [
        Phase.SPEAKING,
        Phase.WAITING,
        Phase.LISTENING,
        Phase.THINKING,
        Phase.SPEAKING,
    ]
    assert speech.worker is not None
    assert speech.worker.speculative_hits == 1  # silence_started -> speculate, wired by the factory
    r.end_early()
    assert r.phase is Phase.ENDED
    sid = r.session_id or 0
    rows = store.turns(sid)
    assert rows[0].audio_path == f"audio/{sid}/000-manager.wav"
    assert rows[1].audio_path == f"audio/{sid}/001-seeker.wav"
    assert set(store.row_writes.values()) == {1}
    r.shutdown()
    speech.stop()


def test_attach_speech_rewires_once(
    qtbot: Any, scenario: Scenario, data_dir: Path, phases: list[Phase]
) -> None:
    settings = _settings(data_dir)
    first, second = _speech(settings), _speech(settings)
    r = _rehearsal(qtbot, settings, None, first, phases)
    r.attach_speech(second)
    r.start(scenario)
    qtbot.waitUntil(lambda: r.phase is Phase.LISTENING)
    assert isinstance(first.microphone, FakeMicrophone)
    first.microphone.failed.emit("the old microphone")  # no longer heard
    assert r.phase is Phase.LISTENING
    assert isinstance(second.microphone, FakeMicrophone)
    with qtbot.waitSignal(r.notice) as notice:
        second.microphone.fail("The microphone was disconnected.")
    assert notice.args == [
        "The microphone was disconnected. You can keep going by typing your answers."
    ]
    assert r.phase is Phase.WAITING
    r.shutdown()
    first.stop()
    second.stop()


def test_a_line_in_parts_is_the_cached_parts_joined(tmp_path: Path) -> None:
    voice = FakeVoice(seconds=0.2)
    cache = VoiceCache(voice, tmp_path)
    settings = VoiceSettings()
    parts = ("We mostly build data pipelines.", "So, are you interested in the position?")
    cache.prerender(parts, settings)
    assert cache.renders == 2
    joined = cache.line(parts, settings)
    assert cache.renders == 2  # joining renders nothing new
    with wave.open(str(joined), "rb") as w:
        seconds = w.getnframes() / w.getframerate()
    assert seconds == pytest.approx(0.2 + PART_PAUSE_S + 0.2, abs=0.01)
    assert cache.line(parts[:1], settings) == cache.get(parts[0], settings)


def test_the_voice_cache_keys_on_the_engine(tmp_path: Path) -> None:
    class OtherEngine(FakeVoice):
        engine_id = "other/2"

    settings = VoiceSettings()
    one = VoiceCache(FakeVoice(), tmp_path).path_for("Hello", settings)
    two = VoiceCache(OtherEngine(), tmp_path).path_for("Hello", settings)
    assert one != two


def test_saving_news_reaches_the_banner_only_from_the_conversation_on_screen(
    qtbot: Any, scenario: Scenario, store: CountingStore, data_dir: Path, phases: list[Phase]
) -> None:
    """A refused write of the conversation on screen holds the banner (saving_failed); one
    from an earlier conversation (a late accurate pass revising an ended one) does not reach
    the next conversation's banner. One answer's lost audio is a passing notice."""
    r = _rehearsal(qtbot, _settings(data_dir), store, None, phases)
    held: list[str] = []
    passing: list[str] = []
    r.saving_failed.connect(held.append)
    r.notice.connect(passing.append)
    olds = []
    for n in range(4):
        r.start(scenario)
        conv = r.conversation
        assert conv is not None
        for old in olds:
            old._notice(f"late refused write of conversation {olds.index(old)}")
        conv._notice(f"refused write {n}")
        conv._on_passing_notice(f"audio {n}")
        olds.append(conv)
        r.end_early()
    assert held == [f"refused write {n}" for n in range(4)]
    assert all(f"audio {n}" in passing for n in range(4)), passing
    r.shutdown()
