"""A slow voice renders a rehearsal's lines soonest first: Runner.likely_lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.dialogue import Runner, load_scenario

REPO = Path(__file__).resolve().parents[3]
SCENARIOS = sorted(p for p in (REPO / "dialogues").glob("*.yaml") if ".plan." not in p.name)


def _depths(scenario, start):  # type: ignore[no-untyped-def]
    depth = {start: 0}
    queue = [start]
    while queue:
        node = scenario.nodes[queue.pop(0)]
        for branch in node.branches:
            if branch.goto not in depth:
                depth[branch.goto] = depth[node.id] + 1
                queue.append(branch.goto)
    return depth


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
@pytest.mark.parametrize("seed", [0, 1, 7])
def test_likely_lines_cover_everything_soonest_first(path: Path, seed: int) -> None:
    scenario = load_scenario(path)
    runner = Runner(scenario, seed=seed)
    lines = runner.likely_lines()
    assert len(lines) == len(set(lines))
    assert set(lines) == set(scenario.manager_lines())
    assert lines[0] == runner.line().text
    depth = _depths(scenario, scenario.start)
    # This rehearsal's phrasing of every node comes before any other part, nearer nodes first.
    said = {n: runner._phrasing[n] for n in scenario.nodes}
    positions = [lines.index(said[n]) for n in sorted(depth, key=lambda n: depth[n])]
    assert max(positions) < len(set(said.values()))
    for a in depth:
        for b in depth:
            if depth[a] < depth[b] and said[a] != said[b]:
                assert lines.index(said[a]) < lines.index(said[b]) or said[a] in [
                    said[c] for c in depth if depth[c] <= depth[b] and c != a
                ]
