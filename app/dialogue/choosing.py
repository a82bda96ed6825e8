"""Which topic the manager answers, of the questions in one answer: the matcher's best, then
what the question says about WHOM it asks and WHAT it asks for.

- A **job request** ("Could you refer me?", "Can you put me forward for the GM job?", "When can
  I interview?", "Can I apply?") is not a knowledge question: the scenario's next line answers
  it (or an honest "let's not get ahead of ourselves"), never a topic describing the job.
- A question about **the person hired** ("a typical week for someone in that role", "the first
  few months for the person who joins") goes to the role topic, never the persona's own week.
- A question naming **the persona's own title** ("What does a nurse manager in clinical
  informatics do all day?") is about the persona's own work, not the role they hire for, and is
  never deflected to a colleague.
- A question naming **a name from the scenario** (its site, project, company: "the new site on
  Harbor Street") is never deflected either: the topic that names it, else the closest topic
  about the persona's own work.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from app.dialogue.asking import (
    JOB_GOING,
    about_own_work,
    asks_advice,
    asks_worry,
    generic_kind,
    intents,
    is_pay,
    leanings,
    may_deflect,
    talks_terms,
)
from app.dialogue.knowledge import KnowledgeMatcher, TopicMatch, best_question
from app.dialogue.model import Scenario
from app.dialogue.words import plain_terms, sentences, stem

#: What may follow "apply"/"interview" when it is the seeker's own next step: the end of the
#: sentence, "for/to" the job (role, team, company, you, it), "now", "here", "with you/your
#: team"; never an object ("apply that approach", "interview some of your users").
_STEP_END: Final = (
    r"(?=\s*(?:[?.!,;:]|$)|\s+(?:(?:for|to)\s+(?:it|you|(?:the|this|that|your|a|an|one\s+of\s+"
    r"your)\s+(?:[\w-]+\s+){0,3}?(?:jobs?|roles?|positions?|posts?|openings?|vacanc(?:y|ies)|"
    r"program(?:me)?s?|teams?|company|internships?|scheme))|now|here|there|too|as\s+well|again|"
    r"then|please|soon|today|tomorrow|next\s+(?:week|month)|this\s+(?:week|month)|with\s+(?:you|"
    r"(?:your|the)\s+(?:team|company|panel|recruiter|hiring\s+manager)))\b)"
)

#: A question that takes the job as settled, the seeker's own next step (session 14: "Where do I
#: sign?" was passed to a colleague, "that's a detail I'd have to check with the client"): signing,
#: the contract or paperwork, accepting, being hired; the scenario's next line answers it, or an
#: honest brake. Not "where do I sign up for the newsletter" nor "how do I accept a pull request".
#: What is signed or settled must be the job itself (review 14 R10: "Where do I sign in for the
#: lab day?", "sign the visitor book", "Did I get the job title right?" were the job settled):
#: nothing after "sign" (or "sign up"), or it/the contract/offer/paperwork, maybe "for the job";
#: then the clause ends (a few words like "then", "now" may follow).
_SIGNED: Final = (
    r"(?:\s+(?:it|this|that|the\s+(?:contract|offer(?:\s+letter)?|paperwork|papers)|"
    r"my\s+contract))?"
)
_FOR_JOB: Final = (
    r"(?:\s+(?:for|to)\s+(?:it|(?:the|this|that)\s+(?:job|role|post|position|offer)))?"
)
_CLAUSE_END: Final = (
    r"(?:\s+(?:then|now|today|tonight|here|please|yet|already|or\s+not|or\s+what))*"
    r"(?=\s*(?:[?.!,;:]|$)|\s+(?:and|so|or|but)\b)"
)
_COMMITS: Final = (
    r"\bwhere\s+(?:do|can|should|shall)\s+i\s+sign(?:\s+up)?"
    + _SIGNED
    + _FOR_JOB
    + _CLAUSE_END
    + r"|\b(?:what|when)\s+(?:do|can|should|shall|would|will)\s+(?:i|we)\s+(?:need\s+to\s+)?sign"
    + _SIGNED
    + _FOR_JOB
    + _CLAUSE_END
    + r"|\b(?:can|could|shall|should|may)\s+(?:i|we)\s+(?:just\s+)?sign"
    + _SIGNED
    + _FOR_JOB
    + _CLAUSE_END
    + r"|\b(?:where(?:'s|\s+is)|show\s+me)\s+the\s+dotted\s+line\b"
    r"|\b(?:send|email|give|show)\s+me\s+(?:the|an?)\s+(?:contract|offer(?:\s+letter)?|paperwork|"
    r"papers)"
    + _FOR_JOB
    + _CLAUSE_END
    + r"|\bhow\s+(?:do|can|would)\s+i\s+(?:accept|say\s+yes|lock\s+(?:it|this|that)\s+in)\b"
    r"(?!\s+(?:a|an|the|your|their|his|her|its|pull|merge|changes?|cookies?|payments?|cards?)\b)"
    r"|\b(?:is|was)\s+the\s+(?:job|role|post|position)\s+mine"
    + _CLAUSE_END
    + r"|\b(?:do|did|have|will)\s+i\s+(?:get|got|gotten)\s+(?:the|this)\s+(?:job|role|post|"
    r"position|offer)" + _CLAUSE_END + r"|\b(?:am\s+i|so\s+i(?:'?m|\s+am))\s+hired\b"
    r"|\b(?:make|making)\s+(?:it|this|things)\s+official\b"
    r"|\b(?:is\s+it|it's|have\s+we\s+got)\s+a\s+deal" + _CLAUSE_END
)
_JOB_REQUEST: Final = re.compile(
    # asking the persona to act for the seeker's job: refer, recommend, put forward, pass a CV;
    # not "refer me to anyone in research" (people to learn from), "recommend me a book"
    r"\b(?:refer|recommend)\s+me\b(?!\s+(?:to\s+(?:anyone|anybody|someone|somebody|people|"
    r"others?|other|folks|colleagues?|experts?|a|an|any|some|read|learn|talk|speak|meet|look|"
    r"follow|check|try|watch|listen|start)\b|(?:a|an|any|some|the|that|this|these|those|one|two|"
    r"three|few|good|great|books?|reading|resources?|courses?|articles?|podcasts?|papers?|"
    r"something|anything|what|where|how|who|which|people|anyone|someone|somebody|others)\b))"
    r"|\b(?:vouch\s+for|hire|interview|shortlist)\s+me\b(?!\s+(?:to|for)\s+(?:read|learn))"
    r"|\bput\s+(?:me|my\s+name|my\s+(?:cv|resume|application))\s+(?:forward|in|through|up)\b"
    r"|\bput\s+(?:me|my\s+name)\s+(?:down|on\s+the\s+list)\b"
    r"|\b(?:put|say)\s+in\s+a\s+(?:good\s+)?word\b|\btake\s+me\s+on\b|\bsign\s+me\s+up\b"
    r"|\b(?:pass|send|forward|give|hand|take)\s+(?:on\s+|along\s+)?my\s+(?:cv|resume|name|"
    r"details|application)\b"
    r"|\bmy\s+(?:cv|resume|name)\s+(?:on|along|over|forward)\b"
    r"|\bgive\s+me\s+(?:the|a)\s+(?:job|shot|chance|trial|interview|referral)\b"
    # asking leave to take the next step: "Can I apply?", "When can I interview?"
    r"|\bwhen\s+(?:can|could|do|would|will|might|shall)\s+i\s+(?:come\s+in\s+for\s+|have\s+|"
    r"get\s+|do\s+)?(?:an?\s+|the\s+|my\s+)?(?:interview|apply|application|trial)\b"
    + _STEP_END
    + r"|\b(?:can|could|may|shall)\s+i\s+(?:just\s+|still\s+)?(?:apply|interview|"
    r"(?:get|have)\s+(?:an?\s+)?(?:interview|referral|trial))\b"
    + _STEP_END
    + r"|\b(?:can|could|may|shall)\s+i\s+(?:just\s+|still\s+)?(?:come\s+in\s+for|be\s+"
    r"considered)\b(?!\s+(?:online|through|via|by|directly|from|if|with|on\s+the)\b)"
    r"|\b(?:can|could|may|shall)\s+i\s+(?:just\s+)?send\s+(?:you\s+|over\s+|along\s+)?my\s+"
    r"(?:cv|resume|r\u00e9sum\u00e9|application|portfolio|details|name)\b"
    r"|\b(?:any|is\s+there\s+a)\s+chance\s+(?:of|i\s+could)\s+(?:an?\s+|getting\s+(?:an?\s+)?|"
    r"get\s+(?:an?\s+)?)?(?:interview|referral|job|trial)\b" + "|" + _COMMITS,
    re.IGNORECASE,
)

#: The person hired as the subject: "someone in that role", "the person who joins", "whoever
#: gets the job", "the new hire".
_HIRE_SUBJECT: Final = re.compile(
    r"\b(?:someone|somebody|a\s+person|the\s+person|whoever|anyone|the\s+one)\s+(?:\w+\s+){0,2}?"
    r"(?:in|into|for|taking|doing|filling)\s+(?:that|this|the)\s+(?:role|job|post|position|seat)\b"
    r"|\b(?:the\s+)?(?:person|someone|somebody|whoever|one)\s+(?:who|that)\s+(?:joins|gets|"
    r"takes|lands|fills|starts|comes\s+in|is\s+hired|gets\s+hired)\b"
    r"|\bwhoever\s+(?:joins|gets|takes|lands|fills|starts|you\s+hire)\b"
    # what makes the one hired do well: "what would make someone succeed there", "to thrive"
    r"|\b(?:someone|somebody|a\s+person|people|anyone|them|me|candidates?)\s+"
    r"(?:\w+\s+){0,2}?(?:succeed|do\s+well|thrive|stand\s+out|shine|excel)\b"
    r"|\b(?:succeed|do\s+well|thrive|successful)\s+(?:\w+\s+){0,3}?(?:in\s+)?(?:the\s+)?first\s+"
    r"(?:\w+\s+)?(?:days|weeks|months|year)\b"
    r"|\bthe\s+(?:new\s+(?:hire|person|starter|joiner|recruit)|successful\s+(?:candidate|"
    r"applicant)|person\s+you\s+hire|hire)\b|\bnew\s+(?:starters?|joiners?|hires?)\b",
    re.IGNORECASE,
)

#: Topic ids holding the role the persona hires for, and the persona's own work.
_ROLE_TOPIC: Final = re.compile(r"(?:^|_)(?:role|job|post|position)(?:_|$)")
#: Words that head a job title ("Nurse Manager", "Operations Director", "Head of Design").
_TITLE_HEADS: Final = frozenset(
    stem(w)
    for w in (
        *("manager", "director", "lead", "head", "researcher", "recruiter", "ceo", "cto"),
        *("coo", "founder", "engineer", "designer", "officer", "chief", "president"),
        *("partner", "principal", "architect", "analyst", "teacher", "nurse"),
    )
)
_NOT_TITLE: Final = frozenset({"senior", "junior", "and", "of", "the", "co", "acting", "deputy"})
#: A capitalised name of several words in the scenario's text: a site, a project, a company.
_SCENARIO_NAME: Final = re.compile(r"\b[A-Z][\w'-]+(?:\s+(?:and\s+|of\s+|&\s+)?[A-Z][\w'-]+)+")


def is_job_request(question: str) -> bool:
    """Whether the question asks for the job or a step towards it (refer me, can I apply)."""
    return _JOB_REQUEST.search(question) is not None


#: A scripted line that takes up a job request itself: it speaks of referring, a CV, applying,
#: interviews, the recruiter or the job ("I can't really refer someone I've only just met").
_ABOUT_REQUEST: Final = re.compile(
    r"\b(?:refer\w*|cv|resume|r\u00e9sum\u00e9|appl(?:y|ying|ication|ications)|interview\w*|"
    r"recruit\w*|hiring\s+manager|hire|hiring|vouch\w*|put\s+(?:you|your\s+name)\s+forward|"
    r"pass\s+(?:on\s+)?your|your\s+name|the\s+(?:job|role|post|position|vacancy|opening)|"
    r"shortlist\w*|the\s+website|online)\b",
    re.IGNORECASE,
)


def answers_request(line: str) -> bool:
    """Whether a scripted line itself takes up a request for the job."""
    return talks_terms(line) or _ABOUT_REQUEST.search(line) is not None


def about_hire(question: str) -> bool:
    """Whether the question is about the person who would be hired, not the persona."""
    return _HIRE_SUBJECT.search(question) is not None


def is_role_topic(topic_id: str) -> bool:
    """Whether a topic holds the role being hired for (not the persona's own week)."""
    return _ROLE_TOPIC.search(topic_id) is not None


def _title_words(title: str) -> tuple[frozenset[str], frozenset[str]]:
    """The title's words (stems) and its heads, as written: the last word before "of" or a
    comma, of each part joined by "and" ("Head of Learning Design" -> head; "Co-founder and
    CEO" -> founder, ceo)."""
    words = frozenset(plain_terms(title.replace("-", " "))) - _NOT_TITLE
    heads: set[str] = set()
    for part in re.split(r"\s+(?:and|&)\s+", re.split(r",|\s+of\s+", title.lower())[0]):
        last = part.replace("-", " ").split()[-1:] if part.strip() else []
        heads.update(w for w in last if stem(w) in _TITLE_HEADS)
    return words, frozenset(heads)


def names_title(question: str, title: str) -> bool:
    """Whether the question names this job title: its head word ("manager", exactly, not
    "management") and, when the title has more words, another of them ("nurse manager",
    "director of operations")."""
    words, heads = _title_words(title)
    said = re.findall(r"[a-z]+", question.lower().replace("-", " "))
    # the head as written, or the people the persona leads named by their field ("test
    # engineers" to a Test Engineering Lead: a title word that is itself a head, in the
    # plural; "a learning designer" to the Head of Learning Design is the role hired for)
    if not heads or not any(
        w in heads
        or w.removesuffix("s") in heads
        or (w.endswith("s") and stem(w) in _TITLE_HEADS and stem(w) in words)
        for w in said
    ):
        return False
    asked = frozenset(plain_terms(" ".join(said)))
    return len(asked & words) >= min(2, len(words))


def scenario_names(scenario: Scenario) -> tuple[str, ...]:
    """The names of several words the scenario's context and persona give (sites, projects,
    the company), lowercased, the persona's own name left out."""
    found = {m.group().lower() for m in _SCENARIO_NAME.finditer(scenario.context)}
    found.add(scenario.persona.company.lower())
    found.discard(scenario.persona.name.lower())
    return tuple(sorted(found))


@dataclass(frozen=True)
class Choice:
    """What to answer of one answer's questions: `topic` (or None), the `question` it answers
    and its match; `requests`: the job requests among them (the scripted line answers those)."""

    topic: str | None
    question: str
    found: TopicMatch
    requests: tuple[str, ...] = ()


def choose(
    matcher: KnowledgeMatcher,
    asked: Sequence[str],
    scenario: Scenario,
    *,
    previous: str | None = None,
) -> Choice:
    """The topic to answer for these questions (see the module docstring); `previous`: what the
    manager said last, which a question only pointing back at it ("what do they carry?") asks
    about."""
    # "Could you put me in touch with someone in research?" asks to meet someone, not for the
    # job: it is answered (whom to meet), never braked as a job request (session 20)
    requests = tuple(q for q in asked if is_job_request(q) and "introduce" not in intents(q))
    info = [q for q in asked if q not in requests]
    question, found = best_question(matcher, info)
    if not info:
        return Choice(None, "", found, requests)
    topic = found.topic
    ranked = [t for t, _score in found.ranked]  # empty: what it asks, no topic answers
    hire = [q for q in info if about_hire(q)]
    own = [
        q
        for q in info
        if names_title(q, scenario.persona.role)
        and q not in hire
        and _about_work(q)
        and not intents(q)  # "what do you like most about being a recruiter": what it asks
    ]
    role = next((t for t in ranked if is_role_topic(t)), None)
    if role is not None and topic != role and hire:
        # "the first few months for the person who joins": the role, whatever else it is near;
        # "a typical week for someone in that role": the role, not the persona's own week
        work = any(about_own_work(q) for q in hire)
        if work or (topic is not None and _PERSONA_TOPIC.search(topic)):
            return Choice(role, hire[0], found, requests)
    if hire and topic is not None and _PERSONA_TOPIC.search(topic):
        topic = None  # "what would make someone succeed there" is not the persona's own week
    if (
        topic is not None
        and "origin" not in frozenset().union(*(intents(q) for q in info))
        and _tells_origin(matcher, topic)
        and any(_about_work(q) and not _ORIGIN_WORDS.search(q) for q in info)
    ):
        # "What do you work on?" asks about his work now, never the origin story
        topic = _persona_topic([t for t in ranked if t != topic]) or _persona_topic(
            [t.id for t in scenario.knowledge.topics]
        )
    if (
        topic is not None
        and any(asks_advice(q) and "referral" not in intents(q) for q in info)
        and _shows(matcher, topic, "referral")
    ):
        topic = None  # "What would you read if you were me?" asks advice, not whom to meet
    if own:
        # "What does a nurse manager actually do all day?" asked of the nurse manager
        mine = _persona_topic(ranked)
        if mine is not None:
            return Choice(mine, own[0], found, requests)
    if topic is None:
        named = _named_topic(matcher, info, scenario, ranked)
        if named is not None:
            return Choice(named, question, found, requests)
        if any(about_own_work(q) and may_deflect(q) for q in info):
            # clearly about the persona's work or the role: the closest such topic, the
            # persona's own first unless the question is about the person hired
            order = [t for t in ranked if is_role_topic(t) or _PERSONA_TOPIC.search(t)]
            if not hire and not any(_THE_ROLE.search(q) for q in info):
                order.sort(key=is_role_topic)
            elif hire:  # "what would make someone succeed there": the role, not his own week
                order = [t for t in order if is_role_topic(t)]
            topic = order[0] if order else None
    if topic is None and any("current" in intents(q) for q in info):
        # "What's on your plate right now?" near no topic: the topic asking what he works on
        # now, else his own work (his week); never a deflection, never the path that led there
        topic = (
            next((t for t in ranked if _shows(matcher, t, "current")), None)
            or next((t for t in matcher.ids if _shows(matcher, t, "current")), None)
            or _persona_topic(ranked)
            or _persona_topic(list(matcher.ids))
        )
    if (
        topic is not None
        and any(asks_advice(q) and not intents(q) for q in info)
        and not any(_leans(matcher, t, "advice") for t in matcher.ids)
    ):
        topic = None  # advice with no topic giving any: his own advice, never his week
    if any(asks_worry(q) for q in info) and (
        topic is None or not _leans(matcher, topic, "challenge")
    ):
        # "What worries you most at the moment?": the hard part of his work, never "Dev would
        # know that one" (session 20); with no such topic, his own (in person) reply
        topic = next((t for t in ranked if _leans(matcher, t, "challenge")), None) or next(
            (t for t in matcher.ids if _leans(matcher, t, "challenge")), None
        )
    if any("introduce" in intents(q) for q in info):
        # "Could you introduce me to someone on your team?": the topic naming whom to meet,
        # else none (an honest "I'll think about who'd be right"), never another topic's
        # answer nor a pointer back (session 20)
        return Choice(_referral_topic(matcher, ranked), question, found, requests)
    scoped = in_scope_topic(matcher, info, ranked)
    if scoped is not None and (topic is None or not _fits_kind(topic, info)):
        # "Is that a dealbreaker?", "What are you building?": his to answer, never deflected,
        # and never a topic answering something else ("how I started" for "what are you
        # building", the company for "do you hire people from outside robotics")
        topic = scoped
    if topic is None and previous and info and all(_points_back(q) for q in info):
        # "what do they carry?" after his robots: the topic nearest his line and it together,
        # else nearest his line alone (as "tell me more" is), never a deflection
        told = " ".join(x for x in sentences(previous) if not x.rstrip().endswith("?"))
        for text in (f"{told} {' '.join(info)}", told):
            near = matcher.match(text) if text.strip() else None
            topic = (near.topic or near.best) if near is not None else None
            if topic is not None and _tells_origin(matcher, topic):
                topic = None  # "what do they carry?" never gets how he started
            if topic is not None:
                break
        else:  # nothing near his line: his own work, as a question about it would get
            topic = _persona_topic(list(matcher.ids))
    return Choice(topic, question, found, requests)


#: "what does a senior UX researcher actually do", "what's a normal day like for a ...".
_WHAT_THEY_DO: Final = re.compile(
    r"\bwhat\s+(?:does|do|would|will|did)\s+(?:a|an|the|your)\s+[\w\s,'-]{1,50}?\s+"
    r"(?:actually\s+|really\s+|mostly\s+)?(?:do|spend|work\s+on)\b"
    r"|\b(?:day|week|days|weeks)\s+(?:like|look\s+like)\b|\ball\s+day\b",
    re.IGNORECASE,
)


#: Words asking about the past ("What did you do before?", "your background"): an origin
#: topic may answer those.
_ORIGIN_WORDS: Final = re.compile(
    r"\b(?:did|was|were|used\s+to|before|background|start(?:ed)?|first|originally|path|"
    r"came|become|became|got\s+into|ended\s+up)\b",
    re.IGNORECASE,
)


def _shows(matcher: KnowledgeMatcher, topic: str, intent: str) -> bool:
    """Whether one of a topic's example questions shows this intent."""
    index = matcher.ids.index(topic)
    return any(intent in intents(q) for i, q in matcher.examples if i == index)


def _referral_topic(matcher: KnowledgeMatcher, ranked: Sequence[str]) -> str | None:
    """The topic naming whom the seeker could meet (its examples ask "who else should I talk
    to"), the matcher's best-ranked first; None when the scenario has none."""
    return next((t for t in (*ranked, *matcher.ids) if _shows(matcher, t, "referral")), None)


def _leans(matcher: KnowledgeMatcher, topic: str, leaning: str) -> bool:
    """Whether one of a topic's example questions shows this leaning ("advice")."""
    index = matcher.ids.index(topic)
    return any(leaning in leanings(q) for i, q in matcher.examples if i == index)


def has_topic_for(matcher: KnowledgeMatcher, kind: str) -> bool:
    """Whether some topic's example questions ask this way: "current" (what the persona is
    working on now) or "advice" (what they would do in the seeker's shoes); lint warns when not."""
    return any(kind in intents(q) or kind in leanings(q) for _, q in matcher.examples)


def _tells_origin(matcher: KnowledgeMatcher, topic: str) -> bool:
    """Whether a topic tells the persona's origin story (its examples ask how they started)."""
    return _shows(matcher, topic, "origin")


def _about_work(question: str) -> bool:
    return about_own_work(question) or _WHAT_THEY_DO.search(question) is not None


#: A question naming the role itself ("where could someone go from this role").
_THE_ROLE: Final = re.compile(
    rf"\b(?:the|this|that)\s+(?:role|job|post|position)\b|{JOB_GOING}",
    re.I,
)
#: Topic ids holding the persona's own work: "typical_week", "her_work", "lab_day" (not
#: "remote_work": how the team works).
_PERSONA_TOPIC: Final = re.compile(
    r"(?:^|_)(?:week|weeks|day|days)(?:_|$)|^(?:her|his|their|my|own)_(?:work|job)$"
)


def is_persona_topic(topic_id: str) -> bool:
    """Whether a topic holds the persona's own work (their week, their day)."""
    return _PERSONA_TOPIC.search(topic_id) is not None


def _persona_topic(ranked: Sequence[str]) -> str | None:
    """The best-ranked topic about the persona's own work (a typical week, her work)."""
    return next((t for t in ranked if _PERSONA_TOPIC.search(t)), None)


def _named_topic(
    matcher: KnowledgeMatcher, info: Sequence[str], scenario: Scenario, ranked: Sequence[str]
) -> str | None:
    """For a question naming one of the scenario's own names that matched no topic: the
    best-ranked topic whose examples or answers name it, else the persona's own work."""
    for question in info:
        if generic_kind([question]) is not None:
            continue  # "Is there parking at Harbor Street?": an honest "I don't know"
        lowered = question.lower()
        for name in scenario_names(scenario):
            if not re.search(rf"\b{re.escape(name)}\b", lowered):
                continue
            naming = {
                matcher.ids[i]
                for i, text in (*matcher.examples, *matcher.sayings)
                if name in text.lower()
            }
            best = next((t for t in ranked if t in naming), None)
            if best is not None:
                return best
            return _persona_topic(ranked)
    return None


# -- in scope: questions the persona is exactly the person to answer (trial 10, D1/D2) ---------
#: "Is that a dealbreaker?", "Would that rule me out?", "Do you hire people from outside
#: healthcare?", "without a robotics background": the seeker's fit for the work, which the
#: hiring manager answers himself, never "Lena or our recruiter would know".
_FIT: Final = re.compile(
    r"\bdeal[\s-]?breakers?\b|\bdisqualif\w*\b|\brules?\s+me\s+out\b|\brule\s+out\s+me\b"
    r"|\b(?:count|held|hold|go|work)s?\s+against\s+me\b|\bhold\s+me\s+back\b"
    r"|\b(?:is|would|will|could)\s+(?:that|it|this)\s+(?:be\s+)?(?:a\s+)?(?:big\s+|real\s+|"
    r"major\s+)?(?:blocker|red\s+flag|must|requirement|hurdle|barrier)\b"
    r"|\b(?:is|would|will|could)\s+(?:that|it|this)\s+(?:be\s+)?(?:a\s+)?(?:big\s+|real\s+|"
    r"major\s+)?(?:problem|issue)\s+for\s+(?:me|the\s+(?:role|job))\b"
    r"|\b(?:hire|hiring|take|taking|consider|considering|accept|accepting|look\s+at|open\s+to|"
    r"get|onboard)\s+(?:on\s+)?(?:people|someone|somebody|anyone|anybody|candidates?|"
    r"applicants?|folks|juniors?|grads?|graduates?|career[\s-]changers?)\s+(?:\w+\s+)?"
    r"(?:from\s+outside|outside|without|with\s+no|who\s+(?:don't|do\s+not|haven't|have\s+not|"
    r"lack|never|aren't|are\s+not)|coming\s+from|from\s+(?:a\s+|other\s+|different\s+)?"
    r"(?:non[\s-]|different|other))"
    r"|\b(?:need|needs|require|requires|required|necessary|essential|a\s+must)\b.{0,40}"
    r"\b(?:background|degree|experience|qualifications?|certificat\w+)\b"
    r"|\b(?:background|degree|experience|qualifications?)\b.{0,30}\b(?:required|needed|"
    r"necessary|essential|a\s+must|matter|count)\b"
    r"|\bdo\s+i\s+(?:really\s+)?(?:need|have\s+to\s+have)\b",
    re.IGNORECASE,
)
#: "Is there anything open at the moment in your team?", "Are you hiring?", "any openings?"
_OPENING: Final = re.compile(
    r"\b(?:anything|something|any\s+(?:roles?|jobs?|positions?|openings?|vacanc\w+|spots?|"
    r"places?))\s+(?:open|going|available|coming\s+up)\b|\bany\s+(?:openings?|vacanc\w+)\b"
    r"|\b(?:are\s+you|is\s+(?:your|the)\s+(?:team|company|group))\s+(?:\w+\s+)?hiring\b",
    re.IGNORECASE,
)
#: "What are you building?", "What do you guys make?", "what does your startup sell": the
#: company's product, which its founder (or anyone there) answers.
_PRODUCT: Final = re.compile(
    r"\bwhat\s+(?:exactly\s+)?(?:are|is)\s+(?:you|you\s+guys|you\s+all|y'all|your\s+(?:"
    r"company|startup|firm|business))\s+(?:actually\s+|really\s+|currently\s+|even\s+)?"
    r"(?:building|making|selling|shipping|developing)\b"
    r"|\bwhat\s+(?:exactly\s+)?(?:do|does)\s+(?:you|you\s+guys|you\s+all|your\s+(?:company|"
    r"startup|firm|business|product|app|robots?|platform))\s+(?:actually\s+|really\s+)?"
    r"(?:build|make|sell|ship|develop|offer|carry|move)\b"
    # "What does the company do?", "so what does your startup actually do"
    r"|\bwhat\s+(?:exactly\s+)?(?:does|do)\s+(?:the|your)\s+(?:company|startup|firm|business|"
    r"product|app|platform|studio|agency|client)\s+(?:actually\s+|really\s+|exactly\s+)?do\b",
    re.IGNORECASE,
)
#: "What does a test engineer here actually break?", "what do your engineers actually do all
#: day": the work of the persona's own people, the team or role topic.
_THE_WORK: Final = re.compile(
    r"\bwhat\s+(?:does|do|would|will)\s+(?:a|an|the|your|you|someone|somebody|one\s+of\s+"
    r"(?:your|the))\s+(?:[\w-]+\s+){0,4}?"
    r"(?:here|there|on\s+your\s+team|in\s+your\s+team|at\s+\w+)?\s*(?:actually\s+|really\s+|"
    r"mostly\s+|usually\s+)?(?:break|build|test|fix|make|handle|own|write|design|work\s+on|"
    r"deal\s+with|look\s+after|spend\s+(?:their|the|your)\s+(?:time|days?))\b"
    r"(?!\s+(?:me|for\s+me)\b)"
    # "So what do you actually do?", "What do you do there?", "what does your team do":
    # the persona's own work (time off is asked otherwise: `generic_kind` keeps it private)
    r"|\bwhat\s+(?:exactly\s+)?(?:do|does)\s+(?:you|you\s+guys|you\s+all|your\s+(?:team|"
    r"group|department|unit|lab|directorate|people|crew))\s+(?:actually\s+|really\s+|"
    r"mostly\s+|exactly\s+|all\s+)?do\b(?!\s+(?:for\s+fun|at\s+(?:the\s+)?weekends?|"
    r"outside|in\s+your\s+(?:free|spare)|when\s+you(?:'re|\s+are)\s+not|to\s+(?:relax|"
    r"unwind)|after\s+work|for\s+a\s+break))"
    # "what is your team working on at the moment", "what are your people busy with": the
    # team's work, not the persona's own current work (session 20)
    r"|\bwhat\s+(?:is|are|'s|'re)\s+(?:you\s+guys|you\s+all|y'all|(?:your|the)\s+(?:team|"
    r"group|department|unit|lab|studio|directorate|people|crew|engineers|designers|nurses|"
    r"researchers|staff))\s+(?:\w+ly\s+|"
    r"mainly\s+|mostly\s+|all\s+)?(?:working\s+on|focus(?:s)?ing\s+on|focused\s+on|"
    r"busy\s+with|tackling|doing|up\s+to)\b",
    re.IGNORECASE,
)
#: Topic ids answering each kind, best first (a scenario has some of them).
_KIND_TOPICS: Final[dict[str, tuple[str, ...]]] = {
    "fit": (
        "looking_for",
        "skills",
        "training_quals",
        "hiring",
        "engineer_to_pm",
        "leaving_teaching",
        "role",
        "hiring_process",
        "portfolio",
    ),
    "opening": ("openings", "why_open", "role", "hiring", "looking_for", "hiring_process"),
    "product": (
        "product",
        "company",
        "client",
        "studio",
        "hospital",
        "ministry",
        "customers",
        "clients",
        "projects",
        "team",
    ),
    "work": (
        "team",
        "role",
        "her_work",
        "lab_day",
        "projects",
        "typical_week",
        "kinds_of_research",
    ),
}
#: Pay, benefits, HR policy, other departments: out of his scope even when phrased as above.
_OUT_OF_SCOPE: Final = re.compile(
    r"\b(?:pay|paid|salar\w*|benefits?|bonus\w*|pensions?|equity|stock|holidays?|leave|"
    r"visas?|sponsor\w*|parking|relocat\w*|HR|policy|policies|payroll|legal|lawyers?)\b",
    re.IGNORECASE,
)
#: A question about what he just said with no subject of its own ("what do they carry?").
_ANAPHORIC: Final = re.compile(r"\b(?:they|them|it)\b", re.IGNORECASE)


def in_scope_kind(question: str) -> str | None:
    """Which in-scope kind a question is ("fit", "opening", "product", "work") when it asks
    something the persona is exactly the person to answer, else None."""
    if (
        _OUT_OF_SCOPE.search(question)
        or is_pay(question)
        or is_job_request(question)  # "Would you consider me?"; not "... someone without X"
        or generic_kind([question]) is not None  # "what do you do at the weekend": private
    ):
        return None
    for kind, pattern in (
        ("fit", _FIT),
        ("opening", _OPENING),
        ("product", _PRODUCT),
        ("work", _THE_WORK),
    ):
        if pattern.search(question):
            return kind
    return None


def in_scope_topic(
    matcher: KnowledgeMatcher, info: Sequence[str], ranked: Sequence[str]
) -> str | None:
    """For questions no topic matched: the topic answering the first in-scope one (see
    `in_scope_kind`), the matcher's best-ranked of those that fit its kind, else the kind's
    first in the order listed; None when none is in scope or the scenario has no such topic."""
    for question in info:
        kind = in_scope_kind(question)
        if kind is None:
            continue
        listed = _KIND_TOPICS[kind]
        ids = set(matcher.ids)
        if kind == "work":
            # the matcher's ranking decides among them ("what do they carry": the company)
            order = [t for t in (*ranked, *listed) if t in listed and t in ids]
        else:  # the listed order: "looking_for" answers "is that a dealbreaker" before "role"
            order = [t for t in listed if t in ids]
        if not order:
            continue
        return order[0]
    return None


#: Topics that never answer an in-scope question, whatever its words share with them: the
#: persona's path, the culture, what they like ("What are you building?" is not how he started).
_NEVER_IN_SCOPE: Final = frozenset(
    {"how_started", "culture", "best_part", "surprises", "hardest_bug", "who_else", "advice"}
    | {"resources", "her_path", "group_history"}
    # the persona's own work this week is not the company's product nor the team's work
    # ("What are you building?", "what is your team working on at the moment") (session 20)
    | {"current_work"}
)
#: And, for "would X rule me out" and "anything open", the company's own business ("Do you hire
#: people from outside robotics?" is not "Warehouse robots ...").
_NOT_ABOUT_FIT: Final = frozenset(
    {"company", "client", "customers", "users", "product", "studio", "hospital", "ministry"}
    | {"agency", "clients", "funding", "metrics"}
)


#: For "What are you building?" also the hiring and the place; for "what does someone on your
#: team actually break" what he looks for in people and the hard parts.
_NOT_ABOUT_WORK: Final = frozenset(
    {"hiring_process", "hiring_manager", "hiring", "process", "timeline", "start_date"}
    | {"salary_range", "location", "challenges", "looking_for", "team_size", "remote"}
    | {"remote_work", "problems", "equity", "funding", "skills"}
)


def _fits_kind(topic: str, info: Sequence[str]) -> bool:
    """Whether a matched topic may answer the in-scope kind of these questions: for a fit or
    opening question a topic of its kind; for a product or work question any topic but one that
    never answers it (there the matcher's word stands otherwise)."""
    kinds = {kind for q in info if (kind := in_scope_kind(q)) is not None}
    if topic in _NEVER_IN_SCOPE:
        return False
    if kinds & {"fit", "opening"}:
        # "Would that be a big issue for the job?" is not the team's size, "any roles open?"
        # not the lab's open day: only a topic of the kind answers it
        return any(topic in _KIND_TOPICS[k] for k in kinds & {"fit", "opening"})
    return not (kinds & {"product", "work"} and topic in _NOT_ABOUT_WORK)


def _points_back(question: str) -> bool:
    return anaphoric(question) and may_deflect(question) and generic_kind([question]) is None


def anaphoric(question: str) -> bool:
    """Whether a short question only points back at what was just said ("what do they
    carry?", "how big are they?"): a pronoun and at most two words of its own."""
    return bool(_ANAPHORIC.search(question)) and len(plain_terms(question)) <= 2
