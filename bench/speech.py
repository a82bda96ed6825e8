"""Speech benchmark: prints ONE JSON object with accuracy, speed, memory and the turn gap.

    .venv/bin/python bench/speech.py [--turns 12]

Turn gap: an eSpeak answer is fed through the VAD in real time (20 ms chunks, on a Qt timer, as
QtMicrophone does); at silence_started the worker decodes speculatively, at speech_ended it
transcribes (reusing that result) and then renders the next manager line (cached). The gap is
from the last voiced sample fed to ``rendered`` for the next line.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
import psutil
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

from app.speech import (
    AudioClip,
    Pyttsx3Voice,
    SpeechWorker,
    VoiceSettings,
    WhisperRecognizer,
)
from app.speech.scoring import corpus_wer, normalize_text
from app.speech.vad import SilenceStarted, SpeechEnded, Vad, VadConfig
from tests.speech.conftest import ANSWERS, VOICES, espeak, speech_testdata_dir

MANAGER_LINES = [
    "Thanks for stopping by. What brings you here today?",
    "That is great. Are you interested in the position?",
    "What do you know about our team?",
]


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def one_turn(
    worker: SpeechWorker, spoken: AudioClip, turn: int, settings: VoiceSettings
) -> tuple[float, float] | None:
    """Feed one answer in real time; (gap from last voiced sample, gap from VAD end) in ms."""
    clip = AudioClip(bytes(16_000)) + spoken + AudioClip(bytes(32_000))
    voiced = np.flatnonzero(np.abs(spoken.samples.astype(np.int32)) > 328)  # > -40 dBFS
    speech_end_at = 0.5 + (voiced[-1] + 1) / 16_000  # last voiced sample, seconds in
    vad = Vad(VadConfig())
    state: dict[str, float] = {}
    loop = QEventLoop()
    chunk = 640  # 20 ms of 16 kHz int16
    pos = [0]
    feeder = QTimer()
    t0 = time.perf_counter()

    def on_rendered(_rid: int, _path: str) -> None:
        state["ready"] = time.perf_counter()
        loop.quit()

    def on_transcribed(rid: int, _t: object) -> None:
        worker.request_render(rid, MANAGER_LINES[turn % len(MANAGER_LINES)], settings)

    def feed() -> None:
        # Feed what real time says has been captured by now, like a sound card would.
        due = min(len(clip.pcm), int((time.perf_counter() - t0) * 16_000) * 2)
        while pos[0] + chunk <= due:
            data = clip.pcm[pos[0] : pos[0] + chunk]
            pos[0] += chunk
            for event in vad.feed(data):
                if isinstance(event, SilenceStarted):
                    worker.speculate(event.clip)
                elif isinstance(event, SpeechEnded):
                    state["confirmed"] = time.perf_counter()
                    feeder.stop()
                    worker.request_transcribe(1000 + turn, event.clip)
                    return

    worker.rendered.connect(on_rendered)
    worker.transcribed.connect(on_transcribed)
    feeder.timeout.connect(feed)
    feeder.start(20)
    QTimer.singleShot(15_000, loop.quit)
    loop.exec()
    feeder.stop()
    worker.rendered.disconnect(on_rendered)
    worker.transcribed.disconnect(on_transcribed)
    if "ready" not in state:
        return None
    return (
        (state["ready"] - (t0 + speech_end_at)) * 1000,
        (state["ready"] - state["confirmed"]) * 1000,
    )


def turn_gaps(
    worker: SpeechWorker, wavs: list[Path], turns: int
) -> tuple[list[float], list[float]]:
    """Per turn, ms from the last voiced sample, and from the VAD's end-of-speech, to the WAV."""
    settings = VoiceSettings()
    worker.request_prerender(MANAGER_LINES, settings)
    gaps: list[float] = []
    after_vad: list[float] = []
    for turn in range(turns):
        result = one_turn(worker, AudioClip.from_wav(wavs[turn % len(wavs)]), turn, settings)
        if result is not None:
            gaps.append(result[0])
            after_vad.append(result[1])
        wait(300)
    return gaps, after_vad


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=12)
    args = parser.parse_args()
    app = QCoreApplication([])
    out: dict[str, object] = {"machine": {"cpus": os.cpu_count()}}
    tmp = Path(tempfile.mkdtemp(prefix="fs-bench-"))

    rss_before = rss_mb()
    rec = WhisperRecognizer()
    started = time.perf_counter()
    rec.load()
    out["model_load_s"] = round(time.perf_counter() - started, 3)
    out["rss_mb_after_load"] = round(rss_mb(), 1)
    out["rss_mb_before_load"] = round(rss_before, 1)

    audio_s = elapsed_s = 0.0
    per_voice: dict[str, float] = {}
    wavs: dict[str, list[Path]] = {}
    for voice in VOICES:
        pairs = []
        for i, text in enumerate(ANSWERS):
            wav = espeak(text, tmp / f"{voice}-{i}.wav", voice)
            wavs.setdefault(voice, []).append(wav)
            t = rec.transcribe(AudioClip.from_wav(wav))
            audio_s += t.audio_s
            elapsed_s += t.elapsed_s
            pairs.append((text, t.text))
        per_voice[voice] = round(corpus_wer(pairs), 4)
    out["wer_espeak"] = per_voice

    folder = speech_testdata_dir()
    manifest = folder / "manifest.json"
    if manifest.is_file():
        items = json.loads(manifest.read_text(encoding="utf-8"))["items"]
        pairs = []
        for item in items:
            t = rec.transcribe(AudioClip.from_wav(folder / item["file"]))
            audio_s += t.audio_s
            elapsed_s += t.elapsed_s
            pairs.append((item["text"], t.text))
        out["wer_real"] = round(corpus_wer(pairs), 4)
        out["real_files"] = len(items)
    else:
        out["wer_real"] = None
        out["wer_real_skipped"] = f"no recordings at {folder}"
    out["real_time_factor"] = round(elapsed_s / audio_s, 3)
    out["transcriptions"] = len(ANSWERS) * len(VOICES) + out.get("real_files", 0)  # type: ignore[operator]
    out["rss_mb_after_transcriptions"] = round(rss_mb(), 1)

    fillers_said = fillers_kept = 0
    for i, text in enumerate(
        ["um I think uh that sounds interesting", "uh so I guess um I have been in sales"]
    ):
        wav = espeak(text, tmp / f"filler-{i}.wav")
        heard = normalize_text(rec.transcribe(AudioClip.from_wav(wav)).text)
        said = [w for w in normalize_text(text) if w in {"um", "uh"}]
        fillers_said += len(said)
        fillers_kept += min(len(said), sum(w in {"um", "uh"} for w in heard))
    out["filler_retention"] = round(fillers_kept / fillers_said, 3)

    worker = SpeechWorker(Pyttsx3Voice(), rec, tmp / "cache")
    try:
        gaps, after_vad = turn_gaps(worker, wavs[VOICES[0]], args.turns)
        out["speculative_hits"] = worker.speculative_hits
    finally:
        worker.stop()
    out["turn_gap_ms"] = {
        "path": "Vad fed in real time (20 ms chunks) + SpeechWorker; not through PulseAudio",
        "turns": len(gaps),
        "median": round(statistics.median(gaps), 1) if gaps else None,
        "p95": round(float(np.percentile(gaps, 95)), 1) if gaps else None,
        "end_silence_ms": VadConfig().end_silence_ms,
        "after_end_confirmed_median": round(statistics.median(after_vad), 1) if after_vad else None,
        "after_end_confirmed_p95": round(float(np.percentile(after_vad, 95)), 1)
        if after_vad
        else None,
    }
    out["targets"] = {
        "wer_espeak": 0.10,
        "wer_real": 0.08,
        "turn_gap_median_ms": 700,
        "turn_gap_p95_ms": 1200,
        "rss_mb": 450,
    }
    del app
    print(json.dumps(out))
    subprocess.run(["rm", "-rf", str(tmp)], check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
