"""First words and barge-in through the real window; prints ONE JSON object.

    .venv/bin/python bench/first_words.py [--answers 48] [--open-speakers] [--natural]

Generated answers (16 first words x 4 rests x 5 eSpeak NG voices, drawn by a seed, after the
six answers the issue reported) reach the app 0, 100 and 300 ms after the manager's last sample,
and 700 ms before it (over his last second: barge-in), the offsets taking turns, through a
private PulseAudio's virtual microphone. The manager speaks eSpeak NG stand-ins unless
``--natural``. ``--open-speakers`` routes his voice into the microphone too (the echo gate at
work; barge-in then needs a voice louder than his).
The harness transport (paplay -> null sink -> virtual source -> QAudioSource) is calibrated on
its own with a click and compensated. Reports the share of answers stored with their first
moment intact (the loop's own part: ``onset_kept``), the share of first words recognized, and
that share where the product's recognizer gets the word from a perfect capture of the answer
(the same pre-roll and denoising: what the loop could at best keep), and for barge-in
the time from the answer's onset at the microphone until the manager's voice is silent
(``QtPlayer.clip_ends_at`` after the fade). Targets: >= 98 % first words; barge-in <= 200 ms.
``--aec both`` runs the plan twice in one app, the gate alone then the echo canceller
(:mod:`app.speech.aec`, off in the product), and reports what the canceller found (the echo
latency's estimates, its timing moves, how often the player's device ran dry).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=48)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--open-speakers", action="store_true")
    parser.add_argument("--natural", action="store_true", help="the manager's natural voice")
    parser.add_argument(
        "--aec",
        choices=("on", "off", "both"),
        default="off",
        help="the echo canceller: off (the product: the gate alone), on, or both: the plan "
        "run twice in one app, gate alone first, then with the canceller (paired figures)",
    )
    parser.add_argument(
        "--offsets",
        default=None,
        help="comma-separated seconds from his last sample to the answer (default 0,0.1,0.3,-0.7)",
    )
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from speech.pulse import pulse_installed, virtual_microphone

    if not pulse_installed():
        print(json.dumps({"benchmark": "first_words", "skipped": "PulseAudio is not installed"}))
        return 0
    work = Path(tempfile.mkdtemp(prefix="frameshift-first-words-"))
    with virtual_microphone(work / "pulse") as env:
        for key in ("XDG_RUNTIME_DIR", "PULSE_RUNTIME_PATH", "HOME"):
            os.environ[key] = env[key]
        result = _run(work, env, args)
    print(json.dumps(result, indent=2))
    return 0


def _run(work: Path, env: dict[str, str], args: argparse.Namespace) -> dict[str, object]:
    from speech.first_words import (
        OFFSETS_S,
        calibrate_transport,
        generated_plan,
        open_speakers,
        run_first_words,
    )

    from app.testing.driver import EventLoopBot, make_driver
    from app.ui.app import ensure_qapp

    ensure_qapp()
    if args.open_speakers:
        open_speakers(env)
    app = make_driver(
        EventLoopBot(), work / "data", live_audio=True, rate=1.6, natural_voices=args.natural
    )
    try:
        transport = calibrate_transport(app, env, work)
        offsets = tuple(float(o) for o in args.offsets.split(",")) if args.offsets else OFFSETS_S
        plan = generated_plan(args.answers, args.seed, offsets)
        runs = {}
        app.microphone.echo_canceller = args.aec != "off"
        for mode in ("off", "on") if args.aec == "both" else (args.aec,):
            app.microphone.cancel_echo = mode == "on"
            runs[mode] = run_first_words(app, env, work, transport, plan)
        canceller = app.microphone._canceller
        aec = {
            "available": canceller is not None,
            "latency_ms": None
            if canceller is None or canceller.latency_s is None
            else round(canceller.latency_s * 1000, 1),
            "erle_db": None
            if canceller is None or canceller.erle_db is None
            else round(canceller.erle_db, 1),
            "estimates": []
            if canceller is None
            else [(round(lat * 1000, 1), round(p, 2)) for _t, lat, p in canceller.estimates][-12:],
            "latency_estimates_ms": []
            if canceller is None
            else [round(lat * 1000, 1) for _t, lat, p in canceller.estimates if p >= 0.25],
            "anchor_moves_ms": []
            if canceller is None
            else [round(s * 1000, 1) for _t, s in canceller.anchor_moves],
            "device_ran_dry": len(app.player.echo.gaps) if hasattr(app, "player") else None,
            "reference_snaps": len(app.player.echo.snaps) if hasattr(app, "player") else None,
        }
    finally:
        app.close()
    common = {
        "benchmark": "first_words",
        "harness_transport_ms": round(transport * 1000, 1),
        "speakers": "open (the manager's voice reaches the microphone)"
        if args.open_speakers
        else "headphones (the microphone hears only the answers)",
        "manager_voice": "natural" if args.natural else "eSpeak NG stand-ins",
        "seed": args.seed,
        "targets": {"first_word_rate": 0.98, "barge_in_ms": 200},
        "cpus": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "echo_canceller": aec,
    }
    if len(runs) == 1:
        ((mode, trials),) = runs.items()
        return {**_summary(trials, plan, work), "aec": mode, **common}
    return {**{f"aec_{m}": _summary(t, plan, work) for m, t in runs.items()}, **common}


def _summary(trials: list, plan: list, work: Path) -> dict[str, object]:
    by_offset = {}
    for offset in sorted({o for o, _a in plan}):
        mine = [t for t in trials if t.offset_s == offset]
        by_offset[f"{offset * 1000:+.0f}ms"] = {
            "answers": len(mine),
            "first_word_recognized": sum(t.first_word_kept for t in mine),
            "offline_recognizer_gets_it": sum(t.offline_first_word for t in mine),
            "onset_kept": sum(t.onset_kept for t in mine),
        }
    fair = [t for t in trials if t.offline_first_word]
    barge = [t.barge_in_stop_ms for t in trials if t.barge_in_stop_ms is not None]
    return {
        "answers": len(trials),
        "first_word_rate": round(sum(t.first_word_kept for t in trials) / len(trials), 3),
        "first_word_rate_where_offline_gets_it": round(
            sum(t.first_word_kept for t in fair) / max(1, len(fair)), 3
        ),
        "onset_kept_rate": round(sum(t.onset_kept for t in trials) / len(trials), 3),
        "by_offset": by_offset,
        "by_voice": {
            voice: f"{sum(t.first_word_kept for t in trials if t.voice == voice)}"
            f"/{sum(1 for t in trials if t.voice == voice)}"
            for voice in sorted({t.voice for t in trials})
        },
        "lost": [
            {
                "offset_ms": round(t.offset_s * 1000),
                "voice": t.voice,
                "said": t.reference,
                "heard": t.heard,
                "offline_gets_it": t.offline_first_word,
                "onset_kept": t.onset_kept,
                "stored": str(work / "data" / t.stored) if t.stored else None,
            }
            for t in trials
            if not t.first_word_kept or not t.onset_kept
        ],
        "stored_pre_roll_s_min": min(t.pre_roll_s for t in trials),
        "stored_voiced_ratio_min": min(t.voiced_ratio for t in trials),
        "barge_in_onset_to_silent_ms_median": round(statistics.median(barge), 1) if barge else None,
        "barge_in_onset_to_silent_ms_max": round(max(barge), 1) if barge else None,
        "barge_ins": len(barge),
    }


if __name__ == "__main__":
    raise SystemExit(main())
