"""A safe YAML loader that remembers where everything was and refuses duplicate keys.

Plain PyYAML keeps the last of two equal keys without a word, so an author who writes a node
twice loses the first one silently. This loader reports it, and records the line of every key
and list item so that later checks (schema, graph) can point at the line to fix.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path
from typing import Any

import yaml

from app.dialogue.problems import Problem
from app.files import open_regular

#: A place in the document: keys and list indexes from the root.
KeyPath = tuple[str | int, ...]

#: Beyond this many values a file is refused, so aliases cannot blow up memory.
MAX_VALUES = 50_000
#: A scenario is a few kilobytes; a file larger than this is refused before it is parsed.
MAX_BYTES = 1_000_000
#: Nesting deeper than this is refused while parsing (PyYAML itself recurses per level).
MAX_DEPTH = 64

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


class _RefusedError(Exception):
    """Raised inside the walk; carries the problem to report."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _short_tag(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


class LineLoader(yaml.SafeLoader):
    """yaml.SafeLoader (never constructs objects) plus line numbers and duplicate-key checks."""

    def __init__(self, stream: str, file: str) -> None:
        super().__init__(stream)
        self.file = file
        self.lines: dict[KeyPath, int] = {}
        self.problems: list[Problem] = []
        self._count = 0
        self._depth = 0
        self._composed = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        """PyYAML's composer, bounded in depth and node count before anything is built."""
        self._depth += 1
        self._composed += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _RefusedError(
                    self._here(), f"the file is nested more than {MAX_DEPTH} levels deep"
                )
            if self._composed > MAX_VALUES:
                raise _RefusedError(
                    self._here(), f"the file has more than {MAX_VALUES} values; too large"
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def _here(self) -> int:
        """The line the parser has reached."""
        event = self.peek_event()  # type: ignore[no-untyped-call]
        return int(event.start_mark.line) + 1

    def load_tracked(self) -> Any:
        """The document as plain dicts, lists and scalars; fills `lines` and `problems`."""
        node = self.get_single_node()
        if node is None:
            return None
        self.lines[()] = _line(node)
        return self._build(node, (), frozenset())

    def _build(self, node: yaml.Node, path: KeyPath, stack: frozenset[int]) -> Any:
        self._count += 1
        if self._count > MAX_VALUES:
            raise _RefusedError(
                _line(node), f"the file has more than {MAX_VALUES} values; too large"
            )
        if isinstance(node, yaml.MappingNode):
            return self._build_mapping(node, path, stack | {id(node)}, stack)
        if isinstance(node, yaml.SequenceNode):
            if id(node) in stack:
                raise _RefusedError(_line(node), "an alias refers to the list that contains it")
            self._check_tag(node, _SEQ_TAG)
            items = []
            for index, item in enumerate(node.value):
                self.lines[(*path, index)] = _line(item)
                items.append(self._build(item, (*path, index), stack | {id(node)}))
            return items
        return self._scalar(node)

    def _build_mapping(
        self, node: yaml.MappingNode, path: KeyPath, inner: frozenset[int], stack: frozenset[int]
    ) -> dict[str, Any]:
        if id(node) in stack:
            raise _RefusedError(_line(node), "an alias refers to the mapping that contains it")
        self._check_tag(node, _MAP_TAG)
        self.flatten_mapping(node)  # resolves `<<` merge keys the way SafeLoader does
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _RefusedError(
                    _line(key_node), "a key must be plain text, not a list or mapping"
                )
            self._scalar(key_node)  # refuses unsafe tags on keys too
            # The text as written: `no:` or `1:` as a node id stays the string the author typed.
            key = str(key_node.value)
            if key in first_seen:
                what = "node id" if path == ("nodes",) else "key"
                self.problems.append(
                    Problem(
                        self.file,
                        _line(key_node),
                        f"duplicate {what} '{key}' (first defined on line {first_seen[key]})",
                    )
                )
                continue
            first_seen[key] = _line(key_node)
            self.lines[(*path, key)] = _line(key_node)
            result[key] = self._build(value_node, (*path, key), inner)
        return result

    def _check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            raise _RefusedError(_line(node), _refused_tag(node.tag))

    def _scalar(self, node: yaml.Node) -> Any:
        try:
            return self.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as err:
            raise _RefusedError(_line(node), _refused_tag(node.tag)) from err


def _refused_tag(tag: str) -> str:
    return (
        f"the tag '{_short_tag(tag)}' is not allowed; "
        "a scenario holds only text, numbers, true/false, lists and mappings"
    )


def load_yaml(text: str, file: str) -> tuple[Any, dict[KeyPath, int], list[Problem]]:
    """Parse `text` safely: (data, line of each key path, problems). Data is None on failure.

    Never raises: whatever PyYAML raises on any input becomes a problem of this file, so one
    hostile file cannot stop the others from loading.
    """
    if len(text) > MAX_BYTES:
        return None, {}, [Problem(file, None, f"the file is larger than {MAX_BYTES} bytes")]
    try:
        return _load(text, file)
    except (RecursionError, MemoryError):
        return None, {}, [Problem(file, None, "the file is nested too deeply or too large")]
    except Exception as err:  # a parser bug on strange input must not stop the other files
        return None, {}, [Problem(file, None, f"the YAML could not be read ({type(err).__name__})")]


def _load(text: str, file: str) -> tuple[Any, dict[KeyPath, int], list[Problem]]:
    try:
        loader = LineLoader(text, file)  # reads the first chunk, so it can refuse it already
    except yaml.reader.ReaderError as err:
        return None, {}, [_unreadable(text, err, file)]
    try:
        data = loader.load_tracked()
    except yaml.reader.ReaderError as err:
        return None, loader.lines, [_unreadable(text, err, file)]
    except _RefusedError as err:
        return None, loader.lines, [*loader.problems, Problem(file, err.line, err.message)]
    except yaml.MarkedYAMLError as err:
        line, what = explain_syntax(text, err)
        return None, loader.lines, [Problem(file, line, f"YAML syntax error: {what}")]
    except yaml.YAMLError as err:
        return None, loader.lines, [Problem(file, None, f"YAML error: {err}")]
    finally:
        loader.dispose()
    return data, loader.lines, loader.problems


def read_bounded(path: Path) -> bytes:
    """A scenario file's bytes, refused before reading when it is not a regular file (a FIFO
    would block) or larger than MAX_BYTES (OSError with a sentence as strerror)."""
    with open_regular(path) as (fh, info):
        if info.st_size > MAX_BYTES:
            raise OSError(errno.EFBIG, f"larger than {MAX_BYTES} bytes", str(path))
        data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise OSError(errno.EFBIG, f"larger than {MAX_BYTES} bytes", str(path))
    return data


def _unreadable(text: str, err: yaml.reader.ReaderError, file: str) -> Problem:
    """A character YAML refuses (control characters, for example), with its line."""
    line = text[: max(0, int(err.position))].count("\n") + 1
    code = err.character if isinstance(err.character, int) else ord(str(err.character)[:1] or "?")
    return Problem(file, line, f"YAML error: the character U+{code:04X} is not allowed here")


_KEY_VALUE = re.compile(r"^\s*(?:-\s+)*(?:[^\s#'\"][^:#]*?:\s+|-\s+)(?P<value>.*)$")


def _open_quote(line: str) -> str | None:
    """The quote a value on this line opens and never closes on it, else None."""
    match = _KEY_VALUE.match(line)
    value = (match.group("value") if match else line.strip()).rstrip()
    if not value or value[0] not in "'\"":
        return None
    quote = value[0]
    body = value[1:]
    if quote == '"':
        closed = re.search(r'(?<!\\)"', body) is not None
    else:
        closed = re.search(r"'(?!')", body.replace("''", "")) is not None
    return None if closed else quote


def explain_syntax(text: str, err: yaml.MarkedYAMLError) -> tuple[int | None, str]:
    """The line of the actual fault and what is wrong there, in plain words (not the parser's
    "expected <block end>"): a tab used for indenting, a quote opened and never closed, a
    second ': ' inside a value, a line indented unlike its neighbours."""
    mark = err.problem_mark or err.context_mark
    if mark is None:
        return None, "the file is not valid YAML"
    lines = text.splitlines()
    end = min(int(mark.line), len(lines) - 1) if lines else 0
    begin = int(err.context_mark.line) if err.context_mark is not None else 0
    problem = (err.problem or "").lower()
    for index in range(0, end + 1):
        if re.match(r"^ *\t", lines[index]):
            return index + 1, "this line is indented with a tab; YAML needs spaces"
    for index in range(min(begin, end), end + 1):
        quote = _open_quote(lines[index])
        if quote is not None:
            return index + 1, (
                f"a quote ({quote}) opens the text on this line but does not close on it; "
                f"add the closing {quote} at the end of the text"
            )
    if "mapping values are not allowed" in problem:
        return end + 1, (
            "this line has a second ': ' inside its text; put the whole text in quotes "
            '("...") or leave out the colon'
        )
    if "could not find expected ':'" in problem or "simple key" in problem:
        return end + 1, "this line is missing the ': ' between a field's name and its value"
    if "found character" in problem and "cannot start any token" in problem:
        return end + 1, (
            "this line starts its text with a character YAML reserves (such as @ or `); "
            "put the text in quotes"
        )
    if "end of stream" in problem:
        return end + 1, "the file ends inside an unfinished quote or list"
    return end + 1, (
        "this line is indented differently from the lines around it (or something above it "
        "is not closed); line its field up with the others at the same level"
    )
