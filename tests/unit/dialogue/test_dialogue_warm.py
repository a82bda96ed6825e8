"""A rehearsal's knowledge is embedded off the thread that starts it: the GUI thread never pays
for embedding every topic's example questions (seconds on a loaded machine) at the first
question; it embeds only the question itself."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence

import numpy as np
import numpy.typing as npt
import pytest
from conftest import REPO

from app.dialogue import Runner, load_scenario
from app.dialogue.knowledge import matcher_for, use_encoder
from app.framing.encoder import shared_encoder

DEMO = REPO / "tests" / "data" / "questions" / "dev" / "knowledge-demo.yaml"


class SlowEncoder:
    """The real encoder, slowed down per text, noting which thread embedded how many texts."""

    def __init__(self, per_text_s: float) -> None:
        self.real = shared_encoder(wait=True)
        self.per_text_s = per_text_s
        self.calls: list[tuple[str, int]] = []

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.calls.append((threading.current_thread().name, len(texts)))
        time.sleep(self.per_text_s * len(texts))
        assert self.real is not None
        return np.asarray(self.real.encode(texts), dtype=np.float32)


@pytest.fixture
def slow() -> Iterator[SlowEncoder]:
    encoder = SlowEncoder(per_text_s=0.01)
    if encoder.real is None:
        pytest.skip("the bundled sentence model is not installed (see make framing-model)")
    use_encoder(lambda _wait: encoder)
    yield encoder
    use_encoder(lambda wait: shared_encoder(wait=wait))


@pytest.mark.parametrize("seed", range(3))
def test_starting_a_rehearsal_embeds_its_knowledge_off_the_calling_thread(
    slow: SlowEncoder, seed: int
) -> None:
    scenario = load_scenario(DEMO)
    started = time.perf_counter()
    runner = Runner(scenario, seed=seed)
    assert time.perf_counter() - started < 0.2  # the topics take ~0.5 s here: not waited for
    began = time.perf_counter()
    line = runner.advance("exploration", {"seeker_question"}, answer="What tools do you use?")
    assert time.perf_counter() - began < 0.2  # the warm-up is not joined (review 9 R7)
    assert line.topic == "tools"  # answered by words while the warm-up runs
    here = threading.current_thread().name
    assert not [n for thread, n in slow.calls if thread == here]  # nothing embedded here yet
    assert matcher_for(scenario.knowledge, wait=True).method == "meaning"  # the warm-up's
    match = runner.matcher.match("What tools do you use?")  # later questions: by meaning
    assert (match.topic, match.method) == ("tools", "meaning")
    mine = [n for thread, n in slow.calls if thread == here]
    assert mine, "the question itself is embedded by the caller"
    assert max(mine) <= 2, slow.calls  # only the question (and its lead), never the topics
    assert any(n > 10 for thread, n in slow.calls if thread == "frameshift-knowledge")


def test_a_model_arriving_mid_rehearsal_is_taken_up_without_blocking(slow: SlowEncoder) -> None:
    knowledge = load_scenario(DEMO).knowledge
    use_encoder(lambda _wait: None)
    runner = Runner(load_scenario(DEMO), seed=1)
    assert runner.matcher.method == "words"
    use_encoder(lambda _wait: slow)  # the model finished loading
    started = time.perf_counter()
    assert runner.matcher.method == "words"  # not built on this thread
    assert time.perf_counter() - started < 0.2
    assert matcher_for(knowledge, wait=True).method == "meaning"
    assert runner.matcher.method == "meaning"
