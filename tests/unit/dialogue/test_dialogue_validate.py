"""The validator: each broken file yields its error, and the schema matches the vocabulary."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import BROKEN, MINIMAL, SHIPPED
from jsonschema import Draft202012Validator

from app.dialogue import Problem, validate_file
from app.framing.vocabulary import FRAMES, SEEKER_CUES

BROKEN_FILES = sorted(BROKEN.glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (?P<line>\d+|-): (?P<message>.+)$")


def _expectation(path: Path) -> tuple[int | None, str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = EXPECT.match(first)
    assert match, f"{path.name} must start with '# expect: LINE: message'"
    line = None if match["line"] == "-" else int(match["line"])
    return line, match["message"]


def test_there_are_enough_broken_files() -> None:
    """The folder covers at least the ten kinds of mistake the issue lists."""
    assert len(BROKEN_FILES) >= 10


@pytest.mark.parametrize("path", BROKEN_FILES, ids=lambda p: p.stem)
def test_broken_file_gives_its_expected_error(path: Path) -> None:
    """Each broken file fails with the message fragment and line written in its first line."""
    line, fragment = _expectation(path)
    problems = validate_file(path)
    assert any(p.line == line and fragment in p.message for p in problems), "\n".join(
        map(str, problems)
    )
    assert all(p.file == str(path) for p in problems)


def test_python_tag_file_runs_nothing(tmp_path: Path) -> None:
    """Validating a file with a python tag never runs the command inside it."""
    target = tmp_path / "pwned"
    text = MINIMAL.replace(
        '"Let me introduce you to Lena."',
        f'!!python/object/apply:os.system ["touch {target}"]',
    )
    path = tmp_path / "evil.yaml"
    path.write_text(text, encoding="utf-8")
    assert validate_file(path)
    assert not target.exists()


def test_problem_str_is_file_line_message() -> None:
    """Problems print the way compilers and editors expect: file:line: message."""
    assert str(Problem("a.yaml", 12, "unknown cue 'x'")) == "a.yaml:12: unknown cue 'x'"
    assert str(Problem("a.yaml", None, "no such file")) == "a.yaml: no such file"


def test_minimal_scenario_is_valid(write_scenario: Callable[..., Path]) -> None:
    """The fixture the other tests change is itself valid."""
    assert validate_file(write_scenario()) == []


def test_several_problems_are_all_reported(write_scenario: Callable[..., Path]) -> None:
    """One run reports every schema mistake, in line order, not just the first."""
    text = MINIMAL.replace("kind: good", "kind: great").replace(
        "difficulty: gentle", "difficulty: 3"
    )
    problems = validate_file(write_scenario(text))
    assert [p.line for p in problems] == [3, 25]
    assert "'difficulty' must be one of gentle, moderate, tough" in problems[0].message


def test_not_utf8_is_a_problem(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 give a problem with the line, not a traceback."""
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"id: x\ntitle: caf\xe9\n")
    assert [str(p) for p in validate_file(path)] == [f"{path}:2: the file is not UTF-8 text"]


def test_top_level_list_is_a_problem(write_scenario: Callable[..., Path]) -> None:
    """A file that is a list, not a mapping, is reported in one sentence."""
    problems = validate_file(write_scenario("- a\n- b\n"))
    assert [p.message for p in problems] == ["a scenario must be a mapping of fields, not a list"]


def _shipped_schema() -> dict[str, object]:
    loaded: dict[str, object] = json.loads((SHIPPED / "schema.json").read_text(encoding="utf-8"))
    return loaded


def test_schema_is_draft_2020_12_and_documented() -> None:
    """Editors can use the schema: it is valid 2020-12 and every definition has a title."""
    schema = _shipped_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    definitions = schema["$defs"]
    assert isinstance(definitions, dict)
    for name, definition in definitions.items():
        assert "title" in definition or "description" in definition, name


def test_schema_lists_the_analyzer_vocabulary() -> None:
    """The frames and cues an editor offers are exactly those the analyzer produces."""
    definitions = _shipped_schema()["$defs"]
    assert isinstance(definitions, dict)
    assert definitions["frame"]["enum"] == list(FRAMES)
    assert definitions["cue"]["enum"] == list(SEEKER_CUES)


def test_docs_example_is_valid(tmp_path: Path) -> None:
    """The complete example in docs/scenarios.md passes the validator, so the guide stays true."""
    guide = (SHIPPED.parent / "docs" / "scenarios.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", guide, re.DOTALL)
    assert example is not None
    path = tmp_path / "hallway-chat.yaml"
    path.write_text(example.group(1), encoding="utf-8")
    assert validate_file(path) == []
