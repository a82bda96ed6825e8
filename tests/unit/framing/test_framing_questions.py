"""Question finding as classes, both ways, on generated answers.

Recognizer questions with no question mark and no closed-class opener are found ("is fernhill
hiring pms right now", "which skills matter most", "anyone else I should talk to", "what about
your side"); statements that only look like them are not (a modal or "let's" before "do",
subject-drop openings, pseudo-clefts, "tell me about it" as sympathy, "how about I ..."). Also
two rule classes found with them: paying one's own way is no pay question, and an offer to send
the seeker a thing is no commitment question (unless the thing is the way in)."""

from __future__ import annotations

import itertools

from app.framing.analyzer import analyze_answer
from app.framing.cues import find_questions, manager_cues

LEADS = ("", "so ", "ok um ", "yeah ", "Cool. ", "thanks that helps. ")


def _styles(text: str) -> tuple[str, ...]:
    """The sentence as written, capitalised with a question mark, and in recognizer style."""
    return (text, text[0].upper() + text[1:] + "?", text.lower())


OPEN_SUBJECT = (
    [f"{aux} {subject} {rest}"
     for aux, subject, rest in itertools.product(
         ("is", "was"), ("fernhill", "marketing", "the data team", "harbor bank", "ops"),
         ("hiring pms right now", "still remote", "based in the city", "expected to travel",
          "mostly on the planning side", "allowed to hire juniors"))]
    + [f"{aux} {subject} {rest}"
       for aux, subject, rest in itertools.product(
           ("are", "were"), ("pms", "nurses", "engineers", "juniors", "analysts", "data people"),
           ("expected to code", "still hiring", "allowed to pick projects", "part of the lab",
            "mostly remote"))]
    + [f"{aux} {subject} {rest}"
       for aux, subject, rest in itertools.product(
           ("does", "did", "can", "could", "should", "will", "would"),
           ("marketing", "engineering", "sales", "the clinic", "fernhill", "juniors"),
           ("sit with product", "own the roadmap", "report to the cfo", "pick their projects",
            "change much next year"))]
    + [f"{wh} {rest}"
       for wh, rest in itertools.product(
           ("which", "what"),
           ("skills matter most if i want to move into product", "tools matter most here",
            "teams work closest with you", "skills count most in the first year"))]
    + ["what makes a great engineer on your team", "what helps new people settle in",
       "what happened after the merger", "which part of that do you enjoy most",
       "what tools are you using these days", "what about you", "what about on your side",
       "what about your team", "anyone else you think i should talk to",
       "anybody else worth meeting tonight", "anything else i should know"]
)  # fmt: skip

STATEMENTS = (
    [f"{who} {aux} do {what}"
     for who, aux, what in itertools.product(
         ("i", "we", "you", "she"), ("can", "could", "would", "will", "should", "might"),
         ("it", "that", "any shift", "the same for you", "it whenever"))]
    + [f"{lead}{x}" for lead, x in itertools.product(
        ("", "yeah "), ("lets do it", "let's do that", "let's do it i need the steps anyway"))]
    + ["could be worse", "would love to hear more", "will do", "did well on that one",
       "is what it is", "was raining all day", "could definitely see myself there",
       "would appreciate that", "can confirm the coffee is good", "will keep you posted",
       "do come by the booth", "can start in two weeks", "is huge for us honestly",
       "how about i send you my notes", "how about we grab a coffee", "what a day",
       "how about this what if you brought me on for ninety days",
       "what i mean is i like it"]
    + [f"{wh} {rest} {cop} {tail}"
       for wh, rest, cop, tail in itertools.product(
           ("what",), ("matters most", "makes it hard", "wore me down", "drew me in",
                       "keeps me going"),
           ("is", "was", "wasn't", "isn't"), ("the people", "the hours", "the mission"))]
    + [f"{lead}tell me about it{tail}"
       for lead, tail in itertools.product(
           ("yeah ", "oh ", "ugh, ", "Ha, "), ("", " i've done doubles all week",
                                              ", the commute is brutal"))]
    + [f"tell me about it{tail}" for tail in (", i've done doubles all week",
                                               " im exhausted", " the commute is brutal")]
)  # fmt: skip


def test_recognizer_questions_without_an_opener_are_found() -> None:
    missed = []
    for text, lead in itertools.product(OPEN_SUBJECT, LEADS):
        for style in _styles(text):
            answer = lead + style
            spans = find_questions(answer)
            if not any(s <= len(lead) < e for s, e in spans):
                missed.append(answer)
    assert not missed, missed[:10]


def test_statements_that_look_like_questions_are_not_questions() -> None:
    found = []
    for text, lead in itertools.product(STATEMENTS, ("", "Sure. ", "honestly ")):
        for answer in (lead + text, (lead + text).lower(), lead + text + "."):
            if find_questions(answer):
                found.append((answer, find_questions(answer)))
    assert not found, found[:10]


def test_the_questions_keep_their_spans_whole() -> None:
    """The new openers start the span at the question's first word, and spans stay slices."""
    for text in OPEN_SUBJECT:
        answer = "thanks that helps. " + text
        (span,) = [s for s in find_questions(answer) if s[0] >= len("thanks that helps. ")]
        assert answer[span[0] : span[1]].lower().startswith(text.split()[0])


PAYING_ONES_WAY = tuple(
    f"{lead} {x}"
    for lead, x in itertools.product(
        ("a lot of our patients", "people", "we", "my parents", "folks on the phone"),
        ("couldnt pay their bills", "can't pay the rent", "cannot pay for meds",
         "had no way to pay for meds", "couldn't afford to pay for childcare",
         "didnt have enough to pay for the bus"),
    )
)  # fmt: skip
PAY_ASKED = (
    "what does it pay", "do you pay interns", "how much does the role pay", "is it paid",
    "whats the pay like", "are they willing to pay for relocation", "does it pay well",
)  # fmt: skip


def _cues(manager: str, answer: str) -> set[str]:
    return {c.cue for c in analyze_answer(manager, answer, rules_only=True).cues}


def test_paying_ones_own_way_is_no_pay_question() -> None:
    wrong = [
        a for a in PAYING_ONES_WAY if "pay_question" in _cues("So what made you reach out?", a)
    ]
    assert not wrong, wrong[:5]
    missed = [a for a in PAY_ASKED if "pay_question" not in _cues("Any questions for me?", a)]
    assert not missed, missed


OFFERS_OF_A_THING = tuple(
    f"{ask} {thing}?"
    for ask, thing in itertools.product(
        ("Want me to send you", "Shall I send you", "I can send you", "Should I forward you",
         "i can pass you", "do you want me to send you"),
        ("the job description", "the slides from the talk", "the event slides", "some reading",
         "a link to the paper", "my notes", "the details", "more info"),
    )
)  # fmt: skip
OFFERS_OF_THE_POSITION = (
    "Shall I put you forward for it?", "Want me to send you to the hiring manager?",
    "I can send you the application link?", "Should I forward you the offer letter?",
    "Can I put your name forward?", "Want me to pass your CV along?",
    "Shall I mention you to the director?", "I could recommend you for the role?",
)  # fmt: skip
YESES = ("Sure, thanks!", "yes please", "yeah that would be helpful thank you", "Sure.")


def test_an_offer_of_a_thing_is_no_commitment_question() -> None:
    for line in OFFERS_OF_A_THING:
        assert "commitment_question" not in {c.cue for c in manager_cues(line)}, line
        for yes in YESES:
            assert analyze_answer(line, yes, rules_only=True).frame == "neutral", (line, yes)


def test_an_offer_of_the_position_still_is() -> None:
    for line in OFFERS_OF_THE_POSITION:
        assert "commitment_question" in {c.cue for c in manager_cues(line)}, line
        for yes in YESES:
            assert analyze_answer(line, yes, rules_only=True).frame == "interview", (line, yes)


PAY_PUT_SECOND = tuple(
    f"{lead}{word}{rest}"
    for lead, word, rest in itertools.product(
        ("Honestly ", "to be fair the ", "", "Good to hear, though "),
        ("pay", "money", "salary", "the compensation"),
        (" isn't the first thing on my mind.", "'s not my priority right now", " is secondary",
         " doesnt matter that much to me", " does not drive this for me", " matters less"),
    )
)  # fmt: skip


def test_pay_put_second_is_no_pay_question() -> None:
    wrong = [
        a for a in PAY_PUT_SECOND if "pay_question" in _cues("We pay well, for what it's worth.", a)
    ]
    assert not wrong, wrong[:5]
    for asked in (
        "the pay is what exactly?",
        "is the salary negotiable",
        "money is what, roughly?",
    ):
        assert "pay_question" in _cues("Any questions?", asked), asked


OFFERS_OF_HELP = (
    "Is there anything I can help with?", "Can I get you a drink?", "Want a copy of the agenda?",
    "anything else i can do for you", "Would a tour of the lab help?",
)  # fmt: skip
POLITE_NOS = tuple(
    f"{no}{sep}{thanks}"
    for no, sep, thanks in itertools.product(
        ("Not right now", "not at the moment", "Maybe later", "I'm good for now", "no, not yet",
         "im all set"),
        (", but ", ", ", ". ", " "),
        ("thank you for asking.", "thanks!", "thanks so much", "thank you for the offer"),
    )
)  # fmt: skip


def test_a_polite_no_to_an_offer_hedges_nothing() -> None:
    for line, answer in itertools.product(OFFERS_OF_HELP, POLITE_NOS):
        assert analyze_answer(line, answer, rules_only=True).frame == "neutral", (line, answer)
    # to the position itself, or with more said, it still hedges
    for line, answer in (
        ("Would you want me to mention you to our director?", "Maybe later, thanks."),
        ("Are you interested in the role?", "Not right now, thanks."),
        ("Is there anything I can help with?", "Not right now, maybe once I know more."),
    ):
        assert analyze_answer(line, answer, rules_only=True).frame == "exploration", answer


ROUGH_AMOUNTS = tuple(
    f"{lead} {word} {amount} {what}"
    for lead, word, amount, what in itertools.product(
        ("It was a small crowd,", "I wrote", "we see", "i go"),
        ("maybe", "perhaps", "possibly"),
        ("forty", "20", "a dozen", "twice", "about ten", "around 30", "half", "a couple"),
        ("people.", "applications a year", "times a month"),
    )
)  # fmt: skip


def test_a_rough_amount_is_no_hedge() -> None:
    wrong = [a for a in ROUGH_AMOUNTS if "conditional_interest" in _cues("How was it?", a)]
    assert not wrong, wrong[:5]
    for hedge in ("Maybe.", "maybe one day", "Perhaps, if the team is right.", "possibly, yes"):
        assert "conditional_interest" in _cues("Are you interested in the role?", hedge), hedge


# --- statements the no-opener question pattern must leave alone (review of 9fe5ffc) ----------

SUBJECT_DROP = (
    [f"{verb} {thing} {tail}"
     for verb, thing, tail in itertools.product(
         ("did", "Did"),
         ("two years", "three months", "marketing", "physio", "teaching", "nursing school",
          "law school", "accounting", "a stint", "retail", "ten years"),
         ("at a bank before that", "for five years", "in glasgow", "for ten years then switched",
          "then moved here", "before this"))]
    + [f"{verb} {thing} {tail}"
       for verb, thing, tail in itertools.product(
           ("has", "does"), ("three kids", "two dogs", "wonders", "a lot"),
           ("so nights are hard", "for morale honestly", "for my sanity"))]
    + [f"{cop} a {x}" for cop, x in itertools.product(
        ("was", "is"), ("long day", "nightmare", "lot of fun", "great team", "tough year"))]
)  # fmt: skip
RELATIVE = [
    f"which {verb} {tail}"
    for verb, tail in itertools.product(
        ("brings me", "reminds me", "makes sense", "made me", "led me", "gives me", "ended",
         "is why", "was why", "is how", "got me", "sounds great", "helped a lot"),
        ("", " to my next point", " i met lena", " honestly"),
    )
]  # fmt: skip
ELSE_SUBJECT = [
    f"{who} else {verb}"
    for who, verb in itertools.product(
        ("anyone", "anybody", "anything"),
        ("would have quit", "will tell you the same", "could have done it", "would be a compromise",
         "is a bonus", "was worse", "has it harder", "did the same", "wouldn't bother",
         "seems like a step back", "would be a compromise for me"),
    )
]  # fmt: skip
STILL_ASKED = [
    *(f"{aux} {subj} {rest}"
      for aux, subj, rest in itertools.product(
          ("did", "does"), ("you", "your team", "marketing", "it", "the clinic"),
          ("sit with sales", "grow last year", "like it", "change much"))),
    *(f"has {subj} {rest}" for subj, rest in itertools.product(
        ("your team", "the clinic", "marketing", "it"), ("grown", "changed much", "hired lately"))),
    *(f"{who} else {rest}" for who, rest in itertools.product(
        ("anyone", "anybody", "anything"),
        ("you think i should talk to", "i should know", "on the team i should meet",
         "worth knowing"))),
    *(f"which {noun} {rest}" for noun, rest in itertools.product(
        ("skills", "tools", "teams", "roles", "projects"),
        ("matter most if i want to move", "count most here", "work closest with you"))),
    "was it hard", "was it worth it", "is a degree required", "is a car necessary",
    "is fernhill hiring pms right now", "does marketing sit with sales", "what about your side",
    "which skills matter most if..", "which is better", "which is the best way in",
]  # fmt: skip


def test_subject_drop_relative_and_else_statements_are_not_questions() -> None:
    found = []
    for text, lead in itertools.product(
        SUBJECT_DROP + RELATIVE + ELSE_SUBJECT, ("", "so ", "I'm in logistics. ", "yeah ")
    ):
        for answer in (lead + text, (lead + text).lower(), lead + text + ".", lead + text + "!"):
            if find_questions(answer):
                found.append((answer, find_questions(answer)))
    assert not found, found[:10]


def test_a_sentence_closed_with_a_full_stop_is_no_opener_question() -> None:
    """SENTENCE_QUESTION reads unpunctuated recognizer text: a "." or "!" closing the sentence
    says the writer or recognizer heard a statement (ellipses and decimals close nothing)."""
    asked = [
        t for t in OPEN_SUBJECT if not t.startswith(("what about", "which part", "what tools"))
    ]
    wrongly = [
        t + end
        for t, end in itertools.product(asked, (".", "!", ". i heard good things"))
        if find_questions(t + end) and not _has_opener(t)
    ]
    assert not wrongly, wrongly[:10]
    for text in asked:
        assert find_questions(text + "..."), text
        assert find_questions(text + "?"), text


def _has_opener(text: str) -> bool:
    """Whether a closed-class opener (do you, is there, what is...) asks it, punctuated or not."""
    from app.framing import patterns as p

    return bool(p.YES_NO_QUESTION.match(text) or p.WH_QUESTION.match(text))


def test_questions_beside_those_statements_still_are() -> None:
    missed = []
    for text, lead in itertools.product(STILL_ASKED, ("", "so ", "Cool. ")):
        for answer in (lead + text, (lead + text).lower(), lead + text + "?"):
            if not any(s <= len(lead) < e for s, e in find_questions(answer)):
                missed.append(answer)
    assert not missed, missed[:10]


def test_a_statement_about_anyone_else_is_no_referral_request() -> None:
    for text in ELSE_SUBJECT:
        cues = _cues("Tell me about yourself.", text[0].upper() + text[1:] + ".")
        assert "referral_seeking" not in cues, (text, cues)
