"""AudioClip, resampling, WER scoring and the VAD, on eSpeak speech and synthetic noise."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.speech import AudioClip, SpeechError, Vad, VadConfig
from app.speech.audio import resample, rms
from app.speech.echo import EchoReference
from app.speech.ring import RingBuffer
from app.speech.scoring import corpus_wer, normalize_text, wer
from app.speech.vad import NoSpeech, SilenceStarted, SpeechEnded, SpeechStarted

from .conftest import espeak

RATE = 16_000


def trimmed(clip: AudioClip, threshold: float = 0.01) -> AudioClip:
    """The clip without its leading and trailing silence."""
    x = clip.samples
    loud = np.flatnonzero(np.abs(x.astype(np.int32)) > threshold * 32768)
    return AudioClip(x[loud[0] : loud[-1] + 1].astype("<i2").tobytes(), clip.sample_rate)


def silence(seconds: float) -> AudioClip:
    return AudioClip(bytes(2 * int(RATE * seconds)), RATE)


def noise(seconds: float, level: float, seed: int = 1) -> AudioClip:
    rng = np.random.default_rng(seed)
    return AudioClip.from_samples(rng.normal(0, level, int(RATE * seconds)), RATE)


def run_vad(vad: Vad, clip: AudioClip, chunk_ms: int = 20) -> list[object]:
    step = RATE * chunk_ms // 1000 * 2
    events: list[object] = []
    for i in range(0, len(clip.pcm), step):
        events.extend(vad.feed(clip.pcm[i : i + step]))
    return events


@pytest.fixture(scope="module")
def phrase(espeak_dir: Path) -> AudioClip:
    """About 1.5 s of eSpeak speech at 16 kHz, without edge silence."""
    wav = espeak("I would love to hear about your work", espeak_dir / "vad-phrase.wav")
    return trimmed(AudioClip.from_wav(wav))


def test_wav_round_trip_and_resample(tmp_path: Path, phrase: AudioClip) -> None:
    """A clip survives WAV IO unchanged, and a 44.1 kHz stereo WAV reads as 16 kHz mono."""
    path = phrase.to_wav(tmp_path / "a.wav")
    assert AudioClip.from_wav(path) == phrase
    t = np.arange(44_100) / 44_100
    tone = (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    stereo = AudioClip.from_samples(np.stack([tone, tone], axis=1).reshape(-1), 44_100)
    stereo_path = tmp_path / "s.wav"
    import wave

    with wave.open(str(stereo_path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(44_100)
        w.writeframes(stereo.pcm)
    clip = AudioClip.from_wav(stereo_path)
    assert clip.sample_rate == RATE
    assert clip.duration_s == pytest.approx(1.0, abs=0.001)
    assert rms(clip.samples) == pytest.approx(0.5 / np.sqrt(2), rel=0.02)
    assert len(resample(np.zeros(22_050, np.float32), 22_050, RATE)) == RATE


def test_non_audio_file_is_a_sentence(tmp_path: Path) -> None:
    """A text file posing as a WAV raises SpeechError with a readable message."""
    bogus = tmp_path / "notes.wav"
    bogus.write_text("not audio")
    with pytest.raises(SpeechError, match="not a readable PCM WAV"):
        AudioClip.from_wav(bogus)


def test_wer_normalizes_case_punctuation_and_numbers() -> None:
    """Digits, case and punctuation do not count as errors; real word changes do."""
    assert normalize_text("In 2019, Mr. Smith cut 40%!") == (
        ["in", "twenty", "nineteen", "mister", "smith", "cut", "forty", "percent"]
    )
    assert wer("we hired five people", "We hired 5 people.") == 0.0
    assert wer("a b c d", "a x c") == pytest.approx(0.5)
    assert corpus_wer([("a b", "a b"), ("c d e f", "c d")]) == pytest.approx(2 / 6)


def test_pause_inside_an_answer_does_not_end_it(phrase: AudioClip) -> None:
    """Speech, a 400 ms pause, more speech, then silence: one answer holding both halves."""
    vad = Vad(VadConfig(no_speech_timeout_s=5))
    clip = silence(0.5) + phrase + silence(0.4) + phrase + silence(1.0)
    events = run_vad(vad, clip)
    kinds = [type(e).__name__ for e in events]
    assert kinds.count("SpeechStarted") == 1
    ended = [e for e in events if isinstance(e, SpeechEnded)]
    assert len(ended) == 1
    assert ended[0].reason == "silence"
    assert ended[0].clip.duration_s >= 2 * phrase.duration_s + 0.4
    assert any(isinstance(e, SilenceStarted) for e in events)


def test_long_silence_is_announced_once_and_listening_goes_on(phrase: AudioClip) -> None:
    """Room tone gives one NoSpeech after the timeout, never an end: a later answer is heard."""
    vad = Vad(VadConfig(no_speech_timeout_s=2.0))
    events = run_vad(vad, noise(6.0, 0.002))
    assert [type(e) for e in events] == [NoSpeech]
    events = run_vad(vad, phrase + silence(1.0))
    assert [type(e).__name__ for e in events if not isinstance(e, SilenceStarted)] == [
        "SpeechStarted",
        "SpeechEnded",
    ]


def test_max_answer_length_is_enforced(phrase: AudioClip) -> None:
    """Speech that never pauses is cut at max_speech_s."""
    vad = Vad(VadConfig(max_speech_s=3.0))
    endless = silence(0.3)
    for _ in range(6):
        endless = endless + phrase
    ended = [e for e in run_vad(vad, endless) if isinstance(e, SpeechEnded)]
    assert ended  # the detector runs on: what follows the cut is the start of another answer
    assert ended[0].reason == "max_length"
    assert ended[0].clip.duration_s == pytest.approx(3.0, abs=0.1)


def test_noise_floor_adapts_to_a_noisy_room(phrase: AudioClip) -> None:
    """Steady fan noise at -34 dBFS is learnt, not heard as speech; speech over it still is."""
    fan = 0.02
    vad = Vad(VadConfig(no_speech_timeout_s=20))
    assert run_vad(vad, noise(3.0, fan)) == []
    assert vad.noise_floor == pytest.approx(fan, rel=0.25)
    loud = AudioClip.from_samples(phrase.samples.astype(np.float32) / 32768 * 2.0, RATE)
    mixed = AudioClip.from_samples(
        loud.samples.astype(np.float32) / 32768 + noise(loud.duration_s, fan, 2).to_float(), RATE
    )
    events = run_vad(vad, mixed + noise(1.5, fan, 3))
    assert isinstance(events[0], SpeechStarted)
    assert isinstance(events[-1], SpeechEnded)


def test_quiet_room_start_and_hangover_timing(phrase: AudioClip) -> None:
    """Speech ends 700 ms after the voice stops, and silence is announced before that."""
    vad = Vad(VadConfig(end_silence_ms=700, silence_start_ms=180))
    clip = silence(0.5) + phrase + silence(2.0)
    fed = 0.0
    times: dict[str, float] = {}
    step = RATE // 100 * 2
    for i in range(0, len(clip.pcm), step):
        fed += 0.01
        for e in vad.feed(clip.pcm[i : i + step]):
            times.setdefault(type(e).__name__, fed)
    speech_end = 0.5 + phrase.duration_s
    assert times["SpeechStarted"] == pytest.approx(0.5, abs=0.15)
    assert times["SilenceStarted"] - speech_end == pytest.approx(0.18, abs=0.1)
    assert times["SpeechEnded"] - speech_end == pytest.approx(0.7, abs=0.1)


def test_answer_keeps_half_a_second_before_its_onset(phrase: AudioClip) -> None:
    """The clip starts >= 500 ms before the first voiced frame, so a soft first word is kept."""
    vad = Vad()
    lead = 1.5
    events = run_vad(vad, silence(lead) + phrase + silence(1.0))
    ended = [e for e in events if isinstance(e, SpeechEnded)]
    assert len(ended) == 1
    assert vad.config.pre_roll_ms >= 500
    onset = lead  # the phrase is trimmed: its first sample is voiced
    clip = ended[0].clip
    assert clip.duration_s >= phrase.duration_s + 0.5
    loud = np.flatnonzero(np.abs(clip.samples.astype(np.int32)) > 0.01 * 32768)
    assert loud[0] / RATE >= 0.5 - 0.04  # at least ~500 ms of pre-roll before the voice
    assert onset - 0.6 - 0.04 <= lead - loud[0] / RATE <= onset


def test_manager_echo_never_starts_an_answer_but_the_user_over_it_does(
    phrase: AudioClip, espeak_dir: Path
) -> None:
    """The manager's voice, heard back at -6 dB, is gated; the user talking over it is not."""
    manager = trimmed(
        AudioClip.from_wav(espeak("What brings you here today", espeak_dir / "m.wav"))
    )
    reference = EchoReference()
    vad = Vad()
    run_vad(vad, silence(0.5))
    step = RATE * 20 // 1000
    clock = 0.0

    def play(played: AudioClip, heard: AudioClip) -> list[object]:
        """Feed what the microphone hears while the player notes what it plays."""
        nonlocal clock
        events: list[object] = []
        for i in range(0, len(heard.samples), step):
            reference.note(played.samples[i : i + step], at=clock)
            events.extend(vad.feed(heard.samples[i : i + step], echo=reference.level(clock)))
            clock += step / RATE
        return events

    heard_back = AudioClip.from_samples(manager.to_float() * 0.5, RATE)
    events: list[object] = []
    for _ in range(3):  # three lines of the manager, heard through open speakers
        events += play(manager, heard_back)
        events += play(silence(0.3), silence(0.3))
    assert not [e for e in events if isinstance(e, SpeechStarted)]
    # The user answers over the manager's next line (louder, as a person near the microphone).
    n = min(len(heard_back.samples), len(phrase.samples))
    mixed = AudioClip.from_samples(heard_back.to_float()[:n] + phrase.to_float()[:n] * 1.5, RATE)
    events = play(AudioClip(manager.pcm[: 2 * n]), mixed) + run_vad(vad, silence(1.0))
    assert any(isinstance(e, SpeechStarted) for e in events)
    assert any(isinstance(e, SpeechEnded) for e in events)


def test_ring_buffer_keeps_the_newest_samples_by_absolute_index() -> None:
    ring = RingBuffer(10)
    ring.write(np.arange(7, dtype=np.int16))
    ring.write(np.arange(7, 14, dtype=np.int16))
    assert ring.end == 14
    assert ring.start == 4
    assert ring.read(0).tolist() == list(range(4, 14))
    assert ring.read(8, 12).tolist() == [8, 9, 10, 11]
    ring.write(np.arange(14, 40, dtype=np.int16))
    assert ring.read(35).tolist() == list(range(35, 40))
    assert ring.read(0).tolist() == list(range(30, 40))


def test_an_answer_that_goes_on_after_its_end_is_one_clip(phrase: AudioClip) -> None:
    """Ended too early, the answer resumes: continue_previous() makes the next clip hold both."""
    vad = Vad(VadConfig(end_silence_ms=300))
    first = run_vad(vad, silence(0.5) + phrase + silence(0.5))
    assert [type(e).__name__ for e in first if not isinstance(e, SilenceStarted)] == [
        "SpeechStarted",
        "SpeechEnded",
    ]
    # The user goes on: the first 200 ms of speech start a new answer, which continues the last.
    head, rest = AudioClip(phrase.pcm[: 2 * RATE // 5]), AudioClip(phrase.pcm[2 * RATE // 5 :])
    assert any(isinstance(e, SpeechStarted) for e in run_vad(vad, head))
    assert vad.continue_previous()
    ended = [e for e in run_vad(vad, rest + silence(1.0)) if isinstance(e, SpeechEnded)]
    assert len(ended) == 1
    assert ended[0].clip.duration_s >= 2 * phrase.duration_s + 0.4
