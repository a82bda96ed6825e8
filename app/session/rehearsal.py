"""The rehearsal's Qt adapter: one :class:`Conversation` driven by speech and the window's clicks.

It owns no widget and no turn logic (that is :class:`~app.session.conversation.Conversation`):
it turns speech signals into conversation calls and conversation steps into signals, and keeps
the phase of the exchange in one explicit :class:`Phase`. The window (or a test) calls
:meth:`Rehearsal.start`, :meth:`submit_text`, :meth:`repeat_line` and :meth:`end_early`, and
listens to the signals. Speech is optional: without a worker the manager's lines are captions
only and answers are typed.

Two passes: a spoken answer is framed and answered from the recognizer's provisional transcript
(``transcribed``, the cheap pass, ready when the turn ends); its accurate transcript
(``final_transcribed``, decoded while the reply plays) then replaces it in the session
(:meth:`Conversation.revise_answer`) before the next answer is taken or the conversation ends.

The GUI thread never waits for the framing sentence model's load: until it is there the rules
frame each answer (and the dialogue branches on that); once it is, those answers are framed
again (:meth:`Conversation.frame_again`) and a changed one is announced as ``answer_revised``.

Nor does it wait for a history another process has locked: each write waits at most
`WRITE_WAIT_S`; one the lock refused waits in memory, in order, and is retried every
`SAVE_RETRY_MS` (:meth:`Conversation.retry`); the end waits (THINKING) while such a lock has
not lasted the old busy timeout, so the session is saved before it is shown, as before.
"""

from __future__ import annotations

import enum
import itertools
import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.config import Settings
from app.dialogue import ManagerLine, Scenario
from app.framing import Analysis, TurnAnalysis
from app.session.conversation import Conversation, ResumePoint, TurnData
from app.session.recordings import Recordings
from app.speech.audio import AudioClip
from app.speech.protocols import Transcript, VoiceSettings
from app.speech.services import SpeechServices
from app.store import Store

log = logging.getLogger(__name__)


#: The notice when the rehearsal's time cap ends it (the screen says so on the replay too).
TIME_UP_NOTICE = "Time is up for this rehearsal."


class Phase(enum.Enum):
    """Where the exchange is. Exactly one at a time; ``phase_changed`` says when it moves.

    IDLE: no conversation yet. SPEAKING: a manager line is shown and being voiced.
    WAITING: the line is done; an answer is expected, the microphone is closed (typing,
    push-to-talk, or after a "didn't catch that"). LISTENING: the microphone is open for the
    answer. THINKING: the answer was heard and is being recognized. ENDED: the conversation is
    over (saved, the analysis is out).
    """

    IDLE = "idle"
    SPEAKING = "speaking"
    WAITING = "waiting"
    LISTENING = "listening"
    THINKING = "thinking"
    ENDED = "ended"


#: Seconds of silence, while an answer is awaited with the microphone on, before the manager
#: says his patience line (``Scenario.patience_lines``) once. Listening itself never gives up.
PATIENCE_AFTER_S = 12.0
#: What the screen says with the patience line: every way to answer.
PATIENCE_PROMPT = (
    "Take your time: answer out loud when you are ready, hold Listen while you talk, "
    "or type your answer below."
)
#: The same with push-to-talk on (nothing is heard unless Listen is held).
PATIENCE_PROMPT_PUSH_TO_TALK = (
    "Take your time: hold Listen while you talk, or type your answer below."
)

#: At most this long, the end of a conversation waits for its last answer's accurate transcript
#: (decoded while the reply plays; about 2 s for base on a quiet machine): then the provisional
#: one stands, and a later accurate one still replaces it in the store.
FINAL_WAIT_S = 8.0

#: How often, while answers framed by the rules alone wait for the sentence model, the rehearsal
#: looks whether its load has finished (a glance at an Event; the framing itself runs once).
FRAME_AGAIN_POLL_MS = 200

#: The longest a write on the GUI thread waits for a lock another process holds on the history
#: (a second Frameshift, ``frameshift delete`` mid-transaction); then it waits in memory.
WRITE_WAIT_S = 0.0
#: How often writes a lock refused are tried again (a failure already announced, a full disk
#: or a lock that lasts: every `SAVE_RETRY_LATER_MS`).
SAVE_RETRY_MS = 100
SAVE_RETRY_LATER_MS = 2000

#: With the voice off, the manager's last line stays on the conversation screen as long as it
#: takes to read it (at ``READING_WPM`` words a minute, within these bounds) before the replay:
#: voiced, it is heard first; unvoiced, it used to be skipped straight to the replay.
READING_WPM = 200
READING_MS = (1500, 6000)
#: Recognition request ids, unique in the process: the kiosk shares one speech worker (and its
#: accurate-pass queue, which drops an answer a newer one overtook) across its visitors' rehearsals.
_REQUEST_IDS = itertools.count(1)

#: The phases in which an answer is expected.
ANSWERING = frozenset({Phase.WAITING, Phase.LISTENING, Phase.THINKING})


class Rehearsal(QObject):
    """Runs one conversation and reports each step.

    Signals:
        phase_changed(object): the new :class:`Phase`.
        manager_line_shown(int, str): turn index and caption, shown as the voice starts.
        manager_line_done(): the line finished playing (or at once without a voice).
        answer_recorded(int, str, object): turn index, the answer's text, its TurnAnalysis.
        answer_revised(int, str, object): turn index, the accurate transcript that replaced the
            provisional one the reply was made from, and its TurnAnalysis (framed again); or
            the same words framed again by the sentence model, loaded after the answer.
        listening_changed(bool): the microphone started or stopped listening.
        level_changed(float): the live input level, 0..1.
        transcribing(): speech ended; the recognizer is working on it.
        notice(str): a sentence for the banner (no microphone, didn't catch that...).
        saving_failed(str): a write was refused (disk full, read-only...): the answers so far
            are kept in memory; the sentence holds on the banner for the rest of the rehearsal.
        ended(object): the whole-conversation Analysis, after the session was saved.
    """

    phase_changed = Signal(object)
    manager_line_shown = Signal(int, str)
    manager_line_done = Signal()
    answer_recorded = Signal(int, str, object)
    answer_revised = Signal(int, str, object)
    listening_changed = Signal(bool)
    level_changed = Signal(float)
    transcribing = Signal()
    notice = Signal(str)
    saving_failed = Signal(str)
    ended = Signal(object)

    def __init__(
        self,
        settings: Settings,
        store: Store | None,
        speech: SpeechServices | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.store = store
        self.speech = SpeechServices()
        self.conversation: Conversation | None = None
        self.scenario: Scenario | None = None
        self.phase = Phase.IDLE
        self._links: list[tuple[Any, Callable[..., Any]]] = []
        self._conversations = 0  # started so far: whose saving news reaches the banner
        self._line: ManagerLine | None = None
        self._line_idx = -1
        self._render_id = 0
        self._transcribe_id = 0
        self._playing_for = -1  # the render id whose audio the player is playing
        self._speech_started_at: float | None = None
        self._pending_clip: AudioClip | None = None  # the answer being recognized
        self._transcribe_started = 0.0
        #: Spoken answers whose accurate transcript is awaited: request id -> turn index and its
        #: conversation (a late one still revises a conversation that has ended).
        self._finals_due: dict[int, tuple[int, Conversation]] = {}
        self._empty_for = 0  # a request whose provisional text was empty: the final decides
        self._finish_waiting = False  # the end waits for the last answer's accurate transcript
        self._final_timer = QTimer(self)
        self._final_timer.setSingleShot(True)
        self._final_timer.timeout.connect(self._on_final_timer_timeout)
        self._empty_timer = QTimer(self)  # an empty provisional's accurate pass, at most so long
        self._empty_timer.setSingleShot(True)
        self._empty_timer.timeout.connect(self._on_empty_timer_timeout)
        #: Accurate transcripts that changed an answer's words, and of those, its frame.
        self.revised_answers = 0
        self.revised_frames = 0
        self._cap_timer = QTimer(self)
        self._cap_timer.setSingleShot(True)
        self._cap_timer.timeout.connect(self._on_cap_timer_timeout)
        #: Silence before the patience line (tests shorten it).
        self.patience_after_s = PATIENCE_AFTER_S
        self._patience_timer = QTimer(self)
        self._patience_timer.setSingleShot(True)
        self._patience_timer.timeout.connect(self._on_patience_timer_timeout)
        self._patience_said = False  # for the line in play
        self._mic_failed = False  # the microphone failed at its last start: typing only
        self._patience_count = 0  # in this rehearsal: the lines take turns
        self._patience_request = 0  # the render id (negative) of the patience line asked for
        self._patience_on_player = False  # the player's clip is the patience line
        #: Conversations (this one, or ended ones) with answers framed before the sentence
        #: model was loaded, framed again once it is.
        self._to_frame_again: list[Conversation] = []
        self._frame_again_timer = QTimer(self)
        self._frame_again_timer.setInterval(FRAME_AGAIN_POLL_MS)
        self._frame_again_timer.timeout.connect(self._on_frame_again_timer_timeout)
        #: Conversations (this one, or ended ones) with writes a lock refused, retried.
        self._to_save: list[Conversation] = []
        self._save_timer = QTimer(self)
        self._save_timer.setInterval(SAVE_RETRY_MS)
        self._save_timer.timeout.connect(self._on_save_timer_timeout)
        #: The end's analysis, held while a passing lock keeps the session from the disk.
        self._ending: tuple[Conversation, Analysis] | None = None
        if speech is not None:
            self.attach_speech(speech)

    # -- public API --------------------------------------------------------------------------
    def attach_speech(self, speech: SpeechServices) -> None:
        """Use ``speech`` from now on (it arrives after the first paint at start-up)."""
        for signal, slot in self._links:
            signal.disconnect(slot)
        self._links = []
        self.speech = speech
        links: list[tuple[Any, Callable[..., Any]]] = []
        if speech.worker is not None:
            w = speech.worker
            links += [
                (w.rendered, self._on_worker_rendered),
                (w.render_failed, self._on_worker_render_failed),
                (w.transcribed, self._on_worker_transcribed),
                (w.final_transcribed, self._on_worker_final_transcribed),
                (w.transcribe_failed, self._on_worker_transcribe_failed),
            ]
        if speech.player is not None:
            p = speech.player
            links += [(p.finished, self._on_player_finished), (p.failed, self._on_player_failed)]
        if speech.microphone is not None:
            m = speech.microphone
            links += [
                (m.level_changed, self.level_changed.emit),
                (m.speech_started, self._on_microphone_speech_started),
                (m.speech_ended, self._on_microphone_speech_ended),
                (m.no_speech, self._on_microphone_no_speech),
                (m.failed, self._on_microphone_failed),
            ]
        for signal, slot in links:
            signal.connect(slot)
        self._links = links

    def _notices_of(self) -> Callable[[str], None]:
        """Saving news of the conversation being started, for the banner while it is the one
        on screen: a late accurate pass's refused write for an ended conversation must not
        hold the next conversation's banner (its retry and export happen at its end)."""
        self._conversations += 1
        mine = self._conversations

        def tell(message: str) -> None:
            if mine == self._conversations:
                self.saving_failed.emit(message)

        return tell

    def start(
        self,
        scenario: Scenario,
        *,
        start: str | None = None,
        prior: Sequence[TurnData] = (),
        parent_session_id: int | None = None,
        seed: int | None = None,
        max_minutes: float | None = None,
    ) -> None:
        """Begin a conversation; the first line is shown (and spoken) straight away."""
        if self._finish_waiting:  # the last one ends now, quietly (its results are not shown);
            self._finish_waiting = False  # a late accurate pass still revises it in the store
            self._final_timer.stop()
            if self.conversation is not None and not self.conversation.finished:
                self.conversation.end()
        self._drop_request()
        self._ending = None  # a previous end still saving is not shown now (it is saved)
        self.scenario = scenario
        self._patience_count = 0
        voiced = self._voice_on()
        mode = "kiosk" if self.settings.kiosk.enabled else ("voice" if voiced else "typed")
        self.conversation = Conversation(
            scenario,
            self.store,
            recordings=Recordings(self.settings.data_dir),
            voiced=voiced,
            mode=mode,
            seed=seed,
            start=start,
            prior=prior,
            parent_session_id=parent_session_id,
            on_notice=self._notices_of(),
            on_passing_notice=self.notice.emit,
            wait_for_model=False,  # the GUI thread: the rules decide until the model is there
            write_wait_s=WRITE_WAIT_S,  # nor does it wait out another process's lock
            on_refused=self._keep_saving,
            # an empty rehearsal is not kept (a kiosk visit keeps nothing anyway: unchanged)
            keep_unanswered=self.settings.kiosk.enabled,
        )
        if voiced:
            assert self.speech.worker is not None
            # Every part of every line (knowledge answers included) is rendered ahead, the
            # lines this rehearsal can reach soonest first, so the turn gap does not wait for
            # the voice engine (a line needed before its turn in the backlog goes first).
            lines = self.conversation.runner.likely_lines()
            # The patience line may be needed a few seconds after the first line.
            lines = list(dict.fromkeys([*lines[:2], *scenario.patience_lines(), *lines]))
            self.speech.worker.request_prerender(lines, self._voice_settings())
        if max_minutes:
            self._cap_timer.start(int(max_minutes * 60_000))
        mic = self.speech.microphone
        if mic is not None and self._listen_on() and not self.settings.push_to_talk:
            mic.open()  # capture from the first line on: an answer begun over it is heard
        self._present(self.conversation.begin())

    def resume(self, point: ResumePoint, *, max_minutes: float | None = None) -> None:
        """ "Try again from here": a new session from ``point`` with the turns before it kept."""
        self.start(
            point.scenario,
            start=point.start,
            prior=point.prior,
            parent_session_id=point.parent_session_id,
            max_minutes=max_minutes,
        )

    @property
    def session_id(self) -> int | None:
        return self.conversation.session_id if self.conversation else None

    @property
    def awaiting_answer(self) -> bool:
        return self.phase in ANSWERING and not self._finish_waiting

    @property
    def reading_last_line(self) -> bool:
        """The manager's last line is on screen for its reading time (`reading_ms`, voice off)
        before the conversation ends; `end_early` ends it at once, with the same outcome."""
        conv = self.conversation
        return conv is not None and conv.reached_end and not conv.finished and not self._voice_on()

    @property
    def listening(self) -> bool:
        """The microphone is open for the user's answer."""
        return self.phase is Phase.LISTENING

    @property
    def current_line(self) -> str | None:
        """The caption of the manager's line in play (None before the first)."""
        return self._line.text if self._line is not None else None

    def submit_text(self, text: str) -> bool:
        """A typed answer. It may interrupt the line still playing (the user read the caption).
        Returns False when no answer can be taken now (nothing said yet, or the talk is over)."""
        conv = self.conversation
        if not text.strip() or conv is None or conv.finished or conv.reached_end:
            return False
        if self._finish_waiting:  # ended: only the last answer's accurate words are awaited
            return False
        if self._line is None:
            return False
        self._render_id += 1  # a render or playback still under way is for an answered line
        if (self.phase is Phase.SPEAKING or self._patience_playing()) and self.speech.player:
            self.speech.player.stop()
        self._take_answer(text)
        return True

    def repeat_line(self) -> None:
        """Say the current line again, the same words."""
        if self._line is not None and self.conversation is not None:
            self._stop_listening()
            self._speak(self._line)

    def end_early(self) -> None:
        """The user ends the conversation before an end node."""
        if self.conversation is not None and not self.conversation.finished:
            self._finish()

    def set_push_to_talk(self, pressed: bool) -> None:
        mic = self.speech.microphone
        if mic is None or not self.awaiting_answer:
            return
        mic.push_to_talk(pressed)

    def listen_now(self) -> None:
        """Start listening (the Listen button), if an answer is expected."""
        if self.awaiting_answer:
            self._start_listening()

    def shutdown(self) -> None:
        self._cap_timer.stop()
        self._patience_timer.stop()
        self._final_timer.stop()
        self._frame_again_timer.stop()
        self._save_timer.stop()
        self._finish_waiting = False
        self._stop_listening()
        if self.speech.microphone is not None:
            self.speech.microphone.release()
        if self.speech.player is not None:
            self.speech.player.stop()

    def close(self) -> None:
        """Shut down and forget the conversation and the store: late speech results then find
        nothing to write to and no session folder to recreate (a kiosk visit's end)."""
        self.shutdown()
        self.conversation = None
        self._finals_due.clear()
        self._to_frame_again.clear()
        self._to_save.clear()
        self._ending = None
        self.store = None
        self._line = None
        self._set_phase(Phase.IDLE)
        # The speech services outlive this rehearsal (the kiosk shares them across visits):
        # let go of their signals, or the next visitor's microphone would emit into a deleted
        # object ("Signal source has been deleted").
        for signal, slot in self._links:
            signal.disconnect(slot)
        self._links = []

    # -- state -------------------------------------------------------------------------------
    def _set_phase(self, phase: Phase) -> None:
        if phase is self.phase:
            return
        was_listening = self.phase is Phase.LISTENING
        self.phase = phase
        self.phase_changed.emit(phase)
        if was_listening != (phase is Phase.LISTENING):
            self.listening_changed.emit(phase is Phase.LISTENING)

    def _voice_on(self) -> bool:
        return bool(self.settings.voice and self.speech.worker is not None)

    def _listen_on(self) -> bool:
        return bool(self.settings.listen and self.speech.microphone is not None)

    def _voice_settings(self) -> VoiceSettings:
        assert self.scenario is not None
        v = self.scenario.persona.voice
        return VoiceSettings(
            voice=v.voice,
            rate=max(80, int(v.rate * self.settings.rate)),
            pitch=v.pitch,
            volume=max(0.0, min(1.0, v.volume * self.settings.volume)),
        )

    # -- turn flow ---------------------------------------------------------------------------
    def _present(
        self, line: ManagerLine, answered: tuple[int, str, TurnAnalysis] | None = None
    ) -> None:
        assert self.conversation is not None
        self._line = line
        self._patience_said = False
        self._line_idx = len(self.conversation.turns) - 1
        self._speak(line, answered)

    def _speak(
        self, line: ManagerLine, answered: tuple[int, str, TurnAnalysis] | None = None
    ) -> None:
        """Voice ``line`` and show it (after ``answered``, the answer it replies to: both go
        to the screen only once a pre-rendered reply is playing, so its first sample never
        waits for the widgets)."""
        self._patience_timer.stop()
        self._set_phase(Phase.SPEAKING)
        ready: Path | None = None
        if self._voice_on():
            self._render_id += 1
            ready = self._cached(line.parts, self._voice_settings())
            if ready is not None:  # pre-rendered: play now, not after a round trip to the
                self._play(self._render_id, ready)  # busy voice thread
        if answered is not None:
            self.answer_recorded.emit(*answered)
        self.manager_line_shown.emit(self._line_idx, line.text)
        if not self._voice_on():
            if self.conversation is not None:
                self.conversation.line_spoken(self._line_idx, None)
            QTimer.singleShot(reading_ms(line.text) if line.is_end else 0, self._line_done)
        elif ready is not None:
            self._line_rendered(ready)
        else:
            assert self.speech.worker is not None
            self.speech.worker.request_render(self._render_id, line.parts, self._voice_settings())

    def _cached(self, parts: Sequence[str], settings: VoiceSettings) -> Path | None:
        """The line's WAV if every part is pre-rendered (the usual case), else None."""
        worker = self.speech.worker
        if worker is None:
            return None
        try:
            return worker.cache.ready_line(parts, settings)
        except OSError:  # a full disk while joining: the voice thread will say so
            return None

    def _on_worker_rendered(self, request_id: int, path: str) -> None:
        if request_id < 0:
            self._play_patience(request_id, path)
            return
        if request_id != self._render_id or self.conversation is None:
            return
        self._play(request_id, Path(path))  # first: the copy kept with the session can wait
        self._line_rendered(Path(path))

    def _play(self, request_id: int, path: Path) -> None:
        if self.speech.player is not None:
            self._playing_for = request_id
            self._patience_on_player = False
            self.speech.player.play(path)

    def _line_rendered(self, path: Path) -> None:
        """The line's voice is out (playing): the session keeps a copy of it."""
        if self.conversation is None:
            return
        self.conversation.line_spoken(self._line_idx, path)
        if self.speech.player is None:
            self._line_done()

    def _on_worker_render_failed(self, request_id: int, message: str) -> None:
        if request_id < 0:  # the patience line: its caption was shown; silence is fine
            return
        if request_id != self._render_id:
            return
        if self.conversation is not None:
            self.conversation.line_spoken(self._line_idx, None)
        self.notice.emit(f"The voice could not speak this line ({message}); read the caption.")
        self._line_done()

    def _on_player_finished(self) -> None:
        if self._playing_for != self._render_id:  # a line the user answered over: stale
            return
        if self._line is not None and self.phase is Phase.SPEAKING:
            self._line_done()

    def _on_player_failed(self, message: str) -> None:
        # A player may fail inside play() (an unreadable WAV), before the screen was told the
        # answer and the line: the line counts as done on the next turn of the event loop.
        QTimer.singleShot(0, lambda: self._line_failed(message))

    def _line_failed(self, message: str) -> None:
        self.notice.emit(f"Sound could not play ({message}); read the caption.")
        self._on_player_finished()

    def _line_done(self) -> None:
        if self.conversation is None or self.conversation.finished:
            return
        if self.phase is not Phase.SPEAKING:
            return
        self.manager_line_done.emit()
        if self.conversation.reached_end:
            self._finish()
            return
        self._set_phase(Phase.WAITING)
        if self._listen_on() and not self.settings.push_to_talk:
            self._start_listening()
        self._arm_patience()

    def _start_listening(self) -> None:
        mic = self.speech.microphone
        if mic is None or self.phase is Phase.LISTENING:
            return
        self._mic_failed = False  # each attempt asks the device again
        self._set_phase(Phase.LISTENING)
        mic.start()

    def _stop_listening(self, then: Phase = Phase.WAITING) -> None:
        if self.phase is Phase.LISTENING:
            if self.speech.microphone is not None:
                self.speech.microphone.stop()
            self._set_phase(then)

    def _on_microphone_speech_started(self) -> None:
        if self._finish_waiting:
            return
        mic = self.speech.microphone
        if self.phase is Phase.THINKING and mic is not None and mic.continue_answer():
            # The user goes on after the turn was judged over: one answer, taken whole.
            self._drop_request()  # the decode of its first part is dropped
            self._start_listening()
            return
        self._speech_started_at = time.time()
        self._patience_timer.stop()  # the user is answering
        self._patience_request = 0  # a patience line still being fetched is never said
        if self._patience_playing() and self.speech.player is not None:
            self.speech.player.fade_out(0.06)  # answering over "Take your time."
        if self.phase is Phase.SPEAKING and self._listen_on() and not self.settings.push_to_talk:
            self._barge_in()

    def _barge_in(self) -> None:
        """The user answers over the manager's line, as people do: the voice fades at once,
        the line counts as said, and the answer (its first words included) is taken whole."""
        player = self.speech.player
        if player is not None and self._playing_for == self._render_id:
            self._playing_for = -1  # the fade's finished is not the line ending
            player.fade_out(0.06)
        else:
            self._render_id += 1  # the line's audio is not out yet: never start it now
            if self.conversation is not None:
                self.conversation.line_spoken(self._line_idx, None)
        self._line_done()

    def _on_microphone_speech_ended(self, clip: AudioClip) -> None:
        if self.phase not in (Phase.WAITING, Phase.LISTENING) or self.conversation is None:
            return
        if self.speech.worker is None:
            return
        self._stop_listening(then=Phase.THINKING)
        self._pending_clip = clip
        self._transcribe_id = next(_REQUEST_IDS)
        self._transcribe_started = time.perf_counter()
        self._set_phase(Phase.THINKING)
        self.transcribing.emit()
        self.speech.worker.request_transcribe(self._transcribe_id, clip)

    def _on_worker_transcribed(self, request_id: int, transcript: Transcript) -> None:
        if request_id != self._transcribe_id or self.phase is not Phase.THINKING:
            return
        mic = self.speech.microphone
        if mic is not None and mic.continue_answer():
            # The user is talking again already: the answer goes on, and is taken whole later.
            self._start_listening()
            return
        text = transcript.text.strip()
        if not text:  # the cheap pass heard nothing: the accurate one, coming next, decides
            self._empty_for = request_id
            self._empty_timer.start(round(FINAL_WAIT_S * 1000))
        else:
            self._take_spoken(request_id, text)  # the reply is playing from here
        if self.speech.worker is not None:
            self.speech.worker.start_final(request_id)

    def _take_spoken(self, request_id: int, text: str, *, await_final: bool = True) -> None:
        assert self.conversation is not None
        idx = len(self.conversation.turns)
        elapsed_ms = (time.perf_counter() - self._transcribe_started) * 1000
        if await_final:
            self._finals_due[request_id] = (idx, self.conversation)
        self._take_answer(text, clip=self._pending_clip, recognizer_ms=elapsed_ms)

    def _on_worker_final_transcribed(self, request_id: int, transcript: Transcript | None) -> None:
        """The accurate pass for a spoken answer (None: none, or it failed; the provisional
        transcript stands)."""
        if request_id == self._empty_for:
            self._empty_for = 0
            if request_id != self._transcribe_id or self.phase is not Phase.THINKING:
                return
            self._empty_timer.stop()
            text = transcript.text.strip() if transcript is not None else ""
            if text:  # this was the accurate pass: nothing more to wait for
                self._take_spoken(request_id, text, await_final=False)
            else:
                self._didnt_catch("I didn't catch that.")
            return
        due = self._finals_due.pop(request_id, None)
        if due is None:
            return
        idx, conv = due
        if transcript is not None and 0 <= idx < len(conv.turns):
            before = conv.turns[idx].analysis
            analysis = conv.revise_answer(idx, transcript.text)
            self._frame_again_later(conv)
            if analysis is not None:
                self.revised_answers += 1
                changed = before is None or before.frame != analysis.frame
                self.revised_frames += changed
                log.info(
                    "answer %d: accurate transcript replaced the provisional one%s",
                    idx,
                    f" and its frame ({before.frame if before else None} -> {analysis.frame})"
                    if changed
                    else "",
                )
                if conv is self.conversation:
                    self.answer_revised.emit(idx, conv.turns[idx].text, analysis)
        if self._finish_waiting and not self._awaiting_final():
            self._end_now()

    def _on_empty_timer_timeout(self) -> None:
        if self._empty_for and self._empty_for == self._transcribe_id:
            self._empty_for = 0
            if self.phase is Phase.THINKING and not self._finish_waiting:
                self._didnt_catch("I didn't catch that.")

    def _drop_request(self) -> None:
        """The answer being recognized is not taken: its results (and accurate pass) are not
        wanted; a new id for whatever comes next."""
        worker = self.speech.worker
        taken = self._transcribe_id in self._finals_due  # its accurate pass is awaited
        if worker is not None and self._transcribe_id and not taken:
            worker.skip_final(self._transcribe_id)
        self._transcribe_id = next(_REQUEST_IDS)
        self._empty_for = 0
        self._empty_timer.stop()

    @property
    def accurate_pending(self) -> int:
        """How many spoken answers (of any conversation this rehearsal ran) still wait for
        their accurate transcript."""
        return len(self._finals_due)

    def _awaiting_final(self) -> bool:
        """An accurate transcript of this conversation's answers is still to come."""
        return any(conv is self.conversation for _idx, conv in self._finals_due.values())

    def _on_final_timer_timeout(self) -> None:
        if self._finish_waiting:
            log.info("the last answer's accurate transcript was late: the provisional one stands")
            self._end_now()

    def _on_worker_transcribe_failed(self, request_id: int, message: str) -> None:
        if request_id != self._transcribe_id or self.phase is not Phase.THINKING:
            return
        reason = message.strip().rstrip(".") or "the recognizer failed"
        self._didnt_catch(f"I didn't catch that: {reason[:1].lower()}{reason[1:]}.")

    def _on_microphone_no_speech(self) -> None:
        """The microphone heard nobody for long: the same as the patience timer."""
        self._patience()

    # -- patience ----------------------------------------------------------------------------
    def _arm_patience(self) -> None:
        """Count the silence from now, if the manager has not yet prompted for this line."""
        if self._patience_said or not self._listen_on() or self.phase not in ANSWERING:
            return
        if self._mic_failed:  # typed answers only: as with listening off (no prompt)
            return
        self._patience_timer.start(round(self.patience_after_s * 1000))

    def _on_patience_timer_timeout(self) -> None:
        self._patience()

    def _patience(self) -> None:
        """A long silence while an answer is awaited: listening goes on (people think); the
        manager says his patience line once, in his own voice (pre-rendered like every line),
        and the screen says how to answer."""
        if self._patience_said or self.phase not in (Phase.WAITING, Phase.LISTENING):
            return
        if self.scenario is None or self.conversation is None:
            return
        self._patience_said = True
        self._patience_timer.stop()
        ptt = self.settings.push_to_talk or not self._listen_on()
        self.notice.emit(PATIENCE_PROMPT_PUSH_TO_TALK if ptt else PATIENCE_PROMPT)
        if not self._voice_on():
            return
        assert self.speech.worker is not None
        options = self.scenario.patience_lines()
        said = options[self._patience_count % len(options)]
        self._patience_count += 1
        self._patience_request = -self._patience_count
        settings = self._voice_settings()
        ready = self._cached((said,), settings)
        if ready is not None:
            self._play_patience(self._patience_request, str(ready))
        else:
            self.speech.worker.request_render(self._patience_request, (said,), settings)

    def _play_patience(self, request_id: int, path: str) -> None:
        if request_id != self._patience_request or self.phase not in (
            Phase.WAITING,
            Phase.LISTENING,
        ):
            return  # answered (or ended) before it was ready: never said late
        if self.speech.player is not None:
            self._playing_for = -1  # its end is not a line's end
            self._patience_on_player = True
            self.speech.player.play(Path(path))

    def _patience_playing(self) -> bool:
        player = self.speech.player
        return self._patience_on_player and bool(getattr(player, "playing", False))

    def _didnt_catch(self, why: str) -> None:
        self._set_phase(Phase.WAITING)
        self.notice.emit(f"{why} Say it again, or type your answer.")
        if self._listen_on() and not self.settings.push_to_talk:
            self._start_listening()
        self._arm_patience()

    def _on_microphone_failed(self, message: str) -> None:
        # No microphone: answers are typed, as with listening off, and nobody is rushed (the
        # patience prompt would replace the screen's kept "no microphone … type" sentence
        # with another wording of it, and back at each answer).
        self._mic_failed = True
        self._patience_timer.stop()
        self._stop_listening()
        self.notice.emit(f"{message} You can keep going by typing your answers.")

    def _take_answer(
        self, text: str, *, clip: AudioClip | None = None, recognizer_ms: float | None = None
    ) -> None:
        assert self.conversation is not None
        self._patience_timer.stop()
        self._stop_listening(then=Phase.SPEAKING)  # the next line follows at once
        idx = len(self.conversation.turns)
        ended = time.time()
        started = self._speech_started_at or ended
        self._speech_started_at = None
        self._pending_clip = None
        analysis, line = self.conversation.answer(
            text, clip=clip, started_at=started, ended_at=ended, recognizer_ms=recognizer_ms
        )
        self._present(line, answered=(idx, text, analysis))
        self._frame_again_later(self.conversation)

    def _keep_saving(self, conv: Conversation | None) -> None:
        """Writes a lock refused are retried on a timer until they are on disk."""
        if conv is not None and conv.unsaved and conv not in self._to_save:
            self._to_save.append(conv)
        soon = conv is not None and conv.saving_quietly
        if self._to_save and (soon or not self._save_timer.isActive()):
            self._save_timer.start(SAVE_RETRY_MS if soon else SAVE_RETRY_LATER_MS)

    def _on_save_timer_timeout(self) -> None:
        for conv in list(self._to_save):
            if conv.retry():
                self._to_save.remove(conv)
        if self._ending is not None and not self._ending[0].saving_quietly:
            conv, analysis = self._ending  # saved, or the lock was announced: show the end
            self._ending = None
            if conv is self.conversation:
                self._set_phase(Phase.ENDED)
                self.ended.emit(analysis)
        if not self._to_save:
            self._save_timer.stop()
        soon = any(c.saving_quietly for c in self._to_save)
        self._save_timer.setInterval(SAVE_RETRY_MS if soon else SAVE_RETRY_LATER_MS)

    def _frame_again_later(self, conv: Conversation) -> None:
        """Answers framed while the sentence model loaded are framed again once it is there."""
        if conv.awaiting_model and conv not in self._to_frame_again:
            self._to_frame_again.append(conv)
        if self._to_frame_again and not self._frame_again_timer.isActive():
            self._frame_again_timer.start()

    def _on_frame_again_timer_timeout(self) -> None:
        for conv in list(self._to_frame_again):
            changed = conv.frame_again()
            if changed is None:  # still loading
                return
            self._to_frame_again.remove(conv)
            for idx in changed:
                turn = conv.turns[idx]
                if conv is self.conversation and turn.analysis is not None:
                    self.answer_revised.emit(idx, turn.text, turn.analysis)
        self._frame_again_timer.stop()

    def _on_cap_timer_timeout(self) -> None:
        self.notice.emit(TIME_UP_NOTICE)
        self.end_early()

    def _finish(self) -> None:
        assert self.conversation is not None
        self._cap_timer.stop()
        self._patience_timer.stop()
        if self.speech.worker is not None:  # no answer is being heard any more
            self.speech.worker.answering(False)
        # The last answer's accurate words first, briefly.
        waiting = self._awaiting_final()
        self._stop_listening(then=Phase.THINKING if waiting else Phase.ENDED)
        if self.speech.microphone is not None:
            self.speech.microphone.release()  # the device stays open only during a rehearsal
        if not waiting:
            self._end_now()
        elif not self._finish_waiting:
            self._finish_waiting = True
            self._drop_request()  # an answer still being recognized is not taken now
            self._set_phase(Phase.THINKING)
            self._final_timer.start(round(FINAL_WAIT_S * 1000))

    def _end_now(self) -> None:
        self._finish_waiting = False
        self._final_timer.stop()
        if self.conversation is None or self.conversation.finished:
            return
        analysis: Analysis = self.conversation.end()
        if self.conversation.saving_quietly:
            # A lock another process holds, not yet long enough to be announced: the end is
            # shown once the session is on disk (the store used to wait for it right here).
            self._ending = (self.conversation, analysis)
            self._set_phase(Phase.THINKING)
            return
        self._set_phase(Phase.ENDED)
        self.ended.emit(analysis)


def reading_ms(text: str) -> int:
    """How long a line takes to read, in ms, within `READING_MS`."""
    low, high = READING_MS
    return max(low, min(high, round(len(text.split()) * 60_000 / READING_WPM)))


__all__ = ["ANSWERING", "Phase", "Rehearsal", "SpeechServices", "TurnAnalysis"]
