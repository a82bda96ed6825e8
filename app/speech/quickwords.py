"""The quick words of a pause: Whisper tiny.en on the last seconds of the answer so far.

When a pause begins, the end-of-turn thread decodes only its last :data:`TAIL_S` seconds (a 5 s
window, tens of milliseconds on a quiet machine), so whether the words stop mid-sentence is known
long before the whole answer's decode. What such a decode gets wrong at a mid-sentence pause
(bench/endpointing.py dev, per pause): a weak last word said before the pause comes back as a
different, sentence-ending one ("working as a" -> "working as it.", "talking with the" ->
"talking with me.", "I taught maths for" -> "I taught me a sport."), and now and then the decode
loops ("not real, not real, ..." for 16 s with temperature fallback). Whisper is much less sure of
such a last word (median probability ~0.5 against ~0.95 for the last word of a finished
sentence), so :class:`Heard` carries that probability and :meth:`app.speech.vad.Vad.hint_text`
takes "finished" words whose last word is doubtful as "unsure" (a longer wait) instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.speech.audio import TARGET_RATE, AudioClip
from app.speech.prosody import ending
from app.speech.streaming import HeardWord

#: Seconds at the end of a pause's audio that the quick words decode: the last words and their
#: clause ("what you need", "I would like to").
TAIL_S = 3.0
#: At most this many tokens: 3 s of speech holds ~12 words; a decode stuck in a loop stops here.
MAX_TOKENS = 48
#: faster-whisper's repetition_penalty for the quick words (1: none).
REPETITION_PENALTY = 1.3


class Heard(str):
    """The words of a quick decode (a ``str``), with :attr:`last_p`: the probability Whisper gave
    its last word (0 when the decode looped or found nothing), :attr:`looped`: the decode
    repeated itself, so its words say neither finished nor unfinished (``Vad`` takes it as
    "unsure"), and :attr:`continues`: the voice before the pause did not fall like an end
    (app.speech.prosody, measured on the same thread; None: not measured)."""

    last_p: float
    looped: bool
    continues: bool | None

    def __new__(
        cls,
        text: str,
        last_p: float = 1.0,
        *,
        looped: bool = False,
        continues: bool | None = None,
    ) -> Heard:
        heard = super().__new__(cls, text)
        heard.last_p = last_p
        heard.looped = looped
        heard.continues = continues
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
    """Call with the answer so far; returns the :class:`Heard` words of its last TAIL_S."""

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
        tail = AudioClip(audio.pcm[-2 * int(TAIL_S * TARGET_RATE) :], TARGET_RATE)
        _transcript, words = self.recognizer.transcribe_words(tail)
        found = heard(words)
        voice = ending(audio)  # here, off the GUI thread (tens of ms under load)
        found.continues = voice is not None and voice.continues
        return found


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
