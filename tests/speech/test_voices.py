"""The persona voice engines (Piper, Flite) render real speech the recognizer understands, the
factory routes "engine:voice" names to them, and a missing engine falls back to eSpeak NG."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from app.speech import AudioClip, VoiceCache, VoiceSettings, WhisperRecognizer
from app.speech.errors import EngineUnavailable
from app.speech.factory import EngineVoice, make_voice
from app.speech.scoring import corpus_wer
from app.speech.tts_flite import FliteTts
from app.speech.tts_piper import PiperTts

pytestmark = pytest.mark.speech

#: Manager lines as the personas say them.
LINES: tuple[str, ...] = (
    "Hi, I'm Marcus. Dana tells me you're looking at data work. What brings you here tonight?",
    "We build warehouse robots, and my team tests them before they ship.",
    "If I were starting again, I'd get close to the customer support team.",
    "Honestly, most people just say yes and ask about the money.",
)
#: Measured on these lines: Piper joe 0-3%, Flite 2-5% (tiny.en); the bound leaves headroom.
VOICE_WER_BOUND = 0.12


def _duration(path: Path) -> float:
    with wave.open(str(path)) as wav:
        return wav.getnframes() / wav.getframerate()


@pytest.mark.slow
@pytest.mark.parametrize("voice", ["piper:joe", "flite:slt", "flite:rms"])
def test_persona_voices_are_understood(
    voice: str, tmp_path: Path, recognizer: WhisperRecognizer
) -> None:
    engine = make_voice()
    assert isinstance(engine, EngineVoice)
    name, own = engine.split(VoiceSettings(voice=voice))
    if not engine.engine(name).available(own.voice):  # type: ignore[attr-defined]
        pytest.skip(f"{voice} is not installed here (make setup installs it)")
    pairs = []
    for i, line in enumerate(LINES):
        wav = engine.render(line, VoiceSettings(voice=voice, rate=165), tmp_path / f"{i}.wav")
        assert _duration(wav) > 1.0
        pairs.append((line, recognizer.transcribe(AudioClip.from_wav(wav)).text))
    assert corpus_wer(pairs) <= VOICE_WER_BOUND, pairs


def test_rate_and_pitch_change_the_audio(tmp_path: Path) -> None:
    flite = FliteTts()
    if not flite.available("slt"):
        pytest.skip("flite is not installed (apt-get install flite)")
    line = LINES[1]
    slow = flite.render(line, VoiceSettings(voice="slt", rate=120), tmp_path / "slow.wav")
    fast = flite.render(line, VoiceSettings(voice="slt", rate=220), tmp_path / "fast.wav")
    assert _duration(slow) > 1.4 * _duration(fast)
    low = flite.command(line, VoiceSettings(voice="slt", pitch=20), tmp_path / "x.wav")
    assert any(arg.startswith("int_f0_target_mean=") for arg in low)


def test_a_missing_engine_falls_back_to_espeak(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where Flite or a Piper voice is not installed, the persona still speaks (eSpeak NG), and
    the cache key differs from the real engine's so its audio is never served for it later."""
    from app.speech import tts_flite
    from app.speech.factory import VOICE_ENGINES

    monkeypatch.setattr(tts_flite, "_flite", lambda: None)  # a machine without the package
    missing = FliteTts()
    assert missing.engine_id == "flite/missing"
    with pytest.raises(EngineUnavailable, match="not installed"):
        missing.render("Hello there.", VoiceSettings(voice="slt"), tmp_path / "x.wav")
    voice = EngineVoice({**VOICE_ENGINES, "flite": lambda: missing})
    settings = VoiceSettings(voice="flite:slt")
    out = voice.render("Hello there, how are you?", settings, tmp_path / "a.wav")
    assert _duration(out) > 0.5
    monkeypatch.undo()
    real = EngineVoice(dict(VOICE_ENGINES))
    assert VoiceCache(voice, tmp_path).path_for("Hi.", settings) != VoiceCache(
        real, tmp_path
    ).path_for("Hi.", settings)
    unknown = PiperTts()
    with pytest.raises(EngineUnavailable, match="no voice called"):
        unknown.render("Hello.", VoiceSettings(voice="nobody"), tmp_path / "b.wav")
    out2 = real.render("Hello there.", VoiceSettings(voice="piper:nobody"), tmp_path / "b.wav")
    assert _duration(out2) > 0.3


def test_cache_keys_name_the_engine(tmp_path: Path) -> None:
    """The same text in a Piper and a Flite voice are two cache entries."""
    cache = VoiceCache(make_voice(), tmp_path)
    a = cache.path_for("Good to meet you.", VoiceSettings(voice="piper:joe"))
    b = cache.path_for("Good to meet you.", VoiceSettings(voice="flite:rms"))
    assert a != b


def test_natural_voices_off_uses_the_stand_ins(tmp_path: Path) -> None:
    """settings.natural_voices = false: every persona speaks eSpeak NG's stand-in voice, and the
    cache never mixes that audio with the natural voice's."""
    from app.config import Settings

    fast = make_voice(Settings(data_dir=tmp_path, natural_voices=False))
    natural = make_voice(Settings(data_dir=tmp_path))
    assert isinstance(fast, EngineVoice)
    assert isinstance(natural, EngineVoice)
    settings = VoiceSettings(voice="piper:joe")
    out = fast.render("Good to meet you. What brings you here?", settings, tmp_path / "a.wav")
    assert _duration(out) > 1.0
    assert fast.engine("piper")._loaded == {}  # type: ignore[attr-defined]  # Piper never ran
    a = VoiceCache(fast, tmp_path).path_for("Hi.", settings)
    b = VoiceCache(natural, tmp_path).path_for("Hi.", settings)
    assert a != b
