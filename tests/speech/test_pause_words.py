"""A pause is decoded once (session 9): the recognizer's decode of the pause brings the words the
end-of-turn decision reads WITH how sure Whisper is of the last one, whether the decode looped
and how the voice ended (a :class:`~app.speech.quickwords.Heard`), so the microphone no longer
decodes the pause a second time (tiny.en's quick words, which every end of turn waited for)."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.speech.audio import TARGET_RATE, AudioClip
from app.speech.protocols import Transcript
from app.speech.quickwords import Heard, looped
from app.speech.streaming import HeardWord
from app.speech.vad import SilenceStarted, Vad, VadConfig
from app.speech.worker import _SttJob

pytestmark = pytest.mark.speech

WORDS = st.sampled_from(
    ["I", "would", "like", "to", "the", "team", "first.", "yes.", "not", "yet.", "data", "work?"]
)


class _Timed:
    """A prefix recognizer that hears ``said`` (word, probability) in any clip, the words laid
    out evenly over its audio; counts its decodes."""

    supports_prefix = True
    prefers_denoise = False
    loaded = True

    def __init__(self, said: list[tuple[str, float]]) -> None:
        self.said = said
        self.calls = 0
        self.lock = threading.Lock()

    def load(self) -> None:
        pass

    def transcribe(self, clip, prefix=None, *, context=None, window=None):  # type: ignore[no-untyped-def]
        return self.transcribe_words(clip, prefix, context=context, window=window)[0]

    def transcribe_words(self, clip, prefix=None, *, words=True, context=None, window=None):  # type: ignore[no-untyped-def]
        with self.lock:
            self.calls += 1
        d = clip.duration_s
        n = max(1, len(self.said))
        timed = [
            HeardWord(w, d - (i + 1) * d / n, d - i * d / n, p)
            for i, (w, p) in enumerate(self.said)
        ]
        text = " ".join(w for w, _p in self.said)
        return Transcript(text, d, 0.0), (timed if words else [])


def _voice(seconds: float, fall: bool) -> AudioClip:
    """A voiced glide (falling or level) then 150 ms of quiet: a pause's clip."""
    t = np.arange(int(seconds * TARGET_RATE)) / TARGET_RATE
    f0 = np.linspace(180, 110 if fall else 180, len(t))
    x = 0.3 * np.sin(2 * np.pi * np.cumsum(f0) / TARGET_RATE)
    x = np.concatenate([x, np.zeros(TARGET_RATE * 15 // 100)])
    return AudioClip.from_samples(x.astype(np.float32), TARGET_RATE)


@settings(max_examples=120, deadline=None)
@given(
    words=st.lists(st.tuples(WORDS, st.floats(0.0, 1.0)), min_size=0, max_size=9),
    periods=st.lists(st.floats(0.0, 1.0), max_size=3),
    fall=st.booleans(),
)
def test_the_pause_decode_brings_its_doubt_and_the_voices_ending(
    words: list[tuple[str, float]], periods: list[float], fall: bool
) -> None:
    """Generated decodes of a pause (0-9 words with any probabilities, 0-3 lone periods after
    them, a falling or level voice): the words the STT thread publishes for the pause are a Heard
    carrying the probability of the last real word, the loop flag and the voice's ending, in
    ONE decode; no words (or periods only): the plain text, no doubt. Before session 9 the pause
    decode published plain text and a second decode (tiny.en) brought the doubt."""
    said = words + [(".", p) for p in periods]
    recognizer = _Timed(said)
    job = _SttJob(recognizer)  # type: ignore[arg-type]
    job._make_stream()
    published: list[tuple[AudioClip, str]] = []
    job.partial_text.connect(lambda clip, text: published.append((clip, text)))
    clip = _voice(1.5, fall)
    job.offer(clip)
    job.speculate()
    assert recognizer.calls == 1  # one decode of the pause
    assert len(published) == 1
    text = published[0][1]
    assert text == " ".join(w for w, _p in said)
    if not words:
        assert not isinstance(text, Heard)  # nothing heard is no evidence either way
        return
    assert isinstance(text, Heard)
    loop = looped([w for w, _p in words])
    assert text.looped == loop
    assert text.last_p == pytest.approx(0.0 if loop else words[-1][1])  # a loop: no evidence
    assert isinstance(text.continues, bool)
    assert isinstance(text.falls, bool)


@pytest.mark.parametrize("p", [0.05, 0.3, 0.5, 0.69])
@pytest.mark.parametrize("text", ["I would like to understand the team first.", "Not yet."])
def test_finished_words_the_pause_decode_doubts_wait_as_unsure(p: float, text: str) -> None:
    """Finished words from the pause's one decode, their last word doubted (p < text_sure_p):
    the turn does not end after the finished wait (200 ms) but waits as unsure; the same words
    heard surely end it after 200 ms. (Before session 9 only the quick words' second decode could
    doubt; the pause decode's plain words ended the turn at 200 ms.)"""
    config = VadConfig(use_text=True, text_prosody=False, text_doubt_fall_ms=None)
    for last_p, ends_by_ms in ((p, config.text_unsure_ms), (0.95, config.text_finished_ms)):
        vad = Vad(config, ask_end_of_turn=True)  # Smart Turn asked, never answering
        frame = TARGET_RATE * config.frame_ms // 1000
        rng = np.random.default_rng(3)
        quiet = (rng.normal(0, 30, frame * 10)).astype(np.int16)
        voice = (8000 * np.sin(np.arange(frame * 40) * 0.07)).astype(np.int16)
        vad.feed(quiet)
        vad.feed(voice)
        pause_clip = None
        ended_at = None
        for i in range(120):  # 32 ms frames of quiet: up to 3.8 s
            for event in vad.feed(quiet[:frame]):
                if isinstance(event, SilenceStarted):
                    pause_clip = event.clip
                    events = vad.hint_text(pause_clip, Heard(text, last_p))
                    if events:
                        ended_at = (i + 1) * config.frame_ms
                elif ended_at is None and event.__class__.__name__ == "SpeechEnded":
                    ended_at = (i + 1) * config.frame_ms
            if ended_at is not None:
                break
        assert pause_clip is not None
        assert ended_at is not None
        assert ends_by_ms <= ended_at <= ends_by_ms + 2 * config.frame_ms, (last_p, ended_at)


def test_the_endpoint_models_decode_no_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    """The microphone's models load Silero and Smart Turn only: no Whisper is built for quick
    words, and a pause's words from there are None at once (the recognizer's decode brings
    them). Before session 9 tiny.en was loaded here and decoded every pause a second time."""
    from app.speech import stt_whisper
    from app.speech.microphone import EndpointModels

    built: list[object] = []
    real_init = stt_whisper.WhisperRecognizer.__init__

    def spy(self: object, *args: object, **kwargs: object) -> None:
        built.append(kwargs)
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(stt_whisper.WhisperRecognizer, "__init__", spy)
    models = EndpointModels()
    assert models.wait(120)
    assert models.words(AudioClip(bytes(64_000), TARGET_RATE)) is None
    assert built == []


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.tuples(WORDS, st.floats(0.0, 1.0)), min_size=1, max_size=9),
    quiet_ms=st.integers(120, 600),
)
def test_a_pause_after_the_last_streaming_decode_reuses_its_words_and_doubt(
    words: list[tuple[str, float]], quiet_ms: int
) -> None:
    """The user stopped while a streaming decode ran (it heard the whole answer): the pause's
    clip is that audio plus 120-600 ms of quiet, so it is not decoded again, and the words
    published for the pause are the streaming decode's, with its doubt of the last word."""
    recognizer = _Timed(words)
    job = _SttJob(recognizer)  # type: ignore[arg-type]
    job._make_stream()
    published: list[str] = []
    job.partial_text.connect(lambda _clip, text: published.append(text))
    heard = _voice(1.5, fall=True)
    job.offer_growing(heard)
    job.stream()
    assert recognizer.calls == 1
    pause = heard + AudioClip(bytes(2 * TARGET_RATE * quiet_ms // 1000), TARGET_RATE)
    job.offer(pause)
    job.speculate()
    assert recognizer.calls == 1  # the pause's words came from the streaming decode
    text = published[-1]
    assert isinstance(text, Heard)
    loop = looped([w for w, _p in words])
    assert text.last_p == pytest.approx(0.0 if loop else words[-1][1])
