"""Asking to be judged is an interview (session 11, the newcomer trial's N8; the class of
`patterns.DISQUALIFIER`).

"What do you think of me so far, be honest" read exploration (a plain question), and "Would you
hire someone without a technical background?" was left to the model. Inviting the manager's
verdict on oneself ("what do you think of me", "how am I doing so far", "what do you make of my
background") or asking whether they would hire someone with the seeker's lack ("would you hire
someone without a degree", "would you ever hire someone like me") asks to be judged for the
position: a job request (`patterns.JUDGE_ME`). Counter-class: their opinion of something else or
their own hiring plans ("what do you think of the talk", "would you hire someone for that?",
"how did you do it") asks nothing. Generated: verdicts x leads x tails x styles x lines.
"""

from __future__ import annotations

import itertools
import re

from app.framing.analyzer import analyze_answer

LINES = (
    "Tell me about yourself.",
    "We're a small team.",
    "Any questions for me?",
    "That's a good question.",
)
VERDICTS = (
    "what do you think of me so far",
    "what do you honestly think of me",
    "how am I doing so far",
    "how did I do",
    "what do you make of my background",
    "what do you think of my chances",
    "what did you think of my pitch",
    "would you hire someone without a technical background",
    "would you ever hire someone like me",
    "would you consider someone with no degree",
    "do you interview people without any experience",
    "would you hire somebody who hasn't worked in healthcare",
    "would you take on someone from outside the industry",
    "could you hire someone who is self-taught",
)
LEADS = ("", "Be honest, ", "So ", "Okay, ", "Hmm, ")
TAILS = ("?", ", be honest?", "? I can take it.", "? Just curious.")
NOT_ME = (
    "what do you think of the talk",
    "would you hire someone for that",
    "how did you do it",
    "what do you make of the new tool",
    "how are you doing",
    "would you hire someone before the launch",
    "what did you think of the panel",
)


def _asr(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


def _said(lead: str, question: str, tail: str) -> tuple[str, str]:
    typed = (lead + question)[0].upper() + (lead + question)[1:] + tail
    return typed, _asr(typed)


JUDGED = [
    t for q, lead, tail in itertools.product(VERDICTS, LEADS, TAILS) for t in _said(lead, q, tail)
]
OTHER = [t for q, lead in itertools.product(NOT_ME, LEADS) for t in _said(lead, q, "?")]


def _request(line: str, text: str, rules_only: bool = True) -> bool:
    result = analyze_answer(line, text, rules_only=rules_only)
    return result.frame == "interview" and "job_request" in {c.cue for c in result.cues}


def test_asking_to_be_judged_is_a_job_request() -> None:
    """Old code: most were plain questions (exploration)."""
    assert len(JUDGED) > 500
    wrong = [(line, text) for line in LINES for text in JUDGED if not _request(line, text)]
    assert not wrong, f"{len(wrong)} of {len(LINES) * len(JUDGED)}: {wrong[:6]}"


def test_the_hybrid_keeps_it() -> None:
    wrong = [text for text in JUDGED[::5] if not _request(LINES[2], text, rules_only=False)]
    assert not wrong, f"{len(wrong)}: {wrong[:6]}"


def test_their_view_of_something_else_asks_nothing() -> None:
    wrong = [
        (line, text)
        for line in LINES
        for text in OTHER
        if "job_request" in {c.cue for c in analyze_answer(line, text, rules_only=True).cues}
    ]
    assert not wrong, wrong[:6]


def test_the_shift_explanation_says_what_asking_to_be_judged_did() -> None:
    """Review 11 R8: the tip said "asked for the job itself" also for "what do you think of me
    so far"; a job request's tip now fits each of its kinds (asking for the job, a spot, a
    referral, a verdict on oneself): it put the seeker forward as a candidate."""
    from app.framing import Turn, analyze

    checked = 0
    for line, text in itertools.product(LINES, JUDGED[::7]):
        shift = analyze([Turn("manager", line), Turn("seeker", text)], rules_only=True).shift
        assert shift is not None, text
        assert "asked for the job" not in shift.explanation, shift.explanation
        assert "put you forward as a candidate" in shift.explanation, shift.explanation
        checked += 1
    assert checked > 200
