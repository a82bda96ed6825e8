"""The rehearsal controller: one conversation, spoken or typed, as a QObject with signals.

It owns no widget. The window (or a test) calls :meth:`Rehearsal.start`, :meth:`submit_text`,
:meth:`repeat_line` and :meth:`end_early`, and listens to the signals. Speech is optional: without
a :class:`SpeechServices` the manager's lines are captions only and answers are typed.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.config import Settings
from app.dialogue import ManagerLine, Scenario
from app.framing import Analysis, TurnAnalysis
from app.session.conversation import Conversation, TurnData
from app.speech import AudioClip, Transcript, VoiceSettings
from app.store import Store


@dataclass
class SpeechServices:
    """The speech pieces a rehearsal may use; any of them may be None (captions, typing)."""

    worker: Any = None  # app.speech.SpeechWorker (TTS + STT in their own threads)
    player: Any = None  # app.speech.QtPlayer
    microphone: Any = None  # app.speech.QtMicrophone


class Rehearsal(QObject):
    """Runs one conversation and reports each step.

    Signals:
        manager_line_shown(int, str): turn index and caption, shown as the voice starts.
        manager_line_done(): the line finished playing (or at once without a voice).
        answer_recorded(int, str, object): turn index, the answer's text, its TurnAnalysis.
        listening_changed(bool): the microphone started or stopped listening.
        level_changed(float): the live input level, 0..1.
        transcribing(): speech ended; the recognizer is working on it.
        notice(str): a sentence for the banner (no microphone, didn't catch that, disk full...).
        ended(object): the whole-conversation Analysis, after the session was saved.
    """

    manager_line_shown = Signal(int, str)
    manager_line_done = Signal()
    answer_recorded = Signal(int, str, object)
    listening_changed = Signal(bool)
    level_changed = Signal(float)
    transcribing = Signal()
    notice = Signal(str)
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
        self.speech = speech or SpeechServices()
        self.conversation: Conversation | None = None
        self.scenario: Scenario | None = None
        self._line: ManagerLine | None = None
        self._line_idx = -1
        self._render_id = 0
        self._transcribe_id = 0
        self._awaiting_answer = False
        self._playing_for = -1  # the render id whose audio the player is playing
        self._listening = False
        self._speech_started_at: float | None = None
        self._pending_clip: AudioClip | None = None  # the answer being recognized
        self._transcribe_started = 0.0
        self._connected: set[int] = set()
        self._cap_timer = QTimer(self)
        self._cap_timer.setSingleShot(True)
        self._cap_timer.timeout.connect(self._on_cap_timer_timeout)

    # -- public API --------------------------------------------------------------------------
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
        self._connect_speech()
        self.scenario = scenario
        mode = "voice" if self._voice_on() else "typed"
        if self.settings.kiosk.enabled:
            mode = "kiosk"
        self.conversation = Conversation(
            scenario,
            self.store,
            mode=mode,
            seed=seed,
            start=start,
            prior=prior,
            parent_session_id=parent_session_id,
            on_notice=self.notice.emit,
        )
        if self._voice_on():
            self.speech.worker.request_prerender(scenario.manager_lines(), self._voice_settings())
        if max_minutes:
            self._cap_timer.start(int(max_minutes * 60_000))
        self._present(self.conversation.begin())

    @property
    def session_id(self) -> int | None:
        return self.conversation.session_id if self.conversation else None

    @property
    def awaiting_answer(self) -> bool:
        return self._awaiting_answer

    @property
    def listening(self) -> bool:
        """The microphone is open for the user's answer."""
        return self._listening

    def submit_text(self, text: str) -> bool:
        """A typed answer. It may interrupt the line still playing (the user read the caption).
        Returns False when no answer can be taken now (nothing said yet, or the talk is over)."""
        conv = self.conversation
        if not text.strip() or conv is None or conv.finished or conv.reached_end:
            return False
        if self._line is None:
            return False
        self._render_id += 1  # a render or playback still under way is for an answered line
        if not self._awaiting_answer and self.speech.player is not None:
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
        if mic is None or not self._awaiting_answer:
            return
        mic.push_to_talk(pressed)

    def listen_now(self) -> None:
        """Start listening (the Listen button), if an answer is expected."""
        if self._awaiting_answer:
            self._start_listening()

    def shutdown(self) -> None:
        self._cap_timer.stop()
        self._stop_listening()
        if self.speech.player is not None:
            self.speech.player.stop()

    # -- speech wiring -----------------------------------------------------------------------
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

    def _connect_speech(self) -> None:
        """Connect to whichever speech pieces exist now (they may arrive after start-up)."""
        s = self.speech
        fresh = {
            name: obj
            for name, obj in (("w", s.worker), ("p", s.player), ("m", s.microphone))
            if obj is not None and id(obj) not in self._connected
        }
        self._connected.update(id(o) for o in fresh.values())
        if "w" in fresh:
            s.worker.rendered.connect(self._on_worker_rendered)
            s.worker.render_failed.connect(self._on_worker_render_failed)
            s.worker.transcribed.connect(self._on_worker_transcribed)
            s.worker.transcribe_failed.connect(self._on_worker_transcribe_failed)
        if "p" in fresh:
            s.player.finished.connect(self._on_player_finished)
            s.player.failed.connect(self._on_player_failed)
        if "m" in fresh:
            s.microphone.level_changed.connect(self.level_changed)
            s.microphone.speech_started.connect(self._on_microphone_speech_started)
            s.microphone.speech_ended.connect(self._on_microphone_speech_ended)
            s.microphone.failed.connect(self._on_microphone_failed)
            if hasattr(s.microphone, "no_speech"):
                s.microphone.no_speech.connect(self._on_microphone_no_speech)

    # -- turn flow ---------------------------------------------------------------------------
    def _present(self, line: ManagerLine) -> None:
        assert self.conversation is not None
        self._line = line
        self._line_idx = len(self.conversation.turns) - 1
        self._awaiting_answer = False
        self._speak(line)

    def _speak(self, line: ManagerLine) -> None:
        self.manager_line_shown.emit(self._line_idx, line.text)
        if self._voice_on():
            self._render_id += 1
            self.speech.worker.request_render(self._render_id, line.text, self._voice_settings())
        else:
            QTimer.singleShot(0, self._line_done)

    def _on_worker_rendered(self, request_id: int, path: str) -> None:
        if request_id != self._render_id or self.conversation is None:
            return
        self._keep_audio(Path(path), self._line_idx, "manager")
        if self.speech.player is not None:
            self._playing_for = request_id
            self.speech.player.play(Path(path))
        else:
            self._line_done()

    def _on_worker_render_failed(self, request_id: int, message: str) -> None:
        if request_id != self._render_id:
            return
        self.notice.emit(f"The voice could not speak this line ({message}); read the caption.")
        self._line_done()

    def _on_player_finished(self) -> None:
        if self._playing_for != self._render_id:  # a line the user answered over: stale
            return
        if self._line is not None and not self._awaiting_answer:
            self._line_done()

    def _on_player_failed(self, message: str) -> None:
        self.notice.emit(f"Sound could not play ({message}); read the caption.")
        self._on_player_finished()

    def _line_done(self) -> None:
        if self.conversation is None or self.conversation.finished:
            return
        self.manager_line_done.emit()
        if self.conversation.reached_end:
            self._finish()
            return
        self._awaiting_answer = True
        if self._listen_on() and not self.settings.push_to_talk:
            self._start_listening()

    def _start_listening(self) -> None:
        mic = self.speech.microphone
        if mic is None or self._listening:
            return
        self._listening = True
        self.listening_changed.emit(True)
        mic.start()

    def _stop_listening(self) -> None:
        mic = self.speech.microphone
        if mic is not None and self._listening:
            mic.stop()
        if self._listening:
            self._listening = False
            self.listening_changed.emit(False)

    def _on_microphone_speech_started(self) -> None:
        self._speech_started_at = time.time()

    def _on_microphone_speech_ended(self, clip: AudioClip) -> None:
        if not self._awaiting_answer or self.conversation is None:
            return
        self._stop_listening()
        self._pending_clip = clip
        self._transcribe_id += 1
        self._transcribe_started = time.perf_counter()
        self.transcribing.emit()
        self.speech.worker.request_transcribe(self._transcribe_id, clip)

    def _on_worker_transcribed(self, request_id: int, transcript: Transcript) -> None:
        if request_id != self._transcribe_id or not self._awaiting_answer:
            return
        text = transcript.text.strip()
        if not text:
            self._didnt_catch("I didn't catch that.")
            return
        elapsed_ms = (time.perf_counter() - self._transcribe_started) * 1000
        self._take_answer(text, clip=self._pending_clip, recognizer_ms=elapsed_ms)

    def _on_worker_transcribe_failed(self, request_id: int, message: str) -> None:
        if request_id != self._transcribe_id:
            return
        reason = message.strip().rstrip(".") or "the recognizer failed"
        self._didnt_catch(f"I didn't catch that: {reason[:1].lower()}{reason[1:]}.")

    def _on_microphone_no_speech(self) -> None:
        self._stop_listening()
        self.notice.emit("No speech heard. Press Listen and answer, or type your answer.")

    def _didnt_catch(self, why: str) -> None:
        self.notice.emit(f"{why} Say it again, or type your answer.")
        if self._listen_on() and not self.settings.push_to_talk:
            self._start_listening()

    def _on_microphone_failed(self, message: str) -> None:
        self._stop_listening()
        self.notice.emit(f"{message} You can keep going by typing your answers.")

    def _take_answer(
        self, text: str, *, clip: AudioClip | None = None, recognizer_ms: float | None = None
    ) -> None:
        assert self.conversation is not None
        self._stop_listening()
        self._awaiting_answer = False
        idx = len(self.conversation.turns)
        audio_rel = None
        if clip is not None:
            audio_rel = self._save_clip(clip, idx)
        ended = time.time()
        started = self._speech_started_at or ended
        self._speech_started_at = None
        analysis, line = self.conversation.answer(
            text,
            audio_path=audio_rel,
            started_at=started,
            ended_at=ended,
            recognizer_ms=recognizer_ms,
        )
        self.answer_recorded.emit(idx, text, analysis)
        self._present(line)

    def _on_cap_timer_timeout(self) -> None:
        self.notice.emit("Time is up for this rehearsal.")
        self.end_early()

    def _finish(self) -> None:
        assert self.conversation is not None
        self._cap_timer.stop()
        self._stop_listening()
        self._awaiting_answer = False
        analysis: Analysis = self.conversation.end()
        self.ended.emit(analysis)

    # -- audio kept with the session ---------------------------------------------------------
    def _session_audio_dir(self) -> Path | None:
        sid = self.session_id
        if sid is None or self.store is None:
            return None
        return self.settings.audio_dir / str(sid)

    def _save_clip(self, clip: AudioClip, idx: int) -> str | None:
        folder = self._session_audio_dir()
        if folder is None:
            return None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{idx:03d}-seeker.wav"
            clip.to_wav(path)
        except OSError as exc:
            self.notice.emit(f"Your answer's audio could not be saved ({exc.strerror}).")
            return None
        return str(path.relative_to(self.settings.data_dir))

    def _keep_audio(self, source: Path, idx: int, speaker: str) -> None:
        folder = self._session_audio_dir()
        if folder is None or self.conversation is None:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{idx:03d}-{speaker}.wav"
            if not target.exists():
                shutil.copyfile(source, target)
        except OSError:
            return
        self.conversation.set_audio(idx, str(target.relative_to(self.settings.data_dir)))


__all__ = ["Rehearsal", "SpeechServices", "TurnAnalysis"]
