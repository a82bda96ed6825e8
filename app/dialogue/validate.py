"""The checks a scenario must pass: its schema, then its graph.

Each failure is worded for the coach who wrote the file and points at the line to fix, because
the usual mistakes (a misspelt goto, a node nothing leads to, a loop with no way out) are easy to
make and hard to see by eye.
"""

from __future__ import annotations

import difflib
import json
from collections import deque
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

import app
from app.dialogue.model import Scenario
from app.dialogue.problems import Problem
from app.dialogue.yaml_loader import KeyPath
from app.framing.vocabulary import FRAMES, SEEKER_CUES

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of fields",
}


def shipped_dialogues_dir() -> Path:
    """The scenarios that ship with the app: the source tree's, else the packaged copy."""
    package = Path(app.__file__).resolve().parent
    source = package.parent / "dialogues"
    if (source / "schema.json").is_file():
        return source
    return package / "_content" / "dialogues"


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema, with frames and cues taken from the analyzer's vocabulary.

    The file's own lists serve editors; the vocabulary is the truth at run time, and a test keeps
    the two the same.
    """
    path = shipped_dialogues_dir() / "schema.json"
    try:
        loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise RuntimeError(f"The scenario schema {path} could not be read: {err}") from err
    loaded["$defs"]["frame"]["enum"] = list(FRAMES)
    loaded["$defs"]["cue"]["enum"] = list(SEEKER_CUES)
    return loaded


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema())


def by_line(problem: Problem) -> int:
    """Sort key: problems in the order an author reads the file (stable within a line)."""
    return problem.line or 0


def line_of(lines: Mapping[KeyPath, int], path: Sequence[str | int]) -> int | None:
    """The line of `path`, or of its nearest ancestor that has one."""
    key = tuple(path)
    while key:
        if key in lines:
            return lines[key]
        key = key[:-1]
    return lines.get(())


def _where(path: Sequence[str | int]) -> str:
    """A path as an author would say it: node 'greet', branch 2, 'goto'."""
    if not path:
        return "the scenario"
    parts: list[str] = []
    rest = list(path)
    if rest[0] == "nodes" and len(rest) >= 2:
        parts.append(f"node '{rest[1]}'")
        rest = rest[2:]
    elif rest[:2] == ["knowledge", "topics"] and len(rest) >= 3 and isinstance(rest[2], int):
        parts.append(f"knowledge topic {rest[2] + 1}")
        rest = rest[3:]
    elif rest[:2] == ["knowledge", "deflect"] and len(rest) >= 3 and isinstance(rest[2], int):
        parts.append(f"knowledge deflection {rest[2] + 1}")
        rest = rest[3:]
    plain: list[str] = []
    i = 0
    while i < len(rest):
        key = rest[i]
        following = rest[i + 1] if i + 1 < len(rest) else None
        if key in _LIST_ITEMS and isinstance(following, int):
            parts.append(f"{_LIST_ITEMS[key]} {following + 1}")
            i += 2
            continue
        plain.append(f"{key}[{following + 1}]" if isinstance(following, int) else str(key))
        i += 2 if isinstance(following, int) else 1
    if plain:
        parts.append("'" + ".".join(plain) + "'")
    return ", ".join(parts)


#: Lists whose items an author counts: "branch 2", "example question 3".
_LIST_ITEMS = {
    "branches": "branch",
    "say": "line",
    "questions": "example question",
    "answers": "answer",
    "bridges": "bridge",
}


def _suggest(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def _kind_of(value: object) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    for python_type, word in ((str, "text"), (int, "a number"), (float, "a number")):
        if isinstance(value, python_type):
            return word
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _shown(value: object) -> str:
    """A value as it appears in a message: control characters (a trailing newline) escaped."""
    text = str(value)
    if any(not ch.isprintable() for ch in text):
        return text.encode("unicode_escape").decode("ascii")
    return text


def _explain(error: ValidationError, lines: Mapping[KeyPath, int], file: str) -> list[Problem]:
    """Turn one jsonschema error into sentences a coach can act on."""
    path = list(error.absolute_path)
    where = _where(path)
    line = line_of(lines, path)
    kind = error.validator
    value = error.instance
    expected: Any = error.validator_value

    def at(message: str, where_line: int | None = line) -> list[Problem]:
        return [Problem(file, where_line, message)]

    if "propertyNames" in error.absolute_schema_path:
        return at(
            f"node id '{value}' must use only lowercase letters, digits, '-' and '_'",
            line_of(lines, [*path, str(value)]),
        )
    if kind == "required":
        missing = ", ".join(f"'{name}'" for name in expected if name not in value)
        return at(f"{where} is missing {missing}")
    if kind == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        return [
            Problem(
                file,
                line_of(lines, [*path, key]),
                f"unknown field '{key}' in {where}{_suggest(str(key), known)}",
            )
            for key in value
            if key not in known
        ]
    if kind == "enum":
        if path and path[-1] == "frame":
            return at(f"unknown frame '{value}'{_suggest(str(value), FRAMES)}")
        if len(path) >= 2 and path[-2] == "cues":
            return at(f"unknown cue '{value}'{_suggest(str(value), list(SEEKER_CUES))}")
        given = f"'{_shown(value)}'" if isinstance(value, str | int | float) else _kind_of(value)
        return at(f"{where} must be one of {', '.join(map(str, expected))}, not {given}")
    if kind == "type":
        return at(f"{where} must be {_TYPE_WORDS.get(expected, expected)}, not {_kind_of(value)}")
    if kind == "oneOf" and path and path[-1] == "say":
        # Text or a list takes its own branch's complaint ("must not be empty" for `say: []`
        # or `say: ""`), not the other branch's "must be text, not a list".
        own = [e for e in error.context or () if e.validator != "type" or e.relative_path]
        if isinstance(value, list | str) and own:
            inner = best_match(own)
            if inner is not None:
                return _explain(inner, lines, file)
        return at(f"{where} must be a line of text or a list of lines")
    if kind == "oneOf" and isinstance(value, dict) and "say" in error.schema.get("properties", {}):
        if "branches" in value:
            return at(f"{where} has both 'outcome' and 'branches': an end node cannot branch")
        return at(f"{where} needs 'branches' (where to go next) or an 'outcome' (how it ends)")
    if kind == "pattern":
        value = _shown(value)
        if path == ["id"]:
            return at(f"scenario id '{value}' must be lowercase letters, digits and hyphens")
        if path[:2] == ["knowledge", "topics"] and path[-1] == "id":
            return at(f"topic id '{value}' must be snake_case: lowercase letters, digits and '_'")
        return at(f"{where} '{value}' must use only lowercase letters, digits, '-' and '_'")
    if kind == "minLength":
        return at(f"{where} must not be empty")
    if kind in ("minItems", "minProperties"):
        if path == ["nodes"]:
            return at("a scenario needs at least two nodes: one to start and one to end")
        if path and path[-1] in _AT_LEAST and isinstance(expected, int) and expected > 1:
            return at(f"{where} needs at least {expected} {_AT_LEAST[path[-1]]}")
        return at(f"{where} must not be empty")
    if kind == "minimum":
        return at(f"{where} must be at least {expected}, not {value}")
    if kind == "maximum":
        return at(f"{where} must be at most {expected}, not {value}")
    if kind == "uniqueItems":
        return at(f"{where} lists the same value twice")
    return at(f"{where}: {error.message}")


#: What a list with too few items lacks, for "needs at least 3 example questions".
_AT_LEAST = {
    "questions": "example questions",
    "deflect": "deflections, honest replies for questions no topic answers",
}


def schema_problems(data: object, lines: Mapping[KeyPath, int], file: str) -> list[Problem]:
    """What the schema rejects, one problem per mistake, in line order."""
    if data is None:
        return [Problem(file, None, "the file is empty; a scenario needs id, title, persona, ...")]
    if not isinstance(data, dict):
        kind = {list: "a list", str: "a single piece of text", bool: "true/false"}.get(
            type(data), "a single number" if isinstance(data, int | float) else "a single value"
        )
        return [Problem(file, lines.get(()), f"a scenario must be a mapping of fields, not {kind}")]
    found: dict[Problem, None] = {}  # ordered and without repeats
    for error in _validator().iter_errors(data):
        found.update(dict.fromkeys(_explain(error, lines, file)))
    return sorted(found, key=by_line)


def raw_goto_problems(data: object, lines: Mapping[KeyPath, int], file: str) -> list[Problem]:
    """Dangling gotos and start found in the raw file, for one that failed its schema (so no
    Scenario could be built): the author sees every independent error at once, not the gotos
    only after fixing the fields. The same wording as `graph_problems`."""
    if not isinstance(data, Mapping) or not isinstance(data.get("nodes"), Mapping):
        return []
    nodes: Mapping[Any, Any] = data["nodes"]
    ids = [str(k) for k in nodes]
    found: list[Problem] = []
    start = data.get("start")
    if isinstance(start, str) and start not in nodes:
        found.append(
            Problem(
                file,
                line_of(lines, ["start"]),
                f"start node '{start}' does not exist{_suggest(start, ids)}",
            )
        )
    for node_id, node in nodes.items():
        branches = node.get("branches") if isinstance(node, Mapping) else None
        if not isinstance(branches, list):
            continue
        for index, branch in enumerate(branches):
            goto = branch.get("goto") if isinstance(branch, Mapping) else None
            if isinstance(goto, str) and goto not in nodes:
                found.append(
                    Problem(
                        file,
                        line_of(lines, ["nodes", str(node_id), "branches", index, "goto"]),
                        f"node '{node_id}', branch {index + 1}: goto '{goto}' does not exist"
                        + _suggest(goto, ids),
                    )
                )
    return found


def graph_problems(scenario: Scenario, lines: Mapping[KeyPath, int], file: str) -> list[Problem]:
    """What the schema cannot see: dangling gotos, dead ends, unreachable nodes, loops."""
    problems: list[Problem] = []
    nodes = scenario.nodes
    ids = list(nodes)

    def add(path: Sequence[str | int], message: str) -> None:
        problems.append(Problem(file, line_of(lines, path), message))

    if scenario.start not in nodes:
        hint = _suggest(scenario.start, ids)
        add(["start"], f"start node '{scenario.start}' does not exist{hint}")

    outcome_lines: dict[str, tuple[int | None, tuple[str, str]]] = {}
    for node in nodes.values():
        base: list[str | int] = ["nodes", node.id]
        fallback_at: int | None = None
        for index, branch in enumerate(node.branches):
            where = [*base, "branches", index]
            if branch.goto not in nodes:
                add(
                    [*where, "goto"],
                    f"node '{node.id}', branch {index + 1}: goto '{branch.goto}' does not exist"
                    + _suggest(branch.goto, ids),
                )
            if fallback_at is not None:
                add(
                    where,
                    f"node '{node.id}', branch {index + 1} can never be taken: branch "
                    f"{fallback_at + 1} has only 'goto' and catches every answer first",
                )
            elif branch.is_fallback:
                fallback_at = index
        if not node.is_end and fallback_at is None:
            add(
                [*base, "branches"],
                f"node '{node.id}' has no fallback branch: add a last branch with only 'goto' "
                "for answers that no other branch takes",
            )
        if (
            fallback_at is not None
            and node.branches[fallback_at].goto in nodes
            and (ending := nodes[node.branches[fallback_at].goto].outcome) is not None
            and ending.agreed
        ):
            add(
                [*base, "branches", fallback_at, "goto"],
                f"node '{node.id}': the fallback goes to an ending the seeker must agree to "
                f"('{ending.id}' has agreed: true), so an answer that does not agree has nowhere "
                "to go: send the fallback elsewhere",
            )
        if node.pivotal and node.coach is None:
            add(
                [*base, "pivotal"],
                f"node '{node.id}' is pivotal but has no coach note "
                "(coach: {note: ..., alternative: ...})",
            )
        if node.outcome is not None:
            oid = node.outcome.id
            here = line_of(lines, [*base, "outcome", "id"])
            seen = outcome_lines.setdefault(oid, (here, (node.outcome.label, node.outcome.kind)))
            if seen[1] != (node.outcome.label, node.outcome.kind):
                add(
                    [*base, "outcome", "id"],
                    f"outcome '{oid}' has a different label or kind than on line {seen[0]}; "
                    "give it another id or make them the same",
                )

    first_topic: dict[str, int] = {}
    for index, topic in enumerate(scenario.knowledge.topics):
        if topic.id in first_topic:
            add(
                ["knowledge", "topics", index, "id"],
                f"topic id '{topic.id}' is used twice (first as topic {first_topic[topic.id] + 1})",
            )
        else:
            first_topic[topic.id] = index

    reachable = _reachable(scenario)
    for node_id in ids:
        if scenario.start in nodes and node_id not in reachable:
            add(
                ["nodes", node_id],
                f"node '{node_id}' is unreachable: no branch leads to it from the start",
            )
    can_end = _can_reach_end(scenario)
    for node_id in ids:
        if node_id not in can_end and (node_id in reachable or scenario.start not in nodes):
            add(
                ["nodes", node_id],
                f"node '{node_id}' can never reach an end: every path from it loops "
                "without an outcome",
            )
    return sorted(problems, key=by_line)


def _reachable(scenario: Scenario) -> set[str]:
    if scenario.start not in scenario.nodes:
        return set()
    seen = {scenario.start}
    queue = deque([scenario.start])
    while queue:
        for branch in scenario.nodes[queue.popleft()].branches:
            if branch.goto in scenario.nodes and branch.goto not in seen:
                seen.add(branch.goto)
                queue.append(branch.goto)
    return seen


def _can_reach_end(scenario: Scenario) -> set[str]:
    incoming: dict[str, set[str]] = {node_id: set() for node_id in scenario.nodes}
    for node in scenario.nodes.values():
        for branch in node.branches:
            if branch.goto in incoming:
                incoming[branch.goto].add(node.id)
    done = {node.id for node in scenario.nodes.values() if node.is_end}
    queue = deque(done)
    while queue:
        for source in incoming[queue.popleft()]:
            if source not in done:
                done.add(source)
                queue.append(source)
    return done
