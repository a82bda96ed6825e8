"""A contracted modal before "do"/"have" makes it the main verb, not a question's auxiliary
(trial7 G24: "... and I'd do the same here" read as a question "do the same here").

Generated: subjects with a contracted modal ("I'd", "we'll", "you'd", recognizer "id", "ill")
x do/have (an adverb between) x objects, after a lead-in or alone, typed and recognizer style
(not recognizer "well"/"hell" for "we'll"/"he'll"): no question is heard;
a real question opening with "do"/"have" after a lead-in ("Well do you...", "ok so have you...")
still is."""

from __future__ import annotations

import itertools
import re

from app.framing.analyzer import analyze_answer

SUBJECTS = ("I'd", "I'll", "we'd", "we'll", "you'd", "you'll", "they'd", "they'll", "she'd",
            "he'll", "it'll", "that'd")  # fmt: skip
VERBS = ("do", "have", "probably do", "definitely have", "always do")
OBJECTS = ("the same here", "it this weekend", "the data by then", "it in by Wednesday",
           "that tonight", "the whole team behind you")  # fmt: skip
LEADS = ("", "I fixed it with a dashboard and ", "Great, ", "Honestly ")
QUESTIONS = ("Well do you have the data?", "ok so have you tried that", "So do they do the same?",
             "Right, do you have a team for that?")  # fmt: skip
LINE = "We struggle with data quality."


def _asr(text: str) -> str:
    """Recognizer style: lower case, no punctuation, apostrophes dropped too."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


def _questions(answer: str) -> list[str]:
    result = analyze_answer(LINE, answer, rules_only=True)
    return [cue.text for cue in result.cues if cue.cue == "seeker_question"]


def test_a_contracted_modal_before_do_or_have_is_no_question() -> None:
    heard = []
    for lead, subject, verb, obj in itertools.product(LEADS, SUBJECTS, VERBS, OBJECTS):
        text = f"{lead}{subject} {verb} {obj}."
        # recognizer "we'll"/"he'll" are "well"/"hell", which may open a question ("well do you")
        for answer in (text,) if subject in ("we'll", "he'll") else (text, _asr(text)):
            if _questions(answer):
                heard.append((answer, _questions(answer)))
    assert not heard, f"{len(heard)}: {heard[:8]}"


def test_questions_opening_with_do_or_have_are_still_heard() -> None:
    for text in QUESTIONS:
        for answer in (text, _asr(text)):
            assert _questions(answer), answer
