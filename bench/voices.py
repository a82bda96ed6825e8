"""Listen to every persona: render a sample of each shipped scenario's manager lines in the
persona's own voice (and in plain eSpeak NG, for comparison in the same run), keep the WAVs, and
let the recognizer say how intelligible each voice is.

    make voices            # samples in build/voices/<scenario>/, JSON on stdout
    python bench/voices.py --lines 10 --out build/voices

Per persona it reports the voice, the recognizer's WER on the persona's own lines, the render
real-time factor, and the same figures for eSpeak NG on the same lines.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import wave
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from app.dialogue.loader import load_scenarios  # noqa: E402
from app.speech.audio import AudioClip  # noqa: E402
from app.speech.factory import make_voice  # noqa: E402
from app.speech.protocols import VoiceSettings  # noqa: E402
from app.speech.scoring import corpus_wer  # noqa: E402
from app.speech.stt_whisper import WhisperRecognizer  # noqa: E402


def _seconds(path: Path) -> float:
    with wave.open(str(path)) as wav:
        return wav.getnframes() / wav.getframerate()


def _sample(
    voice: object,
    recognizer: WhisperRecognizer,
    lines: list[str],
    settings: VoiceSettings,
    folder: Path,
) -> dict[str, object]:
    folder.mkdir(parents=True, exist_ok=True)
    pairs: list[tuple[str, str]] = []
    render_s = audio_s = 0.0
    for i, line in enumerate(lines):
        out = folder / f"{i:02d}.wav"
        started = time.perf_counter()
        voice.render(line, settings, out)  # type: ignore[attr-defined]
        render_s += time.perf_counter() - started
        audio_s += _seconds(out)
        pairs.append((line, recognizer.transcribe(AudioClip.from_wav(out)).text))
    return {
        "voice": settings.voice,
        "wer": round(corpus_wer(pairs), 4),
        "rtf": round(render_s / audio_s, 3) if audio_s else None,
        "audio_s": round(audio_s, 1),
        "errors": [(ref, hyp) for ref, hyp in pairs if ref.lower() != hyp.lower()][:3],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=10, help="lines per persona (default 10)")
    parser.add_argument("--out", type=Path, default=REPO / "build" / "voices")
    parser.add_argument("--no-espeak", action="store_true", help="skip the eSpeak comparison")
    args = parser.parse_args(argv)

    scenarios, problems = load_scenarios([REPO / "dialogues"])
    if problems:
        print(json.dumps({"error": [str(p) for p in problems]}), file=sys.stderr)
    recognizer = WhisperRecognizer(choice="fast")  # tiny.en: the figures in the README
    recognizer.load()
    voice = make_voice()
    personas = []
    for scenario in sorted(scenarios, key=lambda s: (s.order is None, s.order, s.id)):
        lines = [node.lines[0] for node in scenario.nodes.values()][: args.lines]
        settings = scenario.persona.voice
        entry: dict[str, object] = {
            "scenario": scenario.id,
            "persona": scenario.persona.name,
            "own": _sample(voice, recognizer, lines, settings, args.out / scenario.id / "own"),
        }
        if not args.no_espeak:
            plain = replace(settings, voice="en-gb" if "gb" in settings.voice else "en-us")
            entry["espeak"] = _sample(
                voice, recognizer, lines, plain, args.out / scenario.id / "espeak"
            )
        personas.append(entry)
        print(f"{scenario.id}: {entry['own']}", file=sys.stderr)
    print(json.dumps({"bench": "voices", "samples": str(args.out), "personas": personas}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
