"""Every shipped scenario file keeps the promises the app and the coach notes rely on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SHIPPED

from app.dialogue import Runner, Scenario, expand_paths, load_scenario, validate_file

FILES = expand_paths([SHIPPED])
REQUIRED_IDS = {
    "connector-intro",
    "career-fair-booth",
    "coffee-referral",
    "director-informational",
    "alumni-call",
    "pushy-recruiter",
}
#: Things a text-to-speech voice would read out literally: stage directions, markup, emoji.
UNSPEAKABLE = re.compile(r"[\[\]*_<>{}#~|]|\(.*?\)|[\U0001F000-\U0001FFFF\u2600-\u27BF]")


def _walk(scenario: Scenario, frame: str) -> Runner:
    runner = Runner(scenario, seed=0)
    for _ in range(len(scenario.nodes)):
        if runner.finished:
            break
        runner.advance(frame, ())
    return runner


def test_the_six_scenarios_ship() -> None:
    """The six scenarios of the issue are there, one file each, named after their ids."""
    assert {path.stem for path in FILES} >= REQUIRED_IDS


@pytest.fixture(params=FILES, ids=lambda p: p.stem)
def shipped(request: pytest.FixtureRequest) -> Path:
    """Each shipped scenario file in turn."""
    path: Path = request.param
    return path


def test_valid(shipped: Path) -> None:
    """The file passes every check, and its id matches its file name."""
    assert [str(p) for p in validate_file(shipped)] == []
    assert load_scenario(shipped).id == shipped.stem


def test_editor_schema_modeline(shipped: Path) -> None:
    """The first line points editors at the schema, so they complete and check as you type."""
    first = shipped.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema.json"


def test_enough_lines_and_outcomes(shipped: Path) -> None:
    """At least eight distinct manager lines and at least two different outcomes."""
    scenario = load_scenario(shipped)
    assert len(scenario.manager_lines()) >= 8
    assert len({(o.label, o.kind) for o in scenario.outcomes()}) >= 2
    assert {o.kind for o in scenario.outcomes()} >= {"good", "poor"}


def test_pivotal_nodes_have_coach_notes(shipped: Path) -> None:
    """There is a pivotal moment, and every pivotal node says why and what to say instead."""
    scenario = load_scenario(shipped)
    pivotal = scenario.pivotal_nodes()
    assert pivotal
    for node in pivotal:
        assert node.coach is not None
        assert node.coach.note.strip()
        assert node.coach.alternative.strip()


def test_lines_are_speakable(shipped: Path) -> None:
    """Lines are read aloud: no stage directions, markup or emoji."""
    for text in load_scenario(shipped).manager_lines():
        assert not UNSPEAKABLE.search(text), text
        assert text == text.strip()


def test_the_frame_decides_the_ending(shipped: Path) -> None:
    """Answering only exploratively ends well; answering only like an interview ends badly."""
    scenario = load_scenario(shipped)
    explore = _walk(scenario, "exploration")
    interview = _walk(scenario, "interview")
    assert explore.finished
    assert interview.finished
    assert explore.outcome is not None
    assert interview.outcome is not None
    assert explore.outcome.kind == "good"
    assert interview.outcome.kind == "poor"
    assert explore.path != interview.path
