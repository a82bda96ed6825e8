"""A plain fact answering the manager's question about the seeker, then a question back about
the manager's own work, is exploration; the fact alone is neutral (trial 8 H26, H3).

"What do you do now?" "I'm a nurse. How did you get into informatics?" came out self-promotion /
interview: "I run a small bakery", "I've been a nurse for six years", "I have ten years of
experience in logistics" matched the pitch patterns, and the sentence model read the rest as a
pitch. A short fact about one's work answering the manager's own question about the seeker
(`cues._asks_about_seeker`, `patterns.PLAIN_FACT`) pitches nothing unless it boasts
(`patterns.BRAG`: results, scale, ranks); a question about the other person's work asks nothing
for the seeker, so the model's interview reading must hold for the fact alone
(`cues.silent_spans`, `learned._judge_rest`). Generated: manager questions x facts x questions
back x lead-ins x typed / recognizer style; counter-classes: boasts and pitches to the same
questions, facts after a line that asks nothing about the seeker or invites a pitch.
"""

from __future__ import annotations

import itertools
import re

from app.framing.analyzer import analyze_answer

ASKS_ABOUT_YOU = (
    "What do you do now?",
    "So what do you do these days?",
    "Where are you working at the moment?",
    "What's your background?",
    "What line of work are you in?",
    "How long have you been in the trade?",
    "Tell me a bit about yourself.",
    "What did you do before this?",
    "Nice to meet you. What kind of work do you do?",
    "and what are you doing for work right now",
)
FACTS = (
    "I'm a nurse",
    "I work in retail",
    "I've been a nurse for six years",
    "I've been teaching for five years",
    "I run a small bakery",
    "I manage a warehouse team",
    "I led the night shift at a care home",
    "I have ten years of experience in logistics",
    "I've got about ten years in logistics",
    "I did marketing for three years",
    "I drive for a delivery company",
    "I built websites for an agency",
    "I was a line cook until last spring",
    "I run the front desk at a hotel",
    "I've managed a clinic for four years",
    "I've worked in accounting for eight years",
    "I have a master's in public health",
    "I ran a food truck for a couple of years",
)
QUESTIONS_BACK = (
    "How did you get into informatics?",
    "What drew you to this field?",
    "How long have you been at the company?",
    "What was your path like?",
    "What's a typical day like for you?",
    "How did you end up in data?",
    "What do you enjoy most about your work?",
    "What was the hardest part of switching?",
    "How did your team get started?",
)
LEADS = ("", "Sure. ", "Oh, well, ", "Right now, ", "Um, ")
BOASTS = (
    "I've run a bakery for ten years and doubled its revenue",
    "I have ten years of experience and I always beat my targets",
    "I managed a two million dollar budget at my last job",
    "I led a team of eight and we cut delivery times by thirty percent",
    "I'm a fast learner and a real team player",
    "I've been a nurse for six years and I'm the best on my ward",
)
NO_QUESTION_ABOUT_YOU = (
    "We're hiring nurses this spring.",
    "Our team does fraud detection.",
    "Why should we hire you?",
    "What are your strengths?",
    "What makes you a good fit for us?",
)


def _asr(text: str) -> str:
    """Recognizer style: lower case, no punctuation, apostrophes dropped too."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


def _styles(text: str) -> tuple[str, str]:
    return text, _asr(text)


def _interview_cues(result: object) -> list[str]:
    return [
        c.cue
        for c in result.cues
        if c.cue in ("self_promotion", "commitment", "job_request", "pay_question")
    ]  # type: ignore[attr-defined]


def _answers(
    lines: tuple[str, ...], facts: tuple[str, ...], backs: tuple[str | None, ...]
) -> list[tuple[str, str]]:
    pairs = []
    for line, lead, fact, back in itertools.product(lines, LEADS, facts, backs):
        typed = f"{lead}{fact}." + (f" {back}" if back else "")
        pairs.extend((line, text) for text in _styles(typed))
    return pairs


FACT_THEN_QUESTION = _answers(ASKS_ABOUT_YOU, FACTS, QUESTIONS_BACK)


def test_the_class_is_large() -> None:
    assert len(FACT_THEN_QUESTION) > 15_000


def test_rules_read_a_fact_then_a_question_back_as_exploration() -> None:
    wrong = []
    for line, text in FACT_THEN_QUESTION:
        result = analyze_answer(line, text, rules_only=True)
        if result.frame != "exploration" or _interview_cues(result):
            wrong.append((line, text, result.frame, _interview_cues(result)))
    assert not wrong, f"{len(wrong)} of {len(FACT_THEN_QUESTION)}: {wrong[:5]}"


def test_the_hybrid_never_reads_a_fact_then_a_question_back_as_an_interview() -> None:
    """Every fact x question back in both styles after two of the lines (the model sees only the
    manager's cues, which the lines share). Never an interview; exploration but for the odd
    question the model takes for small talk (neutral, not this bug: at most 1 in 100)."""
    pairs = [
        (line, text)
        for line, text in FACT_THEN_QUESTION
        if line in (ASKS_ABOUT_YOU[0], ASKS_ABOUT_YOU[3])
    ]
    wrong, neutral = [], 0
    for line, text in pairs:
        result = analyze_answer(line, text)
        if result.frame == "interview" or _interview_cues(result):
            wrong.append((line, text, result.frame, _interview_cues(result)))
        neutral += result.frame == "neutral"
    assert not wrong, f"{len(wrong)} of {len(pairs)}: {wrong[:5]}"
    assert neutral <= len(pairs) / 100


def test_a_plain_fact_alone_is_neutral() -> None:
    pairs = _answers(ASKS_ABOUT_YOU, FACTS, (None,))
    wrong = []
    for line, text in pairs:
        for rules_only in (True, False):
            result = analyze_answer(line, text, rules_only=rules_only)
            if result.frame != "neutral" or _interview_cues(result):
                wrong.append((rules_only, line, text, result.frame, _interview_cues(result)))
    assert not wrong, f"{len(wrong)} of {2 * len(pairs)}: {wrong[:5]}"


def test_a_boast_to_the_same_question_is_still_a_pitch() -> None:
    pairs = _answers(ASKS_ABOUT_YOU, BOASTS, (None, *QUESTIONS_BACK[:3]))
    wrong = []
    for line, text in pairs:
        result = analyze_answer(line, text, rules_only=True)
        if result.frame != "interview" or "self_promotion" not in _interview_cues(result):
            wrong.append((line, text, result.frame))
    assert not wrong, f"{len(wrong)} of {len(pairs)}: {wrong[:5]}"


def test_a_fact_is_a_pitch_where_nobody_asked_about_the_seeker() -> None:
    """After a line that asks nothing about the seeker, or invites a pitch, the patterns that
    state a fact of one's work still pitch (as before this class)."""
    pitching = [f for f in FACTS if f not in ("I'm a nurse", "I work in retail",
                "I've been teaching for five years", "I've got about ten years in logistics",
                "I did marketing for three years", "I drive for a delivery company",
                "I was a line cook until last spring", "I've worked in accounting for eight years",
                "I manage a warehouse team")]  # fmt: skip
    pairs = _answers(NO_QUESTION_ABOUT_YOU, tuple(pitching), (None,))
    wrong = []
    for line, text in pairs:
        result = analyze_answer(line, text, rules_only=True)
        if "self_promotion" not in _interview_cues(result):
            wrong.append((line, text, result.frame))
    assert not wrong, f"{len(wrong)} of {len(pairs)}: {wrong[:5]}"


# --- review 9 R2: small talk is no question about the seeker's work -----------------------------

SMALL_TALK = ("Do you have any questions for me?", "How are you finding the event?",
              "Did you find the place okay?", "Are you enjoying the conference?",
              "Where did you park?", "Anything you want to ask me?",
              "How was your trip in?")  # fmt: skip
CREDENTIALS = ("I've got ten years of experience in logistics.",
               "I've managed a team of twelve for years.",
               "I've been a project manager for eight years.", "I've led three warehouse teams.",
               "I have a master's in supply chain.")  # fmt: skip


def test_credentials_after_small_talk_still_pitch() -> None:
    wrong = []
    for line, said, back in itertools.product(
        SMALL_TALK, CREDENTIALS, ("", " What does your team work on?")
    ):
        for text in _styles(said + back):
            result = analyze_answer(line, text, rules_only=True)
            if "self_promotion" not in _interview_cues(result):
                wrong.append((line, text, result.frame))
    assert not wrong, f"{len(wrong)}: {wrong[:5]}"
