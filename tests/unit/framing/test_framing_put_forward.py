"""Agreeing to be put forward, or asking for it, is a job request (trial6 F7): "Sure, put me
forward!", "put my name in", "send my CV through", "submit me", "go ahead and refer me", to any
manager line, in recognizer style too; "yes please do" to an offer to put you forward is a
commitment. Negated, deferred or conditional on fit it is not ("don't put me forward yet", "if
it turns out to be a fit, pass my name along then"), and asking to be put in touch with someone
to learn stays referral seeking. Generated classes, both ways."""

from __future__ import annotations

import itertools
import re

from app.framing.analyzer import analyze_answer

LINES = (
    "Okay, let's slow down. What would you want to know from Nadia before deciding?",
    "We're hiring two analysts this spring.",
    "So what brings you here tonight?",
    "The client wants someone who can start soon.",
)
OFFERS = (
    "Shall I put you forward for it?",
    "Do you want me to pass your name along?",
    "Want me to put your name forward to Nadia?",
)
LEADS = ("", "Sure, ", "Yes, ", "Yeah, ", "Absolutely, ", "Great, ", "Okay then, ", "Please ")
REQUESTS = (
    "put me forward", "put my name forward", "put me forward for the role", "put my name in",
    "put my name down", "put my CV forward", "send my CV through", "pass my details on",
    "send my name along", "submit me", "submit my application", "go ahead and put me forward",
    "go ahead and refer me", "go ahead and submit me", "put me up for it", "send me through",
    "nominate me", "put my name in the hat",
)  # fmt: skip
ENDS = ("!", ".", "", " please.", ", I'm ready.")
NOT_REQUESTS = (
    "Don't put me forward yet, I'd like to learn more first.",
    "Please don't put my name forward just yet.",
    "I'm not asking you to put me forward, I just want to understand the work.",
    "If it turns out to be a fit, I'd be glad for you to pass my name along then.",
    "Once I know more about the team, maybe you could put me forward.",
    "Could you put me in touch with Lena?",
    "Could you pass me on to someone in research?",
    "Put me in touch with anyone who'd talk to me about the work?",
)


def _asr(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s'’]", " ", text.lower())).strip()


def _is_request(line: str, answer: str) -> bool:
    result = analyze_answer(line, answer, rules_only=True)
    return result.frame == "interview" and "job_request" in {c.cue for c in result.cues}


def test_agreeing_to_be_put_forward_is_a_job_request() -> None:
    missed = []
    for line, lead, request, end in itertools.product(LINES, LEADS, REQUESTS, ENDS):
        answer = f"{lead}{request if lead else request[0].upper() + request[1:]}{end}"
        for text in (answer, _asr(answer)):
            if not _is_request(line, text):
                missed.append((line, text))
    assert not missed, missed[:8]


def test_the_hybrid_keeps_it_a_job_request() -> None:
    for line, request in itertools.product(LINES[:2], REQUESTS):
        answer = f"Sure, {request}!"
        assert analyze_answer(line, answer).frame == "interview", answer


def test_yes_please_do_to_an_offer_to_put_you_forward_is_a_commitment() -> None:
    for line, answer in itertools.product(
        OFFERS, ("Yes please do.", "yes please do", "Please do!")
    ):
        result = analyze_answer(line, answer, rules_only=True)
        assert result.frame == "interview", (line, answer, result)


def test_declined_deferred_or_learning_is_no_job_request() -> None:
    read = [
        (line, text)
        for line, answer in itertools.product(LINES + OFFERS, NOT_REQUESTS)
        for text in (answer, _asr(answer))
        if "job_request" in {c.cue for c in analyze_answer(line, text, rules_only=True).cues}
    ]
    assert not read, read[:8]
