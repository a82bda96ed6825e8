"""A long story is not self-promotion; a long pitch still is (session 15, issue 12).

Issue 12 asked that "an answer that talks about oneself at length without inviting the other
person in is self-promotion, whatever its words", and the monologue rule counted only the
length, the "I"s and the absence of a question: a seeker telling a story about a trip, a
hobby, their town or a friend was read as pitching. The line (`learned.is_monologue`): a
monologue is self-promotion when it talks about oneself AS A WORKER, naming at least three
different words of a candidate (`patterns.WORKER_TALK`: experience, skills, qualifications,
roles, employers, results, responsibilities, fit); a story or a description that names fewer is
not, however long and however often it says "I". Generated: story sentences and pitch
sentences shuffled into many long answers, typed and in recognizer style."""

from __future__ import annotations

import itertools
import random

from app.framing.analyzer import analyze_answer
from app.framing.evaluation import recognizer_style
from app.framing.learned import is_monologue

LINES = (
    "Tell me a bit about yourself.",
    "So what do you get up to outside work?",
    "How was your summer?",
    "What brings you here tonight?",
)
STORIES = {
    "trip": (
        "Last spring I took the night train down to Lisbon with my sister.",
        "I had never been that far south and I barely slept on the way.",
        "We walked everywhere, up and down those hills, and I think I wore out my shoes.",
        "I remember one evening I got completely lost looking for a little fado bar.",
        "An old man walked me all the way there and wouldn't let me thank him.",
        "I still think about the light on the river in the mornings.",
        "I ate far too many custard tarts and I regret nothing.",
        "On the last day I sat on the steps by the water and just watched the ferries.",
    ),
    "hobby": (
        "I started climbing about four years ago, mostly because a friend dragged me along.",
        "I was terrible at first and I could barely hang on for ten seconds.",
        "Now I go three evenings a week and I spend my weekends at the crag if the weather holds.",
        "I love that I have to think about every move and I forget everything else.",
        "I fell off the same route maybe forty times before I finally got it.",
        "I keep a little notebook of every climb I've done, which my partner finds hilarious.",
        "My hands are a mess, but I honestly don't mind.",
        "I'd like to try a multi-pitch route in Spain next year, I think.",
    ),
    "town": (
        "I grew up in a small town on the coast where everybody knew my grandmother.",
        "I used to cycle down to the harbour every morning before school.",
        "In the summer I sold ice cream from a hut by the pier.",
        "I remember the storms in winter, when I'd watch the waves from my bedroom window.",
        "I moved away for a while but I still go back most holidays.",
        "My old school is a block of flats now, which I find strange.",
        "I still know every path along the cliffs, I think I could walk them blind.",
        "I always feel calmer the moment I can smell the sea.",
    ),
    "friend": (
        "My best friend Tom and I met when I was seven and he stole my lunch.",
        "I was furious and I told the teacher, and then somehow we were inseparable.",
        "I went to his wedding last year and I gave a very bad speech.",
        "I forgot half of it and I just told the story about the lunch instead.",
        "I think he cried, or maybe he was laughing at me.",
        "I see him less now because I moved cities, but I call him every Sunday.",
        "I still have a photo of us on my fridge from that first summer.",
        "I'm going to be godfather to his daughter, which I'm slightly terrified about.",
    ),
}
PITCH = (
    "I've spent eight years in operations, most recently as shift manager at a big depot.",
    "I was responsible for a team of thirty and for hitting our dispatch targets every week.",
    "Before that I worked as a planner for a haulage company, so I know the whole chain.",
    "I have a diploma in supply chain management and I'm certified in lean methods.",
    "My strengths are keeping people calm under pressure and fixing broken processes.",
    "I was promoted twice in three years, which I'm proud of.",
    "I think my experience would be a real asset on a team like yours.",
    "I'm really at my best when I'm given responsibility and clear deadlines.",
)


def _answers(sentences: tuple[str, ...], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        picked = list(sentences)
        rng.shuffle(picked)
        out.append(" ".join(picked * 2))  # two rounds: well over the 150 words of a monologue
    return out


def _styles(answer: str) -> tuple[str, str]:
    return answer, recognizer_style(answer)


def test_a_long_story_is_no_monologue_and_no_pitch() -> None:
    wrong = []
    cases = 0
    for (seed, (kind, sentences)), line in itertools.product(enumerate(STORIES.items()), LINES):
        for answer in _answers(sentences, 3, seed):
            for text in _styles(answer):
                cases += 1
                r = analyze_answer(line, text)
                names = [c.cue for c in r.cues]
                if is_monologue(text, names) or "self_promotion" in names:
                    wrong.append((kind, line, r.frame, names, text[:60]))
    assert not wrong, f"{len(wrong)} of {cases}: {wrong[:6]}"


def test_a_long_pitch_is_still_self_promotion() -> None:
    wrong = []
    cases = 0
    for line, answer in itertools.product(LINES, _answers(PITCH, 6, 7)):
        for text in _styles(answer):
            cases += 1
            r = analyze_answer(line, text)
            if r.frame != "interview" or "self_promotion" not in [c.cue for c in r.cues]:
                wrong.append((line, r.frame, text[:60]))
    assert not wrong, f"{len(wrong)} of {cases}: {wrong[:6]}"


def test_the_monologue_rule_itself_draws_the_line_at_worker_talk() -> None:
    """The rule alone, without the rules' cues: a pitch with no pitch phrase the rules know is
    still a monologue; a story is not."""
    plain_pitch = " ".join(
        (
            "I worked as a coordinator at a charity for six years and I handled all the clients.",
            "Then I moved into a role at a bank where I was responsible for onboarding.",
            "I picked up a certificate in project management along the way.",
        )
        * 5
    )
    assert is_monologue(plain_pitch, [])
    for sentences in STORIES.values():
        assert not is_monologue(" ".join(sentences * 2), [])
