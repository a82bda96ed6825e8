"""Trial 8 H17: a FILE where the data folder goes gave the raw errno ("Frameshift could not use
.../frameshift.db: File exists"), and a FOLDER where the history file goes read as a permission
problem. Every way of opening the history to write (the read-only commands check the kind
first: tests/reliability/test_read_only_commands.py) x every wrong-kind layout: the sentence
names what is wrong (a file, not a folder / a folder, not a file) and the way forward, and
touches nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.store import NotAFolder, Store, StoreError


def _file_as_data_dir(root: Path, depth: int) -> tuple[Path, str]:
    blocker = root / "data"
    blocker.write_text("not a folder\n")
    db = blocker.joinpath(*[f"sub{n}" for n in range(depth)], "frameshift.db")
    return db, f"The data folder {db.parent} is a file, not a folder."


def _folder_as_db(root: Path, depth: int) -> tuple[Path, str]:
    db = root.joinpath(*[f"sub{n}" for n in range(depth)], "frameshift.db")
    (db / "inside").mkdir(parents=True)
    return db, f"The history file {db} is a folder, not a file."


LAYOUTS: dict[str, Callable[[Path, int], tuple[Path, str]]] = {
    "file-as-data-dir": _file_as_data_dir,
    "folder-as-history-file": _folder_as_db,
}
OPENS: dict[str, Callable[[Path], object]] = {
    "open": lambda db: Store(db),
    "open_or_recover": lambda db: Store.open_or_recover(db),
}


@pytest.mark.parametrize("depth", range(3))
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("how", sorted(OPENS))
def test_a_file_or_folder_of_the_wrong_kind_is_named(
    tmp_path: Path, how: str, layout: str, depth: int
) -> None:
    db, sentence = LAYOUTS[layout](tmp_path, depth)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    with pytest.raises(StoreError) as caught:
        OPENS[how](db)
    assert isinstance(caught.value, NotAFolder), caught.value
    assert caught.value.message == sentence
    assert "--data-dir DIR" in caught.value.hint
    assert "File exists" not in str(caught.value)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
