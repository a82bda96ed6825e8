"""Does a partial transcript stop where a sentence cannot end? The words side of end of turn.

People stop to think after any word, most often after a word that needs another: "I've been
working as a | data analyst", "What I enjoy most is | talking to customers". Whisper writes what it
heard with punctuation; a thought left hanging often comes back as "I would like to..." or "Not
really, but I,", but as often with a period ("the hardest part was."): Whisper puts one wherever
the audio stops. So the last word counts more than the period:

* ``"unfinished"``: a trailing ellipsis, comma or dash; or a last word of a closed class that
  English sentences (almost) never end on, whatever the punctuation: articles, possessives,
  conjunctions, subject pronouns and their contractions, hesitation sounds (:data:`NEVER_LAST`);
  prepositions, auxiliaries, wh-words, numerals, degree words, verbs that want an object
  (:data:`RARELY_LAST`), unless Whisper heard a question, a set phrase ("I'd love to.", "Not
  yet."), an ellipsis after a pronoun ("I'm not sure it does.") or a stranded word ("what you
  need", "who should I send it to").
* ``"unsure"``: those exceptions, words that end sentences about as often as not
  (:data:`SOMETIMES_LAST`: "that", "so", "really", numbers), and words with no final punctuation
  at all: the acoustic model and the clock decide.
* ``"finished"``: anything else that Whisper closed with ". ? !", and a whole question whose
  opening strands its last word ("Who would you suggest I talk to?", "What drew you to this?").

The word classes come from grammar, checked against how often each word ends a sentence in the
writers' answers (tests/data/framing/hands, words seen 6+ times: "the", "my", "I'm", "was",
"about", "for" end none or almost none; "it", "me", "now", "years", "though" end many).
"""

from __future__ import annotations

import itertools
import re
from typing import Literal

Verdict = Literal["unfinished", "unsure", "finished"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words after which an English sentence never ends, whatever the punctuation says.
NEVER_LAST = _words(
    """a an the my your our their its and but or nor because although whereas than
    if whether unless um umm uh uhm uhh er erm hmm hm mm mmm ah eh his i'm i've i'd i'll we're
    we've we'd we'll you're you've you'd you'll they're they've they'd it's that's there's
    what's who's where's how's here's he's she's let's gonna wanna gotta kinda sorta very
    every each another such"""
)
#: Words after which a sentence rarely ends; possible only after a question mark, in a set
#: phrase (:data:`PHRASE_ENDS`), after a pronoun or in a clause that strands them.
RARELY_LAST = _words(
    """to of in on at for with from about into onto by through without within between across
    during toward towards around via per like as after since until when while where which who
    whom whose what how why these those i we they he she is was are were
    am be been being have has had do does did would could should will can might must may shall
    get got just pretty super quite also still always never already ever only
    most some any whole last next love want wanted need tell ask make let trying looking
    hoping wondering wonder thinking planning going used able couple few several mostly mainly
    especially particularly currently probably plus except including"""
)
#: Words that end a sentence about as often as not ("I'd like that.", "I think so.", "Not
#: really."): with a final ". ? !" the acoustic model and the clock decide.
SOMETIMES_LAST = _words(
    """that this so then really even maybe one two three four five six seven eight nine ten eleven
    twelve fifteen twenty thirty forty fifty hundred thousand"""
)
#: Words that let a later clause end on a preposition or verb: "what you need", "where I am",
#: "who should I send it to", "how she got in", "if you need".
STRANDING = _words("what where who whom which how whatever wherever whoever whichever if")
#: Nouns that head a clause with no "that" ("the kind of team I'm looking for", "a lot to think
#: about", "everything I wanted to ask"): with a subject or "to" after one, the clause may end on
#: a preposition or verb.
HEADS = _words(
    """thing things kind sort part lot everything something anything nothing one stuff place
    team people person way job work role anyone someone anybody somebody everyone else"""
)
#: Words that open a question whose object a final preposition or verb may strand ("Who would
#: you suggest I talk to?", "What do the pipelines feed into?").
WH_OBJECTS = _words("what who whom which where")
#: Words that open a yes/no question ("Is there anyone else I should talk to?").
AUXILIARIES = _words(
    "is are was were am do does did can could would will should have has had may might shall"
)
#: Words that open a question ("Why did you pick that?").
ASKING = WH_OBJECTS | AUXILIARIES | _words("why how when whose")
#: Prepositions and auxiliaries that a whole question may end on.
STRANDED_ENDS = _words(
    """to of in on at for with from about into onto by through like after is are was were do
    does did can could would will should"""
)
#: A subject pronoun or its contraction opens such a clause.
CLAUSE_SUBJECTS = _words(
    "i i'm i've i'd i'll you you're you've you'd we we're we've we'd they they're they've to"
)
#: A sentence opening with one of these is a subordinate clause until a comma closes it ("When
#: I started", "If you don't mind me asking"): its main clause may still come.
OPENERS = _words("when if while although though whereas unless once whenever to just")
#: Subject pronouns: after one, an adverb ends nothing ("I actually", "we mostly").
SUBJECTS = _words("i we they he she")
#: Verbs ending in -ly, which a subject may end a sentence on ("How do I apply?").
LY_VERBS = _words("apply reply rely supply comply fly ally imply multiply")
#: A clause opening the sentence as its subject ("What I enjoy most is", "The thing I liked
#: was") wants its complement after the copula: the stranding licence does not cover that.
COPULAS = _words("is was are were")
#: Subject and object pronouns: "it does", "you had", "I am" end a sentence (ellipsis), and so
#: does a particle after an object ("count me in", "take it on").
PRONOUNS = _words("i you we they he she it me us them him her")
#: (word before, last word) pairs that end sentences although the last word rarely does.
PHRASE_ENDS = frozenset(
    (pair.partition("_")[0], pair.partition("_")[2])
    for pair in _words(
        """love_to like_to want_to need_to have_to going_to used_to happy_to glad_to
    able_to try_to hope_to plan_to mean_to ought_to got_to think_so hope_so guess_so
    not_yet not_quite not_always not_ever not_much not_even me_neither at_all for_now
    the_most why_not a_while"""
    )
)
_HANGING = ("...", "…", ",", "-", "–", "—", ";", ":")
_WORD = re.compile(r"[a-z0-9']+")
_SENTENCE = re.compile(r"[.?!]+\s")


def judge(text: str) -> Verdict:
    """Whether ``text`` (a transcript of the answer so far) stops mid-sentence."""
    stripped = text.strip().lower().replace("’", "'")
    words = _WORD.findall(stripped)
    if not words:
        return "unsure"  # nothing heard is no evidence
    if stripped.endswith(_HANGING):
        return "unfinished"
    last = words[-1]
    before = words[-2] if len(words) >= 2 else ""
    closed = stripped.endswith((".", "?", "!"))
    if last in NEVER_LAST or (before in SUBJECTS and last.endswith("ly") and last not in LY_VERBS):
        return "unfinished"
    if re.search(r",\s*well[.?!]*$", stripped):
        return "unfinished"  # "That was my first job, well"
    clause = _SENTENCE.split(stripped.rstrip(".?! "))[-1]  # the last sentence
    sentence = _WORD.findall(clause)
    asked = _asked(clause)
    asks = stripped.endswith("?") and len(asked) >= 4
    if last in SOMETIMES_LAST or last.isdigit():
        if asks and last in ("this", "that") and asked[0] in ASKING:
            return "finished"  # "What drew you to this?", "Do you enjoy that?"
        return "unsure" if closed else "unfinished"
    if last in RARELY_LAST:
        if not closed:
            return "unfinished"
        if last in COPULAS and not stripped.endswith("?") and _cleft_subject(sentence):
            return "unfinished"  # "What I enjoy most is.": its complement is still to come
        licensed = (
            (before, last) in PHRASE_ENDS
            or before in PRONOUNS
            or any(w in STRANDING for w in sentence[:-1])
            or _headed_clause(sentence[:-1])
        )
        if asks and last in STRANDED_ENDS and _whole_question(asked, licensed=licensed):
            return "finished"  # "Who would you suggest I talk to?"
        if stripped.endswith("?") or licensed:
            return "unsure"
        return "unfinished"
    if not closed:
        return "unsure"
    if sentence and sentence[0] in OPENERS and "," not in clause:
        return "unsure"  # "When I started.": the main clause may follow
    return "finished"


#: Contracted wh-words and negated auxiliaries that open a question as their plain forms do
#: ("What's the team like?", "Isn't that the data team?").
ASKING_CONTRACTED = _words(
    """what's who's where's how's why's when's which's isn't aren't wasn't weren't don't
    doesn't didn't can't couldn't won't wouldn't shouldn't haven't hasn't hadn't"""
)
#: Words a question may open with before its wh-word or auxiliary ("So what drew you to this?",
#: "And who else should I talk to?").
QUESTION_LEAD = _words("and so but then well okay ok oh also um uh actually")


def asks(text: str) -> bool:
    """Whether ``text`` (the answer so far) ends on a whole question: Whisper closed its last
    sentence with "?" and the question asks by its word order, a wh-word or an auxiliary
    opening it (after the last comma when a question opens there: "Not yet, who would you
    suggest I talk to?"; after "and", "so"...), three words at least. A question hands the turn
    over: the speaker rarely pauses after one and goes on, as after "Not yet," or "Thank you,"
    (app.speech.factory.QUESTION_WAIT_MS). A statement with a question mark ("You're based in
    Chicago?") is not one here: its words are a sentence that may go on."""
    stripped = text.strip().lower().replace("\u2019", "'")
    if not stripped.endswith("?"):
        return False
    clause = _SENTENCE.split(stripped.rstrip(".?! "))[-1]
    pieces = [_WORD.findall(piece) for piece in clause.split(",")]
    for k in range(len(pieces) - 1, -1, -1):  # the question opens after the last comma that
        words = [w for piece in pieces[k:] for w in piece]  # opens one, or before it
        while words and words[0] in QUESTION_LEAD:
            words = words[1:]
        if words and words[0] in ASKING | ASKING_CONTRACTED:
            return len(words) >= 3
    return False


def _headed_clause(words: list[str]) -> bool:
    """A head noun and right after it a clause's subject: "the kind of team I'm", "anyone else
    you", "anybody here I"."""
    plain = [w for w in words if w not in ("here", "there")]  # "anybody here I should ask"
    return any(a in HEADS and b in CLAUSE_SUBJECTS for a, b in itertools.pairwise(plain))


def _asked(clause: str) -> list[str]:
    """The words of the question in the last sentence: after its last comma when a question
    opens there ("That sounds interesting, what do the pipelines feed into"), else all."""
    after = _WORD.findall(clause.rsplit(",", 1)[-1])
    return after if after and after[0] in ASKING else _WORD.findall(clause)


def _whole_question(sentence: list[str], *, licensed: bool) -> bool:
    """A question that Whisper closed with "?" and whose last word its own opening strands:
    a wh-word that is the object ("Who would you suggest I talk to?", "What are you working
    on?") or a yes/no question with a clause that strands it ("Is there anyone else I should
    talk to?"). Stopped before its object, a yes/no question strands nothing ("Do you work
    with?"), nor does a clause that opens with a wh-word ("What I need is?"): those stay
    unsure."""
    if sentence[0] in WH_OBJECTS:
        # A question inverts ("What is it about?"); "What I need is?" opens a clause instead.
        return sentence[1] not in PRONOUNS | CLAUSE_SUBJECTS and sentence[-2] not in WH_OBJECTS
    return sentence[0] in AUXILIARIES and licensed and sentence[-2] not in SUBJECTS


def _cleft_subject(sentence: list[str]) -> bool:
    """The sentence opens with a clause that is its subject and ends on the copula: a wh-word
    ("What I need is", "Where I struggle is") or a head noun ("The thing I liked about it was",
    "All I want is"), with a subject and a verb between (four words at least)."""
    if len(sentence) < 4:
        return False
    if sentence[0] in STRANDING:
        return True
    head = sentence[1] if sentence[0] in ("the", "one", "a") else sentence[0]
    return head in HEADS or sentence[0] == "all"
