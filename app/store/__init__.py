"""Persistence: sessions and turns in one SQLite file, written the moment they happen.

Pure Python (sqlite-utils); never imports Qt. `store.py` is the API (`Store`), `connection.py`
the durability choices, `queries.py` the reads and `schema.py` how the schema evolves.
"""

from __future__ import annotations

from app.store.errors import (
    DamagedSession,
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseTooNew,
    DiskFull,
    NoSuchHistory,
    NoSuchSession,
    NotAFolder,
    SessionInUse,
    StoreError,
    disk_full,
    folder_problem,
    translate,
    wrong_kind,
)
from app.store.records import (
    FRAMES,
    MODES,
    SPEAKERS,
    STATUSES,
    SessionRecord,
    TurnRecord,
    UnreadableSession,
)
from app.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate
from app.store.store import Store

__all__ = [
    "FRAMES",
    "MIGRATIONS",
    "MODES",
    "SCHEMA_VERSION",
    "SPEAKERS",
    "STATUSES",
    "DamagedSession",
    "DatabaseCorrupt",
    "DatabaseLocked",
    "DatabaseReadOnly",
    "DatabaseTooNew",
    "DiskFull",
    "NoSuchHistory",
    "NoSuchSession",
    "NotAFolder",
    "SessionInUse",
    "SessionRecord",
    "Store",
    "StoreError",
    "TurnRecord",
    "UnreadableSession",
    "disk_full",
    "folder_problem",
    "migrate",
    "translate",
    "wrong_kind",
]
