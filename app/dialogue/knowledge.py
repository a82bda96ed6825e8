"""Matching a seeker's question to what the manager knows: the best topic, or honestly none.

Two ways to compare, the better one whenever it is there:

- **meaning**: the shared sentence encoder (loaded once by the framing layer) embeds the
  question; a topic scores by its cosine with the topic's centroid: the mean of its example
  questions, plus its answers and its id read as words.
- **words**: stems with synonyms folded (:mod:`app.dialogue.words`), weighted by how specific
  each term is to one topic, compared with each example question and with the topic as a whole;
  added to the meaning score, or alone when there is no encoder.

A topic is answered only above a confidence threshold: below it the manager deflects, because a
deflection is better than a wrong answer. Without the encoder, words alone decide.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final, Protocol

import numpy as np
import numpy.typing as npt

from app.dialogue.asking import BROADER, OPPOSED, intents, leanings
from app.dialogue.model import Knowledge
from app.dialogue.words import (
    QUESTION_WORDS,
    content_terms,
    names,
    plain_terms,
    sentences,
    terms,
)
from app.framing.cues import find_questions
from app.framing.once import finish_before_exit

#: Word-overlap score (0..1) a topic needs when there is no encoder.
WORDS_THRESHOLD: Final = 0.40
#: Score a topic needs with the encoder: the question's cosine with the topic's centroid (the
#: mean of its example questions + ANSWER_WEIGHT x the mean of its answers + LABEL_WEIGHT x its
#: id read as words), + WORDS_WEIGHT x the word-overlap score.
MEANING_THRESHOLD: Final = 0.45
ANSWER_WEIGHT: Final = 1.0
LABEL_WEIGHT: Final = 0.6
WORDS_WEIGHT: Final = 0.15
#: With the encoder, the best topic must lead the next by this much: two topics the question
#: fits about equally well get a deflection rather than a coin toss. (On the dev sets, 0.02 -> 0.04
#: took wrong topics 1.9% -> 1.4% for 1.2 points of on-topic answers.)
MEANING_MARGIN: Final = 0.04
#: Score a topic needs with the encoder when the question leans towards it by its words ("the
#: hardest part", "stand out"): the topics whose examples lean the same way are the only
#: candidates, so less of the meaning needs to agree.
LEANING_THRESHOLD: Final = 0.35
#: Word-overlap score a topic needs when the question's leaning narrowed the topics to those
#: asked that way ("what does your team work on" when only the team topic is asked so).
WORDS_LEANING_THRESHOLD: Final = 0.30
#: Score the one topic showing what a question is after needs ("is there anybody I could reach
#: out to" when only who_else is asked that way): the intent's words already chose it.
SOLE_INTENT_THRESHOLD: Final = 0.25
#: The intents whose words alone say what is asked (not pay: "a pension at a seed company?" is
#: near a funding topic that mentions money, yet asks about pay).
SURE_INTENTS: Final = frozenset({"referral", "origin", "fondness"})
#: When an intent or leaning narrowed the topics and none scores enough, an example question
#: this close (cosine) to the question still decides: it asks the same thing in other words.
SAME_QUESTION: Final = 0.75
#: Weight of question words ("who", "when") relative to an ordinary term of the same rarity.
_QUESTION_WORD_WEIGHT: Final = 0.35
#: Share of a topic's word score that comes from its best single example (the rest: all of them).
_BEST_EXAMPLE_SHARE: Final = 0.7


class Encoder(Protocol):
    """A sentence encoder: one L2-normalised row per text."""

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]: ...


def _framing_encoder(wait: bool) -> Encoder | None:
    """The framing layer's shared encoder (loaded once per process), or None."""
    try:
        from app.framing.encoder import shared_encoder as framing_encoder
    except ImportError:
        return None
    return framing_encoder(wait=wait)


#: Returns the shared encoder when it is loaded and working, else None (words are used).
#: Its argument says whether to wait for a load in progress.
_encoder_provider: Callable[[bool], Encoder | None] = _framing_encoder


def use_encoder(provider: Callable[[bool], Encoder | None]) -> None:
    """Set where the sentence encoder comes from (tests: none, to pin the word matcher)."""
    global _encoder_provider
    _encoder_provider = provider
    _MATCHERS.clear()


def shared_encoder(*, wait: bool = False) -> Encoder | None:
    """The shared encoder: if it is ready (or, with `wait`, once loaded); never raises."""
    try:
        return _encoder_provider(wait)
    except Exception:  # a broken model must never stop a rehearsal: words take over
        return None


@dataclass(frozen=True)
class TopicMatch:
    """The answer to "what is this question about?".

    `topic` is the topic to answer, or None when no topic is a confident match. `best` is the
    closest topic even below the threshold (for the validator and the bench), `score` its score,
    `method` "meaning" or "words", `ms` how long matching took; `ranked` every topic the
    question may be about with its score, best first.
    """

    topic: str | None
    best: str | None
    score: float
    method: str
    ms: float = 0.0
    ranked: tuple[tuple[str, float], ...] = ()


#: Hedges: "I mean, maybe?", "Kind of?", "Depends, I guess?" are a tentative answer said with a
#: rising voice, not a question; words like these alone give a question no content.
_HEDGES: Final = re.compile(
    r"\b(?:i\s+mean|maybe|perhaps|probably|possibly|kind\s+of|kinda|sort\s+of|sorta|i\s+guess|"
    r"guess|i\s+suppose|suppose|i\s+think|depends|it\s+depends|depending|honestly|i\s+dunno|"
    r"dunno|not\s+sure|sure|yeah|yes|no|nope|okay|ok|right|really|pretty\s+much|more\s+or\s+less|"
    r"a\s+bit|a\s+little|somewhat|sometimes|i\s+reckon|reckon)\b",
    re.IGNORECASE,
)


def has_content(question: str) -> bool:
    """Whether a question asks about something ("what tools do you use"), not only "really?"
    or "what about you?", nor hedges said with a rising voice ("I mean, maybe?"): only such
    questions get an answer or a deflection."""
    from app.dialogue.choosing import in_scope_kind  # choosing builds on this module

    if in_scope_kind(question) is not None:
        return True  # "So what do you actually do?": every word is a function word
    return bool(content_terms(_HEDGES.sub(" ", question)))


class KnowledgeMatcher:
    """Scores questions against one scenario's topics. Build one per knowledge section."""

    def __init__(self, knowledge: Knowledge, encoder: Encoder | None = None) -> None:
        self.knowledge = knowledge
        self.ids: tuple[str, ...] = tuple(t.id for t in knowledge.topics)
        #: (topic index, example text) for every example question, in file order.
        self.examples: tuple[tuple[int, str], ...] = tuple(
            (i, q) for i, t in enumerate(knowledge.topics) for q in t.questions
        )
        self._by_topic: list[list[int]] = [
            [j for j, (i, _) in enumerate(self.examples) if i == topic]
            for topic in range(len(self.ids))
        ]
        self._example_terms = [frozenset(terms(q)) for _, q in self.examples]
        self._example_intents = [intents(q) for _, q in self.examples]
        self._example_leanings = [leanings(q) for _, q in self.examples]
        self._idf = self._weights()
        self._topic_terms = [
            frozenset().union(*(self._example_terms[j] for j in self._indexes(i)))
            for i in range(len(self.ids))
        ]
        #: (topic index, text) of what the manager says about each topic: answers, follow-up.
        self.sayings: tuple[tuple[int, str], ...] = tuple(
            (i, text)
            for i, t in enumerate(knowledge.topics)
            for text in (*t.answers, *((t.follow_up,) if t.follow_up else ()))
        )
        self._encoder = encoder
        self._said_vectors: dict[str, npt.NDArray[np.float32]] = {}
        self._vectors: npt.NDArray[np.float32] | None = None  # one row per example question
        self._extra: npt.NDArray[np.float32] | None = None  # per topic: answers and id
        self._centroids: npt.NDArray[np.float32] | None = None  # per topic
        if encoder is not None:
            self._prepare(encoder)

    # -- public ----------------------------------------------------------------------------
    @property
    def method(self) -> str:
        """How questions are compared: "meaning" with the encoder, else "words"."""
        return "meaning" if self._centroids is not None else "words"

    def match(self, question: str, *, leave_out: int | None = None) -> TopicMatch:
        """The topic this question asks about, or none; `leave_out` ignores one example
        (by its index in `examples`), so an example can be matched against the others.

        With the encoder, a topic's score is the question's cosine with the topic's centroid
        plus a little of the shared words; without it, the shared words alone decide.
        """
        return self.match_all([question], leave_out=leave_out)[0]

    def match_all(
        self, questions: Sequence[str], *, leave_out: int | None = None
    ) -> list[TopicMatch]:
        """`match` for several questions, embedded in one call to the encoder."""
        started = time.perf_counter()
        asked = [q for q in questions if self.ids and has_content(q)]
        vectors = self._embed(self._encoder, asked) if self._encoder and asked else None
        found: dict[str, TopicMatch] = {}
        for row, question in enumerate(asked):
            vector = vectors[row] if vectors is not None and self._centroids is not None else None
            found[question] = self._decide(question, vector, leave_out)
        ms = _ms(started)
        return [
            replace(found[q], ms=ms) if q in found else TopicMatch(None, None, 0.0, self.method, ms)
            for q in questions
        ]

    def _decide(
        self, question: str, vector: npt.NDArray[np.float32] | None, leave_out: int | None
    ) -> TopicMatch:
        words = self._words(question, leave_out)
        meaning = None if vector is None else self._meaning(vector, leave_out)
        if meaning is None:
            scores, threshold, margin, method = words, WORDS_THRESHOLD, 0.0, "words"
        else:
            scores = [m + WORDS_WEIGHT * w for m, w in zip(meaning, words, strict=True)]
            threshold, margin, method = MEANING_THRESHOLD, MEANING_MARGIN, "meaning"
        candidates, leaned = self._candidates(question, leave_out)
        asked = intents(question)
        narrowed = len(asked) > 1 or (
            bool(asked & SURE_INTENTS) and len(candidates) < len(self.ids)
        )
        if meaning is None and leaned:
            # "what is your team working on": only the topics asked that way compete; the one
            # topic asked that way needs only to share a word with it
            threshold = WORDS_LEANING_THRESHOLD if len(candidates) > 1 else 1e-9
        if meaning is not None and (leaned or narrowed):
            # narrowed by its words ("the hardest part") or by what it is after ("someone I
            # should talk to"): only topics asked that way compete, so less meaning must agree
            threshold = LEANING_THRESHOLD
        if asked & SURE_INTENTS and len(candidates) == 1:
            # "anybody I could reach out to": who_else alone; by words alone too ("what got you
            # into ux research" shares one word with "How did you get into research?")
            threshold = SOLE_INTENT_THRESHOLD if meaning is not None else 0.0
        ranked = sorted(candidates, key=scores.__getitem__)[::-1]
        if not ranked:
            return TopicMatch(None, None, 0.0, method)
        best = ranked[0]
        score = scores[best]
        lead = score - scores[ranked[1]] if len(ranked) > 1 else score
        if len(ranked) > 1 and self._answer_different_parts(question, best, ranked[1]):
            lead = score  # either answers a part of "how did you start, and what surprised you"
        topic = self.ids[best] if score >= threshold and lead >= margin else None
        if topic is None and leaned and vector is not None:
            # an idiom ("what keeps you up at night") is far from the topic's average but
            # close to one example of it: among the narrowed topics, that example decides
            near = self._nearest_example(vector, ranked, leave_out)
            if near is not None:
                best, topic = near, self.ids[near]
        listed = tuple((self.ids[i], round(scores[i], 4)) for i in ranked)
        return TopicMatch(topic, self.ids[best], round(score, 4), method, ranked=listed)

    def _nearest_example(
        self, vector: npt.NDArray[np.float32], topics: list[int], leave_out: int | None
    ) -> int | None:
        """The topic, of these, one of whose example questions says what the question says
        (cosine >= SAME_QUESTION), the closest; None when no example is that close."""
        if self._vectors is None:
            return None
        rows = [j for t in topics for j in self._by_topic[t] if j != leave_out]
        if not rows:
            return None
        cosines = self._vectors[rows] @ vector
        top = int(np.argmax(cosines))
        return self.examples[rows[top]][0] if cosines[top] >= SAME_QUESTION else None

    def _answer_different_parts(self, question: str, first: int, second: int) -> bool:
        """Whether a question showing two intents ("how did you get into it, and what do you
        wish you'd known") has these two topics each answering a different one of them."""
        asked = intents(question)
        if len(asked) < 2:
            return False
        shown = [
            frozenset().union(*(self._example_intents[j] for j in self._by_topic[t])) & asked
            for t in (first, second)
        ]
        return bool(shown[0] and shown[1] and shown[0] != shown[1])

    def _candidates(self, question: str, leave_out: int | None) -> tuple[list[int], bool]:
        """The topics a question may be about: when it shows an intent ("who else", "how did
        you get into", pay, the weekend) only the topics whose own examples show it (maybe
        none); when it shows a leaning ("the hardest part") the topics whose examples show
        it, if any (then True: the leaning narrowed them)."""
        asked = intents(question)
        if asked:
            # A question after something no topic is asked about ("What does it pay?" with no
            # pay topic) is about none of them: a topic answering something else is wrong.
            return self._showing(self._example_intents, asked, leave_out), False
        leaning = leanings(question)
        # "the opening you're hiring for, what would that person do" asks about the work
        leaning -= {OPPOSED[name] for name in leaning if name in OPPOSED}
        everything = list(range(len(self.ids)))
        if leaning:
            shown = self._showing(self._example_leanings, leaning, leave_out)
            if shown:
                return shown, True
            broader = frozenset(BROADER[name] for name in leaning if name in BROADER)
            shown = self._showing(self._example_leanings, broader, leave_out) if broader else []
            if shown:
                return shown, True
            opposed = frozenset(OPPOSED[name] for name in leaning if name in OPPOSED) - leaning
            if opposed:
                ruled_out = set(self._showing(self._example_leanings, opposed, leave_out))
                return [i for i in everything if i not in ruled_out], False
        return everything, False

    def _showing(
        self, shown_by: list[frozenset[str]], asked: frozenset[str], leave_out: int | None
    ) -> list[int]:
        """The topics one of whose example questions shows one of these intents."""
        return sorted(
            {
                topic
                for j, (topic, _) in enumerate(self.examples)
                if j != leave_out and shown_by[j] & asked
            }
        )

    def retells(self, answers: Sequence[str], line: str) -> bool:
        """Whether `line` already tells what one of these answers tells: a sentence of an
        answer and a sentence of the line say the same (the sentence model's cosine, or most
        of their words), or they name the same two people. Then the line covers the topic.
        A short sentence ("Right now it's plumbing, honestly.") is compared by meaning too,
        when it shares a word with the other ("The truth is it's mostly plumbing ...")."""
        said = [s for s in sentences(line) if plain_terms(s)]
        told = [s for a in answers for s in sentences(a) if plain_terms(s)]
        named = names(line)
        if any(len(names(a) & named) >= _SAME_NAMES for a in answers):
            return True
        if not said or not told:
            return False
        overlaps = np.array([[_overlap(a, b) for b in said] for a in told])
        if (overlaps >= _SAME_WORDS).any():
            return True
        if self._encoder is None or self._centroids is None:
            return False
        vectors = self._sentence_vectors([*told, *said])
        if vectors is None:
            return False
        cosines = vectors[: len(told)] @ vectors[len(told) :].T
        # a sentence of few words ("Sorry, one sec.") is near many others: it must share one
        comparable = np.array([[_comparable(a, b) for b in said] for a in told])
        return bool(
            ((cosines >= _SAME_MEANING) & comparable).any()
            or ((cosines >= _SAME_MEANING_LOW) & (overlaps >= _SAME_WORDS_LOW)).any()
        )

    def echoes(self, told: Sequence[str], sentence: str) -> bool:
        """Whether `sentence` is about what these sentences just told, by meaning (cosine at
        least ECHO_MEANING with one of them; never without the encoder): "I look after the
        data platform at Brightwater Health" right after "We own the pipelines that move data
        from forty clinics ..." introduces again what was just described."""
        told = [s for t in told for s in sentences(t) if plain_terms(s)]
        if not told or not plain_terms(sentence):
            return False
        if self._encoder is None or self._centroids is None:
            return False
        vectors = self._sentence_vectors([*told, sentence])
        if vectors is None:
            return False
        return bool((vectors[:-1] @ vectors[-1] >= ECHO_MEANING).any())

    def _sentence_vectors(self, texts: list[str]) -> npt.NDArray[np.float32] | None:
        """Embeddings of sentences, each computed once per matcher (all are known lines)."""
        assert self._encoder is not None
        missing = [s for s in dict.fromkeys(texts) if s not in self._said_vectors]
        if missing:
            rows = self._embed(self._encoder, missing)
            if rows is None:
                return None
            self._said_vectors.update(zip(missing, rows, strict=True))
        return np.stack([self._said_vectors[s] for s in texts])

    def unreached(self) -> dict[str, list[str]]:
        """Topics none of whose example questions, each held out, is closest to them; with
        where those questions went instead (another topic, or "none" for no topic at all)."""
        went: dict[str, list[str]] = {}
        for index, (topic, question) in enumerate(self.examples):
            found = self.match(question, leave_out=index)
            went.setdefault(self.ids[topic], []).append(found.best or "none")
        return {topic: sorted(set(others)) for topic, others in went.items() if topic not in others}

    # -- words -----------------------------------------------------------------------------
    def _indexes(self, topic: int) -> list[int]:
        return self._by_topic[topic]

    def _weights(self) -> dict[str, float]:
        """Inverse topic frequency: a term in one topic's examples weighs most."""
        topics = len(self.knowledge.topics)
        count: dict[str, int] = {}
        for i in range(topics):
            seen = frozenset().union(*(self._example_terms[j] for j in self._indexes(i)))
            for term in seen:
                count[term] = count.get(term, 0) + 1
        return {term: math.log((topics + 1) / (n + 0.5)) + 0.1 for term, n in count.items()}

    def _weight(self, term: str) -> float:
        unknown = math.log((len(self.ids) + 1) / 0.5) + 0.1  # a term no example uses
        weight = self._idf.get(term, unknown)
        return weight * _QUESTION_WORD_WEIGHT if term in QUESTION_WORDS else weight

    @lru_cache(maxsize=4096)  # noqa: B019 - one matcher per knowledge, kept for the process
    def _norm(self, bag: frozenset[str]) -> float:
        return math.sqrt(sum(self._weight(t) ** 2 for t in bag))

    def _cosine(self, query: frozenset[str], norm_q: float, other: frozenset[str]) -> float:
        shared = query & other
        if not shared:
            return 0.0
        dot = sum(self._weight(t) ** 2 for t in shared)
        return dot / (norm_q * self._norm(other))

    def _words(self, question: str, leave_out: int | None) -> list[float]:
        query = frozenset(terms(question))
        norm_q = self._norm(query)
        scores = []
        for i in range(len(self.ids)):
            indexes = [j for j in self._indexes(i) if j != leave_out]
            if not indexes or not norm_q:
                scores.append(0.0)
                continue
            best = max(self._cosine(query, norm_q, self._example_terms[j]) for j in indexes)
            pooled = (
                self._topic_terms[i]
                if leave_out is None or self.examples[leave_out][0] != i
                else frozenset().union(*(self._example_terms[j] for j in indexes))
            )
            whole = self._cosine(query, norm_q, pooled)
            scores.append(_BEST_EXAMPLE_SHARE * best + (1 - _BEST_EXAMPLE_SHARE) * whole)
        return scores

    # -- meaning ---------------------------------------------------------------------------
    @staticmethod
    def _embed(encoder: Encoder, texts: list[str]) -> npt.NDArray[np.float32] | None:
        try:
            rows = np.asarray(encoder.encode(texts), dtype=np.float32)
        except Exception:  # the encoder failed: words take over
            return None
        if rows.ndim != 2 or rows.shape[0] != len(texts):
            return None
        return rows

    def _prepare(self, encoder: Encoder) -> None:
        """Embed every example question, answer and topic id once."""
        examples = self._embed(encoder, [q for _, q in self.examples])
        sayings = self._embed(encoder, [a for _, a in self.sayings])
        labels = self._embed(encoder, [i.replace("_", " ") for i in self.ids])
        if examples is None or sayings is None or labels is None:
            return
        extra = np.zeros((len(self.ids), examples.shape[1]), dtype=np.float32)
        for i in range(len(self.ids)):
            said = [j for j, (topic, _) in enumerate(self.sayings) if topic == i]
            if said:
                extra[i] += ANSWER_WEIGHT * sayings[said].mean(axis=0)
            extra[i] += LABEL_WEIGHT * labels[i]
        self._vectors, self._extra = examples, extra
        self._centroids = np.stack([self._centroid(i, None) for i in range(len(self.ids))])

    def _centroid(self, topic: int, leave_out: int | None) -> npt.NDArray[np.float32]:
        """The topic as one direction: its example questions' mean, plus its answers and id."""
        assert self._vectors is not None
        assert self._extra is not None
        rows = [j for j in self._by_topic[topic] if j != leave_out]
        centre = self._extra[topic].copy()
        if rows:
            centre += self._vectors[rows].mean(axis=0)
        norm = float(np.linalg.norm(centre))
        return np.asarray(centre / norm if norm else centre, dtype=np.float32)

    def _meaning(self, vector: npt.NDArray[np.float32], leave_out: int | None) -> list[float]:
        assert self._centroids is not None
        centroids = self._centroids
        if leave_out is not None:
            centroids = centroids.copy()
            topic = self.examples[leave_out][0]
            centroids[topic] = self._centroid(topic, leave_out)
        return [float(x) for x in centroids @ vector]


#: Two sentences tell the same thing at this cosine, or above the lower one when they also
#: share this share of their words (of the shorter one's); sentences of fewer terms than
#: _SAME_MIN_TERMS ("Sorry, one sec.") are not compared; two shared names ("Lena Park") suffice.
_SAME_MEANING: Final = 0.75
_SAME_MEANING_LOW: Final = 0.65
_SAME_WORDS: Final = 0.75
_SAME_WORDS_LOW: Final = 0.35
_SAME_MIN_TERMS: Final = 3
_SAME_NAMES: Final = 2


#: A statement of the scripted line this close (cosine) to a sentence of the knowledge answer
#: said just before it tells the same thing again, and is left out of the reply (when the line
#: still asks something without it).
ECHO_MEANING: Final = 0.5


def _comparable(a: str, b: str) -> bool:
    """Whether two sentences may be compared by meaning alone: both of _SAME_MIN_TERMS terms
    or more, or sharing a plain word."""
    ta, tb = set(plain_terms(a)), set(plain_terms(b))
    return (len(ta) >= _SAME_MIN_TERMS and len(tb) >= _SAME_MIN_TERMS) or bool(ta & tb)


def _overlap(a: str, b: str) -> float:
    """Shared plain words as a share of the shorter sentence's."""
    ta, tb = set(plain_terms(a)), set(plain_terms(b))
    if len(ta & tb) < _SAME_MIN_TERMS:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 3)


class _Matchers:
    """Every knowledge's matcher, one per encoder state, built once per process. A matcher
    with the sentence model embeds every example question (up to seconds on a loaded
    machine), so it is built on a thread of its own (`warm`), never on the caller's, unless
    the caller asks to wait. A caller that waits and finds it being built waits for that
    build; one that does not (the runner's, on the GUI thread) gets the word matcher for
    that call and the built matcher from the next call on."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._built: dict[tuple[Knowledge, int], KnowledgeMatcher] = {}
        self._building: dict[tuple[Knowledge, int], threading.Thread] = {}

    def clear(self) -> None:
        with self._lock:
            self._built.clear()

    def get(self, knowledge: Knowledge, encoder: Encoder | None, *, wait: bool) -> KnowledgeMatcher:
        key = (knowledge, id(encoder))
        with self._lock:
            found = self._built.get(key)
            building = self._building.get(key)
        if found is not None:
            return found
        if building is not None and not wait:
            # A warm-up is embedding it (a rehearsal's start): never join it on this thread
            # (the GUI's, review 9 R7); words for this call, the warmed matcher afterwards.
            return self.get(knowledge, None, wait=True)
        if building is not None:  # a caller that waits: wait for that warm-up, never twice
            building.join()
            with self._lock:
                found = self._built.get(key)
            if found is not None:
                return found
        if encoder is not None and not wait:
            # The model came in mid-rehearsal: build off this thread, words until then.
            self.warm(knowledge, encoder)
            return self.get(knowledge, None, wait=True)
        matcher = KnowledgeMatcher(knowledge, encoder)  # words alone: milliseconds
        with self._lock:
            return self._built.setdefault(key, matcher)

    def warm(self, knowledge: Knowledge, encoder: Encoder) -> None:
        """Start building this knowledge's matcher on a thread of its own, if not done."""
        key = (knowledge, id(encoder))
        with self._lock:
            if key in self._built or key in self._building:
                return
            thread = threading.Thread(
                target=self._build,
                args=(knowledge, encoder, key),
                daemon=True,
                name="frameshift-knowledge",
            )
            self._building[key] = thread
        finish_before_exit(thread)  # an exit mid-embedding must not abort (review 10 R26)

    def _build(self, knowledge: Knowledge, encoder: Encoder, key: tuple[Knowledge, int]) -> None:
        try:
            matcher = KnowledgeMatcher(knowledge, encoder)
            with self._lock:
                self._built.setdefault(key, matcher)
        finally:
            with self._lock:
                self._building.pop(key, None)


_MATCHERS = _Matchers()


def prepare(knowledge: Knowledge) -> KnowledgeMatcher:
    """Load the sentence model if need be and embed this knowledge once: call it off the UI
    thread when a rehearsal is chosen, and its runner's first question costs one embedding."""
    return matcher_for(knowledge, wait=True)


def warm(knowledge: Knowledge) -> None:
    """Embed this knowledge on a thread of its own if the sentence model is loaded (a runner
    does this when a rehearsal starts, so its first question never pays it on the GUI thread)."""
    encoder = shared_encoder()
    if encoder is not None:
        _MATCHERS.warm(knowledge, encoder)


def matcher_for(knowledge: Knowledge, *, wait: bool = False) -> KnowledgeMatcher:
    """The matcher for this knowledge, built once per encoder state and shared. Without
    `wait`, a rehearsal that starts while the encoder still loads matches by words, and
    one whose model arrives mid-rehearsal, or whose matcher is still being warmed up (a
    question right after the start), keeps words until its matcher is built off this thread.
    With `wait` (`prepare`, `frameshift play`, the validator) the matcher is built or its
    warm-up waited for."""
    return _MATCHERS.get(knowledge, shared_encoder(wait=wait), wait=wait)


#: How far before a question's first word its sentence may reach ("So after I leave my CV here,
#: what happens next?"): the words before it often say what it is about.
_LEAD_CHARS: Final = 80
#: A long answer's opening and close read for questions, each this many characters at most.
_READ_CHARS: Final = 2_000
#: A lead of this many words or more is long enough that the question is matched alone too.
_LONG_LEAD_WORDS: Final = 6
_SENTENCE_END: Final = re.compile(r"[.!?;:]\s")


def questions_in(answer: str) -> list[str]:
    """The questions of an answer (found by the framing rules, from word order as well as
    question marks), each with the start of its sentence: what a topic is matched against.
    A question after a long lead is also taken on its own (recognized speech has no full
    stops: "...kind of curious about research what does a study look like" leads with another
    thought); the better match of the two is answered. A very long answer is read at its
    opening and its close only (:data:`_READ_CHARS` each, cut at spaces), as the framing
    reading does: a pasted wall of text costs no more than a long spoken answer."""
    if len(answer) > 2 * _READ_CHARS + _LEAD_CHARS:
        head = answer.rfind(" ", 0, _READ_CHARS)
        tail = answer.find(" ", len(answer) - _READ_CHARS)
        head = head if head > 0 else _READ_CHARS
        tail = tail if tail > 0 else len(answer) - _READ_CHARS
        return questions_in(answer[:head]) + questions_in(answer[tail:])
    found: list[str] = []
    wished = {wish.start("asked") for wish in _WISH_TO_HEAR.finditer(answer)}
    for start, end in _question_spans(answer):
        begin = max((m.end() for m in _SENTENCE_END.finditer(answer, 0, start)), default=0)
        if start - begin > _LEAD_CHARS:
            space = answer.find(" ", start - _LEAD_CHARS, start)
            begin = space + 1 if space != -1 else start
        alone = answer[start:end].strip()
        if _lead_in(answer[begin:start]):
            # "Honestly I don't know yet, how many people are on your team?": a clause of its
            # own before the question; the question is matched as if asked bare
            begin = start
        question = answer[begin:end].strip()
        if question:
            found.append(question)
        lead = answer[begin:start].split()
        # "are you still drawing or is it mostly running the business" is one question: the
        # part after "or" is an alternative, not a question of its own
        if (
            alone
            and alone != question
            and (len(lead) >= _LONG_LEAD_WORDS or start in wished)
            and lead[-1].lower().strip(",") != "or"
        ):
            found.append(alone)
    return found


_COMMA: Final = re.compile(r"[,\u2014\u2013]\s+|\s-\s+")


def _question_spans(answer: str) -> list[tuple[int, int]]:
    """The framing rules' questions of an answer, where a question opening a clause after a
    lead-in and a comma ("Interesting, what makes a good researcher", "I did some data work at
    uni, do engineers ...") is read on its own, as the bare question would be."""
    spans = set(find_questions(answer))
    for wish in _WISH_TO_HEAR.finditer(answer):
        # "I wanted to hear how you got into data platforms.": a question put as a wish, in
        # words the framing rules read as curiosity without finding a question in them
        # what he is asked is the clause after the wish ("how you got into data platforms"),
        # matched as the question it stands for
        if not any(s <= wish.start() < e for s, e in spans):
            stop = _SENTENCE_END.search(answer, wish.end())
            spans.add((wish.start("asked"), stop.start() + 1 if stop else len(answer.rstrip())))
    for comma in _COMMA.finditer(answer):
        start = comma.end()
        begin = max((m.end() for m in _SENTENCE_END.finditer(answer, 0, start)), default=0)
        lead = answer[begin:start]
        if not _lead_in(lead) or find_questions(lead) or _OPENS_QUESTION.match(lead):
            continue  # "Are you hiring, or is it ...", "What tools, though?": one question
        stop = _SENTENCE_END.search(answer, start)
        clause = answer[start : stop.start() + 1 if stop else len(answer)]
        if not _OPENS_QUESTION.match(clause):
            continue  # "..., with all the red tape at a bank?": the question goes on
        own = [(start + s, start + e) for s, e in find_questions(clause) if not clause[:s].strip()]
        if own and has_content(answer[own[0][0] : own[0][1]]):
            spans = {(s, e) for s, e in spans if not s < start < e} | {own[0]}
    return sorted(spans)


#: A wish to hear or learn something of him, said as a statement ("I wanted to hear how you
#: got into this", "I was hoping to learn what your team does", "I came to find out about the
#: clinics", "I'd like to understand how ..."): asked as a question, matched like one.
_WISH_TO_HEAR: Final = re.compile(
    r"\bi(?:\s+(?:really|just|mostly|actually|also))?\s*(?:wanted|want|was\s+hoping|am\s+hoping"
    r"|['’]?m\s+hoping|hoped|came(?:\s+(?:here|along|over|tonight|today))?|am\s+here|['’]?m\s+here"
    r"|was\s+keen|['’]?m\s+keen|am\s+keen|would\s+like|['’]?d\s+like|would\s+love|['’]?d\s+love"
    r"|was\s+going)\s+to\s+(?:hear|know|ask(?:\s+you)?|learn|understand|find\s+out|get\s+a\s+sense"
    r"\s+of)\s+(?:a\s+(?:bit|little)\s+)?(?:more\s+)?(?P<asked>about\s+|how\b|what\b|why\b"
    r"|where\b|when\b|who\b|which\b|whether\b|if\s+you\b|your\b)",
    re.IGNORECASE,
)
#: A sentence opening like a question: its words before a comma are part of the question.
_OPENS_QUESTION: Final = re.compile(
    r"^\W*(?:what|how|who|whom|whose|where|when|why|which|is|are|was|were|do|does|did|can|"
    r"could|would|will|should|shall|may|might|have|has|had|any|anything|anyone|tell|"
    r"i\s+wonder|i'?m\s+curious|i'?d\s+love\s+to\s+know)\b",
    re.IGNORECASE,
)
#: A lead closed by a comma that sets the question's context rather than standing apart: "So
#: after I leave my CV here, what happens next?", "For the data team, what tools ...".
_CONTEXT_LEAD: Final = re.compile(
    r"^\W*(?:(?:so|and|but|ok(?:ay)?|well|then|now|also|just)\W+)*"
    r"(?:after|before|if|once|when|whenever|while|since|until|unless|because|as|for|with|"
    r"without|about|regarding|on|in|at|from|during|given|say|suppose|assuming|besides|other"
    r"\s+than|apart\s+from|compared|beyond|between|among|under|within|outside|inside|of|"
    r"across|to|by|via|like|whichever|whatever|wherever|whoever)\b",
    re.IGNORECASE,
)


def _lead_in(lead: str) -> bool:
    """Whether the words before a question, in its sentence, are a lead-in of their own closed
    by a comma: an interjection, hedge, thanks or short statement ("Interesting,", "Thanks,
    that helps,", "Honestly I don't know yet,"), not a clause setting the question's context
    ("after I leave my CV here,", "but if I did apply later,", "If you were me, final year,")."""
    lead = lead.strip()
    if not lead or not lead.endswith((",", "\u2014", "\u2013", " -")):
        return False
    clauses = re.split(r"[,\u2014\u2013]|\s-\s", lead.rstrip(",\u2014\u2013- "))
    return not any(_CONTEXT_LEAD.match(clause) for clause in clauses)


def best_question(matcher: KnowledgeMatcher, questions: Iterable[str]) -> tuple[str, TopicMatch]:
    """Of several questions in one answer, the one the knowledge answers most confidently
    (a confident match first, then the highest score); ("", no match) when there are none."""
    asked = [q for q in questions if q.strip()]
    if not asked:
        return "", TopicMatch(None, None, 0.0, matcher.method)
    found = list(zip(asked, matcher.match_all(asked), strict=True))
    return max(found, key=lambda qm: (qm[1].topic is not None, qm[1].score))
