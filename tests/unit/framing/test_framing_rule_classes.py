"""Classes of wording the rules decided wrongly on the writers' held-out fifth (session 8), each
generated over templates x fillers x manager lines, typed and in recognizer style (lower case,
no punctuation, no apostrophes), with the counter-class the fix must leave alone:

* "maybe" as politeness inside a request ("could you maybe pass my name along") hedges nothing;
  "Maybe.", "maybe later", "Could I maybe get back to you on that?" still do.
* declining to answer ("I'd rather not say") is no conditional interest; "I'd rather learn more
  first" and "I'd rather not say yes until I've talked to my partner" still are.
* "flag your application / flag you to the recruiter" asks for commitment: a bare yes to it is.
* "I'll take it" to an offered thing (a card, an email, a coffee) commits to nothing; to work
  offered it still does.
* a pay change asked about the other person's own move ("did you take a pay cut when you
  switched?") asks no pay question; "would it be a pay cut?", "did you find out the pay for this
  role?" and a pay question beside "when you joined" still do.
* a bare hedge answering small talk (pizza, lunch) or a question about a fact of one's status
  in the line's last sentence ("Do you have your license yet?" "Not yet.") hedges nothing; "Have
  you applied anywhere yet?" "Not yet, I'm still looking around." and small talk before "Would
  you consider joining us?" still hedge (a bare "Not yet." to "Have you applied anywhere yet?"
  is a plain no since session 14: `test_session14_plain_no.py`).
* "introduce me to whoever's hiring" asks for the job; "introduce me to whoever runs the data
  team" still seeks a referral to learn.
* "I ran out last week" pitches nothing; "I ran the night shift for six years" still does.
* "perhaps/maybe" weighing a claim ("So perhaps more than I let on.", "curiosity is perhaps my
  defining trait") hedges no interest (the hedges above still hedge).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from app.framing.analyzer import analyze_answer
from app.framing.evaluation import recognizer_style
from app.framing.model import TurnAnalysis

Case = tuple[str | None, str]


def _styles(cases: list[Case]) -> list[Case]:
    """Each case typed and as the recognizer writes it (manager line too)."""
    out = list(cases)
    out += [(None if m is None else recognizer_style(m), recognizer_style(a)) for m, a in cases]
    return out


def _rules(case: Case) -> TurnAnalysis:
    return analyze_answer(case[0], case[1], rules_only=True)


def _every(cases: list[Case], check: Callable[[Case], None]) -> None:
    """Run `check` on every case; fail listing the first few that break it."""
    failed = []
    for case in cases:
        try:
            check(case)
        except AssertionError as error:
            failed.append(str(error))
    assert not failed, f"{len(failed)} of {len(cases)}: {failed[:6]}"


def _cues(result: TurnAnalysis, name: str) -> list[str]:
    return [c.text.lower() for c in result.cues if c.cue == name]


LEADS = ("", "Um, sorry, ", "oh okay no worries, ", "Yes please, and ")
HELP_LINES = ("Anything else I can help you with?", "I'm just a team lead, I don't hire.")

# --- "maybe" as politeness inside a request ---------------------------------------------------

POLITE_MAYBE_REQUESTS = _styles(
    [
        (line, f"{lead}{modal} {subject} maybe {ask}?")
        for lead, (modal, subject), ask, line in itertools.product(
            LEADS,
            (("could", "you"), ("can", "you"), ("would", "you"), ("could", "I"), ("can", "I")),
            ("pass my name along to the hiring manager", "put in a good word for me",
             "send my CV over for the analyst job", "refer me for the coordinator job"),
            HELP_LINES,
        )
    ]
)  # fmt: skip
HEDGING_MAYBE = _styles(
    [
        ("Would you be interested in the analyst position?", answer)
        for answer in (
            "Maybe.", "Maybe later, I'm still looking around.", "I could maybe see myself there.",
            "Maybe, I'd need to know more about the team.", "Perhaps, it depends on the team.",
            "Possibly, I'm not sure yet.", "maybe one day", "Hmm, maybe.",
            "Could I maybe get back to you on that?", "Would I maybe be a fit for it?",
            "could we maybe talk again next month", "Can I maybe think it over?",
        )
    ]
)  # fmt: skip


def _maybe_inside_a_request_hedges_nothing(case: Case) -> None:
    assert not _cues(_rules(case), "conditional_interest"), case


def test_maybe_inside_a_request_hedges_nothing() -> None:
    _every(POLITE_MAYBE_REQUESTS, _maybe_inside_a_request_hedges_nothing)


def _a_softened_request_for_the_job_is_an_interview(case: Case) -> None:
    result = _rules(case)
    assert result.frame == "interview", case
    assert _cues(result, "job_request"), case


def test_a_softened_request_for_the_job_is_an_interview() -> None:
    _every(POLITE_MAYBE_REQUESTS, _a_softened_request_for_the_job_is_an_interview)


def _maybe_about_interest_still_hedges(case: Case) -> None:
    result = _rules(case)
    assert result.frame == "exploration", (case, result.cues)
    assert _cues(result, "conditional_interest") or _cues(result, "honest_uncertainty"), case


def test_maybe_about_interest_still_hedges() -> None:
    _every(HEDGING_MAYBE, _maybe_about_interest_still_hedges)


# --- declining to answer ----------------------------------------------------------------------

PERSONAL_LINES = (
    "Can I ask how old you are?", "Why are you leaving your current job?",
    "Are you talking to other companies?", "What are your salary expectations?",
    "Are you married?",
)  # fmt: skip
DECLINES = _styles(
    [
        (line, f"{lead}{rather} not {verb}{tail}")
        for lead, rather, verb, tail, line in itertools.product(
            ("", "Um, ", "new management, a lot of changes, "),
            ("I'd rather", "I would rather", "Honestly I'd rather"),
            ("say", "get into it", "go into that", "answer that", "share that", "talk about it",
             "discuss that"),
            (".", ", if that's all right.", ", but I'm happy to talk through my experience."),
            PERSONAL_LINES,
        )
    ]
)  # fmt: skip
STILL_RATHER = _styles(
    [
        ("Would you be interested in the analyst position?", answer)
        for answer in (
            "I'd rather learn more about the team first.", "I'd rather wait a bit, honestly.",
            "I'd rather see the day to day before I decide.", "I would rather hold off for now.",
            "I'd rather meet the team first.", "Id rather think about it.",
            "I'd rather not say yes until I've talked to my partner.",
            "I'd rather not say yes just yet, I need to think.",
            "I'd rather not answer that until I know more.",
            "id rather not commit before i see the team",
        )
    ]
)  # fmt: skip


def _declining_to_answer_is_no_conditional_interest(case: Case) -> None:
    result = _rules(case)
    assert not _cues(result, "conditional_interest"), case
    assert result.frame == "neutral", (case, result.cues)


def test_declining_to_answer_is_no_conditional_interest() -> None:
    _every(DECLINES, _declining_to_answer_is_no_conditional_interest)


def _rather_about_deciding_still_hedges(case: Case) -> None:
    result = _rules(case)
    assert result.frame == "exploration", case
    assert _cues(result, "conditional_interest"), case


def test_rather_about_deciding_still_hedges() -> None:
    _every(STILL_RATHER, _rather_about_deciding_still_hedges)


# --- an offer to flag the seeker ----------------------------------------------------------------

FLAG_LINES = (
    "We're hiring two inspectors. Want me to flag your application?",
    "Would you want me to flag you for the next cohort?",
    "I think you'd do well here. Want me to flag you to the recruiter?",
    "Shall I flag your CV to the hiring manager?",
    "I could flag your name for the spring intake, want that?",
)
YESES = ("yes", "Yes please!", "yeah definitely", "Absolutely.", "yes definitely flag it",
         "Oh yes, please do.", "yes yes a thousand times yes", "Sure, thank you!")  # fmt: skip
FLAG_YES = _styles([(line, yes) for line, yes in itertools.product(FLAG_LINES, YESES)])
FLAG_OTHER = _styles(
    [
        (line, yes)
        for line, yes in itertools.product(
            ("Let me flag that for the team.", "I'll flag it as a known issue."), YESES
        )
    ]
)


def _yes_to_an_offer_to_flag_you_is_commitment(case: Case) -> None:
    result = _rules(case)
    assert result.frame == "interview", (case, result.cues)
    assert _cues(result, "commitment"), (case, result.cues)


def test_yes_to_an_offer_to_flag_you_is_commitment() -> None:
    _every(FLAG_YES, _yes_to_an_offer_to_flag_you_is_commitment)


def _flagging_a_thing_asks_for_no_commitment(case: Case) -> None:
    assert not _cues(_rules(case), "commitment"), case


def test_flagging_a_thing_asks_for_no_commitment() -> None:
    _every(FLAG_OTHER, _flagging_a_thing_asks_for_no_commitment)


# --- "I'll take it" to an offered thing ---------------------------------------------------------

THING_LINES = (
    "Do you want the recruiter's email?", "Here's my card.", "Would you like a coffee?",
    "There's one brochure left, do you want it?", "Want my number?",
    "I have the slides on a stick if you want them.",
)  # fmt: skip
TAKE_IT = ("{t}, I'll take it.", "oh {t} ill take it", "{t}! I'll take it, thanks so much.",
           "{t}, I'll take it. What do you wish more people asked you?")  # fmt: skip
THANKS = ("Thank you", "Great", "Oh perfect", "Sure")
TAKES_THING = _styles(
    [(line, form.format(t=t)) for line, form, t in itertools.product(THING_LINES, TAKE_IT, THANKS)]
)
WORK_LINES = (
    "We might have an opening in parks maintenance.", "It's a contract role for now.",
    "I might have a lead on a job for you, but it's in billing.",
    "There's a night shift spot if you want it.",
)  # fmt: skip
TAKES_WORK = _styles(
    [(line, form.format(t=t)) for line, form, t in itertools.product(WORK_LINES, TAKE_IT, THANKS)]
)


def _taking_an_offered_thing_commits_to_nothing(case: Case) -> None:
    result = _rules(case)
    assert not _cues(result, "commitment"), (case, result.cues)
    assert result.frame != "interview", (case, result.cues)


def test_taking_an_offered_thing_commits_to_nothing() -> None:
    _every(TAKES_THING, _taking_an_offered_thing_commits_to_nothing)


def _taking_offered_work_is_still_commitment(case: Case) -> None:
    result = _rules(case)
    assert result.frame == "interview", case
    assert _cues(result, "commitment"), case


def test_taking_offered_work_is_still_commitment() -> None:
    _every(TAKES_WORK, _taking_offered_work_is_still_commitment)


# --- pay words about the other person's own move ------------------------------------------------

MOVE_LINES = (
    "I went from store manager to corporate merchandising.",
    "I switched from teaching to product about five years ago.",
    "What would you ask someone who's made the same switch?",
)
THEIR_MOVE = _styles(
    [
        (line, f"{lead}{question}")
        for line, lead, question in itertools.product(
            MOVE_LINES,
            ("", "Honestly, ", "whether they regretted it and ", "Can I ask, "),
            ("was that a big pay cut at first?", "did you take a pay cut when you switched?",
             "money wise did you take a big hit when you switched?",
             "was there a salary cut when you moved over?",
             "did you have to take less money when you made the move?",
             "did you see a pay drop after you moved?"),
        )
    ]
)  # fmt: skip
THE_POSITIONS_PAY = _styles(
    [
        ("We have an opening on the merchandising team.", f"{ask} {what}{scope}?")
        for ask, what, scope in itertools.product(
            ("Did you have a number in mind for", "Did you get a chance to check",
             "Did you find out", "Were you able to get me"),
            ("the salary", "the pay", "the hourly rate", "a salary range"),
            (" for this role", " for the position", ""),
        )
    ]
    + [
        ("I went from store manager to corporate merchandising.", question)
        for question in (
            "Would it be a pay cut for me?", "What's the salary for the role?",
            "What does it pay when you start?", "Is the pay better than retail?",
            "so whats the salary for this role and when you started here did you like it",
            "how much does it pay and what was it like when you joined",
            "would i have to take a pay cut",
        )
    ]
)  # fmt: skip


def _pay_in_their_own_move_is_no_pay_question(case: Case) -> None:
    result = _rules(case)
    assert not _cues(result, "pay_question"), (case, result.cues)
    assert result.frame != "interview", (case, result.cues)


def test_pay_in_their_own_move_is_no_pay_question() -> None:
    _every(THEIR_MOVE, _pay_in_their_own_move_is_no_pay_question)


def _the_positions_pay_is_still_a_pay_question(case: Case) -> None:
    result = _rules(case)
    assert result.frame == "interview", case
    assert _cues(result, "pay_question"), case


def test_the_positions_pay_is_still_a_pay_question() -> None:
    _every(THE_POSITIONS_PAY, _the_positions_pay_is_still_a_pay_question)


def test_the_classes_are_generated_at_scale() -> None:
    for cases in (POLITE_MAYBE_REQUESTS, DECLINES, FLAG_YES, TAKES_THING, THEIR_MOVE):
        assert len(cases) >= 80


# --- a bare hedge answering small talk ----------------------------------------------------------

SOCIAL_LINES = (
    "Are you hungry? There's pizza in the back.", "Did you want to grab lunch after this?",
    "The samosas are great. Did you try the samosas?", "Would you like a coffee?",
    "We're at the booth all day. Want a cookie?",
)  # fmt: skip
STATUS_LINES = (
    "Do you have your license yet?", "Are you a member of the state nurses association?",
    "You ever worked a lathe?", "Have you used Figma before?",
    "Are you licensed in this state?", "Have you tried the dumplings yet?",
)  # fmt: skip
SMALL_TALK_HEDGES = _styles(
    [
        (line, f"{lead}{hedge}{tail}")
        for line, lead, hedge, tail in itertools.product(
            SOCIAL_LINES + STATUS_LINES,
            ("", "oh nice, ", "Okay thank you, ", "no, "),
            ("maybe", "not yet", "Maybe later", "perhaps", "not just yet"),
            (".", " in a bit.", ", I take the exam in three weeks.", " if you have time"),
        )
    ]
)  # fmt: skip
WORK_HEDGES = _styles(
    [
        (line, f"{lead}{hedge}{tail}")
        for line, lead, hedge, tail in itertools.product(
            (
                "Would you like to grab a coffee and talk about the analyst role?",
                "Have you applied anywhere yet?",
                "Are you interested in the position?",
                "Do you want me to set up an interview?",
            ),
            ("", "Hmm, "),
            ("maybe", "not yet", "Maybe later", "perhaps"),
            (".", ", I'm still looking around."),
        )
        # a bare "not yet" to a question of status is a plain no (session 14)
        if not (line.startswith("Have you applied") and hedge == "not yet" and tail == ".")
    ]
)  # fmt: skip


SMALL_TALK_THEN_WORK = _styles(
    [
        (f"{talk} {work}", hedge)
        for talk, work, hedge in itertools.product(
            ("Are you hungry? There's pizza in the back.", "Have you used Kafka much?",
             "The coffee here is great.", "Are you a member of the nurses association?"),
            ("Would you consider joining us?", "Want to meet the team next week?",
             "Would you come back and talk to Dana?",
             "Would you be interested in working with them?"),
            ("Maybe.", "Maybe later.", "Not yet, maybe.", "maybe"),
        )
    ]
)  # fmt: skip


def _a_bare_hedge_to_small_talk_hedges_nothing(case: Case) -> None:
    result = _rules(case)
    assert not _cues(result, "conditional_interest"), (case, result.cues)
    assert result.frame == "neutral", (case, result.cues)


def test_a_bare_hedge_to_small_talk_hedges_nothing() -> None:
    assert len(SMALL_TALK_HEDGES) >= 80
    _every(SMALL_TALK_HEDGES, _a_bare_hedge_to_small_talk_hedges_nothing)


def _a_hedge_about_work_still_hedges(case: Case) -> None:
    result = _rules(case)
    assert result.frame == "exploration", (case, result.cues)
    assert _cues(result, "conditional_interest"), case


def test_a_hedge_about_work_still_hedges() -> None:
    _every(WORK_HEDGES + SMALL_TALK_THEN_WORK, _a_hedge_about_work_still_hedges)


# --- an introduction to whoever is hiring ---------------------------------------------------------

INTRO_TO_HIRING = _styles(
    [
        (line, f"{lead}{ask} {target} {tail}")
        for line, lead, ask, target, tail in itertools.product(
            ("Anything else on your mind?", "I work on the state's Medicaid expansion rollout."),
            ("", "Honestly that's where I want to be. ", "um "),
            ("could you introduce me to", "Is there any way you could introduce me to",
             "can you connect me with", "would you introduce me to"),
            ("whoever's hiring", "whoever is hiring", "the person who's hiring",
             "someone who is recruiting", "the people that are hiring"),
            ("for it?", "for the lab tech job", "on your team?"),
        )
    ]
)  # fmt: skip
INTRO_TO_LEARN = _styles(
    [
        ("Anything else on your mind?", f"could you introduce me to {who}?")
        for who in (
            "whoever runs the data team",
            "someone who made the switch",
            "the person who leads research",
            "anyone who works on the rollout",
        )
    ]
)


def _an_introduction_to_whoever_hires_asks_for_the_job(case: Case) -> None:
    result = _rules(case)
    assert result.frame == "interview", (case, result.cues)
    assert _cues(result, "job_request"), case


def test_an_introduction_to_whoever_hires_asks_for_the_job() -> None:
    _every(INTRO_TO_HIRING, _an_introduction_to_whoever_hires_asks_for_the_job)


def _an_introduction_to_learn_is_still_referral_seeking(case: Case) -> None:
    result = _rules(case)
    assert result.frame == "exploration", (case, result.cues)
    assert not _cues(result, "job_request"), case


def test_an_introduction_to_learn_is_still_referral_seeking() -> None:
    _every(INTRO_TO_LEARN, _an_introduction_to_learn_is_still_referral_seeking)


# --- "run" as a phrasal verb ---------------------------------------------------------------------

PHRASAL_RUN = _styles(
    [
        ("Do you have a card?", f"{lead}{subject} {run} {rest}")
        for lead, subject, run, rest in itertools.product(
            ("oh um ", "Sorry, ", ""),
            ("i", "I actually", "I've"),
            ("ran out", "run out", "ran late", "ran into trouble", "run short", "ran over"),
            ("last week, but I can text you my number.", "so maybe email is easier",
             "of them at the booth"),
        )
    ]
)  # fmt: skip
LEADING_RUN = _styles(
    [
        # after a line that asks nothing about the seeker: a plain fact answering "Tell me
        # about yourself." pitches nothing (trial 8 H26, test_trial8_fact_then_question.py)
        (line, f"{subject} {run} {what}.")
        for line, subject, run, what in itertools.product(
            ("We need someone to lead the night team.", "Our team is growing fast."),
            ("I", "I've"),
            ("ran", "run"),
            ("the night shift for six years", "a team of twelve", "the science olympiad team"),
        )
    ]
)


def _a_phrasal_run_is_no_pitch(case: Case) -> None:
    assert not _cues(_rules(case), "self_promotion"), case


def test_a_phrasal_run_is_no_pitch() -> None:
    assert len(PHRASAL_RUN) >= 80
    _every(PHRASAL_RUN, _a_phrasal_run_is_no_pitch)


def _running_something_is_still_a_pitch(case: Case) -> None:
    assert _cues(_rules(case), "self_promotion"), case


def test_running_something_is_still_a_pitch() -> None:
    _every(LEADING_RUN, _running_something_is_still_a_pitch)


# --- "perhaps" weighing a claim -----------------------------------------------------------------

WEIGHED_CLAIMS = _styles(
    [
        (line, f"{lead}{claim}")
        for line, lead, claim in itertools.product(
            ("What do you know about municipal finance?", "We really value curiosity on our team.",
             "What are you like under pressure?"),
            ("", "Honestly, ", "That's wonderful to hear, because "),
            ("curiosity is perhaps my defining trait.", "so perhaps more than I let on.",
             "maybe better than you'd think.", "that's possibly my biggest strength.",
             "it's maybe the strongest part of my work.", "perhaps even more than my manager.",
             "calm is maybe my main thing.", "perhaps less than I should, but I learn fast."),
        )
    ]
)  # fmt: skip


def _perhaps_weighing_a_claim_hedges_nothing(case: Case) -> None:
    assert not _cues(_rules(case), "conditional_interest"), case


def test_perhaps_weighing_a_claim_hedges_nothing() -> None:
    assert len(WEIGHED_CLAIMS) >= 80
    _every(WEIGHED_CLAIMS, _perhaps_weighing_a_claim_hedges_nothing)
