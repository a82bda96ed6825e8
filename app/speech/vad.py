"""Find answers in a continuous 16 kHz stream: onset, pauses, end of turn. Plain numpy, no Qt.

The detector runs for the whole rehearsal. Every sample goes into a :class:`RingBuffer`, so an
answer is cut out with ``pre_roll_ms`` of audio before the first voiced frame: a word said the
instant the manager stops, or over his last words, is kept whole. After an answer it goes back to
waiting by itself; :meth:`Vad.reset` drops an answer in progress.

A frame is voiced when it is clearly above the adaptive noise floor (and, while the manager's
voice may be in the air, above what its echo would be: ``echo`` in :meth:`Vad.feed`), or when a
``voice_prob`` model (Silero) says so. The end of the answer comes after ``end_silence_ms`` of quiet
(the fixed hang-over), or, with an ``end_of_turn`` model, as soon as a pause of
``silence_start_ms`` sounds like a finished sentence, at the latest after ``end_silence_max_ms``.
Silence is announced early (:class:`SilenceStarted`) so the worker can decode speculatively.
The end-of-turn model is either called in place (``end_of_turn``: benches, tests) or asked with a
:class:`TurnCheck` event whose answer comes back later through :meth:`Vad.turn_verdict`
(``ask_end_of_turn``: the microphone runs the model on a worker thread, so feeding never waits).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.speech.audio import TARGET_RATE, AudioClip, rms
from app.speech.echo import EchoGate, EchoTrace
from app.speech.endwords import Verdict, asks, judge
from app.speech.prosody import ending
from app.speech.ring import RingBuffer


@dataclass(frozen=True)
class VadConfig:
    """Tuning knobs; the defaults suit a laptop microphone in a quiet-to-noisy room."""

    frame_ms: int = 32
    start_ms: int = 64
    silence_start_ms: int = 120
    end_silence_ms: int = 550
    end_silence_max_ms: int = 2500
    pre_roll_ms: int = 600
    max_speech_s: float = 30.0
    no_speech_timeout_s: float | None = None
    calibration_ms: int = 240
    min_rms: float = 0.006  # about -44 dBFS: quieter than this is never speech
    start_ratio: float = 3.0  # about +10 dB over the noise floor starts speech
    keep_ratio: float = 2.0  # about +6 dB keeps it going (hysteresis)
    voice_threshold: float = 0.5  # a voice_prob model's probability that counts as speech
    end_of_turn_threshold: float = 0.5  # an end_of_turn model's probability that ends the turn
    end_of_turn_ms: int = 200  # the first look of the end_of_turn model into a pause
    end_of_turn_recheck_ms: int = 500  # later looks while the pause lasts
    # The words (hint_text: a transcript of the answer up to the pause), when given:
    use_text: bool = False  # weigh transcripts at all
    # The model's probability that ends a pause before its words are known (None: never; Smart
    # Turn alone cannot tell a mid-sentence pause from an end: bench/endpointing.py "cues").
    alone_threshold: float | None = None
    text_wait_ms: int = 1500  # no words for the pause by then: the model decides alone
    # With the words on, Smart Turn ends nothing they judged, so it looks only at a pause whose
    # words have not come by then (in time for text_wait_ms): a look at every pause kept the
    # end-of-turn thread busy ahead of the next pause's quick words (0.2-0.8 s a look).
    text_look_ms: int = 700
    # The words end a sentence: end after this much pause (bench/endpointing.py dev, run at load
    # 8 with assumed quiet model times, the choice made on dev only: finished 200 ms / unsure
    # 1200 ms with Smart Turn ending nothing the words judged cut 13.2% at a 300 ms finished
    # median; with Smart Turn >= 0.8 also ending them 18.4%; the old 1200 / 1200 7.9% at 1.25 s).
    text_finished_ms: int = 200
    text_unsure_ms: int = 1200  # the words may end a sentence ("I think so."): end by then
    # Finished words that end on a whole question (app.speech.endwords.asks: "?" and a wh-word
    # or an auxiliary opening it) end the pause after this much instead (None: text_finished_ms).
    # A question hands the turn over; the comma pauses a long finished wait outlasts come after
    # a statement ("Not yet, | who would...", "Thank you, | that is...").
    text_question_ms: int | None = None
    # Quick words (a Heard) whose last word Whisper gave less than this probability count as
    # "unsure", not "finished": at a mid-sentence pause a weak last word ("working as a") comes
    # back as a sentence-ending one ("working as it.") about half as sure (app.speech.quickwords).
    text_sure_p: float = 0.7
    # With the words on, Smart Turn's probability that ends a pause (> 1: never; it reads eSpeak's
    # and Piper's mid-sentence pauses as finished about as often as real ends, AUC 0.48 dev).
    text_threshold: float = 2.0
    text_one_look: bool = True  # with the words on, one look a pause (later looks drift to "yes")
    # Words that end a sentence ("I am not sure.") said with continuation prosody (no final pitch
    # fall: app.speech.prosody) count as "unsure", unless Whisper heard a question.
    text_prosody: bool = True
    # Words "unsure" only because Whisper doubted their last word (text_sure_p), said with a
    # clear final fall (app.speech.prosody.Ending.falls), end the pause after this much (None:
    # the unsure wait). bench/endpointing.py dev: where the quick words doubt a finished
    # sentence, the voice ends 3+ semitones under the speaker's median at 8 of 18 real ends and
    # 1 of 14 mid-sentence pauses. (A sure second look, the whole answer's decode, cannot lift
    # the doubt instead: it reads 11 of those 14 mid-sentence pauses as finished; dev cut 2.4%
    # -> 7.1% with it.) Session 11, the one decode, paired: 300-500 ms cut as 600 does on dev,
    # but 400 and 500 cut one more of 140 on report with quiet model times (10 vs 9): kept.
    text_doubt_fall_ms: int | None = 600
    # Words that end a sentence, their last word sure, "unsure" only because the voice did not
    # fall (text_prosody) end the pause after this much (None: the unsure wait). Measured in
    # session 11 and NOT taken: the voice is right too often (bench/endpointing.py dev, paired,
    # quiet model times, session 10's prosody: 400-900 ms cut 13.2-8.1% against 6.4%). Session
    # 17: the product sets it for a narrower class (app.speech.factory.VOICE_ONLY_WAIT_MS).
    text_voice_only_ms: int | None = None
    # ... only when Whisper gave the last word at least this probability (0: any sure word,
    # text_sure_p); below it the voice's "goes on" waits the unsure wait.
    text_voice_only_p: float = 0.0
    # ... and only when the words' last sentence has at least this many words (a whole clause
    # said: "I came tonight to learn how people here got into data work.", not "I was the
    # first." before "| person in my family...").
    text_voice_only_words: int = 0
    # Start the pause's decode (:class:`PauseBegan`) once the pause is this old, before it is
    # announced at ``silence_start_ms`` (None: at the announcement only). Its words count only
    # for the announced pause and only if nothing but silence came in between
    # (app.speech.worker: otherwise the announced clip is decoded as before), so a weak last word
    # the first silent frame cut off is never lost (session 12 announced the pause itself at 32
    # ms and read 7 more dev sentences as finished that way). The product sets it
    # (app.speech.factory.PAUSE_DECODE_MS): the decode gains the 120 ms wait.
    pause_decode_ms: int | None = None


@dataclass(frozen=True)
class SpeechStarted:
    """Speech began ``at_s`` seconds after the detector started (pre-roll not counted)."""

    at_s: float


@dataclass(frozen=True)
class SilenceStarted:
    """A pause began; ``clip`` is everything heard so far (for a speculative decode)."""

    clip: AudioClip


@dataclass(frozen=True)
class PauseBegan:
    """A pause is ``VadConfig.pause_decode_ms`` old, not announced yet; ``clip`` is everything
    heard so far: its decode may start now (its words wait for :class:`SilenceStarted`)."""

    clip: AudioClip


@dataclass(frozen=True)
class PauseBroken:
    """The voice came back in a pause that began (:class:`PauseBegan`) before it was announced:
    that pause's early decode is of no use."""


@dataclass(frozen=True)
class SpeechEnded:
    """The answer is over: ``reason`` is "silence", "end_of_turn", "max_length" or "stopped"."""

    clip: AudioClip
    reason: str


@dataclass(frozen=True)
class NoSpeech:
    """Nobody spoke for ``no_speech_timeout_s`` since the last reset (said once; keeps waiting)."""


@dataclass(frozen=True)
class TurnCheck:
    """Ask the end-of-turn model about ``clip`` (the answer so far, its pause included) and give
    the probability back with :meth:`Vad.turn_verdict` (``look`` says which question it answers).
    Only in ``ask_end_of_turn`` mode: the owner runs the model wherever it likes (a worker
    thread), so feeding audio never waits for it."""

    clip: AudioClip
    look: int


#: Verdicts from the most cautious (holds the turn) to the least.
_CAUTION: tuple[Verdict, ...] = ("unfinished", "unsure", "finished")
_WORDS = re.compile(r"[A-Za-z0-9']+")
_SENTENCE_END = re.compile(r"[.?!]+\s")


def _last_sentence_words(text: str) -> int:
    """How many words the last sentence of ``text`` has."""
    return len(_WORDS.findall(_SENTENCE_END.split(text.strip())[-1]))


VadEvent = (
    SpeechStarted | PauseBegan | PauseBroken | SilenceStarted | SpeechEnded | NoSpeech | TurnCheck
)

#: A frame of audio in, the probability that it is speech out (Silero VAD); None while the
#: model is not there yet (that frame is judged by its loudness).
VoiceProb = Callable[[npt.NDArray[np.int16]], float | None]
#: The answer so far in, the probability that the speaker has finished their turn out (None:
#: no model after all).
EndOfTurn = Callable[[AudioClip], float | None]
#: The answer so far (its pause at the end) in: whether the voice ended like a speaker who
#: goes on (app.speech.prosody.Ending.continues).
Continues = Callable[[AudioClip], bool]


def _continues(clip: AudioClip) -> bool:
    found = ending(clip)
    return found is not None and found.continues


class Vad:
    """Feed 16 kHz mono int16 PCM in any chunk size; get events back, answer after answer."""

    def __init__(
        self,
        config: VadConfig | None = None,
        sample_rate: int = TARGET_RATE,
        *,
        voice_prob: VoiceProb | None = None,
        end_of_turn: EndOfTurn | None = None,
        ask_end_of_turn: bool = False,
        continues: Continues = _continues,
        question: Callable[[str], bool] = asks,
    ) -> None:
        """``end_of_turn`` is called in place during :meth:`feed`; ``ask_end_of_turn=True``
        instead emits :class:`TurnCheck` events and waits (listening on) for the answers.
        ``continues`` judges a pause's prosody (``text_prosody``) when the words come as a plain
        string; a :class:`~app.speech.quickwords.Heard` brings its own (``continues``)."""
        self.config = config or VadConfig()
        self.sample_rate = sample_rate
        self.frame_len = sample_rate * self.config.frame_ms // 1000
        self.voice_prob = voice_prob
        self.end_of_turn = end_of_turn
        self.ask_end_of_turn = ask_end_of_turn
        self.continues = continues
        self.question = question  # finished words that ask (VadConfig.text_question_ms)
        self._look = 0  # id of the last TurnCheck asked
        self._look_pending = False
        c = self.config
        keep_s = c.max_speech_s + c.pre_roll_ms / 1000 + 2.0
        self.ring = RingBuffer(int(keep_s * sample_rate))
        self.echo_gate = EchoGate()
        self.echo_trace = EchoTrace()  # his voice alone, left out of an answer's pre-roll
        self.noise_floor = 0.0
        self._frames_seen = 0
        self._calibration: list[float] = []
        self._pending = np.zeros(0, dtype=np.int16)
        self._previous_start: int | None = None  # where the last ended answer's clip began
        self.ended_verdict: Verdict | None = None
        self.reset()

    def reset(self) -> None:
        """Drop any answer in progress and wait for the next (the noise floor is kept)."""
        self.in_speech = False
        self.onset_index: int | None = None  # ring index where the answer's voice began
        self._clip_start = 0
        self._voiced_run = 0
        self._silent_run = 0
        self._silence_announced = False
        self._pause_began = False  # PauseBegan was emitted for the pause under way
        self._next_turn_check_ms = self.config.end_of_turn_ms
        self._look_pending = False
        self._look += 1  # an answer to a look asked before now is stale
        self._probability: float | None = None  # the model's last answer about this pause
        self._pause_start = 0  # ring index where the current pause began
        self._hint: tuple[int, Verdict] | None = None  # (ring index it covers to, the words)
        self._doubt = False  # the words' "unsure" is only Whisper's doubt of the last word
        self._voice_only = False  # ... or only the voice's continuation prosody
        self._asks = False  # the finished words end on a whole question
        self._prosody: tuple[int, bool] | None = None  # (pause start, the voice goes on)
        self._falls: tuple[int, bool] | None = None  # (pause start, the voice fell clearly)
        self._waited_frames = 0
        self._no_speech_said = False

    @property
    def pause_ms(self) -> int:
        """How long the pause under way has lasted, in audio (0 while speech goes on)."""
        return self._silent_run * self.config.frame_ms

    @property
    def words_verdict(self) -> Verdict | None:
        """What the words known for the answer so far say (both looks weighed), or None."""
        return self._hint[1] if self._hint is not None else None

    def covers_pause(self, clip: AudioClip) -> bool:
        """Whether ``clip`` (the answer from its start) reaches the pause under way."""
        return self.in_speech and self._clip_start + len(clip.pcm) // 2 >= self._pause_start

    # Kept for callers of the one-answer API.
    @property
    def done(self) -> bool:
        return False

    @property
    def elapsed_s(self) -> float:
        return self._frames_seen * self.config.frame_ms / 1000

    @property
    def start_threshold(self) -> float:
        return max(self.config.min_rms, self.noise_floor * self.config.start_ratio)

    @property
    def keep_threshold(self) -> float:
        return max(self.config.min_rms * 0.7, self.noise_floor * self.config.keep_ratio)

    def feed(self, pcm: bytes | npt.NDArray[np.int16], echo: float = 0.0) -> list[VadEvent]:
        """Process ``pcm``; ``echo`` is the level of the app's own voice that may be in it."""
        samples = np.frombuffer(pcm, dtype="<i2") if isinstance(pcm, bytes | bytearray) else pcm
        self._pending = np.concatenate([self._pending, samples.astype(np.int16, copy=False)])
        events: list[VadEvent] = []
        n = len(self._pending) // self.frame_len
        for i in range(n):
            frame = self._pending[i * self.frame_len : (i + 1) * self.frame_len]
            self.ring.write(frame)
            events.extend(self._frame(frame, echo))
        self._pending = self._pending[n * self.frame_len :].copy()
        return events

    def continue_previous(self) -> bool:
        """The answer being spoken goes on from the last one (it was ended too early): its clip
        starts where that one did. False when there is nothing to continue."""
        start = self._previous_start
        if not self.in_speech or start is None or start < self.ring.start:
            return False
        self._clip_start = start
        return True

    def finish(self) -> list[VadEvent]:
        """End the answer in progress now (listening stopped); nothing when there is none."""
        if not self.in_speech:
            return []
        return [self._end("stopped")]

    def current_clip(self) -> AudioClip:
        """The answer so far (empty when nobody is speaking)."""
        if not self.in_speech:
            return AudioClip(b"", self.sample_rate)
        return self._clip()

    def clip_since(self, index: int) -> AudioClip:
        """Everything heard from absolute sample ``index`` (push-to-talk)."""
        return AudioClip(self.ring.read(index).astype("<i2").tobytes(), self.sample_rate)

    # -- frames ---------------------------------------------------------------------------
    def _frame(self, frame: npt.NDArray[np.int16], echo: float) -> list[VadEvent]:
        c = self.config
        self._frames_seen += 1
        level = rms(frame)
        if self._frames_seen * c.frame_ms <= c.calibration_ms:
            self._calibration.append(level)
            self.noise_floor = float(np.median(self._calibration))
            return []
        if not self.in_speech and self.echo_gate.is_echo(level, echo):
            self.echo_trace.note(self.ring.end - len(frame), self.ring.end)
        voiced = self._voiced(frame, level, echo)
        self.echo_gate.learn(level, echo, user_speaking=self.in_speech)
        if not self.in_speech:
            return self._idle_frame(level, voiced)
        return self._speech_frame(voiced)

    def _voiced(self, frame: npt.NDArray[np.int16], level: float, echo: float) -> bool:
        c = self.config
        above_echo = level > self.echo_gate.threshold(echo)
        prob = self.voice_prob(frame) if self.voice_prob is not None else None
        if prob is not None:
            # The model runs on every frame (its state follows the stream); energy only vetoes
            # frames the manager's own voice or near-silence would explain.
            wanted = c.voice_threshold - (0.15 if self.in_speech else 0.0)
            return prob >= wanted and above_echo and level >= c.min_rms * 0.3
        threshold = self.keep_threshold if self.in_speech else self.start_threshold
        return level > threshold and above_echo

    def _idle_frame(self, level: float, voiced: bool) -> list[VadEvent]:
        c = self.config
        self._voiced_run = self._voiced_run + 1 if voiced else 0
        if not voiced:
            # The floor falls fast and rises slowly, so steady noise is learnt but speech is not.
            rate = 0.3 if level < self.noise_floor else 0.02
            self.noise_floor += rate * (level - self.noise_floor)
        if self._voiced_run * c.frame_ms >= c.start_ms:
            self.in_speech = True
            self.onset_index = self.ring.end - self._voiced_run * self.frame_len
            pre_roll = self.sample_rate * c.pre_roll_ms // 1000
            self._clip_start = max(self.ring.start, self.onset_index - pre_roll)
            self._silent_run = 0
            return [SpeechStarted(max(0.0, self.onset_index / self.sample_rate))]
        self._waited_frames += 1
        timeout = c.no_speech_timeout_s
        if (
            timeout is not None
            and not self._no_speech_said
            and self._waited_frames * c.frame_ms >= timeout * 1000
        ):
            self._no_speech_said = True
            return [NoSpeech()]
        return []

    def _speech_frame(self, voiced: bool) -> list[VadEvent]:
        c = self.config
        events: list[VadEvent] = []
        if voiced:
            if self._pause_began and not self._silence_announced:
                events.append(PauseBroken())
            self._pause_began = False
            if self._silent_run:
                self._look += 1  # the pause is over: a pending look's answer no longer applies
                self._look_pending = False
                self._probability = None
            self._silent_run = 0
            self._silence_announced = False
            self._next_turn_check_ms = c.end_of_turn_ms
        else:
            self._silent_run += 1
            if self._silent_run == 1:
                self._pause_start = self.ring.end - self.frame_len
            silent_ms = self._silent_run * c.frame_ms
            early = c.pause_decode_ms
            if (
                early is not None
                and early < c.silence_start_ms
                and silent_ms >= early
                and not self._pause_began
                and not self._silence_announced
            ):
                self._pause_began = True
                events.append(PauseBegan(self._clip()))
            if silent_ms >= c.silence_start_ms and not self._silence_announced:
                self._silence_announced = True
                events.append(SilenceStarted(self._clip()))
            if self._turn_over(silent_ms):
                reason = "silence" if not self._uses_model else "end_of_turn"
                events.append(self._end(reason))
                return events
            if self._ask_now(silent_ms):
                self._look_pending = True
                events.append(TurnCheck(self._clip(), self._look))
        if (self.ring.end - self._clip_start) >= c.max_speech_s * self.sample_rate:
            events.append(self._end("max_length"))
        return events

    @property
    def _uses_model(self) -> bool:
        return self.end_of_turn is not None or self.ask_end_of_turn

    def turn_verdict(self, look: int, probability: float) -> list[VadEvent]:
        """The end-of-turn model's answer to :class:`TurnCheck` ``look``: ends the answer (a
        :class:`SpeechEnded` in the list) when it says finished and the pause still lasts;
        nothing when the speaker went on (or listening was reset) in the meantime."""
        if look != self._look or not self._look_pending or not self.in_speech:
            return []
        self._look_pending = False
        self._probability = probability
        return [self._end("end_of_turn")] if self._finished() else []

    def hint_text(self, clip: AudioClip, text: str, *, tail: bool = False) -> list[VadEvent]:
        """A transcript of ``clip`` (the answer from its start, as a ``SilenceStarted`` or
        ``current_clip`` gave it): with ``use_text``, words that stop mid-sentence keep the turn
        open whatever the model says, and finished words let it end. Ends the answer (a
        :class:`SpeechEnded` in the list) when that settles it. ``tail``: ``text`` is a quick
        decode of the clip's last seconds only; it never replaces words of the whole answer
        that cover as much audio."""
        if not self.in_speech or not self.config.use_text:
            return []
        end = self._clip_start + len(clip.pcm) // 2
        if end > self.ring.end:
            return []  # not this answer's audio
        if self._hint is not None and (end < self._hint[0] or (tail and end == self._hint[0])):
            return []  # a late answer about less audio than the words already known
        verdict = judge(text)
        doubt = False
        if verdict == "finished" and getattr(text, "last_p", 1.0) < self.config.text_sure_p:
            verdict = "unsure"  # Whisper doubts the very word that would end the sentence
            doubt = True
        if getattr(text, "looped", False):
            verdict = "unsure"  # a quick decode that repeated itself: neither end nor hold
            doubt = False
        voice_only = False
        if (verdict == "finished" or doubt) and self._goes_on(clip, text, end):
            # A sentence by its words, but the voice did not end it: evidence, not only doubt.
            voice_only = verdict == "finished"  # sure words: only the voice says "goes on"
            if getattr(text, "last_p", 1.0) < self.config.text_voice_only_p:
                voice_only = False  # sure enough to end, not to overrule the voice
            if _last_sentence_words(text) < self.config.text_voice_only_words:
                voice_only = False  # a short sentence: often the start of a longer one
            verdict, doubt = "unsure", False
        if doubt:
            self._note_falls(text, end)
        question = verdict == "finished" and self.question(text)
        if self._hint is not None and self._silent_run and self._hint[0] >= self._pause_start:
            # A second look at the same pause (the quick words, then the whole answer's decode):
            # the words end it only when both looks agree; the more cautious verdict stands. It
            # is doubt alone when each look either doubted its last word or said finished (and
            # the voice alone, likewise).
            before = self._hint[1]
            doubt = (doubt or verdict == "finished") and (self._doubt or before == "finished")
            voice_only = (voice_only or verdict == "finished") and (
                self._voice_only or before == "finished"
            )
            verdict = min(verdict, before, key=_CAUTION.index)
            question = question and (self._asks or before != "finished")
            doubt = doubt and verdict == "unsure"
            voice_only = voice_only and verdict == "unsure" and not doubt
        self._hint = (end, verdict)
        self._doubt = doubt
        self._voice_only = voice_only
        self._asks = question and verdict == "finished"
        return [self._end("end_of_turn")] if self._silent_run and self._finished() else []

    def _note_falls(self, text: str, end: int) -> None:
        """Keep whether the voice fell clearly before the pause under way, as the quick words
        measured it (``Heard.falls``) for doubted words about this pause."""
        falls = getattr(text, "falls", None)
        if falls is not None and self._silent_run and end >= self._pause_start:
            self._falls = (self._pause_start, bool(falls))

    def _goes_on(self, clip: AudioClip, text: str, end: int) -> bool:
        """With ``text_prosody``: the voice before the pause did not fall like an end (its words
        ask a question: a rise is how a question ends). The quick words bring their own verdict
        on this pause's audio (``Heard.continues``); plain words are judged here, once a pause,
        and only about a clip that reaches the pause under way: words heard mid-speech, or late
        about audio before this pause, judge nothing (reviewer-sp: they ran the pitch tracker
        on the GUI thread about once a second and could fill this pause's verdict)."""
        if not self.config.text_prosody or text.rstrip().endswith("?"):
            return False
        reaches = bool(self._silent_run) and end >= self._pause_start
        given = getattr(text, "continues", None)
        if given is not None:  # the quick words' verdict on this pause: a plain look keeps it
            if reaches:
                self._prosody = (self._pause_start, bool(given))
            return bool(given)
        if not reaches:
            return False
        if self._prosody is not None and self._prosody[0] == self._pause_start:
            return self._prosody[1]
        goes_on = self.continues(clip)
        self._prosody = (self._pause_start, goes_on)
        return goes_on

    def _finished(self) -> bool:
        """Whether the pause under way ends the answer, from what the model and the words said."""
        c = self.config
        p = self._probability
        if not c.use_text:
            return p is not None and p >= c.end_of_turn_threshold
        silent_ms = self._silent_run * c.frame_ms
        hint = self._hint
        if hint is not None and self._words_cover_pause():
            if hint[1] == "unfinished":
                return False  # the words stop mid-sentence: only the cap ends this pause
            wait = c.text_finished_ms if hint[1] == "finished" else c.text_unsure_ms
            if hint[1] == "finished" and self._asks and c.text_question_ms is not None:
                wait = c.text_question_ms  # a whole question: the turn is handed over
            if hint[1] == "unsure" and self._doubt and self._fell():
                assert c.text_doubt_fall_ms is not None
                wait = c.text_doubt_fall_ms  # doubted words, but the voice ended like a sentence
            if hint[1] == "unsure" and self._voice_only and c.text_voice_only_ms is not None:
                wait = c.text_voice_only_ms  # sure finished words; only the voice goes on
            return (p is not None and p >= c.text_threshold) or (silent_ms >= wait)
        if p is None:
            return False
        if c.alone_threshold is not None and p >= c.alone_threshold:
            return True
        # No words by text_wait_ms (the quick words failed to load, an empty tail, a slow
        # decode): the model decides alone, at its own threshold, rather than the 2.5 s cap.
        return silent_ms >= c.text_wait_ms and p >= c.end_of_turn_threshold

    def _fell(self) -> bool:
        """With ``text_doubt_fall_ms``: the quick words found a clear final fall before the pause
        under way."""
        falls = self._falls
        return (
            self.config.text_doubt_fall_ms is not None
            and falls is not None
            and falls[0] == self._pause_start
            and falls[1]
        )

    def _words_cover_pause(self) -> bool:
        """Words are known for the audio up to the pause under way."""
        return self._hint is not None and self._hint[0] >= self._pause_start - self.frame_len

    def _ask_now(self, silent_ms: int) -> bool:
        """ask mode: time for a look (none pending; first at end_of_turn_ms, then each recheck)."""
        if not self.ask_end_of_turn or self._look_pending:
            return False
        if silent_ms < self._next_turn_check_ms:
            return False
        c = self.config
        if c.use_text and (silent_ms < c.text_look_ms or self._words_cover_pause()):
            return False  # the words decide this pause (or may still come)
        once = c.use_text and c.text_one_look
        self._next_turn_check_ms = silent_ms + (10**9 if once else c.end_of_turn_recheck_ms)
        self._look += 1
        return True

    def _turn_over(self, silent_ms: int) -> bool:
        c = self.config
        if not self._uses_model:
            return silent_ms >= c.end_silence_ms
        if silent_ms >= c.end_silence_max_ms:
            return True
        if self.end_of_turn is not None and silent_ms >= self._next_turn_check_ms:
            # A look when the pause is end_of_turn_ms old, then every end_of_turn_recheck_ms.
            self._next_turn_check_ms = silent_ms + c.end_of_turn_recheck_ms
            self._probability = self.end_of_turn(self._clip())
            return self._finished()
        return c.use_text and self._finished()  # the time-outs of the words' rule

    def _clip(self) -> AudioClip:
        pcm = self.ring.read(self._clip_start)
        until = self.onset_index if self.onset_index is not None else self.ring.end
        pcm = self.echo_trace.mute(pcm, self._clip_start, until)
        return AudioClip(pcm.astype("<i2").tobytes(), self.sample_rate)

    def _end(self, reason: str) -> SpeechEnded:
        clip = self._clip()
        self._previous_start = self._clip_start
        self.ended_verdict = self.words_verdict  # what the words said about the last answer
        self.reset()
        return SpeechEnded(clip, reason)
