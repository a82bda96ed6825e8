"""A rehearsal killed with SIGKILL at random moments loses nothing it reported as saved."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import wave
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.config import Settings
from app.session.storage import open_store

REPO = Path(__file__).resolve().parents[2]
KILLS = 50
SEED = 20240608
ANSWER_SAMPLES = 1600  # 0.1 s at 16 kHz: each seeker answer's WAV

# The child plays rehearsals back to back, the way the window does: the answer's WAV is written
# first (Rehearsal._save_clip), then Conversation.answer() commits the seeker turn and the next
# manager line. After each commit it prints one flushed line, so the parent knows what was saved.
CHILD = r"""
import random, sys
from pathlib import Path
from app.dialogue import load_scenario
from app.session.conversation import Conversation
from app.speech.audio import AudioClip
from app.store import Store

data_dir, seed, samples = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
scenarios = [load_scenario(p) for p in sorted(Path("dialogues").glob("*.yaml"))
             if not p.name.endswith(".plan.yaml")]
answers = [
    "I came to hear how people here got into data work",
    "Oh nice, what do the pipelines feed into?",
    "Yes!",
    "I have five years of experience leading projects exactly like this",
    "Honestly I'm not sure yet whether it's for me",
    "Who else do you think I should talk to?",
    "What would you tell someone in my position?",
    "How much does the role pay?",
]
store = Store(data_dir / "frameshift.db")
out = sys.stdout

def said(sid, turn):
    audio = turn.audio_path or "-"
    out.write(f"turn\t{sid}\t{turn.idx}\t{turn.speaker}\t{audio}\t{turn.text}\n")

from app.framing.learned import shared_model
shared_model()  # the sentence model loads once per process, as the window loads it after its paint
print("ready", flush=True)
while True:
    conv = Conversation(rng.choice(scenarios), store, seed=rng.randrange(1000))
    conv.begin()
    sid = conv.session_id
    out.write(f"session\t{sid}\n")
    said(sid, conv.turns[0])
    out.flush()
    while not conv.reached_end:
        idx = len(conv.turns)
        rel = f"audio/{sid}/{idx:03d}-seeker.wav"
        AudioClip(bytes(2 * samples)).to_wav(data_dir / rel)
        conv.answer(rng.choice(answers), audio_path=rel)
        said(sid, conv.turns[idx])
        said(sid, conv.turns[idx + 1])
        out.flush()
    conv.end()
    out.write(f"finished\t{sid}\n")
    out.flush()
"""


@dataclass
class Reported:
    """What the children said they had saved, across every run."""

    turns: dict[tuple[int, int], tuple[str, str, str | None]] = field(default_factory=dict)
    finished: set[int] = field(default_factory=set)
    sessions: set[int] = field(default_factory=set)

    def read(self, output: str) -> int | None:
        """Take in one child's output; returns the session it left open, if any."""
        open_session: int | None = None
        for line in output.splitlines(keepends=True):
            if not line.endswith("\n"):
                break  # a line cut by the kill was never fully reported
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "session":
                open_session = int(parts[1])
                self.sessions.add(open_session)
            elif parts[0] == "turn":
                sid, idx, speaker, audio, text = parts[1:6]
                self.turns[(int(sid), int(idx))] = (speaker, text, None if audio == "-" else audio)
            elif parts[0] == "finished":
                self.finished.add(int(parts[1]))
                open_session = None
        return open_session


def _run_and_kill(data_dir: Path, rng: random.Random, seed: int) -> str:
    """Start a child, kill it at a random moment, and return everything it printed."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir), str(seed), str(ANSWER_SAMPLES)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,  # unbuffered: readline() must not swallow lines communicate() should see
    )
    early: list[bytes] = []
    try:
        assert child.stdout is not None
        if rng.random() < 0.15:
            # Sometimes during start-up: imports, opening the file, creating the schema.
            time.sleep(rng.uniform(0.0, 0.6))
        else:
            first = child.stdout.readline()
            assert first == b"ready\n", child.stderr.read() if child.stderr else first
            # Mid-rehearsal, after a random number of committed lines (not after a random time:
            # how many turns a second holds depends on the machine), then a little later still.
            for _ in range(rng.randint(0, 40)):
                early.append(child.stdout.readline())
            time.sleep(rng.uniform(0.0, 0.2))
        os.kill(child.pid, signal.SIGKILL)
        out, err = child.communicate(timeout=10)
        out = b"".join(early) + out  # the lines read before the kill
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL, err.decode(errors="replace")[-2000:]
    assert b"Traceback" not in err, err.decode(errors="replace")[-2000:]
    return out.decode()


def _check_after_kill(data_dir: Path, reported: Reported, left_open: int | None) -> bool:
    """Check the file after a kill; True when the next start found a session to mark
    interrupted."""
    db = data_dir / "frameshift.db"
    if not db.exists():
        assert not reported.turns
        return False
    with closing(sqlite3.connect(db)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    store, notices = open_store(Settings(data_dir=data_dir))
    assert store is not None, notices
    try:
        interrupted = left_open is not None and store.session(left_open).status != "finished"
        if interrupted:
            # (A session can be "finished" if the kill fell between its last commit and the
            # line saying so; anything else must now be reviewable as interrupted.)
            assert any("interrupted last time" in n for n in notices), notices
            assert store.session(left_open).status == "interrupted"
            assert left_open in {s.id for s in store.interrupted_sessions()}
        statuses = {s.id: s.status for s in store.sessions()}
        assert "active" not in statuses.values()
        for sid in reported.finished:
            assert statuses[sid] == "finished"
        saved: dict[tuple[int, int], tuple[str, str, str | None]] = {}
        for sid in reported.sessions:
            for t in store.turns(sid):
                saved[(sid, t.idx)] = (t.speaker, t.text, t.audio_path)
        for key, expected in reported.turns.items():
            assert saved.get(key) == expected, f"turn {key} reported saved, found {saved.get(key)}"
            audio = expected[2]
            if audio is not None:
                with wave.open(str(data_dir / audio), "rb") as w:
                    assert w.getnframes() == ANSWER_SAMPLES
    finally:
        store.close()
    return interrupted


@pytest.mark.slow
def test_sigkill_at_random_points_loses_no_reported_turn(tmp_path: Path) -> None:
    """50 seeded SIGKILLs: the file stays intact, every reported turn and WAV is kept, the
    session left open is marked interrupted at the next start."""
    rng = random.Random(SEED)
    data_dir = tmp_path / "data"
    reported = Reported()
    interrupted = 0
    for n in range(KILLS):
        output = _run_and_kill(data_dir, rng, SEED + n)
        left_open = reported.read(output)
        interrupted += _check_after_kill(data_dir, reported, left_open)
    # The kills must land where it matters: mid-rehearsal, with many turns committed.
    assert interrupted >= KILLS // 2
    assert len(reported.turns) >= 10 * KILLS
