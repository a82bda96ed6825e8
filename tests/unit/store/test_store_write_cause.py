"""A data folder Frameshift cannot write is said at once and by its real cause (trial6 F22):
a read-only disk, no permission and a full disk are different sentences, at start-up
(`open_store`), on a refused write, and in the end's retry message.

The read-only and full disks are real: small tmpfs mounts (needs root and mount rights, as on
the team's machines and CI containers; skipped with the reason otherwise). No permission cannot
be made for root, so it is checked through the errno the system gives."""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from app.config import Settings
from app.dialogue import find_scenario, installed_scenario_dirs
from app.session import Conversation, Recordings
from app.session.storage import open_store
from app.session.unsaved import retry_save
from app.store import DatabaseReadOnly, DiskFull, Store, folder_problem, translate
from app.store.errors import FULL, NO_PERMISSION, READ_ONLY, write_cause
from tests.disks import fill, remount

READ_ONLY_WORDS = "is on a read-only disk"
PERMISSION_WORDS = "no permission to write"
FULL_WORDS = "is full"
ALL_WORDS = (READ_ONLY_WORDS, PERMISSION_WORDS, FULL_WORDS)


@pytest.fixture
def disk(tmpfs: Callable[[str], Path]) -> Path:
    """A 1 MB tmpfs of its own (unmounted after the test)."""
    return tmpfs("1m")


def _only(words: str, text: str) -> None:
    assert words in text, text
    for other in ALL_WORDS:
        if other != words:
            assert other not in text, text
    assert "close the other Frameshift" not in text, text


@pytest.mark.parametrize("history", ["none", "saved", "empty-folder"])
def test_a_read_only_data_folder_is_said_at_start_by_its_cause(disk: Path, history: str) -> None:
    data = disk / "data"
    settings = Settings(data_dir=data)
    if history == "saved":
        with Store(settings.database_path) as made:
            made.create_session(
                scenario_id="x", scenario_title="X", persona="P", mode="typed", started_at=1.0
            )
    elif history == "empty-folder":
        data.mkdir()
    remount(disk, "ro")
    store, notices = open_store(settings)
    assert store is None or store.read_only is False
    said = " ".join(notices)
    _only(READ_ONLY_WORDS, said)
    assert str(data) in said
    assert "--data-dir" in said
    if store is not None:
        store.close()


def test_a_full_disk_is_said_at_start(disk: Path) -> None:
    settings = Settings(data_dir=disk / "data")
    with Store(settings.database_path):
        pass
    fill(disk)
    store, notices = open_store(settings)
    _only(FULL_WORDS, " ".join(notices))
    if store is not None:
        store.close()


def test_a_history_that_opens_but_cannot_be_written_names_the_cause(
    disk: Path, tmp_path: Path
) -> None:
    """The trial's case: a copy of a live data folder (WAL and its index present) on a
    read-only mount opens, but every write is refused: the start says read-only once, the
    refused writes are kept in memory with the same sentence, and the end's retry says it too
    (never 'free some space or close the other Frameshift')."""
    source = Settings(data_dir=tmp_path / "live")
    live = Store(source.database_path)
    live.create_session(
        scenario_id="x", scenario_title="X", persona="P", mode="typed", started_at=1.0
    )
    shutil.copytree(source.data_dir, disk / "data")
    live.close()
    remount(disk, "ro")
    settings = Settings(data_dir=disk / "data")
    store, opened = open_store(settings)
    assert len(opened) == 1, opened
    _only(READ_ONLY_WORDS, opened[0])
    notices: list[str] = []
    conv = Conversation(
        find_scenario("connector-intro", installed_scenario_dirs()),
        store,
        recordings=Recordings(settings.data_dir),
        on_notice=notices.append,
    )
    conv.begin()
    for text in ("What does the team do?", "How did you get into it?", "Interesting."):
        if conv.reached_end:
            break
        conv.answer(text)
    conv.end()
    assert notices, "a refused write must be said"
    _only(READ_ONLY_WORDS, notices[0])
    saved, message = retry_save(conv, settings)
    assert not saved
    _only(READ_ONLY_WORDS, message)
    if store is not None:
        store.close()


@pytest.mark.parametrize(
    ("err", "cause", "words"),
    [
        (errno.EROFS, READ_ONLY, READ_ONLY_WORDS),
        (errno.EACCES, NO_PERMISSION, PERMISSION_WORDS),
        (errno.EPERM, NO_PERMISSION, PERMISSION_WORDS),
    ],
)
@pytest.mark.parametrize("name", ["frameshift.db", "frameshift.db-wal", "audio/3/1.wav"])
def test_each_refusal_the_system_gives_is_its_own_sentence(
    tmp_path: Path, err: int, cause: str, words: str, name: str
) -> None:
    """On a writable folder the errno decides: translate() of each OSError names the folder."""
    path = tmp_path / "data" / name
    error = translate(OSError(err, os.strerror(err), str(path)), path)
    assert isinstance(error, DatabaseReadOnly)
    assert error.cause == cause
    _only(words, f"{error.message} {error.hint}")
    assert str(path.parent) in error.message


@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EDQUOT])
def test_no_space_is_the_full_disk_sentence(tmp_path: Path, err: int) -> None:
    error = translate(OSError(err, os.strerror(err)), tmp_path / "frameshift.db")
    assert isinstance(error, DiskFull)
    assert write_cause(tmp_path, err) == FULL


def test_a_writable_folder_has_no_problem(tmp_path: Path) -> None:
    for folder in (tmp_path, tmp_path / "new" / "data"):
        assert folder_problem(folder) is None
        assert [p.name for p in folder.iterdir() if p.name.startswith(".frameshift")] == []
