"""The sentence model's part of framing: the turns the rules cannot decide.

The rules decide a seeker turn when they find a decisive cue (a strong cue, a hedge, advice or
referral seeking, self-promotion: `vocabulary.DECISIVE_CUES`) or when it is a bare yes-type
answer of a few words, whose meaning is in the manager's line. Their frame, score, cues and spans
then stand exactly. For every other seeker turn:

* **Monologue**: an answer of `MONOLOGUE_WORDS` or more that talks about oneself as a worker
  (at least `MONOLOGUE_WORKER_WORDS` different words of `patterns.WORKER_TALK`: experience,
  skills, roles, results, fit) and asks nothing is self-promotion, whatever else it says; a
  long story or description (a trip, a hobby, the town, a friend) is not (session 15), and
  the model may not name self-promotion for one either (`_long_story`: that length with
  fewer worker words, or `STORY_WORDS` and more with none).
* **A plain decline** ("No, I'm good, thanks.", "Not right now, you've covered it",
  `cues.declines`) keeps the rules' frame: the model reads no interest into it.
* **The heads**: logistic heads over the answer's mean-pooled, normalised embedding plus which
  manager cues the rules found in the line before. The frame head may overrule the rules' frame
  only when its probability passes `threshold` (`question_threshold` when the rules heard a
  question). A cue head names the cue of the model's frame, so shift detection, cue names and
  explanations keep working.
* **Pay needs pay words**: the model may name a pay question only in a turn that names pay-like
  content (`patterns.PAY_CONTENT`), and its span is those words; otherwise a turn whose
  questions all ask about the work ("How big is the team?", "I might be. What's the scope of
  the role?") keeps the rules' frame, and any other takes the cue head's next cue.
* **A question about the work asks for nothing**: the model may not name a job request in a
  turn whose questions are all wh-questions ("what projects would I work on", "who does the
  role report to") unless its words ask for the position (`patterns.JOB_ASKED`); when some are
  yes/no questions with no first-person word that ask for no place ("is it a new role?"), its
  job request must hold for the rest of the turn alone. So must a commitment read from a turn
  whose questions all ask about the work and hold no first-person word ("Hmm, what's the
  biggest challenge right now?" commits to nothing).
* **Read apart**: where the rules silence a span (`cues.silent_spans`: "you'd be the best person
  to ask", a question about their day), the model's reading must hold for the rest of the turn
  alone; the few words leading into such a remark in its clause ("Honestly I bet ...") are not
  part of that rest.
* **A reason for coming is no pitch**: a clause saying the seeker came to meet, talk to or
  learn from people (`_CAME_TO_MEET`: "I wanted to meet people who build data platforms",
  "I'm here to learn from anyone doing policy work") whose people ask for nothing (no
  first-person word, no words asking for a place) answers "what brings you here?": the model's
  interview reading must hold for the rest of the turn alone.
* **Withdrawn requests**: the model may not read back a request the rules found negated or
  deferred ("I'm not ready to apply yet") or "the open role" as the topic of a question about
  its content (`cues.withdrawn`): its interview reading with that cue stands only when the
  turn's other sentences make it alone (`cues.kept_sentences`: "I'm not applying anywhere
  else. I'd move anywhere for this job."), else the rules' frame stands; its cue is the cue
  head's first that the turn does not withdraw (never the job request it declined).
* **Score** = p(exploration) - p(interview), kept inside the frame's band (frame and score sign
  always agree, as for the rules).
* **Evidence**: with mean pooling, token t adds exactly `(w_f - w_g) . h_t / (T |e|)` to the
  margin of frame f over the runner-up g; the cue's span is the strongest window of a few words
  (a word's share is its pieces' sum), so `text[start:end]` is always a valid slice.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from app.framing import patterns as p
from app.framing.cues import (
    A_PLACE_EXISTS,
    customers_pay_sentence,
    declines,
    joins,
    kept_sentences,
    not_own_money,
    others_money_spans,
    others_step_spans,
    silent_spans,
    withdrawn,
)
from app.framing.encoder import (
    MODEL_DIR,
    EncoderUnavailableError,
    SentenceEncoder,
    encoder_notice,
    load_encoder,
    shared_encoder,
)
from app.framing.model import CueMatch
from app.framing.once import LoadOnce
from app.framing.scoring import NEUTRAL_BAND
from app.framing.vocabulary import DECISIVE_CUES, FRAMES, MANAGER_CUES, Frame

HEADS_FILE: Final = "heads.json"
MONOLOGUE_WORDS: Final = 150
MONOLOGUE_WORKER_WORDS: Final = 3  # different worker words that make a monologue a pitch
STORY_WORDS: Final = 60  # a long answer naming no worker word is a story, never a pitch
_BARE_YES_WORDS: Final = 4
_WINDOW: Final = 3  # words in an evidence window
_REST_WORDS: Final = 2  # words a turn must keep besides what asks about the other person
_CACHED_TURNS: Final = 256
_SELF: Final = re.compile(r"(?<![\w'’])(?:i|me|my|mine|myself|i['’]?(?:m|ve|d|ll))(?![\w'’])", re.I)
_OTHER: Final = re.compile(
    r"(?<![\w'’])(?:you|your|yours|yourself|you['’]?(?:re|ve|d|ll))(?![\w'’])", re.I
)
_WORDISH: Final = re.compile(r"[\w'’-]")
_CLAUSE_BREAK: Final = re.compile(r"[.?!;,:\n]+")
_LEAD_IN_WORDS: Final = 5  # words that may lead into a remark about the one to ask
_ASKING_CUES: Final = ("job_request", "commitment")  # read apart from questions about the work

Matrix = npt.NDArray[np.float64]


def rules_decide(text: str, cue_names: Sequence[str]) -> bool:
    """Whether the rules' reading of a seeker turn stands as it is."""
    if any(name in DECISIVE_CUES for name in cue_names):
        return True
    return p.AFFIRMATIVE.match(text) is not None and len(text.split()) <= _BARE_YES_WORDS


def is_monologue(text: str, cue_names: Sequence[str]) -> bool:
    """A long answer about oneself as a worker that never turns to the other person: at least
    `MONOLOGUE_WORDS` words, no question, "I" at least three times as often as "you", and at
    least `MONOLOGUE_WORKER_WORDS` different words of a candidate (`patterns.WORKER_TALK`).
    A story or a description (a trip, a hobby, a friend) is no pitch, however long."""
    text = text[: p.MAX_ANALYZED_CHARS]
    words = p.WORD.findall(text)
    if len(words) < MONOLOGUE_WORDS or "seeker_question" in cue_names:
        return False
    if len(_SELF.findall(text)) < 3 * max(1, len(_OTHER.findall(text))):
        return False
    return _worker_words(text) >= MONOLOGUE_WORKER_WORDS


def _worker_words(text: str) -> int:
    """How many different words of a candidate (`patterns.WORKER_TALK`) `text` names."""
    return len({" ".join(m.group().lower().split()) for m in p.WORKER_TALK.finditer(text)})


def _long_story(text: str) -> bool:
    """A story or a description, which the model may not read as a pitch: a monologue's length
    (`MONOLOGUE_WORDS`) naming fewer than `MONOLOGUE_WORKER_WORDS` words of a candidate, or a
    long answer (`STORY_WORDS`) naming none."""
    text = text[: p.MAX_ANALYZED_CHARS]
    words, worker = len(p.WORD.findall(text)), _worker_words(text)
    return (words >= MONOLOGUE_WORDS and worker < MONOLOGUE_WORKER_WORDS) or (
        words >= STORY_WORDS and worker == 0
    )


def manager_features(manager_cues: frozenset[str]) -> Matrix:
    """The manager-cue part of the features, in `MANAGER_CUES` order."""
    return np.array([1.0 if name in manager_cues else 0.0 for name in MANAGER_CUES])


@dataclass(frozen=True)
class Head:
    """A softmax head: `labels[k]` scores `x @ weights[:, k] + bias[k]`."""

    labels: tuple[str, ...]
    weights: Matrix  # (features, labels)
    bias: Matrix  # (labels,)

    def probabilities(self, x: Matrix) -> Matrix:
        logits = x @ self.weights + self.bias
        logits = logits - logits.max(axis=-1, keepdims=True)
        exp = np.exp(logits)
        probs: Matrix = exp / exp.sum(axis=-1, keepdims=True)
        return probs

    def to_dict(self) -> dict[str, Any]:
        return {
            "labels": list(self.labels),
            "weights": np.round(self.weights, 6).tolist(),
            "bias": np.round(self.bias, 6).tolist(),
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Head:
        head = cls(
            labels=tuple(str(x) for x in raw["labels"]),
            weights=np.asarray(raw["weights"], dtype=np.float64),
            bias=np.asarray(raw["bias"], dtype=np.float64),
        )
        if head.weights.shape != (FEATURES, len(head.labels)) or head.bias.shape != (
            len(head.labels),
        ):
            raise ValueError(f"head {head.labels} has the wrong shape {head.weights.shape}")
        return head


FEATURES: Final = 384 + len(MANAGER_CUES)


@dataclass(frozen=True)
class Heads:
    """The trained heads and the thresholds chosen with them (heads.json)."""

    frame: Head  # labels == FRAMES
    cues: dict[str, Head]  # frame -> head over that frame's cue names
    threshold: float
    question_threshold: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "frame": self.frame.to_dict(),
            "cues": {frame: head.to_dict() for frame, head in self.cues.items()},
            "threshold": self.threshold,
            "question_threshold": self.question_threshold,
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Heads:
        frame = Head.from_dict(raw["frame"])
        if frame.labels != FRAMES:
            raise ValueError(f"the frame head's labels are {frame.labels}, not {FRAMES}")
        return cls(
            frame=frame,
            cues={str(k): Head.from_dict(v) for k, v in raw["cues"].items()},
            threshold=float(raw["threshold"]),
            question_threshold=float(raw["question_threshold"]),
        )


@dataclass(frozen=True)
class Judgement:
    """The model's reading of one turn: the frame it would give and how sure it is."""

    frame: Frame
    probabilities: dict[str, float]
    cue: str | None
    start: int
    end: int
    cues_ranked: tuple[str, ...] = ()  # the cue head's labels, most likely first

    @property
    def score(self) -> float:
        return self.probabilities["exploration"] - self.probabilities["interview"]


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole words; drop spaces and punctuation at its ends."""
    while start > 0 and _WORDISH.match(text[start - 1]) and _WORDISH.match(text[start]):
        start -= 1
    while (
        end < len(text) and end > 0 and _WORDISH.match(text[end]) and _WORDISH.match(text[end - 1])
    ):
        end += 1
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def evidence(
    states: Matrix,
    spans: Sequence[tuple[int, int]],
    direction: Matrix,
    text: str,
    gap: int | None = None,
) -> tuple[int, int]:
    """The character span of the `_WINDOW` words whose tokens push hardest along `direction`.

    Token t's exact share of the margin is `direction . h_t / (T |e|)`; a word's share is the
    sum over its word pieces (tokens with no space between them). With a `gap` (the row after
    which the middle of a long text was not read) no window spans the unread middle."""
    inner = [i for i, (a, b) in enumerate(spans) if b > a]  # real tokens, not [CLS]/[SEP]
    if not inner:
        return 0, 0
    mean = states.mean(axis=0)
    share = states @ direction / (len(states) * max(float(np.linalg.norm(mean)), 1e-12))
    words: list[tuple[int, int, float, int]] = []  # (start, end, share, part)
    for i in inner:
        start, end = spans[i]
        part = 0 if gap is None or i <= gap else 1
        if words and start == words[-1][1] and part == words[-1][3]:
            words[-1] = (words[-1][0], end, words[-1][2] + float(share[i]), part)
        else:
            words.append((start, end, float(share[i]), part))
    width = min(_WINDOW, len(words))
    best, best_at = -np.inf, 0
    for at in range(len(words) - width + 1):
        if words[at][3] != words[at + width - 1][3]:
            continue
        total = sum(w[2] for w in words[at : at + width])
        if total > best:
            best, best_at = total, at
    return _snap(text, words[best_at][0], words[best_at + width - 1][1])


class FramingModel:
    """The encoder with its heads."""

    def __init__(self, encoder: SentenceEncoder, heads: Heads) -> None:
        self.encoder = encoder
        self.heads = heads
        # The same answer framed again (a replay re-analysed, a turn retried) costs nothing.
        self._cached = functools.lru_cache(maxsize=_CACHED_TURNS)(self._judge)

    def judge(self, text: str, manager_cues: frozenset[str]) -> Judgement:
        """The model's frame for `text` after a manager line with `manager_cues`.

        The manager's line shapes the reading but cannot supply it: an interview reading must
        also hold for the words alone ("Hmm." or "Thanks." to "would you be interested in the
        post?" commits to nothing), and the cue is named from the words alone."""
        return self._cached(text, manager_cues)

    def forget(self) -> None:
        """Drop the remembered judgements (benchmarks time the model, not the cache)."""
        self._cached.cache_clear()

    def remember(self, on: bool) -> None:
        """Whether judgements are remembered per text (on by default; benchmarks turn it off)."""
        self._cached = functools.lru_cache(maxsize=_CACHED_TURNS if on else 0)(self._judge)

    def _judge(self, text: str, manager_cues: frozenset[str]) -> Judgement:
        """`judge`, uncached."""
        tokens = self.encoder.token_states(text, framing=True)
        states = tokens.states.astype(np.float64)
        mean = states.mean(axis=0)
        sentence = mean / max(float(np.linalg.norm(mean)), 1e-12)
        alone = np.concatenate([sentence, manager_features(frozenset())])
        x = np.concatenate([sentence, manager_features(manager_cues)])
        probs = self.heads.frame.probabilities(x)
        order = np.argsort(-probs, kind="stable")
        frame = FRAMES[int(order[0])]
        if frame == "interview" and manager_cues:
            words_only = self.heads.frame.probabilities(alone)
            if words_only[FRAMES.index("interview")] < self.heads.threshold:
                probs = words_only
                order = np.argsort(-probs, kind="stable")
                frame = FRAMES[int(order[0])]
        cue_head = self.heads.cues.get(frame)
        cue = None
        start = end = 0
        ranked: tuple[str, ...] = ()
        if cue_head is not None:
            cue_probs = cue_head.probabilities(alone)
            ranked = tuple(cue_head.labels[int(i)] for i in np.argsort(-cue_probs, kind="stable"))
            cue = ranked[0]
            w = self.heads.frame.weights[:384]
            direction = w[:, int(order[0])] - w[:, int(order[1])]
            start, end = evidence(states, tokens.spans, direction, text, tokens.gap)
            if end <= start:
                cue = None
        return Judgement(
            frame=frame,
            probabilities={f: float(probs[i]) for i, f in enumerate(FRAMES)},
            cue=cue,
            start=start,
            end=end,
            cues_ranked=ranked,
        )


def _band(frame: Frame, score: float) -> float:
    """`score` moved into `frame`'s band so that frame and sign agree."""
    score = round(max(-1.0, min(1.0, score)), 3)
    if frame == "exploration":
        return max(score, NEUTRAL_BAND)
    if frame == "interview":
        return min(score, -NEUTRAL_BAND)
    return max(-NEUTRAL_BAND + 0.01, min(NEUTRAL_BAND - 0.01, score))


def hybrid(
    model: FramingModel,
    text: str,
    rules: tuple[Frame, float, tuple[CueMatch, ...]],
    manager_cues: frozenset[str],
    manager_line: str | None = None,
) -> tuple[Frame, float, tuple[CueMatch, ...]]:
    """The frame, score and cues of a seeker turn the rules do not decide (`manager_line`: the
    manager's line before it, for what a wish to join would join)."""
    frame, score, cues = rules
    names = [cue.cue for cue in cues]
    if declines(text, cues, manager_line):
        return frame, score, cues  # "No, I'm good, thanks." declines: no interest to read
    judgement = model.judge(text, manager_cues)
    if is_monologue(text, names):
        start, end = judgement.start, judgement.end
        if end <= start:
            start, end = _snap(text, 0, min(len(text), 60))
        pitch = CueMatch("self_promotion", text[start:end], start, end)
        return "interview", _band("interview", judgement.score), (*cues, pitch)
    threshold = (
        model.heads.question_threshold if "seeker_question" in names else model.heads.threshold
    )
    if judgement.frame == frame or judgement.probabilities[judgement.frame] < threshold:
        return frame, score, cues
    silent = sorted(
        silent_spans(text, cues, judgement.frame)
        + others_step_spans(cues, judgement.frame, manager_line)
        # "Is the course expensive?", "do they get any help with the fees": money that is not
        # the seeker's prospective pay binds the model to not-pay (session 17)
        + (others_money_spans(text, manager_line) if judgement.frame == "interview" else [])
    )
    if silent:
        # "What time do you start?" asks about them; "you'd be the right person to ask" is
        # about them; "I run a small bakery" answered "What do you do?": the model's reading
        # must hold for the rest of the turn alone.
        rest = _judge_rest(model, text, silent, judgement.frame, manager_cues, threshold)
        if rest is None:
            return frame, score, cues
        judgement = rest
    if judgement.frame == "interview" and (came := _reasons_for_coming(text)):
        # "I wanted to meet people who build data platforms" says why the seeker came: the
        # rest of the turn must ask alone ("... and I'd love to join your team.")
        rest = _judge_rest(model, text, came, "interview", manager_cues, threshold)
        if rest is None:
            return frame, score, cues
        judgement = rest
    if judgement.frame == "interview" and (
        elsewhere := [
            (s, e) for s, e, kind in joins(text, manager_line) if kind in ("other", "refused")
        ]
    ):
        # "I'd love to be part of the alumni community", "can I get on that" (a newsletter):
        # joining what is no job; "I wouldn't want to join that team": a refusal; "join the
        # dots", "a fly on the wall": idioms. The rest of the turn must ask alone.
        rest = _judge_rest(model, text, elsewhere, "interview", manager_cues, threshold)
        if rest is None:
            return frame, score, cues
        judgement = rest
    if judgement.frame == "interview" and judgement.cue in withdrawn(text):
        # The words that would ask may be the ones the seeker negated: the rest must ask alone.
        rest = _judge_kept(model, text, judgement, manager_cues, threshold)
        if rest is None:
            return frame, score, cues
        judgement = rest
    if judgement.cue == "self_promotion" and _long_story(text):
        return frame, score, cues  # a long story or description is no pitch (session 15)
    if judgement.cue == "job_request" and _asks_about_work(text, cues):
        return frame, score, cues  # "what projects would I work on?" asks about the work
    kept = _apart_from_work_questions(model, text, cues, judgement, manager_cues, threshold)
    if kept is None:
        return frame, score, cues
    judgement = kept
    if judgement.cue == "pay_question":
        pay = _pay_words(text, judgement.start, judgement.end, manager_line)
        if pay is None and _asks_about_work(text, cues):
            return frame, score, cues  # "How big is the team?" asks about the work
        if pay is None and p.PAY_CONTENT.search(text[: p.MAX_ANALYZED_CHARS]):
            return frame, score, cues  # "do people actually pay that": the customers' money
        if pay is None:  # interview, but not about pay: the cue head's next cue names it
            other = next(c for c in judgement.cues_ranked if c != "pay_question")
            judgement = dataclasses.replace(judgement, cue=other)
            kept = _apart_from_work_questions(model, text, cues, judgement, manager_cues, threshold)
            if kept is None:
                return frame, score, cues  # "Would I use the new tool?" named as a request
            judgement = kept
        else:
            judgement = dataclasses.replace(judgement, start=pay[0], end=pay[1])
    extra: tuple[CueMatch, ...] = ()
    if judgement.cue is not None:
        s, e = judgement.start, judgement.end
        extra = (CueMatch(judgement.cue, text[s:e], s, e),)
    merged = tuple(sorted((*cues, *extra), key=lambda c: (c.start, -c.end, c.cue)))
    return judgement.frame, _band(judgement.frame, judgement.score), merged


def _apart_from_work_questions(
    model: FramingModel,
    text: str,
    cues: tuple[CueMatch, ...],
    judgement: Judgement,
    manager_cues: frozenset[str],
    threshold: float,
) -> Judgement | None:
    """`judgement`, or the rest of the turn's reading once its questions about the work are
    set apart (None when the rest does not ask alone), for a job request, a commitment or a pitch
    the model read beside them."""
    asked = _work_questions(text, cues) if judgement.cue in _ASKING_CUES else []
    if judgement.cue == "self_promotion":
        # "Would I get to own a pipeline end to end?" asks what the work is, it pitches nothing
        asked = _work_questions(text, cues)
        if not all(_work_i_would_do(text[s:e]) for s, e in asked):
            asked = []
    if judgement.cue == "commitment" and any(
        p.FIRST_PERSON.search(text, s, e) and not _work_i_would_do(text[s:e]) for s, e in asked
    ):
        asked = []  # "who would I be working with?" may be read as a commitment
    if not asked:
        return judgement
    # "Hmm, is it a new role?" asks what the work is: the rest of the turn must ask alone
    # ("I just really want this job. Sorry, is that too much?"); so must a commitment read
    # beside questions naming no seeker ("Hmm, what's the biggest challenge right now?") and
    # anything read beside "would I get to work on the migration?" (review 11 R9)
    return _judge_rest(model, text, asked, "interview", manager_cues, threshold)


def _asks_about_work(text: str, cues: tuple[CueMatch, ...]) -> bool:
    """Whether every question the rules heard asks about the work (a wh-question: "who does
    the role report to", "why is the role open") and none of the turn's words asks for the
    position (`patterns.JOB_ASKED`: applying, an interview, the next steps...)."""
    text = text[: p.MAX_ANALYZED_CHARS]
    questions = [cue for cue in cues if cue.cue == "seeker_question"]
    about_work = (
        all(
            p.WORK_QUESTION_START.match(cue.text) or p.WORK_QUESTION_AT.match(cue.text)
            for cue in questions
        )
        if questions
        else p.WORK_QUESTION_AT.search(text) is not None
    )
    return about_work and p.JOB_ASKED.search(text) is None


def _work_questions(text: str, cues: tuple[CueMatch, ...]) -> list[tuple[int, int]]:
    """The spans of the questions the rules heard when every one asks about the work: a
    wh-question (`_asks_about_work`) or one that names no one who would do it (no first-person
    word: `patterns.FIRST_PERSON`) and asks for no place (`patterns.ASKS_FOR_IT`): "is it a new
    role?", "does the role involve travel?"; "could I work on your team?" and "is the position
    still open?" ask for it. Empty when any question asks for more, or the turn's words ask for
    the position (`patterns.JOB_ASKED`)."""
    questions = [cue for cue in cues if cue.cue == "seeker_question"]
    if not questions or p.JOB_ASKED.search(text[: p.MAX_ANALYZED_CHARS]) is not None:
        return []
    for cue in questions:
        wh = p.WORK_QUESTION_START.match(cue.text) or p.WORK_QUESTION_AT.match(cue.text)
        yes_no = (
            _WHAT_THE_WORK_IS.match(cue.text) is not None
            and _A_PLACE_FREE.search(cue.text) is None
            and A_PLACE_EXISTS.search(cue.text) is None
            and p.FIRST_PERSON.search(cue.text) is None
            and p.ASKS_FOR_IT.search(cue.text) is None
        )
        if not (wh or yes_no or _work_i_would_do(cue.text)):
            return []
    return sorted((cue.start, cue.end) for cue in questions)


def _work_i_would_do(question: str) -> bool:
    """Whether a yes/no question asks what the seeker would do in the work (review 11 R9):
    "would I get to work on the Kafka migration?", "do I get to shadow someone in the first
    week?", "in the role, would I present to the board?". Not one asking for a place or the
    terms ("would I get to work with you", "could I start next month", "will I get to work from
    home": `patterns.JOB_ASKED`, `patterns.PAY_QUESTION`) nor one pitching ("would I be a good
    fit", "people like me"), nor one that goes on to say something of the seeker's own."""
    return (
        _WORK_I_WOULD_DO.match(question) is not None
        and _A_PLACE_FREE.search(question) is None
        and p.JOB_ASKED.search(question) is None
        and p.PAY_QUESTION.search(question) is None
        and _ASKS_A_PLACE.search(question) is None
        and len(_I_SUBJECT.findall(question)) == 1  # "... honestly id take the job today"
    )


#: A yes/no question whose subject is the seeker and whose verb is doing the work: an auxiliary
#: and "I", at most a few softeners, then a verb of the work itself ("would I get to work on
#: the migration", "so would I be paired with a senior nurse", "do I end up working with risk",
#: "would I be running my own samples"), or "so I'd be ... ?" ("So I'd be on the phone a fair
#: bit?"). Listed, not guessed (review 13): "could I freelance for your agency", "would I have
#: to relocate", "could I take unpaid leave" name no such verb, so the model reads them.
_WORK_I_WOULD_DO: Final = re.compile(
    r"^\W*(?:(?:um+|uh+|hmm+|oh|so|and|but|well|okay|ok|sorry|just|then|also|right|cool|nice"
    r"|great|wait|huh|wow|sick|got\s+it|interesting|even\s+early\s+on)\W+)*"
    r"(?:(?:in|on|for)\s+(?:the|this|that)\s+(?:role|job|position|team|project)\W+)?"
    rf"(?:(?:(?:would|will|do|could|can|might|should|am|shall)\s+i|i{p.A}d|is\s+(?:that|it|this)"
    rf"\s+something\s+i{p.A}d)\s+"
    r"(?:(?:(?:would|will|do|could|can)\s+i\s+)?(?:get\s+to|be\s+able\s+to|have\s+to|need\s+to"
    r"|have\s+a\s+chance\s+to|also|ever|actually|mostly|usually|still|mainly|directly|end\s+up"
    r"|be\s+expected\s+to|like|uh|um|be\s+uh|be\s+um)\s+){0,3}"
    r"(?:work(?:ing)?\s+(?:with|on|alongside|closely|across|directly|in\s+the)|shadow\w*|learn\w*"
    r"|build\w*|own|present\w*|sit\s+(?:with|in)|lead|manage|mentor\w*|pair\w*|collaborat\w*"
    r"|spend|use|write|design|run|support|deal\s+with|talk\s+to\s+(?:the|our|customers|clients"
    r"|patients|users)|help|meet\s+(?:the|customers|clients|patients)|visit|travel|see\s+(?:the|a"
    r"|patients|customers)|handle|fix|plan|review|test|assist|contribute|cover\s+the|train\s+(?:the"
    r"|new)|go\s+(?:out\s+)?(?:on|to|out\s+with|along)|get\s+(?:hands[\s-]?on|exposure|involved"
    r"|to\s+know)|have\s+(?:a\s+hand|a\s+say|my\s+own\s+(?:caseload|projects?|clients|patients"
    r"|accounts|route|section|class))"
    r"|be\s+(?:(?:the\s+one|one\s+of\s+the\s+people)\s+|(?:mostly|mainly|also|actually|directly"
    r"|uh|um|like)\s+)?(?:[a-z]+ing|paired|trained|based|involved|part\s+of|responsible\s+for"
    r"|in\s+charge\s+of|on\s+the\s+(?:phones?|floor|tools|road|bench|line|shop\s+floor|front"
    r"|wards?)|out\s+on|in\s+the\s+room|sat\s+(?:in|with)|the\s+(?:main|first)\s+contact))"
    r")(?![\w'’])",
    re.IGNORECASE,
)
#: Words in such a question that ask for a place, the start, a verdict or the seeker's fit:
#: "would I be a good fit", "would I get the job", "could I work for you", "do I need to apply",
#: "would someone like me stand a chance", "would I be considered".
_ASKS_A_PLACE: Final = re.compile(
    r"\b(?:apply\w*|applications?|hire\w*|hiring|interview\w*|resume|cv|candidates?|openings?"
    r"|vacanc\w*|positions?|offer\w*|sponsor\w*|visas?|fit|like\s+me|room\s+for|for\s+you"
    r"|with\s+you|on\s+your\s+(?:team|crew|staff)|in\s+your\s+(?:team|crew)|join\w*|start\w*"
    r"|job|role|place|spot|post|in\s+the\s+running|considered|shortlist\w*|chance|eligible|qualif\w*"
    r"|good\s+enough|right\s+(?:person|one|for)|suitable|taken\s+on|kept\s+on|permanent\w*"
    r"|get\s+in|make\s+it|allowed|paid|pay|keep\s+me|in\s+mind|exception|enough|experience"
    # asking the person for a chance or a place in theirs: "could I shadow you next week",
    # "do my placement here", "intern with your group", "freelance for your agency"
    r"|you|your|here|placements?|intern\w*|trial|freelanc\w*|volunteer\w*|relocat\w*"
    r"|probation|band|negotiat\w*|leave|office|visa"
    # one's own hours and shifts are the terms (session 11): "could I be on nights only"
    r"|nights?|evenings?|weekends?|lates|earlies|shifts?|rota|hours|days\s+off|overtime"
    r"|on[\s-]?call|part[\s-]?time|full[\s-]?time|remote\w*|from\s+home|(?:pick|choose)\s+"
    r"(?:my|which|the\s+days)"
    # getting or having something is the terms ("would I get my travel covered", "do I get to
    # take the van home"), coming in is a place ("could I come in as an analyst", "get on at
    # the depot"); getting to do, involved, trained or paired is the work
    r"|home|(?:get|have)\s+(?!to\s|involved|trained|paired|hands|exposure|feedback|training"
    r"|a\s+hand\s+in|a\s+say|my\s+own\s+(?:caseload|projects?|clients|patients|accounts"
    r"|route|section|class))\w+|come\s+in|get\s+on|hat\s+in)\b",
    re.IGNORECASE,
)

#: "I" as a subject: a second one in a question without punctuation starts another clause.
_I_SUBJECT: Final = re.compile(rf"(?<![\w'’])(?:i|i{p.A}(?:m|d|ll|ve)|im|id|ive)(?![\w'’])", re.I)


#: A yes/no question that says what the work is: an auxiliary, then the work as its subject
#: ("is it a new role", "does the role involve travel", "is the team new"). Not a question
#: whether a place exists ("is there a spot on the team", "are there any jobs going"): review
#: 10 R15, which read those as questions about the work because they named nothing listed.
#: What their people get ("do your juniors get chartership support?") asks about the place.
_WHAT_THE_WORK_IS: Final = re.compile(
    r"^\W*(?:(?:um+|uh+|hmm+|oh|so|and|but|well|okay|ok|sorry|just|then)\W+)*"
    r"(?:is|isn'?t|are|does|doesn'?t|do|will|would|was|has|can|could)\s+"
    r"(?:it|that|this|(?:the|your|this|that)\s+(?:new\s+)?(?:role|job|position|work|team|group"
    r"|project|department|company|gig|post|business|product|lab|unit|office|crew|shift)"
    # what their people get, asked of the place in general (session 17 B near miss: "do your
    # juniors get chartership support?")
    r"|your\s+(?:juniors|trainees|grads|graduates|apprentices|interns|staff|people|employees"
    r"|associates))\b",
    re.IGNORECASE,
)
#: Words that ask whether a place is free, whatever noun names it ("is the job posted yet",
#: "is that spot still going").
_A_PLACE_FREE: Final = re.compile(
    r"\b(?:open|opening|available|posted|advertised|going|free|vacant|up\s+for\s+grabs"
    r"|listed|hiring|taking\s+(?:people|anyone|applications))\b",
    re.IGNORECASE,
)


#: Saying why one came: "I wanted to meet", "I was hoping to talk to", "I came to learn from",
#: "I'm here to meet", "I came hoping to hear from", then whom (group 1), up to the clause's end
#: or a conjunction starting another clause ("... and I'd love to join your team").
_CAME_TO_MEET: Final = re.compile(
    r"(?<![\w'’])(?:i|i['’]?m|i\s+am)\s+(?:(?:really|just|mainly|mostly|actually|also)\s+)?"
    r"(?:wanted|was\s+hoping|(?:had\s+)?hoped|came(?:\s+(?:here|along|tonight))?(?:\s+hoping)?"
    r"|here(?:\s+tonight)?)\s+to\s+"
    r"(?:meet|talk\s+(?:to|with)|speak\s+(?:to|with)|learn\s+from|hear\s+from|connect\s+with"
    r"|chat\s+(?:to|with)|network\s+with|listen\s+to)(?![\w'’])"
    r"((?:(?!\s(?:and|but|so|because|since|though)(?![\w'’]))[^.?!;,:\n])*)",
    re.IGNORECASE,
)


def _reasons_for_coming(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses saying the seeker came to meet, talk to or learn from people
    (`_CAME_TO_MEET`) named without asking for anything: no first-person word
    (`patterns.FIRST_PERSON`: "people who could hire me") and no words asking for the position
    or a place (`patterns.JOB_ASKED`, `patterns.ASKS_FOR_IT`: "the people hiring")."""
    text = text[: p.MAX_ANALYZED_CHARS]
    spans = []
    for found in _CAME_TO_MEET.finditer(text):
        whom = found.group(1)
        if p.WORD.search(whom) is None or any(
            rx.search(whom) for rx in (p.FIRST_PERSON, p.JOB_ASKED, p.ASKS_FOR_IT)
        ):
            continue
        spans.append((found.start(), found.end()))
    return spans


def _pay_words(
    text: str, start: int, end: int, manager_line: str | None = None
) -> tuple[int, int] | None:
    """Where a pay question the model read names its pay-like content (`patterns.PAY_CONTENT`:
    the pay, the money, the hours, remote work...): the match nearest the model's evidence
    `[start, end)`, so the words shown are the pay words; None when the turn names none, or
    only money the rules read as someone else's (`cues.not_own_money`, session 16 B: "Did you
    take a pay cut to move?", "What are the course fees?", "Do your clients pay on time?")."""
    text = text[: p.MAX_ANALYZED_CHARS]
    found = [
        m
        for m in p.PAY_CONTENT.finditer(text)
        if not customers_pay_sentence(text, m.start())  # "do people actually pay that"
        and not not_own_money(text, m.start(), m.end(), manager_line)
    ]
    if not found:
        return None
    best = min(found, key=lambda m: (max(0, m.start() - end, start - m.end()), m.start()))
    return best.start(), best.end()


def _judge_kept(
    model: FramingModel,
    text: str,
    judgement: Judgement,
    manager_cues: frozenset[str],
    threshold: float,
) -> Judgement | None:
    """The model's interview reading of the sentences of `text` that withdraw nothing ("I'm
    not applying anywhere else. [I'd move anywhere for this job.]") and do more than ask to keep
    in touch (`_keeps_in_touch`: "I'm not ready to apply. Could we stay in touch?" stays
    withdrawn), its evidence placed in `text`; None unless the turn's own evidence lies mostly
    in those sentences and they make an interview alone. Its cue is the cue head's first that
    the turn does not withdraw and is no job request (the request it declined)."""
    pieces = [(s, e) for s, e in kept_sentences(text) if not _keeps_in_touch(text[s:e])]
    kept = sum(max(0, min(e, judgement.end) - max(s, judgement.start)) for s, e in pieces)
    if not pieces or 2 * kept <= judgement.end - judgement.start:
        return None
    rest, joined = _read_apart(model, text, pieces, manager_cues)
    if rest.frame != "interview" or rest.probabilities["interview"] < threshold:
        return None
    if rest.cue is None:
        return rest
    # The cue head names only a cue the turn does not withdraw, never the job request it
    # declined: "I'm not applying anywhere else. I'd move anywhere for this job." asks nothing.
    taken = withdrawn(text) | withdrawn(joined) | {"job_request"}
    named = next((c for c in (rest.cue, *rest.cues_ranked) if c not in taken), None)
    if named is None:
        return None  # a turn that declines asking is not read as asking ("... stay in touch?")
    return dataclasses.replace(rest, cue=named)


def _judge_rest(
    model: FramingModel,
    text: str,
    silent: Sequence[tuple[int, int]],
    frame: Frame,
    manager_cues: frozenset[str],
    threshold: float,
) -> Judgement | None:
    """The model's `frame` reading of `text` without its `silent` spans (`cues.silent_spans`:
    questions about the other person, remarks naming them as the one to ask), its evidence placed
    in `text`; None when fewer than `_REST_WORDS` words remain ("What time do you start in the
    morning?") or the rest does not read as `frame` alone ("I'm a nurse." in "I'm a nurse. How
    did you get into informatics?")."""
    text = text[: p.MAX_ANALYZED_CHARS]
    pieces, begin = [], 0
    for start, end in silent:
        if start > begin:
            pieces.append((begin, _lead_in(text, begin, start)))
        begin = max(begin, end)
    pieces.append((begin, len(text)))
    pieces = [(s, e) for s, e in pieces if p.WORD.search(text, s, e)]
    if sum(len(p.WORD.findall(text, s, e)) for s, e in pieces) < _REST_WORDS:
        return None
    rest, _ = _read_apart(model, text, pieces, manager_cues)
    if rest.frame != frame or rest.probabilities[frame] < threshold:
        return None
    return rest


def _lead_in(text: str, begin: int, start: int) -> int:
    """Where the piece `text[begin:start]` ends once the words leading into a remark naming
    someone as the one to ask (`patterns.RIGHT_PERSON` at `start`) are dropped: the last clause
    (after `_CLAUSE_BREAK`) when it has at most `_LEAD_IN_WORDS` words ("Honestly I bet", "I'm
    guessing", "so"). They introduce the remark ("... you'd be the best person to ask") and say
    nothing alone (a fine-tuned model read "Honestly I bet" as a commitment at p 0.71-0.97)."""
    if p.RIGHT_PERSON.match(text, start) is None:
        return start
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, begin, start)]
    clause = breaks[-1] if breaks else begin
    if len(p.WORD.findall(text, clause, start)) > _LEAD_IN_WORDS:
        return start
    return clause


def _read_apart(
    model: FramingModel,
    text: str,
    pieces: Sequence[tuple[int, int]],
    manager_cues: frozenset[str],
) -> tuple[Judgement, str]:
    """The model's reading of the pieces `text[s:e]` joined into one text (returned with it),
    its evidence placed back in `text`."""
    joined, starts = "", []
    for s, e in pieces:
        starts.append(len(joined))
        joined += text[s:e].strip() + " "
    joined = joined.rstrip()
    rest = model.judge(joined, manager_cues)
    i = max(k for k, at in enumerate(starts) if at <= rest.start)
    s, e = pieces[i]
    offset = s + (len(text[s:e]) - len(text[s:e].lstrip())) - starts[i]
    start, end = rest.start + offset, min(rest.end + offset, e)
    return dataclasses.replace(rest, start=start, end=max(start, end)), joined


def _keeps_in_touch(sentence: str) -> bool:
    """A sentence that only asks to keep in contact ("Could we stay in touch?")."""
    found = p.KEEP_IN_TOUCH.search(sentence)
    if found is None:
        return False
    rest = sentence[: found.start()] + " " + sentence[found.end() :]
    other = [w for w in p.WORD.findall(rest.lower()) if w not in p.KEEP_IN_TOUCH_FILLER]
    return len(other) <= p.KEEP_IN_TOUCH_OTHER_WORDS


def load_model(directory: Path = MODEL_DIR, encoder: SentenceEncoder | None = None) -> FramingModel:
    """The heads of `directory` on `encoder` (default: a new one from `directory`, checked
    against the manifest, which lists the heads too)."""
    if encoder is None:
        encoder = load_encoder(directory)
    try:
        raw = json.loads((directory / HEADS_FILE).read_text(encoding="utf-8"))
        return FramingModel(encoder, Heads.from_dict(raw))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise EncoderUnavailableError(f"The framing heads could not be read: {error}.") from None


def load_or_notice(directory: Path = MODEL_DIR) -> tuple[FramingModel | None, str | None]:
    """The model of `directory`, or None and the sentence saying why framing uses rules only."""
    try:
        return load_model(directory), None
    except EncoderUnavailableError as error:
        return None, f"{error} Framing uses its rules only."


def _load_shared() -> tuple[FramingModel | None, str | None]:
    try:
        encoder = shared_encoder()  # the one encoder of the process, shared with dialogue
        if encoder is None:
            return None, encoder_notice()
        return load_model(MODEL_DIR, encoder), None
    except EncoderUnavailableError as error:
        return None, f"{error} Framing uses its rules only."


_SHARED: LoadOnce[FramingModel] = LoadOnce(_load_shared, "framing-model")


def shared_model(wait: bool = True, *, start: bool = False) -> FramingModel | None:
    """The process's framing model, loaded once; None when unavailable (see `model_notice`) or,
    with ``wait=False``, not loaded yet (``start`` then begins its load in the background)."""
    return _SHARED.get(wait, start=start)


def model_settled() -> bool:
    """The framing model's load has finished (loaded, or not available): from now on a turn
    framed without waiting is framed as a waiting caller would frame it."""
    return _SHARED.settled


def load_model_in_background() -> threading.Thread:
    """Start loading the framing model (and so the shared encoder) on a daemon thread."""
    return _SHARED.in_background()


def model_notice() -> str | None:
    """Why framing runs on its rules only, in a sentence; None when the model loaded."""
    return _SHARED.notice
