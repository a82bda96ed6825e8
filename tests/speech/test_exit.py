"""A process that exits while the end-of-turn models are still loading (a short test, a user
closing the app at once) exits cleanly: before, the daemon load thread was inside CTranslate2
when the interpreter finalized and the C++ runtime aborted ("terminate called without an active
exception", exit code 134)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import REPO

pytestmark = [pytest.mark.speech, pytest.mark.slow]

EXIT_WHILE_LOADING = """
import sys, time
sys.path.insert(0, {repo!r})
from app.speech.microphone import EndpointModels
models = EndpointModels()
time.sleep({delay})
"""


@pytest.mark.parametrize("delay_s", [0.3, 0.8, 1.5])
def test_exiting_while_the_endpoint_models_load_does_not_abort(delay_s: float) -> None:
    code = EXIT_WHILE_LOADING.format(repo=str(REPO), delay=delay_s)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert "terminate called" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
