"""The echo canceller on open speakers (issue 15 item 2: "the app knows what it is playing (gate
or subtract it)"): SpeexDSP subtracts the manager's voice before the detector, so an answer
said right after his last word, or over it, keeps its first moment. Generated instances, through
the simulated room of echo_sim.py: eSpeak NG voices and first words, device path latencies,
couplings, the player's 22.05 kHz stream (a resampler the echo path does not share), a
reverberant tail. The gate alone (the old code) loses the onsets under his dying voice and over
his last second; ``cancel=True`` keeps them all."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from app.speech import AudioClip, aec
from app.speech.aec import EchoCanceller, estimate_latency
from app.speech.echo import EchoReference

from .echo_sim import MANAGER_LINE, RATE, simulate, spoken
from .first_words import FIRST_WORDS, RESTS, VOICES, onset_kept

pytestmark = [
    pytest.mark.speech,
    pytest.mark.skipif(not aec.available(), reason="libspeexdsp.so.1 is not installed"),
]

OFFSETS = (0.0, 0.1, 0.3, -0.7)
LATENCIES = (0.03, 0.12, 0.2, 0.35)
COUPLINGS = (0.3, 0.7, 1.0)
PLAY_RATES = (16_000, 22_050)
ROOMS = (0.15, 0.15, 0.0)  # with couplings 0.3 and 0.7: 1.0 plus a tail would clip


@pytest.fixture(scope="module")
def manager(espeak_dir: Path) -> AudioClip:
    return spoken(MANAGER_LINE, "en-us+m3", espeak_dir / "aec-manager.wav")


def _instances() -> list[tuple[str, str, float, float, float, int, float]]:
    """Every first word once, the other dimensions taking turns (coprime cycles, so the
    combinations spread): word, voice, offset, latency, coupling, play rate, room."""
    return list(
        zip(
            FIRST_WORDS,
            itertools.cycle(VOICES),
            itertools.cycle(OFFSETS),
            itertools.cycle(LATENCIES[::-1] + LATENCIES[1:2]),
            itertools.cycle(COUPLINGS),
            itertools.cycle(PLAY_RATES),
            itertools.cycle(ROOMS),
        )
    )


def test_first_words_said_under_or_over_his_voice_are_kept(
    manager: AudioClip, espeak_dir: Path
) -> None:
    """16 generated answers: with the canceller every onset is stored as said (the yardstick of
    the live bench), his voice is brought down by 15 dB or more before the answer, and the
    latency found is the room's (within 10 ms; the 22.05 kHz stream's resampler adds ~3 ms).
    The gate alone loses some of the same onsets (so this fails on the old code)."""
    lost, lost_gate, weak = [], [], []
    for i, (word, voice, offset, latency, coupling, rate, room) in enumerate(_instances()):
        answer = spoken(f"{word}, {RESTS[i % len(RESTS)]}", voice, espeak_dir / f"aec{i}.wav")
        case = (word, voice, offset, latency, coupling, rate, room)
        kwargs = dict(offset_s=offset, latency_s=latency, coupling=coupling, play_rate=rate)
        trial = simulate(manager, answer, cancel=True, room=room, seed=i, **kwargs)  # type: ignore[arg-type]
        if trial.clip is None or not onset_kept(trial.clip, answer):
            lost.append(case)
        assert trial.onset_found_s is not None, case
        assert trial.onset_found_s < 0.35, case
        if trial.residue_db > -15 or trial.latency_found_s is None:
            weak.append((case, round(trial.residue_db, 1), trial.latency_found_s))
        elif abs(trial.latency_found_s - latency) > 0.01:
            weak.append((case, "latency", trial.latency_found_s))
        gate = simulate(manager, answer, cancel=False, room=room, seed=i, **kwargs)  # type: ignore[arg-type]
        if gate.clip is None or not onset_kept(gate.clip, answer):
            lost_gate.append(case)
    assert not lost, f"onsets lost with the canceller: {lost}"
    assert not weak, f"his voice not brought down 15 dB, or the latency wrong: {weak}"
    assert lost_gate, "the gate alone kept every onset: the instances are too easy"


@pytest.mark.parametrize(
    ("latency_s", "coupling", "rate"),
    [(0.03, 1.0, 22_050), (0.12, 0.7, 16_000), (0.2, 0.3, 22_050), (0.2, 1.0, 16_000)],
)
def test_his_voice_alone_never_starts_an_answer(
    manager: AudioClip, latency_s: float, coupling: float, rate: int
) -> None:
    """Latencies within the gate's hold (ECHO_HOLD_S); a reverberant tail only where it does
    not clip the microphone (a clipped echo is not the played voice, and no linear filter
    takes it out)."""
    silent = AudioClip(bytes(2 * RATE // 2), RATE)
    for room in (0.0, 0.15) if coupling < 1.0 else (0.0,):
        trial = simulate(
            manager,
            silent,
            offset_s=0.5,
            latency_s=latency_s,
            coupling=coupling,
            cancel=True,
            play_rate=rate,
            room=room,
        )
        assert trial.onset_found_s is None, room
        assert trial.clip is None, room


def test_with_headphones_the_answer_passes_untouched(manager: AudioClip, espeak_dir: Path) -> None:
    """No echo in the capture (headphones): no latency is ever found, the canceller hands the
    capture on sample for sample (10 ms late), so the answer is exactly as captured."""
    for i, word in enumerate(FIRST_WORDS[:4]):
        answer = spoken(f"{word}, {RESTS[i]}", VOICES[i], espeak_dir / f"hp{i}.wav")
        plain = simulate(manager, answer, offset_s=0.1, coupling=0.0, play_rate=22_050)
        cancelled = simulate(
            manager, answer, offset_s=0.1, coupling=0.0, play_rate=22_050, cancel=True
        )
        assert cancelled.latency_found_s is None
        assert plain.clip is not None
        assert cancelled.clip is not None
        assert cancelled.clip.pcm == plain.clip.pcm, word
        assert onset_kept(cancelled.clip, answer), word


@pytest.mark.parametrize("lag", [0, 37, 480, 1999, 5600])
def test_the_latency_is_found_where_the_reference_explains_the_capture(lag: int) -> None:
    rng = np.random.default_rng(lag)
    max_lag, n = 8000, 12000
    played = rng.standard_normal(max_lag + n)
    capture = 0.4 * played[max_lag - lag : max_lag - lag + n] + 0.1 * rng.standard_normal(n)
    found, peak = estimate_latency(capture, played, max_lag)
    assert found == lag
    assert peak > 0.9


def test_the_reference_keeps_one_continuous_stream() -> None:
    """Blocks handed over back to back (their times jittering by a few ms, as the device's
    buffer reports them) are kept contiguous; a block far from where the last ended (the device
    ran dry) starts afresh at its own time, with silence in between."""
    ref = EchoReference()
    x = (np.arange(16_000 * 2) % 700).astype(np.int16)
    at = 10.0
    for k, i in enumerate(range(0, 16_000, 320)):
        jitter = 0.004 * (((k + 1) % 3) - 1)  # the first block on time
        ref.stream(x[i : i + 320], at + i / 16_000 + jitter, 16_000)
    assert (ref.samples(10.0, 16_000) == x[:16_000]).all()
    ref.stream(x[:320], 11.5, 16_000)  # half a second later than the stream's end
    got = ref.samples(11.0, 16_000)
    assert (got[:8000] == 0).all()
    assert (got[8000:8320] == x[:320]).all()
    assert (ref.samples(5.0, 100) == 0).all()  # before anything was played


def test_without_speexdsp_nothing_breaks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The library missing: the canceller says why in a sentence (an OSError naming the
    package), and the reference still takes the player's blocks (it keeps no samples)."""
    monkeypatch.setattr(aec, "_lib", lambda: None)
    assert not aec.available()
    with pytest.raises(OSError, match="libspeexdsp1"):
        EchoCanceller(EchoReference())
    ref = EchoReference()
    ref.stream(np.ones(441, np.int16), 1.0, 22_050)
    assert not ref.streaming
    assert (ref.samples(1.0, 160) == 0).all()
