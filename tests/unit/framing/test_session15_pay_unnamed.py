"""Pay asked without a pay word is a pay question (session 15, issue 12).

"What are the numbers like?", "Ballpark?", "What does it come to a year?", "What band is it?",
"Could I live on it?", "Is it worth it money-wise?" to a manager talking about the role read
exploration or neutral: the rules knew pay only by its words (salary, pay, money...). The
class: the seeker asks for the amount (the numbers, the figure, a ballpark, what it comes to or
brings home over a period, how much we are talking) or for the pay in words that name no amount
(the band or grade, living on it, worth it financially, a retirement scheme like the pension):
a pay question, an interview, by the rules. Not the class: numbers and money about the work,
the team, the business or its customers ("what's the budget for the project", "how many people
are on the team", "what do customers spend", "what are the numbers like on the pilot"), nor
"what are the numbers like" after a line about the business's own figures ("Sales were up forty
percent this quarter."). Generated: manager lines x questions x lead-ins x typed / recognizer
style."""

from __future__ import annotations

import itertools

from app.framing.analyzer import analyze_answer
from app.framing.evaluation import recognizer_style

ROLE_LINES = (
    "We're hiring a junior analyst for the claims team.",
    "The role is mostly field work, three days on site.",
    "It's a permanent post on the ward, days and some nights.",
    "I run the platform team. We're six people and growing.",
    "We've got a coordinator opening in the spring.",
    "Honestly the job is a lot of spreadsheets and phone calls.",
)
LEADS = ("", "Okay. ", "Sounds good, and ", "Um, sorry to ask, but ", "Cool. So ")
MONEY = (
    "What are the numbers like?",
    "what kind of numbers are we talking?",
    "What do the numbers look like for someone starting out?",
    "Ballpark?",
    "Any ballpark figure for the role?",
    "what's the ballpark for someone at my level?",
    "What does it come to a year?",
    "What would it work out at per hour?",
    "What would I bring home a month?",
    "How much are we talking?",
    "What band is it?",
    "Which grade would I come in at?",
    "What's the grade for the role?",
    "Could I live on it?",
    "Is it enough to live on?",
    "Would it cover my rent?",
    "Is it worth it money-wise?",
    "Financially, is it worth it?",
    "What's in it for me?",
    "What's the retirement plan like?",
    "Is there a 401k match?",
    "Do you pay super on top?",
    "What's the superannuation like?",
)
#: Numbers and money about the work, the team, the business or its customers.
WORK_NUMBERS = (
    "What's the budget for the project?",
    "How many people are on the team?",
    "What do customers usually spend?",
    "What are the numbers like on the pilot?",
    "Ballpark, how many people use it?",
    "What's the ballpark for the project timeline?",
    "What's the budget for the migration? Ballpark?",
    "What grade do you teach?",
    "How is the company doing financially?",
    "What are the numbers for the new clinic?",
)
BUSINESS_LINES = (
    "Sales were up forty percent this quarter.",
    "We just closed our Series B and revenue doubled.",
    "Our traffic has grown a lot since the launch.",
    "We're way over budget on the new building.",
)
BUSINESS_ASKS = ("What are the numbers like?", "Ballpark?", "What are we talking, roughly?",
                 "what kind of numbers are we talking")  # fmt: skip


def _styles(line: str, answer: str) -> list[tuple[str, str]]:
    return [(line, answer), (recognizer_style(line), recognizer_style(answer))]


def test_pay_asked_without_pay_words_is_a_pay_question_by_the_rules() -> None:
    wrong = []
    cases = list(itertools.product(ROLE_LINES, LEADS, MONEY))
    for line, lead, question in cases:
        for m, a in _styles(line, lead + question):
            r = analyze_answer(m, a, rules_only=True)
            if r.frame != "interview" or "pay_question" not in [c.cue for c in r.cues]:
                wrong.append((m, a, r.frame))
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:8]}"


def test_pay_asked_without_pay_words_is_an_interview_with_the_model() -> None:
    wrong = []
    for line, question in itertools.product(ROLE_LINES, MONEY):
        for m, a in _styles(line, question):
            if analyze_answer(m, a).frame != "interview":
                wrong.append((m, a))
    assert not wrong, wrong[:8]


def test_numbers_about_the_work_are_no_pay_question() -> None:
    wrong = []
    cases = list(itertools.product(ROLE_LINES, LEADS, WORK_NUMBERS))
    for line, lead, question in cases:
        for m, a in _styles(line, lead + question):
            r = analyze_answer(m, a, rules_only=True)
            if "pay_question" in [c.cue for c in r.cues]:
                wrong.append((m, a))
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:8]}"


def test_the_numbers_after_a_line_about_the_business_are_its_figures() -> None:
    wrong = []
    for line, question in itertools.product(BUSINESS_LINES, BUSINESS_ASKS):
        for m, a in _styles(line, question):
            r = analyze_answer(m, a, rules_only=True)
            if "pay_question" in [c.cue for c in r.cues]:
                wrong.append((m, a))
    assert not wrong, wrong[:8]


def test_a_retirement_scheme_is_named_a_perk_like_the_pension() -> None:
    from app.framing import patterns as p

    for said in ("What's the retirement plan like?", "is there a 401k match",
                 "What's the superannuation like?", "Is there a pension?"):  # fmt: skip
        assert p.terms_named(said) == ("the perks",), said


# --- review 15 R10 and R7 (session 16) ---------------------------------------------------------

#: A manager's line naming the business's figures, in the words `patterns.BUSINESS_FIGURES`
#: knows (revenue, funding, budget, grew, users, quarter, how long...).
FIGURE_LINES = (
    *BUSINESS_LINES,
    "Revenue was up twenty percent this quarter.",
    "Our users love the new app.",
    "The team grew a lot last year.",
    "How long have you been looking?",
    "The funding came through in March.",
    "We hit our targets three quarters running.",
)
#: The figure asked with the seeker as the earner or the job as what pays (R10): the pay,
#: whatever figures the line named.
ANCHORED_ASKS = (
    "Nice. What would I be on, ballpark?",
    "So what are we talking for the role, ballpark?",
    "What does the role come to a year?",
    "Great. And what would the numbers look like for me?",
    "What are the numbers like for someone at my level?",
    "Ballpark, what would I take home?",
    "Any ballpark figure for the position?",
    "What would the job work out at per hour?",
)


def test_a_figure_asked_for_the_seeker_or_the_role_is_pay_after_any_business_line() -> None:
    wrong = []
    cases = list(itertools.product(FIGURE_LINES, ANCHORED_ASKS))
    for line, question in cases:
        for m, a in _styles(line, question):
            r = analyze_answer(m, a, rules_only=True)
            if r.frame != "interview" or "pay_question" not in [c.cue for c in r.cues]:
                wrong.append((m, a, r.frame))
    assert not wrong, f"{len(wrong)} of {2 * len(cases)}: {wrong[:8]}"


def test_a_figure_asked_for_the_seeker_is_pay_with_the_model_too() -> None:
    asks = ("Nice. Ballpark, what would I be on?", *ANCHORED_ASKS[1:4])
    wrong = [
        (line, question)
        for line, question in itertools.product(FIGURE_LINES[:5] + FIGURE_LINES[-4:], asks)
        if analyze_answer(line, question).frame != "interview"
    ]
    assert not wrong, f"{len(wrong)} of {9 * len(asks)}: {wrong}"


def test_an_unanchored_figure_after_a_business_line_is_still_the_business() -> None:
    """The near misses of R10: nothing names the earner or the job ("it" refers back to the
    line), so the line's figures are what is asked about."""
    asks = (*BUSINESS_ASKS, "What does it come to a year?", "Ballpark, how much is that?",
            "What's the ballpark, roughly?")  # fmt: skip
    wrong = []
    for line, question in itertools.product(FIGURE_LINES, asks):
        for m, a in _styles(line, question):
            if "pay_question" in [c.cue for c in analyze_answer(m, a, rules_only=True).cues]:
                wrong.append((m, a))
    assert not wrong, wrong[:8]


#: Lines telling of the manager's own move (R7): "worth it money-wise" asks about that move.
MOVE_LINES = (
    "I moved from consulting to here.",
    "I switched over from nursing a few years back.",
    "I left banking in 2019 to do this.",
    "I came across from the agency side last year.",
)
MOVE_ASKS = (
    "Was it worth it money-wise?",
    "Was it worth it, money-wise?",
    "Is it worth it money-wise?",
    "Financially, was it worth it?",
    "Was it worth it financially?",
    "Money-wise, was it worth it?",
    "Was the move worth it, money-wise?",
)
#: Another party's money (R7): the donors', the volunteers', the families'.
OTHER_PARTY_ASKS = (
    "Is it worth it, money-wise, for the donors?",
    "Is it worth it money-wise for the families?",
    "What are the numbers like for the volunteers?",
    "What does it come to a year for the donors?",
)
PARTY_LINES = ("We're a small charity.", "We run a food bank on weekends.",
               "Most of our funding comes from local families.")  # fmt: skip


def test_worth_it_money_wise_after_the_managers_own_move_is_no_pay_question() -> None:
    wrong = []
    for line, question in itertools.product(MOVE_LINES, MOVE_ASKS):
        for m, a in _styles(line, question):
            if "pay_question" in [c.cue for c in analyze_answer(m, a, rules_only=True).cues]:
                wrong.append((m, a))
    assert not wrong, f"{len(wrong)} of {2 * len(MOVE_LINES) * len(MOVE_ASKS)}: {wrong[:8]}"


def test_another_partys_money_is_no_pay_question() -> None:
    wrong = []
    for line, question in itertools.product(PARTY_LINES, OTHER_PARTY_ASKS):
        for m, a in _styles(line, question):
            if "pay_question" in [c.cue for c in analyze_answer(m, a, rules_only=True).cues]:
                wrong.append((m, a))
    assert not wrong, f"{len(wrong)} of {2 * len(PARTY_LINES) * len(OTHER_PARTY_ASKS)}: {wrong}"


def test_worth_it_money_wise_about_the_role_and_over_a_year_stay_pay() -> None:
    """Near misses of R7: with no move in the line, "is it worth it money-wise" asks about the
    role; the figure "for the role" or "for me" is no other party's; and "what would it come
    to over a year" asks the pay (recall)."""
    asks = ("Is it worth it money-wise?", "Financially, is it worth it?",
            "What are the numbers like for the role?", "What are the numbers like for me?",
            "And what would it come to over a year?", "What would it come to over a full year?",
            "What does the job come to across a year?")  # fmt: skip
    wrong = []
    for line, question in itertools.product(ROLE_LINES, asks):
        for m, a in _styles(line, question):
            r = analyze_answer(m, a, rules_only=True)
            if r.frame != "interview" or "pay_question" not in [c.cue for c in r.cues]:
                wrong.append((m, a, r.frame))
    assert not wrong, f"{len(wrong)} of {2 * len(ROLE_LINES) * len(asks)}: {wrong[:8]}"
