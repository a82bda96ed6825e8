"""Finished words that end on a whole question may end the turn sooner than a statement
(session 15, issue 15's turn gap): ``VadConfig.text_question_ms``, ``endwords.asks``.

Words that end a sentence end the pause once it is ``FINISHED_WAIT_MS`` (512) old: Piper's comma
pauses after a whole clause ("Not yet, | who would you suggest I talk to?", "Thank you, | that
is really helpful") last 320-450 ms and a shorter wait cut them. Those pauses follow a
statement; a question hands the turn over, so finished words that end on a whole question
(Whisper's "?" and a wh-word or an auxiliary opening the question) may end the pause after
``text_question_ms`` (the product's ``factory.QUESTION_WAIT_MS``: off until measured better;
the candidate 256 ms here). Generated: questions of many shapes (after a clause and a comma,
contracted and negated openers), spoken as syllables with pauses of many lengths, their words
landing at many moments of the pause, through the real words path (the pause decode's words ->
``worker.pause_words`` -> the product's ``Vad`` with the question's wait on); statements at the
same pauses keep the long wait, and a comma pause after one is still never cut.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from app.speech import AudioClip
from app.speech.audio import TARGET_RATE
from app.speech.endwords import asks, judge
from app.speech.quickwords import Heard
from app.speech.streaming import HeardWord
from app.speech.vad import SpeechEnded, Vad, VadConfig
from app.speech.worker import pause_words

FRAME_MS = 32


class _Settings:
    input_device = ""
    end_silence_ms = 550
    max_answer_s = 30.0


def _product_config() -> VadConfig:
    from app.speech.factory import make_microphone

    return make_microphone(_Settings()).vad.config  # type: ignore[arg-type,attr-defined]


#: The question's wait the detector tests use (VadConfig.text_question_ms): the product's
#: (app.speech.factory.QUESTION_WAIT_MS) when it sets one, else the candidate measured in
#: session 15 (bench/endpointing.py "_q256").
QUESTION_MS = 256


def _question_wait() -> int | None:
    from app.speech import factory

    return getattr(factory, "QUESTION_WAIT_MS", None) or QUESTION_MS


def _question_config() -> VadConfig:
    """The product's detector with the question's wait on."""
    return replace(_product_config(), text_question_ms=_question_wait())


# -- the words: which are whole questions -----------------------------------------------------

#: Whole questions: a wh-word (or its contraction) opening, or an auxiliary (negated too).
ASKED = [
    "what does a typical week look like for your team",
    "who would I be working with",
    "where do the new people usually start",
    "how did you decide to join this company",
    "why did you move into data work",
    "when does the team plan the next release",
    "which tools do you use every day",
    "what's the best way to learn the tools",
    "who's hiring for the spring",
    "how's the team organised",
    "whose idea was the new dashboard",
    "what drew you to this",
    "do you work with the data team",
    "does the team take interns",
    "is there anyone else I should meet",
    "are you hiring for the spring",
    "can I ask what you work on",
    "could you tell me more about the culture here",
    "would you suggest someone I could talk to",
    "should I apply before the summer",
    "have you been here long",
    "isn't that the data team over there",
    "don't you miss the lab work",
    "will they post the role online",
]
#: What may come before a question: a clause and its comma, a word that leads into it.
BEFORE = ["", "Not yet, ", "That sounds interesting, ", "Thank you, ", "So ", "And ",
          "I like finding out why numbers do not add up, ", "Okay, so "]  # fmt: skip


def _questions() -> list[str]:
    out = []
    for k, text in enumerate(ASKED):
        for lead in BEFORE[k % 3 :: 3]:  # each question after two or three leads
            said = text if lead else text[0].upper() + text[1:]
            out.append(f"{lead}{said}?")
    return out


#: Statements, some closed with "?" by Whisper (a rise heard on a statement), some of them the
#: whole clauses a comma pause follows.
STATEMENTS = [
    "Not yet.", "Thank you.", "That sounds interesting.", "I do not add up.",
    "Honestly I am not sure yet.", "I came tonight to learn how people got into data work.",
    "You are based in Chicago?", "The team works with the pipelines?", "Really?",
    "I like it, you know?", "Yes, absolutely.", "I think the team does.",
]  # fmt: skip
#: Statements that open with a wh-word, Whisper's "?" on them: the rising voice speakers go on
#: after (review of session 15, R3; the class: tests/speech/test_question_words.py).
WH_LED_STATEMENTS = [
    "When I was there, it was great?", "How I got here is a long story?",
    "What I really want is a team that ships?", "Which brings me to the team?",
    "That is, what we do here is mostly analytics?", "What a great team?",
]  # fmt: skip
STATEMENTS += WH_LED_STATEMENTS


@pytest.mark.parametrize("text", _questions())
def test_a_whole_question_asks(text: str) -> None:
    assert asks(text), text
    assert asks(text.lower())
    assert not asks(text.rstrip("?") + "."), "a period: no question mark, no question"


@pytest.mark.parametrize("text", STATEMENTS)
def test_a_statement_does_not_ask(text: str) -> None:
    assert not asks(text)


# -- the detector: the product's Vad, fed the pause decode's words ------------------------------


def _tone(seconds: float, amp: float = 0.3, hz: float = 180.0) -> np.ndarray:
    t = np.arange(int(seconds * TARGET_RATE)) / TARGET_RATE
    return (amp * 32767 * np.sin(2 * np.pi * hz * t)).astype(np.int16)


def _quiet(seconds: float, rng: np.random.Generator, level: float = 30.0) -> np.ndarray:
    return rng.normal(0, level, int(seconds * TARGET_RATE)).astype(np.int16)


def _syllables(seconds: float, rng: np.random.Generator) -> np.ndarray:
    parts: list[np.ndarray] = []
    while sum(map(len, parts)) < seconds * TARGET_RATE:
        parts += [_tone(0.2), _quiet(float(rng.uniform(0.06, 0.1)), rng)]
    return np.concatenate([*parts[:-1], _tone(0.2)])[: int(seconds * TARGET_RATE)]


def _product_vad(config: VadConfig) -> Vad:
    """The detector as the product's microphone makes it: Smart Turn asked on its thread (here
    never answering: with the words on it looks only at a pause whose words are late)."""
    return Vad(config, ask_end_of_turn=True)


def _decoded(clip: AudioClip, text: str, last_p: float) -> str:
    """The pause decode's words as the worker hands them to the detector (pause_words: a Heard
    with the last word's probability and the voice's ending measured on ``clip``)."""
    said = text.split()
    d = clip.duration_s
    n = len(said)
    words = [
        HeardWord(w, d * i / (n + 1), d * (i + 1) / (n + 1), 0.95 if i < n - 1 else last_p)
        for i, w in enumerate(said)
    ]
    return pause_words(clip, text, words)


def _end_of_pause(
    vad: Vad, samples: np.ndarray, pause_from: int, words_ms: int, text: str
) -> tuple[int | None, str]:
    """Feed ``samples`` (the pause starts at ``pause_from``) in 32 ms steps; the pause decode's
    words about the answer up to the pause land ``words_ms`` into it. The pause (ms, by the
    detector) when the answer ended, or None; and the words as the detector got them."""
    step = TARGET_RATE * FRAME_MS // 1000
    told: str | None = None
    for i in range(0, len(samples), step):
        events = vad.feed(samples[i : i + step])
        if told is None and i + step >= pause_from + words_ms * TARGET_RATE // 1000:
            told = _decoded(vad.current_clip(), text, 0.95)
            events += vad.hint_text(vad.current_clip(), told)
        if any(isinstance(e, SpeechEnded) for e in events):
            return round((i + step - pause_from) * 1000 / TARGET_RATE), str(told)
    return None, str(told)


def _cases(texts: list[str], n: int, seed: int) -> list[tuple[str, float, int, int]]:
    """(text, speech s, when the words land (ms into the pause), the pause's length ms)."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        words = int(rng.integers(3, 20)) * FRAME_MS  # 96-608 ms: quiet machine to loaded one
        pause = int(rng.choice([300, 420, 480, 600, 700, 900, 1200]))
        out.append((texts[i % len(texts)], float(rng.uniform(0.8, 3.5)), words, pause))
    return out


#: The questions whose words the judge finishes (after "so" or "and" it is unsure: 1.2 s).
QUESTIONS = [q for q in _questions() if judge(q) == "finished"]


@pytest.mark.parametrize(("text", "speech_s", "words_ms", "pause_ms"), _cases(QUESTIONS, 60, 15))
def test_a_whole_question_ends_its_pause_sooner_than_a_statement(
    text: str, speech_s: float, words_ms: int, pause_ms: int
) -> None:
    """The product's detector: a question's finished words end the pause when they land or once
    it is QUESTION_WAIT_MS old, whichever is later, not FINISHED_WAIT_MS (the old code: 512 ms
    for every finished sentence). A pause the speaker breaks sooner is never ended."""
    from app.speech.factory import FINISHED_WAIT_MS

    rng = np.random.default_rng(words_ms + pause_ms)
    lead = np.concatenate([_quiet(0.5, rng), _syllables(speech_s, rng)])
    samples = np.concatenate([lead, _quiet(pause_ms / 1000, rng), _syllables(1.0, rng)])
    vad = _product_vad(_question_config())
    ended, told = _end_of_pause(vad, samples, len(lead), words_ms, text)
    assert judge(told) == "finished", told
    assert asks(told), told
    expected = max(words_ms + FRAME_MS, FINISHED_WAIT_MS)  # the old wait, for comparison
    if words_ms + FRAME_MS < FINISHED_WAIT_MS and pause_ms >= FINISHED_WAIT_MS + FRAME_MS:
        assert ended is not None
        assert ended < expected, (ended, expected)
    wait = _question_wait()
    assert wait is not None
    assert wait < FINISHED_WAIT_MS
    due = max(words_ms, wait)
    if pause_ms >= due + 2 * FRAME_MS:
        assert ended is not None
        assert abs(ended - due) <= 2 * FRAME_MS, (ended, due)
    if pause_ms < due:
        assert ended is None, "the speaker went on before the wait ran out"


@pytest.mark.parametrize(
    ("text", "speech_s", "words_ms", "pause_ms"),
    _cases(STATEMENTS[:6], 30, 16) + _cases(WH_LED_STATEMENTS, 18, 18),
)
def test_a_statement_keeps_the_finished_wait_and_a_comma_pause_is_not_cut(
    text: str, speech_s: float, words_ms: int, pause_ms: int
) -> None:
    """Finished statements wait FINISHED_WAIT_MS as before, whenever their words land: a comma
    pause after a whole clause (up to 480 ms) is never ended, a real end is."""
    from app.speech.factory import FINISHED_WAIT_MS

    rng = np.random.default_rng(words_ms + pause_ms + 1)
    lead = np.concatenate([_quiet(0.5, rng), _syllables(speech_s, rng)])
    samples = np.concatenate([lead, _quiet(pause_ms / 1000, rng), _syllables(1.0, rng)])
    vad = _product_vad(replace(_question_config(), text_prosody=False))  # words and clock only
    ended, told = _end_of_pause(vad, samples, len(lead), words_ms, text)
    assert judge(told) == "finished", told
    assert not asks(told), told
    if pause_ms < FINISHED_WAIT_MS:
        assert ended is None, "a comma pause after a statement ended the answer"
    elif pause_ms >= max(words_ms, FINISHED_WAIT_MS) + 2 * FRAME_MS:
        assert ended is not None
        assert ended >= FINISHED_WAIT_MS - FRAME_MS, ended


UNFINISHED_QUESTIONS = [
    "Do you think the team would?", "Could you tell me more about?", "What I need is?",
    "Is there anyone else you think I?", "What do you, um,", "How did you get?",
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "speech_s", "words_ms", "pause_ms"), _cases(UNFINISHED_QUESTIONS, 24, 17)
)
def test_a_question_stopped_mid_way_keeps_listening(
    text: str, speech_s: float, words_ms: int, pause_ms: int
) -> None:
    """A question cut off before its end ("Could you tell me more about?") is no whole question:
    its words are unsure or unfinished, so the question's short wait never applies."""
    rng = np.random.default_rng(words_ms + pause_ms + 2)
    lead = np.concatenate([_quiet(0.5, rng), _syllables(speech_s, rng)])
    samples = np.concatenate([lead, _quiet(pause_ms / 1000, rng), _syllables(1.0, rng)])
    config = _question_config()
    ended, told = _end_of_pause(_product_vad(config), samples, len(lead), words_ms, text)
    assert judge(told) != "finished"
    assert ended is None or ended >= config.text_unsure_ms - FRAME_MS


def test_two_looks_at_one_pause_take_the_short_wait_only_if_both_ask() -> None:
    """The pause's words, then a second look at the same pause: a statement and a question
    together wait as a statement, two questions as a question."""
    config = replace(_question_config(), text_prosody=False)
    for first, second, short in (
        ("Not yet.", "Not yet, who would you suggest I talk to?", False),
        ("Who would you suggest I talk to?", "Who would you suggest I talk to?", True),
        ("Who would you suggest I talk to?", "Not yet.", False),
    ):
        rng = np.random.default_rng(3)
        vad = _product_vad(config)
        vad.feed(np.concatenate([_quiet(0.5, rng), _syllables(1.5, rng)]))
        vad.feed(_quiet(0.128, rng))  # announced
        clip = vad.current_clip()
        assert not vad.hint_text(clip, Heard(first, 0.95))
        assert not vad.hint_text(clip, Heard(second, 0.95))
        ended_at = None
        for k in range(40):
            if any(isinstance(e, SpeechEnded) for e in vad.feed(_quiet(0.032, rng))):
                ended_at = 128 + (k + 1) * FRAME_MS
                break
        assert ended_at is not None
        wait = config.text_question_ms if short else config.text_finished_ms
        assert wait is not None
        assert abs(ended_at - wait) <= 2 * FRAME_MS, (first, second, ended_at)


def test_the_factory_wires_the_questions_wait() -> None:
    """The product's microphone takes the question's wait from the factory (None: off, every
    finished sentence waits FINISHED_WAIT_MS)."""
    from app.speech import factory

    assert _product_config().text_question_ms == factory.QUESTION_WAIT_MS
