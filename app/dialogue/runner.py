"""The conversation as a state machine: where the manager is, and where an answer takes them."""

from __future__ import annotations

import random
from collections.abc import Collection

from app.dialogue.model import ManagerLine, Node, Outcome, Scenario


class Runner:
    """Walks one rehearsal through a scenario.

    Each node's phrasing is chosen once, up front, from `seed`: the same seed gives the same
    rehearsal, "repeat that" repeats the same words, and a retry from a pivotal node with the same
    seed hears the same lines as the first attempt.
    """

    def __init__(self, scenario: Scenario, *, seed: int | None = None, start: str | None = None):
        first = scenario.start if start is None else start
        if first not in scenario.nodes:
            raise ValueError(f"scenario '{scenario.id}' has no node '{first}'")
        self.scenario = scenario
        rng = random.Random(seed)
        self._phrasing = {node.id: rng.choice(node.lines) for node in scenario.nodes.values()}
        self.current: Node = scenario.nodes[first]
        self.path: list[str] = [first]

    @property
    def finished(self) -> bool:
        """True once the manager has said an end node's line."""
        return self.current.is_end

    @property
    def outcome(self) -> Outcome | None:
        """How the conversation ended, once it has."""
        return self.current.outcome

    def line(self) -> ManagerLine:
        """What the manager says at the current node."""
        return ManagerLine(
            node_id=self.current.id,
            text=self._phrasing[self.current.id],
            is_end=self.current.is_end,
        )

    def advance(self, frame: str, cues: Collection[str]) -> ManagerLine:
        """Take the first branch this answer matches and return the manager's reply."""
        if self.finished:
            raise RuntimeError("the conversation has ended; there is nothing to answer")
        branch = self.current.choose(frame, cues)
        if branch is None:
            raise RuntimeError(f"node '{self.current.id}' has no branch for this answer")
        self.current = self.scenario.nodes[branch.goto]
        self.path.append(self.current.id)
        return self.line()
