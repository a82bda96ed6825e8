"""The GUI thread never waits for a rehearsal's knowledge warm-up (review 9 R7): a rehearsal's
start embeds the scenario's topics on a thread of its own (`knowledge.warm`), and an answer
that asks about a topic right after the start is answered at once (by the word matcher for that
call) instead of joining the warm-up; once it is done, the warmed matcher serves the rest.

Generated: every shipped scenario, two of its topics each, the first answer one of several
wordings of the topic's own example question (plain, after a thanks, after a lead, recognized
speech without punctuation or capitals). The warm-up is the real matcher code on the real
sentence encoder, held by a gate in the test: the encoder waits for it (at most `HOLD_S`) on
the warm-up's thread only, so the old code (which joined the warm-up) waits the whole hold."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest
from session_helpers import (  # the fixtures are used by name
    CountingStore,
    data_dir_fixture,  # noqa: F401
    store_fixture,  # noqa: F401
)

from app.config import Settings
from app.dialogue import Scenario, expand_paths, installed_scenario_dirs, knowledge, load_scenario
from app.framing.encoder import shared_encoder
from app.framing.learned import shared_model
from app.session import Rehearsal

pytestmark = pytest.mark.gui

#: The longest the gated warm-up waits for the test (the old code's answer waited this long).
HOLD_S = 3.0
#: An answer taken on the GUI thread while the warm-up holds is this quick at most (the rules,
#: the word matcher and one question's embedding: tens of ms).
ANSWER_MAX_S = 0.75
WARM_THREAD = "frameshift-knowledge"


class GatedEncoder:
    """The real sentence encoder; on the warm-up's thread it first waits for ``gate``."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.gate = threading.Event()
        self.held = threading.Event()  # the warm-up reached the gate

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        if threading.current_thread().name == WARM_THREAD:
            self.held.set()
            self.gate.wait(HOLD_S)
        return np.asarray(self.real.encode(texts), dtype=np.float32)


def _wordings(question: str) -> list[str]:
    bare = question.rstrip("?").strip()
    lower = bare[0].lower() + bare[1:]
    return [
        question,
        f"Thanks, that's good to hear. {question}",
        f"I've been reading up on this a lot lately. So, {lower}?",
        lower.lower().replace(",", "").replace("'", ""),  # recognized speech
    ]


def _cases() -> list[tuple[Path, str, str]]:
    rng = random.Random(7)
    cases: list[tuple[Path, str, str]] = []
    for path in expand_paths(installed_scenario_dirs()):
        topics = [t for t in load_scenario(path).knowledge.topics if t.questions]
        for n, topic in enumerate(rng.sample(topics, min(2, len(topics)))):
            wording = _wordings(rng.choice(topic.questions))[(len(cases) + n) % 4]
            cases.append((path, topic.id, wording))
    return cases


CASES = _cases()


@pytest.fixture(name="real_encoder", scope="module")
def real_encoder_fixture() -> Any:
    encoder = shared_encoder(wait=True)
    if encoder is None:
        pytest.skip("the bundled sentence model is not installed (see make framing-model)")
    assert shared_model() is not None  # the framing model loaded: answers framed at once
    return encoder


@pytest.fixture(name="gated")
def gated_fixture(real_encoder: Any) -> Iterator[GatedEncoder]:
    encoder = GatedEncoder(real_encoder)
    knowledge.use_encoder(lambda _wait: encoder)  # a fresh encoder: nothing warmed yet
    yield encoder
    encoder.gate.set()
    knowledge.use_encoder(knowledge._framing_encoder)


def test_the_cases_cover_the_shipped_scenarios() -> None:
    assert len({p for p, _, _ in CASES}) >= 10
    assert len(CASES) >= 20
    assert len({w.split()[0] for _, _, w in CASES}) >= 4  # several wordings


@pytest.mark.parametrize(("path", "topic", "question"), CASES, ids=lambda v: str(v)[-24:])
def test_a_question_right_after_the_start_does_not_wait_for_the_warm_up(
    qtbot: Any,
    store: CountingStore,
    data_dir: Path,
    gated: GatedEncoder,
    path: Path,
    topic: str,
    question: str,
) -> None:
    scenario: Scenario = load_scenario(path)
    assert scenario.knowledge.topic(topic) is not None
    r = Rehearsal(replace(Settings(), data_dir=data_dir), store)
    shown: list[tuple[int, str]] = []
    r.manager_line_shown.connect(lambda i, t: shown.append((i, t)))
    try:
        r.start(scenario)
        qtbot.waitUntil(lambda: r.awaiting_answer)
        assert gated.held.wait(2.0), "the start warms the knowledge up on its own thread"
        before = len(shown)
        began = time.perf_counter()
        assert r.submit_text(question)
        took = time.perf_counter() - began
        assert took < ANSWER_MAX_S, f"the answer waited {took:.2f} s for the warm-up"
        assert len(shown) == before + 1  # the reply is out
        conv = r.conversation
        assert conv is not None
        runner = conv.runner
        assert runner.matcher.method == "words"  # the warm-up still holds: words meanwhile
        gated.gate.set()
        # Once warmed, the sentence model's matcher serves the next question.
        qtbot.waitUntil(lambda: runner.matcher.method == "meaning", timeout=10_000)
        match = runner.matcher.match(question)
        assert match.method == "meaning"
    finally:
        gated.gate.set()
        r.shutdown()
