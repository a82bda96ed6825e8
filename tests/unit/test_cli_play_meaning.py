"""`frameshift play` answers questions as the app does once warm: by meaning with the sentence
model, not by shared words alone (session 7: the trial's replies from `play` came from the
word matcher because it never waited for the model). Questions generated as paraphrases whose
words match no topic (or the wrong one) but whose meaning does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.dialogue import find_scenario, installed_scenario_dirs
from app.dialogue.knowledge import KnowledgeMatcher, prepare

REPO = Path(__file__).resolve().parents[2]
SCENARIO = "connector-intro"
OPENERS = (
    "what would surprise an outsider about your work",
    "what tools does everyone use day to day",
)


@pytest.mark.parametrize("question", OPENERS)
@pytest.mark.parametrize("lead", ["", "Thanks. ", "ok so "])
def test_play_matches_a_question_by_meaning(tmp_path: Path, question: str, lead: str) -> None:
    scenario = find_scenario(SCENARIO, installed_scenario_dirs())
    assert scenario is not None
    meaning = prepare(scenario.knowledge).match(question)
    words = KnowledgeMatcher(scenario.knowledge, None).match(question)
    assert meaning.method == "meaning"
    assert meaning.topic is not None
    assert words.topic != meaning.topic  # the case this test is about
    first = "Hi, I came to learn about data work."
    argv = [sys.executable, "-m", "app", "play", SCENARIO, "--json", "--data-dir", str(tmp_path),
            "--seed", "3", "--answer", first, "--answer", lead + question]  # fmt: skip
    # A process of its own, as `frameshift play` runs: nothing warmed by another test.
    done = subprocess.run(argv, capture_output=True, text=True, timeout=300, check=False, cwd=REPO)
    assert done.returncode == 0, done.stderr
    turns = json.loads(done.stdout)["transcript"]
    reply = next(
        t["text"] for i, t in enumerate(turns) if i and turns[i - 1]["text"] == lead + question
    )
    said = scenario.knowledge.topic(meaning.topic).answers
    assert any(answer[:40] in reply for answer in said), (reply, meaning.topic)
