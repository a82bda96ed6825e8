"""Recognition benchmark: prints ONE JSON object with WER per set and decode time per configuration.

    nice -n 10 .venv/bin/python bench/speech.py [--split report|dev] [--sentences N]
        [--configs tiny,base,base+denoise/beam=5,...] [--lengths]

Two splits, made in this run: ``dev`` (the answers in MORE_ANSWERS, each in Piper ``joe`` and
eSpeak en-us and en-gb, noise seed 7) is for tuning; ``report`` (the 48 answers of an independent
writer in tests/data/speech/answers-s1.jsonl and the 12 in tests/speech ANSWERS, each in ONE voice
in rotation: Piper ``joe``, Flite ``slt``/``rms``/``awb``, eSpeak en-us+m3 and en-gb-x-rp; another
noise seed; babble from the other split's sentences) is never tuned on. Sets:

* ``clean``: the answers, spoken by natural voices (Piper, Flite) and eSpeak NG voices;
* ``noisy``: the same, each in one of white, pink or babble noise (six eSpeak talkers of other
  sentences) at 15-20 dB SNR (a fan, a busy room), with the WER per noise and per voice family;
* ``loud_hall``: the same with pink noise at 12-15 dB SNR (a career-fair hall, the kiosk's case);
* ``real``: the recordings in /work/shared/testdata/speech (used in place).

Configurations: ``tiny`` (tiny.en), ``base`` (Whisper base int8), ``base+denoise`` (DeepFilterNet3
at a 12 dB attenuation limit first), ``streaming`` (base+denoise decoded while the answer grows,
every second, LocalAgreement-2, then the end-of-turn decode of the whole answer with the committed
words as prefix, as the product does; ``streaming@tail`` decodes only the tail after the committed
words at the end, in a window sized to it, the committed words as context: AnswerStream(tail=True)).
``base+pick`` decodes both the denoised and the raw clip and keeps the reading Whisper is surer
of (mean token log-probability). A configuration may add decoding options, ``/key=value`` each
(:data:`OPTIONS`): ``base+denoise/beam=2/df=18`` (beam size 2 in every decode, DeepFilterNet3 at
18 dB); without ``beam=`` a decode searches the product's beams (5 in the full window, 2 in a
sized one: WhisperRecognizer.accurate_beam_size, beam_size).
Each decodes Whisper's full 30 s window otherwise, as the product does; a name ending in
``@sized`` decodes a window sized to the audio everywhere (``streaming@sized``), for comparison.
Decode time is the sum over every clip, and as a ratio to tiny's in the same run; for streaming
``end_of_turn_s`` is what is left to decode when the answer ends (the rest ran while the user
spoke), for denoise ``denoise_s`` the filter's own time (live, it runs as audio arrives).
``--audio FILE`` keeps the made sets in FILE and later runs of the same split read them: Piper
renders a sentence a little differently each time, so two runs compare configurations on the
same audio only this way. ``--sets noisy,loud_hall`` decodes those sets only, ``--no-tiny`` skips
tiny.en (and the ratios).
``--lengths``: base's decode time of 2, 5, 10 and 20 s of speech, sized window against 30 s.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
import numpy.typing as npt
import psutil

from app.speech.audio import TARGET_RATE, AudioClip, frame_levels
from app.speech.denoise import ATTENUATION_LIMIT_DB, Denoiser
from app.speech.factory import make_voice
from app.speech.protocols import VoiceSettings
from app.speech.scoring import corpus_wer, normalize_text
from app.speech.streaming import AnswerStream
from app.speech.stt_whisper import WhisperRecognizer
from tests.speech.conftest import ANSWERS, espeak, speech_testdata_dir

Samples = npt.NDArray[np.float32]

#: More answers in the same spirit, written for this bench (numbers, names, hesitations).
MORE_ANSWERS: tuple[str, ...] = (
    "Honestly I am not sure yet, I would like to understand the role better first.",
    "I spent two years at a small startup in Denver building mobile apps.",
    "What made you move from engineering into management?",
    "Um, I think the hardest part was convincing the finance team.",
    "Would it be okay if I followed up with you next week?",
    "Our team grew from four to fifteen people in eighteen months.",
    "I am mostly interested in how you measure success on your team.",
    "We cut the onboarding time for new customers by about half.",
    "Which skills do you look for when you hire junior analysts?",
    "I volunteered at a food bank and ran their spreadsheet of donors.",
    "That makes sense, so how does the night shift hand over to the day team?",
    "Could you introduce me to someone who works on the design side?",
)

#: The report split's answers from an independent writer (tests/data/speech/README.md).
REPORT_ANSWERS_FILE = Path(__file__).resolve().parents[1] / "tests/data/speech/answers-s1.jsonl"
FAMILIES = ("piper", "flite", "espeak")
NOISY_SNR_DB = (15.0, 20.0)
NOISES = ("white", "pink", "babble")
HALL_SNR_DB = (12.0, 15.0)
BABBLE_TALKERS = 6
BABBLE_VOICES = ("en-us", "en-gb", "en-us+f2", "en-gb-x-rp+m4", "en-us+m7", "en-gb+f4")


@dataclass(frozen=True)
class Split:
    sentences: tuple[str, ...]
    #: "engine:voice" names (engine piper, flite or espeak)
    voices: tuple[str, ...]
    seed: int
    babble: tuple[str, ...]
    #: True: every answer in every voice; False: answer i in voice i mod len(voices)
    every_voice: bool = True


def report_answers() -> tuple[str, ...]:
    rows = REPORT_ANSWERS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(row)["text"] for row in rows if row.strip())


#: ``dev`` for tuning; ``report`` for the README, never tuned on (other sentences, voices, seed).
SPLITS = {
    "dev": Split(MORE_ANSWERS, ("piper:joe", "espeak:en-us", "espeak:en-gb"), 7, ANSWERS),
    "report": Split(
        (*report_answers(), *ANSWERS),
        (
            "piper:joe",
            "flite:slt",
            "espeak:en-us+m3",
            "flite:rms",
            "flite:awb",
            "espeak:en-gb-x-rp",
        ),
        2026,
        MORE_ANSWERS,
        every_voice=False,
    ),
}
CONFIGS = ("tiny", "base", "base+denoise", "base+pick", "streaming")
#: Decoding options a configuration may add after its name, "/key=value" each
#: ("base+denoise/beam=5/df=18"): the key's recognizer or faster-whisper option, its type.
OPTIONS: dict[str, tuple[str, type]] = {
    "beam": ("beam_size", int),
    "df": ("attenuation_limit_db", float),
    "patience": ("patience", float),
    "lp": ("length_penalty", float),
    "nst": ("no_speech_threshold", float),
    "lpt": ("log_prob_threshold", float),
    "crt": ("compression_ratio_threshold", float),
    "temp": ("temperature", float),
}
#: A configuration name ending in this decodes a window sized to the audio instead of
#: Whisper's full 30 s one: "streaming@sized" (stt_whisper.window_frames).
SIZED_WINDOW = "@sized"
#: Streaming whose end-of-turn decode is the tail only, not the whole answer: "streaming@tail".
TAIL_END = "@tail"
STEP_S = 1.0


@dataclass
class Item:
    set: str
    voice: str
    text: str
    audio: Samples
    noise: str = ""


def rss_mb() -> float:
    return float(psutil.Process().memory_info().rss / 2**20)


def pink(n: int, rng: np.random.Generator) -> Samples:
    spectrum = np.fft.rfft(rng.standard_normal(n))
    spectrum /= np.sqrt(np.maximum(np.arange(len(spectrum)), 1))
    out = np.asarray(np.fft.irfft(spectrum, n), dtype=np.float32)
    return out / np.float32(np.sqrt(np.mean(out**2)))


def voiced_rms(x: Samples) -> float:
    levels = frame_levels(x, TARGET_RATE // 50)
    loud = levels[levels > 0.1 * levels.max()]
    return float(np.sqrt(np.mean(loud**2))) if loud.size else 0.0


def with_noise(x: Samples, noise: Samples, snr_db: float) -> Samples:
    gain = voiced_rms(x) / 10 ** (snr_db / 20)
    mixed = x + gain * noise[: len(x)]
    peak = float(np.abs(mixed).max())
    return (mixed / peak * 0.9 if peak > 0.99 else mixed).astype(np.float32)


def padded(x: Samples) -> Samples:
    """An answer as the microphone cuts it: half a second before, 0.3 s after."""
    z = np.zeros
    return np.concatenate(
        [z(TARGET_RATE // 2, np.float32), x, z(TARGET_RATE * 3 // 10, np.float32)]
    )


def say(name: str, text: str, out: Path) -> Samples:
    """``text`` in the voice ``name`` ("engine:voice"), as 16 kHz floats."""
    engine, _, voice = name.partition(":")
    if engine == "espeak":
        wav = espeak(text, out, voice)
    else:
        wav = make_voice(engine=engine).render(text, VoiceSettings(voice=voice), out)
    return AudioClip.from_wav(wav).resampled().to_float()


def spoken(sentences: list[str], split: Split, tmp: Path) -> list[tuple[str, str, Samples]]:
    """(voice, text, 16 kHz audio): every sentence in every voice, or each in one in turn."""
    out: list[tuple[str, str, Samples]] = []
    for i, text in enumerate(sentences):
        voices = split.voices if split.every_voice else (split.voices[i % len(split.voices)],)
        for name in voices:
            audio = say(name, text, tmp / f"{name.replace(':', '-')}-{i}.wav")
            out.append((name, text, audio))
    return out


def babble(
    sentences: tuple[str, ...], seconds: float, tmp: Path, rng: np.random.Generator
) -> Samples:
    """A room of talkers: six eSpeak voices saying other sentences, at random offsets, summed
    (unit RMS, ``seconds`` long)."""
    n = int(seconds * TARGET_RATE)
    out = np.zeros(n, np.float32)
    for t in range(BABBLE_TALKERS):
        voice = BABBLE_VOICES[t % len(BABBLE_VOICES)]
        said = [
            AudioClip.from_wav(espeak(text, tmp / f"babble-{t}-{k}.wav", voice))
            .resampled()
            .to_float()
            for k, text in enumerate(sentences)
        ]
        track: list[Samples] = []
        while sum(map(len, track)) < 2 * n:  # the talker goes on, in another order each time
            track.extend(said[k] for k in rng.permutation(len(said)))
        talk = np.concatenate(track)
        start = int(rng.integers(0, max(1, len(talk) - n)))
        part = talk[start : start + n]
        out[: len(part)] += part / max(voiced_rms(part), 1e-6)
    return out / np.float32(np.sqrt(np.mean(out**2)) + 1e-9)


def make_sets(sentences: list[str], split: Split, tmp: Path) -> list[Item]:
    rng = np.random.default_rng(split.seed)
    items: list[Item] = []
    clips = spoken(sentences, split, tmp)
    room = babble(split.babble, max(len(a) for _v, _t, a in clips) / TARGET_RATE + 30, tmp, rng)
    turn = len(split.voices)  # clips per round of voices: each round shifts the noises by one
    for i, (voice, text, audio) in enumerate(clips):
        clip = padded(audio)
        items.append(Item("clean", voice, text, clip))
        kind = NOISES[(i + i // turn) % len(NOISES)]  # every voice meets every noise
        if kind == "white":
            noise = rng.standard_normal(len(clip)).astype(np.float32)
        elif kind == "pink":
            noise = pink(len(clip), rng)
        else:
            start = int(rng.integers(0, len(room) - len(clip)))
            noise = room[start : start + len(clip)]
        snr = float(rng.uniform(*NOISY_SNR_DB))
        items.append(Item("noisy", voice, text, with_noise(clip, noise, snr), kind))
        snr = float(rng.uniform(*HALL_SNR_DB))
        items.append(Item("loud_hall", voice, text, with_noise(clip, pink(len(clip), rng), snr)))
    folder = speech_testdata_dir()
    manifest = folder / "manifest.json"
    if manifest.is_file():
        for entry in json.loads(manifest.read_text(encoding="utf-8"))["items"]:
            audio = AudioClip.from_wav(folder / entry["file"]).resampled().to_float()
            items.append(Item("real", "real", entry["text"], audio))
    return items


def kept_sets(path: Path | None, sentences: list[str], split: Split, tmp: Path) -> list[Item]:
    """:func:`make_sets`, or the sets an earlier run kept in ``path`` for the same split."""
    key = (split_name(split), len(sentences))
    if path is not None and path.is_file():
        kept_key, items = pickle.loads(path.read_bytes())
        if kept_key == key:
            return list(items)
    items = make_sets(sentences, split, tmp)
    if path is not None:
        path.write_bytes(pickle.dumps((key, items)))
    return items


def split_name(split: Split) -> str:
    return next(name for name, s in SPLITS.items() if s is split)


def clip_of(x: Samples) -> AudioClip:
    return AudioClip.from_samples(x, TARGET_RATE)


def parse_config(config: str) -> tuple[str, dict[str, float | int]]:
    """``"base+denoise/beam=5@sized"`` -> ("base+denoise@sized", {"beam_size": 5}); raises
    ValueError for an unknown or malformed option."""
    head, *parts = config.split("/")
    suffix = ""
    options: dict[str, float | int] = {}
    for part in parts:
        for end in (SIZED_WINDOW, TAIL_END):
            if part.endswith(end):
                part, suffix = part.removesuffix(end), suffix + end
        key, _, value = part.partition("=")
        if key not in OPTIONS or not value:
            raise ValueError(f"{config}: unknown option {part!r}; known: {', '.join(OPTIONS)}")
        name, kind = OPTIONS[key]
        options[name] = kind(value)
    return head + suffix, options


def run_config(config: str, rec: WhisperRecognizer, items: list[Item]) -> dict[str, object]:
    config, options = parse_config(config)
    rec.window = config.endswith(SIZED_WINDOW)
    beams = rec.beam_size, rec.accurate_beam_size
    if "beam_size" in options:  # every decode of this configuration, sized or full window
        rec.beam_size = rec.accurate_beam_size = int(options.pop("beam_size"))
    limit = float(options.pop("attenuation_limit_db", ATTENUATION_LIMIT_DB))
    rec.options = dict(options)
    try:
        return _run(config, rec, items, limit)
    finally:
        (rec.beam_size, rec.accurate_beam_size), rec.options = beams, {}


def _run(config: str, rec: WhisperRecognizer, items: list[Item], limit: float) -> dict[str, object]:
    name = config.removesuffix(SIZED_WINDOW).removesuffix(TAIL_END)
    filtered = ("base+denoise", "base+pick", "streaming")
    denoiser = Denoiser(limit) if name in filtered else None
    stream = (
        AnswerStream(rec, denoiser, tail=TAIL_END in config)
        if denoiser is not None or name == "streaming"
        else None
    )
    hyps: list[str] = []
    decode_s = denoise_s = end_of_turn_s = 0.0
    steps = picked_raw = 0
    for item in items:
        if name == "streaming":
            assert stream is not None
            stream.reset()
            step = int(STEP_S * TARGET_RATE)
            for end in range(step, len(item.audio), step):
                started = time.perf_counter()
                stream.step(clip_of(item.audio[:end]))
                decode_s += time.perf_counter() - started
                steps += 1
            started = time.perf_counter()
            text = stream.decode(clip_of(item.audio)).text
            end_of_turn_s += time.perf_counter() - started
            decode_s += time.perf_counter() - started
        elif denoiser is not None:
            clean, seconds = denoised(denoiser, item)
            denoise_s += seconds
            text, sure, seconds = decoded(rec, clean, (item, denoiser.attenuation_limit_db))
            decode_s += seconds
            if name == "base+pick":  # also the raw audio: keep the surer reading
                raw, raw_sure, seconds = decoded(rec, item.audio, (item, "raw"))
                decode_s += seconds
                if sure is None or (raw_sure is not None and raw_sure > sure):
                    text = raw
                    picked_raw += 1
        else:
            text, _sure, seconds = decoded(rec, item.audio, (item, "raw"))
            decode_s += seconds
        hyps.append(text)
    wer: dict[str, object] = {}
    for set_name in ("clean", "noisy", "loud_hall", "real"):
        chosen = [(it, h) for it, h in zip(items, hyps, strict=True) if it.set == set_name]
        if not chosen:
            continue
        per: dict[str, float] = {"all": round(corpus_wer([(i.text, h) for i, h in chosen]), 4)}
        for family in FAMILIES:
            fam = [(i.text, h) for i, h in chosen if i.voice.startswith(family)]
            if fam:
                per[family] = round(corpus_wer(fam), 4)
        for kind in NOISES:
            of_kind = [(i.text, h) for i, h in chosen if i.noise == kind]
            if of_kind:
                per[kind] = round(corpus_wer(of_kind), 4)
        wer[set_name] = per if set_name != "real" else per["all"]
    audio_s = sum(len(it.audio) for it in items) / TARGET_RATE
    out: dict[str, object] = {
        "model": rec.model_name,
        "wer": wer,
        "decode_s": round(decode_s, 2),
        "rtf": round(decode_s / audio_s, 3),
    }
    if name == "base+pick":
        out["picked_raw"] = picked_raw
    if denoiser is not None and name != "streaming":
        out["denoise_s"] = round(denoise_s, 2)
        out["denoise_rtf"] = round(denoise_s / audio_s, 3)
    if name == "streaming":
        assert stream is not None
        out["end_of_turn_s"] = round(end_of_turn_s, 2)
        out["steps"] = steps
        out["tail_decodes"] = stream.tail_decodes
    if denoiser is not None:
        denoiser.close()
    return out


#: (attenuation limit, item) -> the item denoised at that limit and the seconds it took: each
#: configuration at one limit reads the same audio; the time is the first run's.
_DENOISED: dict[tuple[float, int], tuple[Samples, float]] = {}


def denoised(denoiser: Denoiser, item: Item) -> tuple[Samples, float]:
    key = (denoiser.attenuation_limit_db, id(item))
    if key not in _DENOISED:
        denoiser.reset()
        started = time.perf_counter()
        denoiser.feed(item.audio)
        _DENOISED[key] = (denoiser.audio(), time.perf_counter() - started)
    return _DENOISED[key]


#: (model, beam, options, item, audio) -> text, Whisper's score, seconds: configurations that
#: decode the same audio the same way (base+pick's two readings) reuse the first decode.
_DECODED: dict[tuple[object, ...], tuple[str, float | None, float]] = {}


def decoded(
    rec: WhisperRecognizer, audio: Samples, key: tuple[Item, object]
) -> tuple[str, float | None, float]:
    item, kind = key
    full = (
        rec.model_name,
        rec.beam_size,
        rec.accurate_beam_size,
        rec.window,
        tuple(sorted(rec.options.items())),
        id(item),
        kind,
    )
    if full not in _DECODED:
        t = rec.transcribe(clip_of(audio))
        _DECODED[full] = (t.text, rec.last_logprob, t.elapsed_s)
    return _DECODED[full]


def decode_ms_by_length(rec: WhisperRecognizer, items: list[Item]) -> dict[str, object]:
    """Median ms (3 tries) to decode 2, 5, 10 and 20 s of clean speech: sized window, 30 s."""
    speech = np.concatenate([it.audio for it in items if it.set == "clean"])
    out: dict[str, object] = {}
    for seconds in (2, 5, 10, 20):
        clip = clip_of(speech[: seconds * TARGET_RATE])
        row: dict[str, float] = {}
        for label, window in (("sized", True), ("30s", False)):
            rec.window = window
            rec.transcribe(clip)  # the shape's first decode
            times = [rec.transcribe(clip).elapsed_s for _ in range(3)]
            row[label] = round(1000 * float(np.median(times)))
        rec.window = False
        out[f"{seconds}s"] = row
    return out


def filler_retention(rec: WhisperRecognizer, tmp: Path) -> float:
    said_total = kept = 0
    for i, text in enumerate(
        ["um I think uh that sounds interesting", "uh so I guess um I have been in sales"]
    ):
        heard = normalize_text(
            rec.transcribe(AudioClip.from_wav(espeak(text, tmp / f"f{i}.wav"))).text
        )
        said = [w for w in normalize_text(text) if w in {"um", "uh"}]
        said_total += len(said)
        kept += min(len(said), sum(w in {"um", "uh"} for w in heard))
    return round(kept / said_total, 3)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=sorted(SPLITS), default="report")
    parser.add_argument("--sentences", type=int, default=0, help="only the first N answers")
    parser.add_argument("--configs", default=",".join(CONFIGS))
    parser.add_argument("--lengths", action="store_true", help="also time decodes by length")
    parser.add_argument(
        "--no-tiny", action="store_true", help="no tiny.en run (no decode-time ratios)"
    )
    parser.add_argument(
        "--sets", default="", help="only these sets (clean,noisy,loud_hall,real); default all"
    )
    parser.add_argument(
        "--audio",
        type=Path,
        help="a .pkl file: the sets are made once and kept there, and later runs read them, so "
        "runs compare on the same audio (Piper's voice varies from one rendering to the next)",
    )
    args = parser.parse_args()
    configs = [c for c in args.configs.split(",") if c]
    try:
        names = [parse_config(c)[0] for c in configs]
    except ValueError as exc:
        parser.error(str(exc))
    unknown = {c.removesuffix(SIZED_WINDOW).removesuffix(TAIL_END) for c in names} - set(CONFIGS)
    if unknown:
        parser.error(f"unknown configuration(s) {sorted(unknown)}; known: {', '.join(CONFIGS)}")
    if "tiny" not in configs and not args.no_tiny:
        configs.insert(0, "tiny")  # the ratios are to tiny in the same run
    split = SPLITS[args.split]
    sentences = list(split.sentences)[: args.sentences or None]
    tmp = Path(tempfile.mkdtemp(prefix="fs-bench-speech-"))
    out: dict[str, object] = {
        "machine": {"cpus": os.cpu_count(), "load_average_start": os.getloadavg()},
        "sets": {
            "split": args.split,
            "sentences": len(sentences),
            "voices": list(split.voices),
            "voice_per_answer": "all" if split.every_voice else "one, in rotation",
            "noisy": f"{'/'.join(NOISES)} noise, {NOISY_SNR_DB[0]:g}-{NOISY_SNR_DB[1]:g} dB SNR",
            "loud_hall": f"pink noise, {HALL_SNR_DB[0]:g}-{HALL_SNR_DB[1]:g} dB SNR",
            "real": str(speech_testdata_dir()),
        },
    }
    try:
        started = time.perf_counter()
        items = kept_sets(args.audio, sentences, split, tmp)
        if args.sets:
            items = [it for it in items if it.set in args.sets.split(",")]
        out["sets"]["clips"] = len(items)  # type: ignore[index]
        out["sets"]["make_s"] = round(time.perf_counter() - started, 1)  # type: ignore[index]
        models: dict[str, WhisperRecognizer] = {}
        results: dict[str, dict[str, object]] = {}
        for name in configs:
            model = "fast" if name.startswith("tiny") else "accurate"
            if model not in models:
                before = rss_mb()
                rec = WhisperRecognizer(choice=model)
                rec.load()
                models[model] = rec
                out[f"rss_mb_{rec.model_name}"] = round(rss_mb() - before, 1)
            results[name] = run_config(name, models[model], items)
        tiny_s = float(results["tiny"]["decode_s"]) if "tiny" in results else 0.0  # type: ignore[arg-type]
        for result in results.values() if tiny_s else ():
            result["time_vs_tiny"] = round(float(result["decode_s"]) / tiny_s, 2)  # type: ignore[arg-type]
            if "end_of_turn_s" in result:
                result["end_of_turn_vs_tiny"] = round(float(result["end_of_turn_s"]) / tiny_s, 2)  # type: ignore[arg-type]
        out["configs"] = results
        out["filler_retention"] = {m: filler_retention(r, tmp) for m, r in models.items()}
        if args.lengths and "accurate" in models:
            out["decode_ms_by_length"] = decode_ms_by_length(models["accurate"], items)
        out["targets"] = {"noisy": 0.08, "loud_hall": 0.10, "real": 0.04}
        out["machine"]["load_average_end"] = os.getloadavg()  # type: ignore[index]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
