"""Trial 8 H13: `frameshift validate` on a generated scenario of 2,300 nodes printed 2,300 of
the same warning. Generated warning lists (kinds x counts x names): each kind shows at most
WARNINGS_SHOWN lines then one line counting the rest; kinds under the cap show every line."""

from __future__ import annotations

import random

import pytest

from app.cli.validate import WARNINGS_SHOWN, capped
from app.dialogue import Problem

KINDS = [
    "node '{a}', branches {n} and {m}: two answers that change nothing",
    "node '{a}' is never reached from 'opening'",
    'topic "{a}" has only {n} example question',
]


@pytest.mark.parametrize("seed", range(30))
def test_each_kind_of_warning_is_capped_with_a_count(seed: int) -> None:
    rng = random.Random(seed)
    wanted = {kind: rng.choice([0, 1, WARNINGS_SHOWN, WARNINGS_SHOWN + 1, 2300]) for kind in KINDS}
    warnings = [
        Problem(
            "s.yaml", rng.randint(1, 9000),
            kind.format(a=f"node-{i}", n=rng.randint(1, 9), m=rng.randint(1, 9)), warning=True,
        )
        for kind, count in wanted.items()
        for i in range(count)
    ]  # fmt: skip
    rng.shuffle(warnings)
    lines = capped(warnings)
    assert len(lines) <= len(KINDS) * (WARNINGS_SHOWN + 1)
    for kind, count in wanted.items():
        tail = kind.split("}")[-1]
        kept = [ln for ln in lines if not ln.startswith("...") and ln.endswith(tail)]
        summary = [ln for ln in lines if ln.startswith("... and") and tail + '" (' in ln]
        assert len(kept) == min(count, WARNINGS_SHOWN), kind
        if count > WARNINGS_SHOWN:
            assert summary == [summary[0]]
            assert f"{count - WARNINGS_SHOWN} more" in summary[0]
            assert f"({count} in all)" in summary[0]
        else:
            assert not summary
