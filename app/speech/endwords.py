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


#: Words a question may open with before its wh-word or auxiliary ("So what drew you to this?",
#: "And who else should I talk to?").
QUESTION_LEAD = _words("and so but then well okay ok oh also um uh actually")
#: The wh-words; a contraction is the word and its auxiliary ("what's" = "what is", "who'd" =
#: "who would").
WH_WORDS = _words("what who whom which whose where when why how")
_CONTRACTED_AUX = {"s": "is", "re": "are", "d": "would", "ll": "will", "ve": "have"}
#: Auxiliaries and modals, negated too: right after a wh-word the question's inversion ("what
#: does", "why don't") or a wh-subject's own verb ("who would", "who's hiring").
QUESTION_AUX = AUXILIARIES | _words(
    """isn't aren't wasn't weren't don't doesn't didn't can't couldn't won't wouldn't shouldn't
    haven't hasn't hadn't"""
)
#: A subject right after an auxiliary: its inversion ("is it", "don't you", "was there").
INVERTED_SUBJECTS = PRONOUNS | _words("there")
#: Forms of "be" that a pseudo-cleft's subject clause ends on ("What I need is", "What really
#: matters is the people").
BE_FORMS = COPULAS | _words("isn't aren't wasn't weren't")
#: Words that open a clause's subject. Right after a wh-word the wh-word opens a subordinate
#: clause ("When I was there"), a free relative ("How I got here", "What the team does") or an
#: exclamative ("What a great team"), not a question: a question puts an auxiliary there.
CLAUSE_OPENING = CLAUSE_SUBJECTS | _words(
    """he she it he's she's it's there there's i'll you'll we'll they'll the a an my your our
    their his her its this that these those some every each no"""
)
#: A subject that a wh-word's clause has before any auxiliary: "What kind of team I want",
#: "What time we start", and "me"/"us" after its verb: "What drew me in" is the speaker's own
#: story going on ("... was the people"). "you" and "it" are objects as often ("What drew you
#: to this?", "What makes it fun?").
OWN_SUBJECTS = CLAUSE_SUBJECTS - _words("you you're you've you'd to") | _words(
    "he she he's she's me us myself"
)
#: Verbs a pseudo-cleft's wh-clause has before its "is" when the scan finds no subject: past
#: tenses without -ed ("What drew me in was"), besides any -s, -ed or -ly word and any auxiliary.
IRREGULAR_PAST = _words(
    """drew got made brought struck stood kept took caught led won gave came went felt thought
    found sold stuck told taught meant grew began"""
)
#: Words after "how" that ask a degree ("How long have you been here?") or an amount with a
#: noun ("How many people are on the team?").
HOW_AMOUNT = _words("many much few")
#: Set phrases opening with a wh-word that state ("Who knows, maybe next year?", "What with
#: the move, it was a lot?"); "what about", "how about", "what if", "how come" ask without an
#: auxiliary ("What about you?", "How come you left?").
WH_STATEMENTS = frozenset({("who", "knows"), ("who", "cares"), ("why", "not"), ("what", "with")})
WH_ASKING = frozenset({("what", "about"), ("how", "about"), ("what", "if"), ("how", "come")})
#: "What's more," and its kind before a comma: an aside opening a statement.
_ASIDES = _words("more worse better")


def asks(text: str) -> bool:
    """Whether ``text`` (the answer so far) ends on a whole question: Whisper closed its last
    sentence with "?" and the question asks by its word order (after the last comma when a
    question opens there: "Not yet, who would you suggest I talk to?"; after "and", "so"...):

    * a yes/no question, an auxiliary opening it ("Do you work with the data team?", "Isn't
      that the data team?"), three words at least;
    * a tag after a clause and its comma ("That's the data team, isn't it?");
    * a wh-question: the wh-word, or its phrase ("what kind of team", "which tools", "how
      long"), then an auxiliary ("What does a typical week look like?", "Who would I be working
      with?", "How's the team organised?", "Which tools do you use?"), or "what"/"who" as the
      subject of its verb ("What drew you to this?", "Who runs the team?"); see
      :func:`_wh_question`.

    A question hands the turn over: the speaker rarely pauses after one and goes on, as after
    "Not yet," or "Thank you," (app.speech.factory.QUESTION_WAIT_MS). A statement with a
    question mark is not one here: its words are a sentence that may go on, and a rising voice
    on a statement is just where speakers go on. So "You're based in Chicago?", and a statement
    that opens with a wh-word: a subordinate clause ("When I was there, it was great?"), a free
    relative or pseudo-cleft ("How I got here is a long story?", "What really matters is the
    people?"), a comment clause ("Which brings me to the team?"), an exclamative ("What a great
    team?"). When in doubt it says no: a question read as a statement waits as every finished
    sentence does, a statement read as a question may cut the speaker off.

    framing.patterns has its own rules for questions by word order (``SENTENCE_QUESTION``,
    ``PSEUDO_CLEFT``), but for text with no question mark, where they find questions a
    recognizer left unmarked; here the "?" is given and the words must refuse it. And this
    runs in the microphone's path, whose modules import cheaply (importing app.framing compiles
    all its patterns: most of a second)."""
    stripped = text.strip().lower().replace("\u2019", "'")
    if not stripped.endswith("?"):
        return False
    clause = _SENTENCE.split(stripped.rstrip(".?! "))[-1]
    pieces = [_WORD.findall(piece) for piece in clause.split(",")]
    for k in range(len(pieces) - 1, -1, -1):  # the question opens after the last comma that
        words = [w for piece in pieces[k:] for w in piece]  # opens one, or before it
        while words and words[0] in QUESTION_LEAD:
            words = words[1:]
        if not words:
            continue
        if words[0] in QUESTION_AUX:
            if len(words) == 2 and k > 0 and len(pieces[k - 1]) >= 2:
                return words[1] in INVERTED_SUBJECTS  # a tag: "..., isn't it?"
            return len(words) >= 3 and _subject_inverted(words)
        expanded = _expand_wh(words)
        if expanded[0] in WH_WORDS:
            aside = k < len(pieces) - 1  # a comma follows its first words ("What's more,")
            opener = itertools.dropwhile(QUESTION_LEAD.__contains__, pieces[k] if aside else [])
            return len(words) >= 3 and _wh_question(expanded, opener=list(opener))
    return False


#: Subjects that are nothing else right after an auxiliary: "Did you", "Is anyone", "Can we".
SUBJECT_WORDS = _words(
    """i you we they he she anyone anybody someone somebody everyone everybody nobody
    something anything everything"""
)
#: Subjects that may as well be the object of a dropped subject's verb ("Did it for years",
#: "Did that again", "Have those at home") after "do" or "have".
DEMONSTRATIVES = _words("it that this these those")
#: Determiners: a noun phrase, the subject of a question ("Does the team hire juniors?") or the
#: object of a verb whose subject was dropped ("Do a bit of everything really?").
DETERMINERS = _words(
    """the a an my your our their his her its some any no every each all both another other
    most many much several few lots plenty"""
)
#: Forms of "be" and of "do" and "have" as auxiliaries; any other is a modal.
BE_AUX = _words("is are was were am isn't aren't wasn't weren't")
#: Words that open what follows a verb, never a subject: prepositions, adverbs of time and
#: place, object pronouns, numbers and conjunctions ("Did marketing | for five years",
#: "Did it | again", "Was | in retail").
NOT_SUBJECT = (
    _words(
        """to of in on at for with from about into onto by through without within between across
    during toward towards around via per like as after before since until over under behind
    near along among again once twice too already yet ago now then today lately anymore
    there so and or but it me them him us myself ourselves himself herself themselves
    next soon back away off out up down home abroad"""
    )
    | DETERMINERS
)
#: Adverbs said between a subject and its verb ("Does it usually start in spring?") or after
#: an auxiliary whose subject was dropped ("Was pretty happy there", "Have always liked it").
ADVERBS = _words(
    """really usually always never ever often sometimes still just actually mostly mainly
    pretty quite very also even only already probably definitely certainly generally"""
)
#: Verbs a dropped subject's verb phrase opens with after an auxiliary, participles among them:
#: "Have been doing it a while?", "Could do it again?", "Would love to?", "Had to learn it".
VERB_PHRASE_OPENINGS = _words(
    """be been being do done have had get got gotten go gone make made take taken start love
    like need want try learn help seen known grown given written left found heard kept taught
    brought thought told met run begun become come put set built sent spent felt led won worn
    chosen driven shown"""
)


def _subject_inverted(words: list[str]) -> bool:
    """A subject right after the auxiliary ``words[0]`` (and its "not"): a yes/no question
    ("Did you enjoy it?", "Was it hard?", "Does the team hire juniors?", "Could Maria help?").
    Not when a verb phrase or a complement follows the auxiliary instead, its subject dropped:
    the speaker's own statement, said with a rising voice ("Did marketing for five years?",
    "Was in retail before that?", "Have been doing it a while?", "Do a bit of everything
    really?", "Didn't enjoy it much?", "Could do it again?"). A noun right after the auxiliary
    is its subject when a verb (a word that opens no adjunct, :data:`NOT_SUBJECT`) follows the
    noun ("Do new analysts get mentoring?"), not when an adjunct or nothing does ("Did retail
    for a while?", "Did my degree in Leeds?"). In doubt it says no (a question read as a
    statement waits as every finished sentence does)."""
    aux = words[0]
    rest = words[1:]
    if rest[:1] == ["not"]:
        rest = rest[1:]
    if not rest:
        return False
    first = rest[0]
    if first in SUBJECT_WORDS:
        return True
    if first == "there":  # "Is there anyone", not "Was there for five years"
        return rest[1:2] != [] and rest[1] not in NOT_SUBJECT - DETERMINERS
    be = aux in BE_AUX
    modal = not be and aux not in AUXILIARIES | _words("don't doesn't didn't haven't hasn't hadn't")
    if first in DEMONSTRATIVES:
        if be or modal:
            return True  # "Was it hard?", "Would that work?"
        return _verb_follows(rest, 1)  # "Does it usually start", not "Did it for years"
    if first in ADVERBS or first.endswith("ly") or first in VERB_PHRASE_OPENINGS:
        return False  # "Was pretty happy", "Have been doing", "Would love to"
    if first in NOT_SUBJECT - DETERMINERS or first.isdigit() or first.endswith("ed"):
        return False  # "Was in retail", "Was hired as"
    if be and first.endswith("ing"):
        return False  # "Was working as a nurse"
    if first in DETERMINERS:
        if be or modal:
            return True  # "Is the team remote?", "Could the team use..."
        k = 1
        while k < len(rest) and rest[k] in DETERMINERS:
            k += 1  # "a few", "a lot", "all the"
        return _verb_follows(rest, k + 1)  # "Does the team hire", not "Do a bit of", "Did a
        # few contracts in"; nor can it tell "Does the new team work in Leeds?" from "Did some
        # freelance work in Leeds?" (a noun or a verb): it asks
    return _verb_follows(rest, 1)  # "Do new analysts get", not "Did marketing for"


def _verb_follows(words: list[str], k: int) -> bool:
    """A word that may be a verb at ``k`` (after any adverbs): not an adjunct's opening, an
    object pronoun, a number, nor the clause's end."""
    while k < len(words) and (words[k] in ADVERBS or words[k].endswith("ly")):
        k += 1
    return k < len(words) and words[k] not in NOT_SUBJECT and not words[k].isdigit()


def _expand_wh(words: list[str]) -> list[str]:
    """A contracted wh-word as the word and its auxiliary: "what's" -> "what", "is"."""
    wh, _, rest = words[0].partition("'")
    if wh in WH_WORDS and rest in _CONTRACTED_AUX:
        return [wh, _CONTRACTED_AUX[rest], *words[1:]]
    return words


def _wh_question(words: list[str], *, opener: list[str]) -> bool:
    """Whether ``words``, opening with a wh-word, are a question by their order: after the
    wh-word (with "else", "kind of", or "how" and its degree word) an auxiliary comes, or the
    wh-word's noun and then one ("Which tools do you use?", "How many people are on the
    team?"), or "what"/"who" is its verb's subject ("What drew you to this?"). Not when a
    clause's subject follows it ("When I was there", "How I got here", "What the team does"),
    "which" a verb ("Which brings me to", "which is why"), "what" "a" ("What a great team"),
    nor when the wh-clause ends on "is" and its complement follows ("What really matters is
    the people", "What is interesting is"): a pseudo-cleft. ``opener``: the words up to the
    first comma ("What's more, ...")."""
    wh = words[0]
    second = words[1] if len(words) > 1 else ""
    if (wh, second) in WH_STATEMENTS:
        return False
    if (wh, second) in WH_ASKING:
        return True
    if wh == "what" and second in ("a", "an"):
        return False  # an exclamative: "What a great team?"
    if opener[:1] in (["what"], ["what's"]) and len(opener) <= 3 and opener[-1] in _ASIDES:
        return False  # "What's more, the team is great?"
    i = 1
    if second == "else":
        i = 2  # "Who else should I talk to?"
    elif wh == "what" and second in ("kind", "sort", "type", "kinds", "sorts", "types"):
        i = 3 if words[2:3] == ["of"] else 2  # "What kind of projects do you work on?"
    elif wh == "how" and second and second not in QUESTION_AUX | CLAUSE_OPENING:
        i = 2  # a degree: "How long have you been here?", "How great it was"
    if i >= len(words) or words[i] in CLAUSE_OPENING:
        return False
    if words[i] in QUESTION_AUX:  # "what does", "who would", "how long have"
        if wh == "which":  # "Which would you recommend?"; "which is why", "which was great"
            return words[i + 1 : i + 2] != [] and words[i + 1] in INVERTED_SUBJECTS
        return not (wh in ("what", "who") and _pseudo_cleft(words, i + 1))
    if wh in ("which", "whose") or (wh == "how" and second in HOW_AMOUNT) or i == 3:
        j = _noun_end(words, i)  # "Which tools do", "What kind of team are"; "which brings me"
        head = i + (words[i] != "of")  # the noun, not "of": "how many of the teams"
        return j is not None and _asks_at(words, j, clause=words[head:j])
    if wh not in ("what", "who"):
        return False  # "When starting out", "Why not"
    for j in range(i, len(words)):  # "what"/"who" its verb's subject, or its noun's
        if words[j] in OWN_SUBJECTS:
            return False  # "What time we start", "What drew me in"
        if words[j] in QUESTION_AUX:  # "What team is hiring?", "What tools do you use?"
            return _asks_at(words, j, clause=words[i:j])
    return True  # "What drew you to this?", "Who runs the team?"


def _noun_end(words: list[str], i: int) -> int | None:
    """Where the auxiliary after the wh-word's noun is (a few words, "of the" in them): "which
    tools do", "whose idea was", "how many people are". None when a pronoun or an article comes
    first: the word after the wh-word was a verb ("which brings me", "which means the")."""
    j = i
    while j < min(len(words), i + 5):
        if words[j] in QUESTION_AUX:
            return j if j > i else None
        if words[j] == "of":
            j += 2 if words[j + 1 : j + 2] and words[j + 1] in CLAUSE_OPENING else 1
            continue
        if words[j] in CLAUSE_OPENING or words[j] in PRONOUNS:
            return None
        j += 1
    return None


def _asks_at(words: list[str], j: int, *, clause: list[str]) -> bool:
    """The auxiliary at ``j``, after the wh-word's noun or verb: a question when a subject
    follows it ("What tools do you use?") or it is the noun's own verb ("Which team is
    hiring?"); not when the wh-word's clause (``clause``: its words before ``j`` that may be
    verbs) ends on it and is the subject of an "is" ("What really matters is the people",
    "What Maria does is analytics", "Which team Maria joined is a mystery")."""
    if _subject_after(words, j):
        return True
    if words[j] in BE_FORMS:
        return not _has_verb(clause)
    return not _pseudo_cleft(words, j + 1)


def _pseudo_cleft(words: list[str], start: int) -> bool:
    """After "what is"/"who would"..., a later "is" with no subject between and none after it:
    the wh-clause was the subject ("What is interesting is the people", "What would help is
    more mentoring"); "What do you think is the best way?" has a subject between."""
    for j in range(start, len(words)):
        if words[j] in CLAUSE_OPENING:
            return False
        if words[j] in BE_FORMS:
            return not _subject_after(words, j)
    return False


def _subject_after(words: list[str], j: int) -> bool:
    """A subject right after the auxiliary at ``j``: an inversion ("is it", "was there")."""
    return words[j + 1 : j + 2] != [] and words[j + 1] in INVERTED_SUBJECTS


def _has_verb(clause: list[str]) -> bool:
    """A verb among a wh-clause's words (:func:`_verb_like`), the noun of an "of" phrase aside
    ("which kinds of roles are", "how many of the teams are")."""
    for k, word in enumerate(clause):
        before = clause[max(0, k - 2) : k]
        if before[-1:] == ["of"] or (before[:1] == ["of"] and before[-1] in CLAUSE_OPENING):
            continue
        if _verb_like(word):
            return True
    return False


def _verb_like(word: str) -> bool:
    """A verb or adverb in a wh-clause before its "is" ("matters", "excited", "really", "drew",
    "does"); nouns in -s too, so a plural's question may read as a statement (the safe side)."""
    return (
        word in QUESTION_AUX
        or word in IRREGULAR_PAST
        or word.endswith(("ed", "ly"))
        or (word.endswith("s") and not word.endswith("ss"))
    )


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
