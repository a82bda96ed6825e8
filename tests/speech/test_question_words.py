"""Which finished words end on a whole question (``endwords.asks``: the question's shorter wait,
``VadConfig.text_question_ms``, off in the product): the question's word order, not Whisper's
"?" and not just a wh-word first (review of session 15, R3).

A statement that opens with a wh-word is no question, "?" or not: a subordinate clause ("When I
was there, it was great?"), a free relative or a pseudo-cleft ("How I got here is a long
story?", "What really matters is the people?", "What is interesting is the people?"), a
comment clause ("Which brings me to the team?", "which is why I came"), an exclamative ("What a
great team?", "How lucky we are?"), an aside ("What's more, the team is great?"), after a lead
word or a comma ("That is, what we do here is mostly analytics?"). Those are the rising-voice
statements speakers go on after, and the question's wait would cut them. Real questions still
ask: wh-questions (an auxiliary after the wh-word or its phrase, or "what"/"who" as the subject
of the verb), yes/no questions with inversion, and tags after a clause ("..., isn't it?").

Generated: each shape's parts crossed, then a seeded sample of each grid (a few hundred texts in
all, milliseconds to judge), after the leads a question or a statement may have.
"""

from __future__ import annotations

import itertools
import random

import pytest

from app.speech.endwords import asks

#: What may come before: nothing, a lead word, a clause and its comma.
LEADS = ["", "So ", "And ", "Honestly, ", "That is, ", "Not yet, ", "Okay, so ", "I mean, "]


def _sample(grid: list[tuple[str, ...]], n: int, seed: int) -> list[str]:
    """``n`` texts of the grid's parts (joined by spaces), each after a lead, seeded."""
    rng = random.Random(seed)
    picked = rng.sample(grid, min(n, len(grid)))
    out = []
    for parts in picked:
        lead = rng.choice(LEADS)
        said = " ".join(p for p in parts if p)
        out.append(f"{lead}{said if lead else said[0].upper() + said[1:]}?")
    return out


def _grid(*parts: list[str]) -> list[tuple[str, ...]]:
    return list(itertools.product(*parts))


SUBJECTS = ["I", "we", "my team", "the team", "my manager", "this company", "you", "they"]

#: Statements that open with a wh-word: each shape's grid of parts.
STATEMENT_SHAPES: dict[str, list[tuple[str, ...]]] = {
    # a subordinate clause, then its main clause: "When I was there, it was great"
    "subordinate": _grid(
        ["when", "where"],
        ["I", "we", "my team", "the team", "they", "my manager"],
        ["was there,", "started out,", "moved to Leeds,", "worked in retail,", "joined,"],
        [
            "it was great",
            "I learned a lot",
            "the team was small",
            "we shipped every week",
            "nobody used the data",
        ],
    ),
    # a free relative as the subject: "How I got here is a long story"
    "free relative": _grid(
        ["what", "how", "why", "where", "when", "who"],
        SUBJECTS,
        ["got here", "did", "liked", "left", "wanted", "do here", "really want"],
        ["is", "was"],
        ["a long story", "the people", "mostly analytics", "a team that ships", "up to them"],
    ),
    # a pseudo-cleft whose wh-word is its verb's subject: "What really matters is the people"
    "pseudo-cleft": _grid(
        ["what"],
        [
            "really matters",
            "matters most",
            "drew me in",
            "got me into data",
            "helped most",
            "made the difference",
            "excites me",
            "kept me going",
            "surprised me",
            "brought me here",
        ],
        ["is", "was"],
        ["the people", "the data", "a good mentor", "the chance to learn", "working with users"],
    ),
    # "what is/was" + its predicate + "is/was": "What is interesting is the people"
    "wh-be pseudo-cleft": _grid(
        ["what is", "what's", "what was", "what would help", "what could work"],
        ["interesting", "great", "hard", "really nice", "most useful", "funny"],
        ["is", "was"],
        ["the people", "the pace", "that nobody asks", "the mentoring", "how small it is"],
    ),
    # a comment on what was just said: "Which brings me to the team"
    "comment clause": _grid(
        ["which"],
        [
            "brings me to",
            "makes sense for",
            "means a lot to",
            "is why I asked about",
            "was great for",
            "is fine for",
            "made it easier for",
            "helped a lot with",
            "reminds me of",
            "has been good for",
            "would be nice for",
        ],
        ["the team", "me", "my first job", "the pipeline work", "everyone"],
    ),
    # an exclamative: "What a great team", "How lucky we are"
    "exclamative": _grid(
        ["what a", "what an"],
        ["great", "interesting", "lovely", "odd", "amazing"],
        ["team", "idea", "place to work", "way to start", "story"],
    )
    + _grid(
        ["how"],
        ["great", "lucky", "nice", "strange", "quickly", "much"],
        ["it was", "we are", "that sounds", "the team grew", "I learned", "they were"],
    ),
    # an aside before the statement: "What's more, the team is great"
    "aside": _grid(
        ["what's more,", "what is more,", "what's worse,", "what's better,"],
        ["the team is great", "I know the tools", "they hire juniors", "it pays well"],
    ),
    # a wh-clause, then "is": "What Maria does is analytics", "What time we start is up to you"
    "wh-clause subject": _grid(
        ["what", "what kind of team", "what time"],
        ["Maria does", "we start", "I want", "the team needs", "they offered"],
        ["is", "was"],
        ["analytics", "up to you", "a mystery", "the main thing"],
    ),
}

#: Whole questions: each shape's grid of parts.
QUESTION_SHAPES: dict[str, list[tuple[str, ...]]] = {
    # wh-word + auxiliary + subject: "What does a typical week look like"
    "wh inversion": _grid(
        ["what", "where", "how", "why", "when", "who", "whom"],
        ["do", "does", "did", "would", "should", "can", "could", "don't", "will"],
        ["you", "the team", "your manager", "people here", "new analysts", "I"],
        ["usually start", "recommend", "enjoy most", "decide what to build", "talk to"],
    ),
    # a contracted wh-word: "How's the team organised", "Who's hiring"
    "wh contraction": [
        (opener, rest)
        for opener, rests in {
            "what's": ["the team like", "the best way to learn the tools", "it like working here"],
            "how's": ["the team organised", "your day going", "the new office working out"],
            "where's": ["the office", "the team based these days", "the data team sitting"],
            "who's": ["hiring for the spring", "the best person to ask", "running the team"],
            "what'd": ["you study", "you do before this", "they ask in the interview"],
            "who'd": ["you recommend", "be the best person to ask", "I talk to about that"],
            "where'd": ["you work before", "you study", "the team come from"],
            "how'd": ["you get into data", "you find the team", "the interview go"],
            "what're": ["you working on", "the hours like", "the next steps"],
            "who're": ["you hiring", "the people to ask about it"],
            "how'll": ["the team change", "they pick people"],
            "what've": ["you enjoyed most", "they changed since"],
        }.items()
        for rest in rests
    ],
    # "what"/"who" the subject of its verb: "Who runs the team", "What drew you to this"
    "wh subject": _grid(
        ["who", "what", "who else", "what else"],
        ["runs", "decides", "drew you to", "keeps you in", "makes", "owns", "changed in"],
        ["the team", "the roadmap", "this", "a good analyst", "the data work", "your job"],
    ),
    # the wh-word's noun, then an auxiliary: "Which tools do you use", "How many people are"
    "wh noun": _grid(
        [
            "which tool",
            "which team",
            "whose idea",
            "what project",
            "what part of the job",
            "which one",
            "which kind of role",
            "what kind of work",
        ],
        [
            "do you use",
            "does the team work on",
            "is he working on",
            "would you recommend",
            "did they pick",
            "should I learn first",
            "is hiring",
            "is on the team",
            "was that",
        ],
    )
    + _grid(
        [
            "which tools",
            "how many people",
            "which kinds of roles",
            "what kinds of projects",
            "how many of the teams",
            "whose ideas",
        ],
        [
            "do you use",
            "are you working on",
            "would you recommend",
            "are hiring",
            "are on the team",
            "were those",
        ],
    ),
    # "how" and its degree, then an auxiliary: "How long have you been here"
    "how degree": _grid(
        ["how"],
        ["long", "often", "well", "soon", "far", "big"],
        ["have you", "do you", "did the team", "will they", "is", "should I", "does it"],
        ["been here", "work together", "know the tools", "hire", "plan ahead", "get"],
    ),
    # yes/no, the auxiliary first: "Do you work with the data team"
    "yes/no": _grid(
        [
            "do",
            "does",
            "did",
            "is",
            "are",
            "was",
            "can",
            "could",
            "would",
            "should",
            "have",
            "isn't",
            "don't",
            "doesn't",
            "won't",
        ],
        ["you", "the team", "there", "anyone", "your manager", "it", "they"],
        [
            "work with the data team",
            "hire juniors",
            "take interns",
            "enjoy the work",
            "anyone else I should meet",
            "usually start in spring",
        ],
    ),
    # a tag after a clause: "That's the data team, isn't it"
    "tag": _grid(
        [
            "that's the data team,",
            "you work with Maria,",
            "the team is remote,",
            "it was a big move,",
            "they hire juniors,",
            "you've been here a while,",
            "the office is in Leeds,",
        ],
        [
            "isn't it",
            "don't you",
            "aren't they",
            "wasn't it",
            "haven't you",
            "doesn't it",
            "is it",
            "do they",
            "can't you",
        ],
    ),
}

#: Each shape's sample: 60 statements, 50 questions.
STATEMENTS = {
    shape: _sample(grid, 60, seed=100 + k)
    for k, (shape, grid) in enumerate(STATEMENT_SHAPES.items())
}
QUESTIONS = {
    shape: _sample(grid, 50, seed=200 + k)
    for k, (shape, grid) in enumerate(QUESTION_SHAPES.items())
}


@pytest.mark.parametrize("shape", STATEMENT_SHAPES)
def test_a_statement_that_opens_with_a_wh_word_does_not_ask(shape: str) -> None:
    """Whisper's "?" or not: its words are a sentence that goes on."""
    texts = STATEMENTS[shape]
    asked = [t for t in texts if asks(t)]
    assert not asked, f"{len(asked)} of {len(texts)}: {asked[:8]}"
    assert not [t for t in texts if asks(t.rstrip("?") + ".")]


@pytest.mark.parametrize("shape", QUESTION_SHAPES)
def test_a_whole_question_still_asks(shape: str) -> None:
    texts = QUESTIONS[shape]
    missed = [t for t in texts if not asks(t)]
    assert not missed, f"{len(missed)} of {len(texts)}: {missed[:8]}"
    assert not [t for t in texts if asks(t.rstrip("?") + ".")], "no question mark, no question"


def test_the_grids_are_sampled_not_crossed() -> None:
    """A few hundred texts in all: the class's shapes, cheap to run."""
    counts = [len(texts) for texts in (*STATEMENTS.values(), *QUESTIONS.values())]
    assert 300 <= sum(counts) <= 1000
