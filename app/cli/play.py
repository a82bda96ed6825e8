"""`play SCENARIO --answer ...`: a whole rehearsal with no window, saved like any other.

Answers ending in .wav go through the same recognizer as live speech, and their audio is kept
with the session. When the answers run out first the session ends there (outcome
``incomplete``); answers left over after the end are reported, not an error.
"""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path
from typing import Any, TextIO

from app.cli.common import EXIT_OK, CliError, print_json
from app.config import Settings
from app.dialogue import ScenarioError, find_scenario, installed_scenario_dirs
from app.session.conversation import Conversation
from app.session.storage import open_store


class _Recognizer:
    """Loads the recognizer only if a WAV answer needs it, and only once."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._engine: Any = None

    def __call__(self, path: Path) -> tuple[str, float]:
        from app.speech import AudioClip, SpeechError, WhisperRecognizer

        try:
            if self._engine is None:
                model = Path(self._settings.model_dir) if self._settings.model_dir else None
                self._engine = WhisperRecognizer(model_dir=model)
            clip = AudioClip.from_wav(path)
            started = time.perf_counter()
            transcript = self._engine.transcribe(clip)
        except SpeechError as exc:
            raise CliError(f"{path}: {exc}") from exc
        return transcript.text, (time.perf_counter() - started) * 1000


def run(args: argparse.Namespace, settings: Settings, stdout: TextIO, stderr: TextIO) -> int:
    try:
        scenario = find_scenario(
            args.scenario, installed_scenario_dirs(settings.extra_scenario_dirs())
        )
    except ScenarioError as exc:
        raise CliError(str(exc)) from exc
    answers: list[str] = list(args.answer)
    for a in answers:
        if a.lower().endswith(".wav") and not Path(a).is_file():
            raise CliError(f"{a}: no such audio file")
    store, notices = open_store(settings)
    for n in notices:
        print(f"frameshift: {n}", file=stderr)
    recognize = _Recognizer(settings)
    mode = "voice" if any(a.lower().endswith(".wav") for a in answers) else "typed"
    conv = Conversation(
        scenario,
        store,
        mode=mode,
        seed=args.seed,
        on_notice=lambda m: print(f"frameshift: {m}", file=stderr),
    )
    conv.begin()
    used = 0
    for answer in answers:
        if conv.reached_end:
            break
        audio_rel = None
        recognizer_ms = None
        text = answer
        if answer.lower().endswith(".wav"):
            text, recognizer_ms = recognize(Path(answer))
            audio_rel = _keep_audio(Path(answer), settings, conv.session_id, len(conv.turns))
        conv.answer(text, audio_path=audio_rel, recognizer_ms=recognizer_ms)
        used += 1
    analysis = conv.end()
    leftover = answers[used:]
    outcome = conv.outcome.label if conv.outcome and conv.reached_end else "incomplete"
    if store is not None:
        store.close()
    if args.json:
        payload: dict[str, Any] = {
            "session_id": conv.session_id,
            "scenario": scenario.id,
            "outcome": outcome,
            "outcome_id": conv.outcome.id if conv.outcome and conv.reached_end else None,
            "path": list(conv.runner.path),
            **analysis.to_dict(),
            "transcript": [{"speaker": t.speaker, "text": t.text} for t in conv.turns],
            "unused_answers": leftover,
        }
        print_json(payload, stdout)
        return EXIT_OK
    who = scenario.persona.name
    for t in conv.turns:
        ta = analysis.turns[t.idx]
        tag = f"  [{ta.frame}]" if t.speaker == "seeker" else ""
        stdout.write(f"{who if t.speaker == 'manager' else 'You'}: {t.text}{tag}\n")
    stdout.write(f"\nOutcome: {outcome}\n")
    if analysis.shift is None:
        stdout.write("No shift: the conversation stayed a mutual exploration.\n")
    else:
        stdout.write(f"Shifted at turn {analysis.shift.turn + 1}: {analysis.shift.explanation}\n")
    if leftover:
        stdout.write(f"{len(leftover)} answer(s) not used: the conversation had ended.\n")
    if conv.session_id is not None:
        stdout.write(f"Saved as session {conv.session_id}.\n")
    return EXIT_OK


def _keep_audio(source: Path, settings: Settings, session_id: int | None, idx: int) -> str | None:
    if session_id is None:
        return None
    folder = settings.audio_dir / str(session_id)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{idx:03d}-seeker.wav"
        shutil.copyfile(source, target)
    except OSError:
        return None
    return str(target.relative_to(settings.data_dir))
