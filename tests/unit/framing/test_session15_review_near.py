"""Review 15's near misses of two session-15 classes, fixed as classes (R4, R6).

R4, one's own candidacy's status: the status of SOMEONE ELSE's offer, contract, start date or
paperwork ("We made an offer to a contractor." "Has the offer been accepted?"), an offer in a
relative clause of another's ("the offer you made the other candidate"), "where do things stand
with <not me>" and "when will you hear back from <someone>" ask for no position (the bare step
is the seeker's only when nothing of another follows it and the line did not name it for
someone else, `patterns.STEP_OF_OTHERS`; "where do things stand" only bare or with me; "hear
back" only with the seeker hearing, one declaration in `patterns.OWN_STATUS`). The seeker's own
("any news on my application", "has the offer letter gone out to me", "where do things stand
with me", "when will I hear back") still is a job request.

R6, an understated wish to join: "I could see myself there / doing that", "that'd suit me",
"I'd be up for that", "I wouldn't mind being part of that" after a line about the manager's own
past, family, pastime, commute or a social event of the team commit nothing
(`patterns.OWN_LIFE_LINE`, the event nouns in `patterns.NOT_A_JOB_THING`); the same after a line
about their team, company, work or hiring still commits.

Generated: manager lines x answers x typed / recognizer style (lower case, no punctuation)."""

from __future__ import annotations

import itertools

from app.framing.analyzer import analyze_answer
from app.framing.evaluation import recognizer_style

NEUTRAL_LINES = (
    "Good to see you again.",
    "We've had a busy few weeks here.",
    "Thanks for coming back in.",
    "So, how have you been?",
)

# --- R4 ----------------------------------------------------------------------------------------

#: A line naming a step as someone else's, with questions after the bare step.
OTHERS_STEP = (
    (
        (
            "We made an offer to a contractor last week.",
            "We put an offer out to another candidate on Monday.",
            "Priya's offer went out on Friday.",
            "We've got an offer with a vendor for the new printers.",
        ),
        (
            "Has the offer been accepted?",
            "Any news on the offer?",
            "Did the offer go through?",
            "Has the offer been signed?",
            "Is the offer still on?",
        ),
    ),
    (
        (
            "We sent the contract to the new supplier yesterday.",
            "The contract for the cleaning firm is with legal.",
            "Tom's contract is up for renewal.",
        ),
        (
            "Has the contract been signed?",
            "Any update on the contract?",
            "Has the contract come through?",
            "Is the contract ready?",
        ),
    ),
    (
        (
            "Priya's start date got moved again.",
            "The start date for the new director keeps slipping.",
        ),
        ("Is the start date confirmed?", "Has the start date been decided?"),
    ),
)
#: Asked after any line: another's offer or contract in a relative clause, things with another,
#: someone else hearing back.
OTHERS_ASKED = (
    "Any update on the offer you made the other candidate?",
    "Any news on the offer that you made Sam?",
    "What's the status of the offer you sent the contractor?",
    "Has the contract they signed with the council come through?",
    "How's the contract the agency drew up looking?",
    "Where do things stand with the merger?",
    "Where do things stand with the new office?",
    "Where do things stand on the funding round?",
    "Where did things stand with Priya in the end?",
    "When will you hear back from the funder?",
    "When do you hear back from the council about the grant?",
    "Do you know when they'll hear back from the bank?",
    "Will she hear back from the client this week?",
    "Did your team hear back from legal?",
)
#: The seeker's own status: still a job request, typed or recognised.
OWN_ASKED = (
    "Any news on my application?",
    "Has the offer letter gone out to me?",
    "Where do things stand with me?",
    "Where do things stand?",
    "Where do things stand with my application?",
    "When will I hear back?",
    "When do we hear back?",
    "Any idea when I'd hear back?",
    "Any update on the offer you made me?",
    "Has the contract been sent?",
    "Is the offer letter on its way?",
)
#: The seeker's own step after a line naming someone else's: still theirs.
OWN_AFTER_OTHERS = (
    "Has my offer letter gone out yet?",
    "Any news on my contract?",
    "When will I hear back about mine?",
)


def _styles(line: str, answer: str) -> list[tuple[str, str]]:
    return [(line, answer), (recognizer_style(line), recognizer_style(answer))]


def _asks(line: str, answer: str, rules_only: bool = True) -> tuple[str, bool]:
    r = analyze_answer(line, answer, rules_only=rules_only)
    return r.frame, "job_request" in [c.cue for c in r.cues]


def _others_step_cases() -> list[tuple[str, str]]:
    return [
        (line, ask) for lines, asks in OTHERS_STEP for line, ask in itertools.product(lines, asks)
    ]


def test_the_status_of_someone_elses_step_asks_for_nothing() -> None:
    wrong = []
    cases = _others_step_cases() + list(itertools.product(NEUTRAL_LINES, OTHERS_ASKED))
    for line, ask in cases:
        for m, a in _styles(line, ask):
            frame, asks = _asks(m, a)
            if asks or frame == "interview":
                wrong.append((m, a, frame))
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:8]}"


def test_the_status_of_someone_elses_step_is_no_interview_with_the_model() -> None:
    """Typed questions only: the model is silenced on a question (`cues.silent_spans`), and a
    recognised one without its question mark is no question to the rules."""
    wrong = []
    cases = _others_step_cases()[::3] + list(itertools.product(NEUTRAL_LINES[:2], OTHERS_ASKED))
    for line, ask in cases:
        if analyze_answer(line, ask).frame == "interview":
            wrong.append((line, ask))
    assert not wrong, f"{len(wrong)} of {len(cases)}: {wrong[:8]}"


def test_ones_own_status_is_still_a_job_request() -> None:
    wrong = []
    cases = list(itertools.product(NEUTRAL_LINES, OWN_ASKED))
    cases += [
        (line, ask)
        for lines, _ in OTHERS_STEP
        for line, ask in itertools.product(lines, OWN_AFTER_OTHERS)
    ]
    for line, ask in cases:
        for m, a in _styles(line, ask):
            frame, asks = _asks(m, a)
            if not asks or frame != "interview":
                wrong.append((m, a, frame))
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:8]}"


# --- R6 ----------------------------------------------------------------------------------------

#: The manager's own past, family, pastime or commute, or a social event of the team.
OWN_LIFE_LINES = (
    "My daughter just started at university in Bristol.",
    "I spent a year in Japan after university.",
    "I grew up on a farm in Wales.",
    "I lived in Lisbon for a few years before this.",
    "My husband runs a bakery in town.",
    "My son's training to be a pilot.",
    "Most of us cycle in along the canal.",
    "I drive in from the coast every morning.",
    "A few of us go climbing on Fridays.",
    "Some of the team go surfing at the weekend.",
    "The team plays five-a-side on Thursdays.",
    "We play board games at lunch most days.",
    "Our Friday demos are fun.",
    "Our team socials are every other Thursday.",
    "We do a quiz night on the last Friday of the month.",
)
UNDERSTATED = (
    "I could see myself there.",
    "I could see myself there, honestly, great city.",
    "I could see myself doing that.",
    "Honestly, I could see myself doing that.",
    "That'd suit me.",
    "That'd suit me down to the ground.",
    "I'd be up for that.",
    "I wouldn't mind being part of that.",
)
#: Their team, company, work or hiring: the same words still commit.
WORK_LINES = (
    "We're building a small platform team this spring.",
    "Our team does fraud detection for the whole bank.",
    "We're hiring a couple of junior analysts in March.",
    "Our office is right on the harbour, in the old customs house.",
    "We're a small studio, eleven of us, and we ship a game a year.",
    "My team's mostly night shift on the ICU.",
)


def _committed(line: str, answer: str, rules_only: bool = True) -> tuple[str, bool]:
    r = analyze_answer(line, answer, rules_only=rules_only)
    return r.frame, "commitment" in [c.cue for c in r.cues]


def test_an_understated_wish_after_the_managers_own_life_commits_nothing() -> None:
    wrong = []
    cases = list(itertools.product(OWN_LIFE_LINES, UNDERSTATED))
    for line, answer in cases:
        for m, a in _styles(line, answer):
            frame, committed = _committed(m, a)
            if committed or frame == "interview":
                wrong.append((m, a, frame))
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:8]}"


def test_an_understated_wish_after_the_managers_own_life_is_no_interview_with_the_model() -> None:
    wrong = []
    cases = list(itertools.product(OWN_LIFE_LINES, UNDERSTATED))
    for line, answer in cases:
        for m, a in _styles(line, answer):
            if analyze_answer(m, a).frame == "interview":
                wrong.append((m, a))
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:8]}"


def test_an_understated_wish_after_their_work_still_commits() -> None:
    wrong = []
    cases = list(itertools.product(WORK_LINES, UNDERSTATED))
    for line, answer in cases:
        for m, a in _styles(line, answer):
            frame, committed = _committed(m, a)
            if not committed or frame != "interview":
                wrong.append((m, a, frame))
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:8]}"
