"""Composed alternatives fit the moment: the kind of line the manager had just said (a yes/no
interest question, a why or other open question, a statement) and the cue, over every manager
line of the shipped scenarios; a question about the seeker is answered, never dodged."""

from __future__ import annotations

import re

import pytest
from test_report_coaching import _shipped_manager_lines

from app.report.alternatives import example_answer, line_kind
from app.report.coaching import Said, coach, compose

CUES = ("commitment", "self_promotion", "job_request", "pay_question", "interview")
#: Openings that answer a yes/no question ("are you interested?"), and only that.
YES_NO_OPENINGS = ("It might", "Possibly", "It could", "Perhaps", "Some of it", "In parts", "Maybe")
#: Advice to put off a question about oneself.
DODGES = ("in a minute", "later", "can wait", "curious first", "before anything like that")
_LEAD = re.compile(
    r"^(?:(?:so|and|but|well|okay|ok|right|anyway|sorry|honestly|now)\b,?\s*)+", re.I
)
_WH = ("why", "what", "what's", "how", "how's", "where", "who", "when", "which")
_AUX = ("are", "is", "do", "does", "did", "would", "could", "can", "have", "has", "shall", "will")


def _asked(line: str) -> str:
    """The manager's last sentence, read by hand rules independent of `line_kind`."""
    sentences = [s.strip() for s in re.findall(r"[^.?!]+[.?!]*", line) if s.strip()]
    return sentences[-1] if sentences else line


def _first_word(sentence: str) -> str:
    bare = _LEAD.sub("", sentence).strip()
    # A name or a vocative before the question: "Priya, what brings you here?"
    if re.match(r"^[A-Z][a-z]+,\s", bare) and bare.split(",")[0].lower() not in _WH:
        bare = bare.split(",", 1)[1].strip()
    words: list[str] = re.findall(r"[A-Za-z']+", bare)
    return words[0].lower() if words else ""


LINES = _shipped_manager_lines()


def test_the_shipped_lines_cover_every_kind_of_moment() -> None:
    kinds = {line_kind(line).kind for line in LINES}
    assert {"interest", "yes_no", "why", "open", "statement", "invite"} <= kinds, kinds


@pytest.mark.parametrize("cue", CUES)
def test_every_shipped_line_gets_an_alternative_of_its_kind(cue: str) -> None:
    checked = {"open": 0, "yes_no": 0, "statement": 0}
    for line in LINES:
        sentence = _asked(line)
        first = _first_word(sentence)
        for turn in range(3):
            alt = compose(cue, line, turn)
            assert alt.endswith("?"), (line, alt)
            assert "  " not in alt, (line, alt)
            if sentence.endswith("?") and first in _WH:
                # "Why Fernhill?" is never answered with "It might be".
                assert not alt.startswith(YES_NO_OPENINGS), (cue, line, alt)
                checked["open"] += 1
            elif sentence.endswith("?") and first in _AUX and " or " not in sentence:
                assert alt.startswith((*YES_NO_OPENINGS, "A few", "Yes")), (cue, line, alt)
                checked["yes_no"] += 1
            elif "?" not in line and not re.search(r"\btell me\b", sentence, re.I):
                assert not alt.startswith(YES_NO_OPENINGS), (cue, line, alt)
                checked["statement"] += 1
            if sentence.endswith("?") and cue in ("self_promotion", "interview"):
                # A question deserves an answer: never advice to put it off.
                assert not any(d in alt for d in DODGES), (cue, line, alt)
    assert min(checked.values()) >= 30, checked


ABOUT_YOU = (
    "Where are you working now?",
    "My job? Today, honestly, I put out fires. Sorry. Where are you working now?",
    "So what do you do at the moment?",
    "Tell me a bit about yourself.",
    "What's your background?",
    "How did you end up in data work?",
)
FACTUAL = (
    "I run front of house at the Grand Hotel restaurant.",
    "I'm a data analyst at a logistics firm.",
    "I manage the night shift at a warehouse.",
    "i work in marketing at a bank",
)
FOLLOWING = (
    "",
    " I've led a team of twenty and won an award for service.",
    " Luis mentioned a new site on Harbor Street, what's the thinking behind it?",
)


@pytest.mark.parametrize("line", ABOUT_YOU)
@pytest.mark.parametrize("fact", FACTUAL)
@pytest.mark.parametrize("rest", FOLLOWING)
def test_a_plain_answer_about_oneself_is_never_coached_into_a_dodge(
    line: str, fact: str, rest: str
) -> None:
    """Coaching a seeker who answered a question about themself (whatever frame the analyzer
    gave it): the alternative answers in their own words, then asks back; the explanation does
    not call answering the mistake."""
    answer = fact + rest
    start = answer.index(fact.split()[1])
    turns = [
        Said(0, "manager", line, "neutral"),
        Said(1, "seeker", answer, "interview", ({"cue": "self_promotion", "text": "x",
             "start": start, "end": start + 3},)),
    ]  # fmt: skip
    (item,) = coach(turns)
    assert not any(d in item.alternative for d in DODGES), item.alternative
    plain = fact.rstrip(".")
    if fact.endswith(".") or not rest:
        assert item.alternative.startswith(plain), item.alternative
    else:  # recognizer style, no sentence break: its length is shown, not a way round it
        assert item.alternative.startswith((example_answer(_asked(line)), plain))
    assert item.alternative.endswith("?")
    assert "past answering their question" in item.explanation, item.explanation


@pytest.mark.parametrize(
    ("line", "cue", "refused"),
    [
        ("Hm. I don't really know you yet, so a referral would be odd. Why Fernhill, out of "
         "interest?", "commitment", "It might be"),
        ("Why Fernhill, out of interest?", "job_request", "Possibly"),
        ("What made you want to come tonight?", "commitment", "It might be"),
        ("Our team is tiny, just four of us.", "commitment", "It might be"),
    ],
)  # fmt: skip
def test_the_newcomers_moments(line: str, cue: str, refused: str) -> None:
    for turn in range(4):
        assert not compose(cue, line, turn).startswith(refused)


def test_an_interest_question_still_gets_a_hedged_yes() -> None:
    for line in ("So, are you interested in the position?", "Would that be something for you?",
                 "Shall I put you forward for it?"):  # fmt: skip
        assert line_kind(line).kind == "interest", line
        for turn in range(3):
            assert compose("commitment", line, turn).startswith(YES_NO_OPENINGS)


@pytest.mark.parametrize("line", ABOUT_YOU)
@pytest.mark.parametrize("cue", ["commitment", "job_request", "pay_question"])
@pytest.mark.parametrize(
    "answer", ["I really want this job!", "Could you refer me for the role?", "What's the pay?"]
)
def test_a_question_about_oneself_is_answered_whatever_the_cue(
    line: str, cue: str, answer: str
) -> None:
    """No plain first sentence to keep (the cue is in it): the alternative still answers the
    question asked (a sentence about oneself), never another one ("I'm still finding out")."""
    alt = compose(cue, line, 0, answer=answer, cue_start=0)
    assert alt.startswith(example_answer(_asked(line))), alt
    assert "still finding out" not in alt
    assert "Mostly" not in alt
