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
import threading
import time
from collections.abc import Sequence
from math import isnan, nan
from typing import NamedTuple, Protocol

import numpy as np

from app.speech.audio import TARGET_RATE, AudioClip, voiced_span
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


#: At the end of the turn (and at a pause) only the answer's tail is decoded: from a known word
#: that starts at least TAIL_MIN_S before the end (the last such word), in a window sized to
#: it, that word and the next (ANCHOR_WORDS) forced as the prefix (so the decoder finds its
#: place) and the known words before them as the context. Whisper hears at least TAIL_MIN_S of
#: the answer (a 2 s tail misheard 5 of 16 eSpeak answers a whole decode heard better: "who would
#: you suggest" -> "who will use a nest type"), and CTranslate2 costs one decoder step per
#: forced token as per generated one, so forcing all the known words saves nothing: only what
#: is not decoded at all (the audio before the tail) is saved.
ANCHOR_WORDS = 2
TAIL_MIN_S = 3.0
#: The tail's audio starts up to this long before its first (anchor) word, never before the
#: end of the word ahead of it: word times are a few hundredths of a second off.
TAIL_LEAD_S = 0.1
#: The committed words given to Whisper as the tail's context (its prompt holds 223 tokens).
CONTEXT_WORDS = 40


class HeardWord(NamedTuple):
    """A recognized word and where it lies, in seconds before the end of the decoded audio."""

    text: str
    before_end_s: float
    before_start_s: float
    probability: float = 1.0  # how sure Whisper was of it


class PrefixRecognizer(Protocol):
    def transcribe(
        self,
        clip: AudioClip,
        prefix: str | None = None,
        *,
        context: str | None = None,
        window: bool | None = None,
    ) -> Transcript: ...

    def transcribe_words(
        self,
        clip: AudioClip,
        prefix: str | None = None,
        *,
        words: bool = True,
        context: str | None = None,
        window: bool | None = None,
    ) -> tuple[Transcript, list[HeardWord]]: ...


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

    ``window``: the window of ``step``'s and ``decode``'s decodes (True: sized to the audio,
    about six times faster than Whisper's 30 s for a 5-10 s answer; None: the recognizer's own).
    These are the cheap passes (captions, the end-of-turn words, the provisional transcript the
    reply is framed from); the accurate pass is :func:`final_decode` of :meth:`audio`, in
    Whisper's full window, on the worker's own thread (``worker._FinalJob``).

    ``tail``: ``decode`` decodes only the answer's last :data:`TAIL_MIN_S` or more (from the
    last known word that starts that early) in a window sized to it, the known words before it
    as the context: its cost no longer grows with the answer (base, quiet: ~0.2-0.3 s against
    0.3-0.9 s for a sized decode of a 3-9 s answer). The known words come from ``step``'s
    decodes (``settled_anchor``: the newest one's words clear of its edge, else the committed
    ones). Without ``tail``, or when nothing known starts that early (a short answer), the
    whole answer is decoded with the committed words further than :data:`FORCE_BEHIND_S` from
    its end as prefix.
    """

    def __init__(
        self,
        recognizer: PrefixRecognizer,
        denoiser: Denoises | None = None,
        *,
        tail: bool = False,
        settled_anchor: bool = False,
        window: bool | None = None,
    ) -> None:
        self.recognizer = recognizer
        self.denoiser = denoiser
        self.window = window
        self.tail = tail
        self.settled_anchor = settled_anchor
        self._settled: tuple[list[str], list[float], list[float]] = ([], [], [])
        self.agreement = LocalAgreement()
        self.decodes = 0
        #: How many ``decode`` calls decoded a tail only.
        self.tail_decodes = 0
        #: Streaming decodes that finished after their answer was reset (nothing committed).
        self.dropped_steps = 0
        #: Where each committed word starts and ends, seconds into the answer's audio.
        self.committed_starts: list[float] = []
        self.committed_ends: list[float] = []
        #: The :attr:`generation` (answer) the last ``step`` that committed was about.
        self.stepped_generation = 0
        #: That step's words with Whisper's probability for each (the pause's words when only
        #: silence came after its audio: app.speech.worker.pause_words).
        self.stepped_words: list[HeardWord] = []
        self._pcm = b""
        self._rate = 0
        # One thread may step while another decodes (the pause's tail beside a streaming
        # decode): the state is read and changed under the lock, decoding runs outside it, and
        # a step whose answer was reset meanwhile (a new generation) commits nothing.
        self._lock = threading.Lock()
        self._generation = 0

    def reset(self) -> None:
        with self._lock:
            self._reset()

    def _reset(self) -> None:
        self._generation += 1
        self.agreement.reset()
        self._settled = ([], [], [])
        self.committed_starts = []
        self.committed_ends = []
        self._pcm = b""
        self._rate = 0
        if self.denoiser is not None:
            self.denoiser.reset()

    @property
    def committed_text(self) -> str:
        return self.agreement.committed_text

    @property
    def generation(self) -> int:
        """Which answer this is: it changes at every reset (and when another answer begins)."""
        return self._generation

    def forced_prefix(self, duration_s: float) -> str | None:
        """The committed words that end ``FORCE_BEHIND_S`` or more before ``duration_s``."""
        n = 0
        while n < len(self.committed_ends) and (
            self.committed_ends[n] <= duration_s - FORCE_BEHIND_S
        ):
            n += 1
        return " ".join(self.agreement.committed[:n]) or None

    def prepare(self, clip: AudioClip) -> None:
        """Denoise what is new in ``clip`` (the answer so far) now, decoding nothing: the
        worker calls this with every growing clip it does not decode (the streaming cadence
        skips most), so the filter keeps up with the speech and a pause's decode finds little
        left to denoise (DeepFilterNet3 costs about 0.1 s a second of audio here; fed only at
        decodes, a pause's decode first denoised the 2-3 s since the last streaming decode)."""
        with self._lock:
            self._feed(clip.resampled(TARGET_RATE))

    def _feed(self, clip: AudioClip) -> bool:
        """Take ``clip`` (16 kHz) as the answer so far: its new part goes through the filter
        (another answer's starts a new one). True when it is no longer than the audio already
        seen (nothing was new). Call with the lock held."""
        if self._rate == clip.sample_rate and self._pcm.startswith(clip.pcm):
            return True
        if self._rate != clip.sample_rate or not clip.pcm.startswith(self._pcm):
            self._reset()
            self._rate = clip.sample_rate
        new = clip.pcm[len(self._pcm) :]
        self._pcm = clip.pcm
        if self.denoiser is not None and new:
            self.denoiser.feed(np.frombuffer(new, np.int16).astype(np.float32) / 32768.0)
        return False

    def _audio(self, clip: AudioClip) -> AudioClip:
        """``clip`` at 16 kHz, denoised: only the part not seen before goes through the filter;
        a shorter clip of the same answer (a streaming offer overtaken by the pause's) is cut
        from the audio already seen. Call with the lock held."""
        clip = clip.resampled(TARGET_RATE)
        seen = self._feed(clip)
        if self.denoiser is None:
            return clip
        done = self.denoiser.audio()
        if seen:
            done = done[: len(clip.pcm) // 2]
        return AudioClip.from_samples(done, TARGET_RATE)

    def step(self, clip: AudioClip) -> str | None:
        """Decode the answer so far, commit the agreed words; the partial text, or None when the
        answer was reset (it ended) while this decode ran: its words are for no answer now."""
        with self._lock:
            audio = self._audio(clip)
            prefix = self.forced_prefix(audio.duration_s)
            generation = self._generation
        transcript, timed = self.recognizer.transcribe_words(
            audio, prefix=prefix, window=self.window
        )
        with self._lock:
            if generation != self._generation:  # the answer ended (or another began) meanwhile
                self.dropped_steps += 1
                return None
            self.decodes += 1
            self.stepped_generation = generation
            self.stepped_words = list(timed)
            return self._commit(audio.duration_s, transcript.text.split(), timed)

    def _commit(self, duration_s: float, words: list[str], timed: list[HeardWord]) -> str:
        timed_ok = len(timed) == len(words)
        settled = sum(1 for w in timed if w.before_end_s >= EDGE_HOLD_S)
        if not timed_ok:  # no usable word times: hold back the last two words
            settled = max(0, len(words) - 2)
        newly = self.agreement.update(words, settled)
        if timed_ok:  # this decode's words far enough from its edge, with where they lie
            self._settled = (
                words[:settled],
                [duration_s - w.before_start_s for w in timed[:settled]],
                [duration_s - w.before_end_s for w in timed[:settled]],
            )
        start = len(self.agreement.committed) - len(newly)
        del self.committed_starts[start:]
        del self.committed_ends[start:]
        for i in range(start, start + len(newly)):
            # Unknown times count as the end of the audio: such words are never forced, and a
            # tail is never cut at them.
            end, begin = (timed[i].before_end_s, timed[i].before_start_s) if timed_ok else (0, nan)
            self.committed_starts.append(duration_s - begin)
            self.committed_ends.append(duration_s - end)
        return self.agreement.text

    def decode(self, clip: AudioClip) -> Transcript:
        """Decode ``clip`` (the answer so far or whole): its tail after the known words, or
        the whole of it with the committed words as prefix."""
        return self.decode_words(clip, words=False)[0]

    def decode_words(
        self, clip: AudioClip, *, words: bool = True
    ) -> tuple[Transcript, list[HeardWord]]:
        """:meth:`decode`, and (``words``) the words that decode heard with Whisper's
        probability for each (the tail's, or the whole answer's): the pause's decode tells the
        end-of-turn decision how sure Whisper is of the last word (app.speech.quickwords.Heard),
        so no second decode of the pause is needed for it. Empty without ``words``."""
        started = time.perf_counter()
        with self._lock:
            audio = self._audio(clip)
            known = self._known()
            cut = self._tail_cut(_speech_end_s(audio), *known) if self.tail else None
            prefix = self.forced_prefix(audio.duration_s)
        found = self._decode_tail(audio, known[0], *cut, words=words) if cut is not None else None
        tail = found is not None
        if found is None:
            if words:
                whole, heard = self.recognizer.transcribe_words(
                    audio, prefix=prefix, window=self.window
                )
                found = (whole.text, heard)
            else:
                found = (
                    self.recognizer.transcribe(audio, prefix=prefix, window=self.window).text,
                    [],
                )
        with self._lock:
            self.decodes += 1
            self.tail_decodes += tail
        return Transcript(found[0], clip.duration_s, time.perf_counter() - started), found[1]

    def audio(self, clip: AudioClip) -> AudioClip:
        """``clip`` as the decodes hear it (16 kHz, denoised): a copy another thread may decode
        after this answer was reset."""
        with self._lock:
            return self._audio(clip)

    def _known(self) -> tuple[list[str], list[float], list[float]]:
        """The answer's words known before the tail, with where each starts and ends: the
        committed ones, or (``settled_anchor``) the newest streaming decode's words that end
        :data:`EDGE_HOLD_S` before its edge when they reach further (one full-window pass heard
        them; a short answer or a busy machine may not see two before it ends)."""
        committed = (
            list(self.agreement.committed),
            list(self.committed_starts),
            list(self.committed_ends),
        )
        if self.settled_anchor and len(self._settled[0]) > len(committed[0]):
            return self._settled
        return committed

    @staticmethod
    def _tail_cut(
        duration_s: float, words: list[str], starts: list[float], ends: list[float]
    ) -> tuple[int, float] | None:
        """The first anchor word's index and where the tail's audio starts (s), or None when
        no known word has a usable start (none known, or no word times)."""
        n = len(words)
        if not n or len(starts) != n or len(ends) != n:
            return None
        latest = duration_s - TAIL_MIN_S
        k = next((i for i in range(n - 1, 0, -1) if starts[i] <= latest), 0)
        if k == 0:
            return None  # the whole answer is the tail: decode it whole
        start = starts[k]
        if isnan(start) or start >= duration_s:
            return None
        cut = start - TAIL_LEAD_S
        if k > 0:
            cut = max(cut, min(ends[k - 1], start))
        return k, max(0.0, cut)

    def _decode_tail(
        self, audio: AudioClip, committed: list[str], k: int, cut_s: float, *, words: bool = False
    ) -> tuple[str, list[HeardWord]] | None:
        """The answer's text with only its tail decoded, and (``words``) the tail's words;
        None when the decoder did not start with the forced words (it judged the tail silent):
        then the whole answer is decoded."""
        anchor = committed[k : k + ANCHOR_WORDS]
        context = " ".join(committed[max(0, k - CONTEXT_WORDS) : k]) or None
        first = int(cut_s * audio.sample_rate) * 2
        tail = AudioClip(audio.pcm[first:], audio.sample_rate)
        timed: list[HeardWord] = []
        if words:
            transcript, timed = self.recognizer.transcribe_words(
                tail, prefix=" ".join(anchor), context=context, window=True
            )
        else:
            transcript = self.recognizer.transcribe(
                tail, prefix=" ".join(anchor), context=context, window=True
            )
        heard = transcript.text.split()
        if agreed_prefix(anchor, heard) < len(anchor):
            log.debug("tail decode dropped its forced words: %r", heard)
            return None
        return " ".join(committed[:k] + heard), timed


def _speech_end_s(audio: AudioClip) -> float:
    """Where the answer's voice ends in ``audio`` (its duration when nothing is voiced): the
    end's clip carries the end-of-turn silence (0.2 s after finished words, up to the 2.5 s cap
    after unfinished ones), which must not count in the tail's :data:`TAIL_MIN_S`."""
    samples = np.frombuffer(audio.pcm, dtype="<i2")
    span = voiced_span(samples, audio.sample_rate)
    return audio.duration_s if span is None else min(audio.duration_s, span[1])


def final_decode(recognizer: PrefixRecognizer, audio: AudioClip) -> str:
    """The accurate pass's text: ``audio`` (already denoised) in Whisper's full window."""
    return recognizer.transcribe(audio, window=False).text


__all__ = [
    "AnswerStream",
    "HeardWord",
    "LocalAgreement",
    "agreed_prefix",
    "final_decode",
    "word_key",
]
