"""Render-through cache of the manager's lines, keyed by everything that changes the audio."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable
from pathlib import Path

from app.speech.protocols import Voice, VoiceSettings


def cache_key(text: str, settings: VoiceSettings) -> str:
    raw = f"{settings.voice}|{settings.rate}|{settings.pitch}|{settings.volume}|{text}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class VoiceCache:
    """Hands out a WAV per (voice settings, text), rendering only on a miss.

    Files are written atomically by the voice, so a crash mid-render never leaves a half WAV
    that a later hit would play. ``renders`` and ``hits`` count what happened (tests, bench).
    """

    def __init__(self, voice: Voice, cache_dir: Path) -> None:
        self.voice = voice
        self.cache_dir = Path(cache_dir)
        self.renders = 0
        self.hits = 0
        self._lock = threading.Lock()

    def path_for(self, text: str, settings: VoiceSettings) -> Path:
        return self.cache_dir / f"{cache_key(text, settings)}.wav"

    def get(self, text: str, settings: VoiceSettings) -> Path:
        """The WAV for ``text`` in ``settings``; renders it first if it is not cached."""
        path = self.path_for(text, settings)
        with self._lock:
            if path.is_file() and path.stat().st_size > 44:
                self.hits += 1
                return path
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            self.voice.render(text, settings, path)
            self.renders += 1
            return path

    def prerender(self, lines: Iterable[str], settings: VoiceSettings) -> list[Path]:
        """Render every line not yet cached (a scenario's lines when it starts)."""
        return [self.get(line, settings) for line in dict.fromkeys(lines) if line.strip()]
