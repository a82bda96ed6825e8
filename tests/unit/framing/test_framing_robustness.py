"""Any text gives a result: no exceptions, scores in range, spans that index the text, speed."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from app.framing import Turn, analyze, analyze_answer
from app.framing.cues import find_questions

SPEAKER = st.sampled_from(["manager", "seeker"])
VOCABULARY = """yes no i you what how do are is that the job position interested maybe not sure
    ? . , ! ’ ' when can start pay who else advice"""
WORDS = st.lists(st.sampled_from(VOCABULARY.split()), max_size=30).map(" ".join)
TEXT = st.one_of(st.text(max_size=300), WORDS)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(SPEAKER, TEXT), max_size=8))
def test_any_conversation_gives_a_valid_analysis(lines: list[tuple[str, str]]) -> None:
    """Never raises; every score is in [-1, 1]; every span slices to its cue text."""
    turns = [Turn("manager" if s == "manager" else "seeker", t) for s, t in lines]
    analysis = analyze(turns)
    assert len(analysis.turns) == len(turns)
    for turn, result in zip(turns, analysis.turns, strict=True):
        assert -1.0 <= result.score <= 1.0
        assert (result.frame == "exploration") <= (result.score > 0)
        assert (result.frame == "interview") <= (result.score < 0)
        for cue in result.cues:
            assert 0 <= cue.start < cue.end <= len(turn.text)
            assert turn.text[cue.start : cue.end] == cue.text
    if analysis.shift is not None:
        assert turns[analysis.shift.turn].speaker == "seeker"


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.none(), TEXT), TEXT)
def test_any_answer_gives_a_valid_turn(manager: str | None, answer: str) -> None:
    """analyze_answer accepts any strings and returns valid spans."""
    result = analyze_answer(manager, answer)
    assert -1.0 <= result.score <= 1.0
    assert all(answer[c.start : c.end] == c.text for c in result.cues)


def test_spans_survive_case_changing_unicode() -> None:
    """Characters whose lower case is longer (İ) do not shift the spans."""
    answer = "İİİ İstanbul? WHEN CAN I START"
    result = analyze_answer("İs this a role you'd want?", answer)
    assert result.frame == "interview"
    assert all(answer[c.start : c.end] == c.text for c in result.cues)


def test_control_characters_and_empty_text() -> None:
    """Empty turns and control characters give results, not errors."""
    assert analyze_answer("", "").frame == "neutral"
    assert analyze_answer("\x00\x1b[31m", "yes\x00\x07 what does your team do\r\n").cues


def test_ten_megabyte_answer_in_bounded_time() -> None:
    """A 10 MB answer is analysed in well under a second of CPU (only a prefix is searched).

    CPU time, not wall time: on a machine shared with other work the wall clock measures the
    queue for the cores, not this code."""
    huge = "what does your team do and i have ten years of experience " * 180_000
    assert len(huge) > 10_000_000
    analyze_answer(None, "warm up")  # the sentence model loads once per process, not per turn
    started = time.process_time()
    analysis = analyze([Turn("manager", "Tell me about yourself."), Turn("seeker", huge)])
    assert time.process_time() - started < 1.0
    assert analysis.metrics["words"]["seeker"] == 12 * 180_000
    assert max(c.end for c in analysis.turns[1].cues) <= 4000


def test_ten_megabyte_answer_the_rules_cannot_decide_in_bounded_time() -> None:
    """The sentence model reads only a prefix too."""
    huge = "the weather was lovely on the coast and the trains ran late " * 170_000
    assert len(huge) > 10_000_000
    analyze_answer(None, "warm up")
    started = time.process_time()
    result = analyze_answer("How was your trip?", huge)
    assert time.process_time() - started < 1.0
    assert all(c.end <= 4000 for c in result.cues)


def test_pathological_repetition_is_fast() -> None:
    """Inputs built to make regexes backtrack stay fast (CPU time: the wall clock of a shared
    machine measures the queue for the cores)."""
    analyze_answer(None, "warm up")  # the sentence model loads once per process, not per turn
    for chunk in ("a " * 5000, "i " * 5000, "what " * 2000, "'" * 10000, "im not " * 1000):
        started = time.process_time()
        analyze_answer(chunk, chunk)
        assert time.process_time() - started < 0.5, chunk[:10]


def test_finding_questions_in_ten_megabytes_is_bounded() -> None:
    """Other layers call find_questions directly (dialogue matches questions to topics)."""
    huge = "so what does your team do and how did you start. " * 220_000
    started = time.process_time()
    spans = find_questions(huge)
    assert time.process_time() - started < 1.0
    assert spans
    assert max(end for _, end in spans) <= 4000
