"""Soak: many spoken turns through the real window; prints ONE JSON object.

    .venv/bin/python bench/soak.py [--turns 300] [--burn N]

A private PulseAudio with a virtual microphone carries eSpeak NG answers (paplay, real time) into
the real window with the real speech pieces (QAudioSource capture kept open, Silero VAD, Smart
Turn, Whisper, pyttsx3, the QAudioSink player). A watchdog fails the run on any GUI-thread stall
over 2 s and dumps every thread's stack (faulthandler) if one happens. Reports freezes, answers
that got no reply (with what the window showed), turn time, the player's stutters (times its
device ran dry mid-line; its longest feeding gap), and RSS at the start, after warm-up and at the
end (growth). ``--burn N`` runs N CPU-burning processes beside the app. Target: 0 freezes in 300.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--turns", type=int, default=300)
    parser.add_argument("--burn", type=int, default=0, help="CPU-burning processes beside it")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    burners = [multiprocessing.Process(target=_burn, daemon=True) for _ in range(args.burn)]
    for proc in burners:
        proc.start()
    try:
        return _run(args.turns, args.burn)
    finally:
        for proc in burners:
            proc.terminate()


def _burn() -> None:
    while True:
        pass


def _run(turns: int, burn: int) -> int:
    from speech.pulse import pulse_installed, virtual_microphone

    if not pulse_installed():
        print(json.dumps({"benchmark": "soak", "skipped": "PulseAudio is not installed"}))
        return 0
    work = Path(tempfile.mkdtemp(prefix="frameshift-soak-"))
    with virtual_microphone(work / "pulse") as env:
        for key in ("XDG_RUNTIME_DIR", "PULSE_RUNTIME_PATH", "HOME"):
            os.environ[key] = env[key]
        result = _soak(work, env, turns)
    result["cpu_burners_beside"] = burn
    print(json.dumps(result, indent=2))
    return 0 if result["freezes"] == 0 else 1


def _soak(work: Path, env: dict[str, str], turns: int) -> dict[str, object]:
    from speech.soak import run_soak

    from app.testing.driver import EventLoopBot, make_driver
    from app.ui.app import ensure_qapp

    ensure_qapp()
    started = time.monotonic()
    app = make_driver(EventLoopBot(), work / "data", live_audio=True, rate=1.6)
    try:
        result = run_soak(app, env, work, turns)
    finally:
        app.close()
    rss = result.rss_mb
    return {
        "benchmark": "soak",
        "path": "eSpeak WAV -> paplay -> PulseAudio virtual mic -> the real window -> QAudioSink",
        "turns": result.turns,
        "conversations": result.conversations,
        "freezes": len(result.stalls),
        "watchdog": result.watchdog.splitlines()[0] if result.watchdog else "",
        "longest_main_thread_gap_ms": result.longest_gap_ms,
        "answers_without_reply": result.unheard,
        "without_reply": result.unheard_stories,
        "player_underruns": result.underruns,
        "player_longest_feed_gap_ms": result.longest_feed_gap_ms,
        "turn_s_median": round(statistics.median(result.turn_s), 2) if result.turn_s else None,
        "rss_mb_first_turn": round(rss[0], 1) if rss else None,
        "rss_mb_last_turn": round(rss[-1], 1) if rss else None,
        "rss_growth_mb_after_warmup": result.rss_growth_mb,
        "wall_s": round(time.monotonic() - started, 1),
        "cpus": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "stall_dump": str(work / "stall-dump.txt"),
    }


if __name__ == "__main__":
    raise SystemExit(main())
