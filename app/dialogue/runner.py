"""The conversation as a state machine: where the manager is, and where an answer takes them."""

from __future__ import annotations

import random
import re
from collections.abc import Collection, Sequence

from app.dialogue.asking import (
    GENERIC_REPLIES,
    about_self,
    asks_advice,
    asks_for_contacts,
    asks_more,
    generic_kind,
    intents,
    is_bare_more,
    is_follow_up,
    may_deflect,
    talks_terms,
)
from app.dialogue.bridges import BridgeTurns, about_seeker, first_sentence, kind_of_join
from app.dialogue.choosing import answers_request, choose, scenario_names
from app.dialogue.knowledge import (
    MEANING_THRESHOLD,
    KnowledgeMatcher,
    has_content,
    matcher_for,
    questions_in,
    warm,
)
from app.dialogue.model import (
    _REACTS,
    AGREEING_CUES,
    DEFLECTED,
    Branch,
    ManagerLine,
    Node,
    Outcome,
    Scenario,
    Topic,
    drop_presumed_yes,
    join_parts,
    line_sentences,
    line_tails,
    opens_with_acknowledgement,
    point_back,
    split_acknowledgement,
    split_reaction,
)
from app.dialogue.words import names, plain_terms, sentences
from app.framing.cues import find_questions

#: Cues whose question the scenario's own next line answers when the author routed the answer on
#: them (a branch with `cues: [referral_seeking]`): such a question gets a knowledge answer when
#: one fits, never a deflection, which would contradict the line that follows.
SCRIPTED_CUES = frozenset({"referral_seeking", "advice_seeking", "job_request", "pay_question"})
#: A scripted line opening with one of these already turns back to the talk; no bridge needed.
_CONNECTIVE = re.compile(
    r"^\W*(so|anyway|anyhow|well|okay|ok|right|alright|now|but|and|then|listen|look|"
    r"tell you what|speaking of|that said|either way|back to|"
    # an interjection already turns back to the talk: no bridge before "Ha, I like that."
    r"ha|haha|oh|ah|hey|hmm|mm|yes|yeah|nice|great|sure|wow|ooh)\b",
    re.IGNORECASE,
)

#: A knowledge answer that shares this many of its words, and this share of them, with the
#: scripted line after it, or two names ("Lena Park"), would say the same thing twice: the line
#: alone is said.
_REPEAT_TERMS = 3
_REPEAT_SHARE = 0.2
_REPEAT_NAMES = 2


#: A scripted line offering the seeker the next step itself ("Should I pass your name on?",
#: "Want me to introduce you?", "I'll send you the link"): a brake before it contradicts it.
_MOVES_ON = re.compile(
    r"\b(?:should|shall|can|could|may)\s+i\s+(?:just\s+)?(?:pass|put|send|forward|introduce|"
    r"refer|connect|set\s+up|book)\b|\b(?:want|like)\s+me\s+to\s+(?:pass|put|send|forward|"
    r"introduce|refer|connect|set\s+up|book)\b|\bi(?:'ll|\s+will|'d\s+be\s+happy\s+to)\s+"
    r"(?:pass|put|send|forward|introduce|refer|connect|set\s+up|book)\b|\blet\s+me\s+(?:pass|"
    r"put|send|introduce|connect|set\s+up)\b",
    re.IGNORECASE,
)
#: An answer of more words than this with no question mark is a pitch, not a question asked.
_PITCH_WORDS = 60


#: More of what was just told, not more of anything: "Any others?", "Any more?", "Another one?".
_OF_THEM = re.compile(r"\b(?:others?|more|another\s+one)\b", re.IGNORECASE)
#: Generic replies given even when the branch's line was routed on the question's cue: the
#: persona speaks for itself (an advice branch's line asking "Interested?" gives no advice).
_IN_PERSON = frozenset(
    {"in_touch", "introduce", "private", "reflective", "origin", "own", "advice"}
)
#: A scripted line that itself makes or promises an introduction ("I'll introduce you to Lena",
#: "let me put you in touch with her", "I'll pass your name on").
_INTRODUCES = re.compile(
    r"\b(?:introduc\w*|intro|put\s+you\s+in\s+(?:touch|contact)|connect\s+you|"
    r"pass\s+(?:on\s+)?your\s+(?:name|details|number|email)|(?:email|message|text)\s+"
    r"(?:her|him|them)\b|cc\s+you)\b",
    re.IGNORECASE,
)
#: Generic replies that answer what was asked (a yes, a promise to think whom to introduce):
#: no "another time" bridge after them, and the line's presumed-yes lead-in may stay.
_ANSWERING_KINDS = frozenset({"in_touch", "introduce"})
#: A scripted line that itself gives advice ("If I were you, I'd ...", "My advice: ...").
_ADVISES = re.compile(
    r"\b(?:if\s+i\s+were\s+you|in\s+your\s+shoes|my\s+advice|i'?d\s+(?:start|read|talk|look|"
    r"focus|say|suggest|recommend|go|try|spend|pick|learn)|i\s+would\s+(?:start|read|talk|focus|"
    r"suggest|recommend)|you\s+(?:should|could|might\s+want\s+to)|try\s+(?:to|reading|talking)|"
    r"start\s+(?:with|by)|read\s+\w+|worth\s+(?:reading|talking|looking))\b",
    re.IGNORECASE,
)


def _in_person(questions: Sequence[str], line: str) -> str | None:
    """For questions no topic answers: "advice" when one asks the persona's advice and the
    scripted line gives none, "own" when one asks about the persona's own work, path or team
    (never "Dev would know that one"), else None (an honest deflection may follow)."""
    if any(asks_advice(q) for q in questions) and not _ADVISES.search(line):
        return "advice"
    if any(about_self(q) and may_deflect(q) for q in questions):
        return "own"
    return None


def _pitch(answer: str) -> bool:
    """Whether the seeker's words are a long statement with no question mark in them."""
    return "?" not in answer and len(answer.split()) > _PITCH_WORDS


def _repeats(answers: Sequence[str], line: str) -> bool:
    """Whether every answer of a topic mostly repeats what the scripted line says."""
    said = set(plain_terms(line))
    named = names(line)
    for answer in answers:
        terms = set(plain_terms(answer))
        shared = len(terms & said)
        enough = min(_REPEAT_TERMS, len(terms))
        if not (
            (terms and shared >= enough and shared >= _REPEAT_SHARE * len(terms))
            or len(names(answer) & named) >= _REPEAT_NAMES
        ):
            return False
    return bool(answers)


def _repeats_a_sentence(answer: str, line: str) -> bool:
    """Whether a sentence of the answer shares most of its words with a sentence of the line
    (`_repeats` sentence by sentence: words shared across a long line do not count)."""
    return any(_repeats([a], s) for a in sentences(answer) for s in sentences(line))


#: A sentence of at most this many words of its own is a theme ("Trust.", "Care and patience."):
#: said again when a later sentence names all of them.
_THEME_TERMS = 2
#: Stock words (bridges, generic replies) are no part of what a line tells.
GENERIC_SAID = frozenset(r for replies in GENERIC_REPLIES.values() for r in replies)


#: Words that open a knowledge answer without being its theme ("Honestly.", "Sorry.").
_NOT_THEMES = frozenset(
    plain_terms("sorry honestly okay right sure simple well yes yeah good great")
)


def _asked_terms(question: str) -> frozenset[str]:
    """A question's content words, for telling a question asked again from a new one."""
    return frozenset(plain_terms(question))


def _theme_again(told: Sequence[str], sentence: str) -> bool:
    """Whether `sentence` names again the theme the first sentence of one of `told` stands on,
    when that sentence is a word or two and more follows ("Trust. Once a doctor sees one wrong
    number ..." then "... whether the doctors can trust the numbers")."""
    said = set(plain_terms(sentence))
    for text in told:
        parts = sentences(text)
        theme = set(plain_terms(parts[0])) - _NOT_THEMES if len(parts) > 1 else set()
        if 0 < len(theme) <= _THEME_TERMS and theme <= said:
            return True
    return False


class Runner:
    """Walks one rehearsal through a scenario.

    Each node's phrasing is chosen once, up front, from `seed`: the same seed gives the same
    rehearsal, "repeat that" repeats the same words, and a retry from a pivotal node with the same
    seed hears the same lines as the first attempt.

    When an answer asks something, the reply answers it first from the scenario's knowledge
    (or deflects honestly), then says the next scripted line: see `advance`.
    """

    def __init__(
        self,
        scenario: Scenario,
        *,
        seed: int | None = None,
        start: str | None = None,
        matcher: KnowledgeMatcher | None = None,
    ):
        first = scenario.start if start is None else start
        if first not in scenario.nodes:
            raise ValueError(f"scenario '{scenario.id}' has no node '{first}'")
        self.scenario = scenario
        rng = random.Random(seed)
        self._phrasing = {node.id: rng.choice(node.lines) for node in scenario.nodes.values()}
        self._rng = random.Random(rng.random())
        self.current: Node = scenario.nodes[first]
        self.path: list[str] = [first]
        self._matcher = matcher
        self._shared = matcher is None  # the matcher comes from the shared cache
        if self._shared and (scenario.knowledge.topics or scenario.knowledge.deflect):
            warm(scenario.knowledge)  # embed the topics off this thread, before any question
        self._reply: ManagerLine | None = None
        self._said: set[str] = set()  # knowledge parts already said this rehearsal
        #: Every part the manager has said in this rehearsal, in order (scripted lines too):
        #: the said-lines memory a knowledge answer is checked against before it is told.
        self._spoken: list[str] = [self._phrasing[first]]
        self._told: dict[str, int] = {}  # times each topic was answered this rehearsal
        #: The questions each topic answered in this rehearsal (their content words): a later
        #: question about a told topic that asks nothing new of it gets "Like I said ...".
        self._asked_of: dict[str, list[frozenset[str]]] = {}
        self._deflections = 0
        self._heard = 0  # the seeker's answers so far in this rehearsal
        self._bridges = BridgeTurns(random.Random(rng.random()))

    @property
    def matcher(self) -> KnowledgeMatcher:
        """The knowledge matcher, taken from the shared cache; a rehearsal that began while the
        sentence model was still loading switches to it once it is there."""
        if self._matcher is None or (self._shared and self._matcher.method == "words"):
            self._matcher = matcher_for(self.scenario.knowledge)
        return self._matcher

    def likely_lines(self) -> list[str]:
        """Every part the manager may say in this rehearsal, the soonest first: this rehearsal's
        phrasing of each node in the order the talk can reach them (breadth first from the
        current node), then everything else the scenario can say (knowledge answers, bridges,
        the other phrasings). A slow voice renders them in this order."""
        order: list[str] = []
        seen = {self.current.id}
        queue = [self.current.id]
        while queue:
            node = self.scenario.nodes[queue.pop(0)]
            order.append(self._phrasing[node.id])
            for branch in node.branches:
                if branch.goto not in seen:
                    seen.add(branch.goto)
                    queue.append(branch.goto)
        return list(dict.fromkeys([*order, *self.scenario.manager_lines()]))

    def say_again(self, said: str, *, before: Sequence[str] = ()) -> bool:
        """Start on exactly what the first attempt heard at the current node ("Try again from
        here" replays that line word for word, with the answer it gave to the seeker's question
        before it): `said` is the whole reply (a knowledge answer, a bridge, then the node's
        line or the rest of it). `before`: what the manager said earlier in the conversation,
        kept in this rehearsal's memory so nothing is told twice. False when `said` does not
        end with a phrasing of the current node (then another phrasing may be said)."""
        text = said.strip()
        found = self._said_at_node(text)
        if found is None:
            return False
        line, tail = found
        self._phrasing[self.current.id] = line
        known = set(self.scenario.manager_lines())
        self._spoken = []  # this rehearsal's memory: what came before, then this reply
        for earlier in before:
            heard = self._parts_of(earlier.strip(), known) or (earlier.strip(),)
            self._remember(heard)
            self._spoken.extend(heard)
        parts = self._parts_of(text, known)
        if text == line.strip():
            self._spoken.append(line)
            return True
        if parts is None:
            parts = (text[: len(text) - len(tail)].strip(), tail)
        self._remember(parts)
        self._spoken.extend(parts)
        topics = {t.id for t in self.scenario.knowledge.topics for a in t.answers if a in parts}
        follow = next(
            (t.follow_up for t in self.scenario.knowledge.topics if t.follow_up in parts), None
        )
        self._reply = ManagerLine(
            node_id=self.current.id,
            text=join_parts(parts),
            is_end=self.current.is_end,
            parts=tuple(parts),
            topic=next(iter(sorted(topics)), DEFLECTED),
            prompt=join_parts([tail, *((follow,) if follow and follow != tail else ())]),
        )
        return True

    def _said_at_node(self, text: str) -> tuple[str, str] | None:
        """(the node phrasing, the form of it `text` ends with: the whole line, the rest after
        its acknowledgement or reaction, or the line from a later sentence on), the longest
        such form first; a follow-up question after it is allowed. None when none fits."""
        follow_ups = [t.follow_up for t in self.scenario.knowledge.topics if t.follow_up]
        best: tuple[str, str] | None = None
        for line in self.current.lines:
            forms = [line]
            acknowledged = split_acknowledgement(line)
            if acknowledged is not None:
                forms.append(acknowledged[1])
            reaction = split_reaction(line)
            if reaction is not None:
                forms.append(reaction[1])
            forms += line_tails(line)
            for form in forms:
                form = form.strip()
                ends = [text] + [
                    text[: -len(f)].strip() for f in follow_ups if text.endswith(" " + f.strip())
                ]
                if any(e.endswith(form) for e in ends) and (
                    best is None or len(form) > len(best[1])
                ):
                    best = (line, form)
        return best

    @staticmethod
    def _parts_of(text: str, known: Collection[str]) -> tuple[str, ...] | None:
        """`text` split into parts the manager can say (pre-rendered ones), as `join_parts`
        joined them; None when it is not made of them."""
        options = sorted({k.strip() for k in known if k.strip()}, key=len, reverse=True)
        memo: dict[int, tuple[str, ...] | None] = {}

        def split(at: int) -> tuple[str, ...] | None:
            if at == len(text):
                return ()
            if at in memo:
                return memo[at]
            memo[at] = None
            for option in options:
                end = at + len(option)
                if text.startswith(option, at) and (end == len(text) or text[end] == " "):
                    rest = split(end + 1 if end < len(text) else end)
                    if rest is not None:
                        memo[at] = (option, *rest)
                        break
            return memo[at]

        return split(0)

    def _remember(self, parts: Sequence[str]) -> None:
        """Knowledge answers among `parts` count as said (and their topics as told)."""
        for topic in self.scenario.knowledge.topics:
            told = [p for p in parts if p in topic.answers or p == topic.follow_up]
            if told:
                self._said.update(told)
                if any(p in topic.answers for p in told):
                    self._told[topic.id] = self._told.get(topic.id, 0) + 1

    @property
    def finished(self) -> bool:
        """True once the manager has said an end node's line."""
        return self.current.is_end

    @property
    def outcome(self) -> Outcome | None:
        """How the conversation ended, once it has."""
        return self.current.outcome

    def line(self) -> ManagerLine:
        """What the manager says at the current node (with the answer that led into it, if
        the last reply answered a question: "repeat that" repeats all of it)."""
        if self._reply is not None and self._reply.node_id == self.current.id:
            return self._reply
        return self._scripted()

    def advance(
        self,
        frame: str,
        cues: Collection[str],
        *,
        questions: Sequence[str] = (),
        answer: str | None = None,
    ) -> ManagerLine:
        """Take the first branch this answer matches and return the manager's reply.

        `answer` is the seeker's words: its questions are found by the framing rules, each with
        the start of its sentence (`knowledge.questions_in`). Without it, `questions` are taken
        as the answer's questions (the texts of its seeker_question cues). The best-matching
        knowledge topic is answered first, or an honest deflection given when a question is
        about something the manager does not know; then the next scripted line. With no
        questions the reply is the scripted line alone.
        """
        if self.finished:
            raise RuntimeError("the conversation has ended; there is nothing to answer")
        branch = self._branch(frame, cues)
        if branch is None:
            raise RuntimeError(f"node '{self.current.id}' has no branch for this answer")
        previous = self.line().text  # what the seeker answered ("tell me more" is about it)
        self._heard += 1
        self.current = self.scenario.nodes[branch.goto]
        self.path.append(self.current.id)
        self._not_retold()
        scripted = self._scripted()
        # every phrasing retells a knowledge answer already given: its statements that do are
        # left out, and he points back briefly instead ("Which brings me back to ...")
        told = self._told_answers()
        trimmed = self._untold(told, scripted.text, strict=2) if told else scripted.text
        if trimmed is not None and trimmed != scripted.text:
            scripted = ManagerLine(node_id=scripted.node_id, text=trimmed, is_end=scripted.is_end)
        asked = questions_in(answer) if answer is not None else list(questions)
        routed = frozenset(cues) & branch.cues  # the cues the author routed this answer on
        self._reply = self._answering(
            asked, routed, scripted, previous=previous, pitch=answer is not None and _pitch(answer)
        )
        if self._reply is None and scripted.text != self._phrasing[self.current.id]:
            back = self._pick(GENERIC_REPLIES["back"])
            self._reply = ManagerLine(
                node_id=scripted.node_id,
                text=join_parts([back, scripted.text]),
                is_end=scripted.is_end,
                parts=(back, scripted.text),
                prompt=scripted.text,
            )
        self._spoken.extend(self.line().parts)
        return self.line()

    # -- internals -------------------------------------------------------------------------
    def _branch(self, frame: str, cues: Collection[str]) -> Branch | None:
        """The first branch this answer takes, skipping one into an ending the seeker must have
        agreed to (`Outcome.agreed`: "I'll send your CV over") when the answer did not agree:
        an outcome judges what the seeker said, never what the manager did unasked ("What's
        the salary, and is it remote?" is no yes to being put forward)."""
        agreed = not AGREEING_CUES.isdisjoint(cues)
        for branch in self.current.branches:
            if not branch.matches(frame, cues):
                continue
            outcome = self.scenario.nodes[branch.goto].outcome
            if outcome is not None and outcome.agreed and not agreed:
                continue
            return branch
        return None

    def _scripted(self) -> ManagerLine:
        return ManagerLine(
            node_id=self.current.id,
            text=self._phrasing[self.current.id],
            is_end=self.current.is_end,
        )

    def _answering(
        self,
        questions: Sequence[str],
        routed: Collection[str],
        scripted: ManagerLine,
        *,
        previous: str | None = None,
        pitch: bool = False,
    ) -> ManagerLine | None:
        """The reply with the answer to the best-matched question first, or None for the
        scripted line alone. `routed`: the answer's cues its branch was chosen on; `previous`:
        what the manager said last ("tell me more" asks about it); `pitch`: the answer is a
        long statement asking nothing plainly (no question mark), which gets no deflection or
        "another time" as if something had been asked: a topic it plainly matches, or nothing."""
        knowledge = self.scenario.knowledge
        if questions and previous and all(is_follow_up(q) for q in questions):
            # "Interesting, tell me more": the topic nearest his last line, never a deflection
            if not knowledge.topics:
                return None
            near = self.matcher.match(previous)
            asked = list(questions)
            chosen = near.topic or near.best
            kind = None
        else:
            # "Any more?" has no content of its own, but right after a topic's answer it asks
            # for more of it (review 15 R9)
            told = self._told_in(previous)
            asked = [
                q for q in questions if has_content(q) or (told is not None and is_bare_more(q))
            ]
            if not asked or not (knowledge.topics or knowledge.deflect):
                return None
            choice = choose(self.matcher, asked, self.scenario, previous=previous)
            chosen = choice.topic
            info = [q for q in asked if q not in choice.requests]
            kind = generic_kind(info)
            if kind is None and chosen is None:
                kind = _in_person(info, scripted.text)
            if not info:  # only job requests: the scenario's next line is the answer
                if SCRIPTED_CUES.intersection(routed) or answers_request(scripted.text):
                    return None
                kind = "request"
            asked = info or asked
        topic = knowledge.topic(chosen) if chosen else None
        more_of = self._more_of(asked, previous)
        if isinstance(more_of, Topic):
            # "Is there someone else?", "Any other names?", "Who besides them?" (session 15):
            # the topic naming whom to meet (told: "that's everyone I'd point you to"), never a
            # deflection or another topic naming a colleague again; a bare "Anyone else?" right
            # after another topic's answer ("Who's on your team?"): more of that topic (review
            # 15 R9), told: "that's about all I've got on that"
            topic = more_of
        elif more_of == "referral" and topic is None:
            kind = "referral"  # no topic names whom to meet: the honest "let me think"
        if topic is None and pitch:
            return None  # a long pitch asking nothing: the line alone, never "I'd have to check"
        if topic is None and kind is None and asked and all(map(is_follow_up, asked)):
            return None  # nothing near what he said: the line alone
        if topic is None and kind == "later" and talks_terms(scripted.text):
            return None  # "When can I start?" then "You want the job, right?": the line answers
        if (
            topic is None
            and kind == "introduce"
            and (SCRIPTED_CUES.intersection(routed) or _INTRODUCES.search(scripted.text))
        ):
            # "Could you introduce me to Lena?" before "I'll introduce you to Lena": the line,
            # which makes the introduction, alone (never "I can't promise anything" first)
            return None
        if topic is None and kind in ("later", "request") and _MOVES_ON.search(scripted.text):
            # "Let's not get ahead of ourselves" then "Should I pass your name on to our
            # recruiter?" contradicts itself: the line, which takes the next step, alone
            return None
        answers: list[str] = []
        if topic is not None:
            # the scripted line tells it and asks nothing after ("Most weeks we're in the lab
            # ..."): the line alone; a line that asks something after its statements keeps
            # the answer and leaves those statements out (the line never swallows the answer)
            said_after = self._rest_of(scripted.text)
            if self._untold(topic.answers, said_after, strict=1) is None:
                return None
            # an answer whose words what is still said repeats ("... through the graduate
            # programme" before "Shall I flag your name for the graduate programme?"): never;
            # when that is every answer, the line alone
            unrepeated = [
                a
                for a in topic.answers
                if (kept := self._untold([a], said_after)) is not None
                and not _repeats_a_sentence(a, kept)
            ]
            if not unrepeated:
                return None
            # of those, one the line does not tell again: no "Trust. Once a doctor sees one
            # wrong number ..." before "The hard part is getting doctors to trust the numbers"
            # when the topic has another answer
            answers = [
                a for a in unrepeated if not self._says_again([a], scripted.text, strict=1)
            ] or unrepeated
        # nor one that tells again what he already said in this rehearsal (the said-lines
        # memory): then he points back briefly, never retells it
        fresh = [a for a in answers if a not in self._said and not self._told_before(a)]
        parts: list[str] = []
        private = False  # a private question got a light "another time"
        follow_up: str | None = None
        pointer = (
            self._pointer(topic, asked)
            if topic is not None and not fresh and not self._asked_before(topic.id, asked)
            else None
        )
        if topic is not None:
            self._asked_of.setdefault(topic.id, []).extend(_asked_terms(q) for q in asked)
        more = (
            next((m for q in asked if (m := asks_more(q)) is not None), None)
            if topic is not None and not fresh
            else None
        )
        if more is not None:
            # "Who else?", "Any other projects?" once every answer of the topic is told: an
            # honest "that's everyone I'd point you to for now", never the pointer naming again
            # exactly who was named (review 14 R11); once, then the line alone
            # ("Any others?" right after the names asks for more people too)
            of_people = topic is self._people_topic() or (more == "people" and more_of is None)
            replies = GENERIC_REPLIES["more_people" if of_people else "more"]
            if self._said.intersection(replies):
                return None
            self._told[topic.id] = max(self._told.get(topic.id, 0) + 1, 2)  # type: ignore[union-attr]
            reply = self._pick(replies)
            self._said.add(reply)
            parts.append(reply)
        elif pointer is not None:
            # a new question about a topic already told (every variant said, or what it tells
            # said already by a line): he points back to what he said, with its gist ("Like I
            # said, it goes through our recruiter first ..."), never "there's not much more to
            # it than that" as if it had been asked before (session 14)
            self._told[topic.id] = self._told.get(topic.id, 0) + 1  # type: ignore[union-attr]
            self._said.add(pointer)
            parts.append(pointer)
        elif topic is not None and not fresh:
            # asked again (every variant said, or what it tells said already): "Like I said
            # ..." once, then the line alone
            if self._told.get(topic.id, 0) > 1:
                return None
            self._told[topic.id] = max(self._told.get(topic.id, 0) + 1, 2)
            parts.append(self._pick(GENERIC_REPLIES["again"]))
        elif topic is not None:
            self._told[topic.id] = self._told.get(topic.id, 0) + 1
            # of its answers, one naming what was asked about ("Harbor Street"), if not said
            said = " ".join(asked).lower()
            names = [n for n in scenario_names(self.scenario) if n in said]
            named = [a for a in fresh if any(n in a.lower() for n in names)]
            parts.append(self._pick(named or fresh))
            aside = self._aside(asked, topic, scripted.text)
            if aside is not None:
                parts.append(aside)
            if (
                topic.follow_up
                and topic.follow_up not in self._said
                and not scripted.is_end
                and not find_questions(scripted.text)
            ):
                follow_up = topic.follow_up
                self._said.add(follow_up)
        elif kind is not None and (kind in _IN_PERSON or not SCRIPTED_CUES.intersection(routed)):
            # "How do you know Priya?": "another time", never "Femi would know"; parking: "I
            # don't know", no colleague named; pay, a start date: "let's not get ahead ...";
            # "What surprised you most?": an honest personal non-answer; "How do you test
            # ideas?" (her own work), "What would you read if you were me?": in person
            private = kind not in _ANSWERING_KINDS  # a plain yes to staying in touch answers
            parts.append(self._pick(GENERIC_REPLIES[kind]))
        elif (
            knowledge.deflect
            and not SCRIPTED_CUES.intersection(routed)
            and any(may_deflect(q) for q in asked)
        ):
            parts.append(knowledge.deflect[self._deflections % len(knowledge.deflect)])
            self._deflections += 1
        if not parts:
            return None
        # after a deflection or a brake nothing was agreed: the line goes on without a lead-in
        # that presumes a yes ("Then pick the pipeline ...", "Great, so ...") (session 19)
        unanswered = topic is None and kind not in _ANSWERING_KINDS
        acknowledged = split_acknowledgement(scripted.text)
        if acknowledged is not None:  # "Good question." + answer + the rest of the line
            if not opens_with_acknowledgement(parts[0]):  # not "Good question." twice
                parts.insert(0, acknowledged[0])
            rest = (
                self._untold(parts, acknowledged[1]) or acknowledged[1]
                if topic is not None
                else acknowledged[1]
            )
            if unanswered:
                rest = drop_presumed_yes(rest)
            parts.append(rest)
        else:
            reaction = split_reaction(scripted.text)
            rest = reaction[1] if reaction is not None else scripted.text
            rest = (self._untold(parts, rest) or rest) if topic is not None else rest
            if unanswered:
                rest = drop_presumed_yes(rest)
            bridge = (
                None
                if _CONNECTIVE.match(rest)
                else self._bridge(
                    rest, deflected=unanswered, ending=scripted.is_end, private=private
                )
            )
            if bridge is not None:
                parts.append(bridge)
            parts.append(rest)
        if follow_up is not None:
            parts.append(follow_up)
        return ManagerLine(
            node_id=scripted.node_id,
            text=join_parts(parts),
            is_end=scripted.is_end,
            parts=tuple(parts),
            topic=topic.id if topic is not None else DEFLECTED,
            prompt=join_parts([rest, *((follow_up,) if follow_up else ())]),
        )

    def _bridge(self, line: str, *, deflected: bool, ending: bool, private: bool) -> str | None:
        """A bridge into `line` that fits what came before (the seeker's first question, an
        answer or a deflection) and what comes next (a question about the seeker, an ending,
        another question, a statement): the least used so far and never the one said last;
        None when no words fit. A scenario's own bridges fit wherever a bridge is said."""
        first = first_sentence(line)
        asks = bool(find_questions(first))
        options = kind_of_join(
            deflected=deflected,
            asks_seeker=asks and about_seeker(first),
            ending=ending,
            private=private,
            first=self._heard <= 1,
            opens_question=asks,
        )
        if not options:
            return None
        return self._bridges.take(self.scenario.knowledge.bridges or options)

    def _untold(self, told: Sequence[str], line: str, *, strict: int = 0) -> str | None:
        """The line from the sentence after its last statement (before its question) that
        tells again what `told` said ("We own the pipelines ..." then "I look after the data
        platform at Brightwater Health.": by meaning, by words, or by its theme word, "Trust."
        then "... whether the doctors can trust the numbers"); the whole line when none does;
        None when such a statement leaves nothing after it. (Each such rest is pre-rendered:
        `Scenario.manager_lines`.) `strict`: how close a sentence must be to count, as in
        `_says_again` (2 for answers told turns ago, not just now)."""
        said = line_sentences(line)
        # its question: not a one-word aside ("Honestly? ...")
        ask = next((i for i, x in enumerate(said) if x.endswith("?") and " " in x), len(said))
        told = [t for t in told if plain_terms(t)]
        last = max(
            (k for k in range(ask) if self._says_again(told, said[k], strict=strict)), default=None
        )
        if last is None:
            return line
        start = last + 1
        while start < ask and _REACTS.match(said[start] + " "):
            start += 1  # "Okay." reacted to the seeker, not to his own answer: left out too
        if start >= len(said):
            return None
        return " ".join(said[start:])

    def _rest_of(self, line: str) -> str:
        """The scripted line as said after an answer: without its acknowledgement or bare
        reaction ("Good question.", "Fair enough.")."""
        acknowledged = split_acknowledgement(line)
        if acknowledged is not None:
            return acknowledged[1]
        reaction = split_reaction(line)
        return reaction[1] if reaction is not None else line

    def _says_again(self, told: Sequence[str], sentence: str, *, strict: int = 0) -> bool:
        """Whether `sentence` tells again what one of `told` said: the same by meaning or most
        words of a sentence (`KnowledgeMatcher.retells`), or the theme word a short first
        sentence of it stands on ("Trust."); with `strict` below 2 also sharing enough of its
        words (`_repeats`), and below 1 about it by meaning (`echoes`), as the line said right
        after an answer may not be."""
        if not told or not plain_terms(sentence):
            return False
        if self.matcher.retells(told, sentence) or _theme_again(told, sentence):
            return True
        if strict < 2 and any(_repeats([t], sentence) for t in told):
            return True
        return strict < 1 and self.matcher.echoes(told, sentence)

    def _told_before(self, answer: str) -> bool:
        """Whether a knowledge answer would tell again what the manager already said in this
        rehearsal (a scripted line, or another topic's answer): the said-lines memory."""
        return any(
            self._says_again([answer], s, strict=2)
            or (s in self._said and _theme_again([s], answer))  # an answer's theme ("Trust.")
            for s in dict.fromkeys(self._spoken)
            if s not in GENERIC_SAID and s != answer
        )

    def _told_answers(self) -> list[str]:
        """The knowledge answers said so far in this rehearsal."""
        return [a for t in self.scenario.knowledge.topics for a in t.answers if a in self._said]

    def _not_retold(self) -> None:
        """When this node's phrasing retells what a knowledge answer already said in this
        rehearsal ("I started in analytics ..." after the origin story), a phrasing of it that
        does not, if it has one."""
        told = [a for t in self.scenario.knowledge.topics for a in t.answers if a in self._said]
        line = self._phrasing[self.current.id]
        if not told or len(self.current.lines) < 2 or not self._retells(told, line):
            return
        other = next((t for t in self.current.lines if not self._retells(told, t)), None)
        if other is not None:
            self._phrasing[self.current.id] = other

    def _retells(self, told: Sequence[str], line: str) -> bool:
        """Whether the line says again what these answers said: a sentence of each says the
        same, or a statement of the line is about a topic already answered."""
        if self.matcher.retells(told, line) or _theme_again(told, line):
            return True
        statements = [s for s in sentences(line) if not s.rstrip().endswith("?")]
        for found in self.matcher.match_all(statements):
            if found.best in self._told and found.score >= MEANING_THRESHOLD:
                return True
        return False

    def _all_said(self, answers: Sequence[str]) -> bool:
        return all(a in self._said for a in answers)

    def _asked_before(self, topic_id: str, asked: Sequence[str]) -> bool:
        """Whether these questions ask nothing new of a topic: each one's content words are
        among those of a question this topic already answered in this rehearsal ("what does
        the team do" after "what does your team work on"), or it has none of its own ("who
        else?") and the topic has answered one."""
        before = self._asked_of.get(topic_id, [])
        if not before:
            return False
        return all(any(_asked_terms(q) <= earlier for earlier in before) for q in asked)

    def _people_topic(self) -> Topic | None:
        """The topic naming whom the seeker could meet: its questions ask for a referral."""
        return next(
            (
                t
                for t in self.scenario.knowledge.topics
                if any("referral" in intents(q) for q in t.questions)
            ),
            None,
        )

    def _told_in(self, previous: str | None) -> Topic | None:
        """The topic whose answer the manager's last line told, if any."""
        if not previous:
            return None
        return next(
            (t for t in self.scenario.knowledge.topics if any(a in previous for a in t.answers)),
            None,
        )

    def _more_of(self, asked: Sequence[str], previous: str | None) -> Topic | str | None:
        """What a question asking for more asks more of. People to meet (their topic, or
        "referral" when the scenario has none): "who else could I talk to" (a referral asked
        for more), a bare "Anyone else?", "Another name, maybe?" or "Any others?" right after he
        named whom to meet or said he would think who, a bare ask naming contacts ("Any other
        names?", "Others I should meet?"), and a bare "Anyone else?" with nothing told before.
        A bare ask plainly for more ("Anyone else?", "Who else?", "Any others?") right after
        another topic's answer is more of that topic (review 15 R9: "Who's on your team?", then
        "Anyone else?" asks for more of the team, not whom to meet). None: the matcher decides
        (not "Anything else?": more of anything)."""
        people = self._people_topic()
        told = self._told_in(previous)
        said = previous or ""
        after_people = any(  # he has just named whom to meet, or said he would think who
            r in said for r in (*(people.answers if people else ()), *GENERIC_REPLIES["referral"])
        )
        to_meet: Topic | str = people if people is not None else "referral"
        for question in asked:
            more = asks_more(question)
            if more is None:
                continue
            if more == "people" and "referral" in intents(question):
                return to_meet
            if not is_bare_more(question):
                continue
            if after_people and (more == "people" or _OF_THEM.search(question)):
                return to_meet
            if told is not None and not asks_for_contacts(question):
                return told
            if more == "people":
                return to_meet
        return None

    def _pointer(self, topic: Topic, asked: Sequence[str]) -> str | None:
        """A pointer back to what the topic told, for a new question about it: the told answer
        sharing most words with the question (the first said, on a tie), as `point_back` says
        it; None when none can be pointed to or it was pointed to already."""
        told = [a for a in topic.answers if a in self._said] or list(topic.answers)
        wanted = set().union(*(_asked_terms(q) for q in asked)) if asked else set()
        ranked = sorted(told, key=lambda a: -len(wanted & set(plain_terms(a))))
        for answer in ranked:
            pointer = point_back(answer)
            if pointer is not None and pointer not in self._said:
                return pointer
        return None

    def _aside(self, asked: Sequence[str], topic: Topic, line: str) -> str | None:
        """For pay or a start date asked beside the question answered ("Are you hiring? What's
        the salary?"), a short aside owning it, unless the topic or the line takes it up."""
        shown = frozenset().union(*(intents(q) for q in topic.questions))
        for kind, intent in (
            ("pay_aside", "pay"),
            ("start_aside", "start_date"),
            ("in_touch_aside", "in_touch"),
        ):
            if intent in shown or (intent != "in_touch" and talks_terms(line)):
                continue
            if any(intent in intents(q) for q in asked):
                return self._pick(GENERIC_REPLIES[kind])
        return None

    def _pick(self, answers: Sequence[str]) -> str:
        """An answer variant not said yet in this rehearsal (at random), else any."""
        fresh = [a for a in answers if a not in self._said] or list(answers)
        chosen = self._rng.choice(fresh)
        self._said.add(chosen)
        return chosen
