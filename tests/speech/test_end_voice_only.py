"""Session 11 (issue 15, the turn gap): how long a pause waits is weighed by the evidence against
ending it. Words that end a sentence, Whisper sure of their last word, said with a voice that did
not fall (continuation prosody, app.speech.prosody) have one cue against two: they wait
``VadConfig.text_voice_only_ms``, not the unsure wait of words that are no evidence ("I think
so.", a loop). Every other reason to wait keeps its own wait: doubt, words unsure or unfinished
by themselves, a second look that disagrees. Generated instances of each class."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from app.speech import AudioClip
from app.speech.audio import TARGET_RATE
from app.speech.endwords import judge
from app.speech.quickwords import Heard, heard
from app.speech.streaming import HeardWord
from app.speech.vad import SpeechEnded, Vad, VadConfig, VadEvent

from .pauses import pause_after

pytestmark = pytest.mark.speech

RATE = TARGET_RATE

FINISHED = ["Thanks a lot.", "I studied engineering.", "That makes sense.", "Not yet.",
            "I was working as an analyst.", "It was hard, but I learned a lot.",
            "I came tonight to learn how people here got into data work.",
            "Honestly, I'm not sure yet, I would like to understand the team first."]  # fmt: skip
UNFINISHED = ["I would like to...", "I have been working as a", "What I enjoy most is",
              "Not really, but I,"]  # fmt: skip
UNSURE = ["I think so.", "When I started.", "I'd like that.", "what drew you to this."]
SURE = [0.7, 0.8, 0.95, 0.99]  # last-word probabilities at or over VadConfig.text_sure_p
DOUBTS = [0.05, 0.4, 0.69]
WAITS = [400, 600, 800, None]


def _pause(vad: Vad, seed: int = 0) -> AudioClip:
    """Quiet, a 0.6-1.4 s tone (energy VAD) and quiet until the pause is announced; its clip."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(rng.uniform(0.6, 1.4) * RATE)) / RATE
    tone = 0.2 * 32767 * np.sin(2 * np.pi * rng.uniform(100, 250) * t)
    return pause_after(vad, tone.astype(np.int16))


def _ended_ms(vad: Vad, events: list[VadEvent], cap_ms: int = 4000) -> int | None:
    """The pause's length when the answer ended (feeding quiet from here), or None by cap_ms."""
    if any(isinstance(e, SpeechEnded) for e in events):
        return vad.pause_ms or 0
    while vad.pause_ms < cap_ms:
        ms = vad.pause_ms
        if any(isinstance(e, SpeechEnded) for e in vad.feed(np.zeros(RATE // 50, np.int16))):
            return ms + 20
    return None


def _near(ended: int | None, wait: int) -> bool:
    return ended is not None and wait - 100 <= ended <= wait + 100


@pytest.mark.parametrize(("text", "wait"), list(itertools.product(FINISHED, WAITS)))
def test_sure_finished_words_held_by_the_voice_alone_wait_the_voice_only_wait(
    text: str, wait: int | None
) -> None:
    """Sure finished words (every sure probability), the voice going on: text_voice_only_ms
    (None: the unsure wait); the voice falling: the finished wait; prosody off: finished."""
    for p, seed in itertools.product(SURE, range(2)):
        config = VadConfig(use_text=True, text_voice_only_ms=wait)
        for goes_on in (True, False):
            vad = Vad(config, ask_end_of_turn=True, continues=lambda _c: False)
            clip = _pause(vad, seed)
            said = Heard(text, p, continues=goes_on, falls=not goes_on)
            ended = _ended_ms(vad, vad.hint_text(clip, said))
            expected = config.text_finished_ms
            if goes_on:
                expected = config.text_unsure_ms if wait is None else wait
            assert _near(ended, max(expected, config.text_finished_ms)), (p, goes_on, ended)
        # A plain transcript measured here (Vad.continues) is weighed the same way.
        vad = Vad(config, ask_end_of_turn=True, continues=lambda _c: True)
        ended = _ended_ms(vad, vad.hint_text(_pause(vad, seed), text))
        assert _near(ended, config.text_unsure_ms if wait is None else wait), ended


@pytest.mark.parametrize("text", FINISHED)
def test_doubt_or_no_evidence_keeps_the_unsure_wait(text: str) -> None:
    """The shorter wait is for the voice alone: a doubted last word whose voice goes on, a
    loop, words unsure by themselves keep text_unsure_ms; unfinished words hold to the cap."""
    config = VadConfig(use_text=True, text_voice_only_ms=600)
    loop = heard([HeardWord(w, 0.0, 0.0, 0.9) for w in ("not real, " * 8).split()])
    cases: list[tuple[str, int | None]] = [
        *((Heard(text, p, continues=True, falls=False), config.text_unsure_ms) for p in DOUBTS),
        (loop, config.text_unsure_ms),
        *((Heard(u, 0.99, continues=True, falls=False), config.text_unsure_ms) for u in UNSURE),
        *((Heard(u, 0.99, continues=True), None) for u in UNFINISHED),
    ]
    for said, wait in cases:
        vad = Vad(config, ask_end_of_turn=True, continues=lambda _c: True)
        ended = _ended_ms(vad, vad.hint_text(_pause(vad), said))
        if wait is None:
            assert judge(said) == "unfinished"
            assert ended is None or ended >= config.end_silence_max_ms - 100, (str(said), ended)
        else:
            assert _near(ended, wait), (str(said), ended)


@pytest.mark.parametrize(
    ("first", "second"),
    list(itertools.product(FINISHED[:4], [*FINISHED[:3], *UNFINISHED, *UNSURE])),
)
def test_a_second_look_at_the_pause_waits_for_the_more_cautious(first: str, second: str) -> None:
    """Sure finished words held by the voice alone, then a second look at the same pause: sure
    finished words (the voice alone still dissents) keep the voice-only wait; a doubt, unsure
    or unfinished words take their own, longer wait."""
    config = VadConfig(use_text=True, text_voice_only_ms=600)
    assert config.text_voice_only_ms is not None
    for p in (0.99, 0.4):
        vad = Vad(config, ask_end_of_turn=True, continues=lambda _c: False)
        clip = _pause(vad)
        events = vad.hint_text(clip, Heard(first, 0.95, continues=True, falls=False), tail=True)
        events += vad.hint_text(clip, Heard(second, p, continues=True, falls=False))
        ended = _ended_ms(vad, events)
        said = judge(second)
        if said == "unfinished":
            assert ended is None or ended >= config.end_silence_max_ms - 100, (p, ended)
        elif said == "finished" and p >= config.text_sure_p:
            assert _near(ended, config.text_voice_only_ms), (p, ended)
        else:
            assert _near(ended, config.text_unsure_ms), (p, ended)
