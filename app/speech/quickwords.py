"""The words of a pause as the end-of-turn decision reads them (:class:`Heard`), and the quick
words: Whisper tiny.en on the last seconds of the answer so far.

Since session 9 the app decodes a pause once: the recognizer's pause decode brings its words as a
:class:`Heard` (app.speech.worker.pause_words: the last word's probability, a loop, the voice's
ending); :class:`QuickWords` (below) decoded each pause a second time, beside it, until then and
is kept for bench/endpointing.py's comparison (and a microphone given a ``words`` callable).

When a pause begins, the end-of-turn thread decodes only its last :data:`TAIL_S` to
:data:`TAIL_MAX_S` seconds, from the quietest gap between words there (:func:`tail_start`: a
fixed 3 s cut began mid-word, "esting, what do the pipelines feed into?", and tiny.en doubted
the whole tail more; tens of milliseconds on a quiet machine), so whether the words stop
mid-sentence is known long before the whole answer's decode. What such a decode gets wrong at
a mid-sentence pause (bench/endpointing.py dev, per pause): a weak last word said before the
pause comes back as a different, sentence-ending one ("working as a" -> "working as it.",
"talking with the" -> "talking with me.", "I taught maths for" -> "I taught me a sport."), and
now and then the decode loops ("not real, not real, ..." for 16 s with temperature fallback).
Whisper is much less sure of such a last word (median probability ~0.5 against ~0.95 for the
last word of a finished sentence), so :class:`Heard` carries that probability and
:meth:`app.speech.vad.Vad.hint_text` takes "finished" words whose last word is doubtful as
"unsure" (a longer wait) instead, a shorter one when the voice fell clearly
(:attr:`Heard.falls`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from app.speech.audio import TARGET_RATE, AudioClip, frame_levels
from app.speech.prosody import ending
from app.speech.streaming import HeardWord

#: Seconds at the end of a pause's audio that the quick words decode at least: the last words
#: and their clause ("what you need", "I would like to").
TAIL_S = 3.0
#: ... and at most: the tail starts at the quietest gap between words from TAIL_S to this far
#: back, so tiny.en hears whole words rather than one cut in half.
TAIL_MAX_S = 4.5
#: Frames (s) whose levels find that gap, and how many in a row (60 ms) make one: a stop
#: consonant's closure inside a word is shorter.
GAP_FRAME_S = 0.01
GAP_FRAMES = 6
#: At most this many tokens: 3 s of speech holds ~12 words; a decode stuck in a loop stops here.
MAX_TOKENS = 48
#: faster-whisper's repetition_penalty for the quick words (1: none).
REPETITION_PENALTY = 1.3


class Heard(str):
    """The words of a quick decode (a ``str``), with :attr:`last_p`: the probability Whisper gave
    its last word (0 when the decode looped or found nothing), :attr:`looped`: the decode
    repeated itself, so its words say neither finished nor unfinished (``Vad`` takes it as
    "unsure"), :attr:`continues`: the voice before the pause did not fall like an end and
    :attr:`falls`: it fell clearly, like an end (app.speech.prosody, measured on the same thread;
    None: not measured)."""

    last_p: float
    looped: bool
    continues: bool | None
    falls: bool | None

    def __new__(
        cls,
        text: str,
        last_p: float = 1.0,
        *,
        looped: bool = False,
        continues: bool | None = None,
        falls: bool | None = None,
    ) -> Heard:
        heard = super().__new__(cls, text)
        heard.last_p = last_p
        heard.looped = looped
        heard.continues = continues
        heard.falls = falls
        return heard


def looped(words: list[str]) -> bool:
    """A decode that repeats itself: six words or more, half of them one phrase (up to eight
    words) said three times or more in a row ("not real, not real, not real, ...", ". . . .",
    "I have been working on me. I have been working on me. ...")."""
    if len(words) < 6:
        return False
    plain = [w.strip(".,?!").lower() for w in words]
    for n in range(1, 9):
        for i in range(len(plain) - 3 * n + 1):
            reps = 1
            while plain[i + reps * n : i + (reps + 1) * n] == plain[i : i + n]:
                reps += 1
            if reps >= 3 and reps * n * 2 >= len(words):
                return True
    return False


class QuickWords:
    """Call with the answer so far; returns the :class:`Heard` words of its tail
    (:func:`tail_start`)."""

    def __init__(self) -> None:
        from app.speech.stt_whisper import WhisperRecognizer

        # tiny.en on one thread, a window sized to the tail, greedy with a token cap (no
        # temperature fallback: a looping decode stops at MAX_TOKENS), and the app's filler
        # prompt, which lets Whisper write a trailing "..." where the voice hangs (dev tails:
        # mid-sentence pauses read "unsure" 18% -> 6%, finished ends read "finished" 84% -> 88%).
        # A repetition penalty: at temperature 0 tiny.en repeats a short answer said just before
        # the pause ("Not yet. Not yet. ...", "Sorry, sorry, ...") until the token cap, which
        # reads as a loop ("unsure", 1.2 s) at the end of a finished answer: 48 eSpeak answers
        # in 4 voices (pause 120 ms old), loops 8 -> 0, words exactly right 23 -> 30.
        self.recognizer = WhisperRecognizer(
            choice="fast",
            cpu_threads=1,
            beam_size=1,
            window=True,
            max_new_tokens=MAX_TOKENS,
            options={"repetition_penalty": REPETITION_PENALTY},
        )
        self.recognizer.load()

    def __call__(self, clip: AudioClip) -> Heard:
        audio = clip.resampled(TARGET_RATE)
        return self.hear(audio, tail_start(audio.samples))

    def hear(self, audio: AudioClip, start: int) -> Heard:
        """The words of ``audio`` (16 kHz) from sample ``start`` on, and its voice's ending."""
        tail = AudioClip(audio.pcm[2 * start :], TARGET_RATE)
        _transcript, words = self.recognizer.transcribe_words(tail)
        found = heard(words)
        voice = ending(audio)  # here, off the GUI thread (tens of ms under load)
        found.continues = voice is not None and voice.continues
        found.falls = voice is not None and voice.falls
        return found


def tail_start(samples: npt.NDArray[np.int16], rate: int = TARGET_RATE) -> int:
    """Where the quick words' tail of ``samples`` starts: the middle of the quietest GAP_FRAMES
    run of frames between TAIL_MAX_S and TAIL_S before the end (a gap between words, so the
    first word is whole; a fixed TAIL_S cut starts mid-word and tiny.en guesses at it); 0 when
    all of it fits in TAIL_MAX_S."""
    n = len(samples)
    if n <= TAIL_MAX_S * rate:
        return 0
    lo = n - int(TAIL_MAX_S * rate)
    frame = int(GAP_FRAME_S * rate)
    levels = frame_levels(samples[lo : n - int(TAIL_S * rate)], frame)
    if len(levels) < GAP_FRAMES:
        return n - int(TAIL_S * rate)
    runs = np.convolve(levels, np.ones(GAP_FRAMES) / GAP_FRAMES, mode="valid")
    quietest = int(np.argmin(runs))
    return lo + (quietest + GAP_FRAMES // 2) * frame


def heard(words: Sequence[HeardWord]) -> Heard:
    """Whisper's words as :class:`Heard`; nothing for no words or a loop, which is no evidence
    (the microphone drops empty words). Lone periods after the words are dropped first: tiny.en
    fills the silence after a sentence with ". . . ." until the token cap, which read as a loop
    (the sentence lost) or gave the last "." token's low probability to the sentence's end
    (bench/endpointing.py dev pauses: ends of sentences heard as finished 50% -> 62%, mid-sentence
    pauses 15% -> 16%)."""
    end = len(words)
    while end and words[end - 1].text.strip() == ".":
        end -= 1
    words = words[:end]
    text = " ".join(w.text for w in words)
    if not words:
        return Heard("", 0.0)
    if looped(text.split()):
        # Not nothing: a pause whose quick words loop is then left to the whole answer's words
        # alone, which read 62% of mid-sentence pauses as finished (dev, one run at load 12:
        # cut 13.2% -> 10.5% at the same 280 ms finished median with loops taken as unsure).
        return Heard(text, 0.0, looped=True)
    return Heard(text, words[-1].probability)
