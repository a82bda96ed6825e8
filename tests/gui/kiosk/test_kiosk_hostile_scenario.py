"""Issue 13 class 12 at the booth: one hostile scenario file among the operator's own must not
stop the kiosk (it used to restart-loop); the visitor rehearses the others."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def test_a_hostile_scenario_file_does_not_stop_the_kiosk(make_booth: Any, tmp_path: Path) -> None:
    user = tmp_path / "data" / "dialogues"
    user.mkdir(parents=True)
    (user / "deep.yaml").write_text("[" * 10_000 + "]" * 10_000)
    (user / "bomb.yaml").write_text(
        "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}]\n" for i in range(1, 40))
    )
    booth = make_booth()
    visitor = booth.visitor()
    line = visitor.start("connector-intro")
    assert line
    assert booth.kiosk.crash_guard.caught == 0
