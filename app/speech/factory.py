"""The one place speech is built: which voice engine, recognizer, microphone and player.

``make_speech(settings)`` builds the real pieces; tests and benches call the same function with
fakes injected (``voice=FakeVoice()``, ``microphone=FakeMicrophone()``...), so every signal path,
the speculative decode included, is the production one.

Voice engines are registered in :data:`VOICE_ENGINES`. A persona chooses one in its voice name,
``"<engine>:<voice>"`` (``"pyttsx3:en-us"``); a bare name (``"en-us"``) uses
``DEFAULT_VOICE_ENGINE``. Adding an engine is a module with a :class:`~app.speech.Voice` class
(cheap to construct: load models on the first render) and one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from app.speech.errors import EngineUnavailable
from app.speech.protocols import Microphone, Player, Recognizer, Voice, VoiceSettings
from app.speech.services import SpeechServices

if TYPE_CHECKING:
    from app.config import Settings


def _pyttsx3() -> Voice:
    from app.speech.tts_pyttsx3 import Pyttsx3Voice

    return Pyttsx3Voice()


def _piper() -> Voice:
    from app.speech.tts_piper import PiperTts

    return PiperTts()


def _flite() -> Voice:
    from app.speech.tts_flite import FliteTts

    return FliteTts()


#: Voice engines by the name a persona's voice may start with; each builds its Voice lazily.
VOICE_ENGINES: dict[str, Callable[[], Voice]] = {
    "pyttsx3": _pyttsx3,
    "piper": _piper,
    "flite": _flite,
}
DEFAULT_VOICE_ENGINE = "pyttsx3"


@dataclass
class EngineVoice:
    """A Voice that sends each line to the engine its settings name (``"engine:voice"``)."""

    engines: dict[str, Callable[[], Voice]]
    default: str = DEFAULT_VOICE_ENGINE
    #: False: every persona speaks with the default engine, in the voice its own engine names
    #: as a stand-in (``settings.natural_voices = false``, for weak machines).
    natural: bool = True

    def __post_init__(self) -> None:
        self._built: dict[str, Voice] = {}

    @property
    def engine_id(self) -> str:
        """Every engine with its version (constructors are cheap: engines load on first render);
        the cache also keys on the voice name, which names the engine."""
        ids = "+".join(f"{name}={self.engine(name).engine_id}" for name in sorted(self.engines))
        return ids if self.natural else f"{ids}+stand-ins"

    def split(self, settings: VoiceSettings) -> tuple[str, VoiceSettings]:
        name, sep, voice = settings.voice.partition(":")
        if sep and name in self.engines:
            return name, replace(settings, voice=voice)
        return self.default, settings

    def engine(self, name: str) -> Voice:
        if name not in self._built:
            self._built[name] = self.engines[name]()
        return self._built[name]

    def render(self, text: str, settings: VoiceSettings, out: Path) -> Path:
        """Render with the engine the voice names; where that engine cannot run here (not
        installed, model missing), or natural voices are off, the default engine speaks instead
        with the voice the engine names as its stand-in (``fallback(settings)``), so a persona
        is never silent."""
        name, own = self.split(settings)
        if name != self.default and not self.natural:
            return self.engine(self.default).render(text, self._stand_in(name, own), out)
        try:
            return self.engine(name).render(text, own, out)
        except EngineUnavailable:
            if name == self.default:
                raise
            return self.engine(self.default).render(text, self._stand_in(name, own), out)

    def _stand_in(self, name: str, own: VoiceSettings) -> VoiceSettings:
        fallback = getattr(self.engine(name), "fallback", None)
        return fallback(own) if callable(fallback) else replace(own, voice="en-us")


def make_voice(settings: Settings | None = None, engine: str | None = None) -> Voice:
    """The voice: one engine by name, or (default) every registered engine, chosen per line by
    the persona's voice name."""
    if engine is not None:
        if engine not in VOICE_ENGINES:
            known = ", ".join(sorted(VOICE_ENGINES))
            raise ValueError(f"unknown voice engine {engine!r}; known: {known}")
        return VOICE_ENGINES[engine]()
    if len(VOICE_ENGINES) == 1:
        return VOICE_ENGINES[DEFAULT_VOICE_ENGINE]()
    natural = True if settings is None else bool(settings.natural_voices)
    return EngineVoice(dict(VOICE_ENGINES), natural=natural)


def make_recognizer(settings: Settings) -> Recognizer:
    from app.speech.stt_whisper import WhisperRecognizer

    model_dir = Path(settings.model_dir).expanduser() if settings.model_dir else None
    # Three CTranslate2 workers, one per decoding thread of the worker: the streaming decodes,
    # the pause's and end's decodes beside them (never queued behind one), and an answer's
    # accurate pass, so none of them holds up the others.
    return WhisperRecognizer(model_dir, choice=settings.recognizer, workers=3)


#: The pause's decode starts when the pause is this old (one Silero frame: the first silent
#: one), not at its announcement 120 ms in; its words are used only for the announced pause and
#: only when silence alone came in between (``VadConfig.pause_decode_ms``, app.speech.worker).
PAUSE_DECODE_MS = 32
#: Words that end a sentence end the pause once it is this old (``VadConfig.text_finished_ms``,
#: 200 in the benches' rule). The pause decode's own latency (its words ~500 ms into the pause
#: on a quiet machine, bench/turn_gap.py session 13) is what kept a comma pause after a whole
#: clause from being cut: Piper's "Not yet, | who would...", "That sounds interesting, | what..."
#: pause 320-450 ms (Silero, through the real window), and with the words ~300 ms in
#: (PAUSE_DECODE_MS) 11 of 20 natural answers were cut there (at 448 ms, 1 of 20: "Thank you, |
#: that is really helpful", a 446 ms pause). 512 ms (16 Silero frames) outlasts them.
FINISHED_WAIT_MS = 512
#: ... and words that end on a whole question (``VadConfig.text_question_ms``,
#: app.speech.endwords.asks: "?" and a wh-word or an auxiliary opening it) once it is this old
#: (None: FINISHED_WAIT_MS, as every finished sentence). A question hands the turn over, and the
#: comma pauses the wait above outlasts come after a statement ("Not yet, |", "Thank you, |").
#: Session 15, bench/endpointing.py dev on one run's decodes (tiny.en: auto at load 13-20):
#: 256 cuts the very same 8 of 235 as 512 alone, finished questions' median 570 -> 310 ms with
#: a 150 ms decode (@quiet), 570 -> 490 ms with a 400 ms one (@quiet400), all finished 580 -> 570.
#: OFF until bench/turn_gap.py --answer-voice natural --question-wait-ms none,256 on a quiet
#: machine and the report set confirm it (at load 18 every turn waited for the 2.5 s cap).
QUESTION_WAIT_MS: int | None = None
#: Words that end a sentence, Whisper sure of their last word (>= VOICE_ONLY_P) and their last
#: sentence a whole clause (VOICE_ONLY_WORDS words or more), that only the voice holds (no
#: final fall: app.speech.prosody) end the pause once it is this old, not after the 1.2 s unsure
#: wait (``VadConfig.text_voice_only_ms``, ``text_voice_only_p``, ``text_voice_only_words``).
#: Piper says "I came tonight to learn how people here got into data work." (p 0.95-0.97)
#: without a falling voice: it waited 1.2 s, session 15's turn-gap p95. Session 17,
#: bench/endpointing.py --set dev --voices en-us,piper:joe,en-gb-x-rp+m3,piper:joe (base, load
#: ~2, one run): any sure finished words at 600-900 ms cut 8-13 eSpeak pauses of 118 against 6
#: (Piper 15 of 117 each); with p >= 0.9 still 8-9 ("I was the first. | person in my family",
#: "I worked with | the CFO"); a last sentence of 8+ words 7 ("My experience in the restaurant
#: industry taught me | how to work"); of 10+ words 6 and 15, as today, at 600-800 ms, with
#: the model times of this run and with a 400 ms pause decode. But the report set (voices dev
#: never uses; not tuned on) at 600 ms: eSpeak 3 -> 4 of 80 cut ("I spent most of last year
#: working on a | migration..."), 4 -> 5 with a 400 ms decode; Flite 1/40, Piper 1/20 as
#: today. And bench/turn_gap.py --answer-voice natural (tiny.en by auto, 40 turns paired) never
#: reached it. OFF (None) until a larger held-out run says it cuts no more; the rule's test
#: runs it at 600 (tests/speech/test_voice_only_wait.py).
VOICE_ONLY_WAIT_MS: int | None = None
VOICE_ONLY_P = 0.9
VOICE_ONLY_WORDS = 10


def make_microphone(settings: Settings) -> Microphone:
    from app.speech.microphone import EndpointModels, QtMicrophone
    from app.speech.vad import VadConfig

    models = EndpointModels()  # Silero VAD and Smart Turn, loaded on a thread; the words come
    # from the recognizer's own pause decode (worker.pause_words), not a model of their own
    return QtMicrophone(
        settings.input_device,
        VadConfig(
            end_silence_ms=int(settings.end_silence_ms),
            max_speech_s=float(settings.max_answer_s),
            pause_decode_ms=PAUSE_DECODE_MS,
            text_finished_ms=FINISHED_WAIT_MS,
            text_question_ms=QUESTION_WAIT_MS,
            text_voice_only_ms=VOICE_ONLY_WAIT_MS,
            text_voice_only_p=VOICE_ONLY_P,
            text_voice_only_words=VOICE_ONLY_WORDS,
        ),
        voice_prob=models.voice,
        end_of_turn=models.turn,
        words=models.words,
    )


def make_player(settings: Settings) -> Player:
    from app.speech.player import QtPlayer

    return QtPlayer(volume=float(settings.volume))


def make_speech(
    settings: Settings,
    *,
    voice: Voice | None = None,
    recognizer: Recognizer | None = None,
    microphone: Microphone | None = None,
    player: Player | None = None,
    load_recognizer: bool = True,
) -> tuple[SpeechServices, list[str]]:
    """Build the speech services in the GUI thread; any piece given is used as it is.

    The recognizer's model loads in its thread at once (``recognizer_ready``/``_failed``); the
    microphone's growing answer feeds the worker's streaming decode and its pauses the speculative
    one, and the worker's partial text goes back to the microphone's end-of-turn decision.
    Returns the services and sentences about what cannot work (no speakers...).
    """
    from app.speech.worker import SpeechWorker

    notices: list[str] = []
    worker = SpeechWorker(
        voice if voice is not None else make_voice(settings),
        recognizer if recognizer is not None else make_recognizer(settings),
        Path(settings.cache_dir) / "voice",
        recognizer_timeout_s=float(settings.recognizer_timeout_s),
        denoise=True,  # DeepFilterNet3 before Whisper base (bench/speech.py); not in fast mode
    )
    if load_recognizer:
        worker.load_recognizer()
    if player is None:
        player = make_player(settings)
        if getattr(player, "silent", False) and settings.voice:  # --no-voice: nothing is missing
            notices.append("No speakers found: the manager's lines are shown as captions only.")
    if microphone is None:
        microphone = make_microphone(settings)
    microphone.silence_started.connect(worker.speculate)
    began = getattr(microphone, "pause_began", None)
    broken = getattr(microphone, "pause_broken", None)
    if began is not None and broken is not None:  # the pause's decode starts at its first
        began.connect(worker.speculate_early)  # silent frame, and stops if the voice returns
        broken.connect(worker.drop_early)
    growing = getattr(microphone, "speech_growing", None)
    if growing is not None:  # decode while the user speaks (app/speech/streaming.py)
        growing.connect(worker.stream)
    fed = getattr(microphone, "speech_fed", None)
    if fed is not None:  # its noise filter keeps up with the answer (app.speech.denoise)
        fed.connect(worker.feed)
    hint_text = getattr(microphone, "hint_text", None)
    if hint_text is not None:  # the words so far help decide the end of the turn
        worker.partial_text.connect(hint_text)
    attach_echo = getattr(microphone, "attach_echo", None)
    if attach_echo is not None:  # the microphone gates the voice the player is playing
        attach_echo(getattr(player, "echo", None))
    return SpeechServices(worker, player, microphone), notices


__all__ = [
    "DEFAULT_VOICE_ENGINE",
    "VOICE_ENGINES",
    "EngineVoice",
    "make_microphone",
    "make_player",
    "make_recognizer",
    "make_speech",
    "make_voice",
]
