"""Coaching on the seeker's own words: at every answer that made the talk an interview, which
words did it, and what could have been said instead at that moment.

The alternative is the scenario author's coach note where the author wrote one for that node;
otherwise it is composed from the cue and from what the manager had just said:

* commitment ("Yes!") -> interest that depends on learning more, plus a question about what the
  manager just said;
* a pitch ("I have five years of ...") -> a question that invites the other person in;
* asking for the job, a referral for it, or the pay -> a question about the work first.

Pure Python; the replay screen and the exports show the same sentences.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from app.dialogue import Scenario
from app.framing.patterns import TERM_KINDS, terms_named
from app.report import alternatives
from app.report.verdict import (
    AFTER_SHIFT,
    AT_SHIFT,
    BEFORE_SHIFT,
    AnswerNumbers,
    Verdict,
    answer_numbers,
)

#: The cues that make an answer an interview, strongest first: the one quoted when several.
INTERVIEW_CUES: Final = ("commitment", "job_request", "pay_question", "self_promotion")
_QUOTE_CHARS: Final = 200

_SENTENCE: Final = re.compile(r"[^.?!]+[.?!]*")
#: Words with the gap after them (spaces, punctuation), for reading phrases.
_TOKEN: Final = re.compile(r"([A-Za-z][\w'’-]*)([^A-Za-z]*)")
#: A determiner the manager uses for their own world, then up to four words ("our data team").
#: "your ..." is the seeker's own world, so it is not a phrase to ask the manager about.
_DETERMINERS: Final = frozenset({"the", "this", "these", "those", "our", "my"})
#: A phrase stops before these: clauses ("that feed"), prepositions, verbs.
_PHRASE_STOPS: Final = frozenset(
    re.findall(
        r"\S+",
        """that which who whom whose where when while because if so and or but of to in on at
        for with from by as into about like than then is are was were be been being am has have
        had do does did will would can could should may might must it its it's i you he she we
        they me him her us them this these those there here what how why just also really very
        came come comes went go goes got get gets make makes made think thought know knew say
        said tell told feed feeds run runs""",
    )
)
#: Words a phrase should not end on: "the way", "our own" say nothing about the work.
_WEAK_ENDS: Final = frozenset(
    re.findall(
        r"\S+",
        """a an the way thing things stuff one ones kind sort lot bit time times moment point
        own same other else first last next best most more end part""",
    )
)
_GENERIC: Final = frozenset({"position", "role", "job", "opening", "opportunity", "vacancy"})
#: Abstract nouns that open an idiom ("the truth is", "the thing is", "the short answer is",
#: "to be honest"): never a topic to ask about ("How is the truth going, by the way?").
_IDIOM_HEADS: Final = frozenset(
    re.findall(
        r"\S+",
        """truth thing fact point reality problem trick catch answer question idea honest
        worst upside downside irony joke secret key reason bottom deal short long gist story
        chance odds hope plan risk danger difference rule""",
    )
)
_SWAP: Final = {"our": "your", "my": "your", "we": "you", "us": "you", "i": "you"}
#: The determiners that name the manager's own world even in a question put to the seeker.
_OWN: Final = frozenset({"our", "my"})
#: Words that make a question one put to the seeker ("you", "your"): in such a question a
#: phrase after a word of being or working there names the seeker's world (`_seekers_place`).
_SEEKER_WORDS: Final = frozenset({"you", "your", "yours", "yourself", "you're", "you’re", "you've"})
_PLACE_PREPOSITIONS: Final = frozenset({"on", "in", "at", "from", "for", "within"})
_TIME_PREPOSITIONS: Final = frozenset({"before", "after", "outside", "since"})
_SEEKER_ADVERBS: Final = frozenset(
    {
        "still",
        "currently",
        "now",
        "already",
        "mostly",
        "ever",
        "always",
        "long",
        "there",
        "here",
        "up",
    }
)
_SEEKER_VERBS: Final = frozenset(
    re.findall(
        r"\S+",
        """be been being are were was am is work works worked working do did doing does study
        studied studying teach taught teaching live lived living stay stayed staying start
        started starting end ended grew grow based placed employed training trained volunteer
        volunteering""",
    )
)
_SEEKER_NOUNS: Final = frozenset(
    {"role", "job", "time", "work", "experience", "position", "plan", "plans", "days", "years"}
)


@dataclass(frozen=True)
class Said:
    """A turn as coaching reads it: cues as the analysis JSON has them (cue, text, start, end);
    `node_id` is the node whose line a seeker's turn answered (for a manager turn, its own)."""

    index: int
    speaker: str
    text: str
    frame: str
    cues: Sequence[Mapping[str, Any]] = ()
    node_id: str | None = None


@dataclass(frozen=True)
class Coaching:
    """What the replay says about one interview-framed answer.

    `words` is the exact slice `text[start:end]` of the seeker's turn that did it; `explanation`
    quotes them; `alternative` is what could have been said at that moment; `note` is the
    author's coach note when `source` is "author" (else None, and `source` is "composed").
    """

    turn: int
    cue: str
    words: str
    start: int
    end: int
    manager_line: str | None
    explanation: str
    alternative: str
    note: str | None
    source: str

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) > _QUOTE_CHARS:
        flat = flat[: _QUOTE_CHARS - 1].rstrip() + "…"
    return f"“{flat}”"


def _cue_words(turn: Said, name: str) -> tuple[tuple[str, int, int], ...]:
    """The turn's text with the span of every cue `name` in it (its valid spans)."""
    out = []
    for cue in turn.cues:
        start, end = int(cue.get("start", 0)), int(cue.get("end", 0))
        if cue.get("cue") == name and 0 <= start < end <= len(turn.text):
            out.append((turn.text, start, end))
    return tuple(out)


def _deciding_cue(turn: Said) -> tuple[str, str, int, int]:
    """The strongest interview cue of the turn with its words; the whole answer if none."""
    for name in INTERVIEW_CUES:
        for cue in turn.cues:
            if cue.get("cue") != name:
                continue
            start, end = int(cue.get("start", 0)), int(cue.get("end", 0))
            if 0 <= start < end <= len(turn.text):
                return name, turn.text[start:end], start, end
            return name, str(cue.get("text") or turn.text), 0, len(turn.text)
    return "interview", turn.text.strip(), 0, len(turn.text)


#: Words that may follow a whole noun phrase: the phrase is taken only when one of these (or
#: punctuation, or the end of the line) comes right after it, so it never stops mid-clause
#: ("the analytics team lost their" is refused: "lost" may be its verb, and there is no tagger).
_AFTER_PHRASE: Final = frozenset(
    re.findall(
        r"\S+",
        """that which who whom whose where when while because if so and or but nor of to in on
        at for with from by as into onto about like than then over under behind within without
        between among around across after before during since until through per is are was
        were be been am isn't aren't wasn't weren't has have had hasn't haven't will would can
        could should may might must won't wouldn't can't couldn't does do did doesn't don't
        didn't i you he she we they i'm you're we're they're i'd you'd we'd they'd i've
        you've we've they've i'll you'll we'll""",
    )
)


#: Words that never sit inside a noun phrase a seeker could ask about ("the job still
#: interests", "the product sells itself", "the fair today").
_NOT_IN_PHRASE: Final = frozenset(
    re.findall(
        r"\S+",
        """still nobody somebody someone everyone anyone not never always already again yet
        now today tonight tomorrow yesterday itself myself yourself ourselves themselves himself
        herself up out off down back away here there too all both each every some any no much
        many few another other others else even only just ever once twice instead anyway though
        ago either neither whole afterwards later earlier soon first""",
    )
)
#: Verbs common in what a manager says; with -s/-es/-ed they end a subject, not a phrase
#: ("the graduate programme opens", "your team works").
_VERBS: Final = frozenset(
    re.findall(
        r"\S+",
        """work say sell run open mean look go come feed make take get keep need want think know
        test advise help start end pay live do use feel seem matter happen build ship break
        change grow fit handle sit stand give tell ask show turn move play try call leave put
        bring hold write read learn spend lose find plan hire sound consider decide expect
        involve include cover depend care tend manage lead own report review check add""",
    )
)
#: Punctuation that closes a phrase (not "&" of "P&L", not "-" of a compound).
_CLOSING: Final = frozenset(".,;:!?)…—")


def _verb_form(word: str) -> bool:
    bare = word.lower()
    for ending in ("es", "s", "ed", "d"):
        if bare.endswith(ending) and bare[: -len(ending)] in _VERBS:
            return True
    return bare in _VERBS


def _phrase_word(word: str) -> bool:
    """A word that can be inside a noun phrase: no function word, adverb, contraction or
    verb form, more than one letter."""
    bare = word.lower()
    return (
        len(bare) > 1
        and bare not in _PHRASE_STOPS
        and bare not in _DETERMINERS
        and bare not in _AFTER_PHRASE
        and bare not in _NOT_IN_PHRASE
        and "'" not in bare
        and "’" not in bare
        and not bare.endswith(("ed", "ly"))
        and not _verb_form(bare)
    )


def _phrase_at(tokens: list[tuple[str, str]], i: int) -> list[str] | None:
    """The whole noun phrase opened by the determiner at `tokens[i]`, or None."""
    if tokens[i][1].strip():
        return None
    words = [tokens[i][0]]
    for j in range(i + 1, min(i + 5, len(tokens) + 1)):
        if j == len(tokens):  # the line ends after the phrase
            break
        following, after = tokens[j]
        if len(words) > 1 and following.lower() in _AFTER_PHRASE:
            break
        if len(words) == 4 or not _phrase_word(following):
            return None
        words.append(following)
        closing = after.strip()
        if closing:  # punctuation ends the phrase: "." or ",", not "&" of "P&L"
            if closing[0] not in _CLOSING:
                return None
            break
    if len(words) < 2 or words[-1].lower() in _WEAK_ENDS:
        return None
    if words[-1].lower() in _IDIOM_HEADS:
        return None  # "the truth is ...", "the thing is ...": an idiom, not a topic
    if words[-1].lower().endswith("ing"):
        return None  # "the day doing", "this standing": a verb, not a thing
    return words


def _seekers_place(tokens: list[tuple[str, str]], i: int) -> bool:
    """In a question put to the seeker, whether the phrase opened at `tokens[i]` is where the
    seeker is, works or was ("How long have you been on the surgical ward?", "What do you do
    at the DC?", "your role on the audit", "before the bootcamp"): the seeker's world, never a
    thing to ask the manager about. "Are you interested in the analyst position?" is not."""
    if i == 0:
        return False
    before = tokens[i - 1][0].lower()
    if before in _TIME_PREPOSITIONS:
        return True
    if before not in _PLACE_PREPOSITIONS:
        return False
    j = i - 2
    while j >= 0 and tokens[j][0].lower() in _SEEKER_ADVERBS:
        j -= 1
    if j < 0:
        return False
    word = tokens[j][0].lower()
    if word in _SEEKER_VERBS or word in _SEEKER_WORDS:
        return True
    return word in _SEEKER_NOUNS and j > 0 and tokens[j - 1][0].lower() == "your"


def focus_of(manager_line: str | None) -> str | None:
    """What the manager was just talking about, as a whole noun phrase the seeker can ask
    about: a determiner and one to three words, then punctuation, the end of the line or a word
    that can only start what comes after a noun phrase ("of", "is", "that", "we" ...): "Our
    data team is small" -> "your data team"; "the analytics team lost their budget" gives
    nothing (without a tagger the phrase might run on). Pronouns are turned round ("our team"
    -> "your team"). None when the line names nothing this way: the caller then asks a
    generic question."""
    if not manager_line:
        return None
    found: list[tuple[bool, str]] = []
    for sentence in _SENTENCE.findall(manager_line):
        tokens = _TOKEN.findall(sentence)
        to_seeker = sentence.rstrip().endswith("?") and any(
            word.lower() in _SEEKER_WORDS for word, _gap in tokens
        )
        for i, (word, _gap) in enumerate(tokens):
            if word.lower() not in _DETERMINERS:
                continue
            if to_seeker and word.lower() not in _OWN and _seekers_place(tokens, i):
                continue
            words = _phrase_at(tokens, i)
            if words is None:
                continue
            words[0] = _SWAP.get(words[0].lower(), words[0].lower())
            found.append((words[-1].lower() in _GENERIC, " ".join(words)))
    specific = [p for generic, p in found if not generic]
    if specific:  # the most specific (longest), the latest of equals
        return max(reversed(specific), key=lambda p: len(p.split()))
    return found[-1][1] if found else None


def compose(
    cue: str,
    manager_line: str | None,
    turn: int = 0,
    *,
    answer: str | None = None,
    cue_start: int | None = None,
) -> str:
    """An alternative answer built for this cue, the kind of line the manager had just said
    (a yes/no interest question, a why or other open question, a statement: see
    `alternatives.line_kind`) and what it was about (`focus_of`)."""
    return alternatives.compose(
        cue,
        manager_line,
        turn,
        focus=focus_of(manager_line),
        answer=answer,
        cue_start=cue_start,
    )


_WHY: Final = {
    "commitment": "committed you to the job before you knew enough about it",
    "job_request": "put you forward as a candidate, making you the one being judged",
    "pay_question": "put pay before the work, turning a chat into a negotiation",
    "self_promotion": "was a pitch for yourself rather than a conversation with them",
    "interview": "put you in the position of being assessed",
}
_CONTEXT: Final = 50  # characters of the seeker's sentence quoted either side of the cue


def terms_asked(said: str) -> tuple[str, ...]:
    """The kinds of terms the words ask about (`app.framing.patterns.terms_named`, the one
    table of terms words the rules read too): "pay", "time off", "the hours", "remote work",
    "the perks" (none: the words name none of them)."""
    return terms_named(said)


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def terms_why(said: str, cue_words: Sequence[tuple[str, int, int]] = ()) -> str:
    """What a question about one's own terms did, naming what it asked: pay only where pay was
    asked, else the hours, time off, working from home or the perks it named. The kinds are
    those the words `said` name and those the pay_question cues' own words name, read in their
    turn (`cue_words`: the turn's text and each cue's span; "What's the salary? And is it
    remote?" asked both, whichever sentence is quoted)."""
    named = set(terms_asked(said))
    for text, start, end in cue_words:
        named.update(terms_named(text, [(start, end)]))
    kinds = [kind for kind in TERM_KINDS if kind in named]
    rest = [k for k in kinds if k != "pay"]
    if "pay" in kinds and not rest:
        return _WHY["pay_question"]
    if "pay" in kinds:
        return (
            f"put pay and your other terms ({_and(rest)}) before the work, "
            "turning a chat into a negotiation"
        )
    if rest:
        return (
            f"put your own terms ({_and(rest)}) before the work, turning a chat into a negotiation"
        )
    return "put your own terms before the work, turning a chat into a negotiation"


def excerpt(text: str, start: int, end: int) -> str:
    """The seeker's sentence around `text[start:end]`, cut with … where it is long."""
    begin = max((m.end() for m in re.finditer(r"[.?!;]\s", text[:start])), default=0)
    stop = re.search(r"[.?!;](\s|$)", text[end:])
    finish = end + stop.start() + 1 if stop else len(text)
    head = tail = ""
    if start - begin > _CONTEXT:
        begin, head = text.find(" ", start - _CONTEXT, start) + 1 or start, "…"
    if finish - end > _CONTEXT:
        cut = text.rfind(" ", end, end + _CONTEXT)
        finish, tail = (cut if cut > end else end), "…"
    return head + text[begin:finish].strip() + tail


def _last_sentence(line: str) -> str:
    """What the seeker was answering: the manager's last sentence."""
    sentences = [s.strip() for s in _SENTENCE.findall(line) if s.strip()]
    return sentences[-1] if sentences else line


def _after(position: str, shift_turn: int | None, numbers: AnswerNumbers | None = None) -> str:
    """How the sentence ends, true to where the answer stands relative to the shift (named as
    the replay names it, "answer N")."""
    at = (numbers or AnswerNumbers()).number(shift_turn) if shift_turn is not None else 0
    if position == AT_SHIFT:
        return ", so the talk became an interview."
    if position == AFTER_SHIFT and shift_turn is not None:
        return f", which kept it an interview (it had tipped at answer {at})."
    if position == BEFORE_SHIFT and shift_turn is not None:
        return (
            f". It read as an interview answer, but on its own it did not tip the talk; "
            f"that came at answer {at}."
        )
    return ". It read as an interview answer, but on its own it did not tip the talk."


def explain(
    cue: str,
    said: str,
    manager_line: str | None,
    persona: str | None,
    position: str = AT_SHIFT,
    shift_turn: int | None = None,
    cue_words: Sequence[tuple[str, int, int]] = (),
    numbers: AnswerNumbers | None = None,
) -> str:
    """One sentence that quotes the seeker's words and says what they did, ending true to
    where the answer stands: at the shift ("so the talk became an interview"), before it, after
    it, or in a conversation that never tipped."""
    who = persona or "the manager"
    asked = manager_line is not None and alternatives.line_kind(manager_line).about_you
    after = f" when {who} said {_quote(_last_sentence(manager_line))}" if manager_line else ""
    why = terms_why(said, cue_words) if cue == "pay_question" else _WHY.get(cue, _WHY["interview"])
    if asked and cue == "self_promotion":
        # They asked about the seeker: answering is right; the pitch was in the length.
        why = (
            "went past answering their question into a pitch for yourself "
            "(a sentence or two answers it)"
        )
    return f"You said {_quote(said)}{after}: that {why}{_after(position, shift_turn, numbers)}"


def coach(
    turns: Sequence[Said], scenario: Scenario | None = None, shift_turn: int | None = None
) -> list[Coaching]:
    """Coaching for every interview-framed answer of the seeker, in turn order; `shift_turn`
    is the analyzer's shift (None: it never tipped), so each explanation says where the
    answer stands."""
    verdict = Verdict(shift_turn, (), False, True)
    numbers = answer_numbers(turns)
    persona = scenario.persona.name.split()[0] if scenario is not None else None
    out: list[Coaching] = []
    manager_line: str | None = None
    manager_node: str | None = None
    for turn in sorted(turns, key=lambda t: t.index):
        if turn.speaker == "manager":
            manager_line, manager_node = turn.text, turn.node_id
            continue
        if turn.speaker != "seeker" or turn.frame != "interview" or not turn.text.strip():
            continue
        cue, words, start, end = _deciding_cue(turn)
        # The node answered: the seeker turn's own, else the manager line's before it.
        node_id = turn.node_id or manager_node or ""
        node = scenario.nodes.get(node_id) if scenario is not None else None
        authored = node.coach if node is not None else None
        if authored is not None and not authored.about(cue):
            authored = None  # the note is about another kind of answer: compose one
        out.append(
            Coaching(
                turn=turn.index,
                cue=cue,
                words=words,
                start=start,
                end=end,
                manager_line=manager_line,
                explanation=explain(
                    cue,
                    excerpt(turn.text, start, end),
                    manager_line,
                    persona,
                    verdict.position(turn.index),
                    shift_turn,
                    _cue_words(turn, cue),
                    numbers,
                ),
                alternative=(
                    authored.alternative
                    if authored is not None
                    else compose(cue, manager_line, turn.index, answer=turn.text, cue_start=start)
                ),
                note=authored.note if authored is not None else None,
                source="author" if authored is not None else "composed",
            )
        )
    return out
