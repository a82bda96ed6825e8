"""Issue 13, data loss and ownership: a command that says it saved has saved; live sessions are
nobody else's to recover or delete; a crash mid-delete cannot orphan recordings; reading needs no
write access. Real files, real SQLite, real processes and a real size-limited tmpfs.
"""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from contextlib import closing, suppress
from pathlib import Path

import pytest

from app.cli.main import main
from app.store import SessionInUse, Store
from tests.disks import remount

REPO = Path(__file__).resolve().parents[2]
ANSWERS = ["Hi", "Tell me more", "What does the team do", "How big is it", "ok", "Thanks"]


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _turns(db: Path) -> list[tuple[int, str, str]]:
    with closing(sqlite3.connect(db)) as raw:
        return raw.execute("SELECT session_id, speaker, text FROM turns ORDER BY id").fetchall()


def _play(data: Path) -> tuple[int, str, str]:
    argv = ["play", "connector-intro", "--json", "--data-dir", str(data)]
    for a in ANSWERS:
        argv += ["--answer", a]
    return _cli(*argv)


# -- items 1 and 2: a full disk never gets "Saved as session N" --------------------------------
def test_play_on_a_disk_that_fills_at_any_point_says_saved_only_when_it_saved(
    tmpfs: Callable[[str], Path],
) -> None:
    """Generated over the free space left (nothing, a few pages, most of a session, plenty):
    exit 0 and a session id only when every turn and the ending are in the database; otherwise
    exit 2, a sentence, and the full transcript still printed."""
    outcomes = set()
    for free_kb in (0, 8, 24, 40, 64, 96, 160, 400):
        root = tmpfs("1m")
        data = root / "d"
        Store(data / "frameshift.db").close()
        avail = os.statvfs(root).f_bavail * os.statvfs(root).f_frsize // 1024
        with (root / "filler").open("wb") as f, suppress(OSError):
            f.write(b"\0" * max(0, avail - free_kb) * 1024)
        code, out, err = _play(data)
        assert code in (0, 2), err
        assert "Traceback" not in err
        result = json.loads(out)
        assert result["transcript"]  # the user always gets what was said
        (root / "filler").unlink()
        saved = _turns(data / "frameshift.db")
        if code == 0:
            outcomes.add("saved")
            assert result["saved"] is True
            sid = result["session_id"]
            assert [t[2] for t in saved if t[0] == sid] == [t["text"] for t in result["transcript"]]
            with closing(sqlite3.connect(data / "frameshift.db")) as raw:
                (status,) = raw.execute(
                    "SELECT status FROM sessions WHERE id = ?", (sid,)
                ).fetchone()
            assert status in ("finished", "out_of_answers")  # play: its answers ran out
        else:
            outcomes.add("refused")
            assert result["saved"] is False
            assert result["session_id"] is None
            assert "NOT saved" in err or "only partly saved" in err
    assert outcomes == {"saved", "refused"}, outcomes


def test_play_with_no_history_at_all_exits_2_with_a_sentence(tmp_path: Path) -> None:
    """Item 1/3's command-line side: the data dir is a file, so nothing can be saved."""
    data = tmp_path / "data"
    data.write_text("not a folder")
    code, out, err = _cli("play", "connector-intro", "--answer", "Hi", "--data-dir", str(data))
    assert code == 2
    assert "NOT saved" in err
    assert "Saved as session" not in out
    assert "You (Answer 1): Hi" in out  # answers named as the replay names them


# -- item 16: recovery leaves a session another process is rehearsing alone --------------------
_HOLDER = textwrap.dedent(
    """
    import sys, time
    from app.store import Store
    store = Store(sys.argv[1])
    sid = store.create_session(scenario_id="s", scenario_title="t", persona="p",
                               mode="typed", started_at=time.time())
    store.add_turn(sid, idx=0, speaker="manager", text="Hello")
    print(sid, flush=True)
    time.sleep(120)
    """
)


def test_a_live_session_in_another_process_is_not_marked_interrupted_nor_deleted(
    tmp_path: Path,
) -> None:
    db = tmp_path / "frameshift.db"
    Store(db).close()
    child = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(db)], stdout=subprocess.PIPE, text=True, cwd=REPO
    )
    try:
        sid = int(child.stdout.readline())  # type: ignore[union-attr]
        for _ in range(3):  # another window, a `play`, a `history`: all leave it alone
            with Store(db) as other:
                assert other.mark_interrupted() == 0
                assert other.session(sid).status == "active"
                with pytest.raises(SessionInUse, match="being rehearsed right now"):
                    other.delete_session(sid)
                assert other.delete_all() == []
                assert other.session(sid).status == "active"
        code, _, err = _cli("delete", str(sid), "--data-dir", str(tmp_path))
        assert code == 2
        assert "being rehearsed right now" in err
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    with Store(db) as after:  # its process is gone: now it is an interrupted session
        assert after.mark_interrupted() == 1
        assert after.session(sid).status == "interrupted"


# -- item 6: a delete killed half-way leaves nothing the app cannot remove ----------------------
_DELETER = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from app.config import Settings
    from app.session import recordings, storage
    from app.store import Store
    data = Path(sys.argv[1])
    # die between the rows going and the files going: the worst moment
    recordings.Recordings.remove = lambda *a, **k: os.kill(os.getpid(), 9)
    with Store(data / "frameshift.db") as store:
        storage.delete_session(store, Settings(data_dir=data), int(sys.argv[2]))
    """
)


def test_a_delete_killed_between_rows_and_files_leaves_no_unremovable_recording(
    tmp_path: Path,
) -> None:
    for _attempt in range(3):
        code, out, _ = _cli(
            "play", "connector-intro", "--json", "--answer", "Hi", "--data-dir", str(tmp_path)
        )
        sid = json.loads(out)["session_id"]
        folder = tmp_path / "audio" / str(sid)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "001-seeker.wav").write_bytes(b"RIFF....WAVE")
        done = subprocess.run(
            [sys.executable, "-c", _DELETER, str(tmp_path), str(sid)], cwd=REPO, check=False
        )
        assert done.returncode == -signal.SIGKILL
        assert folder.exists()  # the crash left the recording behind...
        if _attempt == 0:  # ...and `delete ID` can still remove it by its id
            code, out, err = _cli("delete", str(sid), "--data-dir", str(tmp_path))
            assert code == 0, err
            assert not folder.exists()
        else:  # ...or the next start sweeps it
            code, _, _ = _cli(
                "play", "connector-intro", "--answer", "Hi", "--data-dir", str(tmp_path)
            )
            assert code == 0
            assert not folder.exists()


# -- item 18: reading needs no write access --------------------------------------------------
def test_history_and_export_work_on_a_read_only_mount(tmpfs: Callable[[str], Path]) -> None:
    root = tmpfs("4m")
    data = root / "d"
    code, out, _ = _cli(
        "play", "connector-intro", "--json", "--answer", "Hi", "--data-dir", str(data)
    )
    sid = json.loads(out)["session_id"]
    remount(root, "ro")
    try:
        started = time.monotonic()
        code, out, err = _cli("history", "--json", "--data-dir", str(data))
        assert code == 0, err
        assert [r["session_id"] for r in json.loads(out)] == [sid]
        for fmt in ("html", "json", "csv"):
            code, out, err = _cli("export", str(sid), "--format", fmt, "--data-dir", str(data))
            assert code == 0, err
            assert "Hi" in out
        assert time.monotonic() - started < 30
    finally:
        remount(root, "rw")


# -- items 1-3, the window's side: replay from memory, retry after space is freed, a choice ------
def _conversation_without_history(tmp_path: Path) -> tuple[object, object]:
    from app.config import Settings
    from app.dialogue import find_scenario, installed_scenario_dirs
    from app.session import Conversation

    settings = Settings(data_dir=tmp_path / "data")
    scenario = find_scenario("connector-intro", installed_scenario_dirs())
    conv = Conversation(scenario, None)  # the history could not be opened at start
    conv.begin()
    for text in ("Hi, I wanted to hear how you got into this", "Yes!", "What does the team do?"):
        if conv.reached_end:
            break
        conv.answer(text)
    conv.end()
    return conv, settings


def test_a_rehearsal_without_history_replays_from_memory_and_is_saved_by_a_retry(
    tmp_path: Path,
) -> None:
    from app.report import build_report
    from app.session.unsaved import memory_records, needs_saving, retry_save, transcript_json

    conv, settings = _conversation_without_history(tmp_path)
    assert needs_saving(conv)  # type: ignore[arg-type]
    session, turns = memory_records(conv)  # type: ignore[arg-type]
    report = build_report(session, turns)  # what the replay screen shows (item 3)
    assert [t.text for t in report.turns] == [t.text for t in conv.turns]  # type: ignore[attr-defined]
    data = json.loads(transcript_json(conv))  # type: ignore[arg-type]
    saved, message = retry_save(conv, settings)  # type: ignore[arg-type]  # space freed (item 1)
    assert saved, message
    with Store(settings.database_path) as store:  # type: ignore[attr-defined]
        [record] = store.sessions()
        assert [t.text for t in store.turns(record.id)] == [t["text"] for t in data["turns"]]
        assert record.analysis is not None
    assert not needs_saving(conv)  # type: ignore[arg-type]


def test_the_choice_retry_export_discard_when_the_last_write_fails(
    tmp_path: Path, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 2: the data dir is a file, so every retry fails; the user is asked, and the
    transcript they choose to save is complete and readable by `frameshift analyze`."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.ui import unsaved_dialog

    conv, settings = _conversation_without_history(tmp_path)
    (tmp_path / "data").write_text("a file where the data folder should be")
    clicks: list[str] = []

    def click(name: str) -> None:
        def go() -> None:
            box = next(
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()
            )
            clicks.append(box.informativeText())
            box.findChild(object, name).click()  # type: ignore[union-attr]

        QTimer.singleShot(50, go)

    target = tmp_path / "transcript.json"
    monkeypatch.setattr(unsaved_dialog, "choose_export_path", lambda parent, c: target)
    click("unsavedRetryButton")  # retry: fails again, asked again
    QTimer.singleShot(400, lambda: click("unsavedExportButton"))
    assert unsaved_dialog.settle_unsaved(None, conv, settings, can_cancel=True)  # type: ignore[arg-type]
    assert len(clicks) == 2
    data = json.loads(target.read_text())
    assert [t["text"] for t in data["turns"]] == [t.text for t in conv.turns]  # type: ignore[attr-defined]
    code, _out, err = _cli("analyze", str(target))
    assert code == 0, err
    assert unsaved_dialog.settle_unsaved(None, conv, settings, can_cancel=True)  # type: ignore[arg-type]
    assert len(clicks) == 2  # exported once: not asked again
    other, _ = _conversation_without_history(tmp_path / "other")
    click("unsavedCancelButton")
    assert not unsaved_dialog.settle_unsaved(None, other, settings, can_cancel=True)  # type: ignore[arg-type]
    click("unsavedDiscardButton")
    assert unsaved_dialog.settle_unsaved(None, other, settings, can_cancel=False)  # type: ignore[arg-type]
    assert unsaved_dialog.settle_unsaved(None, other, settings, can_cancel=True)  # type: ignore[arg-type]
    assert len(clicks) == 4


# -- item 20: an unfinished session says so and shows every metric it has ----------------------
def test_unfinished_sessions_say_so_and_show_every_metric(tmp_path: Path) -> None:
    """Generated over monologue lengths, turn counts and framed/unframed turns: an interrupted
    session's replay and exports say it was not finished, never 'from start to finish', and
    carry talk share and the longest stretch."""
    import random

    from app.report import build_report, render
    from app.ui.replay.richtext import shift_html, summary_text

    rng = random.Random(13)
    db = tmp_path / "frameshift.db"
    for case in range(40):
        store = Store(db)
        sid = store.create_session(
            scenario_id="connector-intro", scenario_title="T", persona="P", mode="typed",
            started_at=1000.0 + case,
        )  # fmt: skip
        words = rng.choice([1, 12, 300, 1040])
        store.add_turn(sid, idx=0, speaker="manager", text="So what brings you here?")
        for idx in range(1, rng.randint(2, 6)):
            speaker = "seeker" if idx % 2 else "manager"
            text = " ".join(["I have built data pipelines"] * max(1, words // 5))
            framed = rng.random() < 0.5
            store.add_turn(
                sid, idx=idx, speaker=speaker, text=text,
                frame="neutral" if framed else None, score=0.0 if framed else None,
            )  # fmt: skip
        store.close()  # killed: never finished
        with Store(db) as after:
            after.mark_interrupted()
            report = build_report(after.session(sid), after.turns(sid))
        assert not report.finished
        keys = {m.key for m in report.metrics}
        assert {"talk_share", "longest", "questions"} <= keys, keys
        html_text = render(report, "html")
        assert "from start to finish" not in html_text
        assert "not finished" in html_text.lower()
        assert "from start to finish" not in shift_html(report)
        assert "stayed a mutual exploration" not in summary_text(report.session, report)
        assert json.loads(render(report, "json"))["analysis"]["metrics"]


def test_the_window_with_no_history_still_shows_the_replay_after_asking(
    qtbot: object, tmp_path: Path
) -> None:
    """Item 3 through the real window: the data dir is a file, so there is no history; End
    asks (last write failed) and then shows the replay from memory, not the picker."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.testing.driver import make_driver

    data = tmp_path / "data"
    data.write_text("a file where the data folder should be")
    app = make_driver(qtbot, data, voice=False, listen=False)
    asked: list[str] = []

    def discard_when_asked() -> None:
        for w in QApplication.topLevelWidgets():
            if (
                isinstance(w, QMessageBox)
                and w.isVisible()
                and w.objectName() == "unsavedTurnsDialog"
            ):
                asked.append(w.informativeText())
                w.findChild(object, "unsavedDiscardButton").click()  # type: ignore[union-attr]
                return
        QTimer.singleShot(50, discard_when_asked)

    try:
        app.start("connector-intro")
        app.answer("Hi, I came to hear how people got into data work")
        QTimer.singleShot(50, discard_when_asked)
        app.window.rehearsal.end_early()
        app.wait_until(lambda: app.window.current_screen == "results", "the replay from memory")
        report = app.window.results.report
        assert report is not None
        assert "Hi, I came to hear" in [t.text for t in report.turns][1]
        assert len(asked) == 1
        # It says why nothing was saved: the data folder is a file (the sentence since trial 8 H17).
        assert "is a file, not a folder" in asked[0].lower()
    finally:
        app.close()


def test_a_session_deleted_while_rehearsed_keeps_the_rest_and_grows_no_recordings(
    tmp_path: Path,
) -> None:
    """Item 4: the normal delete refuses a live session (see above); if one is deleted anyway
    (by a Frameshift that could not take the lock), the rehearsal carries on in memory, no WAV
    reappears for the deleted id, and the end's retry saves the whole conversation again."""
    from app.config import Settings
    from app.dialogue import find_scenario, installed_scenario_dirs
    from app.session import Conversation, Recordings
    from app.session.unsaved import needs_saving, retry_save
    from app.speech import AudioClip

    settings = Settings(data_dir=tmp_path / "data")
    store = Store(settings.database_path)
    notices: list[str] = []
    conv = Conversation(
        find_scenario("connector-intro", installed_scenario_dirs()),
        store,
        recordings=Recordings(settings.data_dir),
        on_notice=notices.append,
    )
    conv.begin()
    sid = conv.session_id
    clip = AudioClip(bytes(3200))
    conv.answer("Hi, I came to hear how people got into data work", clip=clip)
    with closing(sqlite3.connect(settings.database_path)) as raw:  # a delete that ignored the lock
        raw.execute("PRAGMA foreign_keys = ON")
        raw.execute("DELETE FROM sessions WHERE id = ?", (sid,))
        raw.commit()
    import shutil

    shutil.rmtree(settings.audio_dir / str(sid))
    for text in ("What does the team do?", "How did you get into it?"):
        if conv.reached_end:
            break
        conv.answer(text, clip=clip)
    conv.end()
    assert any("deleted in another Frameshift" in n for n in notices)
    assert not (settings.audio_dir / str(sid)).exists()  # nothing reappeared
    assert needs_saving(conv)
    saved, message = retry_save(conv, settings)
    assert saved, message
    with Store(settings.database_path) as after:
        [record] = after.sessions()
        assert record.id != sid
        assert [t.text for t in after.turns(record.id)] == [t.text for t in conv.turns]
    store.close()


def test_closing_the_window_with_unsaved_turns_asks_and_can_stay_open(
    qtbot: object, tmp_path: Path
) -> None:
    """Item 2 through the real window: a close with turns the history never took makes a last
    write attempt, then asks; "keep open" keeps the window, "discard" closes it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.testing.driver import make_driver

    data = tmp_path / "data"
    data.write_text("a file where the data folder should be")
    app = make_driver(qtbot, data, voice=False, listen=False)
    asked: list[str] = []

    def answer_with(button: str) -> None:
        for w in QApplication.topLevelWidgets():
            if (
                isinstance(w, QMessageBox)
                and w.isVisible()
                and w.objectName() == "unsavedTurnsDialog"
            ):
                asked.append(button)
                w.findChild(object, button).click()  # type: ignore[union-attr]
                return
        QTimer.singleShot(50, lambda: answer_with(button))

    try:
        app.start("connector-intro")
        app.answer("Hi, I came to hear how people got into data work")
        QTimer.singleShot(50, lambda: answer_with("unsavedCancelButton"))
        assert not app.window.close()
        assert app.window.isVisible()
        QTimer.singleShot(50, lambda: answer_with("unsavedDiscardButton"))
        assert app.window.close()
        assert asked == ["unsavedCancelButton", "unsavedDiscardButton"]
    finally:
        app.close()


def test_a_kiosk_never_offers_the_unsaved_dialog(qtbot: object, tmp_path: Path) -> None:
    """In a kiosk the visit is erased anyway, and a file dialog would be a way out of it."""
    from PySide6.QtWidgets import QWidget

    from app.ui import unsaved_dialog

    conv, settings = _conversation_without_history(tmp_path)
    (tmp_path / "data").write_text("a file")
    booth_window = QWidget()
    booth_window._kiosk_locked = True  # type: ignore[attr-defined]  # what enter_kiosk_mode sets
    started = time.monotonic()
    assert unsaved_dialog.settle_unsaved(booth_window, conv, settings, can_cancel=True)  # type: ignore[arg-type]
    assert time.monotonic() - started < 2
