"""Review 10 R26: a process that exits while a sentence model is still loading in the
background exits cleanly (code 0), at every moment of the load. The loaders ran on daemon
threads, and an exit while onnxruntime was building a session aborted ("terminate called
without an active exception", code 134): a user quitting just after the window appeared, or a
test run ending, with every test green. Generated: each loader x exit delays across the load."""

from __future__ import annotations

import subprocess
import sys

import pytest

LOADERS = {
    "framing model": "from app.framing import learned; learned.load_model_in_background()",
    "sentence encoder": "from app.framing import encoder; encoder.load_in_background()",
    "knowledge matcher": (
        "from app.dialogue import find_scenario, installed_scenario_dirs, knowledge;"
        "from app.framing import encoder;"
        "encoder.shared_encoder(wait=True);"
        "s = find_scenario('connector-intro', installed_scenario_dirs());"
        "knowledge.warm(s.knowledge)"
    ),
}
DELAYS_S = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5)


@pytest.mark.parametrize("loader", sorted(LOADERS))
def test_exiting_while_a_model_loads_is_clean(loader: str) -> None:
    codes = {}
    for delay in DELAYS_S:
        script = f"{LOADERS[loader]}; import time; time.sleep({delay})"
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
        )
        codes[delay] = (done.returncode, done.stderr.strip()[-200:])
    bad = {d: c for d, c in codes.items() if c[0] != 0}
    assert not bad, bad
