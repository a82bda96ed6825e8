"""Everything the manager says is known before the rehearsal starts.

The session renders `Scenario.manager_lines()` to speech before the first line; these tests walk
every shipped scenario many times with random frames, cues and questions (the writers' labelled
questions, the topics' own examples, questions nothing answers, statements) and check that every
part of every reply is in that list, so no reply ever waits for speech to be rendered.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml
from conftest import REPO, SHIPPED

from app.dialogue import Runner, Scenario, expand_paths, load_scenario
from app.framing.vocabulary import FRAMES, SEEKER_CUES

QUESTIONS = REPO / "tests" / "data" / "questions"
OFF_TOPIC = (
    "What's the weather like there?",
    "did you see the game last night",
    "Mostly reporting",
    "what about you",
    "Honestly I don't know yet. What does a typical week look like?",
    "who else should i talk to",
)


def _asked(scenario: Scenario) -> list[str]:
    asked = [q for topic in scenario.knowledge.topics for q in topic.questions]
    path = QUESTIONS / f"{scenario.id}.questions.yaml"
    if path.is_file():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        asked += [str(item["text"]) for item in data.get("questions") or ()]
    return [*asked, *OFF_TOPIC]


@pytest.mark.parametrize("path", expand_paths([SHIPPED]), ids=lambda p: p.stem)
def test_every_reply_is_prerendered(path: Path) -> None:
    scenario = load_scenario(path)
    rendered = set(scenario.manager_lines())
    asked = _asked(scenario)
    rng = random.Random(path.stem)
    replies = answered = 0
    for seed in range(25):
        runner = Runner(scenario, seed=seed)
        assert set(runner.line().parts) <= rendered
        for _ in range(60):
            if runner.finished:
                break
            cues = set(rng.sample(sorted(SEEKER_CUES), rng.randint(0, 3)))
            line = runner.advance(rng.choice(FRAMES), cues, answer=rng.choice(asked))
            missing = [part for part in line.parts if part not in rendered]
            assert not missing, f"{scenario.id}: not pre-rendered: {missing}"
            assert line.text == " ".join(line.parts)
            replies += 1
            answered += line.topic is not None
    assert replies > 50
    if scenario.knowledge.topics:
        assert answered > 0
