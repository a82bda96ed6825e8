"""Words as the knowledge matcher compares them: stems, with synonyms folded together.

The fallback for matching a seeker's question to a topic when the sentence model is not there:
"How big is your group?" and "How many people are on the team?" share no word, but they share
the concept `team` once synonyms are folded, and `size` once "how big" and "how many" are.
Recognized speech has no capitals and no punctuation, so none of this depends on either.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

import snowballstemmer

_WORD: Final = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_STEMMER: Final = snowballstemmer.stemmer("english")

#: Multi-word phrases that mean one concept, rewritten before the words are split.
_PHRASES: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(rf"\b{pattern}\b"), concept)
    for pattern, concept in (
        (r"how (?:big|large|many people|many of you|many folks)", " _size "),
        (r"head ?count", " _size "),
        (r"day to day|day in day out|day-to-day", " _routine "),
        (r"nine to five|9 to 5", " _routine "),
        (r"get into|got into|getting into|end up|ended up|wound up|came to", " _origin "),
        (r"who else|anyone else|someone else|other people", " _referral "),
        (r"look(?:ing)? for|looks for", " _seek "),
        (r"work[- ]life", " _balance "),
        (r"work from home|wfh|in the office|in office|in person|on site|onsite", " _remote "),
        (r"tech stack|stack", " _tools "),
        (r"next steps?|what happens next", " _process "),
        (r"keeps? (?:you )?up at night", " _challenge "),
        (r"what(?:'s| is| was) it like|how(?:'s| is) it (?:working|to work)", " _culture "),
        (r"time off|pto|vacation|holiday", " _leave "),
        (r"if you were me|in my shoes|in my position|if you were in my", " _advice "),
    )
)

#: Groups of words that ask about the same thing; each word's stem maps to the first word.
_SYNONYMS: Final[tuple[tuple[str, ...], ...]] = (
    (
        "team",
        "group",
        "squad",
        "department",
        "crew",
        "unit",
        "org",
        "colleagues",
        "coworkers",
        "people",
        "folks",
        "staff",
    ),
    (
        "week",
        "day",
        "daily",
        "weekly",
        "routine",
        "schedule",
        "typical",
        "average",
        "normal",
        "_routine",
    ),
    (
        "tool",
        "tools",
        "stack",
        "technology",
        "tech",
        "software",
        "language",
        "languages",
        "framework",
        "platform",
        "_tools",
        "use",
        "using",
    ),
    (
        "origin",
        "start",
        "began",
        "begin",
        "started",
        "career",
        "path",
        "background",
        "journey",
        "_origin",
        "became",
        "become",
        "join",
        "joined",
    ),
    ("company", "organization", "organisation", "firm", "business", "employer", "place"),
    (
        "hire",
        "hiring",
        "recruit",
        "recruiting",
        "recruitment",
        "interview",
        "interviews",
        "process",
        "apply",
        "application",
        "applying",
        "_process",
    ),
    ("culture", "_culture", "environment", "atmosphere", "vibe", "values", "feel"),
    (
        "seek",
        "_seek",
        "want",
        "qualities",
        "quality",
        "trait",
        "traits",
        "ideal",
        "candidate",
        "need",
    ),
    ("role", "job", "position", "opening", "vacancy", "post"),
    (
        "challenge",
        "challenging",
        "hard",
        "hardest",
        "difficult",
        "problem",
        "problems",
        "struggle",
        "tough",
        "_challenge",
        "obstacle",
    ),
    ("remote", "_remote", "office", "hybrid", "location", "onsite", "commute"),
    (
        "growth",
        "grow",
        "learn",
        "learning",
        "develop",
        "development",
        "progression",
        "promotion",
        "promote",
        "advance",
        "advancement",
        "mentor",
        "mentoring",
        "training",
    ),
    (
        "project",
        "projects",
        "work",
        "working",
        "build",
        "building",
        "focus",
        "priority",
        "priorities",
    ),
    (
        "referral",
        "_referral",
        "introduce",
        "introduction",
        "contact",
        "connect",
        "network",
        "talk",
        "speak",
        "meet",
    ),
    ("size", "_size", "big", "large", "many", "number"),
    ("advice", "suggest", "suggestion", "recommend", "recommendation", "tip", "tips", "_advice"),
    ("enjoy", "love", "favorite", "favourite", "best", "fun", "rewarding", "satisfying"),
    ("balance", "_balance", "hours", "overtime", "flexible", "flexibility", "workload"),
    ("leave", "_leave"),
    ("pay", "salary", "compensation", "money", "wage", "wages", "benefits", "bonus", "equity"),
    ("customer", "customers", "client", "clients", "user", "users", "patient", "patients"),
    (
        "future",
        "plan",
        "plans",
        "roadmap",
        "next",
        "upcoming",
        "vision",
        "direction",
        "goal",
        "goals",
    ),
    (
        "manager",
        "boss",
        "lead",
        "leader",
        "leadership",
        "manage",
        "managing",
        "management",
        "report",
    ),
    ("change", "changed", "changing", "different", "evolve", "evolved", "shift"),
    (
        "skill",
        "skills",
        "experience",
        "qualification",
        "qualifications",
        "requirement",
        "requirements",
    ),
    ("measure", "success", "successful", "metric", "metrics", "kpi", "goal"),
    ("product", "products", "service", "services", "offering"),
)

#: Words that carry no topic: function words, and the words every question about the
#: manager's work shares ("you", "tell me about").
_STOPWORDS: Final = frozenset(
    re.findall(
        r"\S+",
        """a an the and or but so if then than that this these those there here it its it's is are
    was were be been being am do does did doing done have has had having i i'm i've i'd me my
    mine myself we we're our ours us you you're your yours yourself he she they them their his
    her of to in on at by for with from about into over under as up down out off just really
    very quite pretty bit little lot lots kind sort thing things stuff maybe perhaps please
    could would should can will shall may might must tell say said know wonder wondering
    curious ask asking question mind also too any some much more most well okay ok oh um uh
    like get got go going gone make made let let's s t whats what's hows how's whos who's
    actually basically generally usually typically really right now even still ever sorry
    anyway honestly""",
    )
)

#: Question words kept as features: they tell "who else" from "what else" and "when" from
#: "why", at a low weight because most questions have one.
QUESTION_WORDS: Final = frozenset({"what", "how", "who", "when", "where", "why", "which"})


@cache
def stem(word: str) -> str:
    """The word's Snowball stem (cached: the vocabulary of one rehearsal is small)."""
    return str(_STEMMER.stemWord(word))


_STOP_STEMS: Final = frozenset(stem(w) for w in _STOPWORDS if w not in QUESTION_WORDS)


def _concepts() -> dict[str, str]:
    table: dict[str, str] = {}
    for group in _SYNONYMS:
        head = group[0] if group[0].startswith("_") else stem(group[0])
        for word in group:
            key = word if word.startswith("_") else stem(word)
            table.setdefault(key, head)
    return table


_CONCEPT: Final[dict[str, str]] = _concepts()


@cache
def terms(text: str) -> tuple[str, ...]:
    """The question's meaningful terms: stems with synonyms folded, question words kept."""
    lowered = " " + text.lower().replace("’", "'") + " "
    for pattern, concept in _PHRASES:
        lowered = pattern.sub(concept, lowered)
    found: list[str] = []
    for raw in re.findall(r"_[a-z]+|" + _WORD.pattern, lowered):
        word = raw.split("'")[0] if not raw.startswith("_") else raw
        if word in QUESTION_WORDS:
            found.append(word)
            continue
        if not word or word in _STOPWORDS or (len(word) < 3 and not word.isdigit()):
            continue
        key = word if word.startswith("_") else stem(word)
        if key in _STOP_STEMS:
            continue
        found.append(_CONCEPT.get(key, key))
    return tuple(found)


def plain_terms(text: str) -> tuple[str, ...]:
    """The content words' stems, without synonym folding: for telling whether two lines say
    the same thing, where "opening" and "role" must stay apart."""
    found = []
    for raw in _WORD.findall(text.lower().replace("’", "'")):
        word = raw.split("'")[0]
        if word in _STOPWORDS or word in QUESTION_WORDS or len(word) < 3:
            continue
        key = stem(word)
        if key not in _STOP_STEMS:
            found.append(key)
    return tuple(found)


#: Where one sentence ends and the next begins.
SENTENCE_BREAK: Final = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    """The sentences of `text`, split after each full stop, question or exclamation mark."""
    return [s for s in SENTENCE_BREAK.split(text.strip()) if s]


_NAME: Final = re.compile(r"\b[A-Z][a-z]+")


def names(text: str) -> set[str]:
    """Capitalised words that are not function words: the people and places a line names."""
    return {w for m in _NAME.finditer(text) if (w := m.group().lower()) and plain_terms(w)}


def content_terms(text: str) -> tuple[str, ...]:
    """`terms` without the question words: what the question is about."""
    return tuple(t for t in terms(text) if t not in QUESTION_WORDS)
