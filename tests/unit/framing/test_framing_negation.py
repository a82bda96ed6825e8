"""Requests the seeker negates or defers are not requests, and "the open role" named inside a
question is its topic. Generated classes, both ways: the negated forms never read as a job
request or commitment (rules and hybrid), the same requests without the negator still do, and
words that look negative but invite ("can't wait to", "why not") keep the request."""

from __future__ import annotations

import itertools

from app.framing.analyzer import analyze_answer
from app.framing.cues import kept_sentences, withdrawn

LINES = (
    "So what brings you here tonight?",
    "Are you applying anywhere at the moment?",
    "Would you be interested in the analyst position?",
    "We're hiring a couple of people this spring.",
)
NEGATED = (
    "I'm not {x}", "I am not really {x}", "im not {x}", "I'm not ready to {v}",
    "I'm not going to {v}", "I'm not planning to {v}", "I'm not looking to {v}", "I won't {v}",
    "I don't want to {v}", "I don't need to {v}", "I'm not here to {v}", "I'm not trying to {v}",
    "i dont really want to {v}", "I'm not in a rush to {v}", "no need to {v}",
)  # fmt: skip
REQUESTS = (
    ("applying", "apply"), ("applying for the role", "apply for the role"),
    ("applying for anything", "apply for anything"),
    ("asking you to refer me", "ask you to refer me"),
    ("trying to get hired", "get hired"), ("asking for an interview", "get an interview"),
    ("sending you my resume", "send you my resume"),
)  # fmt: skip
TAILS = ("", " yet", " just yet", " right now")
ENDINGS = (".", ", I'm just curious about the work.", " but I'd love to keep in touch.")
NEGATED_CASES = [
    (line, form.format(x=x, v=v) + tail + end)
    for form, (x, v), tail, end, line in itertools.product(
        NEGATED, REQUESTS, TAILS, ENDINGS, LINES[:2]
    )
]
REQUEST_CUES = {"job_request", "commitment"}


def _cues(line: str, text: str, rules_only: bool) -> set[str]:
    return {c.cue for c in analyze_answer(line, text, rules_only=rules_only).cues}


def test_the_rules_find_no_request_in_a_negated_or_deferred_one() -> None:
    assert len(NEGATED_CASES) > 1000
    wrong = [t for line, t in NEGATED_CASES if _cues(line, t, True) & REQUEST_CUES]
    assert not wrong, f"{len(wrong)} of {len(NEGATED_CASES)}: {wrong[:8]}"


def test_the_hybrid_never_reads_a_negated_request_as_interview() -> None:
    sample = NEGATED_CASES[::7]
    wrong = [t for line, t in sample if analyze_answer(line, t).frame == "interview"]
    assert not wrong, f"{len(wrong)} of {len(sample)}: {wrong[:8]}"


def test_every_negated_request_is_withdrawn_from_the_model() -> None:
    assert all(withdrawn(t) >= REQUEST_CUES for _, t in NEGATED_CASES)


ASKING = (
    "I'd love to apply for the role", "can I apply for the role", "could you refer me",
    "I'm applying for the role", "I'm going to apply", "can you get me an interview",
    "I can't wait to apply for the role", "why not apply for the role", "I'm keen",
    "how long before I hear back", "I don't know how to apply for the role, can you refer me",
    "Not yet, but can I apply for the role", "I'm not sure. Can you refer me",
    "are you not hiring", "I'd love to work here", "I want this job",
)  # fmt: skip


def test_requests_without_a_negator_in_their_clause_stay_requests() -> None:
    cases = list(itertools.product(LINES, ASKING, ("?", ".", "")))
    wrong = [t for line, t, end in cases if not _cues(line, t + end, True) & REQUEST_CUES]
    assert not wrong, wrong


def test_a_plain_statement_of_not_needing_a_job_withdraws_nothing_it_did_not_say() -> None:
    assert withdrawn("I love what your team does, what's the hardest part?") == frozenset()
    assert withdrawn("I can't wait to apply!") == frozenset()
    assert withdrawn("I don't know how you do it, the hiring sounds brutal") == frozenset()


QUESTIONS = (
    "What would the person in {r} actually do?", "What does {r} involve day to day?",
    "Who would {r} report to?", "How is {r} different from yours?",
    "what would someone in {r} spend most of their time on",
    "That sounds interesting, what would the person in {r} actually do?",
    "Is {r} more on the data side or the platform side?",
)  # fmt: skip
ROLES = (
    "the open role", "the opening", "the open position", "this open role", "the new opening",
    "that vacancy",
)  # fmt: skip


def test_the_open_role_as_the_topic_of_a_question_is_no_job_request() -> None:
    cases = [(line, q.format(r=r)) for q, r, line in itertools.product(QUESTIONS, ROLES, LINES)]
    wrong = [t for line, t in cases if "job_request" in _cues(line, t, True)]
    assert not wrong, wrong[:8]
    wrong = [t for line, t in cases[::5] if analyze_answer(line, t).frame == "interview"]
    assert not wrong, wrong[:8]


def test_asking_for_an_opening_is_still_a_job_request() -> None:
    for text in (
        "Are there any open roles?", "Do you have any openings on your team?",
        "Is there an opening for me?", "I saw the opening on your site, can I apply?",
        "I'd love to be considered for the opening.", "are there any vacancies in your group",
    ):  # fmt: skip
        assert "job_request" in _cues(LINES[0], text, True), text


DEFERRED_YES = (
    "I'd like to talk to {p} first", "I'd love to, but let me talk to {p} first",
    "Yes, though I'd want to meet {p} before deciding",
    "I'm interested, but I'd like to see {p} first",
    "definitely but id want to chat with {p} first", "Sure, after I've spoken to {p} first",
)  # fmt: skip
PEOPLE = ("her", "the team", "my partner", "a couple of the engineers")
COMMITMENT_LINES = (
    "Would you be interested in the analyst position?",
    "Shall I put your name forward?",
)


def test_a_yes_or_interest_put_off_till_later_is_no_commitment() -> None:
    cases = [
        (line, form.format(p=who) + end)
        for form, who, end, line in itertools.product(
            DEFERRED_YES, PEOPLE, (".", "?", ""), COMMITMENT_LINES
        )
    ]
    wrong = [t for line, t in cases if _cues(line, t, True) & REQUEST_CUES]
    assert not wrong, wrong[:8]
    wrong = [t for line, t in cases[::3] if analyze_answer(line, t).frame == "interview"]
    assert not wrong, wrong[:8]


def test_an_ordinal_first_defers_nothing() -> None:
    for text in (
        "Yes, I'd love to be the first hire on that team.",
        "Yes, I could start first thing",
    ):
        assert "commitment" in _cues(COMMITMENT_LINES[0], text, True), text


def test_asking_to_talk_to_someone_first_withdraws_the_request_only_when_it_puts_off() -> None:
    assert withdrawn("Could I talk to her first?") >= REQUEST_CUES
    assert withdrawn("could i talk to the team lead first") >= REQUEST_CUES
    assert withdrawn("It would be my first job in data, I'd love to work at Harbor Bank") == set()
    assert withdrawn("Yes, I could start first thing Monday") == set()


# --- regressions of the first negation rules (reviewer, session 4): both sides, generated -----

ASKED_FOR = (
    "Could you put me forward for {r}?", "Is {r} still available?", "Is {r} still open?",
    "Has {r} been filled yet?", "Is {r} still accepting applications?",
    "Would you consider me for {r}?", "Yes! Is this for {r}? I can come in any day.",
    "can you tell her im really interested in {r}", "How do I apply for {r}?",
    "is {r} still open", "Are you still taking people for {r}?",
)  # fmt: skip


#: The definite roles the rules read as a request (as at 5d5573b; "this open role" and "that
#: vacancy" never were one).
ASKED_ROLES = (
    "the open role", "the opening", "the open position", "the new opening", "the vacancy",
)  # fmt: skip


def test_asking_for_the_open_role_inside_a_question_is_a_job_request() -> None:
    cases = [
        (line, q.format(r=r)) for q, r, line in itertools.product(ASKED_FOR, ASKED_ROLES, LINES)
    ]
    wrong = [t for line, t in cases if "job_request" not in _cues(line, t, True)]
    assert not wrong, wrong[:8]
    wrong = [t for line, t in cases[::5] if analyze_answer(line, t).frame != "interview"]
    assert not wrong, wrong[:8]
    assert not [t for _, t in cases if "job_request" in withdrawn(t)]


NEGATED_SENTENCES = (
    "I'm not applying anywhere else.", "I'm not here to job hunt.", "I'm not ready to apply yet.",
    "i dont really want to apply for anything right now.", "I won't ask you to refer me.",
)  # fmt: skip
EAGER = (
    "I'd move anywhere for this job.", "I'll take anything you have though!",
    "I'll take anything you have.", "honestly I would relocate tomorrow for this job",
)  # fmt: skip


def test_a_negated_sentence_withdraws_nothing_from_the_next_one() -> None:
    for negated_part, eager in itertools.product(NEGATED_SENTENCES, EAGER):
        text = f"{negated_part} {eager}"
        assert withdrawn(text) >= REQUEST_CUES, text
        assert [text[s:e].strip() for s, e in kept_sentences(text)] == [eager], text
    for text in (  # the model reads the eager sentence (its evidence is there), as it does alone
        "I'm not applying anywhere else. I'd move anywhere for this job.",
        "I'm not here to job hunt. I'll take anything you have though!",
    ):
        assert analyze_answer(LINES[0], text).frame == "interview", text


def test_without_a_circumstance_is_no_negation() -> None:
    for lead in ("Without a job right now", "without any work at the moment", "Without income"):
        for eager in ("so I'll take anything you have.", "so I'd move anywhere for this job."):
            text = f"{lead}, {eager}"
            assert withdrawn(text) == frozenset(), text
    text = "Without a job right now, so I'll take anything you have."
    assert analyze_answer(LINES[0], text).frame == "interview"
    assert withdrawn("I'd rather wait without applying just yet") >= REQUEST_CUES


OFFERS = ("Why don't I", "why dont i", "Why can't I", "Why won't I", "How about I", "how about i")
OFFERED = (
    "just send you my resume", "send you my CV and we can set up an interview",
    "apply for the role", "send you my resume tonight",
)  # fmt: skip


def test_why_dont_i_and_how_about_i_offer_a_request() -> None:
    cases = [f"{o} {x}{end}" for o, x, end in itertools.product(OFFERS, OFFERED, ("?", ""))]
    wrong = [t for t in cases if "job_request" not in _cues(LINES[0], t, True)]
    assert not wrong, wrong[:8]
    assert not [t for t in cases if withdrawn(t)]


EAGER_YES = (
    "Yes, and I'd want to start first week of March.",
    "Yes, I could start first day of next month", "Absolutely, I could start first thing Monday.",
    "Yes, I could start before we hit the new year.",
    "Definitely, I'd want to be in before that deadline you mentioned.",
    "Yes! I could start before the end of the month.", "yes i could start before christmas",
    "Yes, and first of all thank you, I'd love it.",
)  # fmt: skip


def test_a_yes_eager_to_beat_a_time_keeps_its_commitment() -> None:
    cases = list(itertools.product(COMMITMENT_LINES, EAGER_YES))
    wrong = [t for line, t in cases if "commitment" not in _cues(line, t, True)]
    assert not wrong, wrong[:8]
    assert not [t for _, t in cases if withdrawn(t)]


SET_CONDITIONS = (
    "Yes, but I'd want to talk to {p} first", "Yes, but before I decide I'd like to meet {p}",
    "I'm interested, though I'd want to meet {p} before committing",
    "Sure, but I'd like to see {p} before I give you an answer",
    "yes though id want to chat with {p} before we sign anything",
)  # fmt: skip


def test_a_yes_put_off_till_a_condition_the_seeker_sets_stays_withdrawn() -> None:
    cases = [
        (line, f.format(p=who))
        for line, f, who in itertools.product(COMMITMENT_LINES, SET_CONDITIONS, PEOPLE)
    ]
    wrong = [t for line, t in cases if _cues(line, t, True) & REQUEST_CUES]
    assert not wrong, wrong[:8]
    assert all(withdrawn(t) >= REQUEST_CUES for _, t in cases)
    later = "Yes, I'd love that. Before I forget, I'll take anything you have!"
    assert withdrawn(later) == frozenset()
