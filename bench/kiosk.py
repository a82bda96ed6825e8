"""Soak benchmark of kiosk mode: 500 scripted visitors in one process.

Each visitor taps the attract screen, rehearses one offered scenario with spoken (scripted)
answers, sees the results, and is erased ("I'm done", or the idle reset for every fifth one).
Speech is faked like the ``frameshift_app`` fixture (instant voice, scripted microphone and
recognizer), so the figures measure the kiosk, the window and the store, not eSpeak or Whisper.

Prints one JSON object: resident memory after warm-up and at the end (psutil RSS), the growth,
milliseconds per session, errors, and visitor folders left behind. Target: growth under 30 MB,
no error, nothing left behind.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psutil
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from app.bootstrap import build_kiosk
from app.config import KioskSettings, load_settings
from app.session.kiosk import VISIT_PREFIX, hash_pin
from app.testing.driver import EventLoopBot, FrameshiftDriver, scripted_speech

SESSIONS = 500
WARMUP = 50
TARGET_GROWTH_MB = 30.0
TIMEOUT_S = 10.0
ANSWERS = [
    "Hi! I'm curious how your team decides what to build next",
    "What surprised you most when you joined?",
    "Yes, I'm very interested in the position, I have five years of experience",
    "Who else here would be good to talk to?",
]


def _flush() -> None:
    """Run deferred deletes (the erased visitor's window) and collect cycles."""
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def _rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def main() -> int:
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    root = Path(tempfile.mkdtemp(prefix="frameshift-bench-kiosk-"))
    visits_parent = root / "visits"
    visits_parent.mkdir()
    loaded = load_settings(
        root / "config.toml",
        environ={},
        overrides={"data_dir": root / "data", "end_silence_ms": 200},
    )
    loaded.settings = replace(
        loaded.settings,
        kiosk=KioskSettings(
            enabled=True,
            pin_hash=hash_pin("2468", iterations=1_000),
            scenarios=("career-fair-booth", "connector-intro", "alumni-call"),
            anonymous_counts=True,
        ),
    )
    speech, voice, recognizer = scripted_speech(loaded.settings.cache_dir)
    player, worker = speech.player, speech.worker
    kiosk = build_kiosk(loaded, speech=speech, visit_parent=visits_parent, media_roots=[])
    kiosk.start()
    bot = EventLoopBot()
    errors: list[str] = []
    kiosk.error_caught.connect(errors.append)
    offered = [s.id for s in kiosk.offered]
    times_ms: list[float] = []
    rss_warm = 0.0
    try:
        for n in range(SESSIONS):
            if n == WARMUP:
                _flush()
                gc.collect()
                rss_warm = _rss_mb()
            started = time.perf_counter()
            window = kiosk.start_visit()
            driver = FrameshiftDriver(bot, window, speech, voice, recognizer, real_speech=False)
            driver.start(offered[n % len(offered)])
            for answer in ANSWERS[: 2 + n % 3]:
                conv = window.rehearsal.conversation
                if conv is None or conv.finished:
                    break
                driver.answer(answer)
            driver.finish()
            if n % 5 == 4:
                kiosk.reset_to_attract("idle")
            else:
                kiosk.done_button.click()
            _flush()
            times_ms.append((time.perf_counter() - started) * 1000)
            # The fakes keep a record of every call for tests to inspect; a booth has none.
            recognizer.calls.clear()
            voice.lines.clear()
            player.played.clear()
            if kiosk.visit is not None:
                errors.append(f"visit {n} was not erased")
        _flush()
        gc.collect()
        rss_end = _rss_mb()
    except Exception as exc:  # report, do not traceback: the bench prints one JSON object
        errors.append(f"{type(exc).__name__}: {exc}")
        rss_end = _rss_mb()
    finally:
        kiosk.shutdown()
        kiosk.close()
        worker.stop()
    left_behind = len(list(visits_parent.glob(VISIT_PREFIX + "*")))
    shutil.rmtree(root, ignore_errors=True)
    timed = times_ms[WARMUP:] or times_ms
    growth = rss_end - rss_warm
    result = {
        "benchmark": "kiosk soak",
        "sessions": len(times_ms),
        "warmup_sessions": WARMUP,
        "rss_after_warmup_mb": round(rss_warm, 1),
        "rss_end_mb": round(rss_end, 1),
        "rss_growth_mb": round(growth, 1),
        "ms_per_session_mean": round(statistics.fmean(timed), 1) if timed else None,
        "ms_per_session_p95": (
            round(statistics.quantiles(timed, n=20)[18], 1) if len(timed) >= 20 else None
        ),
        "errors": errors[:10],
        "error_count": len(errors),
        "visit_folders_left": left_behind,
        "target_growth_mb": TARGET_GROWTH_MB,
        "ok": growth < TARGET_GROWTH_MB
        and not errors
        and left_behind == 0
        and len(times_ms) == SESSIONS,
    }
    print(json.dumps(result))
    del qapp
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
