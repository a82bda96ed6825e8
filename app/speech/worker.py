"""Synthesis and recognition off the GUI thread, in five long-lived QThreads.

A 1 s transcription must not delay the next line's synthesis (or a cache lookup), and pyttsx3
wants its engine used from one thread only: the TTS thread owns the Voice and its cache; the STT
thread owns the Recognizer, keeps its model warm and decodes each pause and end of an answer;
the stream thread decodes the answer while it is spoken, beside it (a pause's decode never waits
for a streaming decode to finish); the final thread runs the accurate passes (below) with the
same recognizer, so one never holds up the next answer's cheap decodes. The recognizer decodes
on as many workers at once (``WhisperRecognizer(workers=3)``).

Speculative decoding: the microphone announces a pause (``silence_started``) before it confirms
the end of the answer. :meth:`SpeechWorker.speculate` decodes that clip at once; when the final
clip is the same audio plus silence, the speculative result is used, which takes the decode off
the turn gap.

Streaming: while the user speaks, :meth:`SpeechWorker.stream` hands over the growing answer about
every second; the stream thread re-decodes it and commits the words two decodes agree on
(:mod:`app.speech.streaming`). Each of these decodes publishes the answer's text so far
(``partial_text``). With a denoiser, the answer's audio goes through DeepFilterNet3 as it arrives
(:mod:`app.speech.denoise`): :meth:`SpeechWorker.feed` hands it over about every 0.2 s, and a fifth
thread (denoise) filters it, so a pause's decode finds at most that much left to filter, even while
the stream thread is busy decoding.

Two passes, as voice agents do: the streaming, speculative and end decodes are the cheap pass, in
a window sized to the answer (a 5-10 s answer: 0.06-0.15 s for base, where Whisper's 30 s window
costs 1.75 s), and a pause's or end's decode hears only the answer's last few seconds after the
words streaming already heard (``AnswerStream(tail=True)``: its cost does not grow with the
answer), so the end's transcript (``transcribed``) is a *provisional* one, ready at once, that
the reply is framed from; the pause's decode also gives the end-of-turn decision its words
(``partial_text``), timed word by word so they come with Whisper's doubt of the last one
(:func:`pause_words`): the only decode of a pause (in timestamp mode Whisper may go on into the
silence after the words, "... for your team? Thank you for watching", tiny.en, a 2.5 s answer in
its 5 s window: the recognizer drops a sized window's text placed in its padding).
The answer's denoised audio then goes to the final thread, which (once the reply is out,
:meth:`SpeechWorker.start_final`) decodes it whole in Whisper's full window (the accurate pass,
as ``bench/speech.py`` measures) and hands it over as ``final_transcribed`` for the stored
session to take in place of the provisional text.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from app.speech.audio import AudioClip, frame_levels, speech_limit
from app.speech.cache import VoiceCache
from app.speech.errors import SpeechError
from app.speech.protocols import Recognizer, Transcript, Voice, VoiceSettings
from app.speech.streaming import AnswerStream, HeardWord, final_decode
from app.speech.stt_whisper import DecodeCancelled

log = logging.getLogger(__name__)

#: An answer's accurate pass waits at most this long for :meth:`SpeechWorker.start_final` (the
#: reply is out); one never released (the answer was dropped: the user went on, a timeout) is
#: not decoded at all, nor is one a newer answer's release overtook.
FINAL_RELEASE_S = 10.0
#: ... and while the user is answering again it waits at most this long for that answer's cheap
#: passes to be done, so it does not take the cores the next turn gap needs.
FINAL_YIELD_S = 10.0
#: A streaming decode starts only once the answer grew by this many times the last one's decode
#: time: on a busy machine (a decode of the answer so far taking 2-5 s) the stream thread would
#: otherwise decode without pause, and a pause's decode nearly always shared the cores with one
#: (bench/turn_gap.py at load 11: 9 turns of 10). Quiet, base decodes a 4 s answer so far in
#: ~0.4 s: a decode every second or so, as before; the tail decode needs words heard 3 s back.
STREAM_DUTY = 2.5
#: A pause whose speech a running streaming decode heard whole waits this long at most for
#: its words (a stuck decode on a slow machine must not hold the end of the turn for good).
PAUSE_WAITS_STEP_S = 3.0


def _sentence(exc: BaseException, what: str) -> str:
    if isinstance(exc, SpeechError):
        return str(exc)
    log.exception("unexpected %s error", what, exc_info=exc)
    return f"The {what} failed unexpectedly ({type(exc).__name__})."


class _TtsJob(QObject):
    """Lives in the TTS thread; owns the voice (its engine is created there on first use)."""

    rendered = Signal(int, str)
    render_failed = Signal(int, str)

    def __init__(self, cache: VoiceCache) -> None:
        super().__init__()
        self.cache = cache
        self._backlog: deque[tuple[str, VoiceSettings]] = deque()
        self._draining = False

    @Slot(int, object, object)
    def render(self, request_id: int, parts: Sequence[str], settings: VoiceSettings) -> None:
        try:
            path = self.cache.line(parts, settings)
        except Exception as exc:
            self.render_failed.emit(request_id, _sentence(exc, "voice"))
            return
        self.rendered.emit(request_id, str(path))

    @Slot(list, object)
    def prerender(self, lines: list[str], settings: VoiceSettings) -> None:
        """Render ``lines`` into the cache one per turn of this thread's event loop, so a line
        the rehearsal needs now (``render``) goes ahead of the backlog: with a slow neural
        voice the whole scenario takes minutes, the next line a fraction of a second."""
        self._backlog.extend((line, settings) for line in lines)
        if not self._draining:
            self._draining = True
            QTimer.singleShot(0, self._prerender_next)

    @property
    def backlog(self) -> int:
        """Lines still waiting to be pre-rendered."""
        return len(self._backlog)

    def _prerender_next(self) -> None:
        if not self._backlog:
            self._draining = False
            return
        line, settings = self._backlog.popleft()
        try:
            self.cache.get(line, settings)
        except Exception as exc:
            log.warning("could not pre-render %r: %s", line, exc)
            self._backlog.clear()
        QTimer.singleShot(0, self._prerender_next)


class _FinalJob(QObject):
    """Lives in the final thread: the accurate pass over each answer's denoised audio, in order.

    Each runs only between answers: once its answer's reply is out (:meth:`release`, from
    :meth:`SpeechWorker.start_final`) and while no answer is being heard (:meth:`answering`), so
    it never takes the cores from framing an answer, its reply's first sample or the next
    answer's cheap decodes. One whose answer was dropped is never decoded (nothing is emitted).
    """

    final_transcribed = Signal(int, object)

    def __init__(self, recognizer: Recognizer) -> None:
        super().__init__()
        self.recognizer = recognizer
        self._cond = threading.Condition()
        self._released: set[int] = set()  # request ids whose reply is out, not decoded yet
        self._skipped: set[int] = set()  # request ids whose answer was not taken
        self._newest = 0  # the newest of them ever: an older one not released was dropped
        self._answering = False
        self._stopping = False
        self.decodes = 0
        self.failures = 0
        self.dropped = 0
        #: The recent accurate passes: ("final", started, ended, audio_s), ``time.monotonic()``.
        self.trail: deque[tuple[str, float, float, float]] = deque(maxlen=64)

    def release(self, request_id: int) -> None:
        """Any thread: ``request_id``'s provisional transcript was used; its final may run."""
        with self._cond:
            self._released.add(request_id)
            self._newest = max(self._newest, request_id)
            self._cond.notify_all()

    def skip(self, request_id: int) -> None:
        """Any thread: ``request_id``'s answer was not taken; its accurate pass is not wanted."""
        with self._cond:
            self._skipped.add(request_id)
            self._cond.notify_all()

    def answering(self, now: bool) -> None:
        """Any thread: an answer is being heard (its cheap decodes come first) or not."""
        with self._cond:
            self._answering = now
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()

    def _wanted(self, request_id: int) -> bool:
        with self._cond:
            self._cond.wait_for(
                lambda: (
                    request_id in self._released
                    or request_id in self._skipped
                    or self._newest > request_id
                    or self._stopping
                ),
                FINAL_RELEASE_S,
            )
            self._skipped.discard(request_id)
            if self._stopping or request_id not in self._released:
                return False
            self._released.discard(request_id)
            self._cond.wait_for(lambda: not self._answering or self._stopping, FINAL_YIELD_S)
            return not self._stopping

    @Slot(int, object, float)
    def decode(self, request_id: int, audio: AudioClip, duration_s: float) -> None:
        if not self._wanted(request_id):
            self.dropped += 1
            log.debug("accurate pass of request %d dropped (not wanted)", request_id)
            return
        started = time.perf_counter()
        began = time.monotonic()
        try:
            text = final_decode(self.recognizer, audio)  # type: ignore[arg-type]
        except Exception as exc:
            self.failures += 1
            log.warning("the accurate decode failed; the provisional transcript stays: %s", exc)
            self.final_transcribed.emit(request_id, None)
            return
        self.decodes += 1
        self.trail.append(("final", began, time.monotonic(), duration_s))
        self.final_transcribed.emit(
            request_id, Transcript(text, duration_s, time.perf_counter() - started)
        )


class _SttJob(QObject):
    """Lives in the STT thread; owns the recognizer, the answer's stream, the last speculation."""

    transcribed = Signal(int, object)
    final_transcribed = Signal(int, object)  # None at once: no accurate pass for this answer
    final_requested = Signal(int, object, float)  # to the final thread: id, audio, duration
    transcribe_failed = Signal(int, str)
    partial_text = Signal(object, object)  # the clip, its words (a str; a subclass kept whole)
    ready = Signal()
    load_failed = Signal(str)
    notice = Signal(str)

    def __init__(self, recognizer: Recognizer, *, denoise: bool = False) -> None:
        super().__init__()
        self.recognizer = recognizer
        self.denoise = denoise
        self.speculative_hits = 0
        self.speculative_decodes = 0
        self.stream_decodes = 0
        self._pending_lock = threading.Lock()
        self._make_lock = threading.Lock()
        self._step_lock = threading.Lock()
        self._pending: AudioClip | None = None
        self._pending_early = False  # _pending is a pause not announced yet (speculate_early)
        self._growing: AudioClip | None = None
        # The newest answer so far to filter ahead (:meth:`feed`), and which answer it is of.
        self._fed: tuple[AudioClip, int] | None = None
        self._answers = 0  # answers ended so far (:meth:`_end_answer`)
        self._spec: tuple[AudioClip, Transcript] | None = None
        self._speculating: AudioClip | None = None  # the pause's clip while it is decoded
        self._speculating_early = False  # ... a pause not announced yet
        # The early decode of the pause under way (its clip, text and words for the decision),
        # kept for the announced pause: :meth:`_take_early`.
        self._early: tuple[AudioClip, Transcript, str] | None = None
        self._speculation_stale = threading.Event()  # set: a newer pause made it useless
        # The streaming decode running now (its clip), and set when it is over.
        self._stepping: AudioClip | None = None
        self._stepped_now = threading.Event()
        # Set while a pause's decode that hears more than the running streaming decode runs (the
        # stale flag of that pause's decode, which a newer pause or the voice coming back sets):
        # the streaming decode stops at its next step (:meth:`_superseded`).
        self._superseding: threading.Event | None = None
        # The last streaming decode: its clip, text and words (with their probabilities).
        self._step: tuple[AudioClip, Transcript, list[HeardWord]] | None = None
        self._stepped: tuple[AudioClip, float] | None = None  # its clip, its decode time (s)
        self._stream: AnswerStream | None = None
        #: The recent decodes on this thread, oldest first: (kind, started, ended, audio_s),
        #: times in ``time.monotonic()``; kind is "stream", "pause" or "end" (a decode), or
        #: "pause=" / "end=" (the words reused: no new speech since the last decode), or
        #: "pause-" (a pause's decode stopped part-way: a newer pause of the answer came).
        self.trail: deque[tuple[str, float, float, float]] = deque(maxlen=64)

    def _log(self, kind: str, started: float, clip: AudioClip) -> None:
        self.trail.append((kind, started, time.monotonic(), clip.duration_s))

    def offer(self, clip: AudioClip, *, early: bool = False) -> None:
        """Called from any thread: the newest clip to speculate on replaces an older one. A
        newer pause of the answer whose earlier pause is being decoded now (the user spoke
        again after it: a breath) makes that decode useless: it stops at its next step, so
        this pause's decode does not wait behind it. ``early``: the pause began but is not
        announced yet (its words are kept for the announced pause, not published)."""
        with self._pending_lock:
            self._pending = clip
            self._pending_early = early
            heard = self._speculating
            if (
                heard is not None
                and len(clip.pcm) > len(heard.pcm)
                and clip.pcm.startswith(heard.pcm)
                and not only_silence_after(heard, clip)
            ):
                self._speculation_stale.set()
            if not early:  # announced: an early decode that heard it all now speaks for it
                done = self._early
                if heard is not None and self._speculating_early:
                    covering: AudioClip | None = heard
                else:
                    covering = done[0] if done is not None else None
                if covering is not None and only_silence_after(covering, clip):
                    self._supersede_locked(covering)

    def drop_early(self) -> None:
        """Called from any thread: the voice came back before the pause that began was
        announced: its early decode (waiting or running) is of no use; it stops at its next
        step, so the streaming decodes have the cores."""
        with self._pending_lock:
            if self._pending_early:
                self._pending = None
                self._pending_early = False
            if self._speculating is not None and self._speculating_early:
                self._speculation_stale.set()

    def offer_growing(self, clip: AudioClip) -> None:
        """Called from any thread: the newest part-answer to stream replaces an older one."""
        with self._pending_lock:
            self._growing = clip

    def offer_fed(self, clip: AudioClip) -> None:
        """Called from any thread: the newest part-answer to filter ahead replaces an older one."""
        with self._pending_lock:
            self._fed = (clip, self._answers)

    def feed(self) -> None:
        """The denoise thread: what is new in the newest offered part-answer goes through the
        noise filter now (no decode), so a pause's decode, on the STT thread, finds at most the
        audio since that offer left to filter, even when the stream thread is busy decoding (it
        filters only the offers it takes, about once a second). An offer of an answer that ended
        since is dropped: filtering it would restart the next answer's filter."""
        with self._pending_lock:
            fed, self._fed = self._fed, None
        if fed is None:
            return
        clip, answer = fed
        with self._step_lock:  # the answer's end resets the stream under it: not in between
            stream = self._stream
            if stream is None or stream.denoiser is None or answer != self._answers:
                return
            try:
                stream.prepare(clip)
            except Exception as exc:
                log.debug("denoising ahead failed: %s", exc)

    @Slot()
    def load(self) -> None:
        load = getattr(self.recognizer, "load", None)
        try:
            if load is not None:
                load()
        except Exception as exc:
            self.load_failed.emit(_sentence(exc, "speech recognizer"))
            return
        self._make_stream()
        self.ready.emit()
        notice = getattr(self.recognizer, "notice", None)
        if notice:
            self.notice.emit(str(notice))

    def _make_stream(self) -> None:
        with self._make_lock:  # the stream thread may ask for it while the STT thread does
            self._make_stream_once()

    def _make_stream_once(self) -> None:
        if self._stream is not None or not getattr(self.recognizer, "supports_prefix", False):
            return
        denoiser = None
        if self.denoise and getattr(self.recognizer, "prefers_denoise", True):
            from app.speech.denoise import Denoiser

            try:
                denoiser = Denoiser()
            except SpeechError as exc:
                log.warning("%s", exc)
        # The cheap pass decodes in a window sized to the answer, at a pause or the end only
        # its last seconds after the words streaming heard; ``final`` the whole, full window.
        self._stream = AnswerStream(
            self.recognizer,  # type: ignore[arg-type]
            denoiser,
            window=True,
            tail=True,
            settled_anchor=True,
        )

    def _decode(self, clip: AudioClip) -> Transcript:
        """The answer so far or whole: its tail after the words streaming heard."""
        if self._stream is None:
            self._make_stream()
        if self._stream is None:
            return self.recognizer.transcribe(clip)
        return self._stream.decode(clip)

    def _decode_pause(self, clip: AudioClip) -> tuple[Transcript, str]:
        """The pause's decode: the answer so far as :meth:`_decode` hears it, and its words for
        the end-of-turn decision: a :class:`~app.speech.quickwords.Heard` (how sure Whisper is
        of the last word, whether it looped, how the voice ended before the pause), or the plain
        text from a recognizer that decodes one way only."""
        if self._stream is None:
            self._make_stream()
        if self._stream is None:
            transcript = self.recognizer.transcribe(clip)
            return transcript, transcript.text
        transcript, words = self._stream.decode_words(clip)
        return transcript, pause_words(clip, transcript.text, words)

    @Slot()
    def stream(self) -> None:
        with self._pending_lock:
            clip, self._growing = self._growing, None
            if self._pending is not None:
                return  # a pause came meanwhile: its speculative decode goes first
            speculating = self._speculating
        if clip is None:
            return
        if speculating is not None and only_silence_after(speculating, clip):
            return  # the pause's decode (running now) hears all of it: not a second one beside
        early = self._early
        if early is not None and only_silence_after(early[0], clip):
            return  # the pause's early decode, done before its announcement, heard all of it
        if self._stream is None:
            self._make_stream()
        if self._stream is None:
            return
        # During a pause the answer grows by silence only: the last decode already heard it
        # all, and a decode now would only delay the pause's (or the end's) turn behind it.
        if self._covered(clip) is not None or self._too_soon(clip):
            try:  # no decode, but the new audio is denoised now rather than at the pause
                self._stream.prepare(clip)
            except Exception as exc:
                log.debug("denoising ahead failed: %s", exc)
            return
        done = threading.Event()
        with self._pending_lock:
            self._stepping, self._stepped_now = clip, done
            self._superseding = None
        try:
            cancelled_by = getattr(self.recognizer, "cancelled_by", None)
            if cancelled_by is None:
                self._step_once(clip)
            else:
                with cancelled_by(self._superseded):
                    self._step_once(clip)
        finally:
            with self._pending_lock:
                if self._stepping is clip:
                    self._stepping = None
            done.set()

    def _step_once(self, clip: AudioClip) -> None:
        assert self._stream is not None
        began = time.monotonic()
        try:
            started = time.perf_counter()
            text = self._stream.step(clip)
        except DecodeCancelled:  # a pause's decode hearing more took over (_superseded)
            self._log("stream-", began, clip)
            return
        except Exception as exc:
            log.debug("streaming decode failed: %s", exc)
            return
        self._log("stream", began, clip)
        self._stepped = (clip, time.perf_counter() - started)
        step = (
            clip,
            Transcript(text or "", clip.duration_s, time.perf_counter() - started),
            self._stream.stepped_words,
        )
        with self._step_lock:  # not for an answer that ended meanwhile (the STT thread)
            if text is None or self._stream.generation != self._stream.stepped_generation:
                return
            self._step = step
        self.stream_decodes += 1
        self.partial_text.emit(clip, text)

    @Slot()
    def speculate(self) -> None:
        with self._pending_lock:
            clip, self._pending = self._pending, None
            early, self._pending_early = self._pending_early, False
            self._growing = None  # the same audio, already being decoded here
            self._speculating = clip
            self._speculating_early = early
            stale = self._speculation_stale = threading.Event()
        if clip is None:
            return
        try:
            cancelled_by = getattr(self.recognizer, "cancelled_by", None)
            if cancelled_by is None:
                self._speculate(clip, early=early)
            else:
                with cancelled_by(stale.is_set):
                    self._speculate(clip, early=early)
        finally:
            with self._pending_lock:
                self._speculating = None
                self._speculating_early = False

    def _take_early(self, clip: AudioClip) -> tuple[Transcript, str] | None:
        """The early decode's words for the announced pause ``clip`` when that decode heard all
        of its speech (only silence came after its audio: a soft last word the first silent
        frame cut off is more speech, and ``clip`` is decoded instead); None otherwise."""
        early, self._early = self._early, None
        if early is None or not only_silence_after(early[0], clip):
            return None
        _heard, transcript, said = early
        return Transcript(transcript.text, clip.duration_s, transcript.elapsed_s), said

    def _speculate(self, clip: AudioClip, *, early: bool = False) -> None:
        """The pause's decode of ``clip``; ``early``: the pause is not announced yet, its words
        are kept (:meth:`_take_early`) rather than published."""
        began = time.monotonic()
        if not early:
            taken = self._take_early(clip)
            if taken is not None:  # the early decode heard this pause's speech: its words
                self._log("pause^", began, clip)
                self._spec = (clip, taken[0])
                self.speculative_decodes += 1
                self.partial_text.emit(clip, taken[1])
                return
        # The user stopped during the last streaming decode: it heard the whole answer already.
        self._await_covering_step(clip)
        step = self._step
        transcript: Transcript | None = None
        kind = "pause="
        said: str = ""
        if step is not None and only_silence_after(step[0], clip):  # its words, their doubt too
            transcript = Transcript(step[1].text, clip.duration_s, step[1].elapsed_s)
            said = pause_words(clip, step[1].text, step[2])
        try:
            if transcript is None:
                kind = "pause"
                if not early:  # an early one supersedes only once its pause is announced
                    with self._pending_lock:
                        self._supersede_locked(clip)
                transcript, said = self._decode_pause(clip)
        except DecodeCancelled:
            # a newer pause came (or, early, the voice came back): its decode goes next
            self._log("pause<-" if early else "pause-", began, clip)
            if not early:
                self._spec = None
            return
        except Exception as exc:
            log.debug("speculative decode failed: %s", exc)
            if not early:
                self._spec = None
            return
        if early:  # kept for the pause's announcement, published then
            self._log(kind.replace("pause", "pause<"), began, clip)
            self._early = (clip, transcript, said)
            return
        self._log(kind, began, clip)
        self._spec = (clip, transcript)
        self.speculative_decodes += 1
        self.partial_text.emit(clip, said)

    def _supersede_locked(self, clip: AudioClip) -> None:
        """(Under ``_pending_lock``.) The pause's decode of ``clip`` runs: a streaming decode
        still running over an earlier part of the same answer (the user spoke on after its
        clip) is of no use now, as this decode hears all it hears and more, so it stops at its
        next step and leaves the pause's decode the cores (bench/turn_gap.py, session 15: a
        streaming decode from before the speech end ran beside the last pause's decode in 6
        turns of 20, e.g. stream -556..197 ms beside pause 80..681 ms, two decodes sharing 2
        cores). It goes on when
        this pause's decode is dropped first (a newer pause). An early decode (the pause's first
        silent frame) supersedes only once its pause is announced (:meth:`offer`), 120 ms later:
        the voice coming back before that dropped it, and would have cost the answer a
        streaming decode for nothing (review 15 R1)."""
        stepping = self._stepping
        if (
            stepping is not None
            and len(clip.pcm) > len(stepping.pcm)
            and clip.pcm.startswith(stepping.pcm)
        ):
            self._superseding = self._speculation_stale

    def _superseded(self) -> bool:
        """The stream thread's streaming decode is of no use any more (:meth:`_supersede_locked`):
        a pause's decode that hears more runs, and was not dropped."""
        superseding = self._superseding
        return superseding is not None and not superseding.is_set()

    def _await_covering_step(self, clip: AudioClip) -> None:
        """When the streaming decode running now heard all of ``clip``'s speech (it began just
        after the user stopped: the microphone offers the growing answer about every second,
        so in about 4 turns of 10 one begins in the pause's first 120 ms), wait for it and use
        its words (at most :data:`PAUSE_WAITS_STEP_S`) rather than decode the same audio again
        beside it: two decodes of one answer on two cores took about as long as each alone
        would twice over (bench/turn_gap.py, session 10: 'stream' 56-736 ms and 'pause'
        119-851 ms after the speech end, both of the same 4.8 s)."""
        with self._pending_lock:
            stepping, done = self._stepping, self._stepped_now
        if stepping is None or not only_silence_after(stepping, clip):
            return
        step = self._step
        if step is not None and only_silence_after(step[0], clip):
            return  # a finished decode already covers it
        with self._pending_lock:
            stale = self._speculation_stale
        deadline = time.monotonic() + PAUSE_WAITS_STEP_S
        while not done.wait(0.02) and not stale.is_set() and time.monotonic() < deadline:
            pass

    @Slot(int, object)
    def transcribe(self, request_id: int, clip: AudioClip) -> None:
        with self._pending_lock:
            self._pending = None  # the answer is final: no more guessing
            self._growing = None
        began = time.monotonic()
        reused = self._covered(clip)
        self._spec = None
        if reused is not None:
            self.speculative_hits += 1
            transcript = reused
            self._log("end=", began, clip)
        else:
            try:
                transcript = self._decode(clip)
            except Exception as exc:
                self._end_answer()
                self.transcribe_failed.emit(request_id, _sentence(exc, "speech recognizer"))
                return
            self._log("end", began, clip)
        self.transcribed.emit(
            request_id, Transcript(transcript.text, clip.duration_s, transcript.elapsed_s)
        )
        if self._stream is None:  # a recognizer that decodes one way only: that was final
            self.final_transcribed.emit(request_id, None)
        else:  # the accurate pass, on the final thread, over this answer's denoised audio
            self.final_requested.emit(request_id, self._stream.audio(clip), clip.duration_s)
        self._end_answer()

    def _too_soon(self, clip: AudioClip) -> bool:
        """The answer grew by less than :data:`STREAM_DUTY` times the last streaming decode's
        time since that decode's clip (the same answer): this offer is skipped, a later one
        decodes."""
        last = self._stepped
        if last is None or not clip.pcm.startswith(last[0].pcm):
            return False
        return clip.duration_s - last[0].duration_s < STREAM_DUTY * last[1]

    def _end_answer(self) -> None:
        self._early = None
        with self._pending_lock:
            self._answers += 1
            self._fed = None
        with self._step_lock:  # never the GUI thread's lock: a reset restarts the denoiser
            self._step = None
            if self._stream is not None:
                self._stream.reset()

    def _covered(self, clip: AudioClip, *, spec: bool = True) -> Transcript | None:
        """The text of the last decode of this answer (the pause's speculation, with ``spec``,
        or the last streaming step) when ``clip`` is that decode's audio followed by silence
        only: no new speech arrived since, so decoding again could only repeat it."""
        for done in (self._spec if spec else None, self._step):
            if done is not None and only_silence_after(done[0], clip):
                return Transcript(done[1].text, clip.duration_s, done[1].elapsed_s)
        return None


class _StreamJob(QObject):
    """Lives in the stream thread: the decodes of the answer while it is being spoken, beside
    the STT thread's pause and end decodes (the recognizer decodes on three workers at once), so
    a pause's decode never waits for a streaming decode of less audio to finish."""

    def __init__(self, stt: _SttJob) -> None:
        super().__init__()
        self.stt = stt

    @Slot()
    def stream(self) -> None:
        self.stt.stream()


class _DenoiseJob(QObject):
    """Lives in the denoise thread: filters the answer as it is spoken (:meth:`_SttJob.feed`)."""

    def __init__(self, stt: _SttJob) -> None:
        super().__init__()
        self.stt = stt

    @Slot()
    def feed(self) -> None:
        self.stt.feed()


def pause_words(clip: AudioClip, text: str, words: Sequence[HeardWord]) -> str:
    """The pause decode's ``text`` as the end-of-turn decision reads it: a
    :class:`~app.speech.quickwords.Heard` with the probability Whisper gave the last word of
    ``words`` (the decode's own; lone trailing periods aside), whether the decode looped, and
    how the voice ended before the pause (app.speech.prosody, on ``clip``: the raw audio, here
    off the GUI thread). Until session 9 a second decode gave these: Whisper tiny.en on the
    pause's last 3-4.5 s, on the microphone's thread, beside this one, and the end of every turn
    waited for it (bench/turn_gap.py: the decision came 0.3-1.1 s after the speech end, the
    two decodes sharing the cores). Plain ``text`` when no word came with it (no word times)."""
    from app.speech.prosody import ending
    from app.speech.quickwords import Heard, heard

    found = heard(words)
    if not found.strip() or not text.strip():
        return text  # no word times (or only periods): the words alone, no doubt to weigh
    voice = ending(clip)
    return Heard(
        text,
        found.last_p,
        looped=found.looped,
        continues=voice is not None and voice.continues,
        falls=voice is not None and voice.falls,
    )


def only_silence_after(heard: AudioClip, clip: AudioClip) -> bool:
    """Whether ``clip`` is ``heard`` followed by silence only: every 20 ms of the rest under
    twice ``heard``'s background noise (its quietest tenth; at most half its speech level), so
    steady room noise in a pause is not taken for a word, and 26 dB under its voiced frames
    (their median), so a soft last word ("...I guess", "thanks") said well under the answer
    still counts as more speech."""
    if heard.sample_rate != clip.sample_rate or not clip.pcm.startswith(heard.pcm):
        return False
    frame = clip.sample_rate // 50
    rest = frame_levels(np.frombuffer(clip.pcm[len(heard.pcm) :], np.int16), frame)
    if not rest.size:
        return True
    before = frame_levels(np.frombuffer(heard.pcm, np.int16), frame)
    if not before.size:
        return False
    return float(rest.max()) <= speech_limit(before)


class SpeechWorker(QObject):
    """The voice and the recognizer behind queued requests; results come back as signals.

    Create it in the GUI thread; it starts its threads at once. Every method is safe to call
    from the thread that created it; results are delivered in that thread. Call :meth:`stop`
    before quitting (it joins the threads).

    Signals:
        rendered(int, str): request id and the WAV path of the line, ready to play.
        render_failed(int, str): request id and a sentence saying why the line has no voice.
        transcribed(int, object): request id and the provisional Transcript (the cheap pass),
            as soon as the answer ended: the reply is framed from it.
        final_transcribed(int, object): after each ``transcribed``, the same request id and the
            accurate Transcript (the whole answer in Whisper's full window), or None when there
            is no better pass or it failed: the provisional one stands.
        transcribe_failed(int, str): request id and a sentence (timeout, engine failure).
        recognizer_ready(): the model is loaded and warm.
        recognizer_failed(str): the model could not be loaded; a sentence for the user.
        recognizer_notice(str): after ``recognizer_ready``, when another model than the one
            wanted loaded (base missing or damaged, or this machine too slow for it): a sentence.
        partial_text(object, object): the answer's clip so far and its text so far (a str),
            after every streaming or speculative decode of the answer in progress (committed
            words first, then the newest tentative ones); for end-of-turn decisions and live
            captions.
    """

    rendered = Signal(int, str)
    render_failed = Signal(int, str)
    transcribed = Signal(int, object)
    final_transcribed = Signal(int, object)
    transcribe_failed = Signal(int, str)
    recognizer_ready = Signal()
    recognizer_failed = Signal(str)
    recognizer_notice = Signal(str)
    partial_text = Signal(object, object)

    _render_requested = Signal(int, object, object)
    _prerender_requested = Signal(list, object)
    _transcribe_requested = Signal(int, object)
    _speculate_requested = Signal()
    _stream_requested = Signal()
    _feed_requested = Signal()
    _load_requested = Signal()

    def __init__(
        self,
        voice: Voice,
        recognizer: Recognizer,
        cache_dir: Path,
        *,
        recognizer_timeout_s: float = 30.0,
        denoise: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.cache = VoiceCache(voice, cache_dir)
        self.recognizer = recognizer
        self.recognizer_timeout_s = recognizer_timeout_s
        self._deadlines: dict[int, float] = {}  # request id -> time.monotonic() deadline
        self._finals: set[int] = set()  # request ids whose provisional transcript went out
        self._deadline_timer = QTimer(self)
        self._deadline_timer.setSingleShot(True)
        self._deadline_timer.timeout.connect(self._on_deadline_timer_timeout)

        self._tts_thread = QThread()
        self._tts_thread.setObjectName("frameshift-tts")
        self._tts = _TtsJob(self.cache)
        self._tts.moveToThread(self._tts_thread)
        self._render_requested.connect(self._tts.render)
        self._prerender_requested.connect(self._tts.prerender)
        self._tts.rendered.connect(self.rendered)
        self._tts.render_failed.connect(self.render_failed)

        self._stt_thread = QThread()
        self._stt_thread.setObjectName("frameshift-stt")
        # CTranslate2 and ONNX need deep stacks; some platforms give new threads only 512 KB.
        self._stt_thread.setStackSize(32 * 1024 * 1024)
        self._stt = _SttJob(recognizer, denoise=denoise)
        self._stt.moveToThread(self._stt_thread)
        self._stream_thread = QThread()
        self._stream_thread.setObjectName("frameshift-stt-stream")
        self._stream_thread.setStackSize(32 * 1024 * 1024)
        self._streamer = _StreamJob(self._stt)
        self._streamer.moveToThread(self._stream_thread)
        self._denoise_thread = QThread()
        self._denoise_thread.setObjectName("frameshift-stt-denoise")
        self._denoise_thread.setStackSize(32 * 1024 * 1024)
        self._denoiser = _DenoiseJob(self._stt)
        self._denoiser.moveToThread(self._denoise_thread)
        self._final_thread = QThread()
        self._final_thread.setObjectName("frameshift-stt-final")
        self._final_thread.setStackSize(32 * 1024 * 1024)
        self._final = _FinalJob(recognizer)
        self._final.moveToThread(self._final_thread)
        self._stt.final_requested.connect(self._final.decode)
        self._final.final_transcribed.connect(self._on_stt_final_transcribed)
        self._transcribe_requested.connect(self._stt.transcribe)
        self._speculate_requested.connect(self._stt.speculate)
        self._stream_requested.connect(self._streamer.stream)
        self._feed_requested.connect(self._denoiser.feed)
        self._load_requested.connect(self._stt.load)
        self._stt.transcribed.connect(self._on_stt_transcribed)
        self._stt.final_transcribed.connect(self._on_stt_final_transcribed)
        self._stt.transcribe_failed.connect(self._on_stt_transcribe_failed)
        self._stt.ready.connect(self.recognizer_ready)
        self._stt.partial_text.connect(self.partial_text)
        self._stt.notice.connect(self.recognizer_notice)
        self._stt.load_failed.connect(self.recognizer_failed)

        self._tts_thread.start()
        self._stt_thread.start()
        self._stream_thread.start()
        self._denoise_thread.start()
        self._final_thread.start()

    # -- requests ---------------------------------------------------------------------------
    def request_render(
        self, request_id: int, parts: str | Sequence[str], settings: VoiceSettings
    ) -> None:
        """Render a line: its text, or its parts (said in order with a short pause between)."""
        said = (parts,) if isinstance(parts, str) else tuple(parts)
        self._render_requested.emit(request_id, said, settings)

    def request_prerender(self, lines: list[str], settings: VoiceSettings) -> None:
        self._prerender_requested.emit(list(lines), settings)

    def request_transcribe(self, request_id: int, clip: AudioClip) -> None:
        self._deadlines[request_id] = time.monotonic() + self.recognizer_timeout_s
        self._arm_deadline_timer()
        self._transcribe_requested.emit(request_id, clip)

    def speculate(self, clip: AudioClip) -> None:
        """Decode ``clip`` now in case it is the whole answer (connect to silence_started)."""
        self._stt.offer(clip)
        self._final.answering(True)
        self._speculate_requested.emit()

    def speculate_early(self, clip: AudioClip) -> None:
        """A pause began (connect to the microphone's ``pause_began``, its first silent frame):
        decode ``clip`` now, but publish its words only when the pause is announced
        (:meth:`speculate`) with nothing but silence after ``clip``, as that pause's words;
        otherwise the announced clip is decoded as before. The decode gains the announcement's
        wait (120 ms) and a soft last word after the first silent frame is never lost."""
        self._stt.offer(clip, early=True)
        self._final.answering(True)
        self._speculate_requested.emit()

    def drop_early(self) -> None:
        """The voice came back before the pause that began was announced (connect to the
        microphone's ``pause_broken``): its early decode stops at its next step."""
        self._stt.drop_early()

    def stream(self, clip: AudioClip) -> None:
        """The answer so far, while the user still speaks (about every second): decoded when
        the STT thread is free, older offers dropped; results come as ``partial_text``."""
        self._stt.offer_growing(clip)
        self._final.answering(True)  # the accurate passes wait: this answer's decodes first
        self._stream_requested.emit()

    def feed(self, clip: AudioClip) -> None:
        """The answer so far, while the user speaks (connect to the microphone's
        ``speech_fed``, about every 0.2 s): its new audio is denoised at once on the denoise
        thread, decoding nothing; older offers are dropped. Without a denoiser, nothing."""
        self._stt.offer_fed(clip)
        self._feed_requested.emit()

    def start_final(self, request_id: int) -> None:
        """``request_id``'s provisional transcript was used (the reply is playing): its accurate
        pass may run now. Without this call it is never decoded (and nothing is emitted)."""
        self._final.release(request_id)

    def skip_final(self, request_id: int) -> None:
        """``request_id``'s answer was not taken (the user went on, the conversation ended):
        its accurate pass is dropped at once."""
        self._final.skip(request_id)

    def answering(self, now: bool) -> None:
        """Whether an answer is being heard (the accurate passes wait meanwhile); the
        microphone's stream/speculate say yes, its transcript no; say no when listening stops
        without one."""
        self._final.answering(now)

    def load_recognizer(self) -> None:
        self._load_requested.emit()

    @property
    def speculative_hits(self) -> int:
        return self._stt.speculative_hits

    @property
    def stream_decodes(self) -> int:
        return self._stt.stream_decodes

    @property
    def final_decodes(self) -> int:
        """Accurate (full-window) passes that completed."""
        return self._final.decodes

    @property
    def prerender_backlog(self) -> int:
        """Lines still waiting to be pre-rendered (0 once every line of the rehearsal is cached;
        read from the GUI thread, so a line being rendered right now is not counted)."""
        return self._tts.backlog

    @property
    def running(self) -> bool:
        return any(t.isRunning() for t in self._threads)

    @property
    def _threads(self) -> tuple[QThread, ...]:
        return (
            self._tts_thread,
            self._stt_thread,
            self._stream_thread,
            self._denoise_thread,
            self._final_thread,
        )

    def stop(self, timeout_s: float = 10.0) -> bool:
        """Quit and join the threads; False if one was still busy after ``timeout_s``."""
        self._deadline_timer.stop()
        self._deadlines.clear()
        self._finals.clear()
        self._final.stop()  # finals still waiting are dropped: the provisional words stand
        joined = True
        for thread in self._threads:
            thread.quit()
        for thread in self._threads:
            joined = thread.wait(round(timeout_s * 1000)) and joined
        return joined

    # -- results ----------------------------------------------------------------------------
    def _arm_deadline_timer(self) -> None:
        """One timer for all pending requests, set for the earliest deadline."""
        if not self._deadlines:
            self._deadline_timer.stop()
            return
        wait = min(self._deadlines.values()) - time.monotonic()
        self._deadline_timer.start(max(0, round(wait * 1000)))

    def _settle(self, request_id: int) -> bool:
        if self._deadlines.pop(request_id, None) is None:
            return False  # timed out already: the late result is dropped
        self._arm_deadline_timer()
        return True

    def _on_stt_transcribed(self, request_id: int, transcript: Transcript) -> None:
        self._final.answering(False)  # the answer's cheap passes are done
        if self._settle(request_id):
            self._finals.add(request_id)
            self.transcribed.emit(request_id, transcript)

    def _on_stt_final_transcribed(self, request_id: int, transcript: Transcript | None) -> None:
        if request_id in self._finals:  # not for a request that timed out
            self._finals.discard(request_id)
            self.final_transcribed.emit(request_id, transcript)

    def _on_stt_transcribe_failed(self, request_id: int, message: str) -> None:
        self._final.answering(False)
        if self._settle(request_id):
            self.transcribe_failed.emit(request_id, message)

    def _on_deadline_timer_timeout(self) -> None:
        now = time.monotonic()
        for request_id in [r for r, due in self._deadlines.items() if due <= now]:
            if self._settle(request_id):
                self.transcribe_failed.emit(
                    request_id,
                    f"The recognizer took longer than {self.recognizer_timeout_s:g} s.",
                )
        self._arm_deadline_timer()
