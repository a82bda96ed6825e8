"""Recognition while the user speaks: LocalAgreement over re-decodes of the growing answer.

As in whisper_streaming (Macháček et al., 2023, "LocalAgreement-2"): the answer so far is decoded
again about every second; the words at the start that two consecutive decodes agree on are
*committed*, the rest stays tentative. Later decodes force the committed words as Whisper's
``prefix`` (those at least :data:`FORCE_BEHIND_S` from the end), so they are not decoded again,
and at the end of the turn only the words after them are left to decode. Words are compared
ignoring case and punctuation; a word near the edge of the audio so far is never committed.

:class:`AnswerStream` holds one answer on the STT thread: its audio (denoised incrementally when
a :class:`~app.speech.denoise.Denoiser` is given), the agreement, and the latest partial text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from app.speech.audio import TARGET_RATE, AudioClip
from app.speech.protocols import Transcript

log = logging.getLogger(__name__)

_WORD_CHARS = re.compile(r"[^\w']+")


#: A word is committed only if it ended at least this long before the end of the audio decoded:
#: at the edge of a growing clip a half-heard word ("Wha-") is often guessed the same wrong way
#: twice ("Well,"), which LocalAgreement alone would commit.
EDGE_HOLD_S = 0.6
#: Committed words are forced into a later decode only if they end at least this long before
#: the end of its audio: the end of an answer can still change how Whisper hears its start (a
#: question's last words turned "What's done" into "What does" on the same audio), so a short
#: answer is decoded whole and a long one only from about its last three seconds on.
FORCE_BEHIND_S = 3.0


class PrefixRecognizer(Protocol):
    def transcribe(self, clip: AudioClip, prefix: str | None = None) -> Transcript: ...

    def transcribe_words(
        self, clip: AudioClip, prefix: str | None = None, *, words: bool = True
    ) -> tuple[Transcript, list[tuple[str, float]]]: ...


class Denoises(Protocol):
    def reset(self) -> None: ...

    def feed(self, samples: np.ndarray) -> None: ...

    def audio(self) -> np.ndarray: ...


def word_key(word: str) -> str:
    """A word as compared between decodes: lower case, no punctuation ("Years," == "years")."""
    return _WORD_CHARS.sub("", word.lower())


def agreed_prefix(previous: Sequence[str], current: Sequence[str]) -> int:
    """How many leading words the two hypotheses share."""
    n = 0
    for a, b in zip(previous, current, strict=False):
        if word_key(a) != word_key(b):
            break
        n += 1
    return n


class LocalAgreement:
    """The committed words of one answer and the previous decode's tentative tail."""

    def __init__(self) -> None:
        self.committed: list[str] = []
        self.tentative: list[str] = []
        self._previous: list[str] | None = None

    def reset(self) -> None:
        self.committed = []
        self.tentative = []
        self._previous = None

    @property
    def committed_text(self) -> str:
        return " ".join(self.committed)

    @property
    def text(self) -> str:
        """Committed words then the latest tentative ones."""
        return " ".join(self.committed + self.tentative)

    def update(self, hypothesis: Sequence[str], settled: int | None = None) -> list[str]:
        """A new decode of the whole answer so far (its words); returns the newly committed words.

        Committed: the longest start this decode and the previous one agree on, never shrinking
        while decodes keep to it (forced as prefix, they do). A decode that hears a committed
        word differently (one not forced) takes it back: the text always follows the newest
        decode. ``settled``: only the hypothesis's first ``settled`` words may be committed (the
        others end too close to the edge of the audio).
        """
        words = list(hypothesis)
        keep = agreed_prefix(self.committed, words)
        if keep < len(self.committed):
            log.debug("decode revised committed words: %r vs %r", self.committed, words)
            del self.committed[keep:]
        newly: list[str] = []
        if self._previous is not None:
            n = agreed_prefix(self._previous, words)
            if settled is not None:
                n = min(n, settled)
            if n > len(self.committed):
                newly = words[len(self.committed) : n]
                self.committed.extend(newly)
        self._previous = words
        self.tentative = words[len(self.committed) :]
        return newly


class AnswerStream:
    """One answer on the STT thread: audio in as it grows, partial text out.

    ``step(clip)`` for the growing answer (commits what two decodes agree on), ``decode(clip)``
    for a decode that commits nothing (speculation at a pause, the final decode), ``reset()``
    when the answer is over. A clip that does not continue the audio seen so far starts a new
    answer.
    """

    def __init__(self, recognizer: PrefixRecognizer, denoiser: Denoises | None = None) -> None:
        self.recognizer = recognizer
        self.denoiser = denoiser
        self.agreement = LocalAgreement()
        self.decodes = 0
        #: Where each committed word ends, seconds into the answer's audio.
        self.committed_ends: list[float] = []
        self._pcm = b""
        self._rate = 0

    def reset(self) -> None:
        self.agreement.reset()
        self.committed_ends = []
        self._pcm = b""
        self._rate = 0
        if self.denoiser is not None:
            self.denoiser.reset()

    @property
    def committed_text(self) -> str:
        return self.agreement.committed_text

    def forced_prefix(self, duration_s: float) -> str | None:
        """The committed words that end ``FORCE_BEHIND_S`` or more before ``duration_s``."""
        n = 0
        while n < len(self.committed_ends) and (
            self.committed_ends[n] <= duration_s - FORCE_BEHIND_S
        ):
            n += 1
        return " ".join(self.agreement.committed[:n]) or None

    def _audio(self, clip: AudioClip) -> AudioClip:
        """``clip`` at 16 kHz, denoised: only the part not seen before goes through the filter."""
        clip = clip.resampled(TARGET_RATE)
        if self._rate != clip.sample_rate or not clip.pcm.startswith(self._pcm):
            self.reset()
            self._rate = clip.sample_rate
        new = clip.pcm[len(self._pcm) :]
        self._pcm = clip.pcm
        if self.denoiser is None:
            return clip
        if new:
            self.denoiser.feed(np.frombuffer(new, np.int16).astype(np.float32) / 32768.0)
        return AudioClip.from_samples(self.denoiser.audio(), TARGET_RATE)

    def step(self, clip: AudioClip) -> str:
        """Decode the answer so far, commit the agreed words; the partial text."""
        audio = self._audio(clip)
        transcript, timed = self.recognizer.transcribe_words(
            audio, prefix=self.forced_prefix(audio.duration_s)
        )
        self.decodes += 1
        words = transcript.text.split()
        timed_ok = len(timed) == len(words)
        settled = sum(1 for _w, before_end in timed if before_end >= EDGE_HOLD_S)
        if not timed_ok:  # no usable word times: hold back the last two words
            settled = max(0, len(words) - 2)
        newly = self.agreement.update(words, settled)
        start = len(self.agreement.committed) - len(newly)
        del self.committed_ends[start:]
        for i in range(start, start + len(newly)):
            # Unknown times count as the end of the audio: such words are never forced.
            before_end = timed[i][1] if timed_ok else 0.0
            self.committed_ends.append(audio.duration_s - before_end)
        return self.agreement.text

    def decode(self, clip: AudioClip) -> Transcript:
        """Decode ``clip`` (the answer so far or whole) with the committed words as prefix."""
        audio = self._audio(clip)
        transcript = self.recognizer.transcribe(audio, prefix=self.forced_prefix(audio.duration_s))
        self.decodes += 1
        return Transcript(transcript.text, clip.duration_s, transcript.elapsed_s)


__all__ = ["AnswerStream", "LocalAgreement", "agreed_prefix", "word_key"]
