"""``frameshift transcribe AUDIO...``: recognize WAV files offline, one JSON line per file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from app.speech import AudioClip, SpeechError, WhisperRecognizer


def run(
    paths: Sequence[str],
    stdout: TextIO,
    stderr: TextIO,
    *,
    model_dir: Path | None = None,
    choice: str = "fast",
) -> int:
    """Transcribe each file with one warm model; bad files are reported and skipped (exit 2).

    Each file is read (and refused, with a sentence) before the model is needed, so a list of
    bad files never waits for the model, and one bad file never stops the files after it.
    """
    recognizer: WhisperRecognizer | None = None
    status = 0
    for name in paths:
        try:
            clip = AudioClip.from_wav(Path(name))
        except SpeechError as exc:
            print(f"frameshift transcribe: {name}: {exc}", file=stderr)
            status = 2
            continue
        if recognizer is None:
            recognizer = WhisperRecognizer(model_dir, choice=choice, denoise=True)
            try:
                recognizer.load()
            except SpeechError as exc:
                print(f"frameshift transcribe: {exc}", file=stderr)
                return 2
        try:
            transcript = recognizer.transcribe(clip)
        except SpeechError as exc:
            print(f"frameshift transcribe: {name}: {exc}", file=stderr)
            status = 2
            continue
        record = {
            "file": name,
            "text": transcript.text,
            "audio_s": round(transcript.audio_s, 3),
            "elapsed_s": round(transcript.elapsed_s, 3),
        }
        print(json.dumps(record, ensure_ascii=False), file=stdout, flush=True)
    return status
