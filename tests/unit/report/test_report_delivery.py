"""Speaking pace from the WAVs and filler words from the text."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from report_helpers import write_wav

from app.report import PACE_GUIDE, count_fillers, measure_delivery, speech_seconds
from app.store import TurnRecord


def _turn(idx: int, text: str, audio: str | None, speaker: str = "seeker") -> TurnRecord:
    return TurnRecord(idx, 1, idx, speaker, None, text, None, None, [], None, None, audio, None)


def test_leading_and_trailing_silence_is_trimmed(tmp_path: Path) -> None:
    """A 2 s "utterance" between 1.5 s and 1 s of silence measures about 2 s of speech."""
    path = write_wav(tmp_path / "a.wav", 2.0, lead_s=1.5, tail_s=1.0)
    assert speech_seconds(path) == pytest.approx(2.0, abs=0.05)


def test_silent_and_broken_files(tmp_path: Path) -> None:
    """A silent WAV has no speech; a file that is not a WAV gives None, not an exception."""
    silent = tmp_path / "s.wav"
    with wave.open(str(silent), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(bytes(32000))
    assert speech_seconds(silent) == 0.0
    junk = tmp_path / "j.wav"
    junk.write_bytes(b"not a wav")
    assert speech_seconds(junk) is None
    assert speech_seconds(tmp_path / "missing.wav") is None


def test_pace_is_words_over_speech_time_of_voice_answers(tmp_path: Path) -> None:
    """Pace counts only voice answers: 12 words in 4 s of speech plus 3 in 2 s is 150 wpm."""
    write_wav(tmp_path / "audio/1/001-seeker.wav", 4.0, lead_s=2.0)  # a long pause first
    write_wav(tmp_path / "audio/1/003-seeker.wav", 2.0)
    turns = [
        _turn(
            0, "Manager line with many many words in it here", "audio/1/000-manager.wav", "manager"
        ),
        _turn(
            1,
            "one two three four five six seven eight nine ten eleven twelve",
            "audio/1/001-seeker.wav",
        ),
        _turn(2, "typed answer with no recording at all", None),
        _turn(3, "one two three", "audio/1/003-seeker.wav"),
    ]
    d = measure_delivery(turns, tmp_path)
    assert d.voice_answers == 2
    assert d.typed_answers == 1
    assert d.wpm == pytest.approx(15 / 6 * 60, rel=0.03)
    assert [p.turn for p in d.paces] == [1, 3]
    assert d.fastest is not None
    assert d.fastest.turn == 1
    assert d.to_dict()["pace_guide_wpm"] == list(PACE_GUIDE) == [100, 165]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("um, like, what do you enjoy?", {"um": 1, "like": 1}),
        ("uh I was like so excited, you know", {"uh": 1, "like": 1, "you know": 1}),
        ("I would like to know, do you know him?", {}),
        ("projects like this one", {}),
        ("Umm, it was, like, a lot", {"um": 1, "like": 1}),
    ],
)
def test_fillers_are_counted_in_the_text(text: str, expected: dict[str, int]) -> None:
    """Fillers count as fillers; "like" the verb and "do you know" the question do not."""
    found = {k: v for k, v in count_fillers(text).items() if v}
    assert found == expected


_WHATS = ("What's", "What is", "What was", "whats", "what's", "So what's", "And what is")
_SUBJECTS = ("the client", "your team", "it", "working there", "a normal day", "the first year",
             "your manager", "the on-call rota", "life on the ward", "the culture")  # fmt: skip
_TAILS = ("?", " to work for?", " day to day?", " for new people?", " there?", "", " at the moment",
          ", day to day?", ", honestly?")  # fmt: skip


@pytest.mark.parametrize("what", _WHATS)
def test_like_closing_a_what_question_is_no_filler(what: str) -> None:
    """Trial 7 G10: "What's the client like to work for?" was counted as a filler, so every
    "what's X like?" question was penalised. Generated: question words x subjects x endings,
    typed and in recognizer style (no punctuation)."""
    for subject in _SUBJECTS:
        for tail in _TAILS:
            text = f"{what} {subject} like{tail}"
            assert count_fillers(text)["like"] == 0, text
            bare = text.lower().replace("?", "").replace("'", "")
            assert count_fillers(f"ok um {bare}")["like"] == 0, bare


@pytest.mark.parametrize(
    "text",
    [
        "What, like, happens after the first month?",  # set off by commas: a filler
        "I was like so nervous. What's the team like?",
        "It's like really hard, what's next",
        "What's the team like, like, day to day?",
        "What I did was, like, mostly spreadsheets",
    ],
)
def test_a_filler_like_near_a_what_still_counts(text: str) -> None:
    assert count_fillers(text)["like"] == 1, text
