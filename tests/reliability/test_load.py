"""Many sessions in one window: file descriptors and threads stay flat, memory stays bounded."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from .conftest import REPO

SESSIONS = 100
WARMUP = 20
RSS_GROWTH_LIMIT_MB = 15.0  # measured ~2 MB; 0.4 MB a session would exceed it


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_load", REPO / "bench" / "load.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.gui
@pytest.mark.slow
def test_a_hundred_sessions_leak_no_fds_threads_or_much_memory(qtbot: Any, tmp_path: Path) -> None:
    """100 spoken rehearsals through one real window: all saved, fds and threads flat after the
    warm-up, resident memory growth bounded."""
    figures = _bench().run(SESSIONS, WARMUP, tmp_path / "data", bot=qtbot)
    assert figures["sessions_saved"] == figures["distinct_session_ids"] == SESSIONS
    assert figures["fds_end"] == figures["fds_after_warmup"]
    assert figures["os_threads_end"] == figures["os_threads_after_warmup"]
    assert figures["python_threads_end"] == figures["python_threads_before"]
    assert figures["fds_after_close"] <= figures["fds_before"]
    assert figures["rss_growth_mb_after_warmup"] < RSS_GROWTH_LIMIT_MB, figures
