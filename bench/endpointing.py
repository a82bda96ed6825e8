"""End of turn: how often a mid-sentence pause is taken for the end, and how long a finished
sentence waits. Prints ONE JSON object.

    .venv/bin/python bench/endpointing.py

The set is made at run time with eSpeak NG in several voices: sentences with a pause of 300-1200 ms
inserted at a word boundary (SSML <break>, so the voice keeps its mid-sentence intonation), and
finished sentences. Each clip (with a little room noise and 3 s of trailing quiet) is fed through
the detector in 20 ms chunks, in three configurations in the same run:

* ``fixed_hangover``: the old energy VAD and a fixed 550 ms hang-over;
* ``silero_fixed``: Silero VAD with the same hang-over;
* ``silero_smart_turn``: Silero VAD and Smart Turn v3.2 (first look 200 ms into a pause, then
  every 500 ms, a 2.5 s cap).

``cut_rate``: the share of paused sentences whose turn ended before their last word.
``finished_delay_ms``: from the last voiced sample of a finished sentence to the end of turn, in
audio time (the model's own compute time is reported apart, per look).
Targets: cut_rate <= 5 %, median finished delay <= 300 ms.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from app.speech.audio import AudioClip
from app.speech.endpoint import SileroVoice, SmartTurn
from app.speech.vad import SpeechEnded, Vad, VadConfig

#: (before the pause, after it): word boundaries where people stop to think.
PAUSED = [
    ("I would like to", "understand the team first."),
    ("Honestly, I think the hardest part was", "learning to ask for help."),
    ("Not really, but I", "could learn it quickly."),
    ("What I enjoy most is", "finding out why the numbers do not add up."),
    ("I have been working as a", "data analyst for five years."),
    ("Could you tell me more about", "how the team decides what to build?"),
    ("My last project was about", "cutting the reporting time in half."),
    ("I am curious about", "what a typical week looks like here."),
    ("Before that, I studied", "engineering in Chicago."),
    ("The thing is, I", "have never used that tool at work."),
]
FINISHED = [
    "Thanks for making time to talk with me today.",
    "Yes, absolutely.",
    "That sounds interesting, I would love to learn more about it.",
    "What does a typical week look like for your team?",
    "I led a project that cut reporting time by forty percent.",
    "Not yet.",
    "How did you decide to join this company?",
    "I moved to Chicago to study engineering.",
    "Is there anyone else you think I should talk to?",
    "I am not sure, to be honest.",
]
VOICES = ["en-us", "en-gb", "en-us+f3", "en-gb-x-rp"]
PAUSES_MS = [300, 600, 900, 1200]
RATE = 16_000
LOUD = 0.01


def espeak(text: str, out: Path, voice: str) -> AudioClip:
    subprocess.run(
        ["espeak-ng", "-m", "-v", voice, "-s", "160", "-w", str(out), text],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return AudioClip.from_wav(out)


def last_voiced_s(samples: np.ndarray) -> float:
    frame = RATE // 100
    n = len(samples) // frame
    x = samples[: n * frame].astype(np.float32).reshape(n, frame) / 32768.0
    loud = np.flatnonzero(np.sqrt((x**2).mean(axis=1)) > LOUD)
    return float((loud[-1] + 1) * frame / RATE) if loud.size else 0.0


def with_room(clip: AudioClip, seed: int) -> AudioClip:
    """0.5 s lead-in, 3 s tail, and -54 dBFS room noise under everything."""
    x = np.concatenate([np.zeros(RATE // 2), clip.to_float(), np.zeros(3 * RATE)])
    x = x + np.random.default_rng(seed).normal(0, 0.002, len(x))
    return AudioClip.from_samples(x.astype(np.float32), RATE)


def ends(vad: Vad, clip: AudioClip) -> list[float]:
    """Audio time (s) of every end of turn the detector reports while fed in 20 ms chunks."""
    step = RATE // 50
    samples = clip.samples
    out: list[float] = []
    for i in range(0, len(samples), step):
        for e in vad.feed(samples[i : i + step]):
            if isinstance(e, SpeechEnded):
                out.append((i + step) / RATE)
    return out


class TimedTurn:
    def __init__(self, model: SmartTurn) -> None:
        self.model = model
        self.times: list[float] = []

    def __call__(self, clip: AudioClip) -> float:
        t0 = time.perf_counter()
        p = self.model(clip)
        self.times.append((time.perf_counter() - t0) * 1000)
        return p


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="frameshift-endpointing-"))
    paused: list[tuple[AudioClip, float]] = []  # clip, where its last word ends
    finished: list[tuple[AudioClip, float]] = []
    seed = 0
    for voice in VOICES:
        for k, (a, b) in enumerate(PAUSED):
            pause = PAUSES_MS[(k + VOICES.index(voice)) % len(PAUSES_MS)]
            ssml = f'<speak>{a} <break time="{pause}ms"/> {b}</speak>'
            clip = with_room(espeak(ssml, work / "p.wav", voice), seed)
            seed += 1
            paused.append((clip, last_voiced_s(clip.samples)))
        for text in FINISHED:
            clip = with_room(espeak(text, work / "f.wav", voice), seed)
            seed += 1
            finished.append((clip, last_voiced_s(clip.samples)))
    smart = TimedTurn(SmartTurn())
    configs: dict[str, Callable[[], Vad]] = {
        "fixed_hangover": lambda: Vad(VadConfig(frame_ms=32)),
        "silero_fixed": lambda: Vad(VadConfig(), voice_prob=SileroVoice()),
        "silero_smart_turn": lambda: Vad(VadConfig(), voice_prob=SileroVoice(), end_of_turn=smart),
    }
    results: dict[str, object] = {}
    for name, make in configs.items():
        cuts = 0
        for clip, last in paused:
            first_end = next(iter(ends(make(), clip)), None)
            if first_end is not None and first_end < last - 0.05:
                cuts += 1
        delays = []
        missed = 0
        for clip, last in finished:
            found = ends(make(), clip)
            if not found:
                missed += 1
                continue
            delays.append((found[-1] - last) * 1000)
        ordered = sorted(delays)
        results[name] = {
            "paused_sentences": len(paused),
            "cut_mid_sentence": cuts,
            "cut_rate": round(cuts / len(paused), 3),
            "finished_sentences": len(finished),
            "finished_not_ended": missed,
            "finished_delay_ms_median": round(statistics.median(delays), 1) if delays else None,
            "finished_delay_ms_p90": round(ordered[int(0.9 * (len(ordered) - 1))], 1)
            if ordered
            else None,
        }
    print(
        json.dumps(
            {
                "benchmark": "endpointing",
                "set": f"eSpeak NG, voices {VOICES}, pauses {PAUSES_MS} ms at word boundaries",
                "configs": results,
                "smart_turn_ms_per_look_median": round(statistics.median(smart.times), 1)
                if smart.times
                else None,
                "smart_turn_looks": len(smart.times),
                "targets": {"cut_rate": 0.05, "finished_delay_ms_median": 300},
                "cpus": os.cpu_count(),
                "load_average_1m": round(os.getloadavg()[0], 2),
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
