"""`play SCENARIO --answer ...`: a whole rehearsal with no window, saved like any other.

An answer that names an existing .wav file goes through the same recognizer as live speech, and
its audio is kept with the session; any other answer is typed text (so "I sent it as a .wav"
is an answer, while a missing `take1.wav` is refused as a missing file). Every WAV is read and
recognized before the rehearsal starts, so a bad file leaves no half-made session. When the
answers run out first the session ends there (outcome ``incomplete``, stored as
``out_of_answers``, which the History says as such); answers left over after
the end are reported, not an error.

"Saved as session N" is printed only when every turn and the ending are in the history; if
anything could not be written (a full disk, no history at all), the transcript is still
printed and the command exits 2 with a sentence saying what was not saved.
"""

from __future__ import annotations

import argparse
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TextIO

from app.cli.common import EXIT_BAD_INPUT, EXIT_OK, CliError, print_json
from app.config import Settings
from app.dialogue import ScenarioError, find_scenario, installed_scenario_dirs
from app.dialogue.knowledge import prepare
from app.report.questions import count_questions
from app.report.verdict import AnswerNumbers, Verdict, answer_numbers
from app.session.conversation import Conversation
from app.session.recordings import Recordings
from app.session.storage import open_store

#: Quieter than this (RMS, full scale 1.0) a WAV answer holds no speech at all.
_SILENCE_RMS = 10 ** (-50 / 20)


@dataclass
class _Answer:
    text: str
    wav: Path | None = None
    clip: Any = None  # app.speech.AudioClip, decoded before the rehearsal starts
    recognizer_ms: float | None = None


def _is_wav_path(answer: str) -> bool:
    return answer.lower().endswith(".wav") and (Path(answer).is_file() or not answer.split()[1:])


def _read_answers(raw: list[str], settings: Settings) -> list[_Answer]:
    """Typed answers as they are; WAV answers read, checked and recognized (CliError if not)."""
    answers: list[_Answer] = []
    wavs: list[_Answer] = []
    for text in raw:
        if not text.strip():
            raise CliError("an --answer is empty; type what you would say, or give a .wav file")
        if _is_wav_path(text):
            wavs.append(_Answer(text="", wav=Path(text)))
            answers.append(wavs[-1])
        else:  # bytes the locale could not decode become U+FFFD, not lone surrogates
            clean = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            answers.append(_Answer(text=clean))
    if not wavs:
        return answers
    from app.speech import AudioClip, SpeechError, WhisperRecognizer
    from app.speech.audio import rms

    for answer in wavs:
        assert answer.wav is not None
        if not answer.wav.exists():
            raise CliError(f"{answer.wav}: no such audio file")
        try:
            answer.clip = AudioClip.from_wav(answer.wav, max_seconds=settings.max_answer_s)
        except SpeechError as exc:
            raise CliError(str(exc)) from exc
        if rms(answer.clip.samples) < _SILENCE_RMS:
            raise CliError(f"{answer.wav} is silent; it holds no answer to recognize")
    model = Path(settings.model_dir) if settings.model_dir else None
    engine = WhisperRecognizer(model_dir=model, choice=settings.recognizer, denoise=True)
    for answer in wavs:
        started = time.perf_counter()
        try:
            answer.text = engine.transcribe(answer.clip).text.strip()
        except SpeechError as exc:
            raise CliError(f"{answer.wav}: {exc}") from exc
        answer.recognizer_ms = (time.perf_counter() - started) * 1000
        if not answer.text:
            raise CliError(f"{answer.wav}: no words were recognized in it")
    return answers


_KEPT_COUNT = re.compile(r"\s*\(\d+ unsaved turns? kept in memory\.\)$")


def news(message: str, said: set[str]) -> bool:
    """Whether `message` is news: not a sentence already in `said` (the count of turns kept in
    memory aside, which grows with each refused write); it is added to `said`."""
    key = _KEPT_COUNT.sub("", message)
    if key in said:
        return False
    said.add(key)
    return True


#: `play` with no answer at all is a usage error: it would save an empty "incomplete" session.
NO_ANSWER: Final = (
    "play needs --answer: give each of your answers in order, e.g. "
    'frameshift play {scenario} --answer "Hi, I came to learn about the work"'
)


def unused_line(n: int) -> str:
    """ "1 answer not used: ...", "3 answers not used: ..." (a line of the text output)."""
    return f"{n} answer{'' if n == 1 else 's'} not used: the conversation had ended.\n"


def lost_line(
    session_id: object, lost: list[int], reason: str, numbers: AnswerNumbers | None = None
) -> str:
    """The saved-without-recordings line; `lost` are 0-based turn indices of answers, named
    as the replay names them ("answer 2", "answers 2 and 5")."""
    named = (numbers or AnswerNumbers()).listed(lost, cap=len(lost))
    return (
        f"frameshift: saved as session {session_id}, but WITHOUT the recording of "
        f"{named} ({reason}); the text of every turn is saved."
    )


def partly_saved_line(n: int) -> str:
    """The partly-saved line, its count in agreement ("1 write was", "2 writes were")."""
    was = "1 write was" if n == 1 else f"{n} writes were"
    return (
        f"frameshift: this rehearsal was only partly saved: {was} refused (see above), and "
        "this command cannot wait for a retry. The transcript above is the only full copy."
    )


def run(args: argparse.Namespace, settings: Settings, stdout: TextIO, stderr: TextIO) -> int:
    if not args.answer:  # before the scenario, the store or anything else: nothing is saved
        raise CliError(NO_ANSWER.format(scenario=" ".join(str(args.scenario).split())[:60]))
    try:
        scenario = find_scenario(
            args.scenario, installed_scenario_dirs(settings.extra_scenario_dirs())
        )
    except ScenarioError as exc:
        raise CliError(str(exc)) from exc
    answers = _read_answers(list(args.answer), settings)
    store, notices = open_store(settings)
    for n in notices:
        print(f"frameshift: {n}", file=stderr)

    said: set[str] = set()

    def notice(message: str) -> None:
        if news(message, said):  # a refusal repeated at each turn is said once (trial 8 H16)
            print(f"frameshift: {message}", file=stderr)

    # Questions are matched as the app matches them once warm: with the sentence model (a
    # batch run has no first paint to keep fast, so it waits the second it takes to load).
    prepare(scenario.knowledge)
    mode = "voice" if any(a.wav for a in answers) else "typed"
    conv = Conversation(
        scenario,
        store,
        recordings=Recordings(settings.data_dir),
        mode=mode,
        seed=args.seed,
        on_notice=notice,
    )
    conv.begin()
    used = 0
    for answer in answers:
        if conv.reached_end:
            break
        conv.answer(answer.text, clip=answer.clip, recognizer_ms=answer.recognizer_ms)
        used += 1
    analysis = conv.end(None if conv.reached_end else "out_of_answers")  # not "left early"
    saved = store is not None and conv.flush() and conv.session_id is not None
    if store is not None:
        store.close()
    leftover = list(args.answer)[used:]
    outcome = conv.outcome.label if conv.outcome and conv.reached_end else "incomplete"
    if args.json:
        payload: dict[str, Any] = {
            "session_id": conv.session_id if saved else None,
            "saved": saved,
            "scenario": scenario.id,
            "outcome": outcome,
            "outcome_id": conv.outcome.id if conv.outcome and conv.reached_end else None,
            "path": list(conv.runner.path),
            **analysis.to_dict(),
            "transcript": [{"speaker": t.speaker, "text": t.text} for t in conv.turns],
            "unused_answers": leftover,
            "lost_recordings": sorted(conv.lost_recordings),
        }
        print_json(payload, stdout)
    else:
        who = scenario.persona.name
        numbers = answer_numbers(conv.turns)
        for t in conv.turns:
            ta = analysis.turns[t.idx]
            tag = f"  [{ta.frame}]" if t.speaker == "seeker" else ""
            speaker = who if t.speaker == "manager" else f"You ({numbers.name(t.idx)})"
            stdout.write(f"{speaker}: {t.text}{tag}\n")
        stdout.write(f"\nOutcome: {outcome}\n")
        if analysis.shift is None:
            verdict = Verdict.of(
                ((t.index, t.speaker, t.frame) for t in analysis.turns), None, conv.reached_end
            )
            curious = count_questions(
                (t.index, t.speaker, conv.turns[t.index].text, [c.to_dict() for c in t.cues])
                for t in analysis.turns
            ).curious
            stdout.write(f"{verdict.headline}: {verdict.sentence(asked_curious=curious > 0)}\n")
        else:
            stdout.write(
                f"Shifted at {numbers.name(analysis.shift.turn).lower()}: "
                f"{analysis.shift.explanation}\n"
            )
        if leftover:
            stdout.write(unused_line(len(leftover)))
        if saved and not conv.lost_recordings:
            stdout.write(f"Saved as session {conv.session_id}.\n")
    if saved and conv.lost_recordings:
        stdout.flush()
        reason = conv.lost_recordings[max(conv.lost_recordings)]
        lost = sorted(conv.lost_recordings)
        numbers = answer_numbers(conv.turns)
        print(lost_line(conv.session_id, lost, reason, numbers), file=stderr)
        return EXIT_BAD_INPUT
    if saved:
        return EXIT_OK
    stdout.flush()
    if store is None:
        reason = (notices or ["the history could not be opened."])[-1]
        print(f"frameshift: this rehearsal was NOT saved. {reason}", file=stderr)
    else:
        print(partly_saved_line(conv.unsaved), file=stderr)
    return EXIT_BAD_INPUT
