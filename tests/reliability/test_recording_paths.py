"""Review 11 R1: a stored audio path is data from outside (a shared data folder, a restored
backup, a row edited by SQL), so it names a recording only when it is
``audio/<sid>/<ddd>-(seeker|manager).wav`` and a regular file inside ``audio/`` with no symlink on
the way. Generated: many hostile paths (traversal, absolute, backslashes, NUL, very long, a
symlinked session folder, a symlinked file, a FIFO) x every reader and remover (delete, delete
all, ``frameshift delete``, the HTML export, the delivery metrics, the replay, a retry's copy):
no file outside ``audio/`` is removed, changed or opened, and the history's own recordings stay
usable. An audit hook sees every ``open`` of the process, so a read is caught, not inferred.
"""

from __future__ import annotations

import base64
import io
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "report"))
from report_helpers import SCRIPT, seed_session, write_wav

from app.cli.main import main
from app.config import Settings
from app.dialogue import load_scenario
from app.report.delivery import measure_delivery
from app.session import storage
from app.session.conversation import Conversation
from app.session.recordings import Recordings
from app.store import Store
from app.store.records import check_audio_path, recording_parts

REPO = Path(__file__).resolve().parents[2]
#: Turns of SCRIPT that have a recording (seconds is not None); the hostile path goes on these.
RECORDED = [i for i, (_s, _t, _n, secs) in enumerate(SCRIPT) if secs is not None]
SEEKER, MANAGER = RECORDED[1], RECORDED[0]  # 1 (seeker) and 0 (manager)
PIVOT = 4  # "So, are you interested in the position?"

# -- who opens what: an audit hook records every open's real path while armed ---------------------
_OPENED: list[str] = []
_ARMED: list[bool] = [False]


def _hook(event: str, args: tuple[object, ...]) -> None:
    if not _ARMED[0] or event != "open" or not args or not isinstance(args[0], str | bytes):
        return
    _ARMED[0] = False  # realpath may audit too: never recurse
    try:
        raw = os.fsdecode(args[0])
        if "\x00" not in raw:
            _OPENED.append(os.path.realpath(raw))
    finally:
        _ARMED[0] = True


sys.addaudithook(_hook)


@contextmanager
def _watch() -> Iterator[list[str]]:
    _OPENED.clear()
    _ARMED[0] = True
    try:
        yield _OPENED
    finally:
        _ARMED[0] = False


# -- the hostile paths ----------------------------------------------------------------------------
#: Each builds (data dir, outside dir, session id) -> the stored path, making any links it needs.
#: The file it aims at (a valid WAV, so a reader would happily use it) is in ``outside``.
Hostile = Callable[[Path, Path, int], str]


def _text(path: str) -> Hostile:
    return lambda data, outside, sid: path.replace("OUT", str(outside)).replace("SID", str(sid))


HOSTILE: dict[str, Hostile] = {
    "parent": _text("../outside/victim.wav"),
    "parent-twice": _text("audio/../../outside/victim.wav"),
    "through-session": _text("audio/SID/../../../outside/victim.wav"),
    "through-file": _text("audio/SID/001-seeker.wav/../../../../outside/victim.wav"),
    "dot-first": _text("./../outside/victim.wav"),
    "absolute": _text("OUT/victim.wav"),
    "double-slash": _text("/OUT/victim.wav"),
    "backslashes": _text("..\\outside\\victim.wav"),
    "nul-after-shape": _text("audio/SID/001-seeker.wav\x00../../../outside/victim.wav"),
    "nul-before": _text("../outside/victim.wav\x00audio/SID/001-seeker.wav"),
    "very-long": _text("audio/" + "x/" * 3000 + "../" * 3002 + "outside/victim.wav"),
    "long-name": _text("audio/SID/" + "9" * 300 + "-seeker.wav"),
    "file-uri": _text("file://OUT/victim.wav"),
    "home": _text("~/victim.wav"),
    "newline": _text("audio/SID/001-seeker.wav\n"),
    "unicode-digits": _text("audio/\u0661/\u0660\u0660\u0661-seeker.wav"),
    "not-a-speaker": _text("audio/SID/001-victim.wav"),
}


def _linked_folder(data: Path, outside: Path, sid: int) -> str:
    """A shaped path whose session folder is a symlink to a folder outside."""
    other = sid + 100
    write_wav(outside / "001-seeker.wav", 3.0)
    (data / "audio" / str(other)).symlink_to(outside, target_is_directory=True)
    return f"audio/{other}/001-seeker.wav"


def _linked_file(data: Path, outside: Path, sid: int) -> str:
    """A shaped path of the session's own folder whose file is a symlink to a file outside."""
    target = data / "audio" / str(sid) / "001-seeker.wav"
    target.unlink()
    target.symlink_to(outside / "victim.wav")
    return f"audio/{sid}/001-seeker.wav"


def _linked_own_folder(data: Path, outside: Path, sid: int) -> str:
    """The session's own folder replaced by a symlink to a folder outside."""
    own = data / "audio" / str(sid)
    for f in own.iterdir():
        f.unlink()
    own.rmdir()
    write_wav(outside / "001-seeker.wav", 3.0)
    own.symlink_to(outside, target_is_directory=True)
    return f"audio/{sid}/001-seeker.wav"


def _fifo(data: Path, outside: Path, sid: int) -> str:
    """A shaped path that is a FIFO: reading it would hang the export forever."""
    target = data / "audio" / str(sid) / "001-seeker.wav"
    target.unlink()
    os.mkfifo(target)
    return f"audio/{sid}/001-seeker.wav"


HOSTILE |= {
    "linked-folder": _linked_folder,
    "linked-file": _linked_file,
    "linked-own-folder": _linked_own_folder,
    "fifo": _fifo,
}
CASES = sorted(HOSTILE)
TEXT_CASES = [
    c for c in CASES if HOSTILE[c] not in (_linked_folder, _linked_file, _linked_own_folder, _fifo)
]


def _snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder`` (not following links): its bytes, or what it is."""
    out: dict[str, bytes | str] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            key = str(p.relative_to(folder))
            if p.is_symlink():
                out[key] = f"link:{os.readlink(p)}"
            elif p.is_dir():
                out[key] = "dir"
            else:
                out[key] = p.read_bytes()
    return out


class World:
    """A data dir with one seeded session whose turns were given a hostile path by SQL."""

    def __init__(self, data: Path, outside: Path, case: str, store: Store) -> None:
        self.data, self.outside, self.store = data, outside, store
        #: the session's other recordings are still its own (not when its folder was replaced)
        self.others_real = HOSTILE[case] is not _linked_own_folder
        self.outside.mkdir(parents=True, exist_ok=True)
        write_wav(self.outside / "victim.wav", 3.0)
        self.settings = Settings(data_dir=self.data)
        self.sid = seed_session(self.store, self.data)
        self.path = HOSTILE[case](self.data, self.outside, self.sid)
        with closing(sqlite3.connect(self.data / "frameshift.db")) as raw, raw:
            raw.execute(
                "UPDATE turns SET audio_path = ? WHERE session_id = ? AND idx IN (?, ?)",
                (self.path, self.sid, SEEKER, MANAGER),
            )
        self.before = _snapshot(self.outside)
        self.secret = base64.b64encode((self.outside / "victim.wav").read_bytes()).decode()

    def untouched(self, opened: list[str]) -> None:
        assert _snapshot(self.outside) == self.before, "a file outside audio/ was changed"
        real = os.path.realpath(self.outside)
        read = [p for p in opened if p == real or p.startswith(real + os.sep)]
        assert not read, f"opened outside audio/: {read}"


@pytest.fixture(params=CASES)
def world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[World]:
    data = tmp_path / "data"
    w = World(data, tmp_path / "outside", request.param, Store(data / "frameshift.db"))
    yield w
    w.store.close()


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


# -- the shape: one rule, the writer's and every reader's -----------------------------------------
def test_the_store_accepts_only_the_shape_save_writes(tmp_path: Path) -> None:
    """Every path ``Recordings.save`` makes passes; every hostile text path is refused on write
    and reads as "no recording"."""
    rec = Recordings(tmp_path)
    for sid in (1, 7, 12345):
        for idx in (0, 1, 99, 999, 1000, 12345):
            for speaker in ("seeker", "manager"):
                stored = rec.path(sid, idx, speaker).relative_to(tmp_path).as_posix()
                check_audio_path(stored)
                assert recording_parts(stored) == (sid, idx, speaker)
    for case in TEXT_CASES:
        stored = HOSTILE[case](tmp_path, tmp_path / "outside", 1)
        assert recording_parts(stored) is None, case
        with pytest.raises(ValueError):
            check_audio_path(stored)


def test_every_hostile_row_reads_as_no_recording(world: World) -> None:
    turns = {t.idx: t for t in world.store.turns(world.sid)}
    rec = Recordings(world.data)
    for idx in (SEEKER, MANAGER):
        assert rec.resolve(turns[idx].audio_path) is None
    others = [i for i in RECORDED if i not in (SEEKER, MANAGER)]
    usable = [rec.resolve(turns[i].audio_path) is not None for i in others]
    assert usable == [world.others_real] * len(others)  # the real ones still are


# -- removers ------------------------------------------------------------------------------------
def test_delete_session_touches_nothing_outside_audio(world: World) -> None:
    with _watch() as opened:
        storage.delete_session(world.store, world.settings, world.sid)
    world.untouched(opened)
    assert not (world.data / "audio" / str(world.sid)).exists()


def test_delete_all_touches_nothing_outside_audio(world: World) -> None:
    with _watch() as opened:
        storage.delete_all(world.store, world.settings)
    world.untouched(opened)
    assert not [p for p in (world.data / "audio").rglob("*.wav") if not p.is_symlink()]


def test_the_delete_command_touches_nothing_outside_audio(world: World) -> None:
    world.store.close()
    with _watch() as opened:
        code, out, err = _cli("--data-dir", str(world.data), "delete", str(world.sid))
    assert code == 0, err
    assert "Deleted session" in out
    world.untouched(opened)


# -- readers -------------------------------------------------------------------------------------
def test_the_html_export_embeds_nothing_from_outside_audio(world: World, tmp_path: Path) -> None:
    out_file = tmp_path / "report.html"
    with _watch() as opened:
        code, _out, err = _cli(
            "--data-dir", str(world.data), "export", str(world.sid), "--format", "html",
            "-o", str(out_file),
        )  # fmt: skip
    assert code == 0, err
    html = out_file.read_text(encoding="utf-8")
    world.untouched(opened)
    assert world.secret not in html
    assert str(world.outside) not in html
    real = len(RECORDED) - 2 if world.others_real else 0
    assert html.count("data:audio/wav;base64,") == real  # the real ones still are


def test_delivery_reads_nothing_from_outside_audio(world: World) -> None:
    turns = world.store.turns(world.sid)
    with _watch() as opened:
        delivery = measure_delivery(turns, world.data)
    world.untouched(opened)
    assert SEEKER not in [p.turn for p in delivery.paces]


def test_a_retry_copies_no_hostile_path_and_its_delete_keeps_the_parents_recordings(
    world: World,
) -> None:
    """The retry's copied turns carry only real recordings (of the parent); deleting the retry
    removes none of them nor anything outside."""
    scenario = load_scenario(REPO / "dialogues" / "connector-intro.yaml")
    with _watch() as opened:
        again = Conversation.resume(world.store, world.sid, PIVOT, scenarios=[scenario])
        again.begin()
        again.end()
    world.untouched(opened)
    rid = again.session_id
    assert rid is not None
    copied = {t.idx: t.audio_path for t in world.store.turns(rid)}
    rec = Recordings(world.data)
    assert rec.resolve(copied[SEEKER]) is None  # a text path is dropped, a bad file not read
    assert rec.resolve(copied[MANAGER]) is None
    kept = RECORDED[2]  # idx 2, before the pivot, a real recording of the parent
    assert copied[kept] == f"audio/{world.sid}/{kept:03d}-manager.wav"
    parents = sorted((world.data / "audio" / str(world.sid)).glob("*.wav"))
    with _watch() as opened:
        storage.delete_session(world.store, world.settings, rid)
    world.untouched(opened)
    assert sorted((world.data / "audio" / str(world.sid)).glob("*.wav")) == parents
    assert all(p.exists() for p in parents)


# -- the replay (the window) -----------------------------------------------------------------------
@pytest.mark.gui
def test_the_replay_plays_nothing_from_outside_audio(
    frameshift_app: object, tmp_path: Path
) -> None:
    from app.testing.driver import FrameshiftDriver

    app = frameshift_app
    assert isinstance(app, FrameshiftDriver)
    store = app.window.store
    assert store is not None
    for n, case in enumerate(CASES):
        w = World(app.settings.data_dir, tmp_path / str(n), case, store)
        with _watch() as opened:
            app.window.show_results(w.sid)
        clips = app.window.results.playback._clips
        assert clips[SEEKER].audio is None, case
        assert clips[MANAGER].audio is None, case
        assert (clips[RECORDED[2]].audio is not None) == w.others_real, case
        w.untouched(opened)
