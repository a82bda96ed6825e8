"""Background priority for the speech threads, so the window stays responsive under load.

Decoding (Whisper, DeepFilterNet), the end-of-turn models and voice rendering can keep both
cores of a small machine busy for seconds. At the operating system's default priority they
compete with the GUI thread on equal terms, and a busy machine then starves the event loop
(the microphone's and the player's 10 ms timers, the watchdog's beat) for seconds at a time.
Every thread that does such work calls :func:`lower_this_thread` first thing: on Linux that
raises the thread's own nice value (a per-thread setting there), so whenever the GUI thread is
runnable it gets the core; the work itself still runs at full speed on an idle machine.
Threads the native libraries start later from such a thread (CTranslate2's OpenMP workers)
inherit the lower priority. Elsewhere it does nothing.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

log = logging.getLogger(__name__)

#: How much nicer than the process a speech thread runs (CFS weights: ~10x less CPU than the
#: GUI thread when both want it).
BACKGROUND_NICE = 10


def lower_this_thread(steps: int = BACKGROUND_NICE) -> int | None:
    """Make the calling thread ``steps`` nicer than the process's main thread (at most 19; a
    thread already that nice, e.g. started by another speech thread, stays as it is); its nice
    value, or None where threads have no priority of their own (not Linux) or it failed."""
    if not sys.platform.startswith("linux") or not hasattr(os, "setpriority"):
        return None
    tid = threading.get_native_id()
    try:
        nice = min(19, os.getpriority(os.PRIO_PROCESS, os.getpid()) + steps)
        if os.getpriority(os.PRIO_PROCESS, tid) < nice:
            os.setpriority(os.PRIO_PROCESS, tid, nice)
        return os.getpriority(os.PRIO_PROCESS, tid)
    except OSError as exc:  # a sandbox without the syscall: run at the process's priority
        log.info("could not lower a speech thread's priority: %s", exc)
        return None


def thread_nice() -> int | None:
    """The calling thread's own nice value (None off Linux)."""
    if not sys.platform.startswith("linux") or not hasattr(os, "getpriority"):
        return None
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


__all__ = ["BACKGROUND_NICE", "lower_this_thread", "thread_nice"]
