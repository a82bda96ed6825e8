"""Fixtures for the store tests: every database lives in pytest's tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store import Store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the app would put the file, inside a data dir that does not exist yet."""
    return tmp_path / "data" / "frameshift.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """A fresh, migrated store, closed after the test."""
    with Store(db_path) as opened:
        yield opened
