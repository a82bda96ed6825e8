"""The scenario as immutable data: what a coach wrote, checked, ready for the runner and the UI."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

#: How hard a scenario is, in the order a picker should list them.
DIFFICULTIES: tuple[str, ...] = ("gentle", "moderate", "tough")
#: How an ending went for the seeker.
OUTCOME_KINDS: tuple[str, ...] = ("good", "mixed", "poor")


@dataclass(frozen=True)
class VoiceSettings:
    """How the persona sounds; the speech layer maps these onto the engine's own properties."""

    voice: str = "en-us"
    rate: int = 165
    pitch: int = 50
    volume: float = 1.0


@dataclass(frozen=True)
class Persona:
    """Who the seeker is talking to, shown on screen and used to pick a voice."""

    name: str
    role: str
    company: str
    voice: VoiceSettings = field(default_factory=VoiceSettings)


@dataclass(frozen=True)
class Outcome:
    """How a conversation ended: `label` is what the user reads, `kind` is good/mixed/poor."""

    id: str
    label: str
    kind: str


@dataclass(frozen=True)
class CoachNote:
    """What the replay shows at a pivotal moment: why it mattered and a better answer."""

    note: str
    alternative: str


@dataclass(frozen=True)
class Branch:
    """One way out of a node.

    It matches when the answer's frame equals `frame` (if set) and at least one of `cues` was
    found (if set). A branch with neither is the fallback and always matches.
    """

    goto: str
    frame: str | None = None
    cues: frozenset[str] = frozenset()

    @property
    def is_fallback(self) -> bool:
        """A fallback catches every answer no earlier branch took."""
        return self.frame is None and not self.cues

    def matches(self, frame: str, cues: Collection[str]) -> bool:
        """Whether an answer with this frame and these cues takes this branch."""
        if self.frame is not None and self.frame != frame:
            return False
        return not self.cues or not self.cues.isdisjoint(cues)


@dataclass(frozen=True)
class Node:
    """One thing the manager says, with its variants, and where the talk goes next."""

    id: str
    lines: tuple[str, ...]
    branches: tuple[Branch, ...] = ()
    outcome: Outcome | None = None
    pivotal: bool = False
    coach: CoachNote | None = None

    @property
    def is_end(self) -> bool:
        """End nodes carry an outcome and have no branches."""
        return self.outcome is not None

    def choose(self, frame: str, cues: Collection[str]) -> Branch | None:
        """The first branch, in file order, that this answer takes; None at an end node."""
        for branch in self.branches:
            if branch.matches(frame, cues):
                return branch
        return None


@dataclass(frozen=True)
class ManagerLine:
    """What the manager says next: the text to speak and caption, and where it came from."""

    node_id: str
    text: str
    is_end: bool


@dataclass(frozen=True)
class Scenario:
    """A whole conversation a coach wrote, validated: every goto resolves, every path can end."""

    id: str
    title: str
    difficulty: str
    persona: Persona
    context: str
    start: str
    nodes: Mapping[str, Node]
    path: Path | None = None

    def manager_lines(self) -> list[str]:
        """Every line and variant, without repeats, so speech can be rendered before it starts."""
        seen: dict[str, None] = {}
        for node in self.nodes.values():
            for text in node.lines:
                seen.setdefault(text, None)
        return list(seen)

    def outcomes(self) -> list[Outcome]:
        """The distinct endings, in file order."""
        found: dict[str, Outcome] = {}
        for node in self.nodes.values():
            if node.outcome is not None:
                found.setdefault(node.outcome.id, node.outcome)
        return list(found.values())

    def pivotal_nodes(self) -> list[Node]:
        """The moments the replay lets the user retry from."""
        return [node for node in self.nodes.values() if node.pivotal]
