"""Speech fixtures: eSpeak NG answers made at test time, the warm recognizer, a virtual mic."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from app.speech import AudioClip, WhisperRecognizer

REPO = Path(__file__).resolve().parents[2]

#: What a job seeker says at a networking event; some with numbers, names and questions.
ANSWERS: tuple[str, ...] = (
    "Thanks for making time to talk with me today.",
    "I have been working as a data analyst for 5 years.",
    "What does a typical week look like for your team?",
    "I led a project that cut reporting time by 40 percent.",
    "How did you decide to join this company?",
    "I am curious about the challenges your team is facing right now.",
    "Could you tell me more about the culture here?",
    "I moved to Chicago in 2019 to study engineering.",
    "That sounds interesting, I would love to learn more about it.",
    "Is there anyone else you think I should talk to?",
    "We shipped three releases last quarter with a team of 8 people.",
    "What advice would you give someone starting out in this field?",
)

#: Two eSpeak NG voices, so the bound holds for more than one speaker.
VOICES: tuple[str, ...] = ("en-us", "en-gb")


def espeak(text: str, out: Path, voice: str = "en-us", speed: int = 150) -> Path:
    """Speak ``text`` with the espeak-ng command into ``out`` (22.05 kHz mono WAV)."""
    subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(out), text],
        check=True,
        timeout=30,
        capture_output=True,
    )
    return out


def espeak_for_mic(text: str, out: Path) -> tuple[AudioClip, Path]:
    """Speak ``text`` into ``out``; returns the clip and a WAV of it led in by 1 s of silence.

    The lead-in is for the virtual microphone: PulseAudio's idle source drops the first ~100 ms
    it is sent (tests/speech/pulse.py).
    """
    spoken = AudioClip.from_wav(espeak(text, out))
    return spoken, padded_for_mic(spoken, out)


def padded_for_mic(spoken: AudioClip, out: Path) -> Path:
    """``spoken`` led in by 1 s of silence, written next to ``out`` (see :func:`espeak_for_mic`)."""
    return (AudioClip(bytes(16_000)) + spoken).to_wav(out.with_stem(out.stem + "-padded"))


def speech_testdata_dir() -> Path:
    """Real recordings: FRAMESHIFT_SPEECH_TESTDATA, else ../shared/testdata/speech by the repo."""
    override = os.environ.get("FRAMESHIFT_SPEECH_TESTDATA")
    return Path(override) if override else REPO.parent / "shared" / "testdata" / "speech"


@pytest.fixture(scope="session")
def espeak_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for eSpeak-made WAVs, shared by the session; skips when espeak-ng is missing."""
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed (apt-get install espeak-ng)")
    return tmp_path_factory.mktemp("espeak")


@pytest.fixture(scope="session")
def espeak_answers(espeak_dir: Path) -> list[tuple[str, str, Path]]:
    """(voice, reference text, WAV) for every answer in both voices."""
    return [
        (voice, text, espeak(text, espeak_dir / f"{voice}-{i:02d}.wav", voice))
        for voice in VOICES
        for i, text in enumerate(ANSWERS)
    ]


@pytest.fixture(scope="session")
def recognizer() -> WhisperRecognizer:
    """The bundled Whisper tiny.en, loaded once for the whole session."""
    rec = WhisperRecognizer()
    rec.load()
    return rec


@pytest.fixture(scope="session")
def real_recordings() -> list[tuple[Path, str]]:
    """(WAV, reference) from the shared test data, used in place; skips if it is absent."""
    folder = speech_testdata_dir()
    manifest = folder / "manifest.json"
    if not manifest.is_file():
        pytest.skip(f"real recordings not found at {folder} (set FRAMESHIFT_SPEECH_TESTDATA)")
    items = json.loads(manifest.read_text(encoding="utf-8"))["items"]
    return [(folder / item["file"], item["text"]) for item in items]


@pytest.fixture(autouse=True)
def _sound_server_before_audio(sound_server: dict[str, str] | None) -> None:
    """Every speech test starts the private PulseAudio first (once per run): Qt Multimedia binds
    to the sound server the first time a test touches audio, so it must already be there."""


@pytest.fixture
def pulse_mic(sound_server: dict[str, str] | None) -> dict[str, str]:
    """The session's private PulseAudio, whose default source hears what plays into
    ``fs_sink`` (started once for the whole run in tests/conftest.py)."""
    if sound_server is None:
        pytest.skip("PulseAudio is not installed (apt-get install pulseaudio pulseaudio-utils)")
    return sound_server
