"""The scenario as immutable data: what a coach wrote, checked, ready for the runner and the UI."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from app.dialogue.asking import GENERIC_REPLIES
from app.dialogue.bridges import ALL as DEFAULT_BRIDGES

#: How hard a scenario is, in the order a picker should list them.
DIFFICULTIES: tuple[str, ...] = ("gentle", "moderate", "tough")
#: How an ending went for the seeker.
OUTCOME_KINDS: tuple[str, ...] = ("good", "mixed", "poor")


@dataclass(frozen=True)
class VoiceSettings:
    """How the persona sounds; the speech layer maps these onto the engine's own properties."""

    voice: str = "en-us"
    rate: int = 165
    pitch: int = 50
    volume: float = 1.0


@dataclass(frozen=True)
class Persona:
    """Who the seeker is talking to, shown on screen and used to pick a voice."""

    name: str
    role: str
    company: str
    voice: VoiceSettings = field(default_factory=VoiceSettings)


@dataclass(frozen=True)
class Outcome:
    """How a conversation ended: `label` is what the user reads, `kind` is good/mixed/poor."""

    id: str
    label: str
    kind: str
    #: The ending takes a step the seeker must agree to ("I'll send your CV over"): reached
    #: only by an answer that agrees (`AGREEING_CUES`), never by a frame or a question alone.
    agreed: bool = False


#: The seeker cues that agree to a step taken on their behalf (an `Outcome.agreed` ending).
AGREEING_CUES: frozenset[str] = frozenset({"commitment", "job_request"})


@dataclass(frozen=True)
class CoachNote:
    """What the replay shows at a pivotal moment: why it mattered and a better answer."""

    note: str
    alternative: str
    #: The seeker cues the note is about (e.g. only ``pay_question`` for a note about naming a
    #: salary); empty: every answer here. See :meth:`about`.
    cues: frozenset[str] = frozenset()

    def about(self, cue: str | None) -> bool:
        """Whether the note speaks to an answer whose deciding cue is `cue`: when it names no
        cues, always; else only for one of them (a pitch at a node whose note is about naming
        a salary gets the replay's composed alternative instead)."""
        return not self.cues or cue in self.cues


@dataclass(frozen=True)
class Branch:
    """One way out of a node.

    It matches when the answer's frame equals `frame` (if set) and at least one of `cues` was
    found (if set). A branch with neither is the fallback and always matches.
    """

    goto: str
    frame: str | None = None
    cues: frozenset[str] = frozenset()

    @property
    def is_fallback(self) -> bool:
        """A fallback catches every answer no earlier branch took."""
        return self.frame is None and not self.cues

    def matches(self, frame: str, cues: Collection[str]) -> bool:
        """Whether an answer with this frame and these cues takes this branch."""
        if self.frame is not None and self.frame != frame:
            return False
        return not self.cues or not self.cues.isdisjoint(cues)


@dataclass(frozen=True)
class Node:
    """One thing the manager says, with its variants, and where the talk goes next."""

    id: str
    lines: tuple[str, ...]
    branches: tuple[Branch, ...] = ()
    outcome: Outcome | None = None
    pivotal: bool = False
    coach: CoachNote | None = None

    @property
    def is_end(self) -> bool:
        """End nodes carry an outcome and have no branches."""
        return self.outcome is not None

    def choose(self, frame: str, cues: Collection[str]) -> Branch | None:
        """The first branch, in file order, that this answer takes; None at an end node."""
        for branch in self.branches:
            if branch.matches(frame, cues):
                return branch
        return None


@dataclass(frozen=True)
class Topic:
    """Something the manager can tell about their work when the seeker asks about it."""

    id: str
    questions: tuple[str, ...]
    answers: tuple[str, ...]
    follow_up: str | None = None


@dataclass(frozen=True)
class Knowledge:
    """What the manager knows beyond the script: topics, honest deflections and bridges.

    `bridges` are short words that lead from an answer back to the script ("Anyway."); each is
    a part of its own, pre-rendered like every other line.
    """

    deflect: tuple[str, ...] = ()
    topics: tuple[Topic, ...] = ()
    bridges: tuple[str, ...] = ()

    def topic(self, topic_id: str) -> Topic | None:
        """The topic with this id, or None."""
        return next((t for t in self.topics if t.id == topic_id), None)


#: Said once, in the manager's own voice, after a long silence while an answer is awaited, when
#: the scenario names no `patience` lines of its own.
DEFAULT_PATIENCE: tuple[str, ...] = ("Take your time.", "No rush. Take your time.")
#: `ManagerLine.topic` of a reply that deflected a question nothing in the knowledge answers.
DEFLECTED = "deflect"


#: What acknowledges the seeker's question ("Good question", "Ha, turning it round on me",
#: "glad you asked"); not any sentence holding "question" ("Okay, different question." changes
#: the subject, "Writing questions is easy." is about something else).
_ACK_FORM = (
    r"\b(?:(?:good|great|fair|interesting|excellent|tough|big|brilliant|lovely|nice|smart|"
    r"sharp|loaded|funny|tricky|honest|fun|real|hard)\s+question|(?:that's|that\s+is|what)\s+a\s+"
    r"(?:\w+\s+)?question|question\s+(?:for|back\s+to)\s+me|turning\s+it\s+a?round|"
    r"turning\s+the\s+tables|glad\s+you\s+asked|you\s+should\s+ask|(?:since|now\s+that)\s+you\s+"
    r"ask(?:ed)?|you\s+ask(?=\s*[.!,]))\b"
)
#: A first sentence that only acknowledges a question ("Good question.", "Ha, turning it around
#: on me."): a knowledge answer goes right after it, before the rest of the line.
_ACKNOWLEDGES = re.compile(
    r"(?:[^.!?]*" + _ACK_FORM + r"[^.!?]*[.!?]+"
    # an echo of a question about the persona: "Me?", "What do I do?"
    r"|\s*(?:me|who,?\s+me|what,?\s+me|what\s+do\s+i\s+do|what\s+about\s+me)\?)\s+",
    re.IGNORECASE,
)
_OPENS_WITH_ACK = re.compile(r"[^.!?]*" + _ACK_FORM, re.IGNORECASE)


def opens_with_acknowledgement(text: str) -> bool:
    """Whether a reply's first sentence acknowledges the question ("Ooh, good question.")."""
    return _OPENS_WITH_ACK.match(text) is not None


_ACK_WORDS = 10


def split_acknowledgement(line: str) -> tuple[str, str] | None:
    """("Good question.", "The rest of the line.") when the line opens by acknowledging a
    question in a short sentence; None otherwise."""
    found = _ACKNOWLEDGES.match(line)
    if found is None:
        return None
    head, rest = line[: found.end()].strip(), line[found.end() :].strip()
    if not rest or len(head.split()) > _ACK_WORDS:
        return None
    return head, rest


#: A first sentence that only reacts to what the seeker said ("That makes sense."): after the
#: manager has just answered the seeker's question it would react to their own words, so it
#: is left out and the rest of the line said.
_REACTION: Final = (
    r"(?:that makes sense|makes sense|nice|i see|fair enough|got it|right|okay|ok|sure|great|"
    r"good|interesting|cool|that's great|love that|i like that|mm|hm+|ah|oh|yes|yeah|yay|wow|"
    r"brilliant|perfect|amazing|lovely|wonderful|fantastic|awesome|excellent|love it|ha|haha|"
    r"ooh|oh nice|oh wow|of course|certainly|absolutely|sure thing|happy to help|"
    r"no problem|glad to)"
)
#: A bare reaction, or several joined by commas ("Ha, I like that.", "Oh, nice!").
_REACTS = re.compile(rf"{_REACTION}(?:,\s+{_REACTION})*[.!]+\s+", re.IGNORECASE)


def from_question(line: str) -> str | None:
    """The line from its first question on, when statements come before it ("I look after the
    data platform at Brightwater Health. And you, what's your corner of data work?" -> "And
    you, ..."): what is said after a knowledge answer that those statements would tell again.
    None when the line opens with its question or asks nothing."""
    said = [s for s in re.split(r"(?<=[.!?])\s+", line.strip()) if s]
    ask = next((i for i, s in enumerate(said) if s.endswith("?")), None)
    return " ".join(said[ask:]) if ask else None


def line_sentences(line: str) -> list[str]:
    """A manager line's sentences, as `from_question` and `line_tails` split it."""
    return [s for s in re.split(r"(?<=[.!?])\s+", line.strip()) if s]


#: A pointer back carries the answer's first sentence(s) up to this many words: enough to say
#: what it told ("Portfolio first, then a conversation ..."); longer, no pointer is made.
_POINTER_MIN_WORDS: Final = 5
_POINTER_MAX_WORDS: Final = 28
#: Opening words that stay lowercase after "Like I said, " ("it", "most weeks", "honestly");
#: any other first word (a name, "I", "Portfolio") keeps its capital after "Like I said: ".
_LOWER_OPENERS: Final = frozenset(
    """a an the it it's its we we're we've our there there's that that's this these those they
    they're their most mostly some many much more honestly usually normally generally mainly
    basically really probably just not no yes yeah well so plenty lots everyone everybody
    nobody people all every each one two three four five six seven eight nine ten half
    once twice sometimes always never often right okay oh ah""".split()  # noqa: SIM905
)


def point_back(answer: str) -> str | None:
    """What the manager says to a new question about a topic he has already told in this
    rehearsal: a pointer back carrying the gist of what he said ("Like I said, it goes through
    our recruiter first, then a conversation with me ..."), never a brush-off as if the question
    had been asked before. The gist is the answer's first sentences up to five words or more,
    whole (never cut mid-sentence); None when that is longer than a pointer should be. Each is
    pre-rendered (`Scenario.manager_lines`)."""
    said = line_sentences(answer)
    while len(said) > 1 and said[0].endswith("?"):
        said = said[1:]  # "Process? We like to move fast.": the answer, not his own question
    gist: list[str] = []
    for sentence in said:
        gist.append(sentence)
        if len(" ".join(gist).split()) >= _POINTER_MIN_WORDS:
            break
    text = " ".join(gist).strip()
    if not text or len(text.split()) > _POINTER_MAX_WORDS:
        return None
    first = text.split()[0]
    bare = re.sub(r"[^\w']", "", first).lower()
    if bare in _LOWER_OPENERS and first[:1].isupper() and not first.isupper():
        return "Like I said, " + first[0].lower() + text[1:]
    return "Like I said: " + text


def line_tails(line: str) -> list[str]:
    """The line from each of its later sentences on ("Nadia Ross is hiring. What else would
    help?"): what is said when its first statements would tell again what was already said.
    Each is pre-rendered (`Scenario.manager_lines`)."""
    said = line_sentences(line)
    return [" ".join(said[k:]) for k in range(1, len(said))]


def split_reaction(line: str) -> tuple[str, str] | None:
    """("That makes sense.", "The rest of the line.") when the line opens with a bare reaction
    to the seeker's words; None otherwise. The rest is what is said when the reaction is left
    out: without an echo ("..., too.") of what the reaction answered."""
    found = _REACTS.match(line)
    if found is None or not line[found.end() :].strip():
        return None
    # "That makes sense. It took me a while to find where I fit, too.": said without the
    # reaction (after an answer to the seeker's question), "too" has nothing to attach to
    rest = _ECHO.sub(r"\1\2", line[found.end() :].strip(), count=1)
    return line[: found.end()].strip(), rest


#: A lead-in that takes the seeker's yes for granted ("Then pick ...", "Great, so ...", "Okay,
#: then, ...", "Perfect, I'll ..."): after a deflection or a brake nothing was agreed, so it is
#: left out (session 19). "Then comes synthesis" (what happens next) and "Right now" stay.
_PRESUMED_YES: Final = re.compile(
    r"^(?:(?:great|perfect|okay|ok|right|good|lovely|brilliant|excellent|cool|fantastic|"
    r"wonderful|nice|sure|alright|all\s+right|super|awesome|then)"
    r"(?:\s*,\s*|\s*[.!]\s+|\s+(?=so\b|then\b|well\b)))+"
    r"(?:(?:so|then|well)\b\s*,?\s*)?"
    r"|^then\s+(?=(?:let's|let|i'll|i|we'll|we|you'll|you|pick|tell|come|send|shall|how|why|"
    r"what|which|when|where|do|can|could|would|take|bring|drop|have|go)\b)",
    re.IGNORECASE,
)


def drop_presumed_yes(line: str) -> str:
    """The line without a lead-in presuming the seeker agreed ("Great, so when can you start?"
    -> "When can you start?"); the line itself when it opens otherwise or is nothing else."""
    found = _PRESUMED_YES.match(line)
    if found is None or not line[found.end() :].strip():
        return line
    rest = line[found.end() :].lstrip()
    return rest[:1].upper() + rest[1:]


#: A first sentence (of 4 words or more) echoing the seeker's words: "..., too.".
_ECHO = re.compile(
    r"^((?=(?:[^.!?\s]+\s+){3})[^.!?]*?\w)(?:,?\s+too|,?\s+as\s+well)([.!])(?=\s|$)",
    re.IGNORECASE,
)


def join_parts(parts: Sequence[str]) -> str:
    """The caption of a reply said in parts: the parts, each a sentence, joined by spaces."""
    return " ".join(part.strip() for part in parts if part.strip())


@dataclass(frozen=True)
class ManagerLine:
    """What the manager says next: the text to speak and caption, and where it came from.

    `parts` are said one after another, each pre-rendered on its own: an answer to the seeker's
    question (a knowledge answer or a deflection, maybe a follow-up or a bridge), then the
    scripted line. A plain scripted line is one part. `text` is the caption, the parts joined.
    `topic` names the knowledge topic answered, DEFLECTED for a deflection, None otherwise.
    """

    node_id: str
    text: str
    is_end: bool
    parts: tuple[str, ...] = ()
    topic: str | None = None
    #: What the seeker is answering: the scripted line (and follow-up) without the knowledge
    #: answer before it; the context in which the next answer is framed. Default: `text`.
    prompt: str = ""

    def __post_init__(self) -> None:
        if not self.parts:
            object.__setattr__(self, "parts", (self.text,))
        if not self.prompt:
            object.__setattr__(self, "prompt", self.text)


@dataclass(frozen=True)
class Scenario:
    """A whole conversation a coach wrote, validated: every goto resolves, every path can end."""

    id: str
    title: str
    difficulty: str
    persona: Persona
    context: str
    start: str
    nodes: Mapping[str, Node]
    path: Path | None = None
    knowledge: Knowledge = field(default_factory=Knowledge)
    #: Position in the picker (1 = where to start); None lists it after the numbered ones.
    order: int | None = None
    #: What this manager says after a long silence (default: DEFAULT_PATIENCE).
    patience: tuple[str, ...] = ()

    def manager_lines(self) -> list[str]:
        """Every part the manager can ever say, without repeats, so speech can be rendered
        before the rehearsal starts: node variants (and, with knowledge, a line's opening
        acknowledgement and its rest, and a line without its opening reaction: see
        `split_acknowledgement` and `split_reaction`), knowledge answers, follow-ups,
        deflections, the replies to private questions and bridges."""
        seen: dict[str, None] = {}
        for node in self.nodes.values():
            for text in node.lines:
                seen.setdefault(text, None)
        knowledge = self.knowledge
        if knowledge.topics:  # an answer can go between a line's acknowledgement and the rest
            for node in self.nodes.values():
                for text in node.lines:
                    acknowledged = split_acknowledgement(text)
                    seen.update(dict.fromkeys(acknowledged or ()))
                    reaction = split_reaction(text)
                    if reaction is not None:
                        seen.setdefault(reaction[1], None)
                    # after a deflection or a brake: without a lead-in presuming a yes
                    for rest in (acknowledged[1] if acknowledged else text, *(reaction or ())[1:]):
                        seen.setdefault(drop_presumed_yes(rest), None)
                    # after an answer (or a line) its first statements would retell: the
                    # line from a later sentence on, its question among them
                    seen.update(dict.fromkeys(line_tails(text)))
        for topic in knowledge.topics:
            for text in topic.answers:
                seen.setdefault(text, None)
            for text in topic.answers:  # a new question about it once told: a pointer back
                pointer = point_back(text)
                if pointer is not None:
                    seen.setdefault(pointer, None)
            if topic.follow_up:
                seen.setdefault(topic.follow_up, None)
        for text in knowledge.deflect:
            seen.setdefault(text, None)
        if knowledge.topics or knowledge.deflect:
            for replies in GENERIC_REPLIES.values():
                seen.update(dict.fromkeys(replies))
            for text in self.bridges():
                seen.setdefault(text, None)
        seen.update(dict.fromkeys(self.patience_lines()))
        return list(seen)

    def patience_lines(self) -> tuple[str, ...]:
        """What the manager may say once after a long silence (the scenario's, or defaults)."""
        return self.patience or DEFAULT_PATIENCE

    def bridges(self) -> tuple[str, ...]:
        """Every word that may lead from an answer back to the script: the scenario's own, else
        the defaults of every kind (`app.dialogue.bridges`)."""
        return self.knowledge.bridges or DEFAULT_BRIDGES

    def outcomes(self) -> list[Outcome]:
        """The distinct endings, in file order."""
        found: dict[str, Outcome] = {}
        for node in self.nodes.values():
            if node.outcome is not None:
                found.setdefault(node.outcome.id, node.outcome)
        return list(found.values())

    def pivotal_nodes(self) -> list[Node]:
        """The moments the replay lets the user retry from."""
        return [node for node in self.nodes.values() if node.pivotal]
