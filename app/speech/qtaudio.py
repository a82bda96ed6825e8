"""What the microphone and the player share: is there a sound server, and Qt's log noise.

On Linux, Qt Multimedia talks to PulseAudio (or PipeWire's pulse socket). Without one, the first
device query prints Qt warnings ("pa_context_connect() failed", "No audio device detected"),
which a headless kiosk or CI run should not see; so we look for the server socket first and
treat "no server" like "no device".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLoggingCategory

_quieted = False


def quiet_qt_multimedia() -> None:
    """Hide Qt's "Couldn't load pipewire-0.3 library" warnings: PulseAudio is used instead."""
    global _quieted
    if not _quieted:
        QLoggingCategory.setFilterRules(
            "qt.multimedia.symbolsresolver.warning=false\n"
            "qt.multimedia.ffmpeg*.info=false\nqt.multimedia.ffmpeg*.debug=false"
        )
        _quieted = True


def sound_server_available() -> bool:
    """True when Qt Multimedia can reach an audio system (always, off Linux)."""
    if not sys.platform.startswith("linux"):
        return True
    server = os.environ.get("PULSE_SERVER", "")
    if server:
        if server.startswith("unix:"):
            return Path(server[5:]).exists()
        return True  # a TCP server: let Qt try
    candidates = []
    if runtime := os.environ.get("PULSE_RUNTIME_PATH"):
        candidates.append(Path(runtime) / "native")
    xdg = os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    candidates += [Path(xdg) / "pulse" / "native", Path(xdg) / "pipewire-0"]
    candidates.append(Path("/var/run/pulse/native"))
    return any(p.exists() for p in candidates)
