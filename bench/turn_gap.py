"""Turn gap through the whole app: from the end of the user's speech to the manager's next line
starting to play.

A private PulseAudio with a virtual microphone carries spoken answers (eSpeak NG, or Piper with
``--answer-voice natural``), played in real time with paplay, into the real window (QAudioSource
capture, voice-activity detection, speculative Whisper decode, framing, store write, cached
pyttsx3 line, QtMultimedia playback). The end of speech is known from the WAV itself (where its
energy last falls below -40 dBFS), so

    gap = (playback of the next line starts) - (paplay started + offset of the speech end)

The test harness's own transport (paplay -> null sink -> virtual source -> QAudioSource) adds a
latency the app never sees on a real microphone. It is calibrated on its own before the turns (a
click played into the sink, timed where the microphone's level jumps; see
tests/speech/first_words.py) and subtracted; raw and corrected figures are both printed, with
the older per-turn estimate (from the speech onset) for comparison. ``--burn N`` runs N
CPU-burning processes beside the app for the "under load" figures; ``--espeak`` has the manager
speak eSpeak NG stand-ins instead of his natural voice (``natural_voices = false``);
``--answer-voice natural`` speaks the user's ANSWERS with a natural voice the product ships (Piper's
joe, :mod:`app.speech.tts_piper`) instead of eSpeak NG (the default): Whisper doubts eSpeak's words
more than a natural voice's, and the end-of-turn decision weighs that doubt. Where the
time goes, per turn (medians in ``stages_ms``, all from the speech end as the app heard it):
the end-of-turn decision (``speech_ended``), the transcript (``transcribed``), framing and the
dialogue (``answer_recorded``), and the voice (``first_sample``: the reply's first sample leaving
the open device, after the silence already queued in it). The reply is framed from the
recognizer's provisional (sized-window) transcript; ``final_pass`` says when the accurate
(full-window) one arrived, how many answers it changed, and how many frames with them. Prints one
JSON object. Targets: median <= 450 ms, p95 <= 800 ms on a quiet machine.

Each turn of ``per_turn_ms`` lists its ``decodes``: what the recognizer's threads did for it, as
[kind, started, ended, audio seconds], ms from the speech end as heard: "stream" (a decode while
the user speaks), "pause" (the speculative decode at a pause), "end" (a decode after the turn
ended), "pause=" / "end=" (words reused: no new speech since the last decode), "pause-" (a pause's
decode stopped part-way because a newer pause of the answer came), "pause<" / "pause<=" / "pause<-"
(the same, started early at the pause's first silent frame: ``VadConfig.pause_decode_ms``), "pause^"
(the announced pause took the early decode's words: only silence came after its audio), "final" (an
accurate pass, maybe the previous answer's, running beside this one).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
# This checkout's app, not the one the shared venv has installed (editable, from another tree):
# a worktree's bench measured main's code without it.
sys.path.insert(0, str(REPO))

ANSWERS = [
    "I came tonight to learn how people here got into data work",
    "That sounds interesting, what do the pipelines feed into",
    "Honestly I am not sure yet, I would like to understand the team first",
    "I like finding out why numbers do not add up, what drew you to this",
    "Not yet, who would you suggest I talk to",
    "Thank you, that is really helpful",
]
#: The answers that end on a question (the others end on a statement).
QUESTIONS = {ANSWERS[1], ANSWERS[3], ANSWERS[4]}
TURNS_WANTED = 12
#: The reply path's steps, each from the end of the one before (the first from the speech end).
STEPS = ("end_of_turn_decision", "transcript", "framing_and_dialogue", "voice_to_first_sample")
LEAD_IN_S = 1.0


LOUD_RMS = 0.01  # -40 dBFS: where speech starts and ends, in the WAV and at the microphone


def _speech_bounds_s(samples: np.ndarray, rate: int) -> tuple[float, float]:
    """Seconds from the start of the clip to the first and past the last loud 20 ms frame."""
    from app.speech.audio import frame_levels

    frame = rate // 50
    loud = np.flatnonzero(frame_levels(samples, frame) > LOUD_RMS)
    if not loud.size:
        return 0.0, 0.0
    return float(loud[0] * frame / rate), float((loud[-1] + 1) * frame / rate)


def _burn() -> None:
    while True:
        pass


def main() -> int:
    import argparse
    import multiprocessing

    parser = argparse.ArgumentParser()
    parser.add_argument("--burn", type=int, default=0, help="CPU-burning processes beside it")
    parser.add_argument("--espeak", action="store_true", help="eSpeak NG stand-in voices")
    parser.add_argument("--turns", type=int, default=TURNS_WANTED)
    parser.add_argument(
        "--answer-voice",
        choices=("espeak", "natural"),
        default="espeak",
        help="who speaks the answers: eSpeak NG en-us (default) or Piper's joe",
    )
    parser.add_argument(
        "--recognizer",
        choices=("auto", "accurate", "fast"),
        default="auto",
        help="the recognizer setting (auto: timed at first run, in a fresh cache here, so a "
        "busy machine gets tiny.en; accurate: Whisper base; fast: tiny.en)",
    )
    parser.add_argument(
        "--question-wait-ms",
        default=None,
        help="comma-separated waits (ms of pause) for finished words that end on a whole question "
        "(VadConfig.text_question_ms; 'none': the finished wait), taken in turn answer by answer "
        "(each answer under each in turn, round by round) and reported per arm: a paired "
        "comparison in one run (default: the product's)",
    )
    args = parser.parse_args()
    arms = (
        [None if a.strip() == "none" else int(a) for a in args.question_wait_ms.split(",")]
        if args.question_wait_ms
        else None
    )
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    burners = [multiprocessing.Process(target=_burn, daemon=True) for _ in range(args.burn)]
    for proc in burners:
        proc.start()
    from speech.pulse import pulse_installed, virtual_microphone

    if not pulse_installed():
        print(json.dumps({"benchmark": "turn_gap", "skipped": "PulseAudio is not installed"}))
        return 0
    work = Path(tempfile.mkdtemp(prefix="frameshift-turn-gap-"))
    with virtual_microphone(work / "pulse") as env:
        for key in ("XDG_RUNTIME_DIR", "PULSE_RUNTIME_PATH", "HOME"):
            os.environ[key] = env[key]
        try:
            result = _measure(
                work,
                env,
                natural=not args.espeak,
                turns_wanted=args.turns,
                recognizer=args.recognizer,
                answer_voice=args.answer_voice,
                arms=arms,
            )
        finally:
            for proc in burners:
                proc.terminate()
    result["cpu_burners_beside"] = args.burn
    print(json.dumps(result, indent=2))
    return 0


def _pct(values: list[float], q: float) -> float | None:
    ordered = sorted(values)
    if not ordered:
        return None
    return round(ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))], 1)


def _speak_answer(text: str, out: Path, answer_voice: str) -> None:
    """One answer as a WAV: eSpeak NG en-us at 160 wpm, or Piper's joe (the product's natural
    voice, :mod:`app.speech.tts_piper`) at the same rate."""
    if answer_voice == "natural":
        from app.dialogue.model import VoiceSettings
        from app.speech.tts_piper import PiperTts

        PiperTts().render(text, VoiceSettings(voice="joe", rate=160), out)
        return
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "160", "-w", str(out), text], check=True)


def _measure(
    work: Path,
    env: dict[str, str],
    *,
    natural: bool,
    turns_wanted: int,
    recognizer: str,
    answer_voice: str = "espeak",
    arms: list[int | None] | None = None,
) -> dict[str, object]:
    from PySide6.QtCore import QEventLoop, QTimer

    from app.bootstrap import build_speech, build_window
    from app.config import load_settings
    from app.speech import AudioClip
    from app.ui.app import ensure_qapp

    qapp = ensure_qapp()
    loaded = load_settings(
        work / "config.toml",
        environ={},
        overrides={"data_dir": work / "d", "natural_voices": natural, "recognizer": recognizer},
    )
    services, notices = build_speech(loaded.settings)
    window = build_window(loaded, speech=services)
    # The app loads the framing model after its first paint (bootstrap.warm_framing_model), so
    # no answer waits for it; here too, before measuring.
    from app.framing.learned import load_model_in_background

    load_model_in_background().join(300)
    window.show()
    rehearsal = window.rehearsal
    clips: list[tuple[Path, float, float]] = []
    for i, text in enumerate(ANSWERS):
        raw = work / f"a{i}.wav"
        _speak_answer(text, raw, answer_voice)
        spoken = AudioClip.from_wav(raw)
        padded = AudioClip(bytes(int(2 * 16_000 * LEAD_IN_S))) + spoken
        path = padded.to_wav(work / f"p{i}.wav")
        onset, end = _speech_bounds_s(spoken.samples, spoken.sample_rate)
        clips.append((path, LEAD_IN_S + onset, LEAD_IN_S + end))

    def wait(condition: object, timeout_s: float) -> bool:
        deadline = time.monotonic() + timeout_s
        loop = QEventLoop()
        while time.monotonic() < deadline:
            if condition():  # type: ignore[operator]
                return True
            QTimer.singleShot(10, loop.quit)
            loop.exec()
        return False

    ready = wait(
        lambda: services.worker is not None and getattr(services.worker.recognizer, "loaded", True),
        60,
    )
    from types import SimpleNamespace

    from speech.first_words import calibrate_transport, play

    from app.testing.driver import EventLoopBot

    harness = SimpleNamespace(microphone=services.microphone, qtbot=EventLoopBot())
    clicked = calibrate_transport(harness, env, work)
    from app.speech.audio import meter_level

    loud_level = meter_level(LOUD_RMS)
    levels: list[tuple[float, float]] = []
    assert services.microphone is not None
    services.microphone.level_changed.connect(lambda v: levels.append((time.monotonic(), v)))
    gaps: list[float] = []
    raw_gaps: list[float] = []
    transport: list[float] = []
    misheard = 0
    started_at: list[float] = []
    assert services.player is not None
    player_obj = services.player

    def on_started() -> None:
        # When the first sample leaves the device: after the silence already queued in it.
        first = getattr(player_obj, "first_sample_at", None)
        started_at.append(first if first is not None else time.monotonic())

    services.player.started.connect(on_started)
    # Each step of the reply path, timed where its signal arrives in the GUI thread.
    marks: dict[str, list[float]] = {
        "speech_ended": [],
        "transcribed": [],
        "answer_recorded": [],
    }
    services.microphone.speech_ended.connect(
        lambda _clip: marks["speech_ended"].append(time.monotonic())
    )
    assert services.worker is not None
    # The transcript as the recognizer's thread hands it over (the worker's own signal reaches
    # the rehearsal first, which frames it and starts the reply before any later slot runs).
    stt = getattr(services.worker, "_stt", services.worker)
    stt.transcribed.connect(lambda *_a: marks["transcribed"].append(time.monotonic()))
    # The accurate transcripts are not waited for: the next answer comes as it would, so a
    # final pass still running then is measured with it (``final_pass.overlapped``).
    request_of: list[int] = []  # each answer's request id, from the worker's transcribed
    services.worker.transcribed.connect(lambda i, _t: request_of.append(i))
    finals: dict[int, float] = {}  # request id -> when its accurate transcript reached the GUI
    services.worker.final_transcribed.connect(lambda i, _t: finals.__setitem__(i, time.monotonic()))
    per_turn: list[dict[str, object]] = []  # each measured turn's steps, for outliers
    heard_at_turn: list[tuple[int | None, float, float]] = []  # request, speech start, end
    rehearsal.answer_recorded.connect(lambda *_a: marks["answer_recorded"].append(time.monotonic()))
    stages: dict[str, list[float]] = {name: [] for name in (*marks, "first_sample")}
    steps: dict[str, list[float]] = {name: [] for name in STEPS}
    # How each end was decided (QtMicrophone.decisions), in ms from the speech end as heard.
    decisions: list[dict[str, object]] = []
    decided: dict[str, list[float]] = {}
    mic_decisions = getattr(services.microphone, "decisions", [])
    # The first rehearsal of a scenario renders its lines in the background (Piper takes
    # minutes for a whole scenario on 2 busy cores); the turn gap is measured once they are
    # cached, as in every later rehearsal, and the time to cache them is reported beside it.
    warm_started = time.monotonic()
    scenario = window.find_scenario("connector-intro")
    assert scenario is not None
    window.start_scenario(scenario)
    assert services.worker is not None
    worker = services.worker
    cached = wait(lambda: worker.prerender_backlog == 0, 900)
    prerender_s = time.monotonic() - warm_started
    rehearsal.end_early()
    rounds = 0
    # A rehearsal heard no answer (it restarts after 30 s): at most this many, so a harness that
    # hears nothing (a busy machine, a silent voice) ends with what it has instead of looping.
    max_rounds = 2 * turns_wanted + 2
    from dataclasses import replace

    mic_vad = getattr(services.microphone, "vad", None)
    arm_of_turn: list[int | None] = []  # each measured turn's text_question_ms (with --arms)
    while ready and len(gaps) < turns_wanted and rounds < max_rounds:
        rounds += 1
        window.start_scenario(scenario)
        for index, (path, speech_onset, speech_end) in enumerate(clips):
            if not wait(lambda: rehearsal.listening, 30):
                break
            arm: int | None = None
            if arms is not None and mic_vad is not None:  # each answer under each arm in turn
                arm = arms[(index + rounds) % len(arms)]
                mic_vad.config = replace(mic_vad.config, text_question_ms=arm)
            time.sleep(0.3)  # let the capture settle, as a person pauses before answering
            conv = rehearsal.conversation
            assert conv is not None
            before = len(conv.turns)
            plays = len(started_at)
            levels.clear()
            decided_before = len(mic_decisions)
            requests_before = len(request_of)
            for seen in marks.values():
                seen.clear()
            launched = time.monotonic()
            player = play(path, env)
            heard = wait(lambda b=before, c=conv: len(c.turns) > b + 1 or c.finished, 30)
            player.wait(20)
            if not heard or conv.finished:
                break
            if not wait(lambda p=plays: len(started_at) > p, 10):
                misheard += 1
                continue
            heard_at = next((t for t, v in levels if t > launched and v >= loud_level), None)
            if heard_at is None:
                misheard += 1
                continue
            latency = heard_at - (launched + speech_onset)
            transport.append(latency * 1000)
            heard_end = launched + speech_end + clicked  # the speech end as the app heard it
            raw_gaps.append((started_at[plays] - (launched + speech_end)) * 1000)
            gaps.append((started_at[plays] - heard_end) * 1000)
            for name, seen in marks.items():
                if seen:
                    stages[name].append((seen[-1] - heard_end) * 1000)
            stages["first_sample"].append((started_at[plays] - heard_end) * 1000)
            request = request_of[-1] if len(request_of) > requests_before else None
            heard_at_turn.append((request, launched + speech_onset + clicked, heard_end))
            arm_of_turn.append(arm)
            per_turn.append(
                {
                    "answer": index,
                    **({"question_wait_ms": arm} if arms is not None else {}),
                    "gap": round(gaps[-1]),
                    **{
                        k: round((v[-1] - heard_end) * 1000) if v else None
                        for k, v in marks.items()
                    },
                }
            )
            # What the recognizer's threads did for this answer (and a final pass beside it).
            trails = [
                getattr(stt, "trail", ()),
                getattr(getattr(worker, "_final", None), "trail", ()),
            ]
            per_turn[-1]["decodes"] = [
                (kind, round((a - heard_end) * 1000), round((b - heard_end) * 1000), round(s, 1))
                for trail in trails
                for kind, a, b, s in list(trail)
                if b >= launched and a <= started_at[plays]
            ]
            if len(mic_decisions) > decided_before:
                how = mic_decisions[-1]
                onset = (how["pause_started_at"] - heard_end) * 1000
                trail = [(n, round(ms + onset), d) for n, ms, d in how["steps"]]
                decisions.append({"vad_pause_onset_ms": round(onset), **how, "steps": trail})
                decided.setdefault("vad_pause_onset", []).append(onset)
                decided.setdefault("ended", []).append(onset + how["pause_ms"])
                for name, ms, detail in trail:
                    mine = name == "quick_start" or detail.startswith("pause")
                    if ms >= onset and mine and name in ("quick_start", "quick_words", "words"):
                        decided.setdefault(name, []).append(ms)
            if all(marks.values()):  # each step's own share of this turn's gap
                ends = [heard_end, *(seen[-1] for seen in marks.values()), started_at[plays]]
                for name, a, b in zip(STEPS, ends[:-1], ends[1:], strict=True):
                    steps[name].append((b - a) * 1000)
            if len(gaps) >= turns_wanted:
                break
        if rehearsal.conversation and not rehearsal.conversation.finished:
            rehearsal.end_early()
    # The accurate transcripts still on their way, then each one's time and whether it was still
    # being decoded when the next answer's speech began.
    wanted = [r for r, _s, _e in heard_at_turn if r is not None]
    wait(lambda: all(r in finals for r in wanted), 60)
    final_ms: list[float] = []
    overlapped = 0
    for k, (request, _start, end_at) in enumerate(heard_at_turn):
        landed = finals.get(request) if request is not None else None
        per_turn[k]["final"] = round((landed - end_at) * 1000) if landed is not None else None
        if landed is None:
            continue
        final_ms.append((landed - end_at) * 1000)
        if k + 1 < len(heard_at_turn) and landed > heard_at_turn[k + 1][1]:
            overlapped += 1
    window.shutdown()
    if services.worker is not None:
        services.worker.stop()
    window.close()  # with the store still open, so no turn is left unsaved (that asks)
    if window.store is not None:
        window.store.close()
    qapp.processEvents()
    by_arm: dict[str, object] = {}
    for arm in arms or []:
        mine = [g for g, a in zip(gaps, arm_of_turn, strict=True) if a == arm]
        kinds = [
            ANSWERS[int(t["answer"])] in QUESTIONS  # type: ignore[call-overload]
            for t, a in zip(per_turn, arm_of_turn, strict=True)
            if a == arm
        ]
        asked = [g for g, q in zip(mine, kinds, strict=True) if q]
        told = [g for g, q in zip(mine, kinds, strict=True) if not q]
        by_arm[str(arm)] = {
            "turns": len(mine),
            "median_ms": round(statistics.median(mine), 1) if mine else None,
            "p95_ms": _pct(mine, 0.95),
            "question_answers_median_ms": round(statistics.median(asked), 1) if asked else None,
            "statement_answers_median_ms": round(statistics.median(told), 1) if told else None,
            # the reply began before the answer's speech ended: cut mid-sentence
            "cut_mid_answer": sum(g < 0 for g in mine),
        }
    return {
        "benchmark": "turn_gap",
        **({"question_wait_arms": by_arm} if arms is not None else {}),
        "answer_voice": "Piper joe (natural)" if answer_voice == "natural" else "eSpeak NG en-us",
        "path": "answer WAV -> paplay -> PulseAudio virtual mic -> the real window -> QAudioSink",
        "turns": len(gaps),
        "median_ms": round(statistics.median(gaps), 1) if gaps else None,
        "p95_ms": _pct(gaps, 0.95),
        "min_ms": round(min(gaps), 1) if gaps else None,
        "max_ms": round(max(gaps), 1) if gaps else None,
        "raw_median_ms_with_harness_transport": (
            round(statistics.median(raw_gaps), 1) if raw_gaps else None
        ),
        "raw_p95_ms_with_harness_transport": _pct(raw_gaps, 0.95),
        "stages_ms": {
            name: {"median": _pct(v, 0.5), "p95": _pct(v, 0.95)} for name, v in stages.items()
        },
        "steps_ms": {
            name: {"median": _pct(v, 0.5), "p95": _pct(v, 0.95)} for name, v in steps.items()
        },
        "decision_ms": {
            name: {"median": _pct(v, 0.5), "p95": _pct(v, 0.95), "n": len(v)}
            for name, v in decided.items()
        },
        "decision_note": "ms after the speech end as heard, each answer's last pause: "
        "vad_pause_onset = where the VAD's pause began (by its audio), quick_start/quick_words "
        "= the quick decode of that pause started/heard (GUI thread), words = the STT thread's "
        "words covering the pause, ended = the end decided",
        "per_turn_ms": per_turn,
        "decisions": [{k: v for k, v in d.items() if k != "pause_started_at"} for d in decisions],
        "stages_note": "ms after the speech end as the app heard it (harness transport removed): "
        "speech_ended = end-of-turn decision, transcribed = recognizer result, "
        "answer_recorded = framing + dialogue done, "
        "first_sample = the reply's first sample leaves the device",
        "final_pass": {
            "ms_after_speech_end": {"median": _pct(final_ms, 0.5), "p95": _pct(final_ms, 0.95)},
            "accurate_decodes": getattr(services.worker, "final_decodes", None)
            if services.worker is not None
            else None,
            "landed": len(final_ms),
            "landed_after_next_speech_began": overlapped,
            "answers_revised": rehearsal.revised_answers,
            "frames_changed": rehearsal.revised_frames,
            "note": "the accurate full-window transcript, decoded between answers, replacing "
            "the provisional one in the session (counts over the whole run; landed after the next "
            "answer began: it waits while an answer is heard; not waited for between turns)",
        },
        "player_underruns": getattr(player_obj, "underruns", None),
        "player_longest_feed_gap_ms": round(getattr(player_obj, "longest_feed_gap_s", 0.0) * 1000),
        "harness_transport_ms_click_calibrated": round(clicked * 1000, 1),
        "harness_transport_ms_from_onsets_median": (
            round(statistics.median(transport), 1) if transport else None
        ),
        "end_of_turn": "Silero VAD + the pause's words + Smart Turn v3.2 (VadConfig)",
        "recognizer": getattr(services.worker.recognizer, "model_name", None)
        if services.worker is not None
        else None,
        "recognizer_setting": loaded.settings.recognizer,
        "voice": scenario.persona.voice.voice
        + ("" if natural else " (eSpeak NG stand-in: natural_voices off)"),
        "prerender_s_first_rehearsal": round(prerender_s, 1),
        "all_lines_cached_before_measuring": cached,
        "not_measured": misheard,
        "rehearsals_started": rounds,
        "notices": notices,
        "targets": {"median_ms": 450, "p95_ms": 800},
        "cpus": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "nice": os.nice(0),
        "cpus_allowed": len(os.sched_getaffinity(0)),
    }


if __name__ == "__main__":
    raise SystemExit(main())
