"""Finding cues in one turn's text: which words say what, and where.

Only the first `MAX_ANALYZED_CHARS` characters of a turn are searched, so a pasted novel costs
no more than a long answer; spans still index into the full text because they index its prefix.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from typing import Final

from app.framing import patterns as p
from app.framing.model import CueMatch
from app.framing.vocabulary import CUES, HEDGES, STRONG_CUES, Speaker

_MAX_QUESTION_CHARS = 120  # a question's span stops here if no punctuation ends it sooner
_GAP_BOUNDARY = re.compile(r"[.,;:!?\n\u2014\u2013-]")
_LAST_WORD = re.compile(r"([^\W_]+(?:['’][^\W_]+)*)([\W_]*)$")
_DETERMINERS = frozenset(["the", "a", "an", "your", "those", "these", "any"])
_COPULAS = frozenset(
    ["is", "was", "are", "were", "isn't", "wasn't", "aren't", "weren't", "isnt", "wasnt"]
)
_HAS_VERB = re.compile(
    rf"^(?:what|how|who|where|when|why|which){p.A}(?:s|re|d|ll)$|\s{p.AUX}$", re.IGNORECASE
)
_VERB_REACH = 30  # characters after a verbless wh-phrase in which its verb may come
_SAME_QUESTION = 2  # an opener starting this close after another continues it
# where a sentence ends: "?", ";", a line break, an ellipsis (trailing off), or "."/"!"
_SENTENCE_CLOSE = re.compile(r"\.{2,}|…|[?;\n]|[.!](?!\w)")
_LEAD_IN_WORDS = 6  # words of a lead-in before a comma and the question it leads into
_LEAD_IN_START = re.compile(r"[.?!;:\n,]")  # where a lead-in may begin (after this)
_RUN_ON_WORDS = 100  # words with no sentence end after which a stretch may be word salad
_SALAD_DISTINCT = 0.4  # word salad: fewer distinct words than this share of its first 100
_SALAD_REPEATS = 4  # or this many words repeated back to back ("and and", "I I")
_ROLE_REACH = 12  # words after a role deed (`_claims_role`) that may name its work
_DANGLING = re.compile(r"(?<=[\s,])(?:and|or|but|so)$", re.IGNORECASE)


def _lexicon(speaker: Speaker) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(cue name, pattern) for every always-searched pattern of `speaker`'s cues."""
    return tuple((c.name, rx) for c in CUES if c.speaker == speaker for rx in c.patterns)


_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ers", "er", "ed", "es", "s", "e")

_SEEKER_LEXICON: Final = _lexicon("seeker")
_MANAGER_LEXICON: Final = _lexicon("manager")


def analyzed_part(text: str) -> str:
    """The prefix of a turn that cue search looks at."""
    return text[: p.MAX_ANALYZED_CHARS]


def _word_before(text: str, pos: int) -> tuple[str | None, bool]:
    """The word before `pos` (lower case) and whether punctuation separates it from `pos`."""
    found = _LAST_WORD.search(text, max(0, pos - 40), pos)
    if found is None:
        return None, True
    word = found.group(1).lower().replace("’", "'")
    return word, _GAP_BOUNDARY.search(found.group(2)) is not None


def _starts_clause(text: str, pos: int, blockers: frozenset[str], strict: bool) -> bool:
    """Whether a question opener at `pos` begins a clause rather than sits inside a statement."""
    word, boundary = _word_before(text, pos)
    if word is None or boundary or word in p.CLAUSE_OPENERS:
        return True
    return not strict and word not in blockers


def _openers(text: str) -> list[tuple[int, int, int]]:
    """(start, end, reach) of each candidate question opener, before merging."""
    found: list[tuple[int, int, int]] = []
    for match in p.WH_QUESTION.finditer(text):
        if p.RELATIVE_WHICH.match(text, match.start()):
            continue
        if _starts_clause(text, match.start(), p.WH_BLOCKERS, strict=False) and not (
            p.WH_SUBJECT_VERB.fullmatch(match.group()) and _pseudo_cleft(text, match)
        ):
            reach = _SAME_QUESTION if _HAS_VERB.search(match.group()) else _VERB_REACH
            found.append((match.start(), match.end(), reach))
    for match in p.YES_NO_QUESTION.finditer(text):
        words = match.group().lower().split()
        copula_det = words[0].replace("’", "'") in _COPULAS and words[-1] in _DETERMINERS
        if words[-1] in ("a", "an") and copula_det and _subject_drop_copula(text, match):
            continue
        if _starts_clause(text, match.start(), p.YES_NO_BLOCKERS, strict=copula_det):
            found.append((match.start(), match.end(), _SAME_QUESTION))
    sympathy = [m.span() for m in p.TELL_ME_ABOUT_IT.finditer(text)]
    found.extend(
        (m.start(), m.end(), _SAME_QUESTION)
        for m in p.INDIRECT_QUESTION.finditer(text)
        if not any(s <= m.start() < e for s, e in sympathy)
    )
    for match in p.SENTENCE_QUESTION.finditer(text):
        if (
            _opens_sentence(text, match.start())
            and not _pseudo_cleft(text, match)
            and not _closed_as_statement(text, match.start())
        ):
            found.append((match.start(), match.end(), _SAME_QUESTION))
    runs = _word_salad(text)
    return sorted(f for f in found if not any(s <= f[0] < e for s, e in runs))


def _word_salad(text: str) -> list[tuple[int, int]]:
    """Stretches of `_RUN_ON_WORDS` words or more with no sentence end, not closed by "?", that
    read as a pasted heap of words rather than speech: few distinct words or words repeated
    back to back in their first `_RUN_ON_WORDS` ("... and I have I at and and ..."). No
    word-order question is read inside one. A long unpunctuated spoken answer (the recognizer's
    run-on) keeps its questions: its words vary (distinct share 0.6 or more in the corpus)."""
    runs: list[tuple[int, int]] = []
    begin = 0
    for stop in (*_SENTENCE_CLOSE.finditer(text), None):
        end = len(text) if stop is None else stop.start()
        asked = stop is not None and stop.group() == "?"
        words = [] if asked else p.WORD.findall(text, begin, end)
        if len(words) >= _RUN_ON_WORDS:
            head = [w.lower() for w in words[:_RUN_ON_WORDS]]
            repeats = sum(a == b for a, b in itertools.pairwise(head))
            if len(set(head)) < _SALAD_DISTINCT * len(head) or repeats >= _SALAD_REPEATS:
                runs.append((begin, end))
        begin = len(text) if stop is None else stop.end()
    return runs


def _closed_as_statement(text: str, pos: int) -> bool:
    """Whether the sentence at `pos` ends with a "." or "!" (not "..." or a decimal point): its
    writer or recognizer made it a statement, so no question mark-less question is read in it."""
    stop = _SENTENCE_CLOSE.search(text, pos)
    return stop is not None and stop.group() in (".", "!")


def _subject_drop_copula(text: str, match: re.Match[str]) -> bool:
    """ "was a long day", "is a nightmare": a copula and "a/an" with nothing after it that a
    question asks about ("is a degree required", "is a car necessary")."""
    stop = _SENTENCE_CLOSE.search(text, match.end())
    if stop is not None and stop.group() == "?":
        return False
    end = stop.start() if stop is not None else len(text)
    return p.COPULA_ASKS.search(text, match.end(), end) is None


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether only sentence leads ("so", "ok um", "yeah") stand between `pos` and the start of
    its sentence, or a short lead-in closed by a comma ("Interesting, what makes a good
    researcher", "Honestly I don't know yet, how big is the team")."""
    if _after_lead_in(text, pos):
        return True
    for _ in range(4):
        before = text[:pos].rstrip(" \t,")
        if not before or before[-1] in ".?!;:\n":
            return True
        word = _LAST_WORD.search(before, max(0, len(before) - 40))
        if word is None or word.group(1).lower() not in p.SENTENCE_LEAD:
            return False
        pos = word.start()
    return False


def _after_lead_in(text: str, pos: int) -> bool:
    """Whether `pos` follows a comma closing a lead-in of at most `_LEAD_IN_WORDS` words that
    opens its sentence."""
    before = text[:pos].rstrip(" \t")
    if not before.endswith(","):
        return False
    head = before[:-1]
    reach = max(0, len(head) - 80)
    begin = max((m.end() for m in _LEAD_IN_START.finditer(head, reach)), default=None)
    if begin is None and reach > 0:
        return False
    return 0 < len(p.WORD.findall(head, begin or 0)) <= _LEAD_IN_WORDS


def _pseudo_cleft(text: str, match: re.Match[str]) -> bool:
    """A "what/which" clause that is the subject of a copula later in its sentence."""
    if match.group().split()[0].lower() not in ("what", "which"):
        return False
    stop = p.SENTENCE_END.search(text, match.end(), match.end() + _MAX_QUESTION_CHARS)
    end = stop.start() if stop else min(len(text), match.end() + _MAX_QUESTION_CHARS)
    return p.PSEUDO_CLEFT.search(text, match.end() - 1, end) is not None


def _opener_starts(text: str) -> list[int]:
    """Where questions start. An opener inside or right after another one belongs to it:
    "which part | do you", "can you | tell me more", and, after a wh-phrase still waiting for
    its verb, "how big | is it"."""
    starts: list[int] = []
    covered_until = -1
    for start, end, reach in _openers(text):
        if start < covered_until:
            continue
        starts.append(start)
        covered_until = end + reach
    return starts


def _trimmed_end(text: str, start: int, end: int) -> int:
    """`end` moved back over trailing spaces, commas and a dangling "and"/"or"/"but"/"so"."""
    while True:
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
            end -= 1
        dangling = _DANGLING.search(text, start, end)
        if dangling is None:
            return end
        end = dangling.start()


def find_questions(text: str) -> list[tuple[int, int]]:
    """Spans of the questions in `text`, found from word order as well as from question marks.

    Only `analyzed_part(text)` is searched, whoever calls, so no input can make it slow."""
    text = analyzed_part(text)
    starts = _opener_starts(text)
    spans: list[tuple[int, int]] = []
    for i, start in enumerate(starts):
        limit = min(len(text), start + _MAX_QUESTION_CHARS)
        if i + 1 < len(starts):
            limit = min(limit, starts[i + 1])
        stop = p.SENTENCE_END.search(text, start, limit)
        end = limit if stop is None else stop.end() if stop.group() == "?" else stop.start()
        if stop is None and limit < len(text) and limit == start + _MAX_QUESTION_CHARS:
            space = text.rfind(" ", start, limit)
            end = space if space > start else limit
        spans.append((start, _trimmed_end(text, start, end)))
    # A question mark with no opener in its sentence ("Yours?", "Really?") is a question too.
    sentence_start = 0
    for stop in p.SENTENCE_END.finditer(text):
        if stop.group() == "?" and not any(sentence_start <= s < stop.start() for s in starts):
            begin = sentence_start
            while begin < stop.start() and not text[begin].isalnum():
                begin += 1
            if begin < stop.start():
                spans.append((begin, stop.end()))
        sentence_start = stop.end()
    return sorted(spans)


def _stem(word: str) -> str:
    word = word.lower().replace("’", "'").split("'")[0]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:6]


def content_stems(text: str) -> frozenset[str]:
    """The stems of a line's content words, for spotting a follow-up on what was just said."""
    return frozenset(
        _stem(w) for w in p.WORD.findall(text) if len(w) >= 4 and w.lower() not in p.STOPWORDS
    )


def _follow_up(
    text: str, questions: list[tuple[int, int]], manager_stems: frozenset[str]
) -> CueMatch | None:
    """Where a questioning turn picks up the manager's last line: an anaphor inside a question
    ("how did that go"), else a content word of that line echoed anywhere in the turn."""
    for start, end in questions:
        anaphor = p.ANAPHORA.search(text[start:end])
        if anaphor is not None:
            return _cue("follow_up_question", text, start + anaphor.start(), start + anaphor.end())
    for word in p.WORD.finditer(text):
        w = word.group()
        if len(w) >= 4 and w.lower() not in p.STOPWORDS and _stem(w) in manager_stems:
            return _cue("follow_up_question", text, word.start(), word.end())
    return None


def _cue(name: str, text: str, start: int, end: int) -> CueMatch:
    return CueMatch(cue=name, text=text[start:end], start=start, end=end)


def _lexicon_cues(
    text: str,
    lexicon: Iterable[tuple[str, re.Pattern[str]]],
    manager_line: str | None = None,
) -> Iterable[CueMatch]:
    for name, pattern in lexicon:
        for match in pattern.finditer(text):
            if name == "pay_question" and (
                _not_own_pay(text, match.start(), match.end(), manager_line)
                or customers_pay(text, match.start(), match.end())
            ):
                continue
            if name in _NEGATABLE and negated(text, match.start(), match.end()):
                continue
            if name == "job_request" and (
                _on_condition(text, match.start())
                or _their_hiring(text, match.start(), match.end())
            ):
                continue
            yield _cue(name, text, match.start(), match.end())


def _their_hiring(text: str, start: int, end: int) -> bool:
    """Whether the request `text[start:end]` lies in a question about how much or how fast they
    hire ("How many people are you hiring?": `patterns.THEIR_HIRING`) whose sentence names no
    seeker (`patterns.SEEKER_IN_IT`: "how many people like me are you hiring"), nor does the
    next sentence put the seeker into it (`patterns.SEEKER_AFTER`: "I'd love to be one.")."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    stop = _SENTENCE_END.search(text, end)
    finish = stop.start() if stop is not None else len(text)
    if stop is not None:
        after = _SENTENCE_END.search(text, stop.end())
        if p.SEEKER_AFTER.search(text, stop.end(), after.start() if after else len(text)):
            return False  # "How many people are you hiring? I'd love to be one."
    return p.SEEKER_IN_IT.search(text, begin, finish) is None and any(
        m.start() <= start and end <= m.end() for m in p.THEIR_HIRING.finditer(text, begin, finish)
    )


def _on_condition(text: str, start: int) -> bool:
    """Whether the sentence before `start` makes a request wait on fit ("If it turns out to be
    a fit, I'd be glad for you to pass my name along then")."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    return p.FIT_CONDITION.search(text, begin, start) is not None


#: Requests that a negator or deferral in their clause withdraws ("I'm not applying", "not
#: ready to apply yet", "I'm not asking you to refer me", "it's not my dream job").
_NEGATABLE: Final = frozenset(("job_request", "commitment"))
_SCOPE_REACH: Final = 80  # characters before a match in which its negator may stand
_PLAIN_NO_WORDS: Final = 10  # words a plain no or "not yet" answer may have


def negated(text: str, start: int, end: int) -> bool:
    """Whether the request `text[start:end]` is negated or deferred in its own clause: a
    negator inside the match ("I'm not applying", "I'm not ready to start") unless the match
    asks ("are you not hiring?"), or a negator before it with only scope words between
    ("I'm not here to [get hired]", "before I'd [apply for the] role")."""
    inside = text[start:end]
    if p.QUESTION_FORM.match(inside) is None and p.NEGATOR.search(inside) is not None:
        return True
    return p.NEGATED_BEFORE.search(text, max(0, start - _SCOPE_REACH), start) is not None


def _deferred(text: str, end: int) -> bool:
    """Whether the sentence going on from `end` puts off what came before ("... first")."""
    return p.DEFERRED_AFTER.match(text, end) is not None


def withdrawn(text: str) -> frozenset[str]:
    """The interview cues a turn withdraws, which the sentence model may not read back in from
    the same words, each withdrawn by what its sentence says: every strong cue where a request
    word is negated or deferred in its clause ("I'm not ready to apply yet"); a request cue
    whose match is negated, or a sentence that puts off deciding ("Could I talk to her
    first?"); a job request when "the open role" is the topic of a question about its content
    ("what would the person in the open role do?"). The other sentences stay the model's to
    read (`kept_sentences`)."""
    return frozenset().union(*(names for _, names in _withdrawn_by_sentence(analyzed_part(text))))


def kept_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of `analyzed_part(text)` that withdraw nothing: what the model may
    still read a request from when another sentence negates or defers one."""
    text = analyzed_part(text)
    return [
        (s, e) for (s, e), names in _withdrawn_by_sentence(text) if text[s:e].strip() and not names
    ]


def _withdrawn_by_sentence(text: str) -> list[tuple[tuple[int, int], set[str]]]:
    """Each sentence of `text` with the cues it withdraws, the turn's questions found once."""
    questions = find_questions(text)
    return [
        ((s, e), _withdrawn_in(text, s, e, [(a, b) for a, b in questions if s <= a < e]))
        for s, e in _sentences(text)
    ]


def _sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of `text`, each ending after its closing punctuation."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for mark in _SENTENCE_END.finditer(text):
        spans.append((begin, mark.end()))
        begin = mark.end()
    if begin < len(text) or not spans:
        spans.append((begin, len(text)))
    return spans


_SENTENCE_END: Final = re.compile(r"[.?!;\n]+")
_MONEY_CLAUSE_END: Final = re.compile(r"[.?!;,\n]+|\s(?:and|but|or|plus)\s", re.IGNORECASE)


def _withdrawn_in(text: str, s: int, e: int, questions: list[tuple[int, int]]) -> set[str]:
    """The cues withdrawn by what the sentence `text[s:e]` says (`questions`: those in it)."""
    sentence = text[:e]
    if any(negated(sentence, m.start(), m.end()) for m in p.REQUEST_WORD.finditer(sentence, s)):
        return set(STRONG_CUES)
    names: set[str] = set()
    if p.DEFERRED_AFTER.search(text, s, e) is not None:
        names.update(_NEGATABLE)
    if any(
        _role_as_topic_at(text, m.start(), questions) for m in p.DEFINITE_ROLE.finditer(text, s, e)
    ):
        names.add("job_request")
    if any(_retracted(text, m.start()) for m in p.PAY_QUESTION.finditer(sentence, s)):
        names.add("pay_question")
    for name, pattern in (*_SEEKER_LEXICON, ("commitment", p.DECLARED_INTEREST)):
        if name not in _NEGATABLE:
            continue
        for match in pattern.finditer(sentence, s):
            cue = _cue(name, text, match.start(), match.end())
            if negated(text, cue.start, cue.end):
                names.add(name)
    return names


def _role_as_topic(cue: CueMatch, text: str, questions: list[tuple[int, int]]) -> bool:
    """Whether a job-request match is "the open role" as the topic of a question about it."""
    return (
        cue.cue == "job_request"
        and p.DEFINITE_ROLE.match(cue.text) is not None
        and _role_as_topic_at(text, cue.start, questions)
    )


def _role_as_topic_at(text: str, pos: int, questions: list[tuple[int, int]]) -> bool:
    """Whether "the open role" at `pos` stands in a question about its content ("what would
    the person in the open role do?"), not one asking for it ("is the opening still open?")."""
    for start, end in questions:
        if start <= pos < end:
            question = text[start:end]
            return (
                p.ROLE_CONTENT_QUESTION.search(question) is not None
                and p.ROLE_ASKED_FOR.search(question) is None
            )
    return False


def _not_own_pay(text: str, start: int, end: int, manager_line: str | None) -> bool:
    """Whether the pay span `text[start:end]` is no question about the seeker's own pay: the
    clause declines it (`_declines`) or it is the other person's own move (`_their_move`). One
    check for the pay words (`_lexicon_cues`) and the figure asked without them
    (`_figure_asked`, which also applies the pay words' own `patterns.FOR_OTHERS`; review 15
    R7)."""
    return (
        _declines(text, start, end)
        or _their_move(text, start, end, manager_line)
        or _someone_elses_money(text, start)
    )


def _someone_elses_money(text: str, start: int) -> bool:
    """Whether the clause around the pay word at `start` is about someone else's money
    (`patterns.OTHERS_MONEY`: a friend's pay, the manager's past income, fees, rent, who covers
    the training, clients paying, a funder's cuts) and names neither the seeker nor the role
    (`patterns.SEEKERS_MONEY`; session 16 B)."""
    begin = max((m.end() for m in _MONEY_CLAUSE_END.finditer(text, 0, start)), default=0)
    stop = _MONEY_CLAUSE_END.search(text, start)
    clause = text[begin : stop.start() if stop else len(text)]
    if p.OTHERS_MONEY.search(clause) is not None:
        return p.SEEKERS_MONEY.search(clause) is None
    # "my mate went into consulting and apparently the starting money is mad" (session 17): a
    # statement about money whose owner an earlier clause of its sentence named; a question
    # of its own ("My friend works here, and what would the pay be?") asks the role's
    if p.WH_QUESTION.match(clause.strip()) or p.YES_NO_QUESTION.match(clause.strip()):
        return False
    s_begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    s_stop = _SENTENCE_END.search(text, start)
    sentence = text[s_begin : s_stop.start() if s_stop else len(text)]
    return (
        p.OTHERS_MONEY.search(text, s_begin, begin) is not None
        and p.SEEKERS_MONEY.search(sentence) is None
    )


def others_money_spans(text: str, manager_line: str | None) -> list[tuple[int, int]]:
    """The sentences of `text` that talk of money (`patterns.MONEY_TALK`) as someone else's
    (session 17): a sentence naming whose it is (`patterns.OTHER_OWNER`: "you", "they", "a
    mate", "the course", "the exam", "the council funding") and neither the seeker nor the role
    (`patterns.SEEKERS_MONEY`: "I", "my", "someone coming into the role", "a new starter", "the
    warehouse lead position"; nor the staff, `patterns.STAFF_MONEY`: "or do we"), or whose pay
    words the rules read as someone else's (`not_own_money`). The sentence model may not read a
    pay question, or any interview, from them (`learned.hybrid`): "do they get any help with
    the fees", "Is the course expensive?", "is your company covering the fees or are you
    funding it yourself"."""
    text = analyzed_part(text)
    spans = []
    for s, e in _money_pieces(text):
        sentence = text[s:e]
        money = list(p.MONEY_TALK.finditer(sentence))
        if not money or p.SEEKERS_MONEY.search(sentence) or p.STAFF_MONEY.search(sentence):
            continue
        if p.OTHER_OWNER.search(sentence) is not None or all(
            not_own_money(text, s + m.start(), s + m.end(), manager_line) for m in money
        ):
            spans.append((s, e))
    return spans


#: A clause of one's own past opening without punctuation ("was the course pricey [i nearly
#: signed up myself]"): its "I" is no recipient of the money before it (session 17, round 3).
_NEW_I_CLAUSE: Final = re.compile(
    r"\s(?=i\s+(?:(?:nearly|almost|just|once|always|never|really|actually|also|even)\s+)?"
    r"(?:[a-z]+ed|was|did|had|went|thought|got|saw|heard|knew|felt)(?![\w'’]))",
    re.IGNORECASE,
)


def _money_pieces(text: str) -> list[tuple[int, int]]:
    """The sentences of `text`, each split where a clause of one's own past opens without
    punctuation (`_NEW_I_CLAUSE`), for `others_money_spans`."""
    pieces = []
    for s, e in _sentences(text):
        begin = s
        for m in _NEW_I_CLAUSE.finditer(text, s, e):
            pieces.append((begin, m.start()))
            begin = m.end()
        pieces.append((begin, e))
    return pieces


def not_own_money(text: str, start: int, end: int, manager_line: str | None) -> bool:
    """Whether the pay-like words `text[start:end]` are money the rules read as someone else's
    (`_not_own_pay`, `customers_pay`, `patterns.FOR_OTHERS` after them): the sentence model may
    not read a pay question into them either (`learned._pay_words`, session 16 B)."""
    return (
        _not_own_pay(text, start, end, manager_line)
        or customers_pay(text, start, end)
        or p.FOR_OTHERS.match(text, end) is not None
    )


def _their_move(text: str, start: int, end: int, manager_line: str | None = None) -> bool:
    """Whether the pay word `text[start:end]` names the other person's own pay change ("was that
    a big pay cut at first?", "did you take a pay cut when you switched?": `patterns.THEIR_MOVE`),
    or asks whether their move was worth it money-wise after a line telling of it
    (`patterns.WORTH_IT_MONEY` after `patterns.THEIR_MOVE_LINE`: "I moved from consulting to
    here." "Was it worth it money-wise?"; review 15 R7), not the position's pay."""
    window = max(0, start - 60), min(len(text), end + 40)
    moves = list(p.THEIR_MOVE.finditer(text, *window))
    if manager_line is not None and p.THEIR_MOVE_LINE.search(analyzed_part(manager_line)):
        moves.extend(p.WORTH_IT_MONEY.finditer(text, *window))
        begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
        stop = _SENTENCE_END.search(text, end)
        sentence = begin, stop.start() if stop else len(text)
        if p.THEIR_PAY_ASKED.search(text, *sentence) and not p.SEEKERS_MONEY.search(
            text, *sentence
        ):
            return True  # "Was the money better in consulting?" (session 16 B)
    return any(m.start() <= start and end <= m.end() for m in moves)


def customers_pay(text: str, start: int, end: int) -> bool:
    """Whether the pay word `text[start:end]` is the business's customers paying ("do people
    actually pay that", "what do clients pay": `patterns.CUSTOMERS_PAY`), not the seeker's pay."""
    return any(
        m.start() <= start and end <= m.end()
        for m in p.CUSTOMERS_PAY.finditer(text, max(0, start - 80), min(len(text), end + 30))
    )


def customers_pay_sentence(text: str, start: int) -> bool:
    """Whether the sentence around `start` names the business's customers paying or a price
    (`patterns.CUSTOMERS_PAY`: "how much does a subscription cost the customer per year"): its
    pay-like words are no pay of the seeker's."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    stop = _SENTENCE_END.search(text, start)
    return p.CUSTOMERS_PAY.search(text, begin, stop.start() if stop else len(text)) is not None


def _retracted(text: str, start: int) -> bool:
    """Whether the clause takes back the pay question at `start` ("scratch the pay question",
    "forget I asked about money": `patterns.PAY_RETRACTED`)."""
    return p.PAY_RETRACTED.search(text, max(0, start - 40), start) is not None


def _declines(text: str, start: int, end: int) -> bool:
    """Whether the clause declines the topic ("I'd rather not get into salary"), takes it back
    ("scratch the pay question") or puts it second ("pay isn't the first thing on my mind")."""
    return (
        p.PAY_DEFERRAL.search(text, max(0, start - 40), start) is not None
        or _retracted(text, start)
        or p.PAY_DISCOUNTED.match(text, end) is not None
    )


def _without_overlaps(cues: Iterable[CueMatch]) -> tuple[CueMatch, ...]:
    """Cues in text order; of two same-named cues that overlap, the first (longest) stays."""
    kept: list[CueMatch] = []
    last_end: dict[str, int] = {}
    for cue in sorted(cues, key=lambda c: (c.start, -c.end, c.cue)):
        if cue.start < last_end.get(cue.cue, -1):
            continue
        kept.append(cue)
        last_end[cue.cue] = cue.end
    return tuple(kept)


def _others_step(cue: CueMatch, manager_line: str | None) -> bool:
    """Whether a job request asks after a bare step ("has the offer been accepted?") that the
    manager's line named as someone else's ("We made an offer to a contractor last week.",
    `patterns.STEP_OF_OTHERS`; review 15 R4), the seeker named nowhere in it."""
    return cue.cue == "job_request" and _step_of_others(cue.text, manager_line)


def _step_of_others(text: str, manager_line: str | None) -> bool:
    """Whether `text` names a bare step that the manager's line named as someone else's, and
    the seeker nowhere (`_others_step`)."""
    if manager_line is None or p.SEEKER_NAMED.search(text):
        return False
    bare = {_step_noun(m.group("noun")) for m in p.BARE_STEP.finditer(text)}
    if not bare:
        return False
    theirs = {
        _step_noun(m.group("noun") or m.group("noun2"))
        for m in p.STEP_OF_OTHERS.finditer(analyzed_part(manager_line))
    }
    return bool(bare & theirs)


def _step_noun(noun: str) -> str:
    return " ".join(noun.lower().split())


def seeker_cues(
    text: str, manager_line: str | None, manager_cues: frozenset[str]
) -> tuple[CueMatch, ...]:
    """The cues in a seeker's turn, read in the context of the manager's line before it."""
    text = analyzed_part(text)
    questions = find_questions(text)
    found: list[CueMatch] = [
        cue
        for cue in _lexicon_cues(text, _SEEKER_LEXICON, manager_line)
        if not _role_as_topic(cue, text, questions) and not _others_step(cue, manager_line)
    ]
    theirs = [m.span() for m in p.ADVICE_NOT_ASKED.finditer(text)]
    if theirs:
        # "a flat white with your mortgage advice", "they used my suggestions": no advice asked
        found = [
            cue
            for cue in found
            if not (cue.cue == "advice_seeking" and any(s <= cue.start < e for s, e in theirs))
        ]
    found.extend(_cue("seeker_question", text, s, e) for s, e in questions)
    found.extend(_figure_asked(text, manager_line))
    found.extend(_own_pay_asked(text, questions))
    found.extend(
        # "Does that mean my start date is confirmed?": one's own step's state, asked
        cue
        for cue in (
            _cue("job_request", text, m.start(), m.end())
            for m in p.OWN_STEP_STATE.finditer(text)
            if any(s <= m.start() < e for s, e in questions)
        )
        if not _others_step(cue, manager_line)
    )
    if questions:
        back = p.BACK_REFERENCE.search(text)
        if back is not None:
            found.append(_cue("follow_up_question", text, back.start(), back.end()))
        else:
            stems = content_stems(analyzed_part(manager_line or ""))
            follow_up = _follow_up(text, questions, stems)
            if follow_up is not None:
                found.append(follow_up)
    found = [
        cue
        for cue in found
        if not (
            cue.cue == "self_promotion"
            and (p.DEED.fullmatch(cue.text) or p.ROLE_DEED.fullmatch(cue.text))
            and not _claims_work(text, cue.start, cue.end, manager_line, manager_cues)
        )
    ]
    achieved = _achievement_volunteered(text, manager_line, questions)
    if achieved:
        # "i designed a peer mentoring scheme ...": the deed's object is the work, no advice
        # asked for
        ends = [(c.start, _sentence_end(text, c.start)) for c in achieved]
        found = [
            cue
            for cue in found
            if not (cue.cue == "advice_seeking" and any(s < cue.start < e for s, e in ends))
        ]
        found.extend(achieved)
    pitches = [cue for cue in found if cue.cue == "self_promotion"]
    if (
        pitches
        and manager_line is not None
        and _asks_about_seeker(manager_line)
        and all(_plain_fact(text, cue, questions) for cue in pitches)
    ):
        # "I run a small bakery." to "What do you do now?": a fact, not a pitch; an
        # achievement answering a capability question still pitches (session 17 D)
        found = [cue for cue in found if cue.cue != "self_promotion" or cue in achieved]
    if (
        manager_line is not None
        and "commitment_question" not in manager_cues
        and p.OFFERED_THING.search(analyzed_part(manager_line))
        and not p.WORK_OFFERED.search(analyzed_part(manager_line))
    ):
        # "I'll take it" to "Do you want the recruiter's email?" takes the email
        found = [c for c in found if not (c.cue == "commitment" and p.TAKE_IT.fullmatch(c.text))]
    if (
        manager_line is not None
        and "commitment_question" not in manager_cues
        and not p.WORK_OFFERED.search(analyzed_part(manager_line))
    ):
        # "... so the magic didn't last, but I'll take it." to "How was the drive in?": an
        # idiom closing a story, no job (session 15)
        idioms = [m.span() for m in p.TAKE_IT_IDIOM.finditer(text)]
        found = [
            c
            for c in found
            if not (
                c.cue == "commitment"
                and p.TAKE_IT.fullmatch(c.text)
                and any(s <= c.start and c.end <= e for s, e in idioms)
            )
        ]
    replied_to = _last_sentence(analyzed_part(manager_line or ""))
    if p.SMALL_TALK_LINE.search(replied_to) and not p.WORK_OFFERED.search(replied_to):
        # "oh nice maybe in a bit" to pizza, "Not yet, I take the NCLEX in three weeks." to a
        # license: a plain answer, no interest to hedge
        found = [
            cue
            for cue in found
            if not (cue.cue == "conditional_interest" and p.BARE_HEDGE.fullmatch(cue.text))
        ]
    if manager_line is not None and _plain_no(text, manager_line):
        # "Not yet, no." to "Have you applied anywhere?": a fact, no interest to hedge
        found = [cue for cue in found if cue.cue != "conditional_interest"]
    if "commitment_question" not in manager_cues and declines(text, found, manager_line):
        # "Not right now, but thank you for asking." to an offer of help, "No, I'm good,
        # thanks.", "I'll pass, I promised my kids I'd be home": no interest to hedge
        found = [cue for cue in found if cue.cue != "conditional_interest"]
    wishes = joins(text, manager_line)
    hedged = any(cue.cue in HEDGES for cue in found)
    if not hedged:
        # "I'd love to be part of that." to a line about their team: a wish to join it
        found.extend(
            _cue("commitment", text, s, e)
            for s, e, kind in wishes
            if kind == "job" and not _deferred(text, e)
        )
        found.extend(
            cue
            for cue in _lexicon_cues(text, (("commitment", p.DECLARED_INTEREST),))
            if not _deferred(text, cue.end)
        )
        if "commitment_question" in manager_cues:
            yes = p.AFFIRMATIVE.match(text) or p.CLOSING_YES.search(text)
            if yes is not None and not _deferred(text, yes.end("words")):
                found.append(_cue("commitment", text, yes.start("words"), yes.end("words")))
    if manager_line is not None and p.PAY_OFFERED.search(replied_to):
        found.extend(_pay_taken(text))
    if manager_line is not None and (
        "commitment_question" in manager_cues
        or p.PAY_CONTENT.search(replied_to)
        or p.JOB_PUT.search(replied_to)
    ):
        # "Ninety thousand base and I'm in, starting Monday." to "What would get you in?"
        found.extend(_cue("commitment", text, m.start(), m.end()) for m in p.IM_IN.finditer(text))
    if (
        not hedged
        and manager_line is not None
        and (
            "commitment_question" in manager_cues
            or (p.EAGER_LINE.search(replied_to) and not p.EAGER_NOT_WORK.search(replied_to))
        )
    ):
        # "Stick me on the rota!" to "Weekend cover is our biggest gap": eager commitment in
        # slang (session 16 D); "Point me at it" takes the work, no one to ask
        eager = [m.span() for m in p.EAGER.finditer(text) if not _deferred(text, m.end())]
        found = [
            cue
            for cue in found
            if not (cue.cue == "referral_seeking" and any(s <= cue.start < e for s, e in eager))
        ]
        found.extend(_cue("commitment", text, s, e) for s, e in eager)
    if manager_line is not None:
        found.extend(_offered_terms(text, replied_to, analyzed_part(manager_line), hedged))
    elsewhere = [(s, e) for s, e, kind in wishes if kind in ("other", "refused")]
    if elsewhere:
        # "I'd love to join the hackathon", "sign me up for that one" (a workshop), "I wouldn't
        # want to join that team" (refused), "join the dots" (an idiom): no job
        found = [
            cue
            for cue in found
            if cue.cue not in _NEGATABLE
            or not any(cue.start < e and s < cue.end for s, e in elsewhere)
        ]
    return _without_overlaps(found)


def _offered_terms(text: str, replied_to: str, line: str, hedged: bool) -> list[CueMatch]:
    """Session 17's classes A-C: what a seeker says as if the role were on offer after a line
    about a need, an opening, an intake or the role's terms. Offering oneself in few words
    (`patterns.OFFERS_SELF`: "I'm available", "keen as, let me know", "if you're taking people
    on") commits, after a need in the line (`patterns.EAGER_LINE`, `HIRING_LINE`, `INTAKE_LINE`)
    or named by the seeker first (`patterns.NEED_NAMED`), unhedged, not after a coffee, a
    meeting or a question when they are free, nor someone else's in its sentence
    (`patterns.OFFER_FOR_OTHER`: "my mate's free from Monday if you need someone").
    Bargaining the role's terms (`patterns.TERMS_BARGAINED`) asks the pay's kind of thing;
    chasing one's own application (`patterns.STATUS_CHASED`) asks for the job; naming oneself
    the role the line hires for ("Our hotel is looking for a sous chef." "I'm a sous chef.",
    `_fits_role`) pitches."""
    out: list[CueMatch] = []
    plan = (
        p.EAGER_NOT_WORK.search(replied_to)
        or p.OFFER_NOT_WORK.search(replied_to)
        or p.AVAILABILITY_ASKED.search(replied_to)
    )
    opening = p.EAGER_LINE.search(line) or p.HIRING_LINE.search(line) or p.INTAKE_LINE.search(line)
    if not hedged:
        for m in p.OFFERS_SELF.finditer(text):
            if negated(text, m.start(), m.end()) or _deferred(text, m.end()):
                continue
            begin = max((e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
            other = [o.end() for o in p.OFFER_FOR_OTHER.finditer(text, begin, m.start())]
            if other and not p.I_SUBJECT.search(text, other[-1], m.start()):
                continue  # "my sister wanted me to ask if you're hiring": her offer
            if p.NEED_NAMED.search(text, 0, m.end()) or (opening and not plan):
                # the seeker naming the need ("if you're taking people on") answers no plan
                out.append(_cue("commitment", text, m.start(), m.end()))
    if not hedged and not plan and (opening or p.APPLY_INVITED.search(line)):
        # "very very interested yes" to "the role is yours to apply for" (session 17 D)
        out.extend(
            _cue("commitment", text, m.start(), m.end())
            for m in p.EAGER_YES.finditer(text)
            if not negated(text, m.start(), m.end())
        )
    if opening or p.TERMS_LINE.search(line):
        out.extend(
            _cue("pay_question", text, m.start(), m.end())
            for m in p.TERMS_BARGAINED.finditer(text)
            if not negated(text, m.start(), m.end())
        )
    if p.STAFF_TERMS_LINE.search(line):
        # "Our lads get a van and fuel card." "would the van be mine to take home?": one's
        # own share of the staff's perk or term asked (session 17 D); not how the staff like it
        out.extend(
            _cue("pay_question", text, m.start(), m.end())
            for m in p.OWN_SHARE_ASKED.finditer(text)
            if not negated(text, m.start(), m.end())
        )
    if p.SEEKERS_STEP_LINE.search(line):
        out.extend(
            _cue("job_request", text, m.start(), m.end()) for m in p.STATUS_CHASED.finditer(text)
        )
        # "any idea if they've decided yet", "did anyone ever get back about it": the outcome
        # of one's own step asked (session 17 D); not "did they decide on the new logo"
        out.extend(
            _cue("job_request", text, m.start(), m.end())
            for m in p.OUTCOME_ASKED.finditer(text)
            if not negated(text, m.start(), m.end()) or m.group().lower().startswith("never")
        )
    if p.HIRING_LINE.search(line) or (
        (p.EAGER_LINE.search(line) or _ROLE_HIRED.search(line))
        and not p.EAGER_NOT_WORK.search(line)
    ):
        out.extend(_fits_role(text, line))
    return out


_ROLE_HIRED: Final = re.compile(
    r"(?<![\w'’])(?:looking\s+for|hiring|recruiting|need|needs|taking\s+on|advertising\s+for"
    r"|vacancy\s+for|opening\s+for|short\s+of)\s+(?:(?:a|an|another|two|some|more|new|good"
    r"|experienced)\s+)?((?:[\w'’-]+\s+){0,2}[\w'’-]+)",
    re.IGNORECASE,
)
_SELF_AS: Final = re.compile(
    rf"(?<![\w'’])(?:{p.IM}|{p.IVE}\s+been|i\s+was|i\s+work\s+as|i\s+trained\s+as)\s+"
    r"(?:(?:currently|actually|already|also|literally|basically)\s+)?(?:a|an)\s+"
    r"((?:[\w'’-]+\s+){0,2}[\w'’-]+)",
    re.IGNORECASE,
)


def _fits_role(text: str, line: str) -> list[CueMatch]:
    """ "I'm a sous chef. Eleven years." to "Our hotel is looking for a sous chef.": the
    seeker names themself the role the line hires for (the role's head word, stemmed), a pitch
    (session 17 C). "I'm a pastry lover" names no chef; "I'm a sous chef too" to "What do you
    do?" hires no one: a fact."""
    roles: set[str] = set()
    for m in _ROLE_HIRED.finditer(line):
        # the role's head: its last word that is no stopword ("a sous chef for the summer")
        words = [w for w in m.group(1).lower().split() if w not in p.STOPWORDS]
        if words:
            roles.add(_stem(words[-1]))
    if not roles:
        return []
    out = []
    for m in _SELF_AS.finditer(text):
        ends = [
            m.start(1) + w.end()
            for w in re.finditer(r"[\w'’-]+", m.group(1))
            if _stem(w.group()) in roles
        ]
        if ends and not negated(text, m.start(), m.end()):
            out.append(_cue("self_promotion", text, m.start(), ends[-1]))
    return out


def _figure_asked(text: str, manager_line: str | None) -> list[CueMatch]:
    """Pay asked without a pay word (`patterns.PAY_FIGURE_ASKED`: "what are the numbers like",
    "ballpark?", "what does it come to a year"): a pay question unless the business's own
    figures are the topic, named in the manager's line or elsewhere in the answer
    (`patterns.BUSINESS_FIGURES`: "Sales were up this quarter." "What are the numbers like?";
    "What's the budget for the project? Ballpark?") and no pay word says otherwise. Those
    figures excuse only a question that names no earner and no job (review 15 R10,
    `patterns.PAY_ANCHORED`: "Ballpark, what would I be on?", "What does the role come to a
    year?" ask the pay after any line). Like the pay words' spans, none that another party's
    money or the manager's own move names (`_not_own_pay`)."""
    spans = [m.span() for m in p.PAY_FIGURE_ASKED.finditer(text)]
    if not spans:
        return []
    line = analyzed_part(manager_line or "")
    business = [m.span() for m in p.BUSINESS_FIGURES.finditer(line)]

    def outside(found: re.Match[str]) -> bool:
        return not any(s <= found.start() < e for s, e in spans)

    if (
        business
        and not any(
            # pay words of the line's own, not inside its business words ("the rate card")
            not any(m.start() < e and s < m.end() for s, e in business)
            for m in p.PAY_CONTENT.finditer(line)
        )
    ) or (
        not any(outside(m) for m in p.PAY_CONTENT.finditer(text))
        and any(outside(m) for m in p.BUSINESS_FIGURES.finditer(text))
    ):
        spans = [(s, e) for s, e in spans if _pay_anchored(text, s, e)]
    return [
        _cue("pay_question", text, s, e)
        for s, e in spans
        if not _not_own_pay(text, s, e, manager_line) and p.FOR_OTHERS.match(text, e) is None
    ]


#: The subject of a weak verb of getting ("what does X make") that is a person: a worker's
#: word ending or a newcomer's (`_own_pay_asked`); "what does the plant make here" is products.
_PERSON_SUBJECT: Final = re.compile(
    r"(?:^|\s)(?:i|someone|somebody|anyone|people|folks|one|[\w'’-]+(?:er|or|ist|ian|ee|ess)"
    r"|[\w'’-]*(?:man|woman|person|junior|senior|trainee|grad|graduate|apprentice|intern"
    r"|starter|hire|joiner|recruit|nurse|medic|chef|cook|clerk|analyst|tech|carer|staff"
    r"|assistant|consultant|accountant|attendant|agent|student|resident|lead|head))s?"
    # its modifier after it: "like me", "with my experience", "at my level", "coming in",
    # "on FIFO", "joining from outside"
    r"(?:\s+(?:like|with|at|in|on|of|from|coming|joining|starting|new)(?:\s+[\w'’-]+){0,4})?\s*$",
    re.IGNORECASE,
)

#: A sentence opening as a yes/no question, punctuated or not (`_own_pay_asked`).
_ASKS_AT_START: Final = re.compile(
    r"\W*(?:(?:um+|uh+|so|and|okay|ok|right|oh|well|honestly|sorry|just)\W+)*"
    r"(?:would|will|could|can|do|does|is|are|am|should|might)\s",
    re.IGNORECASE,
)

#: The last words of a strong verb of getting (`patterns._GAIN_STRONG`): its subject may be
#: anyone; a weak one's ("make", "on", "get") must be a person (`_PERSON_SUBJECT`).
_STRONG_GAIN: Final = frozenset(
    ("making", "earning", "earn", "home", "paid", "with", "in", "clear", "clearing", "pocket",
     "pocketing", "wise")
)  # fmt: skip


def _own_pay_asked(text: str, questions: list[tuple[int, int]]) -> list[CueMatch]:
    """One's own pay asked, read from its structure (session 17, round 3): a question whose
    thing asked is an amount or what one gets (`patterns.OWN_PAY_THING`: "what would ... be
    making", "what sort of figure", "what lands in my account", "comfortable financially",
    "keep my mortgage going on what that role brings in") and whose sentence names the seeker
    or the role on offer as its recipient (`patterns.PAY_RECIPIENT`: "someone like me",
    "somebody in my shoes", "a junior sound designer ... with you guys", "as a grid analyst
    there", "if I came on board"). Not when the thing's subject is the other party or theirs
    (`patterns.PAY_OTHER_SUBJECT`: "what would you be making"), nor a weak verb's subject a
    thing ("what does the plant make here"); the checks of the pay words (`_not_own_pay`,
    `customers_pay` by `seeker_cues`' callers, `patterns.FOR_OTHERS`) apply as for them."""
    found = []
    for s, e in _sentences(text):
        for m in p.OWN_PAY_THING.finditer(text, s, e):
            asked = any(a <= m.start() < b for a, b in questions) or (
                _ASKS_AT_START.match(text, s, e) is not None  # "would a person in my position ..."
            )
            if (
                not asked
                and p.KNOW_WHAT.search(text, max(s, m.start() - 40), m.start() + 8) is None
            ):
                continue  # "I'd need to know what I'd actually be getting" asks it too
            who = (m.group("who") or "").strip()
            if who and p.PAY_OTHER_SUBJECT.fullmatch(who):
                continue
            weak = who and not _STRONG_GAIN.intersection(m.group().lower().split()[-3:])
            if weak and _PERSON_SUBJECT.search(who) is None:
                continue  # "what does the plant make here": its products
            if p.PAY_RECIPIENT.search(text, s, e) is None:
                continue
            if _not_own_pay(text, m.start(), m.end(), None) or p.FOR_OTHERS.match(text, m.end()):
                continue
            found.append(_cue("pay_question", text, m.start(), m.end()))
    return found


def _pay_anchored(text: str, start: int, end: int) -> bool:
    """Whether the sentence of the figure asked at `text[start:end]` names the seeker as the
    earner or the job as what pays (`patterns.PAY_ANCHORED`)."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    stop = _SENTENCE_END.search(text, end)
    return p.PAY_ANCHORED.search(text, begin, stop.end() if stop else len(text)) is not None


def joins(text: str, manager_line: str | None) -> list[tuple[int, int, str]]:
    """The seeker's wishes to join in `text` (`patterns.JOIN_WISH`: "I'd love to be part of
    that", "I want to be on your team", "can I come work with you", "I want in", and said
    quietly, session 15: "I wouldn't mind being part of that", "I could see myself there", "I
    wouldn't say no to that"; `patterns.JOIN_SUITS`: "that'd suit me", "that's right up my
    street", whose "that" is always the manager's line) with what they
    would join: "job" (the team, the company, the work: a commitment), "other" (an event, a
    community, a study, a conversation: no job; `patterns.NOT_A_JOB_THING`), or "unknown" (a
    kind of place, "somewhere like this", or words that name neither). "That", "it" or nothing
    after the wish is what the manager's line was about (`_joined_line`). A wish in the past
    or of one's younger self (`patterns.JOIN_PAST`), or for some day, is not one. A wish not to
    join ("I wouldn't want to join that team", `patterns.JOIN_REFUSED`, or a wish negated in its
    clause) is "refused", whatever it would join; an idiom on join words ("join the dots", "a
    fly on the wall", `patterns.JOIN_IDIOM`) joins nothing ("other")."""
    text = analyzed_part(text)
    out: list[tuple[int, int, str]] = []
    for idiom in p.JOIN_IDIOM.finditer(text):
        out.append((idiom.start(), idiom.end(), "other"))
    for refusal in p.JOIN_REFUSED.finditer(text):
        if not _overlaps(out, refusal.start(), refusal.end()):
            out.append((refusal.start(), _object_end(text, refusal.end()), "refused"))
    wishes = sorted(
        [(m, False) for m in p.JOIN_WISH.finditer(text)]
        + [(m, True) for m in p.JOIN_SUITS.finditer(text)],
        key=lambda found: found[0].start(),
    )
    for wish, suits in wishes:
        if _overlaps(out, wish.start(), wish.end()):
            continue
        sentence_end = _SENTENCE_END.search(text, wish.end())
        stop = sentence_end.start() if sentence_end else len(text)
        begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, wish.start())), default=0)
        sentence = text[begin:stop]
        if p.JOIN_PAST.search(sentence) or p.SOMEDAY.search(text, wish.end(), stop):
            continue
        if negated(text, wish.start(), wish.end()):
            # "I don't think I'd want to join": the wish is refused
            out.append((wish.start(), _object_end(text, wish.end()), "refused"))
            continue
        if suits:
            # "that'd suit me": "that" is what the manager's line was about
            out.append((wish.start(), wish.end(), _joined_line(manager_line)))
            continue
        kind, end = _joined(text, wish.end(), stop, manager_line)
        if kind == "job" and p.WORK_AT_IT.search(text, wish.start(), end):
            kind = "unknown"  # "work at it until it clicks", "work for them": no place of theirs
        out.append((wish.start(), end, kind))
    return sorted(out)


def _overlaps(spans: list[tuple[int, int, str]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e, _ in spans)


_CLAUSE_END: Final = re.compile(
    r"[,;:!?.…]|\s(?:but|and|though|although|because|so|yet|or)(?![\w'’])", re.IGNORECASE
)


def _object_end(text: str, at: int) -> int:
    """Where the clause of a join verb ending at `at` ends ("I wouldn't want to join [that
    team], but ..."): what a refused wish would join, up to a comma or a "but"."""
    found = _CLAUSE_END.search(text, at)
    return found.start() if found is not None else len(text)


def _joined(text: str, at: int, stop: int, manager_line: str | None) -> tuple[str, int]:
    """What a wish to join ending at `at` would join, and where its words end."""
    found = p.JOIN_OBJECT.match(text, at, stop)
    if found is None or found.group("anaphor") or not found.group("phrase"):
        anaphor = found.group("anaphor") if found is not None else None
        end = found.end("anaphor") if found is not None and anaphor else at
        # "here", "there", "you", "us" are their place, whatever the line offers
        place = anaphor is not None and anaphor.lower() not in ("that", "it", "this", "in")
        if (
            anaphor is not None
            and p.YOU_THERE.fullmatch(anaphor)
            and p.WORK_FOR_YOU.search(text, 0, at)
        ):
            return "job", end  # "I want to work for you lot": their place (session 17 A)
        return _joined_line(manager_line, offers=not place), end
    phrase = found.group("phrase")
    job = p.A_JOB_THING.search(phrase)
    other = p.NOT_A_JOB_THING.search(phrase)
    if other is not None and (job is None or other.end() < job.end()):
        # the noun that ends first heads the phrase: "the hackathon team" is the hackathon's,
        # "the grad scheme" a job, "the conversation on hiring" a conversation
        return "other", found.start("phrase") + other.end()
    if job is None or p.JOIN_KIND_OF_PLACE.match(phrase):
        return "unknown", at
    return "job", found.start("phrase") + job.end()


def _joined_line(manager_line: str | None, offers: bool = True) -> str:
    """What "that", "it" or nothing after a wish to join refers to, from the manager's line:
    hiring or an opening is a job; else an offer of something to do that is no job
    (`patterns.ACTIVITY_OFFERED`: "Shall I show you around the lab?", "Want me to introduce you
    to Priya?"), an event, a group, a list, a study or small talk is not ("We're doing a
    charity run in May.", "Want to join us for lunch?"); else their team,
    company or work is ("We're building a small platform team this spring.", "We're
    rebuilding the whole checkout."); else unknown. With `offers` False (the wish named "here",
    "there", "you" or "us": their place) an offer in the line is not what is joined. A line about
    the manager's own past, family, pastime or commute (`patterns.OWN_LIFE_LINE`: "I spent a year
    in Japan.", "A few of us go climbing on Fridays.") names no place or work of theirs: what
    is joined is that life, "other" (review 15 R6)."""
    if manager_line is None:
        return "unknown"
    line = analyzed_part(manager_line)
    if p.HIRING_LINE.search(line):
        return "job"
    if offers and p.ACTIVITY_OFFERED.search(_last_sentence(line)):
        return "other"  # "Shall I show you around the lab?" "I'd love that, I wouldn't say no."
    if p.NOT_A_JOB_THING.search(line) or p.SMALL_TALK_LINE.search(line):
        return "other"  # "Join us for lunch on Thursday?" "I'd be glad to join."
    if p.OWN_LIFE_LINE.search(line):
        return "other"  # "I grew up on a farm." "I could see myself there." (review 15 R6)
    if p.A_JOB_THING.search(line) or p.THEIR_SIDE.search(line):
        return "job"
    return "unknown"


def _plain_no(text: str, manager_line: str) -> bool:
    """Whether the turn is a plain no or "not yet" and nothing else (`patterns.BARE_NEGATIVE`:
    "Not yet, no.", "nope not yet", "I haven't applied yet") to a question about what the seeker
    has done or is doing, not about what they want or would do (`patterns.INTENT_ASKED`:
    "Would you like to apply?" "Not yet." defers). A fact, no hedge: any condition, reason or
    doubt ("not yet, I want to know more first", "not sure yet") is not this."""
    if len(p.WORD.findall(text)) > _PLAIN_NO_WORDS or p.BARE_NEGATIVE.fullmatch(text) is None:
        return False
    asked = [
        piece
        for piece in re.split(r"(?<=[.?!;\n])", analyzed_part(manager_line))
        if piece.rstrip().endswith("?")
    ] or [_last_sentence(analyzed_part(manager_line))]
    return not any(p.INTENT_ASKED.search(piece) for piece in asked)


def declines(text: str, cues: Sequence[CueMatch], manager_line: str | None) -> bool:
    """Whether the turn is a plain decline (`patterns.DECLINE_OPENING`: "No, I'm good, thanks.",
    "Not right now, you've covered it.", "That's kind of you, but I'm all set. Thanks so
    much.", "I'll pass, I promised my kids I'd be home for dinner"): it opens by declining in so
    many words (`patterns.DECLINE_SAID`: not only "not yet"), the manager's line offered
    something or asked whether they want more (`patterns.OFFER_LINE`), and what follows the
    opening sets no condition (`patterns.DECLINE_CONDITION`), asks nothing and hedges nothing
    (`cues`: those the rules found so far). The whole answer a decline and kind words
    (`patterns.POLITE_NO`) is one after any line, "not yet" and all."""
    text = analyzed_part(text)
    if p.POLITE_NO.fullmatch(text):
        return True
    if manager_line is None or p.OFFER_LINE.search(analyzed_part(manager_line)) is None:
        return False
    opening = p.DECLINE_OPENING.match(text)
    if opening is None or p.DECLINE_SAID.search(opening.group()) is None:
        return False
    end = opening.end()
    if any(
        cue.cue == "seeker_question"
        or cue.cue in STRONG_CUES
        or (cue.cue in HEDGES and cue.end > end)
        or cue.cue in ("advice_seeking", "referral_seeking")
        for cue in cues
    ):
        return False
    return p.DECLINE_CONDITION.search(text, end) is None


def _pay_taken(text: str) -> list[CueMatch]:
    """After an offer to tell the pay ("Shall I tell you what they're paying?",
    `patterns.PAY_OFFERED`), a yes to it or asking for the figure ("Yes please, what's the
    number?", "go on then") asks about pay; a no or a question about anything else does not."""
    if p.POLITE_NO.fullmatch(text) or negated(text, 0, min(len(text), 12)):
        return []
    yes = p.AFFIRMATIVE.match(text)
    figure = p.FIGURE_ASKED.search(text)
    found = []
    if yes is not None and p.REDIRECTED.search(text, yes.end("words")) is None:
        found.append(_cue("pay_question", text, yes.start("words"), yes.end("words")))
    if figure is not None:
        found.append(_cue("pay_question", text, figure.start(), figure.end()))
    return found


def _asks_about_seeker(line: str) -> bool:
    """Whether the manager's line asks about the seeker's own work, past or status, in its last
    sentence or a question ("What do you do now?", "How long have you been nursing?", "Tell me
    a bit about yourself."; `patterns.SEEKER_WORK_TOPIC`, not small talk), not for a pitch, an
    interest or an offer (`patterns.PITCH_INVITE`:
    "Why should we hire you?", "What are your strengths?", "Would you like a coffee?")."""
    line = analyzed_part(line)
    pieces = [piece for piece in re.split(r"(?<=[.?!;\n])", line) if piece.strip()]
    asked = [
        piece
        for i, piece in enumerate(pieces)
        if piece.rstrip().endswith("?") or i == len(pieces) - 1
    ]
    return any(
        p.ABOUT_YOU_QUESTION.search(piece.strip()) is not None
        and p.SEEKER_WORK_TOPIC.search(piece) is not None
        and p.PITCH_INVITE.search(piece) is None
        for piece in asked
    )


def _claims_work(
    text: str, start: int, end: int, manager_line: str | None, manager_cues: frozenset[str]
) -> bool:
    """Whether the deed `text[start:end]` ("I led", "I ran", "I drove": `patterns.DEED`) claims
    work done (review 15 R5 and R11). Never "I managed to <verb>" (`patterns.MANAGED_TO`); a
    deed with no object (`patterns.DEED_NO_OBJECT`: "I should run, my train leaves", "I drove
    down to the coast") only as the answer to a question about the seeker's work or a pitch
    (`_asks_about_work`: "Why should we hire you?" "I delivered, every time."), and a run never.
    Then a claim when the talk is about work: the manager's line asked about it or names it
    (`_line_about_work`), or the answer does outside its deeds (a candidate's words,
    `patterns.WORKER_TALK`, or what work is done to, `patterns.DEED_WORK`: "a team of four",
    "the night shift", "costs by 30%"). "I ran a half marathon", "I built a treehouse with my
    kids", "I led a hike for my walking club" after "How was your weekend?" claim nothing."""
    verb = text[start:end].split()[-1].lower()
    if verb in ("managed", "manage", "managing") and p.MANAGED_TO.match(text, end):
        return False
    run = verb in ("run", "ran", "running")
    if run and p.RUN_NO_OBJECT.match(text, end):
        return False
    asked = _asks_about_work(manager_line, manager_cues)
    if p.DEED_NO_OBJECT.match(text, end) and (run or not asked):
        return False
    if p.DEED.fullmatch(text[start:end]) is None:
        return _claims_role(text, end, verb, manager_line)
    if asked or _line_about_work(manager_line, manager_cues):
        return True
    said = p.DEED.sub(lambda m: " " * len(m.group()), text)
    return (
        p.WORKER_TALK.search(said) is not None
        or p.DEED_WORK.search(said) is not None
        or _claims_role(text, end, verb, manager_line)  # "I run the returns desk at a retailer"
    )


_CURIOUS_WORD: Final = re.compile(r"(?<![\w'’])(?:wonder\w*|curious)(?![\w'’])", re.IGNORECASE)
_WH_OPENING: Final = re.compile(
    r"\W*(?:(?:so|and|okay|ok|right|well)\W+)*(?:how|what|which|where|when|why|who)(?![\w'’])",
    re.IGNORECASE,
)


def _achievement_volunteered(
    text: str, manager_line: str | None, questions: list[tuple[int, int]]
) -> list[CueMatch]:
    """A volunteered achievement at work, read from its structure (session 17, round 3): after
    a remark (a manager's line with no question: "we just moved the whole team onto a new
    crm"), a sentence with a first-person deed (`patterns.ACHIEVED_DEED`: "i migrated", "we
    finished"; or a clause opening on its verb, `patterns.DROPPED_I_DEED`: "Designed the
    temporary works ..."), a result or a scale (`patterns.ACHIEVED_RESULT`: "forty thousand",
    "no data lost", "a week early", "€1.2m under budget") and a work frame
    (`patterns.ACHIEVEMENT_FRAME`, `patterns.WORK_CLAIMED`, `patterns.WORK_FRAME`: "at my last
    place", "on the hospital job", "our steel contracts", "customer records"); the result may
    follow in the next sentence. A deed with a result in life ("I ran the Dublin marathon and
    knocked ten minutes off my time") names no work frame, nor one done for family ("I
    organised my sister's hen do": `patterns.KIN_OBJECT`); a line that asks or addresses the
    seeker ("Walk me through your last role.") is answered as before, and a deed told before a
    question about their work ("at my company we changed it three times ... how are you guys
    approaching it?") shares experience. `questions`: `find_questions(text)`, as the caller
    has them."""
    if manager_line is None or questions:
        # no remark; or a deed told before asking about their work shares, it does not pitch
        return []
    line = analyzed_part(manager_line)
    line_asks = bool(find_questions(line))
    if (line_asks or _SECOND_PERSON.search(line)) and not p.CAPABILITY_ASKED.search(line):
        # a question, or a line about the seeker ("Walk me through your last role."), but not
        # "Have you ever done an appraisal?" (17 D)
        return []
    if line_asks and (_CURIOUS_WORD.search(text) or _WH_OPENING.match(line)):
        # "i wrote two grants um i was kind of wondering how ...": shares; "How much team
        # leading have you done?" "i led a team of four for a year": an amount told (17 D)
        return []
    found = []
    sentences = _sentences(text)
    for i, (s, e) in enumerate(sentences):
        deeds = [m.span() for m in p.ACHIEVED_DEED.finditer(text, s, e)]
        deeds += [m.span() for m in p.THE_ONE_WHO.finditer(text, s, e)]
        for m in _CLAUSE_START.finditer(text, s, e):
            at = m.end()
            dropped = p.DROPPED_I_DEED.match(text, at, e)
            if dropped is not None:
                deeds.append(dropped.span())
        deeds = [
            (a, b)
            for a, b in deeds
            if not any(q <= a < r for q, r in questions) and not p.KIN_OBJECT.match(text, b)
        ]
        if not deeds:
            continue
        sentence = text[s:e]
        # the result may follow in the next sentence ("... at my last place. Three hundred
        # services, zero downtime.")
        after = text[slice(*sentences[i + 1])] if i + 1 < len(sentences) else ""
        if p.ACHIEVED_RESULT.search(sentence) is None and p.ACHIEVED_RESULT.search(after) is None:
            continue
        if not any(
            rx.search(sentence) for rx in (p.ACHIEVEMENT_FRAME, p.WORK_CLAIMED, p.WORK_FRAME)
        ):
            continue
        a, b = min(deeds)
        found.append(_cue("self_promotion", text, a, b))
    return found


def _sentence_end(text: str, at: int) -> int:
    """Where the sentence around `at` ends (before its closing punctuation)."""
    stop = _SENTENCE_END.search(text, at)
    return stop.start() if stop else len(text)


#: The seeker addressed in the manager's line: no remark about their own side
#: (`_achievement_volunteered`).
_SECOND_PERSON: Final = re.compile(
    r"(?<![\w'’])(?:you|your|yours|yourself|you['’]?\w+)(?![\w'’])", re.I
)
#: Where a clause may open on a deed's verb with its "I" dropped: a sentence's start or after a
#: comma (`_achievement_volunteered`).
_CLAUSE_START: Final = re.compile(r"(?:^|(?<=[.?!;,:\n]))\s*", re.MULTILINE)


def _claims_role(text: str, end: int, verb: str, manager_line: str | None) -> bool:
    """Whether a deed of `patterns.ROLE_DEED` ending at `end` ("I supervise", "I head up", "I
    set up", "I trained") claims work (session 16 A): its own words, up to
    `_ROLE_REACH` words or the sentence's end, name work (`patterns.WORK_CLAIMED`: "at my last
    place", "at a garden centre", "twelve of us", "for a phone retailer", "two stores", "the
    service desk"; `patterns.DEED_WORK`, `patterns.WORKER_TALK`; not the manager's: "your
    team"), or its sentence does before it (`patterns.WORK_FRAME`: "in my job at the food bank
    I recruited ..."). Never training oneself ("I trained as a civil engineer":
    `patterns.TRAINED_ONESELF`); after a question about the seeker's work or past
    (`_asks_about_seeker`: "What's your current role?", "Walk me through what you did at the
    museum"), only with a boast in those words (`patterns.BRAG`): a plain account of one's work
    answers it (issue 12)."""
    if verb.startswith(("train", "retrain")) and p.TRAINED_ONESELF.match(text, end):
        return False
    if p.KIN_OBJECT.match(text, end):
        return False  # "I organised my sister's hen do, thirty of us": life (session 17)
    stop = _SENTENCE_END.search(text, end)
    words = text[end : stop.start() if stop else len(text)]
    words = " ".join(words.split()[:_ROLE_REACH])
    words = re.sub(r"(?i)(?<![\w'’])(?:your|their|his|her)\s+[\w'’-]+", " ", words)
    begin = 0
    for stop_before in _SENTENCE_END.finditer(text, 0, end):
        begin = stop_before.end()
    framed = p.WORK_FRAME.search(text, begin, end) is not None  # "in my job at the food bank i"
    if not framed and not any(
        rx.search(words) for rx in (p.WORK_CLAIMED, p.DEED_WORK, p.WORKER_TALK)
    ):
        return False
    if manager_line is not None and _asks_about_seeker(manager_line):
        return p.BRAG.search(words) is not None
    return True


def _line_about_work(manager_line: str | None, manager_cues: frozenset[str]) -> bool:
    """Whether the manager's line is about work (`_claims_work`): it evaluates the seeker or asks
    for commitment, or names work (`patterns.WORKER_TALK`, `patterns.DEED_WORK`, or hiring,
    `patterns.HIRING_LINE`, `patterns.WORK_LINE`: "We need people who know Unreal.", "Our parts
    department is chaotic."). No line (the talk's first answer) counts as about work, as before."""
    if manager_line is None:
        return True
    if manager_cues & {"evaluative_question", "commitment_question"}:
        return True
    line = analyzed_part(manager_line)
    return any(rx.search(line) for rx in (p.WORKER_TALK, p.DEED_WORK, p.HIRING_LINE, p.WORK_LINE))


def _asks_about_work(manager_line: str | None, manager_cues: frozenset[str]) -> bool:
    """Whether the manager's line asked about the seeker's work or for a pitch, where a deed
    needs no work word to be a claim ("What did you do at the bakery?" "I ran it."; "Why
    should we hire you?"): an evaluative question, or a question about the seeker
    (`patterns.ABOUT_YOU_QUESTION`) on their work (`patterns.SEEKER_WORK_TOPIC`) or inviting a
    pitch (`patterns.PITCH_INVITE`), not an offer of food or drink (`patterns.SMALL_TALK_LINE`:
    "Do you want a coffee?"). Small talk ("How was your weekend?", "Where did you grow up?") is
    neither."""
    if manager_line is None:
        return False
    if "evaluative_question" in manager_cues:
        return True
    line = analyzed_part(manager_line)
    pieces = [piece for piece in re.split(r"(?<=[.?!;\n])", line) if piece.strip()]
    return any(
        (p.ABOUT_YOU_QUESTION.search(piece.strip()) or p.SO_YOU.search(piece.strip()))
        and (p.SEEKER_WORK_TOPIC.search(piece) or p.PITCH_INVITE.search(piece))
        and not p.SMALL_TALK_LINE.search(piece)
        for i, piece in enumerate(pieces)
        if piece.rstrip().endswith("?") or i == len(pieces) - 1
    )


def _plain_fact(text: str, cue: CueMatch, questions: list[tuple[int, int]]) -> bool:
    """Whether self-promotion `cue` states a plain fact of one's work
    (`patterns.PLAIN_FACT`: "I've been a nurse for six years", "I run a small bakery") in a short
    answer (at most `patterns.FACT_ANSWER_WORDS` words besides its questions) with nothing that
    boasts (`patterns.BRAG`: results, scale, ranks)."""
    if p.PLAIN_FACT.fullmatch(cue.text) is None:
        return False
    said, begin = [], 0
    for start, end in questions:
        said.append(text[begin:start])
        begin = max(begin, end)
    said.append(text[begin:])
    statement = " ".join(said)
    return (
        len(p.WORD.findall(statement)) <= p.FACT_ANSWER_WORDS and p.BRAG.search(statement) is None
    )


def others_step_spans(
    cues: Sequence[CueMatch], frame: str, manager_line: str | None
) -> list[tuple[int, int]]:
    """For an interview, the questions asking after a step the manager's line named as someone
    else's (`_step_of_others`, review 15 R4: "We made an offer to a contractor." "Has the offer
    been accepted?"): the sentence model may not read a request into them either."""
    if frame != "interview":
        return []
    return [
        (cue.start, cue.end)
        for cue in cues
        if cue.cue == "seeker_question" and _step_of_others(cue.text, manager_line)
    ]


def silent_spans(text: str, cues: Sequence[CueMatch], frame: str) -> list[tuple[int, int]]:
    """Spans of `analyzed_part(text)` the sentence model may not read `frame` from, given the
    rules' `cues`: a remark naming another person as the one to ask (`patterns.RIGHT_PERSON`:
    "you'd be the right person to ask", any frame; it ends where a question starts) and, for an
    interview, each question that asks about the other person's or their team's own work, path
    or routine and nothing for the seeker (`_about_them`: "What time do you start in the
    morning?", "how did you get into informatics"), or after the state of something not the
    seeker's (`_others_status`: "any update on the launch?", session 15; for small talk,
    `neutral`, each such question about their hours, shifts or tools, `patterns.THEIR_HOURS`:
    "What time does the crew wrap up?", "when does the shift hand over", not "How was your
    weekend?") and a plain fact the
    rules set aside as the answer to the manager's question about the seeker ("I have ten years
    of experience in logistics" to "What do you do now?": a self-promotion match with no
    self-promotion cue)."""
    text = analyzed_part(text)
    questions = [(cue.start, cue.end) for cue in cues if cue.cue == "seeker_question"]
    spans: list[tuple[int, int]] = []
    for match in p.RIGHT_PERSON.finditer(text):
        end = min([match.end(), *(s for s, _ in questions if match.start() < s < match.end())])
        spans.append((match.start(), end))
    if frame == "interview":
        spans.extend(
            (s, e)
            for s, e in questions
            if _about_them(text[s:e]) or _about_their_hiring(text[s:e]) or _others_status(text[s:e])
        )
        if not any(cue.cue == "self_promotion" for cue in cues):
            spans.extend(m.span() for m in p.SELF_PROMOTION.finditer(text))
        # "Right, I'd better make a move before the car park shuts." winds up (session 17)
        spans.extend(m.span() for m in p.LEAVING.finditer(text))
    if frame == "neutral":
        # "What time does the crew wrap up?" asks about their work, not small talk ("How was
        # your weekend?" names no hours, shifts or tools).
        spans.extend(
            (s, e)
            for s, e in questions
            if _about_them(text[s:e]) and p.THEIR_HOURS.search(text[s:e]) is not None
        )
    return sorted(spans)


#: A question whether a place exists for someone ("is there a job on the team for a career
#: changer", "are there any spots going"): it asks for the place, whatever else it names, so it
#: is never only about them or their work (review 10 R15).
A_PLACE_EXISTS: Final = re.compile(
    r"\b(?:is|are|was|were)\s+there\s+(?:[\w'’-]+\s+){0,3}?(?:jobs?|spots?|places?"
    r"|opportunit(?:y|ies)|space|way\s+in|roles?|slots?|seats?|work|room|openings?|gigs?|posts?"
    r"|positions?|vacanc(?:y|ies)|chances?|shifts?\s+going)\b",
    re.IGNORECASE,
)


def _about_them(question: str) -> bool:
    """Whether a question asks about the other person or their team and nothing for the seeker:
    it names them (`patterns.THEIR_PEOPLE`) and their day, tools or path (`patterns.THEIR_DAY`),
    no person or hire as the object of taking or using (`patterns.A_HIRE`: "Could your team use
    a Python developer?", "Does your team usually take interns?"),
    no first-person word (`patterns.FIRST_PERSON`),
    nothing asking for a place
    (`patterns.ASKS_FOR_IT`, `A_PLACE_EXISTS`) and no term of the job but their hours
    (`patterns.PAY_CONTENT` except `patterns.ROUTINE_PAY_WORDS`)."""
    return (
        p.THEIR_PEOPLE.search(question) is not None
        and p.THEIR_DAY.search(question) is not None
        and p.A_HIRE.search(question) is None
        and p.FIRST_PERSON.search(question) is None
        and p.ASKS_FOR_IT.search(question) is None
        and A_PLACE_EXISTS.search(question) is None
        and all(p.ROUTINE_PAY_WORDS.fullmatch(m.group()) for m in p.PAY_CONTENT.finditer(question))
    )


def _others_status(question: str) -> bool:
    """Whether a question asks after the state of something not the seeker's own (session 15:
    `patterns.OTHER_STATUS`, "any update on the launch?", "any news on Priya's application?"),
    naming no first-person word and no step of the seeker's (`patterns.OWN_STATUS`)."""
    return (
        p.OTHER_STATUS.search(question) is not None
        and p.FIRST_PERSON.search(question) is None
        and p.OWN_STATUS.search(question) is None
        and p.OWN_STEP_STATE.search(question) is None
    )


def _about_their_hiring(question: str) -> bool:
    """Whether a question asks how much or how fast they hire and names no seeker ("How many
    people are you hiring?": `patterns.THEIR_HIRING`, `patterns.SEEKER_IN_IT`), so the sentence
    model may not read a request into it either."""
    return p.THEIR_HIRING.search(question) is not None and p.SEEKER_IN_IT.search(question) is None


def _last_sentence(line: str) -> str:
    """The last sentence of a manager's line: the one an answer replies to."""
    pieces = [piece for piece in _SENTENCE_END.split(line) if piece.strip()]
    return pieces[-1] if pieces else ""


def manager_cues(text: str) -> tuple[CueMatch, ...]:
    """The cues in a manager's turn: evaluating and seeking commitment, or sharing and curious."""
    return _without_overlaps(_lexicon_cues(analyzed_part(text), _MANAGER_LEXICON))
