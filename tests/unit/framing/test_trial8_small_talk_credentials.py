"""Credentials after small talk still pitch: small talk that names "how long", "how much",
"company", "side" or "leadership" is no question about the seeker's work (review 9 R9, on trial
8 H26/H3).

A plain fact answering the manager's question about the seeker's own work pitches nothing
(`cues._asks_about_seeker`, `patterns.SEEKER_WORK_TOPIC`). The question must ask about their
work in its structure (what do you do, where do you work, your role/job/background, how long
have you been a/in/at/doing..., tell me about yourself, what are you working on), not merely
contain a word that can be about work. Generated: small-talk templates (how long x waiting/in
town/here..., how much x parking/ticket..., company/business/leadership/side x event/partner/
talk...) x credential answers x tails x typed / recognizer style: self_promotion kept. The H26
class (the work questions) is test_trial8_fact_then_question.py.
"""

from __future__ import annotations

import itertools
import re

from app.framing.analyzer import analyze_answer

HOW_LONG = ("How long have you been waiting?", "How long are you in town for?",
            "How long have you been here today?", "How long did it take you to get here?",
            "How long is your drive home?", "How long have you been at the fair?")  # fmt: skip
HOW_MUCH = ("How much did parking cost you?", "How much was your ticket?",
            "How much time do you have before the next talk?",
            "How much did you enjoy the keynote?")  # fmt: skip
PLACES = ("Did you catch the leadership talk?", "Have you been to one of our company events "
          "before?", "Have you met our business partner Lena?", "Did you come in from the river "
          "side?", "Are you staying for the management dinner?", "Did you see the company "
          "video?", "Is your car on the north side?", "Did you grab a business card from "
          "the front?")  # fmt: skip
SMALL_TALK = HOW_LONG + HOW_MUCH + PLACES
CREDENTIALS = ("I've been a project manager for eight years.",
               "I've got ten years of experience in logistics.",
               "I have a master's in supply chain.", "I've led three warehouse teams.",
               "I've managed a clinic for four years.")  # fmt: skip
TAILS = ("", " What does your team work on?", " so what is the team like")


def _asr(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


PAIRS = [
    (line, text)
    for line, said, tail in itertools.product(SMALL_TALK, CREDENTIALS, TAILS)
    for text in (said + tail, _asr(said + tail))
]


def test_the_class_is_large() -> None:
    assert len(PAIRS) > 500


def test_credentials_after_small_talk_still_pitch() -> None:
    wrong = []
    for line, text in PAIRS:
        for asr_line in (line, _asr(line)):
            result = analyze_answer(asr_line, text, rules_only=True)
            if "self_promotion" not in [c.cue for c in result.cues]:
                wrong.append((asr_line, text, result.frame))
    assert not wrong, f"{len(wrong)} of {2 * len(PAIRS)}: {wrong[:5]}"


def test_the_hybrid_reads_them_as_an_interview() -> None:
    pairs = [(line, text) for line, text in PAIRS if line in (HOW_LONG[0], PLACES[0])]
    wrong = []
    for line, text in pairs:
        result = analyze_answer(line, text)
        if result.frame != "interview":
            wrong.append((line, text, result.frame))
    assert not wrong, f"{len(wrong)} of {len(pairs)}: {wrong[:5]}"
