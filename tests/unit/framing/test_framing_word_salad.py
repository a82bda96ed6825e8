"""Word-order questions need a plausible clause (trial6 F11): a pasted heap of words with no
sentence end ("... and I have I at and and SQL led ...") asks nothing, however long, so it
counts no curious question; a long unpunctuated spoken answer (the recognizer's run-on) keeps
its questions. And a short lead-in closed by a comma does not hide the question after it
("Interesting, what makes a good researcher"). Generated classes."""

from __future__ import annotations

import itertools
import random

from app.framing.analyzer import analyze
from app.framing.cues import find_questions
from app.framing.model import Turn

VOCABULARIES = (
    "and teams SQL Python built management I great data led dashboards at stakeholder am have",
    "I am a data analyst with great skills in SQL Python dashboards stakeholder management and "
    "I have led teams and built pipelines at scale for many years",
    "do you is are can I we the team have has will would could and or but so synergy growth "
    "results driven passionate leader",
    "nurse ward patients shifts I have am is do you care team night rota and the a of",
)
STATEMENTS = (
    "so i have been doing bookkeeping for about six years now mostly for small businesses",
    "and honestly it is fine but i keep wondering whether there is more to do with it",
    "a friend of mine said people here mostly work in nonprofit finance",
    "which i know almost nothing about so i came to listen more than anything",
    "the part i enjoy most is cleaning up messy records and finding where the money went",
    "my manager says i should stay put but i am not so sure about that",
    "i also did a short course on grant reporting last spring which was more fun than expected",
    "and i like the idea of numbers that go somewhere useful",
)
QUESTIONS = (
    "what does a nonprofit finance team actually worry about",
    "how did you end up on the foundation side",
    "do you still get to do hands on work",
    "is it mostly grants or donors",
)


def _salads() -> list[str]:
    out = []
    for seed, vocabulary in itertools.product(range(6), VOCABULARIES):
        words = vocabulary.split()
        rng = random.Random(seed)
        n = rng.choice((150, 400, 1200, 3700))
        out.append(" ".join(rng.choice(words) for _ in range(n)))
    return out


def test_a_word_salad_asks_nothing() -> None:
    for salad in _salads():
        assert find_questions(salad) == [], salad[:120]


def test_a_pasted_pitch_counts_no_curious_question() -> None:
    for salad in _salads():
        analysis = analyze([Turn("manager", "So what have you been up to?"), Turn("seeker", salad)])
        assert "seeker_question" not in {c.cue for c in analysis.turns[1].cues}
        assert analysis.metrics["questions"]["seeker"]["count"] == 0


def test_a_long_unpunctuated_spoken_answer_keeps_its_questions() -> None:
    rng = random.Random(4)
    for question in QUESTIONS:
        for _ in range(8):
            said = rng.sample(STATEMENTS, k=len(STATEMENTS))
            text = " ".join([*said, "so i guess", question])
            assert len(text.split()) >= 100
            found = [text[s:e] for s, e in find_questions(text)]
            assert any(question in q for q in found), (question, found)


LEAD_INS = ("Interesting", "Honestly I don't know yet", "Good question", "Hmm okay",
            "That makes sense", "Fair enough", "I see", "Oh nice", "Right, so")  # fmt: skip
BARE = ("what makes a good researcher", "which skills matter most on the team",
        "does marketing sit with sales", "is the team still remote",
        "what drives the roadmap", "are pms expected to code")  # fmt: skip


def test_a_lead_in_and_a_comma_do_not_hide_the_question() -> None:
    missed = []
    for lead, bare in itertools.product(LEAD_INS, BARE):
        assert [bare[s:e] for s, e in find_questions(bare)] == [bare]
        for text in (f"{lead}, {bare}", f"{lead.lower()}, {bare}"):
            found = [text[s:e] for s, e in find_questions(text)]
            if not any(q.endswith(bare) for q in found):
                missed.append((text, found))
    assert not missed, missed[:8]
