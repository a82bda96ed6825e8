"""Trial 7 G19: a history file damaged behind a good header (bytes overwritten after page 1)
opened fine, then every History click raised (a traceback on stderr, nothing on screen) and the
end's dialog offered remedies that cannot fix a damaged file. Now: the start keeps such a file
aside (tests/unit/store: generated damage), and a file damaged while the app runs is said in
History and at the end, with what works (save the transcript; restart), losing nothing said.
Real files, real SQLite, the real History screen and a real Conversation."""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

import pytest

from app.config import Settings
from app.dialogue import find_scenario, installed_scenario_dirs
from app.session import Conversation
from app.session.storage import open_store
from app.session.unsaved import export_transcript, needs_saving, retry_save
from app.store import Store

ANSWERS = ("Hi, I came to hear about data work.", "What does your team work on?", "Thanks!")


def _damaged(data: Path, seed: int) -> Path:
    """A history with sessions whose pages after the first are overwritten, header intact."""
    db = data / "frameshift.db"
    rng = random.Random(seed)
    with Store(db) as store:
        for _ in range(rng.randint(1, 30)):
            sid = store.create_session(
                scenario_id="s", scenario_title="S", persona="P", mode="typed",
                started_at="2026-12-02T08:00:00",
            )  # fmt: skip
            store.add_turn(sid, idx=0, speaker="seeker", text="hello " * rng.randint(1, 200))
    raw = bytearray(db.read_bytes())
    page = int.from_bytes(raw[16:18], "big")
    raw[page:] = rng.randbytes(len(raw) - page)
    db.write_bytes(bytes(raw))
    for side in ("-wal", "-shm"):
        Path(f"{db}{side}").unlink(missing_ok=True)
    return db


@pytest.mark.parametrize("seed", range(6))
def test_a_conversation_on_a_damaged_history_keeps_every_word_and_says_what_works(
    tmp_path: Path, seed: int
) -> None:
    data = tmp_path / "data"
    db = _damaged(data, seed)
    settings = Settings(data_dir=data)
    scenario = find_scenario("connector-intro", installed_scenario_dirs())
    assert scenario is not None
    store = Store(db)  # opens: the header is fine (as a file damaged while the app runs)
    conv = Conversation(scenario, store)
    conv.begin()
    for answer in ANSWERS:
        conv.answer(answer)
    conv.end()
    assert needs_saving(conv)
    saved, message = retry_save(conv, settings)  # what the end's dialog does first
    kept = list(data.glob("frameshift.corrupt-*.db"))
    if saved:  # the damaged file kept aside, the whole conversation in a fresh history
        assert len(kept) == 1, message
        with Store(db) as fresh:
            sid = conv.session_id
            assert sid is not None
            said = [t.text for t in fresh.turns(sid) if t.speaker == "seeker"]
        assert said == list(ANSWERS)
    else:  # or it says what works, and nothing said is lost
        assert "damaged" in message
        assert "Save the transcript" in message
        assert "another Frameshift" not in message  # remedies that cannot fix a damaged file
        text = export_transcript(conv, tmp_path / "t.json").read_text(encoding="utf-8")
        assert all(a in text for a in ANSWERS)
    store.close()
    again, _notices = open_store(settings)  # the next start opens a readable history
    assert again is not None
    with again:
        again.sessions(limit=100)
        assert again.count_sessions() == (1 if saved else 0)
    assert len(list(data.glob("frameshift.corrupt-*.db"))) == 1


@pytest.mark.gui
@pytest.mark.parametrize("seed", range(3))
def test_history_on_a_damaged_file_says_so_instead_of_raising(
    tmp_path: Path, qtbot: Any, seed: int
) -> None:
    from app.ui.history import HistoryView

    db = _damaged(tmp_path, seed)
    store = Store(db)
    view = HistoryView()
    qtbot.addWidget(view)
    view.set_store(store)
    view.reload()  # raised DatabaseCorrupt before
    assert "damaged" in view.summary.text()
    assert "Restart Frameshift" in view.summary.text()
    assert not view.open_button.isEnabled()
    assert not view.delete_all_button.isEnabled()
    store.close()
    assert os.path.exists(db)  # nothing deleted behind the user's back
