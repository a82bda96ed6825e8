"""Loading one scenario, a folder of them, and finding one by id."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import MINIMAL, SHIPPED

import app
from app.dialogue import (
    ScenarioError,
    VoiceSettings,
    find_scenario,
    installed_scenario_dirs,
    load_scenario,
    load_scenarios,
    validate_paths,
)


def test_load_builds_the_model(write_scenario: Callable[..., Path]) -> None:
    """Fields land in the dataclasses, with voice defaults when the file gives none."""
    path = write_scenario()
    scenario = load_scenario(path)
    assert scenario.id == "tiny"
    assert scenario.path == path
    assert scenario.persona.voice == VoiceSettings("en-us", 165, 50, 1.0)
    ask = scenario.nodes["ask"]
    assert ask.pivotal
    assert ask.coach is not None
    assert ask.coach.alternative == "I don't know yet."
    assert ask.branches[0].cues == frozenset({"commitment"})
    assert ask.branches[2].is_fallback
    assert [o.kind for o in scenario.outcomes()] == ["good", "mixed", "poor"]


def test_single_line_say_becomes_one_variant(write_scenario: Callable[..., Path]) -> None:
    """`say: text` and `say: [text]` mean the same."""
    scenario = load_scenario(write_scenario())
    assert scenario.nodes["good_end"].lines == ("Let me introduce you to Lena.",)


def test_load_error_lists_the_problems(write_scenario: Callable[..., Path]) -> None:
    """A broken file raises ScenarioError whose text is the file:line: message lines."""
    path = write_scenario(MINIMAL.replace("goto: good_end", "goto: nowhere"))
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert str(caught.value).splitlines()[0].startswith(f"{path}:21: node 'ask', branch 2")
    assert caught.value.problems


def test_missing_file_is_a_problem(tmp_path: Path) -> None:
    """A missing file is a problem in the list, not an exception."""
    problems = validate_paths([tmp_path / "gone.yaml"])
    assert [str(p) for p in problems] == [f"{tmp_path / 'gone.yaml'}: no such file"]


def test_installed_dirs_are_the_source_tree_then_extras(tmp_path: Path) -> None:
    """From a checkout the shipped folder is <repo>/dialogues; the user's folders come after."""
    assert installed_scenario_dirs([tmp_path]) == [SHIPPED, tmp_path]
    assert Path(app.__file__).resolve().parent.parent / "dialogues" == SHIPPED


def test_broken_user_file_does_not_hide_the_others(tmp_path: Path) -> None:
    """A broken user scenario is reported, and every good one still loads."""
    (tmp_path / "good.yaml").write_text(MINIMAL.replace("id: tiny", "id: mine"), encoding="utf-8")
    (tmp_path / "bad.yml").write_text("id: [\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a scenario", encoding="utf-8")
    scenarios, problems = load_scenarios([SHIPPED, tmp_path, tmp_path / "missing"])
    ids = {s.id for s in scenarios}
    assert "mine" in ids
    assert "connector-intro" in ids
    assert [Path(p.file).name for p in problems] == ["bad.yml"]


def test_duplicate_scenario_ids_first_wins(tmp_path: Path) -> None:
    """Two files with one id: the first loads, the second is a problem naming the first."""
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(MINIMAL, encoding="utf-8")
    scenarios, problems = load_scenarios([tmp_path])
    assert [s.path for s in scenarios] == [tmp_path / "a.yaml"]
    assert "scenario id 'tiny' is already used by" in problems[0].message


def test_find_scenario_by_id() -> None:
    """A shipped scenario is found by its id."""
    assert find_scenario("connector-intro", installed_scenario_dirs()).id == "connector-intro"


def test_find_unknown_id_lists_installed() -> None:
    """An unknown id says which ones exist."""
    with pytest.raises(ScenarioError, match=r"no scenario with id 'nope'; installed: alumni-call"):
        find_scenario("nope", installed_scenario_dirs())


def test_find_broken_scenario_reports_its_problems(tmp_path: Path) -> None:
    """Asking for a scenario whose file is broken shows why, not 'no such scenario'."""
    (tmp_path / "mine.yaml").write_text("id: mine\n", encoding="utf-8")
    with pytest.raises(
        ScenarioError, match=r"mine\.yaml:1: the scenario is missing 'title', 'difficulty'"
    ):
        find_scenario("mine", [tmp_path])
