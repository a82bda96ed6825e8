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

from collections import Counter
from typing import Any

from app.speech.audio import TARGET_RATE, AudioClip, rms

#: Seconds at the end of a pause's audio that the quick words decode: the last words and their
#: clause ("what you need", "I would like to").
TAIL_S = 3.0
#: At most this many tokens: 3 s of speech holds ~12 words; a decode stuck in a loop stops here.
MAX_TOKENS = 48


class Heard(str):
    """The words of a quick decode (a ``str``), with :attr:`last_p`: the probability Whisper gave
    its last word (0 when the decode looped or found nothing)."""

    last_p: float

    def __new__(cls, text: str, last_p: float = 1.0) -> Heard:
        heard = super().__new__(cls, text)
        heard.last_p = last_p
        return heard


def looped(words: list[str]) -> bool:
    """A decode that repeats itself ("not real, not real, not real, ...", ". . . ."): one word is
    half of six or more."""
    if len(words) < 6:
        return False
    return Counter(w.strip(".,?!").lower() for w in words).most_common(1)[0][1] * 2 >= len(words)


class QuickWords:
    """Call with the answer so far; returns the :class:`Heard` words of its last TAIL_S."""

    def __init__(self) -> None:
        from app.speech.stt_whisper import WhisperRecognizer

        # Only loads and verifies tiny.en: __call__ decodes with the settings it needs itself.
        self.recognizer = WhisperRecognizer(choice="fast", cpu_threads=1)
        self.recognizer.load()

    def __call__(self, clip: AudioClip) -> Heard:
        from app.speech.stt_whisper import (
            FILLER_PROMPT,
            SILENCE_RMS,
            trim_leading_quiet,
            window_frames,
        )

        audio = clip.resampled(TARGET_RATE)
        samples = audio.to_float()[-int(TAIL_S * TARGET_RATE) :]
        if len(samples) < TARGET_RATE // 10 or rms(samples) < SILENCE_RMS:
            return Heard("", 0.0)
        samples = trim_leading_quiet(samples)
        # The recognizer's own faster-whisper model (window sized to the audio, as its
        # window=True decodes): word probabilities, greedy only and a token cap, which
        # WhisperRecognizer.transcribe does not offer.
        model: Any = self.recognizer._model
        if hasattr(model, "frames"):
            model.frames = window_frames(len(samples))
        segments, _ = model.transcribe(
            samples,
            language="en",
            beam_size=1,
            temperature=0.0,
            max_new_tokens=MAX_TOKENS,
            # The app's filler prompt ("hmm... uh,") lets Whisper write a trailing "..." where
            # the voice hangs: dev tails, mid-sentence pauses read "unsure" 18% -> 6% (mostly
            # "unfinished" now), finished ends read "finished" 84% -> 88%.
            initial_prompt=FILLER_PROMPT,
            condition_on_previous_text=False,
            word_timestamps=True,
            vad_filter=False,
        )
        return heard([w for seg in segments for w in (seg.words or ())])


def heard(words: list[Any]) -> Heard:
    """Whisper's words (``.word``, ``.probability``) as :class:`Heard`; nothing for no words or
    a loop, which is no evidence (the microphone drops empty words)."""
    text = " ".join(w.word.strip() for w in words)
    if not words or looped(text.split()):
        return Heard("", 0.0)
    return Heard(text, float(words[-1].probability))
