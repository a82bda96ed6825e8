"""Two passes (issue 15, turn gap): a spoken answer is framed and answered from the recognizer's
provisional transcript; the accurate one, decoded while the reply plays, replaces it in the
stored session (text, frame, the end's analysis), and a failed or late accurate pass keeps the
provisional words. Generated answers: pairs of provisional and accurate words, many of which
change the frame."""

from __future__ import annotations

import logging
import random
import threading
import time
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
from app.framing import analyze_answer
from app.session import Conversation, Phase, Rehearsal
from app.session import rehearsal as rehearsal_module
from app.speech.audio import TARGET_RATE, AudioClip
from app.speech.errors import SpeechError
from app.speech.factory import make_speech
from app.speech.fakes import FakeMicrophone, FakePlayer, FakeVoice, ScriptedClip
from app.speech.protocols import Transcript
from app.speech.services import SpeechServices
from app.speech.streaming import HeardWord

pytestmark = pytest.mark.gui

#: What a cheap decode hears and what the accurate one hears, for each answer's words.
FIRST = [
    (
        "I came to learn how people got into data work",
        "I came to learn how people got into data work",
    ),
    (
        "I came to learn how people got into dinner work",
        "I came to learn how people got into data work",
    ),
    ("a friend told me about it", "A friend told me about it, what does your team do"),
    ("honestly I'm not sure yet", "Honestly, I'm not sure yet."),
    ("I want to find a job here", "I wanted to find out about your work here"),
    ("can I send you my resume", "Can I ask what you worked on before this"),
]
SECOND = [
    ("Yes I am", "Yes, I am."),
    ("Yes I am very interested", "I'm not sure yet, what would the role involve"),
    ("I don't know yet", "I don't know yet, what does the team work on"),
    ("I'm not sure what it involves", "Yes, I'm very interested in the position."),
    ("maybe tell me more", "Maybe, tell me more about the team first."),
    ("absolutely I would love it", "Absolutely, I would love this job."),
]
PROMPTS = ("What brings you here today?", "Are you interested in the position?")


class TwoPassRecognizer:
    """Decodes a clip's scripted words (``"provisional||accurate"``): the words before ``||`` in a
    sized window (the cheap pass), those after it in Whisper's full window (the accurate pass).
    ``gate`` holds the accurate pass until set; ``fail_final`` makes it raise."""

    supports_prefix = True
    prefers_denoise = False

    def __init__(self) -> None:
        self.loaded = True
        self.windows: list[bool | None] = []
        self.final_at: list[float] = []  # when each accurate pass started
        self.gate: threading.Event | None = None
        self.cheap_gate: threading.Event | None = None  # holds the cheap decodes
        self.fail_final: str | None = None

    def load(self) -> None:
        pass

    def transcribe(
        self,
        clip: AudioClip,
        prefix: str | None = None,
        *,
        context: str | None = None,
        window: bool | None = None,
    ) -> Transcript:
        self.windows.append(window)
        cheap, sep, accurate = str(getattr(clip, "text", "")).partition("||")
        if window is False:
            self.final_at.append(time.monotonic())
            if self.gate is not None:
                self.gate.wait(20)
            if self.fail_final is not None:
                raise SpeechError(self.fail_final)
            return Transcript(accurate if sep else cheap, clip.duration_s, 0.0)
        if self.cheap_gate is not None:
            self.cheap_gate.wait(20)
        return Transcript(cheap, clip.duration_s, 0.0)

    def transcribe_words(
        self,
        clip: AudioClip,
        prefix: str | None = None,
        *,
        words: bool = True,
        context: str | None = None,
        window: bool | None = None,
    ) -> tuple[Transcript, list[HeardWord]]:
        return self.transcribe(clip, prefix, context=context, window=window), []


def _speech(settings: Settings, recognizer: TwoPassRecognizer) -> SpeechServices:
    services, _notices = make_speech(
        settings,
        voice=FakeVoice(seconds=0.05),
        recognizer=recognizer,
        microphone=FakeMicrophone(),
        player=FakePlayer(),
        load_recognizer=False,
    )
    return services


def _said(pair: tuple[str, str]) -> str:
    return f"{pair[0]}||{pair[1]}"


def _frame(prompt: str, text: str) -> str:
    return analyze_answer(prompt, text).frame


def _typed_outcome(scenario: Scenario, answers: list[str]) -> str | None:
    conv = Conversation(scenario, None)
    conv.begin()
    for text in answers:
        conv.answer(text)
    return conv.outcome.id if conv.outcome else None


@pytest.fixture
def rehearsal_with(data_dir: Path, store: CountingStore) -> Any:
    made: list[tuple[Rehearsal, SpeechServices]] = []

    def make(recognizer: TwoPassRecognizer) -> Rehearsal:
        settings = replace(Settings(), data_dir=data_dir)
        speech = _speech(settings, recognizer)
        r = Rehearsal(settings, store, speech)
        made.append((r, speech))
        return r

    yield make
    for r, speech in made:
        if speech.worker is not None:
            speech.worker.stop()
        r.shutdown()


def test_the_reply_comes_from_the_provisional_words_and_the_record_from_the_accurate_ones(
    qtbot: Any,
    scenario: Scenario,
    store: CountingStore,
    rehearsal_with: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(15)
    cases = [(rng.choice(FIRST), rng.choice(SECOND)) for _ in range(16)]
    cases += [(FIRST[1], pair) for pair in SECOND]  # every second answer at least once
    rec = TwoPassRecognizer()
    r = rehearsal_with(rec)
    mic = r.speech.microphone
    assert isinstance(mic, FakeMicrophone)
    _frame(*PROMPTS)  # the framing model loads once, as the app does before the first answer
    changed_frames = 0
    for first, second in cases:
        recorded: list[tuple[int, str]] = []
        recorded_at: list[float] = []
        revised: list[tuple[int, str, str]] = []
        finals_before = len(rec.final_at)
        r.answer_recorded.connect(lambda i, t, _a, seen=recorded: seen.append((i, t)))
        r.answer_recorded.connect(lambda *_a, at=recorded_at: at.append(time.monotonic()))
        r.answer_revised.connect(lambda i, t, a, seen=revised: seen.append((i, t, a.frame)))
        r.start(scenario)
        qtbot.waitUntil(lambda: r.phase is Phase.LISTENING)
        mic.say(_said(first))
        qtbot.waitUntil(lambda: r.phase is Phase.LISTENING and len(r.conversation.turns) == 3)
        with qtbot.waitSignal(r.ended, timeout=10_000) as ended:
            mic.say(_said(second))
        conv = r.conversation
        assert conv is not None
        # The reply path: what the screen was told and where the dialogue went.
        assert recorded == [(1, first[0]), (3, second[0])]
        # The accurate pass took the CPU only once the reply was framed and playing.
        starts = rec.final_at[finals_before:]
        assert len(starts) == 2
        assert all(s >= a for s, a in zip(starts, recorded_at, strict=True)), (starts, recorded_at)
        assert conv.outcome is not None
        assert conv.outcome.id == _typed_outcome(scenario, [first[0], second[0]])
        # The record: the accurate words, framed again in the context of the same lines.
        rows = store.turns(conv.session_id or 0)
        analysis = ended.args[0]
        for idx, pair, prompt in ((1, first, PROMPTS[0]), (3, second, PROMPTS[1])):
            words = pair[1].strip()
            assert rows[idx].text == words
            assert conv.turns[idx].text == words
            assert rows[idx].frame == _frame(prompt, words)
            assert analysis.turns[idx].frame == _frame(prompt, words)
            if pair[0] != pair[1]:
                assert (idx, words, _frame(prompt, words)) in revised
            changed_frames += _frame(prompt, pair[0]) != _frame(prompt, words)
        stored = store.session(conv.session_id or 0)
        assert stored.shift_turn == (analysis.shift.turn if analysis.shift else None)
        r.answer_recorded.disconnect()
        r.answer_revised.disconnect()
    assert changed_frames >= 4  # the cases do change frames, so the test means something
    assert r.revised_frames >= changed_frames
    # Every cheap decode was sized; every accurate one in the full window.
    assert set(rec.windows) == {True, False}
    assert rec.windows.count(False) == 2 * len(cases)


def test_a_failed_accurate_pass_keeps_the_provisional_words(
    qtbot: Any,
    scenario: Scenario,
    store: CountingStore,
    rehearsal_with: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    rec = TwoPassRecognizer()
    rec.fail_final = "The model ran out of memory."
    r = rehearsal_with(rec)
    mic = r.speech.microphone
    r.start(scenario)
    qtbot.waitUntil(lambda: r.phase is Phase.LISTENING)
    with caplog.at_level(logging.WARNING):
        mic.say(_said(FIRST[1]))
        qtbot.waitUntil(lambda: r.phase is Phase.LISTENING and len(r.conversation.turns) == 3)
        with qtbot.waitSignal(r.ended, timeout=10_000):
            mic.say(_said(SECOND[1]))
    rows = store.turns(r.session_id or 0)
    assert [rows[1].text, rows[3].text] == [FIRST[1][0], SECOND[1][0]]
    failed = [rec for rec in caplog.records if "accurate decode failed" in rec.getMessage()]
    assert len(failed) == 2
    assert all(rec.exc_info is None for rec in failed)  # a line, no traceback
    assert r.revised_answers == 0


def test_an_empty_provisional_transcript_waits_for_the_accurate_one(
    qtbot: Any, scenario: Scenario, store: CountingStore, rehearsal_with: Any
) -> None:
    rec = TwoPassRecognizer()
    r = rehearsal_with(rec)
    mic = r.speech.microphone
    notices: list[str] = []
    r.notice.connect(notices.append)
    r.start(scenario)
    qtbot.waitUntil(lambda: r.phase is Phase.LISTENING)
    mic.say("||I came to learn how your team works")  # the cheap pass heard nothing
    qtbot.waitUntil(lambda: r.conversation is not None and len(r.conversation.turns) == 3)
    assert r.conversation.turns[1].text == "I came to learn how your team works"
    qtbot.waitUntil(lambda: r.phase is Phase.LISTENING)
    mic.say("||")  # neither heard anything
    qtbot.waitUntil(lambda: any("didn't catch" in n for n in notices))
    assert len(r.conversation.turns) == 3
    with qtbot.waitSignal(r.ended, timeout=1_000):  # nothing left to wait for: at once
        r.end_early()


def test_the_end_waits_briefly_for_the_last_accurate_transcript(
    qtbot: Any,
    scenario: Scenario,
    store: CountingStore,
    rehearsal_with: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ended early while the accurate pass runs: the end waits for it; if it is later than
    FINAL_WAIT_S the provisional words stand at the end and the late accurate words still
    replace them in the store (turn row and the session's analysis)."""
    for late in (False, True):
        monkeypatch.setattr(rehearsal_module, "FINAL_WAIT_S", 0.3 if late else 10.0)
        rec = TwoPassRecognizer()
        rec.gate = threading.Event()
        r = rehearsal_with(rec)
        mic = r.speech.microphone
        r.start(scenario)
        qtbot.waitUntil(lambda: r.phase is Phase.LISTENING)  # noqa: B023
        mic.say(_said(FIRST[2]))
        qtbot.waitUntil(lambda: len(r.conversation.turns) == 3)  # noqa: B023
        ended: list[Any] = []
        r.ended.connect(ended.append)
        r.end_early()
        assert r.phase is Phase.THINKING
        if late:
            qtbot.waitUntil(lambda: bool(ended))  # noqa: B023
            assert ended[0].turns[1].frame == _frame(PROMPTS[0], FIRST[2][0])
            assert r.conversation.turns[1].text == FIRST[2][0]
        else:
            qtbot.wait(200)
            assert not ended
        rec.gate.set()
        qtbot.waitUntil(lambda: bool(ended))  # noqa: B023
        sid = r.session_id or 0
        qtbot.waitUntil(lambda: store.turns(sid)[1].text == FIRST[2][1])  # noqa: B023
        analysis = store.session(sid).analysis
        assert analysis is not None
        assert analysis["turns"][1]["frame"] == _frame(PROMPTS[0], FIRST[2][1])
        assert r.phase is Phase.ENDED


def test_closing_during_the_accurate_pass_keeps_the_answer(
    qtbot: Any, scenario: Scenario, store: CountingStore, rehearsal_with: Any
) -> None:
    rec = TwoPassRecognizer()
    rec.gate = threading.Event()
    r = rehearsal_with(rec)
    mic = r.speech.microphone
    r.start(scenario)
    qtbot.waitUntil(lambda: r.phase is Phase.LISTENING)
    mic.say(_said(FIRST[4]))
    qtbot.waitUntil(lambda: r.conversation is not None and len(r.conversation.turns) == 3)
    sid = r.session_id or 0
    conv = r.conversation
    conv.end("incomplete")  # the window closing: it ends the conversation itself
    r.close()
    worker = r.speech.worker
    rec.gate.set()
    assert worker is not None
    qtbot.waitUntil(lambda: worker.final_decodes == 1)
    qtbot.wait(50)  # the late result reaches a closed rehearsal: nothing to write to
    rows = store.turns(sid)
    assert rows[1].text == FIRST[4][0]
    assert store.session(sid).status == "incomplete"


def test_only_released_accurate_passes_run_and_never_while_an_answer_is_heard(
    qtbot: Any, tmp_path: Path
) -> None:
    """Generated request sequences: an answer whose provisional transcript was not used (never
    released) gets no accurate pass; a released one waits while the next answer is being heard
    (its cheap decodes first) and runs once that answer's transcript is out."""
    from app.speech.fakes import ScriptedClip
    from app.speech.worker import SpeechWorker

    rng = random.Random(6)
    rec = TwoPassRecognizer()
    w = SpeechWorker(FakeVoice(), rec, tmp_path / "cache", recognizer_timeout_s=10.0)  # type: ignore[arg-type]
    finals: list[int] = []
    w.final_transcribed.connect(lambda i, _t: finals.append(i))
    try:
        wanted: list[int] = []
        for request in range(2, 26, 2):  # ids grow, as the rehearsal's do
            pair = rng.choice(FIRST)
            clip = ScriptedClip(bytes(2 * 16_000), text=_said(pair))
            with qtbot.waitSignal(w.transcribed, timeout=5_000):
                w.request_transcribe(request, clip)
            if rng.random() < 0.6:
                wanted.append(request)
                w.stream(clip)  # the next answer is already being heard ...
                w.start_final(request)
                qtbot.wait(150)
                assert request not in finals  # ... so its accurate pass waits
                with qtbot.waitSignal(w.transcribed, timeout=5_000):
                    w.request_transcribe(request + 1, clip)  # that answer's cheap pass done
                qtbot.waitUntil(lambda r=request: r in finals, timeout=5_000)
        qtbot.wait(100)
        assert finals == wanted  # the next answers were never used: no accurate pass
        assert w.final_decodes == len(wanted)
    finally:
        assert w.stop()


def test_ending_while_an_answer_is_recognized_takes_no_more_answers(
    qtbot: Any, scenario: Scenario, store: CountingStore, rehearsal_with: Any
) -> None:
    """End pressed while the next answer's provisional transcript is on its way and the last
    one's accurate pass still runs: the end waits for that accurate pass only; the answer in
    flight, typing and the microphone are refused meanwhile; it ends once."""
    rec = TwoPassRecognizer()
    rec.gate = threading.Event()
    r = rehearsal_with(rec)
    mic = r.speech.microphone
    ended: list[Any] = []
    r.ended.connect(ended.append)
    r.start(scenario)
    qtbot.waitUntil(lambda: r.phase is Phase.LISTENING)
    mic.say(_said(FIRST[3]))
    qtbot.waitUntil(lambda: r.phase is Phase.LISTENING and len(r.conversation.turns) == 3)
    rec.cheap_gate = threading.Event()
    mic.say(_said(SECOND[1]))
    qtbot.waitUntil(lambda: r.phase is Phase.THINKING)
    r.end_early()
    assert not r.awaiting_answer
    assert not r.submit_text("Actually, one more thing")
    rec.cheap_gate.set()  # the answer in flight arrives: not taken
    qtbot.wait(200)
    assert len(r.conversation.turns) == 3
    assert not ended
    rec.gate.set()
    qtbot.waitUntil(lambda: bool(ended))
    qtbot.wait(100)
    assert len(ended) == 1
    assert r.phase is Phase.ENDED
    assert len(r.conversation.turns) == 3
    assert store.turns(r.session_id or 0)[1].text == FIRST[3][1].strip()


def test_visitors_sharing_one_worker_each_get_their_accurate_words(
    qtbot: Any, scenario: Scenario, data_dir: Path
) -> None:
    """The kiosk shares one speech worker across visits, each with its own Rehearsal (and, in
    the app, store): every visitor's answers get their accurate pass; a new conversation started
    while the last one waits for its accurate words ends that one (quietly) and lives on."""
    rec = TwoPassRecognizer()
    settings = replace(Settings(), data_dir=data_dir)
    speech = _speech(settings, rec)
    mic = speech.microphone
    try:
        for visit, pair in enumerate(FIRST[:4]):
            store = CountingStore(data_dir / f"visit-{visit}.db")
            r = Rehearsal(settings, store, speech)
            r.start(scenario)
            qtbot.waitUntil(lambda r=r: r.phase is Phase.LISTENING)
            mic.say(_said(pair))
            qtbot.waitUntil(lambda r=r: len(r.conversation.turns) == 3)
            sid = r.session_id or 0
            qtbot.waitUntil(lambda s=store, i=sid, p=pair: s.turns(i)[1].text == p[1].strip())
            with qtbot.waitSignal(r.ended, timeout=2_000):
                r.end_early()
            r.close()
            store.close()
        # Started again while the end waits for the last answer's accurate pass.
        store = CountingStore(data_dir / "again.db")
        r = Rehearsal(settings, store, speech)
        rec.gate = threading.Event()
        r.start(scenario)
        qtbot.waitUntil(lambda: r.phase is Phase.LISTENING)
        mic.say(_said(FIRST[2]))
        qtbot.waitUntil(lambda: len(r.conversation.turns) == 3)
        old = r.conversation
        r.end_early()
        assert r.phase is Phase.THINKING
        r.start(scenario)
        assert old.finished
        new = r.conversation
        assert new is not old
        rec.gate.set()
        qtbot.waitUntil(lambda: old.turns[1].text == FIRST[2][1].strip())
        qtbot.wait(100)
        assert not new.finished
        assert r.phase in (Phase.SPEAKING, Phase.LISTENING, Phase.WAITING)
        r.close()
        store.close()
    finally:
        if speech.worker is not None:
            speech.worker.stop()


class _ResumingMicrophone(FakeMicrophone):
    """A microphone whose user goes on talking just after the turn was judged over: the second
    part's speech begins before the first part's transcript is back (as a real VAD hears it,
    continue_answer() then holds both parts in one clip)."""

    def say_in_two(self, first: str, second: str) -> None:
        head = ScriptedClip(bytes(2 * TARGET_RATE), text=first)
        both = ScriptedClip(bytes(4 * TARGET_RATE), text=second)
        self.listening = False
        self.speaking = True
        self.speech_started.emit()
        self.silence_started.emit(head)
        self.speaking = False
        self.speech_ended.emit(head)  # the turn is judged over ...
        self.speaking = True
        self.speech_started.emit()  # ... and the user goes on at once
        self.silence_started.emit(both)
        self.speaking = False
        self.speech_ended.emit(both)

    def continue_answer(self) -> bool:
        return getattr(self, "speaking", False)  # as the VAD: only while speech goes on


def test_an_answer_resumed_before_the_reply_is_one_answer(
    qtbot: Any, scenario: Scenario, store: CountingStore, data_dir: Path
) -> None:
    """Generated two-part answers (a sentence, a pause the turn ended at, then more): when the
    user goes on before the reply started, the rehearsal records ONE answer, framed from both
    parts' provisional words, the manager replies once, and only that answer gets an accurate
    pass (the first part's is dropped, never decoded)."""
    rng = random.Random(7)
    cases = [(rng.choice(FIRST), rng.choice(SECOND)) for _ in range(8)]
    rec = TwoPassRecognizer()
    settings = replace(Settings(), data_dir=data_dir)
    services, _notices = make_speech(
        settings,
        voice=FakeVoice(seconds=0.05),
        recognizer=rec,
        microphone=_ResumingMicrophone(),
        player=FakePlayer(),
        load_recognizer=False,
    )
    r = Rehearsal(settings, store, services)
    mic = services.microphone
    assert isinstance(mic, _ResumingMicrophone)
    _frame(*PROMPTS)
    try:
        for first, rest in cases:
            both = (f"{first[0]} {rest[0]}", f"{first[1]} {rest[1]}")
            recorded: list[tuple[int, str]] = []
            r.answer_recorded.connect(lambda i, t, _a, seen=recorded: seen.append((i, t)))
            finals_before = len(rec.final_at)
            r.start(scenario)
            qtbot.waitUntil(lambda: r.phase is Phase.LISTENING)
            mic.say_in_two(_said(first), _said(both))
            qtbot.waitUntil(lambda: len(r.conversation.turns) == 3)
            qtbot.waitUntil(lambda: len(rec.final_at) > finals_before)  # noqa: B023
            qtbot.wait(100)  # a dropped first part's accurate pass would have started by now
            conv = r.conversation
            assert conv is not None
            assert recorded == [(1, both[0])]
            assert [t.speaker for t in conv.turns] == ["manager", "seeker", "manager"]
            assert len(rec.final_at) == finals_before + 1  # the first part's was dropped
            qtbot.waitUntil(lambda: conv.turns[1].text == both[1].strip())  # noqa: B023
            r.answer_recorded.disconnect()
            with qtbot.waitSignal(r.ended, timeout=10_000):
                r.end_early()
    finally:
        if services.worker is not None:
            services.worker.stop()
        r.shutdown()
