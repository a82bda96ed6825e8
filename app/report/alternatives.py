"""What could have been said instead, built for the manager's line kind and for the cue.

An alternative must fit the moment: "Why Fernhill?" is not answered with "It might be"
(that answers "are you interested?"), and a question about the seeker ("Where are you working
now?") deserves a plain answer, never advice to put it off. So the manager's last sentence is
read first (`line_kind`):

* ``interest``: a yes/no question about wanting the job or being put forward;
* ``invite``: an invitation to ask ("Any questions?", "What would you like to know?");
* ``yes_no``: any other yes/no question ("Does that sound like you?");
* ``why``: a why-question ("Why Fernhill?"): the seeker's reasons;
* ``open``: another open question or a "tell me about ..." request;
* ``statement``: no question at all.

`about_you` says whether the question is about the seeker (their work, their reasons): then a
short plain answer is right, and the alternative keeps the seeker's own first sentence when it is
a plain answer (short, and before the words that made it an interview), then asks back.

Pure Python; `coaching.compose` is this module's `compose`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from app.framing.patterns import DRAW_VERBS
from app.report.focus import FIGURE, focus_kind, safe_focus

_SENTENCE: Final = re.compile(r"[^.?!]+[.?!]*")
_WORD: Final = re.compile(r"[A-Za-z][\w'’]*")
_AUX: Final = frozenset(
    """are is am was were do does did have has had can could would will shall should may
    might any anything anyone fancy interested keen want isn't aren't don't doesn't didn't
    haven't hasn't won't wouldn't can't couldn't""".split()  # noqa: SIM905
)
_OPEN: Final = frozenset(
    "what what's whats how how's where where's when who who's which whose".split()  # noqa: SIM905
)
_TELL: Final = re.compile(r"\b(?:tell|talk|walk)\s+(?:me|us)\b", re.I)
_TAG: Final = re.compile(r",\s*(?:right|yeah|no|eh|isn't it|aren't you|don't you)\?$", re.I)
_INTEREST: Final = re.compile(
    r"\b(?:interested|keen|up for it|fancy it|want (?:the|this|that|it|a) ?(?:job|role|position)?|"
    r"put you (?:forward|through|in)|sign you up|apply|applying|throw your hat|for you\b.*\?$|"
    r"be a fit|sound like something you)",
    re.I,
)
_INVITE: Final = re.compile(
    r"\bany(?:thing)?\s+(?:questions?|else)\b|\bquestions?\s+for\s+me\b|"
    r"\bwhat\s+(?:would|do|did)\s+you\s+(?:want|like)\s+to\s+(?:ask|know)\b|"
    r"\bwhat\s+(?:else\s+)?(?:can|could)\s+i\s+tell\s+you\b|\bask\s+(?:me|away)\b",
    re.I,
)
_YOU: Final = re.compile(r"\b(?:you|your|yours|yourself|you're|you've|you'd)\b", re.I)
#: "do you think/know ..." asks about the manager's own world as often as about the seeker.
_YOU_ASIDE: Final = re.compile(r"\b(?:do|did|would)\s+you\s+(?:think|know|mind|say)\b", re.I)
#: An invitation asked as an open question ("What would you like to know?").
_WH_INVITE: Final = re.compile(r"^\W*(?:(?:so|and|well|okay|ok),?\s+)?(?:what|which)\b", re.I)
#: An open question after the seeker's reasons ("What makes you want Fernhill in particular?",
#: "What brings you here tonight?", "What got you interested in product?"): a why-question.
_REASONS: Final = re.compile(
    rf"\bwhat\s+(?:{'|'.join(DRAW_VERBS)}|makes|made|attracts|attracted|interests|interested"
    r"|pulls|pulled|led)\s+you\b|\bhow\s+come\b",
    re.I,
)
#: Words that answer a yes/no question, not an open one: "Yes!" is no answer to "What brings
#: you here tonight?", so it is never kept as the seeker's plain answer to such a question.
_YES_NO_WORD: Final = re.compile(
    r"^\W*(?:yes|yeah|yep|yup|no|nope|nah|sure|absolutely|definitely|totally|of\s+course|"
    r"okay|ok|oh|well|hmm+|um+|uh+)\b[\s,.!?;:—-]*",
    re.I,
)
_PLAIN_MIN_WORDS: Final = 3
_PLAIN_WORDS: Final = 16
_CLAUSE: Final = re.compile(r",|;|:| - | — |\s(?:and|where|which|so|but)\s")


@dataclass(frozen=True)
class Moment:
    """The manager's last sentence as the seeker heard it."""

    kind: str
    about_you: bool
    sentence: str


def _last_sentence(line: str) -> str:
    """The sentence the seeker answers: the last one, or the question just before a short
    closing remark ("Any questions? No pressure.")."""
    sentences: list[str] = [s.strip() for s in _SENTENCE.findall(line) if s.strip()]
    if not sentences:
        return line.strip()
    if (
        len(sentences) >= 2
        and not sentences[-1].endswith("?")
        and sentences[-2].endswith("?")
        and len(sentences[-2].split()) >= 2
        and len(sentences[-1].split()) <= 4
    ):
        return sentences[-2]
    return sentences[-1]


def line_kind(manager_line: str | None) -> Moment:
    """Which kind of line the seeker was answering (see the module docstring)."""
    sentence = _last_sentence(manager_line or "")
    words = [w.lower() for w in _WORD.findall(sentence)]
    question = sentence.endswith("?")
    told = bool(_TELL.search(sentence))
    about_you = bool(_YOU.search(sentence)) and not (
        _YOU_ASIDE.search(sentence) and not re.search(r"\byour\b", sentence, re.I)
    )
    if not question and not told:
        return Moment("statement", False, sentence)
    if _INVITE.search(sentence):
        return Moment("invite", False, sentence)
    first = next((w for w in words if w in _AUX or w in _OPEN or w == "why"), None)
    if first in _OPEN and _REASONS.search(sentence):
        first = "why"  # "What makes you want Fernhill?", "What brings you here?": reasons
    if told and not question:
        return Moment("open", about_you, sentence)
    if first == "why":
        return Moment("why", True, sentence)
    if first in _OPEN and not _TAG.search(sentence):
        return Moment("open", about_you, sentence)
    if _INTEREST.search(sentence):
        return Moment("interest", True, sentence)
    return Moment("yes_no", about_you, sentence)


#: Where the seeker's first sentence ends: a stop followed by a space or the end, never inside a
#: figure ("85.5k", "$1.2m") or after an abbreviation ("a B.S. in chemistry", "Dr. Kaur", "e.g.").
_STOP: Final = re.compile(r"[.?!]+(?=\s|$)")
_ABBREVIATIONS: Final = frozenset(
    """dr mr mrs ms st vs etc approx jr sr inc ltd co no prof mt ave rd dept univ corp
    e.g i.e""".split()  # noqa: SIM905
)


def _first_sentence(text: str) -> tuple[str, int]:
    """The first sentence of `text` and where it ends: at a stop followed by a space or the
    end, never inside a figure ("85.5k") or after an abbreviation ("a B.S. in chemistry",
    "Dr. Kaur"); the whole text when there is none."""
    for stop in _STOP.finditer(text):
        word = text[: stop.start()].rsplit(None, 1)[-1] if text[: stop.start()].strip() else ""
        bare = word.lower().strip("(\"'")
        if stop.group() == "." and (len(bare) == 1 or "." in bare or bare in _ABBREVIATIONS):
            continue  # "a B.S. in", "Dr. Kaur": not the end of the sentence
        return text[: stop.end()], stop.end()
    return text, len(text)


#: A clause that only leads into what follows it, an idiom or a hedge, not an answer: "Long
#: story short:", "Let me be upfront:", "It's difficult to choose, but ...", "I'm probably not
#: the best person to ask, but ...".
_LEAD_CLAUSE: Final = re.compile(
    r"^\W*(?:long\s+story\s+short|to\s+cut\s+a\s+long\s+story\s+short|short\s+version|"
    r"let\s+me\s+be\s+(?:upfront|honest|frank|clear|straight)|to\s+be\s+(?:honest|fair|frank)|"
    r"truth\s+be\s+told|in\s+short|believe\s+it\s+or\s+not|funny\s+enough|first\s+of\s+all|"
    r"honestly|well|so|okay|um+|uh+)\W*$",
    re.I,
)
#: What may follow a clause that only hedges or leads in (the point comes after it).
_AFTER_LEAD: Final = re.compile(r"^\s*:|[,;]?\s\b(?:but|though|although|yet)\b", re.I)


def plain_answer(answer: str | None, cue_start: int | None, cue: str) -> str | None:
    """The seeker's own first sentence (or its first clause) when it is a plain, short
    answer: no question, at most 16 words; for a commitment or a request it must end before
    the words that made the turn an interview (those are never repeated); for a pitch it may
    hold them (a fact about oneself is a fine answer to a question about oneself). None
    otherwise."""
    if not answer:
        return None
    first, first_end = _first_sentence(answer)
    first = first.strip()
    if not first or first.endswith("?"):
        return None
    if cue not in ("self_promotion", "interview") and (cue_start is None or first_end > cue_start):
        return None
    if len(first.split()) > _PLAIN_WORDS:
        # a clause cut from the sentence: only a piece that stands as an answer on its own, no
        # figure cut from what qualifies it, no idiom or hedge that leads into the point
        cut = _CLAUSE.search(first)
        clause = first[: cut.start()].strip() if cut else first
        if not 3 <= len(clause.split()) <= _PLAIN_WORDS:
            return None
        # a figure cut from what qualifies it ("I led forty Marines" of "..., two of those
        # years in combat, over twelve million dollars") is never said without it
        if FIGURE.search(clause) or _LEAD_CLAUSE.match(clause):
            return None
        if cut is not None and _AFTER_LEAD.search(first[cut.start() :]):
            return None
        first = clause
    elif _LEAD_CLAUSE.match(first.rstrip(".!")):
        return None
    # "Yes! The rest can wait" answers "are you interested?", not "what brings you here?"
    bare = _YES_NO_WORD.sub("", first)
    if bare != first and bare:
        bare = bare[0].upper() + bare[1:]  # "Yes, I'm a nurse." -> "I'm a nurse."
    first = bare.rstrip(",;:—- ")
    if len(first.split()) < _PLAIN_MIN_WORDS:
        return None
    return first if first[-1] in ".!" else first + "."


#: A short, sayable example answer to a question about the seeker, by what it asks (first
#: match wins); the seeker's own facts are unknown, so each stays modest and general.
_EXAMPLES: Final = (
    (
        re.compile(
            r"\bhow\s+(?:did|do|'d)\s+you\s+(?:end\s+up|get|got|come|start|find|land)", re.I
        ),
        "Partly by chance, honestly: one job led to the next, and I liked where it went.",
    ),
    (
        re.compile(
            r"\b(?:experience|built|build|worked\s+on|projects?|done|track\s+record)\b", re.I
        ),
        "A few things along those lines, mostly small and practical; happy to go into one.",
    ),
    (
        re.compile(
            r"\b(?:where|working|job|at\s+the\s+moment|these\s+days|currently|now|do\s+you\s+do)\b",
            re.I,
        ),
        "I'm a few years into similar work at the moment, and still learning a lot.",
    ),
)
_EXAMPLE_DEFAULT: Final = (
    "Short version: a few years of similar work, and I like the problem-solving side most."
)
#: Questions asking the seeker's judgement, not their background ("What evidence would you ask
#: for first?", "How would you have gone about it?", "What do you think of ...?"): answered with
#: a judgement, never the stock pitch about years of similar work. Tried before `_EXAMPLES`.
_JUDGEMENT: Final = (
    (
        re.compile(
            r"\b(?:what|how|which|where|who|when)\b[^?]*\b(?:would|'d|will|should)\s+you\b"
            r"|\bif\s+you\s+were\b|\bwhat\s+if\b|\bimagine\b",
            re.I,
        ),
        "I'd start with the simplest thing that would show whether it works, then check it "
        "against what the people closest to it see.",
    ),
    (
        re.compile(
            r"\b(?:what|how)\s+do\s+you\s+(?:think|feel|make\s+of|reckon)\b|\byour\s+(?:view|"
            r"take|opinion|sense)\b|\bdo\s+you\s+(?:agree|think|believe)\b",
            re.I,
        ),
        "Honestly, I think it depends more on the people involved than on the tools, though "
        "I'd want to see it closer up.",
    ),
    (
        re.compile(
            r"\bwhat\s+(?:do|did)\s+you\s+(?:like|enjoy|love|want|prefer|find|hope|miss)\b", re.I
        ),
        "Mostly the puzzle: working out why something doesn't behave the way it should.",
    ),
)


def example_answer(sentence: str) -> str:
    """A sayable example answer, a sentence long, to a question about the seeker: to a
    question asking the seeker's judgement, a judgement; to one about their path or work, a
    modest fact."""
    for pattern, example in (*_JUDGEMENT, *_EXAMPLES):
        if pattern.search(sentence):
            return example
    return _EXAMPLE_DEFAULT


def _pick(options: Sequence[str], turn: int) -> str:
    return str(options[turn % len(options)])


_NOT_CONTENT: Final = frozenset(
    {"the", "this", "that", "these", "those", "your", "our", "my", "their", "his", "her"}
)


def _repeats_focus(template: Callable[[str], str], focus: str) -> bool:
    """Whether a question template's own words already say the focus's words ("How does your
    team approach {f}?" with "your team"): the filled question would say them twice."""
    own = {w.lower() for w in _WORD.findall(template("\x00"))}
    said = {w.lower() for w in _WORD.findall(focus) if len(w) > 2} - _NOT_CONTENT
    return bool(said & own)


@dataclass(frozen=True)
class _Family:
    """Questions about the manager's focus and the kinds of focus they can ask about
    (`focus.focus_kind`, review 14 R4): "What's involved in ... day to day?" asks about work, never
    a person, a time, an event, the terms, a figure or a place."""

    questions: tuple[Callable[[str], str], ...]
    takes: frozenset[str]


def _question(focus: str | None, turn: int, family: _Family, plain: str) -> str:
    """A question of the family about the focus when it takes the focus's kind (and says none
    of its words twice), else the stock `plain` question."""
    if not focus or focus_kind(focus) not in family.takes:
        return plain
    fitting = [make for make in family.questions if not _repeats_focus(make, focus)]
    return _pick([make(focus) for make in fitting], turn) if fitting else plain


#: After a commitment: about the work, a team ("How did your data team come about?") or the job.
_ABOUT: Final = _Family(
    (
        lambda f: f"Could you tell me more about {f}? What does that look like day to day?",
        lambda f: f"What's the hardest part of {f} right now?",
        lambda f: f"How did {f} come about?",
    ),
    frozenset({"work", "group", "role"}),
)
#: After a pitch: the manager's view of the work.
_INVITING: Final = _Family(
    (
        lambda f: f"How do you see it: what matters most to you about {f}?",
        lambda f: f"How does your team approach {f}?",
        lambda f: f"What got you interested in {f}?",
    ),
    frozenset({"work"}),
)
#: The question back after answering a question about oneself: also about a person, a team, a
#: place or an event he named ("How's it going with your colleague Femi, by the way?"), or a
#: phrase of unknown kind ("And how are things with the flood?": review 15 R2). These
#: questions need no verb to agree with the focus: its number cannot be told from its spelling
#: ("the KPIs", "your PRs" are plural; "devops", "Kubernetes", "the canvas" are not).
_BACK: Final = _Family(
    (
        lambda f: f"And how are things with {f}?",
        lambda f: f"How's it going with {f}, by the way?",
    ),
    frozenset({"work", "unknown", "group", "person", "name", "place", "event"}),
)
#: After asking for the job or the pay: the work itself, or the job as work.
_WORK: Final = _Family(
    (
        lambda f: f"What's involved in {f} day to day?",
        lambda f: f"What does working on {f} involve, in practice?",
    ),
    frozenset({"work", "role"}),
)
#: Questions back when the manager's line names nothing to ask about; which one is said
#: depends on the line and the turn, so rehearsals do not all end on the same stock words.
_GENERIC_BACKS: Final = (
    "What about you: what does your work look like these days?",
    "How did you come to this yourself?",
    "What's keeping you busy at the moment?",
    "What do you enjoy most about what you do?",
    "What's the part of your work people misunderstand most?",
)


#: About the role or the work, when the line names nothing to ask about.
_GENERIC_ROLES: Final = (
    "What would someone in the role spend most of their time on?",
    "What does a normal week look like on your side?",
    "What would a newcomer find hardest at first?",
    "What does good work look like in your team?",
)
#: Inviting the manager's view, when the line names nothing to ask about.
_GENERIC_VIEWS: Final = (
    "How do you see it: what matters most in your work right now?",
    "What's taking most of your attention at the moment?",
    "What do you wish more people understood about your work?",
)


def _generic(options: Sequence[str], sentence: str, turn: int) -> str:
    """A stock question chosen by the line (a stable sum of its letters) and the turn."""
    return options[(sum(map(ord, sentence)) + turn) % len(options)]


def _generic_back(sentence: str, turn: int) -> str:
    return _generic(_GENERIC_BACKS, sentence, turn)


def _openers(cue: str, moment: Moment) -> tuple[str, ...]:
    """How the alternative opens: an answer of the kind the line asked for."""
    kind = moment.kind
    if kind == "invite" and _WH_INVITE.match(moment.sentence):
        # "What would you want to ask her?" is not answered by "Yes" or "A few"
        return (
            "Mostly what the work is like day to day, if that's all right.",
            "Mainly what a normal week looks like, honestly.",
        )
    if cue == "commitment":
        return {
            "interest": (
                "It might be. I'd want to understand it better before I could say yes.",
                "Possibly. Honestly, I don't know enough about it yet to say.",
                "It could be, if it turns out to fit. I'd like to learn more first.",
            ),
            "invite": ("A few, if that's all right: I'd like to understand it better first.",),
            "yes_no": (
                "Possibly, in parts. I'd want to understand it better before I could say.",
                "It could be. Honestly, I don't know enough about it yet to say.",
            ),
            "why": (
                "Mostly curiosity, honestly: I've heard good things, and I'd like to understand "
                "it better before deciding anything.",
                "Honestly, curiosity: I'd like to see how it works from the inside before I "
                "could say if it fits.",
            ),
            "open": (
                "Honestly, I'm still working that out: I'd want to understand it better before "
                "deciding anything.",
                "I'm still finding out, to be honest; I'd like to learn more before I could "
                "say if it fits.",
            ),
        }.get(
            kind,
            # a line that asks nothing ("That's my story, anyway."): no elliptic answer to a
            # question never asked ("I might be, if it turns out to fit", review 14 R4)
            (
                "That's good to hear. I'd want to understand it better before I could say more.",
                "Interesting. I'd like to learn more about it first.",
            ),
        )
    if cue in ("self_promotion", "interview"):
        return {
            "interest": (
                "It might be. Short version: I've done some of that, and I'd like to hear your "
                "side.",
                "Possibly; I've done some of that, but I'd like to hear your side first.",
            ),
            "invite": ("A few, yes.", "Yes, if that's all right."),
            "yes_no": (
                "Some of it, yes; I've done a bit of that.",
                "In parts, yes. I'd like to hear your side too.",
            ),
            "why": (
                "Mostly curiosity: I've done some of that work, and I'd like to see how you do it.",
            ),
            "open": ("Short version: I've done some of that, and I'd like to hear your side.",),
        }.get(
            kind,
            (
                "Happy to tell you about my work in a minute, but I'm curious first.",
                "I can share more about me later.",
                "Short version: I've done some of that, and I'd like to hear your side.",
            ),
        )
    # job_request, pay_question: the work first.
    return {
        "interest": (
            "Possibly, but before anything like that, I'd love to understand the work.",
            "It might be; first, though, I'd like to understand the work.",
        ),
        "invite": ("Yes, a few, mostly about the work itself.",),
        "yes_no": (
            "Perhaps; before anything like that, though, I'd love to understand the work.",
            "Possibly. I'd like to understand the work first.",
        ),
        "why": ("Mostly curiosity about the work itself, honestly.",),
        "open": ("Mostly the work itself, honestly: I'd like to understand it first.",),
    }.get(
        kind,
        (
            "Before anything like that, I'd love to understand the work.",
            "I'd like to understand the work first.",
            "That can wait; I'm more curious about the work itself.",
        ),
    )


def compose(
    cue: str,
    manager_line: str | None,
    turn: int = 0,
    *,
    focus: str | None = None,
    answer: str | None = None,
    cue_start: int | None = None,
) -> str:
    """An alternative answer built for this cue, the kind of line it answered and what the
    manager had just said (`focus`: a noun phrase from that line, or None; only a safe one is
    used, `safe_focus`, and only by a question that can ask about its kind, `focus_kind`: else
    a stock question)."""
    focus = safe_focus(focus, manager_line)
    moment = line_kind(manager_line)
    asked_about_you = moment.about_you and moment.kind == "open"
    plain = plain_answer(answer, cue_start, cue) if asked_about_you else None
    if plain is not None:
        # A question about the seeker: answer it plainly in their own words, then ask back.
        back = _question(focus, turn, _BACK, _generic_back(moment.sentence, turn))
        if cue in ("job_request", "pay_question"):
            return f"{plain} The rest can wait: I'd love to understand the work first. {back}"
        return f"{plain} {back}"
    if asked_about_you:
        # Answering is right, whatever the cue: a short example answer to the question asked
        # (its length is the lesson), then a question back; never an answer to another
        # question, and never a placeholder shown in quotes as if it could be said.
        opener = example_answer(moment.sentence)
        if cue in ("job_request", "pay_question"):
            opener += " The rest can wait: I'd love to understand the work first."
        return f"{opener} {_question(focus, turn, _BACK, _generic_back(moment.sentence, turn))}"
    opening = _pick(_openers(cue, moment), turn)
    role = _generic(_GENERIC_ROLES, moment.sentence, turn)
    if cue == "commitment":
        question = _question(focus, turn, _ABOUT, role)
    elif cue in ("self_promotion", "interview"):
        question = _question(
            focus, turn, _INVITING, _generic(_GENERIC_VIEWS, moment.sentence, turn)
        )
    else:
        question = _question(focus, turn, _WORK, role)
    return f"{opening} {question}"
