"""The line-aware safe YAML loader."""

from __future__ import annotations

from app.dialogue.yaml_loader import MAX_VALUES, load_yaml


def test_records_lines_of_keys_and_items() -> None:
    """Every key and list item gets its 1-based line, so errors can point at it."""
    data, lines, problems = load_yaml("a: 1\nb:\n  - x\n  - y\n", "f.yaml")
    assert problems == []
    assert data == {"a": 1, "b": ["x", "y"]}
    assert lines[("a",)] == 1
    assert lines[("b",)] == 2
    assert lines[("b", 1)] == 4


def test_duplicate_keys_are_reported_not_overwritten() -> None:
    """Plain PyYAML keeps the last duplicate silently; this keeps the first and says so."""
    data, _, problems = load_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert data == {"a": 1, "b": 2}
    assert [str(p) for p in problems] == ["f.yaml:3: duplicate key 'a' (first defined on line 1)"]


def test_duplicate_node_ids_are_named_as_such() -> None:
    """Two nodes with one id are reported as a duplicate node id, not just a key."""
    _, _, problems = load_yaml("nodes:\n  a: {}\n  a: {}\n", "f.yaml")
    assert problems[0].message.startswith("duplicate node id 'a'")


def test_python_tags_are_refused() -> None:
    """No object is ever constructed from a tag; the file is refused with the line."""
    text = "say: !!python/object/apply:os.system ['true']\n"
    data, _, problems = load_yaml(text, "f.yaml")
    assert data is None
    assert problems[0].line == 1
    assert "'!!python/object/apply:os.system' is not allowed" in problems[0].message


def test_tags_on_mappings_are_refused() -> None:
    """A tag on a mapping or list is refused too, not only on plain values."""
    _, _, problems = load_yaml("a: !!python/object:os.Foo {x: 1}\n", "f.yaml")
    assert "not allowed" in problems[0].message


def test_keys_stay_as_written() -> None:
    """`no:` or `1:` as node ids stay the text the author typed, not false or an integer."""
    data, _, _ = load_yaml("no: x\n1: y\n", "f.yaml")
    assert data == {"no": "x", "1": "y"}


def test_merge_keys_work() -> None:
    """Merge keys behave as in SafeLoader, so authors can reuse a persona block."""
    data, _, problems = load_yaml("base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n", "f.yaml")
    assert problems == []
    assert data["other"] == {"x": 1, "y": 2}


def test_alias_bombs_are_refused() -> None:
    """Nested aliases that would expand enormously are stopped, not expanded."""
    text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefgh":
        previous = chr(ord(level) - 1)
        text += f"{level}: &{level} [{', '.join(['*' + previous] * 10)}]\n"
    data, _, problems = load_yaml(text, "f.yaml")
    assert data is None
    assert f"more than {MAX_VALUES} values" in problems[0].message


def test_syntax_errors_carry_the_line() -> None:
    """A YAML syntax error names the line where the parser gave up."""
    _, _, problems = load_yaml("a: 1\nb: [1, 2\nc: 3\n", "f.yaml")
    assert len(problems) == 1
    assert problems[0].message.startswith("YAML syntax error:")
    assert problems[0].line is not None
