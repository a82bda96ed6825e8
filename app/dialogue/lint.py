"""Warnings and statistics for a valid scenario: what makes it feel like a branching quiz.

Nothing here stops a scenario from loading. The warnings point at lines an author will want to
rewrite: a line that asks nothing where the seeker is expected to answer, answers that change
nothing for two turns in a row, topics the matcher cannot find from their own example questions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.dialogue.knowledge import KnowledgeMatcher, matcher_for
from app.dialogue.loader import check_file, expand_paths
from app.dialogue.model import Scenario
from app.dialogue.problems import Problem
from app.dialogue.validate import by_line, line_of
from app.dialogue.yaml_loader import KeyPath, load_yaml
from app.framing.cues import find_questions

#: Lines that invite an answer without a question: "Walk me through your experience."
_INVITATION = re.compile(
    r"\b(tell me|walk me through|talk me through|take me through|go ahead|go on|"
    r"i'd love to hear|i would love to hear|i'm curious|i am curious|curious what|"
    r"your turn|over to you|let's hear|describe|explain)\b",
    re.IGNORECASE,
)


def invites_answer(line: str) -> bool:
    """Whether a manager line asks something or otherwise hands the turn to the seeker."""
    return bool(find_questions(line)) or _INVITATION.search(line) is not None


def scenario_warnings(
    scenario: Scenario,
    lines: Mapping[KeyPath, int],
    file: str,
    matcher: KnowledgeMatcher | None = None,
) -> list[Problem]:
    """Everything worth a second look in a valid scenario, in line order."""
    found: list[Problem] = []

    def warn(path: Sequence[str | int], message: str) -> None:
        found.append(Problem(file, line_of(lines, path), message, warning=True))

    nodes = scenario.nodes
    for node in nodes.values():
        if node.is_end:
            continue
        for index, text in enumerate(node.lines):
            if not invites_answer(text):
                several = len(node.lines) > 1
                warn(
                    ["nodes", node.id, "say", index] if several else ["nodes", node.id, "say"],
                    f"node '{node.id}'"
                    + (f", line {index + 1}" if len(node.lines) > 1 else "")
                    + " asks nothing, yet the seeker is expected to answer: end it with a "
                    "question or an invitation to talk",
                )
    for node in nodes.values():
        after = nodes.get(node.branches[0].goto) if len(node.branches) == 1 else None
        if (
            after is not None
            and node.branches[0].is_fallback
            and len(after.branches) == 1
            and after.branches[0].is_fallback
        ):
            warn(
                ["nodes", after.id, "branches"],
                f"nodes '{node.id}' and '{after.id}' each have a single unconditional branch "
                "in a row: two answers that change nothing; branch on frame or cues in one",
            )
    if scenario.knowledge.topics:
        matcher = matcher or matcher_for(scenario.knowledge, wait=True)
        position = {t.id: i for i, t in enumerate(scenario.knowledge.topics)}
        for topic_id, went in matcher.unreached().items():
            warn(
                ["knowledge", "topics", position[topic_id], "id"],
                f"topic '{topic_id}' is not reached by its own example questions: each, left "
                f"out, is closer to {', '.join(repr(t) for t in went)}; make the topics more "
                "distinct, or add example questions",
            )
    return sorted(found, key=by_line)


def warn_file(path: Path) -> list[Problem]:
    """The warnings of one scenario file; none when the file has errors (fix those first)."""
    scenario, problems = check_file(path)
    if scenario is None or problems:
        return []
    text = path.read_bytes().decode("utf-8-sig")
    _, lines, _ = load_yaml(text, str(path))
    return scenario_warnings(scenario, lines, str(path))


def warn_paths(paths: Iterable[Path]) -> list[Problem]:
    """The warnings of these files and folders' scenarios."""
    return [w for path in expand_paths(Path(p) for p in paths) for w in warn_file(path)]


@dataclass(frozen=True)
class ScenarioStats:
    """How big a scenario is and how much of it responds to the seeker."""

    id: str
    nodes: int
    lines: int  # manager lines: one per node, whatever its phrasings
    variants: int  # phrasings, counted over every node
    responsive: int  # nodes with a branch on frame or cues
    branching: int  # nodes that are not ends
    topics: int
    answers: int
    deflections: int
    pivotal: int
    outcomes: int
    parts: int  # distinct things the manager can say, pre-rendered

    def to_dict(self) -> dict[str, int | str]:
        return dict(self.__dict__)


def stats(scenario: Scenario) -> ScenarioStats:
    """The size and coverage figures `frameshift validate --stats` prints."""
    nodes = list(scenario.nodes.values())
    return ScenarioStats(
        id=scenario.id,
        nodes=len(nodes),
        lines=len(nodes),
        variants=sum(len(n.lines) for n in nodes),
        responsive=sum(1 for n in nodes if any(not b.is_fallback for b in n.branches)),
        branching=sum(1 for n in nodes if not n.is_end),
        topics=len(scenario.knowledge.topics),
        answers=sum(len(t.answers) for t in scenario.knowledge.topics),
        deflections=len(scenario.knowledge.deflect),
        pivotal=len(scenario.pivotal_nodes()),
        outcomes=len(scenario.outcomes()),
        parts=len(scenario.manager_lines()),
    )
