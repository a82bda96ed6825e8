"""The words side of end of turn: a transcript that stops mid-sentence keeps the turn open
whatever the acoustic model says; finished words let it end. Generated classes of text, and the
detector on eSpeak NG speech made at test time."""

from __future__ import annotations

import itertools
import subprocess
from pathlib import Path

import numpy as np
import pytest

from app.speech import AudioClip
from app.speech.endpoint import SileroVoice
from app.speech.endwords import NEVER_LAST, RARELY_LAST, SOMETIMES_LAST, judge
from app.speech.vad import SilenceStarted, SpeechEnded, TurnCheck, Vad, VadConfig

from .conftest import espeak
from .pauses import pause_after

RATE = 16_000
STARTS = ["I think", "Honestly, what I did", "So my last job", "Well, we", "The plan is"]


@pytest.mark.parametrize("word", sorted(NEVER_LAST))
def test_a_sentence_never_ends_on_an_article_conjunction_or_hesitation(word: str) -> None:
    for start, end in itertools.product(STARTS, ["", ".", "?", "...", ",", " -"]):
        assert judge(f"{start} {word}{end}") == "unfinished", f"{start} {word}{end}"


@pytest.mark.parametrize("word", sorted(RARELY_LAST))
def test_a_rare_last_word_is_unfinished_even_when_whisper_puts_a_period(word: str) -> None:
    """Whisper closes whatever it hears with a period ("the hardest part was."): after a word
    that wants another, only a question mark or a set phrase makes the end possible."""
    for start in ("So my last job", "The plan is", "Honestly the hardest part", "Our clients"):
        for end in ("", "...", ",", ".", "!"):
            assert judge(f"{start} {word}{end}") == "unfinished", f"{start} {word}{end}"
        assert judge(f"{start} {word}?") == "unsure"  # "Where are you from?"


@pytest.mark.parametrize("word", sorted(SOMETIMES_LAST))
def test_a_word_that_often_ends_a_sentence_leaves_it_to_the_model_and_the_clock(word: str) -> None:
    for start in STARTS:
        if start.endswith(" we") and word.endswith("ly"):
            continue  # "we really." (test_an_adverb_after_a_subject_ends_nothing)
        assert judge(f"{start} {word}.") == "unsure"  # "I'd like that.", "I think so."
        assert judge(f"{start} {word}") == "unfinished"
        assert judge(f"{start} {word}...") == "unfinished"


def test_an_adverb_after_a_subject_ends_nothing() -> None:
    for subject in ("I", "we", "They", "she"):
        for adverb in ("actually", "really", "mostly", "usually", "definitely", "basically"):
            for end in (".", "", "!"):
                assert judge(f"So {subject} {adverb}{end}") == "unfinished"


def test_set_phrases_pronoun_ellipsis_and_stranded_words_may_end_a_sentence() -> None:
    for text in ("I'd love to.", "I think so.", "Not yet.", "Not really.", "I'm not sure it does.",
                 "Count me in.", "I'll take whatever you have.", "That is where I am.",
                 "Who should I send it to?", "Sure, if you need.", "Yes, it was.", "Me too.",
                 "At five.", "Why not?", "It took a while.", "It's a lot to think about.",
                 "That's the kind of team I'm looking for.",
                 "That's something I've been working on."):  # fmt: skip
        assert judge(text) != "unfinished", text


# A small grammar: every word is a (class, word); a sentence may stop after a content word.
_SUBJECTS = [[("F", "I")], [("F", "We")], [("F", "My"), ("C", "team")],
             [("F", "The"), ("C", "job")]]  # fmt: skip
_VERBS = [[("F", "have"), ("F", "been"), ("C", "working")], [("F", "was"), ("C", "building")],
          [("C", "spent"), ("C", "years")], [("F", "would"), ("C", "enjoy"), ("C", "working")],
          [("F", "am"), ("C", "studying")], [("C", "moved")]]  # fmt: skip
_PLACES = [[("F", "in"), ("F", "a"), ("C", "hospital")], [("F", "at"), ("F", "the"), ("C", "port")],
           [("F", "with"), ("F", "our"), ("C", "customers")],
           [("F", "for"), ("F", "an"), ("C", "agency")],
           [("F", "on"), ("F", "their"), ("C", "data")],
           [("F", "to"), ("C", "Chicago")]]  # fmt: skip
_TAILS = [[], [("F", "and"), ("F", "the"), ("C", "warehouse")],
          [("F", "because"), ("F", "the"), ("C", "firm"), ("C", "grew")],
          [("F", "but"), ("F", "I"), ("C", "left")], [("F", "since"), ("C", "spring")]]  # fmt: skip


def test_a_clause_opening_the_sentence_then_its_copula_is_unfinished() -> None:
    """Pseudo-clefts ("What I enjoy most is", "The thing I liked about it was") pause before
    their point, even with Whisper's period; a wh-clause after the main verb ("That's who I
    am.", "I know where it is.") may end there, and so may a question."""
    openers = ["What", "Where", "How", "The thing", "The one thing", "All", "The part"]
    middles = ["I enjoy most", "I really want", "we struggle with", "drew me to it", "I liked"]
    checked = 0
    for opener, middle, copula in itertools.product(openers, middles, ["is", "was", "are"]):
        text = f"{opener} {middle} {copula}."
        assert judge(text) == "unfinished", text
        assert judge(f"{opener} {middle} {copula}?") != "unfinished", text
        checked += 1
    for main, wh, rest in itertools.product(
        ["That's", "I know", "I wonder", "Tell me"],
        ["what", "where", "who", "how"],
        ["it is", "I am", "they were"],
    ):
        text = f"{main} {wh} {rest}."
        assert judge(text) != "unfinished", text
        checked += 1
    assert checked == 7 * 5 * 3 + 4 * 4 * 3


def test_a_question_ending_on_a_verb_in_ly_is_not_an_adverb() -> None:
    """ "How do I apply?" ends on a verb, not on an adverb after its subject ("I actually")."""
    for opener, subject, verb in itertools.product(
        ["How do", "Where do", "Should", "Can", "When can", "Why would"],
        ["I", "we", "they"],
        ["apply", "reply", "rely on it", "comply"],
    ):
        text = f"{opener} {subject} {verb}?"
        assert judge(text) != "unfinished", text
    for subject, adverb in itertools.product(["I", "we", "they"], ["actually", "mostly", "really"]):
        assert judge(f"{subject} {adverb}.") == "unfinished"


# Whole questions whose opening strands their last word: (wh-opening, rest) and yes/no ones.
_WH = ["Who would you suggest I", "What are you", "Which team do they", "Where do people",
       "What does the data team", "Who did you", "What kind of work is your team"]  # fmt: skip
_STRANDED = ["talk to", "working on", "report to", "come from", "look after", "care about",
             "feed into", "usually deal with"]  # fmt: skip
_YES_NO = ["Is there anyone else I should", "Is there someone you think I could",
           "Do you know anyone I could", "Is there anybody here I should"]  # fmt: skip


def test_a_whole_question_ending_on_a_stranded_word_is_finished() -> None:
    """ "Who would you suggest I talk to?" ends where its opening strands the preposition: with
    Whisper's question mark it is finished (it waited 1.2 s as "unsure"). Without the mark it
    is not; a yes/no question stopped before its object ("Do you work with?") and a clause
    opening with a wh-word ("What I need is?") stay unsure."""
    checked = 0
    for opening, verb in itertools.product(_WH + _YES_NO, _STRANDED):
        text = f"{opening} {verb}"
        assert judge(text + "?") == "finished", text
        for before in ("That sounds interesting, ", "Not yet, ", "Honestly, "):
            assert judge(before + text[0].lower() + text[1:] + "?") == "finished", text
        assert judge(text + ".") != "finished", text
        assert judge(text) == "unfinished", text
        checked += 1
    openings = ["What drew you to", "Do you enjoy", "Why did you pick", "Have you always liked"]
    for opening, last in itertools.product(openings, ["this", "that"]):
        assert judge(f"{opening} {last}?") == "finished"
        assert judge(f"{opening} {last}.") == "unsure"
    for aux, subject, verb in itertools.product(
        ["Do", "Did", "Would", "Can"], ["you", "they", "we"], ["work with", "report to", "talk to"]
    ):
        assert judge(f"{aux} {subject} {verb}?") == "unsure", (aux, subject, verb)
        checked += 1
    for wh, subject, copula in itertools.product(["What", "Where", "Who"], ["I", "you", "we"],
                                                 ["need is", "liked was", "went to"]):  # fmt: skip
        assert judge(f"{wh} {subject} {copula}?") == "unsure", (wh, subject, copula)
        checked += 1
    assert checked == 11 * 8 + 4 * 3 * 3 + 3 * 3 * 3


def test_generated_sentences_stopped_after_a_function_word_are_unfinished() -> None:
    """Every sentence of the grammar, stopped after each of its words, as Whisper would close it
    (a period, a comma, nothing): after a function word the words hold the turn (after a
    pronoun and an auxiliary, "I have.", they leave it to the model: "Yes, I have."); the whole
    sentence with a period is finished."""
    sentences = [s + v + p + t for s, v, p, t in
                 itertools.product(_SUBJECTS, _VERBS, _PLACES, _TAILS)]  # fmt: skip
    assert len(sentences) == 4 * 6 * 6 * 5
    for sentence in sentences:
        words = [w for _, w in sentence]
        assert judge(" ".join(words) + ".") == "finished", words
        for k, (kind, _word) in enumerate(sentence[:-1], start=1):
            prefix = " ".join(words[:k])
            if kind == "F" and words[k - 2 : k - 1] in (["I"], ["We"]):
                assert judge(prefix + ".") == "unsure", prefix
                assert judge(prefix + "...") == "unfinished", prefix
            elif kind == "F":
                for end in ("", ".", ",", "..."):
                    assert judge(prefix + end) == "unfinished", prefix + end


def _run(
    clip: AudioClip, text_for: dict[str, str], p: float, prosody: bool = True
) -> list[tuple[int, str]]:
    """The detector with words: each pause's decode answered at once with ``text_for`` the
    number of pauses so far; the model answers ``p``. Returns (sample, reason) of each end."""
    config = VadConfig(use_text=True, text_prosody=prosody)
    vad = Vad(config, voice_prob=SileroVoice(), ask_end_of_turn=True)
    out = []
    pauses = 0
    for i in range(0, len(clip.pcm), 640):
        events = vad.feed(clip.pcm[i : i + 640])
        for e in list(events):
            if isinstance(e, SilenceStarted):
                pauses += 1
                events += vad.hint_text(e.clip, text_for.get(str(pauses), "Fine."))
            elif isinstance(e, TurnCheck):
                events += vad.turn_verdict(e.look, p)
        out += [(i // 2, e.reason) for e in events if isinstance(e, SpeechEnded)]
    return out


@pytest.mark.slow
def test_words_that_stop_mid_sentence_hold_the_turn_through_the_pause(espeak_dir: Path) -> None:
    """Generated: voices x pause lengths; the model always says "finished" (as Smart Turn does
    for many eSpeak pauses) but the words say "I would like to...": never cut in the pause."""
    for n, (voice, pause) in enumerate(itertools.product(("en-us", "en-gb+f3"), (400, 900, 1600))):
        wav = espeak_dir / f"words-{n}.wav"
        subprocess.run(
            ["espeak-ng", "-m", "-v", voice, "-w", str(wav),
             f'<speak>I would like to <break time="{pause}ms"/> meet the team.</speak>'],
            check=True, timeout=30,
        )  # fmt: skip
        spoken = AudioClip.from_wav(wav).resampled(RATE)
        clip = AudioClip(bytes(RATE)) + spoken + AudioClip(bytes(2 * RATE * 3))
        held = _run(clip, {"1": "I would like to..."}, p=1.0)
        assert len(held) == 1, (voice, pause, held)
        assert held[0][0] >= RATE // 2 + len(spoken.samples) * 0.8, (voice, pause, held)
        # Without the words' veto (and the voice's: eSpeak keeps its mid-sentence pitch at a
        # <break>, app.speech.prosody) the same model cuts the pause (when it is long enough).
        cut = _run(clip, {"1": "I would like to meet."}, p=1.0, prosody=False)
        if pause >= 900:
            assert len(cut) == 2, (voice, pause, cut)


def test_a_transcript_from_before_the_pause_does_not_decide_it(espeak_dir: Path) -> None:
    spoken = AudioClip.from_wav(espeak("Thanks, that sounds good.", espeak_dir / "w-old.wav"))
    spoken = spoken.resampled(RATE)
    clip = AudioClip(bytes(RATE)) + spoken + AudioClip(bytes(2 * RATE * 3))
    vad = Vad(VadConfig(use_text=True, alone_threshold=0.8), voice_prob=SileroVoice(),
              ask_end_of_turn=True)  # fmt: skip
    ends = []
    early: AudioClip | None = None
    for i in range(0, len(clip.pcm), 640):
        events = vad.feed(clip.pcm[i : i + 640])
        if vad.in_speech and early is None and len(vad.current_clip().pcm) > RATE:
            early = vad.current_clip()  # half a second in: "Thanks, that"
        for e in list(events):
            if isinstance(e, TurnCheck):
                assert early is not None
                events += vad.hint_text(early, "Thanks, and")  # stale: covers no pause
                events += vad.turn_verdict(e.look, 0.9)
        ends += [e for e in events if isinstance(e, SpeechEnded)]
    assert len(ends) == 1
    assert ends[0].reason == "end_of_turn"


def _pause_of_a_tone(vad: Vad) -> AudioClip:
    """Feed quiet, a 1 s tone (energy VAD) that falls from 220 to 150 Hz over its last 300 ms
    like the end of a statement (app.speech.prosody), and quiet until the pause is announced."""
    t = np.arange(RATE) / RATE
    hz = np.interp(t, [0.0, 0.7, 1.0], [220.0, 220.0, 150.0])
    return pause_after(
        vad, (0.2 * 32767 * np.sin(2 * np.pi * np.cumsum(hz) / RATE)).astype(np.int16)
    )


@pytest.mark.parametrize(
    ("whole", "tail", "ends"),
    [("I would like to...", "Thanks a lot.", False), ("Thanks a lot.", "I would like to", True)],
)
def test_quick_words_never_replace_the_whole_answers_words_for_the_same_audio(
    whole: str, tail: str, ends: bool
) -> None:
    """The whole answer's decode came first (it can, on a fast STT thread): the quick words of
    the same pause, later, change nothing, whichever way they read."""
    vad = Vad(VadConfig(use_text=True, text_finished_ms=0), ask_end_of_turn=True)
    clip = _pause_of_a_tone(vad)
    first = vad.hint_text(clip, whole)
    late = vad.hint_text(clip, tail, tail=True)
    ended = [e for e in first + late if isinstance(e, SpeechEnded)]
    assert bool(ended) == ends


@pytest.mark.parametrize(
    ("tail", "whole", "ends"),
    [(t, w, t.endswith(".") and w.endswith(".")) for t, w in itertools.product(
        ["Thanks a lot.", "I studied engineering.", "I would like", "So my last job was"],
        ["I agree.", "That makes sense.", "I would like to...", "We built a small..."],
    )],
)  # fmt: skip
def test_the_quick_words_and_the_whole_answers_words_must_agree(
    tail: str, whole: str, ends: bool
) -> None:
    """Two looks at one pause (the quick words, then the whole answer's decode of the same
    audio): the more cautious verdict stands, so words end the pause only when both say the
    sentence is finished; quick words that end a sentence end it at once on their own."""
    vad = Vad(VadConfig(use_text=True, text_finished_ms=0), ask_end_of_turn=True)
    clip = _pause_of_a_tone(vad)
    events = vad.hint_text(clip, tail, tail=True)
    assert bool([e for e in events if isinstance(e, SpeechEnded)]) == tail.endswith(".")
    if not events:
        events = vad.hint_text(clip, whole)
        assert bool([e for e in events if isinstance(e, SpeechEnded)]) == ends


FINISHED_WORDS = ["Thanks a lot.", "I studied engineering.", "That makes sense.", "Not yet.",
                  "I was working as an analyst.", "How long have you been here?"]  # fmt: skip


@pytest.mark.parametrize("text", FINISHED_WORDS)
def test_quick_words_doubting_their_last_word_wait_as_unsure(text: str) -> None:
    """Whisper turns a weak word before a mid-sentence pause into a sentence-ending one ("working
    as a" -> "working as it.") with a low probability: finished words whose last word it doubts
    wait text_unsure_ms, sure ones end the pause at once; the probability is read from the
    Heard words, for every level of doubt either side of VadConfig.text_sure_p."""
    from app.speech.quickwords import Heard

    config = VadConfig(use_text=True, text_finished_ms=0, text_unsure_ms=900)
    for last_p in np.linspace(0.0, 1.0, 21):
        vad = Vad(config, ask_end_of_turn=True)
        clip = _pause_of_a_tone(vad)
        events = vad.hint_text(clip, Heard(text, float(last_p)), tail=True)
        sure = last_p >= config.text_sure_p
        assert bool([e for e in events if isinstance(e, SpeechEnded)]) == sure, (text, last_p)
        waited = 0
        while not sure and not [e for e in events if isinstance(e, SpeechEnded)]:
            events = vad.feed(np.zeros(RATE // 50, dtype=np.int16))
            waited += 20
        assert sure or 700 <= waited <= 1000  # the unsure wait, counted from the pause's start


def test_a_plain_transcript_is_taken_as_sure() -> None:
    """The whole answer's decode (a plain str from the worker) carries no doubt."""
    vad = Vad(VadConfig(use_text=True, text_finished_ms=0), ask_end_of_turn=True)
    clip = _pause_of_a_tone(vad)
    assert [e for e in vad.hint_text(clip, "Thanks a lot.") if isinstance(e, SpeechEnded)]


def test_a_decode_stuck_in_a_loop_is_no_evidence() -> None:
    """Repeating decodes ("not real, not real, ...", ". . . .") of any length and phrase are
    loops; ordinary sentences, short repeats included, are not."""
    from app.speech.quickwords import looped

    for phrase in ("not real,", "public speaking.", ".", "nice.", "I", "and then"):
        for times in range(3, 40):
            assert looped(((phrase + " ") * times).split()) == (len(phrase.split()) * times >= 6)
    for phrase in ("I have been working on me.", "thank you for watching", "so what I did was"):
        for times in range(3, 12):
            assert looped(((phrase + " ") * times + "I").split()), (phrase, times)
    for text in [*FINISHED_WORDS, "No, no, no, I meant the other one.", "Very, very good.",
                 "I did it, I did it, and then I did it again to be sure it stuck."]:  # fmt: skip
        assert not looped(text.split()), text


def test_a_looping_quick_decode_is_unsure_never_a_hold_to_the_cap() -> None:
    """A quick decode stuck in a loop says neither finished nor unfinished, whatever the loop's
    last word ("not real, not real," would read unfinished): the pause waits the unsure wait,
    then ends, even when the whole answer's words say finished (any loop phrase and length)."""
    from app.speech.quickwords import heard
    from app.speech.streaming import HeardWord

    said = heard([HeardWord(w, 0.0, 0.0, 0.95) for w in ["Thanks", "a", "lot."]])
    assert said == "Thanks a lot."
    assert said.last_p == 0.95
    assert not said.looped
    config = VadConfig(use_text=True, text_finished_ms=0)
    for phrase in ("not real,", "I was,", "and then", "um", "Thanks a lot."):
        for times in (6, 12, 40):
            loop = ((phrase + " ") * times).split()
            quick = heard([HeardWord(w, 0.0, 0.0, 0.9) for w in loop])
            assert quick.looped, (phrase, times)
            assert quick.last_p == 0.0
            vad = Vad(config, ask_end_of_turn=True)
            clip = _pause_of_a_tone(vad)
            events = vad.hint_text(clip, quick, tail=True) + vad.hint_text(clip, "Thanks a lot.")
            waited = vad.pause_ms
            while not [e for e in events if isinstance(e, SpeechEnded)]:
                events = vad.feed(np.zeros(RATE // 50, dtype=np.int16))
                waited = vad.pause_ms or waited
            assert config.text_unsure_ms - 100 <= waited < config.end_silence_max_ms - 300


@pytest.mark.parametrize("p", [0.1, 0.49, 0.5, 0.8, 0.99])
def test_a_pause_with_no_words_is_decided_by_the_model_alone(p: float) -> None:
    """No words ever arrive for the pause (the quick words failed to load, an empty tail): the
    model's one look decides once text_wait_ms has passed, at its own threshold; a model that
    says "not finished" leaves the pause to the cap. Never a hold to the cap for a "yes"."""
    config = VadConfig(use_text=True)
    vad = Vad(config, ask_end_of_turn=True)
    t = np.arange(RATE) / RATE
    tone = (0.2 * 32767 * np.sin(2 * np.pi * 220 * t)).astype(np.int16)
    events = vad.feed(np.zeros(RATE // 2, dtype=np.int16)) + vad.feed(tone)
    ended_ms = None
    frame = RATE // 50  # 20 ms
    for n in range(1, 200):
        for e in list(events):
            if isinstance(e, TurnCheck):
                events += vad.turn_verdict(e.look, p)
            if isinstance(e, SpeechEnded) and ended_ms is None:
                ended_ms = n * 20
        if ended_ms is not None:
            break
        events = vad.feed(np.zeros(frame, dtype=np.int16))
    assert ended_ms is not None
    if p >= config.end_of_turn_threshold:
        assert ended_ms < config.end_silence_max_ms - 300, ended_ms
        assert ended_ms >= config.text_wait_ms - 100, ended_ms
    else:
        assert ended_ms >= config.end_silence_max_ms - 100, ended_ms


@pytest.mark.parametrize("words_at_ms", [None, 140, 300, 500, 660, 900, 1200])
def test_smart_turn_looks_only_at_a_pause_whose_words_are_late(words_at_ms: int | None) -> None:
    """With the words on, Smart Turn ends nothing they judged, so the end-of-turn thread is not
    spent on it (a look there delays the next pause's quick words): it is asked only when no
    words came by ``text_look_ms``, in time for ``text_wait_ms``; words that come first (any
    time before) leave no look to ask."""
    config = VadConfig(use_text=True, text_unsure_ms=60_000)  # "unsure" words hold this pause
    vad = Vad(config, ask_end_of_turn=True)
    t = np.arange(RATE) / RATE
    tone = (0.2 * 32767 * np.sin(2 * np.pi * 220 * t)).astype(np.int16)
    vad.feed(np.zeros(RATE // 2, dtype=np.int16))
    vad.feed(tone)
    clip = None
    asked_at = []
    frame = RATE // 50  # 20 ms
    for n in range(1, 100):
        ms = n * 20
        for e in vad.feed(np.zeros(frame, dtype=np.int16)):
            if isinstance(e, SilenceStarted):
                clip = e.clip
            elif isinstance(e, TurnCheck):
                asked_at.append(ms)
        if words_at_ms is not None and ms == words_at_ms:
            assert clip is not None
            vad.hint_text(clip, "I think so.")  # unsure: the words neither end nor hold it
    if words_at_ms is not None and words_at_ms < config.text_look_ms:
        assert asked_at == []
    else:
        assert len(asked_at) == 1
        assert config.text_look_ms <= asked_at[0] < config.text_look_ms + 60


@pytest.mark.parametrize("text", [*FINISHED_WORDS, "I would like to", "Not really, but I..."])
def test_lone_periods_after_the_quick_words_are_silence_not_words(text: str) -> None:
    """tiny.en fills the quiet after the last word with ". . . ." up to the token cap: the words
    before them are what was said (and their last word's probability is the one that counts),
    however many periods follow; periods alone are nothing heard."""
    from app.speech.quickwords import heard
    from app.speech.streaming import HeardWord

    said = [HeardWord(w, 0.0, 0.0, 0.93) for w in text.split()]
    for dots in range(0, 45, 3):
        quick = heard([*said, *(HeardWord(".", 0.0, 0.0, 0.1) for _ in range(dots))])
        assert quick == text, (text, dots)
        assert quick.last_p == 0.93
        assert judge(quick) == judge(text)
    for dots in (1, 5, 40):
        assert heard([HeardWord(" .", 0.0, 0.0, 0.2) for _ in range(dots)]) == ""


SHORT_ANSWERS = ("That makes sense.", "Not yet.", "Sorry.", "Absolutely.", "Where are you based?")


@pytest.mark.slow
@pytest.mark.parametrize("voice", ["en-us", "en-gb-x-rp+m3"])
def test_the_quick_words_of_a_short_finished_answer_do_not_loop(
    espeak_dir: Path, voice: str
) -> None:
    """The real tiny.en quick words at the pause after short finished answers (120 ms of quiet
    after the last word, room noise): no decode repeats itself to the token cap (tiny.en at
    temperature 0 did for a third of these without the repetition penalty)."""
    from app.speech.quickwords import QuickWords

    words = QuickWords()
    rng = np.random.default_rng(7)
    for n, text in enumerate(SHORT_ANSWERS):
        spoken = AudioClip.from_wav(espeak(text, espeak_dir / f"short-{voice}-{n}.wav", voice))
        x = spoken.resampled(RATE).to_float()
        loud = np.flatnonzero(np.abs(x) > 0.01)
        x = np.concatenate([np.zeros(RATE // 2, np.float32), x[: loud[-1] + RATE * 12 // 100]])
        x = x + rng.normal(0, 0.002, len(x)).astype(np.float32)
        heard = words(AudioClip.from_samples(x, RATE))
        assert not heard.looped, (voice, text, str(heard))
        assert len(heard.split()) <= 2 * len(text.split()) + 1, (voice, text, str(heard))
