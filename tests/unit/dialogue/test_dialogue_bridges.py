"""The words between an answer and the scripted line fit what was said and what comes next,
vary, and are all pre-rendered: random walks of every shipped scenario with the writers'
questions, the topics' examples and questions nothing answers."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from pathlib import Path

import pytest
from conftest import SHIPPED
from test_dialogue_prerendered import _asked

from app.dialogue import DEFLECTED, Runner, expand_paths, load_scenario
from app.dialogue.bridges import (
    AFTER_ANSWER,
    AFTER_DEFLECTION,
    ALL,
    BEFORE_ENDING,
    TURN_BACKS,
    about_seeker,
    first_sentence,
    kind_of_join,
)
from app.framing.cues import find_questions
from app.framing.vocabulary import FRAMES, SEEKER_CUES

_PATHS = expand_paths([SHIPPED])


def _walks(path: Path, seeds: int = 20) -> list[list[tuple[str | None, bool, tuple[str, ...]]]]:
    """Per rehearsal: (topic, is_end, parts) of every reply."""
    scenario = load_scenario(path)
    asked = _asked(scenario)
    rng = random.Random(path.stem)
    walks = []
    for seed in range(seeds):
        runner = Runner(scenario, seed=seed)
        replies = []
        for _ in range(60):
            if runner.finished:
                break
            cues = set(rng.sample(sorted(SEEKER_CUES), rng.randint(0, 3)))
            line = runner.advance(rng.choice(FRAMES), cues, answer=rng.choice(asked))
            replies.append((line.topic, line.is_end, line.parts))
        walks.append(replies)
    return walks


def test_each_kind_is_varied_and_fits_its_place() -> None:
    assert len(set(AFTER_ANSWER)) >= 2
    assert len(set(TURN_BACKS)) >= 3
    # the talk was nowhere else; and it waves off the seeker's own question (trial 8, H22)
    assert not {"So, where were we?", "But that's enough of that."} & set(ALL)
    assert "But enough about me." not in AFTER_DEFLECTION  # nothing was said about me
    assert kind_of_join(deflected=True, asks_seeker=True, ending=False) == AFTER_DEFLECTION
    assert kind_of_join(deflected=False, asks_seeker=True, ending=False) == TURN_BACKS
    assert kind_of_join(deflected=False, asks_seeker=True, ending=True) == BEFORE_ENDING
    # the seeker's first question: no earlier thread, nothing to hand back; a question next
    assert kind_of_join(deflected=False, asks_seeker=True, ending=False, first=True) == ()
    assert kind_of_join(deflected=False, asks_seeker=False, ending=False, opens_question=True) == ()
    assert set(ALL) == {*AFTER_ANSWER, *TURN_BACKS, *AFTER_DEFLECTION, *BEFORE_ENDING}


@pytest.mark.parametrize("path", _PATHS, ids=lambda p: p.stem)
def test_bridges_fit_vary_and_are_prerendered(path: Path) -> None:
    scenario = load_scenario(path)
    own = scenario.knowledge.bridges
    bridges = set(scenario.bridges())
    rendered = set(scenario.manager_lines())
    assert bridges <= rendered
    used: Counter[str] = Counter()
    for replies in _walks(path):
        said = []
        for topic, is_end, parts in replies:
            for i, part in enumerate(parts[1:-1], start=1):
                if part not in bridges:
                    continue
                said.append(part)
                used[part] += 1
                after = parts[i + 1]
                if own:
                    continue
                if topic == DEFLECTED:
                    assert part in AFTER_DEFLECTION, (topic, parts)
                elif is_end:
                    assert part in BEFORE_ENDING, (topic, parts)
                elif find_questions(first_sentence(after)) and about_seeker(first_sentence(after)):
                    assert part in TURN_BACKS, parts
                else:
                    assert part in AFTER_ANSWER, parts
                    assert not find_questions(first_sentence(after)), parts
        assert all(a != b for a, b in itertools.pairwise(said)), said
    # over many rehearsals the manager does not lean on one bridge
    assert used, f"{scenario.id}: no reply needed a bridge"
    if not own:
        top, count = used.most_common(1)[0]
        assert count <= 0.5 * sum(used.values()), (top, used)
        assert len(used) >= 3, used
