"""Yes/no questions about the work the seeker would do are exploration (review 11 R9).

"Would I get to work on the Kafka migration?", "Do I get to shadow someone in the first week?",
"In the role, would I present to the board?" ask what the work is, as "what would I work on?"
does: the sentence model may not read them as a job request, a commitment or a pitch on its own
(the rest of the turn must ask for the job alone). A request, the terms or a pitch beside them is
still read ("... I'd love to join your team", "would I get to work from home", "would I be a good
fit"). Generated: lead-ins x auxiliaries x the work x the manager's line x typed / recognizer."""

from __future__ import annotations

import itertools
import random
import re

from app.framing.analyzer import analyze_answer
from app.framing.learned import _work_i_would_do

LINES = (
    "We're moving the whole platform to streaming this year.",
    "So are you interested in the role?",
    "The ward is busy, but the team is close and the matron is great.",
    "We just won the contract for the new depot in Leeds.",
)
LEADS = ("", "Okay. ", "Oh nice, ", "Um, ", "Cool. ", "That sounds interesting. ")
ASKS = ("Would I get to", "Would I", "Will I get to", "In the role, would I", "Do I get to",
        "Would I be able to", "Could I", "On the team, would I also", "Would I actually",
        "Would I be expected to")  # fmt: skip
WORK = (
    "work with the doctors directly",
    "work on the Kafka migration",
    "shadow someone in the first week",
    "build pipelines or mostly dashboards",
    "learn from the senior engineers",
    "sit with the clinic managers",
    "present to the hospital board",
    "own a pipeline end to end",
    "mentor the junior designers",
    "use the new scheduling tool",
    "deal with suppliers myself",
    "travel to the other depots",
    "talk to customers much",
    "run the morning huddles",
    "get hands-on with the machines",
    "help plan the new menu",
)
#: Beside a request, the terms or a pitch, the turn still asks for the job.
STILL_ASKS = (
    "{q} I'd love to join your team.",
    "I really want this job. {q}",
    "{q} Honestly I'd take the job today.",
    "{q} Could you put me forward for it?",
)
NOT_WORK = (
    "Would I get to work from home on Fridays?",
    "Would I be a good fit for the team?",
    "Could I work with you on your team?",
    "Would I get to start next month?",
    "Do I get to work remotely?",
)


def _asr(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s-]", " ", text.lower().replace("'", ""))).strip()


def _question(lead: str, ask: str, work: str) -> str:
    q = f"{ask} {work}?"
    return f"{lead}{q[0].lower()}{q[1:]}" if lead.endswith(", ") else lead + q


QUESTIONS = sorted(
    {
        text
        for lead, ask, work in itertools.product(LEADS, ASKS, WORK)
        for text in (_question(lead, ask, work), _asr(_question(lead, ask, work)))
    }
)


def _read(line: str, answer: str) -> str:
    return analyze_answer(line, answer).frame


def test_the_hybrid_never_reads_a_question_about_the_work_as_asking_for_the_job() -> None:
    assert len(QUESTIONS) > 1000
    cases = [(line, q) for line in LINES for q in random.Random(9).sample(QUESTIONS, 250)]
    bad = []
    for line, answer in cases:
        result = analyze_answer(line, answer)
        if result.frame == "interview":
            bad.append(f"{line!r} -> {answer!r}: {[c.cue for c in result.cues]}")
    assert not bad, f"{len(bad)} of {len(cases)}: {bad[:8]}"


def test_a_request_beside_them_is_still_read() -> None:
    rng = random.Random(4)
    for template in STILL_ASKS:
        for q in rng.sample(QUESTIONS, 25):
            answer = template.format(q=q[0].upper() + q[1:])
            for line in LINES[:2]:
                assert _read(line, answer) == "interview", (line, answer)


def test_the_terms_a_place_or_a_pitch_asked_the_same_way_are_still_interview() -> None:
    for question, line in itertools.product(NOT_WORK, LINES):
        for answer in (question, _asr(question)):
            assert _read(line, answer) == "interview", (line, answer)


#: Yes/no questions with "I" that ask for a chance, a place or one's own terms (review 13): the
#: guard never takes them, so the model's reading of them stands as before it.
ASKS_WITH_I = (
    "freelance for your agency", "do a trial day at the studio", "shadow you next week",
    "do my placement here", "intern with your group this summer", "be your next analyst",
    "volunteer with you on Saturdays", "have to relocate", "take unpaid leave in the summer",
    "be on probation", "do a four day week", "negotiate a bit more", "be on a higher band",
    "need to be in the office every day", "work from the Leeds office", "get a company car",
)  # fmt: skip
ASK_LEADS = ("Could I", "Can I", "Would I be able to", "Might I", "Would I")


def test_the_guard_takes_no_question_asking_for_a_chance_a_place_or_terms() -> None:
    taken = [
        text
        for lead, ask, opener in itertools.product(ASK_LEADS, ASKS_WITH_I, ("", "Oh nice, ", "Um "))
        for text in (f"{opener}{lead} {ask}?", _asr(f"{opener}{lead} {ask}?"))
        if _work_i_would_do(text)
    ]
    assert not taken, taken[:10]


CHALLENGE = "Would you be up for a challenge like that?"
CLAIMS = ("i managed a team of twelve nurses", "i ran the shop floor for six years",
          "i led the migration last year")  # fmt: skip


def test_a_claim_after_a_yes_is_still_a_claim() -> None:
    for yes, claim in itertools.product(
        ("yes i would", "well i do", "yeah i can", "i could"),
        CLAIMS,
    ):
        answer = f"{yes} {claim}"
        result = analyze_answer(CHALLENGE, answer, rules_only=True)
        assert "self_promotion" in [c.cue for c in result.cues], answer
