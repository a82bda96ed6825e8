"""Saying one is curious asks nothing unless a question follows (trial7 G5: "I'm curious, but
I'd want to hear how the team works first." was a seeker question on "I'm curious").

Generated: subjects x curious/wondering x closings that end the thought (", but ...", ".",
" too.", ", and ...") x typed / recognizer style: no question on the curious words; an indirect
question ("I'm curious what the team does", "I'm curious, to be honest, what a data steward
does") still is one."""

from __future__ import annotations

import itertools
import re

from app.framing.analyzer import analyze_answer

LINE = "So tell me, are you interested in the position?"
SUBJECTS = ("I'm", "I am", "I was", "I've always been", "I'm really", "Honestly I'm")
WORDS = ("curious", "wondering")
CLOSINGS = (", but I'd want to hear how the team works first.", ".", " too.", "!",
            ", and I'd like to learn more first.", " as well.", ", so I came over.")  # fmt: skip
ASKING = ("I'm curious what the team does all day.", "I was wondering how big the team is.",
          "I'm curious, to be honest, what a data steward does all day.",
          "i am curious though how your team uses it")  # fmt: skip


def _asr(text: str) -> str:
    """Recognizer style: lower case, no punctuation, apostrophes dropped too."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


def _curious_questions(answer: str) -> list[str]:
    cues = analyze_answer(LINE, answer, rules_only=True).cues
    return [
        c.text
        for c in cues
        if c.cue == "seeker_question" and re.search(r"curious|wondering", c.text)
    ]


def test_being_curious_is_no_question() -> None:
    heard = []
    for subject, word, closing in itertools.product(SUBJECTS, WORDS, CLOSINGS):
        text = f"{subject} {word}{closing}"
        # the recognizer's copy loses the comma that ends the thought: only "but"/"too" remain
        answers = (text, _asr(text)) if closing.startswith((", but", " too", " as")) else (text,)
        heard.extend((a, q) for a in answers if (q := _curious_questions(a)))
    assert not heard, f"{len(heard)}: {heard[:8]}"


def test_an_indirect_question_is_still_a_question() -> None:
    for text in ASKING:
        cues = analyze_answer(LINE, text, rules_only=True).cues
        assert [c for c in cues if c.cue == "seeker_question"], text
