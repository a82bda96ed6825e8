"""Capture from a microphone with QAudioSource and find answers in it with :class:`Vad`.

Deadlock-free by construction: the one QAudioSource is created, started, stopped and destroyed on
the GUI thread, opened once per rehearsal and kept running between answers; no Python slot is
connected to any signal of Qt's audio objects (a GUI-thread timer reads the device and watches its
state), so no Python code ever runs on Qt's media threads or under their locks.

Stall-free: the end-of-turn model (Smart Turn, ~0.2 s a look on a quiet machine, ~0.8 s loaded)
runs on one worker thread the microphone owns; the detector asks (:class:`TurnCheck`), capture
goes on, and the answer comes back queued to the GUI thread (:meth:`Vad.turn_verdict`). Silero
VAD stays in the GUI thread: ~0.3 ms per 32 ms frame.

The pause's words come from the recognizer's decode of the pause (:meth:`hint_text`, connected
to ``SpeechWorker.partial_text``: a :class:`~app.speech.quickwords.Heard` with Whisper's doubt of
the last word and the voice's ending). A ``words`` callable given here (a quick decode of a
pause's last seconds, :meth:`Vad.hint_text` with ``tail=True``) still runs on the end-of-turn
thread; the product's (:meth:`EndpointModels.words`) decodes nothing since session 9.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QIODevice, QObject, Qt, QTimer, Signal
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QAudioSource, QMediaDevices, QtAudio

from app.speech.aec import EchoCanceller
from app.speech.audio import TARGET_RATE, AudioClip, meter_level, resample, rms
from app.speech.echo import EchoReference
from app.speech.qtaudio import quiet_qt_multimedia, sound_server_available
from app.speech.quickwords import Heard
from app.speech.vad import (
    EndOfTurn,
    PauseBegan,
    PauseBroken,
    SilenceStarted,
    SpeechEnded,
    SpeechStarted,
    TurnCheck,
    Vad,
    VadConfig,
    VadEvent,
    VoiceProb,
)

log = logging.getLogger(__name__)

#: Listening without an answer this long earns one gentle prompt (listening goes on).
PROMPT_AFTER_S = 12.0
#: The answer so far in, a transcript of its last TAIL_S out (None: no model for it); a
#: :class:`~app.speech.quickwords.Heard` also says how sure the decode was of its last word.
QuickWords = Callable[[AudioClip], str | None]

_ERRORS = {
    QtAudio.Error.OpenError: (
        "The microphone could not be opened: access was refused or it is in use."
    ),
    QtAudio.Error.IOError: "The microphone stopped delivering sound.",
    QtAudio.Error.FatalError: "The microphone failed and was closed.",
}


def _device_id(device: QAudioDevice) -> str:
    return bytes(device.id().data()).decode("utf-8", "replace")


def input_devices() -> list[tuple[str, str]]:
    """``(id, description)`` of every input device, default first; empty with no sound server."""
    if not sound_server_available():
        return []
    quiet_qt_multimedia()
    devices = sorted(QMediaDevices.audioInputs(), key=lambda d: not d.isDefault())
    return [(_device_id(d), d.description()) for d in devices]


def _find_device(wanted: str) -> QAudioDevice | None:
    inputs = QMediaDevices.audioInputs()
    if wanted:
        for device in inputs:
            if wanted in (_device_id(device), device.description()):
                return device
        return None
    default = QMediaDevices.defaultAudioInput()
    return None if default.isNull() else default


def _speech_format() -> QAudioFormat:
    fmt = QAudioFormat()
    fmt.setSampleRate(TARGET_RATE)
    fmt.setChannelCount(1)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt


def _to_mono16k(data: bytes, fmt: QAudioFormat) -> npt.NDArray[np.int16]:
    """Convert a chunk in the device's own format to 16 kHz mono int16."""
    kind = fmt.sampleFormat()
    if kind == QAudioFormat.SampleFormat.Int16:
        x = np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0
    elif kind == QAudioFormat.SampleFormat.Int32:
        x = (np.frombuffer(data, dtype="<i4").astype(np.float64) / 2**31).astype(np.float32)
    elif kind == QAudioFormat.SampleFormat.Float:
        x = np.frombuffer(data, dtype="<f4").astype(np.float32)
    else:  # UInt8
        x = (np.frombuffer(data, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
    channels = max(1, fmt.channelCount())
    if channels > 1:
        x = x[: len(x) - len(x) % channels].reshape(-1, channels).mean(axis=1)
    x = resample(x, fmt.sampleRate(), TARGET_RATE)
    return np.round(np.clip(x, -1.0, 1.0) * 32767).astype(np.int16)


class EndpointModels:
    """Silero VAD and Smart Turn, loaded on a thread of their own (about 2 s under load: never on
    the GUI thread). Until Silero is there, frames are judged by loudness (``voice`` returns
    None); a Smart Turn look waits for the load on the end-of-turn thread. What cannot load falls
    back, with a reason in :attr:`reasons` and the log.

    No quick words since session 9 (:meth:`words`): the recognizer's own decode of the pause
    gives the pause's words with Whisper's doubt of the last one and the voice's ending
    (``SpeechWorker.partial_text``, :func:`app.speech.worker.pause_words`)."""

    def __init__(self) -> None:
        self.reasons: list[str] = []
        self._voice: Any = None
        self._turn: Any = None
        self._loaded = threading.Event()
        threading.Thread(target=self._load, name="frameshift-endpoint-load").start()

    def _load(self) -> None:
        from app.speech.endpoint import SileroVoice, SmartTurn

        self._turn = self._try(SmartTurn, "An answer ends after a fixed pause instead.")
        self._voice = self._try(SileroVoice, "Speech is found by its loudness instead.")
        for reason in self.reasons:
            log.warning("%s", reason)
        self._loaded.set()

    def _try(self, build: Callable[[], Any], fallback: str) -> Any:
        """``build()``, or None with a reason: a missing or damaged model (a SpeechError says
        why in a sentence) or anything unexpected, so a look never waits for a load that died."""
        from app.speech.errors import SpeechError

        try:
            return build()
        except SpeechError as exc:
            self.reasons.append(f"{exc} {fallback}")
        except Exception as exc:  # a load thread must always finish
            self.reasons.append(f"A speech model could not load ({exc!r}). {fallback}")
        return None

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until the models are loaded or given up (not on the GUI thread)."""
        return self._loaded.wait(timeout_s)

    def voice(self, frame: npt.NDArray[np.int16]) -> float | None:
        return self._voice(frame) if self._voice is not None else None

    def turn(self, clip: AudioClip) -> float | None:
        """Smart Turn's probability; None when it is missing (the fixed hang-over decides)."""
        self._loaded.wait()
        return float(self._turn(clip)) if self._turn is not None else None

    def words(self, clip: AudioClip) -> Heard | None:
        """None: no second decode of a pause (a microphone given this turns the words' rule on,
        ``VadConfig.use_text``, and drops its quick words at the first pause). Until session 9
        Whisper tiny.en decoded the pause's last 3-4.5 s here, beside the recognizer's decode of
        the same pause, and every end of turn waited for it: 0.3-1.1 s after the speech end in
        bench/turn_gap.py on 2 shared cores, where the recognizer's one decode (Whisper base,
        its words timed) takes about 0.2 s alone on this session's CPU."""
        return None


class QtMicrophone(QObject):
    """The microphone of a rehearsal: always capturing once opened, answers found by the VAD.

    ``start()`` opens the device (once) and listens for an answer; ``stop()`` drops an answer in
    progress but keeps capturing, so the next answer's first word is never lost; ``release()``
    closes the device at the end of the rehearsal. Speech is detected even while not listening
    (the user talking over the manager's line: barge-in); the owner decides what to do with it.
    ``push_to_talk(True/False)`` bypasses the VAD: everything between press and release (with a
    300 ms pre-roll) is the answer. The device is opened at 16 kHz mono Int16; a device that
    refuses that runs in its preferred format and is converted here.

    Signals:
        level_changed(float): input level 0..1 (RMS on a -60..0 dBFS scale), per chunk.
        speech_started(): the VAD (or push-to-talk) heard an answer begin.
        pause_began(object): with ``VadConfig.pause_decode_ms``, a pause began (not announced
            yet); the AudioClip so far, for the pause's decode to start early.
        pause_broken(): the voice came back before that pause was announced.
        silence_started(object): a pause began; the AudioClip so far, for a speculative decode.
        speech_ended(object): the answer as an AudioClip (16 kHz mono), from its pre-roll.
        no_speech(): ``prompt_after_s`` of listening without an answer (said once per start());
            listening goes on.
        speech_growing(object): the answer so far (an AudioClip from its pre-roll), about every
            ``GROW_S`` while it is being spoken, for a streaming decode.
        speech_fed(object): the answer so far, about every ``FEED_S`` while it is being spoken
            (its pauses too), so the noise filter keeps up with the audio and a pause's decode
            finds little left to filter (:meth:`app.speech.worker.SpeechWorker.feed`).
        failed(str): no device, access refused, or unplugged; a sentence for the user.
    """

    level_changed = Signal(float)
    speech_started = Signal()
    silence_started = Signal(object)
    pause_began = Signal(object)
    pause_broken = Signal()
    speech_ended = Signal(object)
    no_speech = Signal()
    failed = Signal(str)
    speech_growing = Signal(object)
    speech_fed = Signal(object)
    #: look id, probability: emitted from the end-of-turn thread, received queued (GUI thread).
    _judged = Signal(int, float)
    #: clip, quick words: the same way.
    _heard = Signal(object, object)  # the clip, its Heard words (a str subclass: kept whole)

    POLL_MS = 20
    GROW_S = 1.0
    #: DeepFilterNet3 costs ~0.1 s a second of audio here: fed only with ``speech_growing``
    #: (every GROW_S), a pause's decode first filtered the ~0.5-1 s since the last offer (~92 ms
    #: of the turn gap, session 13's profile); fed this often, ~0.2 s at most.
    FEED_S = 0.2

    def __init__(
        self,
        device_id: str = "",
        config: VadConfig | None = None,
        parent: QObject | None = None,
        *,
        echo: EchoReference | None = None,
        voice_prob: VoiceProb | None = None,
        end_of_turn: EndOfTurn | None = None,
        words: QuickWords | None = None,
        prompt_after_s: float | None = PROMPT_AFTER_S,
    ) -> None:
        """``words``: a quick decode of a pause's last seconds (:meth:`EndpointModels.words`);
        given, the words' rule is on from the start (``VadConfig.use_text``)."""
        super().__init__(parent)
        self.device_id = device_id
        if words is not None:
            config = replace(config or VadConfig(), use_text=True)
        self.vad = Vad(config, voice_prob=voice_prob, ask_end_of_turn=end_of_turn is not None)
        self._end_of_turn = end_of_turn
        self._words = words
        self._judge: ThreadPoolExecutor | None = None
        self._judge_lock = threading.Lock()
        # The newest pause not yet decoded, and its number.
        self._words_waiting: tuple[AudioClip, int] | None = None
        #: milliseconds each end-of-turn look took on its thread (the last 200), for benches.
        self.look_ms: deque[float] = deque(maxlen=200)
        #: How each answer's end was decided (the last 200), for benches: see :meth:`_decided`.
        self.decisions: deque[dict[str, Any]] = deque(maxlen=200)
        self._steps: list[tuple[str, float, str]] = []  # this answer's (step, time, detail)
        self._pause_no = 0
        self._pause_at = 0.0  # monotonic time the last pause began (from its audio length)
        self._judged.connect(self._on_judged, Qt.ConnectionType.QueuedConnection)
        self._heard.connect(self._on_heard, Qt.ConnectionType.QueuedConnection)
        self._grown_at = 0.0
        self._fed_at = 0.0
        self.echo = echo
        self._canceller: EchoCanceller | None = None
        self._aec_missing = False
        #: Run the echo canceller (:class:`~app.speech.aec.EchoCanceller`) on the capture. OFF in
        #: the product: live through the real window (session 11, open speakers, load 16) it
        #: recognized fewer first words than the gate alone; benches turn it on.
        self.echo_canceller = False
        #: With the canceller running, subtract the app's voice; False hands the detector the
        #: capture as it came (benches compare the gate alone in the same run).
        self.cancel_echo = True
        self._raw_pending = np.zeros(0, np.int16)
        c = self.vad.config
        self.prompt_after_s = c.no_speech_timeout_s or prompt_after_s
        self._source: QAudioSource | None = None
        self._source_device = ""
        self._io: QIODevice | None = None
        self._device: QAudioDevice | None = None
        self._format = _speech_format()
        self._armed = False
        self._armed_at = 0.0
        self._prompted = False
        self._ptt_from: int | None = None
        self._devices: QMediaDevices | None = None
        self.speech_onset_at: float | None = None  # monotonic time the last answer's voice began
        self._poll = QTimer(self)
        self._poll.setInterval(self.POLL_MS)
        self._poll.timeout.connect(self._on_poll_timeout)

    @property
    def listening(self) -> bool:
        """Open and waiting for (or hearing) an answer."""
        return self._armed and self.capturing

    @property
    def capturing(self) -> bool:
        return self._io is not None

    def hint_text(self, clip: AudioClip, text: str) -> None:
        """A transcript of the answer so far (connect the worker's ``partial_text`` here): words
        that stop mid-sentence ("I'd like to...") keep listening whatever Smart Turn says. The
        first call turns the words' rule on (``VadConfig.use_text``)."""
        if not self.vad.config.use_text:
            self.vad.config = replace(self.vad.config, use_text=True)
        p = getattr(text, "last_p", None)
        sure = "" if p is None else f" p={p:.2f}"
        self._note("words", f"{self._covers(clip)}{sure} {text[-40:]!r}")
        self._dispatch(self.vad.hint_text(clip, text))

    def attach_echo(self, echo: EchoReference | None) -> None:
        """What the app plays, so its own voice is never taken for an answer."""
        self.echo = echo

    def open(self) -> bool:
        """Start capturing (once; later calls return at once). False with a ``failed`` sentence."""
        if self._io is not None:
            return True
        return self._open()

    def start(self) -> None:
        """Listen for an answer; an answer already being spoken is kept (its pre-roll too)."""
        if not self.open():
            return
        if not self._armed:
            self._armed = True
            self._armed_at = time.monotonic()
            self._prompted = False

    def stop(self) -> None:
        """Stop listening and drop any answer in progress; capture goes on until release()."""
        self._armed = False
        self._ptt_from = None
        self.vad.reset()

    def continue_answer(self) -> bool:
        """The speech just started continues the last answer (the turn was ended too early):
        the next ``speech_ended`` carries both, as one clip. False if it cannot."""
        return self.vad.continue_previous()

    def release(self) -> None:
        """Close the device (end of the rehearsal). The audio object is kept for the next one."""
        self.stop()
        self._poll.stop()
        io, self._io = self._io, None
        if io is not None and self._source is not None:
            self._source.stop()
        with self._judge_lock:
            judge, self._judge = self._judge, None
        if judge is not None:
            judge.shutdown(wait=False, cancel_futures=True)

    def push_to_talk(self, pressed: bool) -> None:
        """Hold to talk: pressing starts the answer, releasing ends it."""
        if pressed:
            if not self.open():
                return
            self._read_available()
            self._ptt_from = self.vad.ring.end - TARGET_RATE * 3 // 10
            self.vad.reset()
            self.speech_onset_at = time.monotonic()
            self.speech_started.emit()
            return
        if self._ptt_from is None:
            return
        self._read_available()
        clip = self.vad.clip_since(self._ptt_from)
        self._ptt_from = None
        self._armed = False
        self.vad.reset()
        self.speech_ended.emit(clip)

    # -- device ---------------------------------------------------------------------------
    def _open(self) -> bool:
        if not sound_server_available():
            self.failed.emit("No microphone found: no sound system is running. Type your answer.")
            return False
        quiet_qt_multimedia()
        device = _find_device(self.device_id)
        if device is None:
            which = (
                f"The microphone {self.device_id!r} is not connected"
                if self.device_id
                else ("No microphone found")
            )
            self.failed.emit(f"{which}. Choose one in Settings > Microphone, or type your answer.")
            return False
        if self._source is None or self._source_device != _device_id(device):
            self._make_source(device)
        assert self._source is not None
        if self._devices is None:
            self._devices = QMediaDevices(self)
            # Queued: whatever thread Qt announces device changes from, the slot runs here.
            self._devices.audioInputsChanged.connect(
                self._on_devices_audio_inputs_changed, Qt.ConnectionType.QueuedConnection
            )
        self._io = self._source.start()
        if self._io is None or self._source.error() != QtAudio.Error.NoError:
            self._fail(self._source.error())
            return False
        # A new capture stream: the echo canceller times it afresh (made again on first use).
        self._canceller, self._raw_pending = None, np.zeros(0, np.int16)
        self._poll.start()
        return True

    def _make_source(self, device: QAudioDevice) -> None:
        """The one QAudioSource, made here in the GUI thread; replaced only for a new device."""
        fmt = _speech_format()
        if not device.isFormatSupported(fmt):
            fmt = device.preferredFormat()
            log.info(
                "%s does not take 16 kHz mono; converting from %s Hz",
                device.description(),
                fmt.sampleRate(),
            )
        old, self._source = self._source, None
        if old is not None:
            old.stop()
            old.deleteLater()
        self._device, self._format = device, fmt
        self._source = QAudioSource(device, fmt, self)
        # Two seconds: a busy GUI thread that reads late loses nothing (250 ms lost 0.75 s of a
        # 1 s stall, the first words of an answer among them).
        self._source.setBufferSize(fmt.bytesForDuration(2_000_000))
        self._source_device = _device_id(device)

    def _fail(self, error: QtAudio.Error) -> None:
        self.release()
        self.failed.emit(_ERRORS.get(error, "The microphone failed."))

    # -- slots ----------------------------------------------------------------------------
    def _on_devices_audio_inputs_changed(self) -> None:
        if self._io is None or self._device is None:
            return
        ids = {_device_id(d) for d in QMediaDevices.audioInputs()}
        if _device_id(self._device) not in ids:
            self.release()
            self.failed.emit(
                "The microphone was disconnected. Plug it back in, or type your answer."
            )

    def _on_poll_timeout(self) -> None:
        source = self._source
        if source is None or self._io is None:
            return
        if source.state() == QtAudio.State.StoppedState and source.error() != QtAudio.Error.NoError:
            self._fail(source.error())
            return
        self._read_available()
        now = time.monotonic()
        if self.vad.in_speech and now - self._grown_at >= self.GROW_S:
            self._grown_at = now
            self._fed_at = now
            self.speech_growing.emit(self.vad.current_clip())
        elif self.vad.in_speech and now - self._fed_at >= self.FEED_S:
            self._fed_at = now
            self.speech_fed.emit(self.vad.current_clip())
        if (
            self._armed
            and self.prompt_after_s is not None
            and not self._prompted
            and not self.vad.in_speech
            and time.monotonic() - self._armed_at >= self.prompt_after_s
        ):
            self._prompted = True
            self.no_speech.emit()

    def _read_available(self) -> None:
        if self._io is None:
            return
        data = bytes(self._io.readAll().data())
        if not data:
            return
        samples = _to_mono16k(data, self._format)
        gain = 1.0
        canceller = self._echo_canceller()
        if canceller is not None:  # his voice subtracted before anything listens (10 ms late)
            cleaned = canceller.process(samples, time.monotonic())
            raw = np.concatenate([self._raw_pending, samples])
            self._raw_pending = raw[len(cleaned) :].copy()
            if self.cancel_echo:
                samples, gain = cleaned, canceller.gain
            else:  # measured only (benches compare): the gate alone, on the capture as it came
                samples = raw[: len(cleaned)]
        self.level_changed.emit(meter_level(rms(samples)))
        if self._ptt_from is not None:
            self.vad.ring.write(samples)
            return
        # The gate holds back only what the canceller leaves of his voice (all of it until the
        # canceller has converged, or without one).
        self.vad.echo_gate.residue = gain
        echo = self.echo.level() if self.echo is not None else 0.0
        self._dispatch(self.vad.feed(samples, echo))

    def _echo_canceller(self) -> EchoCanceller | None:
        """The canceller for :attr:`echo`, made on first use; None without a reference or
        without SpeexDSP (a notice in the log once: the gate alone then)."""
        if not self.echo_canceller or self.echo is None or self._aec_missing:
            return None
        if self._canceller is None or self._canceller.reference is not self.echo:
            try:
                self._canceller = EchoCanceller(self.echo)
            except OSError as exc:
                self._aec_missing = True
                log.warning("%s", exc)
                return None
        return self._canceller

    # -- end of turn, off the GUI thread ----------------------------------------------------
    def _executor(self) -> ThreadPoolExecutor:
        with self._judge_lock:
            if self._judge is None:
                self._judge = ThreadPoolExecutor(1, thread_name_prefix="frameshift-endpoint")
            return self._judge

    def _ask(self, check: TurnCheck) -> None:
        model = self._end_of_turn
        if model is None:
            return
        self._executor().submit(self._judge_in_thread, model, check)

    def _ask_words(self, clip: AudioClip) -> None:
        """Queue a quick decode of this pause; a newer pause replaces one still waiting, so
        breaths in fluent speech never stack stale decodes ahead of the real end's look."""
        words = self._words
        if words is None or not self.vad.config.use_text:
            return
        with self._judge_lock:
            waiting = self._words_waiting is not None
            self._words_waiting = (clip, self._pause_no)
        if not waiting:
            self._executor().submit(self._words_in_thread, words)

    def _words_in_thread(self, words: QuickWords) -> None:
        """Runs on the end-of-turn thread: touches no Qt object but the queued signal."""
        with self._judge_lock:
            waiting, self._words_waiting = self._words_waiting, None
        if waiting is None:
            return
        clip, pause = waiting
        self._note("quick_start", str(pause))
        try:
            text = words(clip)
        except Exception as exc:  # a failed quick decode leaves it to the whole answer's
            log.warning("quick decode of a pause failed: %s", exc)
            return
        self._note("quick_done", str(pause))
        if text is None:
            self._words = None  # no model: the whole answer's decode alone from now on
            return
        with contextlib.suppress(RuntimeError):  # the microphone was deleted meanwhile
            self._heard.emit(clip, text)

    def _on_heard(self, clip: AudioClip, text: str) -> None:  # text: a Heard, or a plain str
        p = getattr(text, "last_p", 1.0)
        self._note("quick_words", f"{self._covers(clip)} p={p:.2f} {text[-40:]!r}")
        if text.strip():  # nothing heard in the tail is no evidence
            self._dispatch(self.vad.hint_text(clip, text, tail=True))

    def _judge_in_thread(self, model: EndOfTurn, check: TurnCheck) -> None:
        """Runs on the end-of-turn thread: touches no Qt object but the queued signal."""
        started = time.perf_counter()
        self._note("turn_start", str(check.look))
        try:
            answer = model(check.clip)
        except Exception as exc:  # a model failure must not end the turn or the thread
            log.warning("end-of-turn model failed: %s", exc)
            answer = 0.0
        probability = -1.0 if answer is None else answer  # -1: no model, use the hang-over
        self.look_ms.append((time.perf_counter() - started) * 1000)
        with contextlib.suppress(RuntimeError):  # the microphone was deleted meanwhile
            self._judged.emit(check.look, probability)

    def _on_judged(self, look: int, probability: float) -> None:
        if probability < 0:  # Smart Turn could not load: the fixed hang-over from now on
            self._end_of_turn = None
            self.vad.ask_end_of_turn = False
            return
        self._dispatch(self.vad.turn_verdict(look, probability))

    def _note(self, step: str, detail: str = "") -> None:
        """A step of the end-of-turn decision (any thread: a list append is atomic)."""
        self._steps.append((step, time.monotonic(), detail))

    def _covers(self, clip: AudioClip) -> str:
        """Which audio a transcript of ``clip`` is about: "pause" (up to the pause under way)
        or "speech" (audio before it)."""
        return "pause" if self.vad.covers_pause(clip) else "speech"

    def _decided(self, ended: SpeechEnded) -> None:
        """Keep how this answer's end was decided: ``pause_started_at`` (monotonic: when the
        last pause began, by its audio), each step since in ms after it, ``verdict`` (what the
        words said) and ``pause_ms`` (the pause when it ended)."""
        now = time.monotonic()
        start = self._pause_at
        steps = [
            (name, round((t - start) * 1000, 1), detail)
            for name, t, detail in self._steps
            if t >= start - 5.0
        ]
        self.decisions.append(
            {
                "reason": ended.reason,
                "pause_started_at": start,
                "pause_ms": round((now - start) * 1000, 1),
                "verdict": self.vad.ended_verdict,
                "steps": steps,
            }
        )

    def _dispatch(self, events: list[VadEvent]) -> None:
        for event in events:
            if isinstance(event, TurnCheck):
                self._ask(event)
            elif isinstance(event, SpeechStarted):
                self._steps = []
                self._grown_at = self._fed_at = time.monotonic()
                lag = (self.vad.ring.end - (self.vad.onset_index or 0)) / TARGET_RATE
                self.speech_onset_at = time.monotonic() - lag
                self._armed_at = time.monotonic()
                self.speech_started.emit()
            elif isinstance(event, PauseBegan):
                self._note("pause_began", str(self._pause_no + 1))
                self.pause_began.emit(event.clip)
            elif isinstance(event, PauseBroken):
                self._note("pause_broken", str(self._pause_no + 1))
                self.pause_broken.emit()
            elif isinstance(event, SilenceStarted):
                self._pause_no += 1
                self._pause_at = time.monotonic() - self.vad.pause_ms / 1000
                self._note("silence", str(self._pause_no))
                self._ask_words(event.clip)
                self.silence_started.emit(event.clip)
            elif isinstance(event, SpeechEnded):
                self._armed_at = time.monotonic()
                self._decided(event)
                self.speech_ended.emit(event.clip)
