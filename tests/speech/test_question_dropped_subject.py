"""A statement that drops its subject after an auxiliary is no question, "?" or not
(``endwords.asks``; issue 15, session 16's leftover): "Did marketing for five years?", "Was in
retail before that?", "Have been doing it a while?", "Do a bit of everything really?" are the
speaker's own story with Whisper's "?" on a rising voice ("I did marketing..."): a verb phrase or
a complement right after the auxiliary, no subject between. A yes/no question puts its subject
there: "Did you enjoy it?", "Was it hard?", "Have you been there long?", "Do they hire
juniors?", "Does the team hire juniors?", "Do new analysts get mentoring?". Left: an adjective
and a noun that may be a verb ("Did some freelance work in Leeds?" reads as "Does the new team
work in Leeds?"): it asks.

Generated: each shape's parts crossed, then a seeded sample of each grid (a few hundred texts,
milliseconds to judge), after the leads either may have.
"""

from __future__ import annotations

import itertools
import random

import pytest

from app.speech.endwords import asks

LEADS = ["", "So ", "Honestly, ", "I mean, ", "Yeah, ", "Not really, ", "Okay, so "]


def _grid(*parts: list[str]) -> list[tuple[str, ...]]:
    return list(itertools.product(*parts))


def _sample(grid: list[tuple[str, ...]], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for parts in rng.sample(grid, min(n, len(grid))):
        lead = rng.choice(LEADS)
        said = " ".join(p for p in parts if p)
        out.append(f"{lead}{said if lead else said[0].upper() + said[1:]}?")
    return out


#: What "do" (a main verb here) takes, and the adjuncts after it.
DONE = [
    "marketing",
    "retail",
    "sales",
    "payroll",
    "teaching",
    "a bit of everything",
    "a lot of reporting",
    "some freelancing",
    "a few contracts",
    "my degree",
    "my masters",
    "it",
    "that",
]
ADJUNCTS = ["for five years", "before that", "at uni", "in Leeds", "on the side", "mostly",
            "really", "for a while", "again", ""]  # fmt: skip

STATEMENT_SHAPES: dict[str, list[tuple[str, ...]]] = {
    # "(I) did marketing for five years"
    "did/do + object": _grid(["did", "didn't", "do", "does", "don't"], DONE, ADJUNCTS),
    # "(I) was in retail before that"
    "be + complement": _grid(
        ["was", "were", "wasn't", "am"],
        [
            "in retail",
            "at a startup",
            "on the night shift",
            "working as a nurse",
            "hired as a junior",
            "based in Leeds",
            "pretty happy there",
            "really busy",
            "mostly doing reports",
            "told it was fine",
            "given a lot of freedom",
            "there",
        ],
        ["before that", "for a while", "at the time", "for two years", ""],
    ),
    # "(I) have been doing it a while"
    "have + participle": _grid(
        ["have", "has", "had", "haven't"],
        [
            "been doing it",
            "worked with SQL",
            "used Python",
            "done some analytics",
            "had a few jobs like that",
            "always liked data",
            "never used it",
            "to learn it on the job",
            "been there",
            "taught maths",
        ],
        ["for years", "a while", "before", "at my last job", ""],
    ),
    # "(I) could do it again"
    "modal + verb phrase": _grid(
        ["could", "would", "can", "should", "will", "might"],
        [
            "do it again",
            "love to",
            "start next week",
            "be fine",
            "probably stay",
            "help with that",
            "learn it quickly",
            "get there eventually",
            "have a go",
        ],
        ["", "if needed", "I think", "for sure"],
    ),
}

SUBJECTS = ["you", "they", "we", "the team", "your manager", "new analysts", "people", "it"]

QUESTION_SHAPES: dict[str, list[tuple[str, ...]]] = {
    "do + subject": _grid(
        ["do", "does", "did", "don't", "didn't", "doesn't"],
        SUBJECTS,
        [
            "enjoy it",
            "hire juniors",
            "usually start in spring",
            "work with the data team",
            "get much say",
            "really help",
            "travel",
        ],
    ),
    "be + subject": _grid(
        ["is", "was", "are", "were", "isn't", "wasn't"],
        ["it", "that", "the team", "your manager", "you", "they", "the office"],
        ["hard", "remote", "a good fit", "in Leeds", "busy at the moment", "hiring juniors"],
    )
    + _grid(
        ["is", "was", "are", "were"],
        ["there"],
        ["anyone else I should meet", "a reason for that", "much travel", "a mentor for juniors"],
    ),
    "have + subject": _grid(
        ["have", "has", "had", "haven't", "hasn't"],
        ["you", "they", "the team", "your manager", "it", "anyone", "the new analysts"],
        [
            "been there long",
            "grown much",
            "changed since",
            "worked with Maria",
            "used the new tools",
        ],
    ),
    "modal + subject": _grid(
        ["could", "would", "can", "should", "will", "might"],
        ["you", "I", "the team", "your manager", "we", "someone", "new analysts", "that"],
        ["help with that", "start next week", "work remotely", "tell me more"],
    ),
}

#: 60 statements a shape, 45 questions.
STATEMENTS = {s: _sample(g, 60, seed=300 + k) for k, (s, g) in enumerate(STATEMENT_SHAPES.items())}
QUESTIONS = {s: _sample(g, 45, seed=400 + k) for k, (s, g) in enumerate(QUESTION_SHAPES.items())}
#: The issue's own, and the brief's questions.
NAMED_STATEMENTS = [
    "Did marketing for five years?",
    "Was in retail before that?",
    "Have been doing it a while?",
    "Do a bit of everything really?",
]
NAMED_QUESTIONS = [
    "Did you enjoy it?",
    "Was it hard?",
    "Have you been there long?",
    "Do they hire juniors?",
]


@pytest.mark.parametrize("shape", STATEMENT_SHAPES)
def test_a_statement_with_its_subject_dropped_does_not_ask(shape: str) -> None:
    texts = STATEMENTS[shape]
    asked = [t for t in texts if asks(t)]
    assert not asked, f"{len(asked)} of {len(texts)}: {asked[:8]}"


@pytest.mark.parametrize("shape", QUESTION_SHAPES)
def test_a_yes_no_question_with_its_subject_still_asks(shape: str) -> None:
    texts = QUESTIONS[shape]
    missed = [t for t in texts if not asks(t)]
    assert not missed, f"{len(missed)} of {len(texts)}: {missed[:8]}"
    assert not [t for t in texts if asks(t.rstrip("?") + ".")], "no question mark, no question"


def test_the_issues_own_wordings() -> None:
    assert [t for t in NAMED_STATEMENTS if asks(t)] == []
    assert [t for t in NAMED_QUESTIONS if not asks(t)] == []


def test_the_grids_are_sampled_not_crossed() -> None:
    counts = [len(texts) for texts in (*STATEMENTS.values(), *QUESTIONS.values())]
    assert 300 <= sum(counts) <= 600
