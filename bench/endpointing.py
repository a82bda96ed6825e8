"""End of turn: how often a mid-sentence pause is taken for the end, and how long a finished
sentence waits. Prints ONE JSON object.

    .venv/bin/python bench/endpointing.py [--set dev|report|both] [--limit N]
        [--recognizer auto|accurate|fast] [--configs a,b,...] [--explain] [--no-cues]
        [--cache DIR]

``--cache DIR`` keeps the sets' clips and every model answer (words, doubt, Smart Turn, Silero)
between runs, so a rule is tried again in a minute, not a quarter of an hour, with the first
run's model times; the voice's ending is measured again whenever app/speech/prosody.py changed.
A run of older code with the same cache (a copy of this file in its worktree) is paired on the
very same decodes. ``--no-cues`` skips the cue tables (their extra decodes, tiny.en's too).

Two sets, never mixed: ``dev`` (sentences written here and writer e2's 300 in
tests/data/endpointing/dev-e2.jsonl, voices A, seed 1: tune on this one) and ``report``
(tests/data/endpointing/sentences.jsonl or ``--report-file``: 140 sentences with a natural
mid-thought pause and 100 finished answers by an independent writer, e1, spoken in voices B
that dev never uses, seed 2: report this one, never tune on it). Each sentence is
spoken at a random rate (130-190 wpm); a paused one gets a random 300-1200 ms SSML <break> after
its pause word (the voice keeps its mid-sentence intonation); each clip gets 0.5 s of lead-in,
3.5 s of trailing quiet and white room noise at a random -62..-46 dBFS.

Every clip goes through the detector in 20 ms chunks, in each configuration, in one run:

* ``fixed_hangover``: the energy VAD and a fixed 550 ms hang-over (the old product);
* ``silero_fixed``: Silero VAD with the same hang-over;
* ``smart_turn``: Silero + Smart Turn v3.2 at 0.5, looks at 200 ms then every 500 ms;
* ``smart_turn_one_look``: one look at 200 ms, as pipecat does; then the 2.5 s cap;
* ``words``: the product (``VadConfig(use_text=True)``): one Smart Turn look plus the words of
  the pause judged by ``app.speech.endwords.judge``: first the microphone's quick words (tiny.en
  on the pause's last 3-4.5 s from a gap between words, on the end-of-turn thread), then the
  app's Whisper decoding the whole answer so far on the STT thread (both start when the pause
  is 120 ms old; of the two looks the more cautious verdict stands): words that stop
  mid-sentence hold the turn to the cap, finished words end it after 200 ms of pause, unsure
  ones (or a doubted last word) after 1.2 s, a doubted last word said with a clear final fall
  after 600 ms; Smart Turn ends nothing while the words are on; words that end a sentence said
  without a final pitch fall (app.speech.prosody) wait as unsure;
* ``words_no_prosody``: the same rule with the voice's prosody off (``text_prosody=False``);
* ``words_whole_only``: the same rule without the quick words (the whole answer's decode only,
  as a Heard with its last word's probability, as the app's pause decode emits it);
* ``words_finished_0/300/600/900``: finished words wait for Smart Turn >= 0.8 or that long;
* ``words_no_model``: the words and the clock only (Smart Turn never ends a pause);
* ``words_s7``: session 7's rule (the quick words decode a fixed last 3 s, which starts
  mid-word; doubted words wait as unsure whatever the voice did); ``words_fixed_tail``: today's
  rule with that fixed tail (decoded at the same time as the others); ``words_no_fall``: doubted
  words said with a clear final fall wait as unsure too; ``words_fall_400/800``: they wait
  400 / 800 ms (the product: 600);
* ``words_one_decode_s10``: session 10's rule written out; ``_vo400..900``: sure finished words
  that only the voice holds wait that long (``VadConfig.text_voice_only_ms``, not taken;
  ``words_one_decode_product_vo600..900[_p90|_p95|_w6..10]``: on the product, only for a last
  word at least 0.90 / 0.95 sure, a last sentence of 6-10+ words: session 17 shipped _w10 at
  600 ms; ``--voices`` to speak dev in Piper's joe too; each config's ``by_voice_family``);
  ``_fall300..500``: the doubt-with-a-fall wait; ``_ss64/96``: the pause announced sooner;
  ``_early32/64``: the pause's decode started at its first (second) silent frame, its words
  used for the announced pause when only silence came in between (the product: 32);
* ``...@quiet``: the same with the model times of a quiet machine (QUIET_MS).

The models run for real; their answers reach the detector as late as they took to compute in this
run (Smart Turn and the quick words one after another on the end-of-turn thread, the whole
answer's decodes one after another on the STT thread; a pause's quick words and whole-answer
words are computed at the same time, as the app's two threads do, so each pays for the other's
use of the cores), so delays are in audio time plus this machine's compute at this load. The
whole answer's words are decoded in a window sized to the audio: the app's cheap pass since
two-pass decoding (the accurate full-window pass runs after the end, while the reply plays).
Not modelled: the STT thread's streaming decodes during speech, which may bring words earlier or
still hold the thread when a pause begins (bench/turn_gap.py measures the real window).

``cut_rate``: share of paused sentences whose turn ended before their last word.
``finished_delay_ms``: last voiced sample of a finished sentence to the end of turn;
``finished_ended_within_700_ms``: how many of them ended that soon (it moves less than the
median, which sits between the finished and unsure waits).
Targets: cut_rate <= 5 %, median finished delay <= 300 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from app.speech.audio import AudioClip, frame_levels
from app.speech.endpoint import SileroVoice, SmartTurn
from app.speech.endwords import asks, judge
from app.speech.prosody import Ending, ending
from app.speech.quickwords import TAIL_S, QuickWords
from app.speech.quickwords import heard as quick_heard
from app.speech.stt_whisper import FULL_WINDOW_FRAMES, WhisperRecognizer
from app.speech.vad import (
    PauseBegan,
    SilenceStarted,
    SpeechEnded,
    TurnCheck,
    Vad,
    VadConfig,
    VadEvent,
)
from app.speech.worker import only_silence_after

RATE = 16_000
VERDICTS = ("unfinished", "unsure", "finished")
LOUD = 0.01
DATA = Path(__file__).resolve().parents[1] / "tests/data/endpointing"
REPORT_FILE = DATA / "sentences.jsonl"
#: A second independent writer's dev sentences (e2): tuned on, with the ones written here.
DEV_FILE = DATA / "dev-e2.jsonl"

#: dev: written here. "|" marks where the speaker stops to think.
DEV_PAUSED = [
    "I would like to | understand the team first.",
    "Honestly, I think the hardest part was | learning to ask for help.",
    "Not really, but I | could learn it quickly.",
    "What I enjoy most is | finding out why the numbers do not add up.",
    "I have been working as a | data analyst for five years.",
    "Could you tell me more about | how the team decides what to build?",
    "My last project was about | cutting the reporting time in half.",
    "I am curious about | what a typical week looks like here.",
    "Before that, I studied | engineering in Chicago.",
    "The thing is, I | have never used that tool at work.",
    "Hmm, | I guess the answer is yes.",
    "We built a small | tool for tracking shipments.",
    "My favourite part of the job is | talking with the nurses.",
    "I moved here because | my partner got a job in the city.",
    "At the moment I am mostly | writing reports for the sales team.",
    "If I had to pick one thing, it would be | the mentoring.",
    "Do you think the team would | be open to someone from retail?",
    "I taught maths for | eight years before I switched.",
    "So what I usually do is, | uh, I sketch it on paper first.",
    "Right now I am looking for | something closer to research.",
]
DEV_FINISHED = [
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
    "I'd love to.",
    "Where are you based?",
    "Mostly spreadsheets and a bit of Python.",
    "That makes sense.",
    "Who would I be working with?",
    "I think so.",
    "It was hard at first, but I learned a lot.",
    "What do you like most about working here?",
    "Sure, that would be great.",
    "I've never done that before.",
]
SETS = {
    "dev": {"voices": ["en-us", "en-gb", "flite:kal16", "en-us+f3", "en-gb-x-rp+m3"], "seed": 1},
    "report": {
        "voices": [
            "en-gb-scotland", "piper:joe", "en-029+f2", "flite:slt", "en-us+m7", "flite:awb",
            "en-gb-x-gbclan+f4",
        ],
        "seed": 2,
    },
}  # fmt: skip


@dataclass(frozen=True)
class Item:
    kind: str  # "paused" or "finished"
    text: str
    voice: str
    clip: AudioClip
    last_s: float  # where the last word ends


def read_rows(path: Path) -> list[tuple[str, str]]:
    """(kind, text with "|" at the pause) of a writer's JSONL file."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        words = row["text"].split()
        if row["kind"] == "paused":
            k = int(row["pause_after_word"])
            out.append(("paused", " ".join([*words[:k], "|", *words[k:]])))
        else:
            out.append(("finished", row["text"]))
    return out


def sentences(name: str, report_file: Path) -> list[tuple[str, str]]:
    """(kind, text with "|" at the pause) of a set. dev: the sentences written here, each of 4+
    words paused once more at a random word (people stop after any word, not only the usual
    ones), and writer e2's (DEV_FILE)."""
    if name == "dev":
        rng = random.Random(11)
        anywhere = []
        for text in [t.replace("| ", "") for t in DEV_PAUSED] + DEV_FINISHED:
            words = text.split()
            if len(words) >= 4:
                k = rng.randint(1, len(words) - 1)
                anywhere.append(("paused", " ".join([*words[:k], "|", *words[k:]])))
        here = [("paused", t) for t in DEV_PAUSED] + anywhere
        here += [("finished", t) for t in DEV_FINISHED]
        return here + (read_rows(DEV_FILE) if DEV_FILE.is_file() else [])
    return read_rows(report_file)


def espeak(text: str, out: Path, voice: str, rate: int) -> AudioClip:
    cmd = ["espeak-ng", "-m", "-v", voice, "-s", str(rate), "-w", str(out), text]
    subprocess.run(cmd, check=True, capture_output=True, timeout=30)
    return AudioClip.from_wav(out).resampled(RATE)


def natural(text: str, out: Path, voice: str, rate: int) -> AudioClip:
    """A Piper or Flite voice (``piper:joe``, ``flite:slt``) as the app speaks its lines."""
    from app.dialogue.model import VoiceSettings

    engine_name, name = voice.split(":", 1)
    if engine_name == "piper":
        from app.speech.tts_piper import PiperTts

        engine: object = PiperTts()
    else:
        from app.speech.tts_flite import FliteTts

        engine = FliteTts()
    engine.render(text, VoiceSettings(voice=name, rate=rate), out)  # type: ignore[attr-defined]
    return AudioClip.from_wav(out).resampled(RATE)


def pause_at_word(clip: AudioClip, k: int, pause_ms: int, model: object) -> AudioClip | None:
    """Insert ``pause_ms`` of silence after the k-th word, found by Whisper's word timestamps
    (cut at the quietest 10 ms between the two words); None when the words do not line up."""
    x = clip.to_float()
    if hasattr(model, "frames"):  # Whisper's whole 30 s window, whatever the last decode sized
        model.frames = FULL_WINDOW_FRAMES
    segments, _ = model.transcribe(x, language="en", beam_size=1, word_timestamps=True)  # type: ignore[attr-defined]
    words = [w for seg in segments for w in (seg.words or [])]
    if k <= 0 or k >= len(words):
        return None
    lo, hi = int(words[k - 1].end * RATE) - 640, int(words[k].start * RATE) + 640
    lo, hi = max(0, lo), min(len(x), max(hi, lo + 320))
    frames = [(float(np.sqrt((x[j : j + 160] ** 2).mean())), j) for j in range(lo, hi - 160, 80)]
    if not frames:
        return None
    cut = min(frames)[1] + 80
    gap = np.zeros(RATE * pause_ms // 1000, dtype=np.float32)
    return AudioClip.from_samples(np.concatenate([x[:cut], gap, x[cut:]]), RATE)


def last_voiced_s(samples: np.ndarray) -> float:
    frame = RATE // 100
    loud = np.flatnonzero(frame_levels(samples, frame) > LOUD)
    return float((loud[-1] + 1) * frame / RATE) if loud.size else 0.0


def with_room(clip: AudioClip, rng: np.random.Generator) -> AudioClip:
    x = np.concatenate([np.zeros(RATE // 2), clip.to_float(), np.zeros(7 * RATE // 2)])
    level = 10 ** (rng.uniform(-62, -46) / 20)
    x = x + rng.normal(0, level, len(x))
    return AudioClip.from_samples(x.astype(np.float32), RATE)


def make_set(
    name: str, report_file: Path, limit: int | None, work: Path, aligner: object
) -> list[Item]:
    spec = SETS[name]
    rng = np.random.default_rng(int(spec["seed"]))  # type: ignore[call-overload]
    rows = sentences(name, report_file)
    if limit is not None and limit < len(rows):
        keep = set(random.Random(int(spec["seed"])).sample(range(len(rows)), limit))  # type: ignore[call-overload]
        rows = [r for i, r in enumerate(rows) if i in keep]
    items = []
    voices = list(spec["voices"])  # type: ignore[call-overload]
    for i, (kind, text) in enumerate(rows):
        voice = voices[i % len(voices)]
        rate = int(rng.integers(130, 191))
        pause = int(rng.integers(300, 1201))
        before, _, after = (part.strip() for part in text.partition("|"))
        spoken: AudioClip | None = None
        if ":" in voice:  # a natural voice: speak it whole, open the pause at the word
            whole = natural(f"{before} {after}".strip(), work / "n.wav", voice, rate)
            spoken = whole
            if kind == "paused":
                spoken = pause_at_word(whole, len(before.split()), pause, aligner)
            if spoken is None:  # the words did not line up: eSpeak says this one
                voice = str(spec["voices"][0])  # type: ignore[index]
        if spoken is None:
            said = f'<speak>{before} <break time="{pause}ms"/> {after}</speak>'
            spoken = espeak(said if kind == "paused" else text, work / "s.wav", voice, rate)
        clip = with_room(spoken, rng)
        items.append(Item(kind, text, voice, clip, last_voiced_s(clip.samples)))
    return items


class _QuickModels:
    """tiny.en's quick words (app.speech.quickwords.QuickWords), loaded on a thread of their own
    as EndpointModels loaded them until session 9."""

    def __init__(self) -> None:
        import threading

        self._words: QuickWords | None = None
        self._loaded = threading.Event()
        self._started = False
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._load, daemon=True)

    def start(self) -> None:
        """Load tiny.en (once): only runs whose configurations or cues use the quick words."""
        with self._lock:
            if not self._started:
                self._started = True
                self._thread.start()

    def _load(self) -> None:
        try:
            self._words = QuickWords()
        finally:
            self._loaded.set()

    def wait(self, timeout_s: float | None = None) -> bool:
        self.start()
        return self._loaded.wait(timeout_s)

    def words(self, clip: AudioClip) -> str | None:
        self.wait()
        return self._words(clip) if self._words is not None else None


class Oracle:
    """The real models, each answer remembered with the time it took (shared by configs)."""

    def __init__(self, choice: str = "auto") -> None:
        self.turn_model = SmartTurn()
        # The pause's whole-answer words, decoded in a window sized to the audio: the same words
        # as the app's 30 s window on this quiet-room audio, ~6x cheaper, so a run fits a busy
        # machine; their TIME is this run's (at load) or QUIET_MS["text"] (@quiet).
        self.recognizer = WhisperRecognizer(choice=choice, window=True)
        self.recognizer.load()
        self.aligner = self.recognizer._model  # faster-whisper itself, for word timestamps
        # The quick words the microphone decoded at every pause until session 9 (tiny.en, the
        # last 3-4.5 s from a gap between words); the "words" configurations still use them.
        self.quick = _QuickModels()
        self._turn: dict[bytes, tuple[float, float]] = {}
        self._text: dict[bytes, tuple[str, float]] = {}
        self._tail: dict[bytes, tuple[str, float]] = {}
        self._tail_fixed: dict[bytes, tuple[str, float]] = {}
        self._heard: dict[bytes, tuple[str, float]] = {}
        # Session 7's fixed tail is decoded too, AT THE SAME TIME as the others (three threads
        # on two cores: each time at load pays for all three; compare tails within one run).
        self.fixed_too = False

    def save(self, path: Path) -> None:
        """Every model answer so far (and Silero's and the prosody's), for a later run's
        ``--cache``: the same clips are then decided without decoding again (the times kept are
        those of the run that decoded them)."""
        import pickle

        state = {
            "recognizer": self.recognizer.model_name,
            "turn": self._turn,
            "text": self._text,
            "heard": {k: (_plain(v[0]), v[1]) for k, v in self._heard.items()},
            "silero": SILERO._cache,
            "prosody": PROSODY._cache,
            "prosody_source": _prosody_source(),
        }
        path.write_bytes(pickle.dumps(state))

    def restore(self, path: Path) -> None:
        import pickle

        if not path.is_file():
            return
        state = pickle.loads(path.read_bytes())
        if state.get("recognizer") != self.recognizer.model_name:
            return
        self._turn.update(state["turn"])
        self._text.update(state["text"])
        self._heard.update({k: (_heard_of(*v[0]), v[1]) for k, v in state["heard"].items()})
        SILERO._cache.update(state["silero"])
        if state.get("prosody_source") == _prosody_source():  # else measured again here
            PROSODY._cache.update(state["prosody"])

    def turn(self, clip: AudioClip) -> tuple[float, float]:
        if clip.pcm not in self._turn:
            t0 = time.perf_counter()
            p = self.turn_model(clip)
            self._turn[clip.pcm] = (p, (time.perf_counter() - t0) * 1000)
        return self._turn[clip.pcm]

    def text(self, clip: AudioClip) -> tuple[str, float]:
        if clip.pcm not in self._text:
            t0 = time.perf_counter()
            # As the app's pause decode emits it (SpeechWorker.partial_text): a plain str, with
            # no word probabilities (the app decodes without timestamps), so no doubt of its
            # last word (session 7's bench gave it one the app never had).
            text = self.recognizer.transcribe(clip).text
            self._text[clip.pcm] = (text, (time.perf_counter() - t0) * 1000)
        return self._text[clip.pcm]

    def heard(self, clip: AudioClip) -> tuple[str, float]:
        """The pause's words as the app's one pause decode gives them since session 9
        (``SpeechWorker.partial_text`` with a :class:`~app.speech.quickwords.Heard`): the app's
        Whisper in a window sized to the audio, with its last word's probability and the voice's
        ending measured on the same thread; decoded ALONE (no quick words beside it), as the app
        now does. The app decodes the answer's last 3 s or more after the words streaming heard,
        with the words before as context; here the whole clip (the dev answers are short)."""
        if clip.pcm not in self._heard:
            t0 = time.perf_counter()
            _transcript, words = self.recognizer.transcribe_words(clip)
            found = quick_heard(words)
            PROSODY.ending(clip)  # timed with the words, as on the app's STT thread
            self._heard[clip.pcm] = (found, (time.perf_counter() - t0) * 1000)
        said, ms = self._heard[clip.pcm]
        # The voice's ending as this run's app.speech.prosody judges it (words cached by an
        # earlier run with --cache keep their words and doubt, never its prosody).
        voice = PROSODY.ending(clip)
        said.continues = voice is not None and voice.continues  # type: ignore[attr-defined]
        said.falls = voice is not None and voice.falls  # type: ignore[attr-defined]
        return said, ms

    def heard_ms(self) -> list[float]:
        return [ms for _, ms in self._heard.values()]

    def tail(self, clip: AudioClip) -> tuple[str, float]:
        if clip.pcm not in self._tail:
            self.quick.wait()
            t0 = time.perf_counter()
            text = self.quick.words(clip) or ""
            self._tail[clip.pcm] = (text, (time.perf_counter() - t0) * 1000)
        return self._tail[clip.pcm]

    def tail_fixed(self, clip: AudioClip) -> tuple[str, float]:
        """The quick words as session 7 heard them: the last TAIL_S whatever it starts on."""
        if clip.pcm not in self._tail_fixed:
            self.quick.wait()
            words = self.quick._words  # the microphone's QuickWords
            audio = clip.resampled(RATE)
            t0 = time.perf_counter()
            start = max(0, len(audio.samples) - int(TAIL_S * RATE))
            text = words.hear(audio, start) if words is not None else ""
            self._tail_fixed[clip.pcm] = (text, (time.perf_counter() - t0) * 1000)
        return self._tail_fixed[clip.pcm]

    def both(self, clip: AudioClip) -> None:
        """The pause's quick words and whole-answer words, decoded AT THE SAME TIME as the app
        does (the end-of-turn thread and the STT thread both start when the pause is 120 ms
        old), so each one's time includes the other's contention for the cores."""
        if clip.pcm in self._tail and clip.pcm in self._text:
            return
        calls = [self.tail, self.text, *([self.tail_fixed] if self.fixed_too else [])]
        with ThreadPoolExecutor(len(calls)) as pool:
            for done in [pool.submit(call, clip) for call in calls]:
                done.result()

    def tail_ms(self) -> list[float]:
        return [ms for _, ms in self._tail.values()]

    def turn_ms(self) -> list[float]:
        return [ms for _, ms in self._turn.values()]

    def text_ms(self) -> list[float]:
        return [ms for _, ms in self._text.values()]


def _prosody_source() -> str:
    """app.speech.prosody's code, as a hash: a cached voice ending is kept only for the same."""
    import hashlib
    import inspect

    from app.speech import prosody

    return hashlib.sha256(inspect.getsource(prosody).encode()).hexdigest()


def _plain(said: str) -> tuple[object, ...]:
    """A Heard as plain values (pickled without the class)."""
    return (
        str(said),
        getattr(said, "last_p", 1.0),
        getattr(said, "looped", False),
        getattr(said, "continues", None),
        getattr(said, "falls", None),
    )


def _heard_of(text: str, last_p: float, looped: bool, continues: object, falls: object) -> str:
    from app.speech.quickwords import Heard

    return Heard(text, last_p, looped=looped, continues=continues, falls=falls)  # type: ignore[arg-type]


#: Model times assumed for a quiet machine (``@quiet`` configurations), not this run's own:
#: Smart Turn's look (49 ms median in a quiet run here), the whole answer's decode (the cheap
#: pass, base in a window sized to the answer: 0.06-0.15 s for a 5-10 s answer, voice-gap's
#: session-6 figure; tiny.en took 396 ms with a 30 s window) and the quick words (tiny.en, the
#: last 3 s in a 5 s window: 60 ms, 80 with word probabilities).
QUIET_MS = {"turn": 50.0, "text": 150.0, "tail": 80.0}


def quiet_times(name: str) -> dict[str, float] | None:
    """The model times a configuration's name asks for: ``@quiet`` QUIET_MS, ``@quiet400`` the
    same with the pause's decode taking 400 ms (bench/turn_gap.py's quiet machine: the pause
    decode's words ~400 ms after it began), none: this run's own."""
    _name, at, suffix = name.partition("@")
    if not at:
        return None
    ms = suffix.removeprefix("quiet")
    return QUIET_MS | ({"text": float(ms)} if ms else {})


def ends(
    vad: Vad,
    clip: AudioClip,
    oracle: Oracle,
    quiet: bool | dict[str, float] | None = False,
    quick: str | None = None,
    one: bool = False,
) -> list[float]:
    """Audio time (s) of every end of turn, with each model answer arriving when it would:
    Smart Turn and (``quick``) the quick words one after another on the end-of-turn thread, the
    whole answer's decodes one after another on the STT thread; ``one``: the pause's one decode
    (:meth:`Oracle.heard`: words with their doubt and the voice's ending) on the STT thread, no
    quick words."""
    times = QUIET_MS if quiet is True else (quiet or None)
    step = RATE // 50
    samples = clip.samples
    out: list[float] = []
    pending: list[tuple[int, Callable[[], list[VadEvent]]]] = []
    stt_free = 0
    endpoint_free = 0
    began: tuple[AudioClip, int] | None = None  # the pause's early clip (pause_decode_ms)

    def on_endpoint_thread(ms: float, now: int) -> int:
        nonlocal endpoint_free
        endpoint_free = max(now, endpoint_free) + int(ms * RATE / 1000)
        return endpoint_free

    def handle(events: list[VadEvent], now: int) -> None:
        nonlocal stt_free, began
        for e in events:
            if isinstance(e, SpeechEnded):
                out.append(now / RATE)
            elif isinstance(e, PauseBegan):
                began = (e.clip, now)
            elif isinstance(e, TurnCheck):
                p, ms = oracle.turn(e.clip)
                ms = times["turn"] if times else ms
                due = on_endpoint_thread(ms, now)
                pending.append((due, partial(vad.turn_verdict, e.look, p)))
            elif isinstance(e, SilenceStarted) and vad.config.use_text:
                if quick:
                    oracle.both(e.clip)
                    said, ms = (oracle.tail_fixed if quick == "fixed" else oracle.tail)(e.clip)
                    ms = times["tail"] if times else ms
                    due = on_endpoint_thread(ms, now)
                    if said.strip():  # as the microphone: nothing heard is no evidence
                        pending.append((due, partial(vad.hint_text, e.clip, said, tail=True)))
                if one and began is not None and only_silence_after(began[0], e.clip):
                    # As app.speech.worker: the decode began at the pause's first silent frame
                    # (PauseBegan); its words count for this pause, published no sooner than now.
                    text, ms = oracle.heard(began[0])
                    ms = times["text"] if times else ms
                    start = max(began[1], stt_free)
                    stt_free = start + int(ms * RATE / 1000)
                    pending.append((max(now, stt_free), partial(vad.hint_text, e.clip, text)))
                    began = None
                    continue
                began = None
                text, ms = (oracle.heard if one else oracle.text)(e.clip)
                ms = times["text"] if times else ms
                start = max(now, stt_free)  # one decode at a time on the STT thread
                stt_free = start + int(ms * RATE / 1000)
                pending.append((stt_free, partial(vad.hint_text, e.clip, text)))

    for i in range(0, len(samples), step):
        now = i + step
        handle(vad.feed(samples[i : i + step]), now)
        due = [p for p in pending if p[0] <= now]
        for entry in due:
            pending.remove(entry)
            handle(entry[1](), now)
    return out


class ReplayedSilero:
    """Silero VAD's answers for one clip's frames, computed once: Silero keeps state, so the same
    frames in the same order get the same answers in every configuration (call :meth:`start`
    with the clip before each pass)."""

    def __init__(self) -> None:
        self._model = SileroVoice()
        self._cache: dict[bytes, list[float]] = {}
        self._probs: list[float] = []
        self._i = 0

    def start(self, clip: AudioClip) -> None:
        if clip.pcm not in self._cache:
            self._model.reset()
            self._cache[clip.pcm] = []
        self._probs = self._cache[clip.pcm]
        self._i = 0

    def __call__(self, frame: np.ndarray) -> float:
        if self._i == len(self._probs):  # the first pass: in order, from the clip's start
            self._probs.append(self._model(frame))
        self._i += 1
        return self._probs[self._i - 1]


SILERO = ReplayedSilero()


class CachedProsody:
    """app.speech.prosody's ending of each pause's clip, computed once for all configurations."""

    def __init__(self) -> None:
        self._cache: dict[bytes, Ending | None] = {}
        self.ms: list[float] = []

    def ending(self, clip: AudioClip) -> Ending | None:
        if clip.pcm not in self._cache:
            t0 = time.perf_counter()
            self._cache[clip.pcm] = ending(clip)
            self.ms.append((time.perf_counter() - t0) * 1000)
        return self._cache[clip.pcm]

    def __call__(self, clip: AudioClip) -> bool:
        found = self.ending(clip)
        return found is not None and found.continues


PROSODY = CachedProsody()


def one_look(**kw: object) -> VadConfig:
    return VadConfig(end_of_turn_recheck_ms=60_000, **kw)  # type: ignore[arg-type]


def asking(config: VadConfig, question: Callable[[str], bool] = asks) -> Vad:
    """Silero (replayed for the clip) and an end-of-turn model asked on its thread;
    ``question``: which finished words wait ``text_question_ms`` (the product: endwords.asks)."""
    return Vad(
        config, voice_prob=SILERO, ask_end_of_turn=True, continues=PROSODY, question=question
    )


CONFIGS: dict[str, Callable[[], Vad]] = {
    "fixed_hangover": lambda: Vad(VadConfig()),
    "silero_fixed": lambda: Vad(VadConfig(), voice_prob=SILERO),
    "smart_turn": lambda: Vad(VadConfig(), voice_prob=SILERO, ask_end_of_turn=True),
    "smart_turn_one_look": lambda: Vad(one_look(), voice_prob=SILERO, ask_end_of_turn=True),
    # The product's defaults (VadConfig(use_text=True)): words that end or may end a sentence end
    # the pause at p >= 0.8 or after 1.2 s; the words come from the quick decode of the pause's
    # last 3 s, then from the whole answer's decode.
    "words": lambda: asking(VadConfig(use_text=True)),
    # The same without the voice's prosody (finished words end the pause whatever the pitch).
    "words_no_prosody": lambda: asking(VadConfig(use_text=True, text_prosody=False)),
    # The same rule with the whole answer's decode only (no quick words).
    "words_whole_only": lambda: asking(VadConfig(use_text=True)),
    # Finished words wait for Smart Turn's yes or 0 / 300 / 600 / 900 ms of silence.
    "words_finished_0": lambda: asking(VadConfig(use_text=True, text_finished_ms=0)),
    "words_finished_300": lambda: asking(VadConfig(use_text=True, text_finished_ms=300)),
    "words_finished_600": lambda: asking(VadConfig(use_text=True, text_finished_ms=600)),
    "words_finished_900": lambda: asking(VadConfig(use_text=True, text_finished_ms=900)),
    # No model at all: the words and the clock.
    "words_no_model": lambda: asking(VadConfig(use_text=True, text_threshold=2.0)),
    # Session 8's two changes, each taken away (and both: session 7's rule): the quick words'
    # fixed last 3 s (not a tail from a gap between words); no shorter wait for doubted words
    # said with a clear final fall.
    "words_s7": lambda: asking(VadConfig(use_text=True, text_doubt_fall_ms=None)),
    "words_fixed_tail": lambda: asking(VadConfig(use_text=True)),
    "words_no_fall": lambda: asking(VadConfig(use_text=True, text_doubt_fall_ms=None)),
    "words_fall_400": lambda: asking(VadConfig(use_text=True, text_doubt_fall_ms=400)),
    "words_fall_800": lambda: asking(VadConfig(use_text=True, text_doubt_fall_ms=800)),
}


def waits(finished: int, unsure: int, model: bool = True, sure_p: float | None = None) -> Vad:
    """The words' rule with these waits (ms of pause) for finished and unsure words; ``model``
    False: Smart Turn never ends a pause; ``sure_p``: VadConfig.text_sure_p (0: quick words'
    doubt about their last word ignored)."""
    kw: dict[str, object] = {"text_finished_ms": finished, "text_unsure_ms": unsure}
    if not model:
        kw["text_threshold"] = 2.0
    if sure_p is not None:
        kw["text_sure_p"] = sure_p
    return asking(VadConfig(use_text=True, **kw))  # type: ignore[arg-type]


#: The waits chosen on dev (finished words / unsure words, ms of pause): a grid around them.
for _f in (0, 200, 400):
    for _u in (600, 900, 1200):
        CONFIGS[f"words_f{_f}_u{_u}"] = partial(waits, _f, _u)
        CONFIGS[f"words_f{_f}_u{_u}_no_model"] = partial(waits, _f, _u, False)
CONFIGS["words_f200_u900_no_doubt"] = partial(waits, 200, 900, True, 0.0)
# Session 9: the pause's one decode (the app's Whisper, its words with their doubt and the
# voice's ending, Oracle.heard) instead of tiny.en's quick words beside a plain whole decode;
# the same rule, and its doubt threshold (VadConfig.text_sure_p) at other values.
CONFIGS["words_one_decode"] = lambda: asking(VadConfig(use_text=True))
for _p in (0.5, 0.8, 0.9):
    CONFIGS[f"words_one_decode_p{_p}"] = partial(
        lambda p: asking(VadConfig(use_text=True, text_sure_p=p)), _p
    )
# Session 11: how long sure finished words wait when only the voice says it goes on
# (VadConfig.text_voice_only_ms; None: the unsure wait), and doubted words said with a clear
# fall (text_doubt_fall_ms); "_s10": session 10's rule written out, whatever the defaults.
CONFIGS["words_one_decode_s10"] = lambda: asking(
    VadConfig(use_text=True, text_voice_only_ms=None, text_doubt_fall_ms=600)
)
for _vo in (400, 500, 600, 700, 800, 900):
    CONFIGS[f"words_one_decode_vo{_vo}"] = partial(
        lambda vo: asking(VadConfig(use_text=True, text_voice_only_ms=vo)), _vo
    )
for _fall in (300, 400, 500):
    CONFIGS[f"words_one_decode_fall{_fall}"] = partial(
        lambda fall: asking(VadConfig(use_text=True, text_doubt_fall_ms=fall)), _fall
    )
CONFIGS["words_one_decode_no_prosody"] = lambda: asking(
    VadConfig(use_text=True, text_prosody=False)
)
# ... and a pause announced (its decode started) sooner: VadConfig.silence_start_ms.
for _ss in (64, 96):
    CONFIGS[f"words_one_decode_ss{_ss}"] = partial(
        lambda ss: asking(VadConfig(use_text=True, silence_start_ms=ss)), _ss
    )
# Session 13: the pause's decode started at its first silent frame (or the second), its words
# used for the announced pause when only silence came in between (VadConfig.pause_decode_ms,
# the product's app.speech.factory.PAUSE_DECODE_MS); not modelled: the CPU an early decode takes
# before the voice comes back (the app stops it then: PauseBroken).
for _pd in (32, 64):
    CONFIGS[f"words_one_decode_early{_pd}"] = partial(
        lambda pd: asking(VadConfig(use_text=True, pause_decode_ms=pd)), _pd
    )
# ... with finished words ending the pause only after 416 / 448 / 512 ms of it
# (text_finished_ms): the pause decode's words land ~500 ms into a pause on a quiet machine
# (bench/turn_gap.py), and that latency is what kept Piper's comma pauses after a whole clause
# (320-450 ms: "Not yet, | who would you suggest...") from being cut; the early decode's words
# land ~300 ms in (the product: early32 with 512, app.speech.factory.FINISHED_WAIT_MS).
for _fw in (416, 448, 512):
    CONFIGS[f"words_one_decode_f{_fw}"] = partial(
        lambda fw: asking(VadConfig(use_text=True, text_finished_ms=fw)), _fw
    )
    CONFIGS[f"words_one_decode_early32_f{_fw}"] = partial(
        lambda fw: asking(VadConfig(use_text=True, pause_decode_ms=32, text_finished_ms=fw)), _fw
    )
# Session 15: the finished wait depends on what the words are, as a class: a whole question
# (endwords.asks) ends the pause after _q200.._q384 ms, statements after 512 as shipped;
# _qmark: any words Whisper closed with "?"; _qfall: a whole question whose voice did not go on
# (prosody's Ending.continues false); _long8/_long10: a statement whose last sentence has 8 / 10
# words or more (the clause's length) instead of a question. "words_product": the factory's
# constants (PAUSE_DECODE_MS, FINISHED_WAIT_MS, QUESTION_WAIT_MS), whatever they are.


def _marked(text: str) -> bool:
    return len(text.split()) >= 1 and text.rstrip().endswith("?")


def _asks_falling(text: str) -> bool:
    return asks(text) and not getattr(text, "continues", False)


def _long(n: int, text: str) -> bool:
    from app.speech.endwords import _SENTENCE, _WORD

    clause = _SENTENCE.split(text.strip().lower().rstrip(".?! "))[-1]
    return len(_WORD.findall(clause)) >= n


def _early_f512(short_ms: int, question: Callable[[str], bool] = asks) -> Vad:
    config = VadConfig(
        use_text=True, pause_decode_ms=32, text_finished_ms=512, text_question_ms=short_ms
    )
    return asking(config, question)


for _q in (200, 256, 320, 384):
    CONFIGS[f"words_one_decode_early32_f512_q{_q}"] = partial(_early_f512, _q)
    CONFIGS[f"words_one_decode_early32_f512_qmark{_q}"] = partial(_early_f512, _q, _marked)
    CONFIGS[f"words_one_decode_early32_f512_qfall{_q}"] = partial(_early_f512, _q, _asks_falling)
for _n in (8, 10):
    CONFIGS[f"words_one_decode_early32_f512_long{_n}"] = partial(
        _early_f512, 256, partial(_long, _n)
    )


def _product() -> Vad:
    from app.speech import factory

    config = VadConfig(
        use_text=True,
        pause_decode_ms=factory.PAUSE_DECODE_MS,
        text_finished_ms=factory.FINISHED_WAIT_MS,
        text_question_ms=getattr(factory, "QUESTION_WAIT_MS", None),
        text_voice_only_ms=getattr(factory, "VOICE_ONLY_WAIT_MS", None),
        text_voice_only_p=getattr(factory, "VOICE_ONLY_P", 0.0),
        text_voice_only_words=getattr(factory, "VOICE_ONLY_WORDS", 0),
    )
    return asking(config)


CONFIGS["words_one_decode_product"] = _product


def _product_vo(ms: int | None, min_p: float = 0.0, min_words: int = 0) -> Vad:
    """The product, sure finished words that only the voice holds waiting ``ms`` of pause
    (``VadConfig.text_voice_only_ms``) when their last word is at least ``min_p`` sure
    (``text_voice_only_p``)."""
    from app.speech import factory

    config = VadConfig(
        use_text=True,
        pause_decode_ms=factory.PAUSE_DECODE_MS,
        text_finished_ms=factory.FINISHED_WAIT_MS,
        text_question_ms=getattr(factory, "QUESTION_WAIT_MS", None),
        text_voice_only_ms=ms,
        text_voice_only_p=min_p,
        text_voice_only_words=min_words,
    )
    return asking(config)


# Session 17: the product with sure finished words that only the voice holds (Piper's voice
# does not fall on a finished "...into data work") waiting 600-900 ms instead of the 1.2 s
# unsure wait; "_p90"/"_p95": only when Whisper gave the last word at least 0.90 / 0.95.
CONFIGS["words_one_decode_product_vonone"] = partial(_product_vo, None)
for _vo in (600, 700, 800, 900):
    CONFIGS[f"words_one_decode_product_vo{_vo}"] = partial(_product_vo, _vo)
    for _mp in (0.9, 0.95):
        CONFIGS[f"words_one_decode_product_vo{_vo}_p{round(_mp * 100)}"] = partial(
            _product_vo, _vo, _mp
        )
    # ... and only when the last sentence has 6 / 8 / 10 words or more (a whole clause said).
    for _mw in (6, 8, 10):
        CONFIGS[f"words_one_decode_product_vo{_vo}_w{_mw}"] = partial(_product_vo, _vo, 0.9, _mw)
#: The configurations whose pause words come from the one decode (Oracle.heard).
ONE_DECODE = {name for name in CONFIGS if name.startswith("words_one_decode")}


#: The configurations that get the microphone's quick words (the product's wiring).
QUICK = {
    name
    for name in CONFIGS
    if name.startswith("words") and name != "words_whole_only" and name not in ONE_DECODE
}
#: ... of those, the ones whose quick words decode the fixed last TAIL_S (session 7's tail).
FIXED_TAIL = {"words_s7", "words_fixed_tail"}

#: Also run as if on a quiet machine (QUIET_MS), where the words come sooner.
QUIET_CONFIGS = [
    "smart_turn@quiet",
    "words@quiet",
    "words_no_prosody@quiet",
    "words_whole_only@quiet",
    "words_one_decode@quiet",
    "words_one_decode_early32@quiet",
    "words_one_decode_early64@quiet",
    "words_one_decode_f416@quiet",
    "words_one_decode_f448@quiet",
    "words_one_decode_early32_f416@quiet",
    "words_one_decode_early32_f448@quiet",
    "words_one_decode_f512@quiet",
    "words_one_decode_early32_f512@quiet",
    "words_finished_0@quiet",
    "words_finished_600@quiet",
    *(f"{name}@quiet" for name in CONFIGS if name.startswith("words_f") and "_u" in name),
]


def percentile(values: list[float], q: float, digits: int = 1) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[round(q * (len(ordered) - 1))], digits)


def auc(pos: list[float], neg: list[float]) -> float | None:
    """Chance that a random finished pause scores above a random mid-sentence one."""
    if not pos or not neg:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return round(wins / (len(pos) * len(neg)), 3)


def words_verdict(quick: str, whole: str) -> str:
    """What the pause's two looks say together, before prosody (Vad.hint_text's rule: the more
    cautious verdict, but a look that only doubts its last word gives way to a sure one)."""
    said = []
    for text in (quick, whole):
        if not text.strip():
            continue
        verdict = judge(text)
        doubt = verdict == "finished" and getattr(text, "last_p", 1.0) < VadConfig.text_sure_p
        if getattr(text, "looped", False) or doubt:
            verdict = "unsure"
        said.append((verdict, doubt and not getattr(text, "looped", False)))
    sure = [v for v, doubt in said if not doubt] or [v for v, _ in said]
    return min(sure, key=VERDICTS.index) if sure else "none"


def cues(
    items: list[Item], oracle: Oracle, explain: bool = False, dump: Path | None = None
) -> dict[str, object]:
    """How well each cue tells a mid-sentence pause from the end of a finished sentence: Smart
    Turn's probability at its first look, the words of the pause's speculative decode, and
    (where both looks' words say "finished", the only place the product weighs it) whether the
    voice's prosody says the speaker goes on; per voice too."""
    probs: dict[str, list[float]] = {"mid": [], "end": []}
    verdicts: dict[str, list[str]] = {"mid": [], "end": []}
    goes_on: dict[str, dict[str, list[bool]]] = {}
    rows = []
    for item in items:
        SILERO.start(item.clip)
        vad = Vad(one_look(end_silence_max_ms=1500), voice_prob=SILERO, ask_end_of_turn=True)
        step = RATE // 50
        for i in range(0, len(item.clip.samples), step):
            for e in vad.feed(item.clip.samples[i : i + step]):
                where = "mid" if (i + step) / RATE < item.last_s - 0.05 else "end"
                if isinstance(e, TurnCheck):
                    probs[where].append(oracle.turn(e.clip)[0])
                    vad.turn_verdict(e.look, 0.0)
                elif isinstance(e, SilenceStarted):
                    words = oracle.text(e.clip)[0]
                    verdicts[where].append(judge(words))
                    oracle.both(e.clip)
                    both = words_verdict(oracle.tail(e.clip)[0], words)
                    found = PROSODY.ending(e.clip)
                    question = words.rstrip().endswith("?")
                    if both == "finished" and not question:
                        for key in ("all", item.voice):
                            table = goes_on.setdefault(key, {"mid": [], "end": []})
                            table[where].append(found is not None and found.continues)
                    rows.append(
                        {
                            "kind": item.kind, "voice": item.voice, "where": where,
                            "text": item.text, "whole": words, "quick": oracle.tail(e.clip)[0],
                            "quick_p": getattr(oracle.tail(e.clip)[0], "last_p", None),
                            "words": both, "question": question,
                            "ending": None if found is None else found.__dict__,
                        }
                    )  # fmt: skip
                    if explain:
                        print(
                            f"{item.kind} {where} {item.voice}: {words!r} {judge(words)}",
                            file=sys.stderr,
                        )

    def share(xs: list[float], t: float) -> float | None:
        return round(sum(x >= t for x in xs) / len(xs), 3) if xs else None

    if dump is not None:
        with dump.open("a", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row) + "\n")

    return {
        "smart_turn_first_look": {
            "mid_sentence_pauses": len(probs["mid"]),
            "ends": len(probs["end"]),
            "mid_p_median": percentile(probs["mid"], 0.5, 3),
            "end_p_median": percentile(probs["end"], 0.5, 3),
            "mid_share_p_ge_0.5": share(probs["mid"], 0.5),
            "end_share_p_ge_0.5": share(probs["end"], 0.5),
            "mid_share_p_ge_0.9": share(probs["mid"], 0.9),
            "end_share_p_ge_0.9": share(probs["end"], 0.9),
            "auc": auc(probs["end"], probs["mid"]),
        },
        "words_of_the_pause": {
            where: {
                "pauses": len(said),
                **{v: round(said.count(v) / len(said), 3) for v in VERDICTS if said},
            }
            for where, said in (("mid_sentence", verdicts["mid"]), ("ends", verdicts["end"]))
        },
        "prosody_goes_on_where_words_finished": {
            key: {f"{where}_pauses": len(table[where]) for where in ("mid", "end")}
            | {
                f"{where}_share_goes_on": round(sum(table[where]) / len(table[where]), 3)
                for where in ("mid", "end")
                if table[where]
            }
            for key, table in goes_on.items()
        },
    }


#: Finished answers ended within this many ms: the median sits on an edge between the finished
#: (0.2 s) and unsure (1.2 s) waits, so one or two answers move it; this count moves less.
SOON_MS = 700


def family(voice: str) -> str:
    """A voice's family: "piper", "flite" or "espeak"."""
    return voice.partition(":")[0] if ":" in voice else "espeak"


def evaluate(items: list[Item], oracle: Oracle, only: list[str]) -> dict[str, object]:
    results: dict[str, object] = {}
    for name in only:
        base = name.partition("@")[0]
        make = CONFIGS[base]
        cuts: list[str] = []
        finished_cuts = 0
        soon = 0
        delays: list[float] = []
        asked: list[float] = []  # the finished answers that are questions
        told: list[float] = []  # ... and the others
        missed = 0
        by_family: dict[str, dict] = {}  # type: ignore[type-arg]
        for item in items:
            SILERO.start(item.clip)
            quick = ("fixed" if base in FIXED_TAIL else "gap") if base in QUICK else None
            one = base in ONE_DECODE
            found = ends(make(), item.clip, oracle, quiet_times(name), quick, one)
            early = bool(found) and found[0] < item.last_s - 0.05
            if item.kind == "paused" and early:
                cuts.append(f"{item.voice}: {item.text}")
            elif item.kind == "finished":
                finished_cuts += early
                if found:
                    delays.append((found[-1] - item.last_s) * 1000)
                    (asked if item.text.rstrip().endswith("?") else told).append(delays[-1])
                    soon += delays[-1] <= SOON_MS
                else:
                    missed += 1
            fam = family(item.voice)
            entry = by_family.setdefault(fam, {"paused": 0, "cut": 0, "delays": []})
            if item.kind == "paused":
                entry["paused"] += 1
                entry["cut"] += bool(early)
            elif found:
                entry["delays"].append((found[-1] - item.last_s) * 1000)
        print(f"{name}: {len(cuts)} cut", file=sys.stderr, flush=True)
        paused = sum(i.kind == "paused" for i in items)
        results[name] = {
            "cut_rate": round(len(cuts) / max(1, paused), 3),
            "cut": len(cuts),
            "finished_cut_at_a_comma": finished_cuts,
            "finished_delay_ms_median": percentile(delays, 0.5),
            "finished_delay_ms_p90": percentile(delays, 0.9),
            "finished_questions": len(asked),
            "finished_question_delay_ms_median": percentile(asked, 0.5),
            "finished_statement_delay_ms_median": percentile(told, 0.5),
            "finished_not_ended": missed,
            f"finished_ended_within_{SOON_MS}_ms": soon,
            "cut_examples": cuts,
            "by_voice_family": {
                fam: {
                    "cut": e["cut"],
                    "paused": e["paused"],
                    "cut_rate": round(e["cut"] / max(1, e["paused"]), 3),
                    "finished": len(e["delays"]),
                    "finished_delay_ms_median": percentile(e["delays"], 0.5),
                    "finished_delay_ms_p90": percentile(e["delays"], 0.9),
                    f"finished_ended_within_{SOON_MS}_ms": sum(d <= SOON_MS for d in e["delays"]),
                }
                for fam, e in sorted(by_family.items())
            },
        }
    return results


def cached_set(name: str, args: argparse.Namespace, work: Path, oracle: Oracle) -> list[Item]:
    """The set's clips, made here or (``--cache``) read back from an earlier run's."""
    import pickle

    where = None
    if args.cache is not None:
        voices = "" if not args.voices else "-" + args.voices.replace(",", "_").replace(":", "")
        where = args.cache / f"items-{name}-{args.limit}-{args.report_file.name}{voices}.pkl"
        if where.is_file():
            return list(pickle.loads(where.read_bytes()))
    items = make_set(name, args.report_file, args.limit, work, oracle.aligner)
    if where is not None:
        where.write_bytes(pickle.dumps(items))
    return items


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", choices=["dev", "report", "both"], default="both")
    parser.add_argument("--limit", type=int, default=None, help="sentences per set (sampled)")
    parser.add_argument("--report-file", type=Path, default=REPORT_FILE)
    parser.add_argument("--configs", default=",".join([*CONFIGS, *QUIET_CONFIGS]))
    parser.add_argument("--explain", action="store_true", help="dev set: each pause's words")
    parser.add_argument("--dump", type=Path, default=None, help="dev set: each pause's cues, JSONL")
    parser.add_argument(
        "--cache", type=Path, default=None,
        help="a folder keeping the sets' clips and every model answer between runs (a rerun "
        "with other --configs decodes nothing again; its times are the first run's)",
    )  # fmt: skip
    parser.add_argument("--no-cues", action="store_true", help="skip the cues section")
    parser.add_argument(
        "--voices", default=None,
        help="the set's voices instead of SETS' (comma-separated, eSpeak names or piper:/flite:), "
        "in turn as SETS gives them; e.g. dev in Piper's joe and eSpeak: "
        "en-us,piper:joe,en-gb-x-rp+m3,piper:joe",
    )  # fmt: skip
    parser.add_argument(
        "--recognizer", choices=["auto", "accurate", "fast"], default="auto",
        help="the Whisper model deciding the pause's words (the app's setting; default auto)",
    )  # fmt: skip
    args = parser.parse_args()
    names = ["dev", "report"] if args.set == "both" else [args.set]
    if args.voices:
        for name in names:
            SETS[name] = {**SETS[name], "voices": args.voices.split(",")}
    if "report" in names and not args.report_file.is_file():
        print(f"The report set {args.report_file} is missing; running dev only.", file=sys.stderr)
        names = [n for n in names if n != "report"]
    only = [c for c in args.configs.split(",") if c]
    work = Path(tempfile.mkdtemp(prefix="frameshift-endpointing-"))
    oracle = Oracle(args.recognizer)
    oracle.fixed_too = any(c.partition("@")[0] in FIXED_TAIL for c in only)
    if args.cache is not None:
        args.cache.mkdir(parents=True, exist_ok=True)
        oracle.restore(args.cache / "oracle.pkl")
    out: dict[str, object] = {"benchmark": "endpointing", "sets": {}}
    for name in names:
        items = cached_set(name, args, work, oracle)
        out["sets"][name] = {  # type: ignore[index]
            "voices": SETS[name]["voices"],
            "paused_sentences": sum(i.kind == "paused" for i in items),
            "finished_sentences": sum(i.kind == "finished" for i in items),
            "configs": evaluate(items, oracle, only),
            "cues": None
            if args.no_cues
            else cues(
                items, oracle, args.explain and name == "dev", args.dump if name == "dev" else None
            ),
        }
        if args.cache is not None:
            oracle.save(args.cache / "oracle.pkl")
    out.update(
        {
            "smart_turn_ms_per_look_median": percentile(oracle.turn_ms(), 0.5),
            "smart_turn_ms_per_look_p90": percentile(oracle.turn_ms(), 0.9),
            "whisper_ms_per_decode_median": percentile(oracle.text_ms(), 0.5),
            "whisper_ms_per_decode_p90": percentile(oracle.text_ms(), 0.9),
            "quick_words_ms_median": percentile(oracle.tail_ms(), 0.5),
            "quick_words_ms_p90": percentile(oracle.tail_ms(), 0.9),
            "one_decode_ms_median": percentile(oracle.heard_ms(), 0.5),
            "one_decode_ms_p90": percentile(oracle.heard_ms(), 0.9),
            "prosody_ms_median": percentile(PROSODY.ms, 0.5),
            "prosody_ms_p90": percentile(PROSODY.ms, 0.9),
            "recognizer": oracle.recognizer.model_name,
            # "@quiet" rows: these model times ASSUMED, not measured on a quiet machine.
            "quiet_assumed_model_ms": QUIET_MS,
            "targets": {"cut_rate": 0.05, "finished_delay_ms_median": 300},
            "cpus": os.cpu_count(),
            "load_average_1m": round(os.getloadavg()[0], 2),
        }
    )
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
